/* sink.c: the bulk of a large export written to its file from a writer
 * thread, in aligned blocks with O_DIRECT (export_internal.h, an_xsink). */
#define _GNU_SOURCE /* O_DIRECT */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export/export_internal.h"

/* O_DIRECT wants offsets, lengths and buffer addresses aligned to the
 * device's logical block: at most this. */
#define ALIGN ((size_t)4096)

/* len bytes to fd, whatever the short writes; 0, else errno. */
static int write_all(int fd, const char *p, size_t len) {
  while (len) {
    ssize_t n = write(fd, p, len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n == 0 || !errno ? EIO : errno;
    p += n, len -= (size_t)n;
  }
  return 0;
}

static void set_direct(an_xsink *s, int on) {
  int fl = fcntl(s->fd, F_GETFL);
  if (fl >= 0 && fcntl(s->fd, F_SETFL, on ? fl | O_DIRECT : fl & ~O_DIRECT) == 0) s->direct = on;
}

/* One whole block to the file: direct when the file system takes it,
 * else a plain write (EINVAL from a direct write: nothing was written). */
static int put_block(an_xsink *s, const char *p) {
  int e = write_all(s->fd, p, AN_XSINK_BLOCK);
  if (e == EINVAL && s->direct) {
    set_direct(s, 0);
    e = write_all(s->fd, p, AN_XSINK_BLOCK);
  }
  return e;
}

static void *writer(void *arg) {
  an_xsink *s = arg;
  pthread_mutex_lock(&s->mu);
  for (;;) {
    while (!s->queued && !s->stop) pthread_cond_wait(&s->cv, &s->mu);
    if (!s->queued) break;
    const char *p = s->buf[s->head];
    int failed = s->werr != 0;
    pthread_mutex_unlock(&s->mu);
    int e = failed ? 0 : put_block(s, p); /* after a failure: blocks dropped, the producer told */
    pthread_mutex_lock(&s->mu);
    if (e && !s->werr) s->werr = e;
    s->head = (s->head + 1) % AN_XSINK_NBUF;
    s->queued--;
    pthread_cond_broadcast(&s->cv);
  }
  pthread_mutex_unlock(&s->mu);
  return NULL;
}

an_status an_xsink_begin(an_xsink *s, FILE *f) {
  memset(s, 0, sizeof *s);
  s->f = f;
  s->fd = -1;
  if (fflush(f) != 0) return AN_EIO;
  struct stat sb;
  int fd = fileno(f);
  if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) return AN_OK; /* through f */
  for (int k = 0; k < AN_XSINK_NBUF; k++) {
    if (!(s->mem[k] = an_malloc(AN_XSINK_BLOCK + ALIGN))) {
      for (int j = 0; j < k; j++) an_free(s->mem[j]);
      return AN_OK; /* through f */
    }
    s->buf[k] = (char *)(((uintptr_t)s->mem[k] + ALIGN - 1) & ~(uintptr_t)(ALIGN - 1));
  }
  s->fd = fd;
  return AN_OK;
}

/* The first whole block: the bytes up to the file's next aligned offset
 * go out as a plain write, then the file turns O_DIRECT and the writer
 * thread starts (either may fail: then plain writes, or writes here). */
static void start(an_xsink *s) {
  s->started = 1;
  off_t pos = lseek(s->fd, 0, SEEK_CUR);
  if (pos >= 0) {
    size_t lead = (ALIGN - (size_t)((uint64_t)pos % ALIGN)) % ALIGN;
    if ((s->err = write_all(s->fd, s->buf[s->tail], lead)) != 0) return;
    memmove(s->buf[s->tail], s->buf[s->tail] + lead, s->used - lead);
    s->used -= lead;
    set_direct(s, 1);
  }
  if (pthread_mutex_init(&s->mu, NULL) != 0) return;
  if (pthread_cond_init(&s->cv, NULL) != 0) {
    pthread_mutex_destroy(&s->mu);
    return;
  }
  if (pthread_create(&s->thread, NULL, writer, s) != 0) {
    pthread_cond_destroy(&s->cv);
    pthread_mutex_destroy(&s->mu);
    return;
  }
  s->threaded = 1;
}

/* The filling block is whole: to the writer thread (or written here);
 * then the next block to fill. */
static void hand_over(an_xsink *s) {
  if (!s->threaded) {
    s->err = put_block(s, s->buf[s->tail]);
  } else {
    pthread_mutex_lock(&s->mu);
    s->queued++;
    pthread_cond_broadcast(&s->cv);
    while (s->queued == AN_XSINK_NBUF) pthread_cond_wait(&s->cv, &s->mu);
    s->err = s->werr;
    pthread_mutex_unlock(&s->mu);
    s->tail = (s->tail + 1) % AN_XSINK_NBUF;
  }
  s->used = 0;
}

an_status an_xsink_write(an_xsink *s, const void *data, size_t len) {
  if (s->fd < 0) return fwrite(data, 1, len, s->f) == len ? AN_OK : AN_EIO;
  const char *p = data;
  while (len && !s->err) {
    size_t n = AN_XSINK_BLOCK - s->used;
    if (n > len) n = len;
    memcpy(s->buf[s->tail] + s->used, p, n);
    s->used += n, p += n, len -= n;
    if (s->used == AN_XSINK_BLOCK && !s->started) start(s);
    if (s->used == AN_XSINK_BLOCK && !s->err) hand_over(s); /* (start wrote a lead: not whole) */
  }
  if (!s->err) return AN_OK;
  errno = s->err;
  return AN_EIO;
}

an_status an_xsink_end(an_xsink *s) {
  if (s->fd < 0) return ferror(s->f) ? AN_EIO : AN_OK;
  if (s->threaded) {
    pthread_mutex_lock(&s->mu);
    s->stop = 1;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
    pthread_join(s->thread, NULL);
    pthread_cond_destroy(&s->cv);
    pthread_mutex_destroy(&s->mu);
    if (!s->err) s->err = s->werr;
  }
  if (s->direct) set_direct(s, 0); /* the tail is no whole block */
  if (!s->err && s->used) s->err = write_all(s->fd, s->buf[s->tail], s->used);
  for (int k = 0; k < AN_XSINK_NBUF; k++) an_free(s->mem[k]);
  off_t pos = lseek(s->fd, 0, SEEK_CUR); /* f goes on where the file is now */
  if (pos >= 0 && fseeko(s->f, pos, SEEK_SET) != 0 && !s->err) s->err = errno ? errno : EIO;
  int e = s->err;
  memset(s, 0, sizeof *s);
  s->fd = -1;
  if (!e) return AN_OK;
  errno = e;
  return AN_EIO;
}
