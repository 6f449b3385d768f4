/* spill.c: where a model keeps its events: append-only binary records, in
 * memory up to a limit, then in an unlinked temporary file ($TMPDIR), read
 * back sequentially (building the graph; event lists, a batch of edges a
 * pass, from checkpoints on several threads) or by offset (the record a
 * repeated event id replaces). Keeps
 * `actornet build`'s memory independent of the number of events
 * (issue 7). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"
#include "graph/graph_internal.h"

#define WINDOW (1u << 20) /* file reads, at least */

void an_spill_init(an_spill *s, size_t limit) {
  memset(s, 0, sizeof *s);
  an_buf_init(&s->mem);
  s->limit = limit;
}

void an_spill_free(an_spill *s) {
  if (!s) return;
  an_buf_free(&s->mem);
  if (s->f) fclose(s->f);
  an_free(s->iobuf); /* after fclose, which flushes through it */
  memset(s, 0, sizeof *s);
}

/* An unlinked temporary file in $TMPDIR (else /tmp): tmpfile() would
 * ignore TMPDIR, and the spill can be as large as the events. */
static FILE *temp_file(void) {
  const char *dir = getenv("TMPDIR");
  if (!dir || !dir[0]) dir = "/tmp";
  an_buf path;
  an_buf_init(&path);
  if (an_buf_printf(&path, "%s/actornet-events-XXXXXX", dir) != AN_OK) {
    an_buf_free(&path);
    return NULL;
  }
  int fd = mkstemp(path.data);
  if (fd >= 0) unlink(path.data);
  an_buf_free(&path);
  FILE *f = fd >= 0 ? fdopen(fd, "w+b") : NULL;
  if (!f && fd >= 0) close(fd);
  return f;
}

static an_status to_file(an_spill *s) {
  s->f = temp_file();
  if (!s->f) return AN_EIO;
  /* events are appended a few hundred bytes at a time: stdio's 4 KB
   * buffer made a write call every ~20 events (without a buffer of ours
   * it keeps its own, which is only slower) */
  if ((s->iobuf = an_malloc(WINDOW)) != NULL && setvbuf(s->f, s->iobuf, _IOFBF, WINDOW) != 0) {
    an_free(s->iobuf);
    s->iobuf = NULL;
  }
  if (s->mem.len && fwrite(s->mem.data, 1, s->mem.len, s->f) != s->mem.len) return AN_EIO;
  an_buf_free(&s->mem);
  an_buf_init(&s->mem);
  s->unflushed = 1;
  return AN_OK;
}

an_status an_spill_append(an_spill *s, const void *data, size_t len, uint64_t *off) {
  *off = s->size;
  if (!s->f && s->mem.len + len > s->limit) {
    an_status st = to_file(s);
    if (st != AN_OK) return st;
  }
  if (s->f) {
    if (fwrite(data, 1, len, s->f) != len) return AN_EIO;
    s->unflushed = 1;
  } else {
    an_status st = an_buf_append(&s->mem, data, len);
    if (st != AN_OK) return st;
  }
  s->size += len;
  return AN_OK;
}

static an_status flush(an_spill *s) {
  if (s->f && s->unflushed) {
    if (fflush(s->f) != 0) return AN_EIO;
    s->unflushed = 0;
  }
  return AN_OK;
}

static an_status pread_all(FILE *f, void *buf, size_t len, uint64_t off) {
  unsigned char *p = buf;
  while (len) {
    ssize_t n = pread(fileno(f), p, len, (off_t)off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return AN_EIO;
    p += n, len -= (size_t)n, off += (uint64_t)n;
  }
  return AN_OK;
}

an_status an_spill_read(an_spill *s, uint64_t off, an_buf *b) {
  uint32_t len;
  if (off + sizeof len > s->size) return AN_EINTERNAL;
  an_status st = flush(s);
  if (st != AN_OK) return st;
  if (!s->f) memcpy(&len, s->mem.data + off, sizeof len);
  else if ((st = pread_all(s->f, &len, sizeof len, off)) != AN_OK) return st;
  if (len < sizeof(an_evrec) || off + len > s->size) return AN_EINTERNAL;
  an_buf_clear(b);
  if ((st = an_buf_reserve(b, len)) != AN_OK) return st;
  if (!s->f) memcpy(b->data, s->mem.data + off, len);
  else if ((st = pread_all(s->f, b->data, len, off)) != AN_OK) return st;
  b->len = len;
  return AN_OK;
}

an_status an_spill_set_flags(an_spill *s, uint64_t off, uint32_t flags) {
  size_t at = offsetof(an_evrec, flags);
  if (!s->f) {
    memcpy(s->mem.data + off + at, &flags, sizeof flags);
    return AN_OK;
  }
  an_status st = flush(s);
  if (st != AN_OK) return st;
  if (pwrite(fileno(s->f), &flags, sizeof flags, (off_t)(off + at)) != (ssize_t)sizeof flags) return AN_EIO;
  return AN_OK;
}

void an_spill_iter_init(an_spill_iter *it, an_spill *s) {
  memset(it, 0, sizeof *it);
  it->s = s;
  an_buf_init(&it->buf);
}

void an_spill_iter_free(an_spill_iter *it) {
  an_buf_free(&it->buf);
  an_free(it->ckpt);
}

void an_spill_iter_seek(an_spill_iter *it, uint64_t off, size_t count) {
  it->pos = off, it->count = count;
  it->base = 0;
  an_buf_clear(&it->buf);
}

an_status an_spill_flush(an_spill *s) { return flush(s); }

an_status an_spill_next(an_spill_iter *it, const unsigned char **rec) {
  an_spill *s = it->s;
  *rec = NULL;
  if (it->pos >= s->size) return AN_OK;
  if (it->keep_ckpt && it->count % AN_SPILL_CKPT == 0 && it->ckpt_st == AN_OK &&
      (it->ckpt_st = an_grow((void **)&it->ckpt, &it->cap_ckpt, it->n_ckpt + 1, sizeof *it->ckpt)) == AN_OK)
    it->ckpt[it->n_ckpt++] = it->pos;
  it->count++;
  uint32_t len;
  if (!s->f) {
    memcpy(&len, s->mem.data + it->pos, sizeof len);
    if (len < sizeof(an_evrec) || it->pos + len > s->size) return AN_EINTERNAL;
    *rec = (const unsigned char *)s->mem.data + it->pos;
    it->pos += len;
    return AN_OK;
  }
  an_status st = flush(s);
  if (st != AN_OK) return st;
  /* the window holds [base, base + buf.len): refill when the record is not in it */
  for (int pass = 0; pass < 3; pass++) {
    if (it->pos >= it->base && it->pos + sizeof len <= it->base + it->buf.len) {
      memcpy(&len, it->buf.data + (it->pos - it->base), sizeof len);
      if (len < sizeof(an_evrec) || it->pos + len > s->size) return AN_EINTERNAL;
      if (it->pos + len <= it->base + it->buf.len) {
        *rec = (const unsigned char *)it->buf.data + (it->pos - it->base);
        it->pos += len;
        return AN_OK;
      }
    } else {
      len = 0;
    }
    size_t want = len > WINDOW ? len : WINDOW;
    if (it->pos + want > s->size) want = (size_t)(s->size - it->pos);
    an_buf_clear(&it->buf);
    if ((st = an_buf_reserve(&it->buf, want)) != AN_OK) return st;
    if ((st = pread_all(s->f, it->buf.data, want, it->pos)) != AN_OK) return st;
    it->buf.len = want;
    it->base = it->pos;
  }
  return AN_EINTERNAL;
}
