/* fuzz_detect.c: standard input ("-"), whose format is detected: a UTF-16
 * byte order mark is refused, a UTF-8 one dropped, and the first non-blank
 * byte decides JSONL ('{') or one text document.
 * fuzz-requires: src/io
 * The fuzz bytes (after the first, which picks the read size: a BOM or the
 * first '{' split across reads changes nothing) become fd 0. Checks: reading
 * "-" gives the same documents, warnings (less the path) and skip count as
 * reading the same bytes from a file whose extension says the format the
 * rule above picks; a text document is named "stdin"; fields are valid
 * UTF-8. */
#include <fcntl.h>

#include "actornet/io.h"
#include "fuzz.h"
#include "tmpfile.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  return 0;
}

typedef struct run {
  an_doc **docs;
  size_t n, skipped;
  an_status st;
  FILE *f;
  char *all; /* warnings as "line:offset:msg\n", without the path */
  size_t len;
  const char *path;
} run;

static void on_warn(void *ctx, const an_error *w) {
  run *r = ctx;
  FUZZ_CHECK(w->msg[0] != 0);
  FUZZ_CHECK(fuzz_valid_utf8(w->msg, strlen(w->msg))); /* printed to the user */
  FUZZ_CHECK(strcmp(w->path, r->path) == 0);
  fprintf(r->f, "%ld:%ld:%s\n", w->line, w->offset, w->msg);
}

static void read_all(const char *path, size_t chunk, run *r) {
  memset(r, 0, sizeof *r);
  r->path = path;
  r->f = open_memstream(&r->all, &r->len);
  FUZZ_CHECK(r->f != NULL);
  an_reader_opts o = {.warn = on_warn, .warn_ctx = r, .chunk_size = chunk};
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
  fclose(r->f);
}

static void run_free(run *r) {
  for (size_t i = 0; i < r->n; i++) an_doc_free(r->docs[i]);
  free(r->docs);
  free(r->all);
}

static int same_str(const char *a, const char *b) { return (!a && !b) || (a && b && strcmp(a, b) == 0); }

static void valid(const char *v) {
  if (v) FUZZ_CHECK(fuzz_valid_utf8(v, strlen(v)));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_cursor c = {data, size};
  unsigned b0 = fuzz_byte(&c);
  size_t chunk = (b0 & 0x80) ? 1 + (b0 & 3) : 1 + (b0 * 53u) % 4096;

  /* The rule, independently: BOM, then ASCII blanks, then '{'? */
  size_t i = 0;
  int utf16 = c.n >= 2 && ((c.p[0] == 0xFF && c.p[1] == 0xFE) || (c.p[0] == 0xFE && c.p[1] == 0xFF));
  if (c.n >= 3 && memcmp(c.p, "\xEF\xBB\xBF", 3) == 0) i = 3;
  while (i < c.n && strchr(" \t\n\r\f\v", c.p[i]) && c.p[i]) i++;
  int jsonl = !utf16 && i < c.n && c.p[i] == '{';

  /* The reference file is named stdin.<ext> so a text document gets the
   * id "stdin" there too. */
  char dir[512], ref[600];
  fuzz_write_file(dir, sizeof dir, "detect", ".d", "", 0);
  unlink(dir);
  mkdir(dir, 0777);
  snprintf(ref, sizeof ref, "%s/stdin.%s", dir, jsonl ? "jsonl" : "txt");
  FILE *f = fopen(ref, "wb");
  FUZZ_CHECK(f && (c.n == 0 || fwrite(c.p, 1, c.n, f) == c.n) && fclose(f) == 0);

  int fd = open(ref, O_RDONLY);
  FUZZ_CHECK(fd >= 0);
  int saved = dup(0);
  FUZZ_CHECK(saved >= 0 && dup2(fd, 0) == 0);
  close(fd);
  run a, b;
  read_all("-", chunk, &a);
  FUZZ_CHECK(dup2(saved, 0) == 0);
  close(saved);
  read_all(ref, 1 << 16, &b);

  FUZZ_CHECK(a.st == b.st && a.n == b.n && a.skipped == b.skipped);
  if (a.len != b.len || memcmp(a.all, b.all, a.len) != 0)
    fprintf(stderr, "warnings differ (stdin, then %s):\n%s---\n%s", ref, a.all, b.all);
  FUZZ_CHECK(a.len == b.len && memcmp(a.all, b.all, a.len) == 0);
  for (size_t k = 0; k < a.n; k++) {
    const an_doc *x = a.docs[k], *y = b.docs[k];
    FUZZ_CHECK(strcmp(x->id, y->id) == 0 && strcmp(x->path, "-") == 0);
    FUZZ_CHECK(x->len == y->len && memcmp(x->text, y->text, x->len) == 0);
    FUZZ_CHECK(same_str(x->date, y->date) && same_str(x->outlet, y->outlet));
    FUZZ_CHECK(same_str(x->url, y->url) && same_str(x->title, y->title) && x->line == y->line);
    if (!jsonl) FUZZ_CHECK(strcmp(x->id, "stdin") == 0 && x->line == 0);
    valid(x->id), valid(x->outlet), valid(x->url), valid(x->title);
  }
  run_free(&a);
  run_free(&b);
  unlink(ref);
  rmdir(dir);
  return 0;
}
