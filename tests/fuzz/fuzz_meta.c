/* fuzz_meta.c: a --meta file (metadata JSONL: {"id","date","outlet","url",
 * "title"} a line) through an_reader_load_meta, applied to a fixed set of
 * documents.
 * fuzz-requires: src/io
 * The first byte picks the read size (1 byte to 4 KiB). Checks: loading never
 * fails on bad data (broken lines are warnings, counted as skipped); every
 * warning names the metadata file with a line inside it (a UTF-16 file: no
 * line, skipped whole; a UTF-8 byte-order mark is dropped); the documents come
 * out the same whatever the read size; their fields are valid UTF-8 (they go
 * into JSON output), dates are ISO, a document's own fields are never
 * replaced, and a filled field is the one of some metadata record. */
#include "actornet/io.h"
#include "fuzz.h"
#include "tmpfile.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  return 0;
}

/* The documents: ids the seeds and the dictionary use; "b" has its own
 * date and outlet, which metadata must not replace. */
static const char docs_jsonl[] =
    "{\"id\":\"a\",\"text\":\"Ana Ruiz met Omar Haddad.\"}\n"
    "{\"id\":\"b\",\"text\":\"Haddad praised Ruiz.\",\"date\":\"2021-05-06\",\"outlet\":\"Own Outlet\"}\n"
    "{\"id\":7,\"text\":\"Ruiz called Haddad.\"}\n"
    "{\"id\":\"d01\",\"text\":\"The council met.\"}\n";

typedef struct warnings {
  FILE *f;
  char *all;
  size_t len, count, lines;
  const char *meta_path, *docs_path;
} warnings;

static void on_warn(void *ctx, const an_error *w) {
  warnings *ws = ctx;
  FUZZ_CHECK(w->msg[0] != 0);
  FUZZ_CHECK(fuzz_valid_utf8(w->msg, strlen(w->msg))); /* printed to the user */
  if (strcmp(w->path, ws->meta_path) == 0) {
    /* a line inside the file; 0 only for a UTF-16 file (skipped whole) */
    if (w->line == 0) FUZZ_CHECK(strstr(w->msg, "UTF-16") != NULL);
    else FUZZ_CHECK(w->line >= 1 && (size_t)w->line <= ws->lines + 1);
  } else {
    FUZZ_CHECK(strcmp(w->path, ws->docs_path) == 0);
  }
  fprintf(ws->f, "%s:%ld:%ld:%s\n", w->path, w->line, w->offset, w->msg);
  ws->count++;
}

static int same_str(const char *a, const char *b) { return (!a && !b) || (a && b && strcmp(a, b) == 0); }

static int iso_date(const char *d) {
  size_t n = strlen(d);
  if (n != 4 && n != 7 && n != 10) return 0;
  for (size_t i = 0; i < n; i++)
    if ((i == 4 || i == 7) ? d[i] != '-' : (d[i] < '0' || d[i] > '9')) return 0;
  return 1;
}

typedef struct run {
  an_doc *docs[8];
  size_t n, skipped;
  warnings w;
} run;

static void read_all(const char *meta, const char *docs, const uint8_t *p, size_t n, size_t chunk, run *r) {
  memset(r, 0, sizeof *r);
  r->w.meta_path = meta, r->w.docs_path = docs;
  for (size_t i = 0; i < n; i++) r->w.lines += p[i] == '\n';
  r->w.f = open_memstream(&r->w.all, &r->w.len);
  FUZZ_CHECK(r->w.f != NULL);
  an_reader_opts o = {.warn = on_warn, .warn_ctx = &r->w, .chunk_size = chunk};
  an_reader *rd = NULL;
  an_error err;
  FUZZ_CHECK(an_reader_new(&o, &rd, &err) == AN_OK);
  an_status st = an_reader_load_meta(rd, meta, &err);
  fuzz_status_ok(st, &err);
  FUZZ_CHECK(st == AN_OK); /* bad lines are warnings, never a failed load */
  FUZZ_CHECK(an_reader_add_path(rd, docs, &err) == AN_OK);
  an_doc *doc = NULL;
  while ((st = an_reader_next(rd, &doc, &err)) == AN_OK && doc) {
    FUZZ_CHECK(r->n < 8);
    r->docs[r->n++] = doc;
  }
  fuzz_status_ok(st, &err);
  FUZZ_CHECK(st == AN_OK && r->n == 4);
  r->skipped = an_reader_skipped(rd);
  an_reader_free(rd);
  fclose(r->w.f);
}

static void run_free(run *r) {
  for (size_t i = 0; i < r->n; i++) an_doc_free(r->docs[i]);
  free(r->w.all);
}

static int contains(const uint8_t *p, size_t n, const char *v) {
  size_t k = strlen(v);
  for (size_t i = 0; k <= n && i + k <= n; i++)
    if (memcmp(p + i, v, k) == 0) return 1;
  return 0;
}

static void check_field(const char *v) {
  if (v) FUZZ_CHECK(v[0] && fuzz_valid_utf8(v, strlen(v)));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_cursor c = {data, size};
  unsigned b0 = fuzz_byte(&c);
  size_t chunk = (b0 & 0x80) ? 1 + (b0 & 7) : 1 + (b0 * 37u) % 4096;

  char meta[512], docs[512];
  fuzz_write_file(meta, sizeof meta, "meta", ".jsonl", c.p, c.n);
  fuzz_write_file(docs, sizeof docs, "metadocs", ".jsonl", docs_jsonl, sizeof docs_jsonl - 1);

  run a, b;
  read_all(meta, docs, c.p, c.n, chunk, &a);
  read_all(meta, docs, c.p, c.n, 1 << 16, &b);
  FUZZ_CHECK(a.skipped == b.skipped && a.w.count == b.w.count);
  FUZZ_CHECK(a.w.len == b.w.len && memcmp(a.w.all, b.w.all, a.w.len) == 0);
  for (size_t i = 0; i < a.n; i++) {
    const an_doc *x = a.docs[i], *y = b.docs[i];
    FUZZ_CHECK(strcmp(x->id, y->id) == 0);
    FUZZ_CHECK(same_str(x->date, y->date) && same_str(x->outlet, y->outlet));
    FUZZ_CHECK(same_str(x->url, y->url) && same_str(x->title, y->title));
    check_field(x->id);
    check_field(x->outlet);
    check_field(x->url);
    check_field(x->title);
    if (x->date) FUZZ_CHECK(iso_date(x->date));
    /* a filled field came from the file: its bytes are in it (unless it
     * was repaired or unescaped, i.e. holds U+FFFD or a backslash) */
    const char *fields[3] = {x->outlet, x->url, x->title};
    for (int k = 0; k < 3; k++) {
      const char *v = fields[k];
      if (!v || strcmp(x->id, "b") == 0 || strstr(v, "\xEF\xBF\xBD")) continue;
      if (memchr(c.p, '\\', c.n)) continue;
      FUZZ_CHECK(contains(c.p, c.n, v));
    }
  }
  /* "b" keeps its own date and outlet */
  FUZZ_CHECK(strcmp(a.docs[1]->id, "b") == 0);
  FUZZ_CHECK(same_str(a.docs[1]->date, "2021-05-06") && same_str(a.docs[1]->outlet, "Own Outlet"));
  run_free(&a);
  run_free(&b);
  unlink(meta);
  unlink(docs);
  return 0;
}
