/* lines.c: a feed/finish line splitter (style.md C2). Bytes come in pieces
 * of any size; whole lines come out. Cost stays linear in the input: the
 * search for '\n' resumes where it stopped and only the unfinished tail is
 * moved to the front of the buffer, once per feed. */
#include <string.h>

#include "io/io_internal.h"

void an_lines_init(an_lines *l, size_t max_line) {
  memset(l, 0, sizeof *l);
  an_buf_init(&l->buf);
  l->max_line = max_line;
}

void an_lines_free(an_lines *l) {
  if (!l) return;
  an_buf_free(&l->buf);
}

an_status an_lines_feed(an_lines *l, const char *p, size_t n) {
  if (l->pos > 0) { /* drop what was returned; keep the partial line */
    size_t rest = l->buf.len - l->pos;
    memmove(l->buf.data, l->buf.data + l->pos, rest);
    l->buf.len = rest;
    l->buf.data[rest] = '\0';
    l->pos = 0;
  }
  if (l->dropped) { /* inside an over-long line: keep nothing before its '\n' */
    const char *nl = memchr(p, '\n', n);
    size_t skip = nl ? (size_t)(nl - p) : n;
    l->dropped += skip;
    p += skip, n -= skip;
    if (!n) return AN_OK;
  }
  return an_buf_append(&l->buf, p, n);
}

void an_lines_finish(an_lines *l) { l->finished = 1; }

int an_lines_next(an_lines *l, const char **line, size_t *len) {
  char *start = l->buf.data ? l->buf.data + l->pos : NULL;
  size_t avail = l->buf.len - l->pos;
  if (l->dropped) {
    /* The over-long line ends at the first '\n' now pending (feed kept
     * nothing before it), or at the end of input. */
    if (avail == 0 && !l->finished) return 0;
    *line = start;
    *len = l->dropped;
    l->dropped = 0;
    l->line++;
    if (avail) l->pos++, l->scanned = 0; /* the '\n' */
    return -1;
  }
  if (avail == 0) return 0;
  char *nl = memchr(start + l->scanned, '\n', avail - l->scanned);
  size_t n;
  if (nl) {
    n = (size_t)(nl - start);
    l->pos += n + 1;
  } else if (l->finished) {
    n = avail; /* last line without '\n' */
    l->pos += n;
  } else {
    l->scanned = avail;
    if (l->max_line && avail > l->max_line) { /* start dropping it */
      l->dropped = avail;
      l->buf.len = l->pos;
      l->buf.data[l->buf.len] = '\0';
      l->scanned = 0;
    }
    return 0;
  }
  l->scanned = 0;
  l->line++;
  if (l->max_line && n > l->max_line) {
    *line = start;
    *len = n;
    return -1;
  }
  if (n && start[n - 1] == '\r') n--;
  start[n] = '\0'; /* callers may treat the line as a C string */
  *line = start;
  *len = n;
  return 1;
}
