/* buf.c: growable byte buffers and whole-file reads. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core.h"

void an_buf_init(an_buf *b) { b->data = NULL, b->len = 0, b->cap = 0; }

void an_buf_free(an_buf *b) {
  if (!b) return;
  an_free(b->data);
  an_buf_init(b);
}

void an_buf_clear(an_buf *b) {
  b->len = 0;
  if (b->data) b->data[0] = '\0';
}

an_status an_buf_reserve(an_buf *b, size_t extra) {
  if (extra > SIZE_MAX - b->len - 1) return AN_ENOMEM;
  return an_grow((void **)&b->data, &b->cap, b->len + extra + 1, 1);
}

an_status an_buf_append(an_buf *b, const void *p, size_t n) {
  an_status st = an_buf_reserve(b, n);
  if (st != AN_OK) return st;
  if (n) memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
  return AN_OK;
}

an_status an_buf_puts(an_buf *b, const char *s) { return an_buf_append(b, s, strlen(s)); }

an_status an_buf_putc(an_buf *b, char c) { return an_buf_append(b, &c, 1); }

an_status an_buf_printf(an_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) return AN_EINTERNAL;
  an_status st = an_buf_reserve(b, (size_t)n);
  if (st != AN_OK) return st;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return AN_OK;
}

char *an_buf_steal(an_buf *b, size_t *len) {
  if (!b->data && an_buf_reserve(b, 0) != AN_OK) return NULL;
  char *d = b->data;
  if (len) *len = b->len;
  an_buf_init(b);
  return d;
}

an_status an_file_slurp(const char *path, char **data, size_t *len, an_error *err) {
  *data = NULL;
  if (len) *len = 0;
  int is_stdin = strcmp(path, "-") == 0;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) return an_error_set(err, AN_EIO, path, 0, -1, "cannot open: %s", strerror(errno));
  an_buf b;
  an_buf_init(&b);
  an_status st = AN_OK;
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    if ((st = an_buf_append(&b, chunk, n)) != AN_OK) {
      an_error_set(err, st, path, 0, -1, "out of memory reading file");
      break;
    }
  }
  if (st == AN_OK && ferror(f)) st = an_error_set(err, AN_EIO, path, 0, -1, "read error: %s", strerror(errno));
  if (!is_stdin) fclose(f);
  if (st == AN_OK && !b.data && (st = an_buf_reserve(&b, 0)) != AN_OK)
    an_error_set(err, st, path, 0, -1, "out of memory");
  if (st != AN_OK) {
    an_buf_free(&b);
    return st;
  }
  *data = an_buf_steal(&b, len);
  return AN_OK;
}
