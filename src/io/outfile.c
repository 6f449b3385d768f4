/* outfile.c: output that is either complete or absent. Writes go to a
 * temporary file in the target's folder (so rename() stays on one file
 * system and is atomic); commit checks every write, fsyncs and renames. A
 * target that is not a regular file (/dev/null, /dev/full, a pipe) is
 * written directly: renaming over a device would replace it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "actornet/io.h"
#include "core/core.h"

#define OUT_BUFFER ((size_t)1 << 20)

struct an_outfile {
  FILE *f;
  char *path;  /* target (a symbolic link resolved) */
  char *name;  /* the path as given, for messages */
  char *tmp;   /* temporary file, NULL when writing directly */
  char *buf;   /* the stream's buffer (freed after fclose) */
  int is_stdout;
};

static void outfile_free(an_outfile *of) {
  if (!of) return;
  an_free(of->path);
  an_free(of->name);
  an_free(of->tmp);
  an_free(of->buf);
  an_free(of);
}

an_status an_outfile_open(const char *path, an_outfile **out, an_error *err) {
  *out = NULL;
  an_outfile *of = an_calloc(1, sizeof *of);
  if (!of || !(of->path = an_strdup(path)) || !(of->name = an_strdup(path))) {
    outfile_free(of);
    return an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
  }
  if (strcmp(path, "-") == 0) {
    of->f = stdout;
    of->is_stdout = 1;
    *out = of;
    return AN_OK;
  }
  struct stat st;
  int exists = stat(path, &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) {
    outfile_free(of);
    return an_error_set(err, AN_EIO, path, 0, -1, "cannot write: is a folder");
  }
  if (exists && !S_ISREG(st.st_mode)) {
    if (!(of->f = fopen(path, "wb"))) {
      int e = errno;
      outfile_free(of);
      return an_error_set(err, AN_EIO, path, 0, -1, "cannot write: %s", strerror(e));
    }
    *out = of;
    return AN_OK;
  }
  /* A symbolic link to a file: write (temporary file, rename) beside the
   * file it points to, which is what gets replaced; renaming over the link
   * would turn it into a plain file and leave its target unchanged. */
  struct stat lst;
  if (exists && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
    char *real = realpath(path, NULL);
    if (real) {
      an_free(of->path);
      of->path = an_strdup(real);
      free(real); /* realpath allocates with malloc */
      if (!of->path) {
        outfile_free(of);
        return an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
      }
    }
  }
  size_t n = strlen(of->path);
  if (!(of->tmp = an_malloc(n + sizeof ".tmpXXXXXX"))) {
    outfile_free(of);
    return an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
  }
  memcpy(of->tmp, of->path, n);
  memcpy(of->tmp + n, ".tmpXXXXXX", sizeof ".tmpXXXXXX");
  int fd = mkstemp(of->tmp);
  if (fd < 0) {
    int e = errno;
    outfile_free(of);
    return an_error_set(err, e == ENOENT || e == ENOTDIR ? AN_ENOTFOUND : AN_EIO, path, 0, -1,
                        "cannot write: %s", e == ENOENT ? "no such folder" : strerror(e));
  }
  /* mkstemp makes the file 0600; give it the mode a new file would get (or
   * the old file's mode) so the rename does not change permissions. */
  mode_t mode;
  if (exists) mode = st.st_mode & 07777;
  else {
    mode_t mask = umask(0);
    umask(mask);
    mode = 0666 & ~mask;
  }
  if (fchmod(fd, mode) != 0 || !(of->f = fdopen(fd, "wb"))) {
    int e = errno;
    close(fd);
    unlink(of->tmp);
    outfile_free(of);
    return an_error_set(err, AN_EIO, path, 0, -1, "cannot write: %s", strerror(e));
  }
  /* large writes: extract writes about four bytes for each byte it reads,
   * a few KB per document (the default buffer made a syscall of each).
   * glibc ignores the size unless it is given the buffer. */
  if ((of->buf = an_malloc(OUT_BUFFER))) setvbuf(of->f, of->buf, _IOFBF, OUT_BUFFER);
  *out = of;
  return AN_OK;
}

FILE *an_outfile_stream(an_outfile *of) { return of->f; }

const char *an_outfile_temp_path(const an_outfile *of) { return of ? of->tmp : NULL; }

an_status an_outfile_commit(an_outfile *of, an_error *err) {
  if (!of) return AN_OK;
  an_status st = AN_OK;
  int e = 0;
  errno = 0;
  if (fflush(of->f) != 0 || ferror(of->f)) e = errno ? errno : EIO;
  /* fsync makes the data durable before the rename publishes it; devices
   * and pipes do not support it (EINVAL), which is fine. */
  if (!e && of->tmp && fsync(fileno(of->f)) != 0) e = errno;
  if (of->is_stdout) {
    if (e) st = an_error_set(err, AN_EIO, "-", 0, -1, "write error: %s", strerror(e));
    outfile_free(of);
    return st;
  }
  if (fclose(of->f) != 0 && !e) e = errno ? errno : EIO;
  of->f = NULL;
  if (!e && of->tmp && rename(of->tmp, of->path) != 0) e = errno;
  if (e) {
    st = an_error_set(err, AN_EIO, of->name, 0, -1, "write error: %s", strerror(e));
    if (of->tmp) unlink(of->tmp);
  }
  outfile_free(of);
  return st;
}

void an_outfile_abort(an_outfile *of) {
  if (!of) return;
  if (of->is_stdout) {
    fflush(stdout);
  } else {
    if (of->f) fclose(of->f);
    if (of->tmp) unlink(of->tmp);
  }
  outfile_free(of);
}
