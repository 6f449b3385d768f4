/* fuzz_reader.c: JSONL (or plain text) ingestion through an_reader.
 * fuzz-requires: src/io
 * The first two bytes pick the read size (1 byte to 4 KiB, style.md C2: a
 * UTF-8 sequence, CRLF or JSONL line split across reads changes nothing) and
 * whether the rest is a .jsonl or a .txt file. Checks: the documents,
 * warnings and skip count are the same as with one 64 KiB read; every
 * warning names the file and (for JSONL) a line; a kept date is ISO; id,
 * outlet, url and title are valid UTF-8; a text
 * file's document is the file's bytes (less a UTF-8 byte order mark). */
#include "actornet/io.h"
#include "fuzz.h"
#include "tmpfile.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  return 0;
}

typedef struct warnings {
  char *all; /* every warning as "path:line:offset:msg\n" */
  size_t len;
  FILE *f;
  size_t count;
  const char *path;
  int jsonl;
  size_t lines; /* '\n' in the file */
} warnings;

static void on_warn(void *ctx, const an_error *w) {
  warnings *ws = ctx;
  FUZZ_CHECK(w != NULL && w->msg[0] != 0);
  FUZZ_CHECK(fuzz_valid_utf8(w->msg, strlen(w->msg))); /* printed to the user */
  FUZZ_CHECK(strcmp(w->path, ws->path) == 0);
  /* A line inside the file; 0 for file-level ones (UTF-16, empty file). */
  FUZZ_CHECK(w->line >= 0 && (size_t)w->line <= ws->lines + 1);
  if (!ws->jsonl) FUZZ_CHECK(w->line == 0);
  fprintf(ws->f, "%s:%ld:%ld:%s\n", w->path, w->line, w->offset, w->msg);
  ws->count++;
}

static int same_str(const char *a, const char *b) { return (!a && !b) || (a && b && strcmp(a, b) == 0); }

static int iso_date(const char *d) {
  size_t n = strlen(d);
  if (n != 4 && n != 7 && n != 10) return 0;
  for (size_t i = 0; i < n; i++) {
    if (i == 4 || i == 7) {
      if (d[i] != '-') return 0;
    } else if (d[i] < '0' || d[i] > '9') {
      return 0;
    }
  }
  return 1;
}

typedef struct run {
  an_doc **docs;
  size_t n;
  size_t skipped;
  an_status st;
  warnings w;
} run;

static void read_all(const char *path, int jsonl, const uint8_t *p, size_t n, size_t chunk, run *r) {
  memset(r, 0, sizeof *r);
  r->w.path = path, r->w.jsonl = jsonl;
  for (size_t i = 0; i < n; i++) r->w.lines += p[i] == '\n';
  r->w.f = open_memstream(&r->w.all, &r->w.len);
  FUZZ_CHECK(r->w.f != NULL);
  an_reader_opts o = {.warn = on_warn, .warn_ctx = &r->w, .max_doc_bytes = 0, .chunk_size = chunk};
  an_reader *rd = NULL;
  an_error err;
  FUZZ_CHECK(an_reader_new(&o, &rd, &err) == AN_OK);
  FUZZ_CHECK(an_reader_add_path(rd, path, &err) == AN_OK);
  an_doc *doc = NULL;
  size_t cap = 0;
  while ((r->st = an_reader_next(rd, &doc, &err)) == AN_OK && doc) {
    if (r->n == cap) {
      cap = cap ? cap * 2 : 8;
      r->docs = realloc(r->docs, cap * sizeof *r->docs);
      FUZZ_CHECK(r->docs != NULL);
    }
    r->docs[r->n++] = doc;
  }
  fuzz_status_ok(r->st, &err);
  r->skipped = an_reader_skipped(rd);
  an_reader_free(rd);
  fclose(r->w.f);
}

static void run_free(run *r) {
  for (size_t i = 0; i < r->n; i++) an_doc_free(r->docs[i]);
  free(r->docs);
  free(r->w.all);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_cursor c = {data, size};
  unsigned b0 = fuzz_byte(&c), b1 = fuzz_byte(&c);
  int jsonl = !(b0 & 0x80);
  size_t chunk = 1 + (((b0 & 0x7F) << 8 | b1) % 4096);
  if (b0 & 0x40) chunk = 1 + (b1 % 8); /* often tiny reads: every split point */

  char path[512];
  fuzz_write_file(path, sizeof path, "reader", jsonl ? ".jsonl" : ".txt", c.p, c.n);

  run a, b;
  read_all(path, jsonl, c.p, c.n, chunk, &a);
  read_all(path, jsonl, c.p, c.n, 1 << 16, &b);
  FUZZ_CHECK(a.st == b.st);
  FUZZ_CHECK(a.n == b.n);
  FUZZ_CHECK(a.skipped == b.skipped);
  FUZZ_CHECK(a.w.count == b.w.count);
  if (a.w.len != b.w.len || memcmp(a.w.all, b.w.all, a.w.len) != 0)
    fprintf(stderr, "warnings differ:\n%s---\n%s", a.w.all, b.w.all);
  FUZZ_CHECK(a.w.len == b.w.len && memcmp(a.w.all, b.w.all, a.w.len) == 0);
  for (size_t i = 0; i < a.n; i++) {
    const an_doc *x = a.docs[i], *y = b.docs[i];
    FUZZ_CHECK(x->id && x->text && x->path);
    FUZZ_CHECK(strcmp(x->id, y->id) == 0);
    FUZZ_CHECK(x->len == y->len && memcmp(x->text, y->text, x->len) == 0);
    FUZZ_CHECK(x->text[x->len] == '\0');
    FUZZ_CHECK(same_str(x->date, y->date) && same_str(x->outlet, y->outlet));
    FUZZ_CHECK(same_str(x->url, y->url) && same_str(x->title, y->title));
    FUZZ_CHECK(same_str(x->path, y->path) && x->line == y->line);
    FUZZ_CHECK(strcmp(x->path, path) == 0);
    if (x->date) FUZZ_CHECK(iso_date(x->date));
    /* metadata goes verbatim into JSON output: valid UTF-8 (repaired) */
    FUZZ_CHECK(fuzz_valid_utf8(x->id, strlen(x->id)));
    if (x->outlet) FUZZ_CHECK(fuzz_valid_utf8(x->outlet, strlen(x->outlet)));
    if (x->url) FUZZ_CHECK(fuzz_valid_utf8(x->url, strlen(x->url)));
    if (x->title) FUZZ_CHECK(fuzz_valid_utf8(x->title, strlen(x->title)));
    if (jsonl) {
      FUZZ_CHECK(x->line >= 1 && (i == 0 || x->line > a.docs[i - 1]->line));
    } else {
      FUZZ_CHECK(a.n == 1 && x->line == 0);
      size_t bom = c.n >= 3 && memcmp(c.p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
      FUZZ_CHECK(x->len == c.n - bom && memcmp(x->text, c.p + bom, c.n - bom) == 0);
    }
  }
  run_free(&a);
  run_free(&b);
  unlink(path);
  return 0;
}
