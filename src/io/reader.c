/* reader.c: input paths to documents, one at a time (io.h).
 *
 * Inputs are visited in the order given; a folder is walked depth first,
 * each directory listed only when reached and its entries sorted by byte
 * order (a subfolder sorts as "name/", so the order is that of the full
 * paths). Each file is read with read() in chunks of opts.chunk_size and fed
 * to a text or JSONL parser (feed/finish, style.md C2): memory holds one
 * chunk, one directory listing per level and the current document or line,
 * never the corpus. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/io_internal.h"

#define DEFAULT_CHUNK 65536

enum src_kind { SRC_TEXT, SRC_JSONL, SRC_SNIFF };

typedef struct dir_entry {
  char *name;
  int is_dir;
} dir_entry;

typedef struct dir_frame {
  char *path;
  dir_entry *ents;
  size_t n, next;
} dir_frame;

/* The file being read. */
typedef struct source {
  int fd;            /* -1 when no source is open */
  char *path;
  char *text_id;     /* id for a text document */
  int kind;          /* enum src_kind */
  int is_stdin;
  int eof;
  int skip;          /* the rest of this file is ignored (UTF-16) */
  int sniffed;       /* BOM (and for stdin, text vs JSONL) decided */
  an_buf head;       /* bytes held back until sniffed */
  an_buf text;       /* text document so far */
  int too_big;       /* text document beyond max_doc_bytes: drop */
  an_lines lines;    /* JSONL lines */
} source;

struct an_reader {
  an_reader_opts opts;
  char **inputs;
  size_t n_inputs, cap_inputs, next_input;
  dir_frame *stack;
  size_t depth, cap_stack;
  source src;
  char *chunk;
  an_meta *meta;
  an_jreader json; /* JSONL lines, documents and --meta records */
  size_t skipped, bytes;
  dev_t ex_dev;  /* an_reader_exclude: the file not to read */
  ino_t ex_ino;
  int has_exclude;
};

static void warn(an_reader *rd, const char *path, long line, long off, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static void warn(an_reader *rd, const char *path, long line, long off, const char *fmt, ...) {
  if (!rd->opts.warn) return;
  an_error w;
  an_error_clear(&w);
  w.code = AN_EDATA;
  snprintf(w.path, sizeof w.path, "%s", path ? path : "");
  w.line = line;
  w.offset = off;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(w.msg, sizeof w.msg, fmt, ap);
  va_end(ap);
  an_utf8_trim_tail(w.msg); /* a long id may have been cut mid-character */
  rd->opts.warn(rd->opts.warn_ctx, &w);
}

static void report(an_reader *rd, const an_error *w) {
  if (!rd->opts.warn) return;
  an_error c = *w;
  an_utf8_trim_tail(c.msg);
  rd->opts.warn(rd->opts.warn_ctx, &c);
}

an_status an_reader_new(const an_reader_opts *opts, an_reader **out, an_error *err) {
  *out = NULL;
  an_reader *rd = an_calloc(1, sizeof *rd);
  if (!rd) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  if (opts) rd->opts = *opts;
  if (!rd->opts.chunk_size) rd->opts.chunk_size = DEFAULT_CHUNK;
  rd->src.fd = -1;
  an_jreader_init(&rd->json);
  if (!(rd->chunk = an_malloc(rd->opts.chunk_size))) {
    an_free(rd);
    return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  }
  *out = rd;
  return AN_OK;
}

static void source_close(source *s) {
  if (s->fd >= 0 && !s->is_stdin) close(s->fd); /* stdin stays open */
  an_free(s->path);
  an_free(s->text_id);
  an_buf_free(&s->head);
  an_buf_free(&s->text);
  an_lines_free(&s->lines);
  memset(s, 0, sizeof *s);
  s->fd = -1;
}

static void frame_free(dir_frame *f) {
  for (size_t i = 0; i < f->n; i++) an_free(f->ents[i].name);
  an_free(f->ents);
  an_free(f->path);
}

void an_reader_free(an_reader *rd) {
  if (!rd) return;
  source_close(&rd->src);
  for (size_t i = 0; i < rd->depth; i++) frame_free(&rd->stack[i]);
  an_free(rd->stack);
  for (size_t i = 0; i < rd->n_inputs; i++) an_free(rd->inputs[i]);
  an_free(rd->inputs);
  an_meta_free(rd->meta);
  an_jreader_free(&rd->json);
  an_free(rd->chunk);
  an_free(rd);
}

size_t an_reader_skipped(const an_reader *rd) { return rd->skipped; }
size_t an_reader_bytes(const an_reader *rd) { return rd->bytes; }

static an_status path_error(an_error *err, const char *path, int e) {
  if (e == ENOENT || e == ENOTDIR)
    return an_error_set(err, AN_ENOTFOUND, path, 0, -1, "no such file or directory");
  return an_error_set(err, AN_EIO, path, 0, -1, "cannot read: %s", strerror(e));
}

an_status an_reader_add_path(an_reader *rd, const char *path, an_error *err) {
  if (!path || !*path) return an_error_set(err, AN_EINVAL, NULL, 0, -1, "empty input path");
  if (strcmp(path, "-") != 0) {
    struct stat st;
    if (stat(path, &st) != 0) return path_error(err, path, errno);
    if (S_ISDIR(st.st_mode)) {
      DIR *d = opendir(path);
      if (!d) return path_error(err, path, errno);
      closedir(d);
    } else {
      int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
      if (fd < 0) return path_error(err, path, errno);
      close(fd);
    }
  }
  if (an_grow((void **)&rd->inputs, &rd->cap_inputs, rd->n_inputs + 1, sizeof *rd->inputs) != AN_OK)
    return an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
  if (!(rd->inputs[rd->n_inputs] = an_strdup(path)))
    return an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
  rd->n_inputs++;
  return AN_OK;
}

an_status an_reader_exclude(an_reader *rd, const char *path, an_error *err) {
  (void)err;
  struct stat st;
  if (strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISREG(st.st_mode)) return AN_OK;
  rd->ex_dev = st.st_dev;
  rd->ex_ino = st.st_ino;
  rd->has_exclude = 1;
  return AN_OK;
}

/* ---- folders ---- */

static int has_ext(const char *name, const char *ext) {
  size_t n = strlen(name), e = strlen(ext);
  return n > e && strcmp(name + n - e, ext) == 0;
}

/* Byte i of the entry's name as it sorts: a folder's name goes on with '/',
 * so entries sort as their full paths do. */
static int sort_byte(const dir_entry *e, size_t len, size_t i) {
  if (i < len) return (unsigned char)e->name[i];
  return i == len && e->is_dir ? '/' : 0;
}

static int ent_cmp(const void *a, const void *b) {
  const dir_entry *x = a, *y = b;
  size_t lx = strlen(x->name), ly = strlen(y->name);
  for (size_t i = 0;; i++) {
    int c = sort_byte(x, lx, i), d = sort_byte(y, ly, i);
    if (c != d || !c) return c - d;
  }
}

static char *join(const char *dir, const char *name) {
  size_t a = strlen(dir), b = strlen(name);
  int slash = a > 0 && dir[a - 1] != '/';
  char *p = an_malloc(a + (size_t)slash + b + 1);
  if (!p) return NULL;
  memcpy(p, dir, a);
  if (slash) p[a] = '/';
  memcpy(p + a + slash, name, b + 1);
  return p;
}

/* Lists one directory: .txt and .jsonl files and subfolders, no hidden
 * entries, no symbolic links to folders (a link loop would never end). */
static an_status push_dir(an_reader *rd, const char *path, int top, an_error *err) {
  DIR *d = opendir(path);
  if (!d) {
    if (top) return path_error(err, path, errno);
    warn(rd, path, 0, -1, "cannot read folder: %s; skipped", strerror(errno));
    rd->skipped++;
    return AN_OK;
  }
  dir_frame f = {0};
  size_t cap = 0;
  an_status st = AN_OK;
  struct dirent *de;
  while ((de = readdir(d))) {
    const char *name = de->d_name;
    if (name[0] == '.') continue;
    int is_dir = 0;
    char *full = join(path, name);
    if (!full) { st = AN_ENOMEM; break; }
    struct stat lst, sst;
    if (lstat(full, &lst) == 0) {
      if (S_ISDIR(lst.st_mode)) is_dir = 1;
      else if (S_ISLNK(lst.st_mode) && stat(full, &sst) == 0 && S_ISDIR(sst.st_mode)) is_dir = -1;
      else if (rd->has_exclude && stat(full, &sst) == 0 && sst.st_dev == rd->ex_dev && sst.st_ino == rd->ex_ino)
        is_dir = -1; /* the excluded file: leave out */
      else if ((has_ext(name, ".txt") || has_ext(name, ".jsonl")) && stat(full, &sst) == 0 &&
               !S_ISREG(sst.st_mode)) {
        /* a FIFO, socket or device in a folder: opening a FIFO with no
         * writer would wait forever. Named on the command line, it is read. */
        warn(rd, full, 0, -1, "not a regular file; skipped");
        rd->skipped++;
        is_dir = -1;
      }
    }
    an_free(full);
    if (is_dir < 0) continue; /* link to a folder, or the excluded file */
    if (!is_dir && !has_ext(name, ".txt") && !has_ext(name, ".jsonl")) continue;
    if ((st = an_grow((void **)&f.ents, &cap, f.n + 1, sizeof *f.ents)) != AN_OK) break;
    if (!(f.ents[f.n].name = an_strdup(name))) { st = AN_ENOMEM; break; }
    f.ents[f.n++].is_dir = is_dir;
  }
  closedir(d);
  if (st == AN_OK && !(f.path = an_strdup(path))) st = AN_ENOMEM;
  if (st == AN_OK)
    st = an_grow((void **)&rd->stack, &rd->cap_stack, rd->depth + 1, sizeof *rd->stack);
  if (st != AN_OK) {
    frame_free(&f);
    return an_error_set(err, st, path, 0, -1, "out of memory listing folder");
  }
  if (f.n > 1) qsort(f.ents, f.n, sizeof *f.ents, ent_cmp); /* never qsort(NULL, 0): UB */
  rd->stack[rd->depth++] = f;
  return AN_OK;
}

/* ---- sources ---- */

/* A file name may be any bytes; the id goes into JSON output, so invalid
 * UTF-8 in it is replaced. */
static char *id_from_path(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
  char *raw = an_strndup(base, n);
  char *id = raw ? an_utf8_dup(raw, NULL) : NULL;
  an_free(raw);
  return id;
}

static an_status open_source(an_reader *rd, const char *path, int top, int *opened, an_error *err) {
  source *s = &rd->src;
  *opened = 0;
  int is_stdin = strcmp(path, "-") == 0;
  int fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (top) return path_error(err, path, errno);
    warn(rd, path, 0, -1, "cannot read: %s; skipped", strerror(errno));
    rd->skipped++;
    return AN_OK;
  }
  s->fd = fd;
  s->is_stdin = is_stdin;
  s->kind = is_stdin ? SRC_SNIFF : has_ext(path, ".jsonl") ? SRC_JSONL : SRC_TEXT;
  /* A JSONL line may hold a document of max_doc_bytes escaped (\uXXXX is
   * six bytes a character); longer lines are dropped unread. */
  size_t max_line = rd->opts.max_doc_bytes ? rd->opts.max_doc_bytes * 6 + 65536 : 0;
  an_lines_init(&s->lines, max_line);
  if (!(s->path = an_strdup(path)) || !(s->text_id = is_stdin ? an_strdup("stdin") : id_from_path(path))) {
    source_close(s);
    return an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
  }
  if (!s->text_id[0]) { /* a file named ".txt": use the whole name */
    an_free(s->text_id);
    const char *base = strrchr(path, '/');
    if (!(s->text_id = an_utf8_dup(base ? base + 1 : path, NULL))) {
      source_close(s);
      return an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
    }
  }
  *opened = 1;
  return AN_OK;
}

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* Passes bytes on to the parser of the source's kind. */
static an_status source_feed(an_reader *rd, const char *p, size_t n) {
  source *s = &rd->src;
  if (s->skip || !n) return AN_OK;
  if (s->kind == SRC_JSONL) return an_lines_feed(&s->lines, p, n);
  if (s->too_big) return AN_OK;
  if (rd->opts.max_doc_bytes && s->text.len + n > rd->opts.max_doc_bytes) {
    s->too_big = 1;
    an_buf_free(&s->text);
    return AN_OK;
  }
  return an_buf_append(&s->text, p, n);
}

/* Holds bytes back until the start of the input is known: a byte-order mark
 * (UTF-16 is refused, a UTF-8 one dropped) and, on stdin, whether the first
 * non-blank byte is '{' (JSONL) or not (one text document). */
static an_status source_sniff(an_reader *rd, const char *p, size_t n, int at_eof) {
  source *s = &rd->src;
  an_status st = an_buf_append(&s->head, p, n);
  if (st != AN_OK) return st;
  const unsigned char *h = (const unsigned char *)s->head.data;
  size_t len = s->head.len;
  if (len < 3 && !at_eof) return AN_OK;
  size_t start = 0;
  if (len >= 2 && ((h[0] == 0xFF && h[1] == 0xFE) || (h[0] == 0xFE && h[1] == 0xFF))) {
    warn(rd, s->path, 0, 0, "UTF-16 is not supported; convert to UTF-8 (iconv -f UTF-16 -t UTF-8); skipped");
    rd->skipped++;
    s->skip = 1;
    s->sniffed = 1;
    an_buf_free(&s->head);
    return AN_OK;
  }
  if (len >= 3 && h[0] == 0xEF && h[1] == 0xBB && h[2] == 0xBF) start = 3;
  if (s->kind == SRC_SNIFF) {
    size_t i = start;
    while (i < len && is_space(h[i])) i++;
    if (i == len && !at_eof) return AN_OK; /* only blanks so far */
    s->kind = i < len && h[i] == '{' ? SRC_JSONL : SRC_TEXT;
  }
  s->sniffed = 1;
  st = source_feed(rd, s->head.data + start, len - start);
  an_buf_free(&s->head);
  return st;
}

/* Next document from the open source, or *doc == NULL when it needs more
 * bytes (or is done). */
static an_status source_next(an_reader *rd, an_doc **doc, an_error *err) {
  source *s = &rd->src;
  *doc = NULL;
  if (s->skip || !s->sniffed) return AN_OK;
  if (s->kind == SRC_TEXT) {
    if (!s->eof) return AN_OK;
    if (s->too_big) {
      warn(rd, s->path, 0, -1, "document \"%s\" is larger than %zu bytes; skipped", s->text_id,
           rd->opts.max_doc_bytes);
      rd->skipped++;
      s->skip = 1;
      return AN_OK;
    }
    s->skip = 1; /* one document per text source */
    if (an_blank(s->text.data, s->text.len)) {
      warn(rd, s->path, 0, -1, "document \"%s\" is empty; skipped", s->text_id);
      rd->skipped++;
      return AN_OK;
    }
    an_doc *d = an_calloc(1, sizeof *d);
    if (!d || an_buf_reserve(&s->text, 0) != AN_OK) {
      an_free(d);
      return an_error_set(err, AN_ENOMEM, s->path, 0, -1, "out of memory");
    }
    d->text = an_buf_steal(&s->text, &d->len);
    d->id = s->text_id;
    s->text_id = NULL;
    if (!(d->path = an_strdup(s->path))) {
      an_doc_free(d);
      return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
    }
    *doc = d;
    return AN_OK;
  }
  /* JSONL */
  const char *line;
  size_t len;
  int r;
  while ((r = an_lines_next(&s->lines, &line, &len)) != 0) {
    long ln = s->lines.line;
    if (r < 0) {
      warn(rd, s->path, ln, -1, "line of %zu bytes is longer than the limit; skipped", len);
      rd->skipped++;
      continue;
    }
    if (an_blank(line, len)) continue; /* blank lines separate nothing: not an error */
    an_doc *d = NULL;
    an_error w;
    an_error_clear(&w);
    char note[256];
    an_status st = an_jsonl_parse_line(&rd->json, line, len, AN_LINE_DOC, s->path, ln, &d, &w, note);
    if (st == AN_ENOMEM) return an_error_set(err, AN_ENOMEM, s->path, ln, -1, "out of memory");
    if (st != AN_OK) {
      report(rd, &w);
      rd->skipped++;
      continue;
    }
    if (note[0]) warn(rd, s->path, ln, -1, "%s", note);
    if (rd->opts.max_doc_bytes && d->len > rd->opts.max_doc_bytes) {
      warn(rd, s->path, ln, -1, "document \"%s\" is larger than %zu bytes; skipped", d->id,
           rd->opts.max_doc_bytes);
      rd->skipped++;
      an_doc_free(d);
      continue;
    }
    if (an_blank(d->text, d->len)) {
      warn(rd, s->path, ln, -1, "document \"%s\" is empty; skipped", d->id);
      rd->skipped++;
      an_doc_free(d);
      continue;
    }
    d->line = ln;
    if (!(d->path = an_strdup(s->path))) {
      an_doc_free(d);
      return an_error_set(err, AN_ENOMEM, s->path, ln, -1, "out of memory");
    }
    *doc = d;
    return AN_OK;
  }
  return AN_OK;
}

/* Reads one chunk of the open source and feeds it on. */
static an_status source_read(an_reader *rd, an_error *err) {
  source *s = &rd->src;
  ssize_t n;
  do n = read(s->fd, rd->chunk, rd->opts.chunk_size);
  while (n < 0 && errno == EINTR);
  if (n < 0) return an_error_set(err, AN_EIO, s->path, 0, -1, "read error: %s", strerror(errno));
  rd->bytes += (size_t)n;
  an_status st;
  if (n == 0) {
    s->eof = 1;
    st = s->sniffed || s->skip ? AN_OK : source_sniff(rd, NULL, 0, 1);
    an_lines_finish(&s->lines);
  } else {
    st = s->sniffed ? source_feed(rd, rd->chunk, (size_t)n) : source_sniff(rd, rd->chunk, (size_t)n, 0);
  }
  if (st != AN_OK) return an_error_set(err, st, s->path, 0, -1, "out of memory");
  return AN_OK;
}

an_status an_reader_next(an_reader *rd, an_doc **doc, an_error *err) {
  *doc = NULL;
  an_status st;
  for (;;) {
    if (rd->src.fd >= 0) {
      if ((st = source_next(rd, doc, err)) != AN_OK) return st;
      if (*doc) {
        if (an_meta_apply(rd->meta, *doc) != AN_OK) {
          an_doc_free(*doc);
          *doc = NULL;
          return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
        }
        return AN_OK;
      }
      if (rd->src.eof || rd->src.skip) { /* done, or nothing more wanted from it */
        source_close(&rd->src);
        continue;
      }
      if ((st = source_read(rd, err)) != AN_OK) {
        source_close(&rd->src);
        return st;
      }
      continue;
    }
    int opened = 0;
    if (rd->depth > 0) {
      dir_frame *f = &rd->stack[rd->depth - 1];
      if (f->next == f->n) {
        frame_free(f);
        rd->depth--;
        continue;
      }
      dir_entry *e = &f->ents[f->next++];
      char *full = join(f->path, e->name);
      if (!full) return an_error_set(err, AN_ENOMEM, f->path, 0, -1, "out of memory");
      st = e->is_dir ? push_dir(rd, full, 0, err) : open_source(rd, full, 0, &opened, err);
      an_free(full);
      if (st != AN_OK) return st;
      continue;
    }
    if (rd->next_input < rd->n_inputs) {
      const char *path = rd->inputs[rd->next_input++];
      struct stat sb;
      if (strcmp(path, "-") != 0 && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        st = push_dir(rd, path, 1, err);
      else
        st = open_source(rd, path, 1, &opened, err);
      if (st != AN_OK) return st;
      continue;
    }
    return AN_OK; /* end of input */
  }
}

/* The first bytes of a --meta file: UTF-16 is refused with a warning (the
 * rest of the file is ignored: *eof set), a UTF-8 byte-order mark dropped;
 * the bytes go on to the line splitter. head is emptied. */
static an_status meta_head(an_reader *rd, const char *path, an_buf *head, an_lines *lines, int *eof, an_error *err) {
  const unsigned char *h = (const unsigned char *)head->data;
  size_t len = head->len, start = 0;
  if (len >= 2 && ((h[0] == 0xFF && h[1] == 0xFE) || (h[0] == 0xFE && h[1] == 0xFF))) {
    warn(rd, path, 0, 0, "UTF-16 is not supported; convert to UTF-8 (iconv -f UTF-16 -t UTF-8); skipped");
    rd->skipped++;
    *eof = 1;
    an_buf_clear(head);
    return AN_OK;
  }
  if (len >= 3 && h[0] == 0xEF && h[1] == 0xBB && h[2] == 0xBF) start = 3;
  an_status st = len > start ? an_lines_feed(lines, head->data + start, len - start) : AN_OK; /* data NULL if empty */
  an_buf_clear(head);
  if (st != AN_OK) return an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
  return AN_OK;
}

an_status an_reader_load_meta(an_reader *rd, const char *path, an_error *err) {
  int is_stdin = strcmp(path, "-") == 0;
  int fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return path_error(err, path, errno);
  an_status st = AN_OK;
  if (!rd->meta && !(rd->meta = an_meta_new())) st = an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
  an_lines lines;
  an_lines_init(&lines, 0);
  an_buf head; /* the first bytes, until the BOM question is settled */
  an_buf_init(&head);
  int eof = 0, sniffed = 0;
  while (st == AN_OK) {
    const char *line;
    size_t len;
    int r;
    while (st == AN_OK && (r = an_lines_next(&lines, &line, &len)) != 0) {
      if (r < 0 || an_blank(line, len)) continue; /* no line limit here: r < 0 cannot happen */
      an_doc *rec = NULL;
      an_error w;
      an_error_clear(&w);
      char note[256];
      an_status ps = an_jsonl_parse_line(&rd->json, line, len, AN_LINE_META, path, lines.line, &rec, &w, note);
      if (ps == AN_ENOMEM) st = an_error_set(err, AN_ENOMEM, path, lines.line, -1, "out of memory");
      else if (ps != AN_OK) {
        report(rd, &w);
        rd->skipped++;
      } else {
        if (note[0]) warn(rd, path, lines.line, -1, "%s", note);
        if (an_meta_put(rd->meta, rec) != AN_OK) st = an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
      }
    }
    if (st != AN_OK || eof) break;
    ssize_t n;
    do n = read(fd, rd->chunk, rd->opts.chunk_size);
    while (n < 0 && errno == EINTR);
    if (n < 0) st = an_error_set(err, AN_EIO, path, 0, -1, "read error: %s", strerror(errno));
    else if (n == 0) {
      eof = 1;
      if (!sniffed) st = meta_head(rd, path, &head, &lines, &eof, err); /* a file under 3 bytes */
      an_lines_finish(&lines);
    } else if (!sniffed) {
      /* the first bytes: a byte-order mark, as for documents */
      if (an_buf_append(&head, rd->chunk, (size_t)n) != AN_OK) {
        st = an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
      } else if (head.len >= 3) {
        sniffed = 1;
        st = meta_head(rd, path, &head, &lines, &eof, err);
      }
    } else if (an_lines_feed(&lines, rd->chunk, (size_t)n) != AN_OK)
      st = an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
  }
  an_buf_free(&head);
  an_lines_free(&lines);
  if (!is_stdin) close(fd);
  return st;
}
