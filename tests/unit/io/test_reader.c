/* test_reader.c: the input reader. Documents must come out the same
 * whatever the read chunk size (style.md C2: a JSONL line or UTF-8 sequence
 * split across reads changes nothing); bad lines are skipped, counted and
 * reported with file:line; --meta fills missing fields by id; outputs are
 * complete or absent. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "actornet/io.h"
#include "core/core.h"
#include "harness.h"
#include "io/io_internal.h"

static char tmpdir[256];

static void put(const char *rel, const char *data, size_t n) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  if (!f) return;
  fwrite(data, 1, n, f);
  fclose(f);
}
#define PUT(rel, lit) put(rel, lit, sizeof lit - 1)

static void sub(const char *rel) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
  mkdir(path, 0755);
}

typedef struct warnings {
  an_buf text; /* "path-tail:line: msg\n" */
  int count;
} warnings;

static void on_warn(void *ctx, const an_error *w) {
  warnings *ws = ctx;
  const char *tail = strrchr(w->path, '/');
  an_buf_printf(&ws->text, "%s:%ld: %s\n", tail ? tail + 1 : w->path, w->line, w->msg);
  ws->count++;
}

/* Reads every document of the inputs into one string (fields in order),
 * with the given chunk size. */
static char *read_all(const char **paths, size_t n, const char *meta, size_t chunk, size_t *skipped,
                      warnings *ws, an_status *final) {
  an_reader_opts o = {0};
  o.warn = on_warn;
  o.warn_ctx = ws;
  o.chunk_size = chunk;
  an_reader *rd = NULL;
  an_error err;
  CHECK_INT(an_reader_new(&o, &rd, &err), AN_OK);
  for (size_t i = 0; i < n; i++) CHECK_INT(an_reader_add_path(rd, paths[i], &err), AN_OK);
  if (meta) CHECK_INT(an_reader_load_meta(rd, meta, &err), AN_OK);
  an_buf b;
  an_buf_init(&b);
  an_doc *d;
  an_status st;
  while ((st = an_reader_next(rd, &d, &err)) == AN_OK && d) {
    an_buf_printf(&b, "[%s|%zu|", d->id, d->len);
    an_buf_append(&b, d->text, d->len);
    CHECK(d->text[d->len] == '\0');
    an_buf_printf(&b, "|%s|%s|%s|%s|%ld]\n", d->date ? d->date : "-", d->outlet ? d->outlet : "-",
                  d->url ? d->url : "-", d->title ? d->title : "-", d->line);
    an_doc_free(d);
  }
  *final = st;
  *skipped = an_reader_skipped(rd);
  an_reader_free(rd);
  an_buf_reserve(&b, 0);
  return an_buf_steal(&b, NULL);
}

static void test_chunk_boundaries(void) {
  sub("corpus");
  sub("corpus/b");
  /* Multi-byte UTF-8 (é = C3 A9, “ = E2 80 9C, 𝄞 = F0 9D 84 9E) so that
   * small chunks split sequences; CRLF endings, blank and broken lines. */
  PUT("corpus/a.txt", "Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9d\x84\x9e end.\r\nSecond line.\n");
  PUT("corpus/b/c.jsonl",
      "{\"id\":\"c1\",\"text\":\"Caf\xc3\xa9 one.\",\"date\":\"2024-03-04\",\"outlet\":\"Daily\"}\r\n"
      "\n"
      "{\"id\":\"c2\",\"text\":\"Line\\nbreak \\u00e9\",\"url\":\"http://e.x/2\",\"title\":\"T\"}\n"
      "{\"id\":\"c3\", \"text\": broken}\n"
      "   \n"
      "{\"id\":\"c4\",\"text\":\"last, no newline\",\"date\":\"2023\"}");
  PUT("corpus/z.txt", "Zed.");
  char dir[300];
  snprintf(dir, sizeof dir, "%s/corpus", tmpdir);
  const char *paths[] = {dir};
  size_t sk0;
  warnings w0 = {{0}, 0};
  an_status st;
  char *want = read_all(paths, 1, NULL, 0, &sk0, &w0, &st);
  CHECK_INT(st, AN_OK);
  CHECK_STR(want,
            "[a|43|Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9d\x84\x9e end.\r\nSecond line.\n|-|-|-|-|0]\n"
            "[c1|10|Caf\xc3\xa9 one.|2024-03-04|Daily|-|-|1]\n"
            "[c2|13|Line\nbreak \xc3\xa9|-|-|http://e.x/2|T|3]\n"
            "[c4|16|last, no newline|2023|-|-|-|6]\n"
            "[z|4|Zed.|-|-|-|-|0]\n");
  CHECK_INT(sk0, 1);
  CHECK_INT(w0.count, 1);
  CHECK(w0.text.data && strstr(w0.text.data, "c.jsonl:4: broken JSON") != NULL);
  static const size_t chunks[] = {1, 2, 3, 5, 7, 13, 64, 4096};
  for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
    size_t sk;
    warnings w = {{0}, 0};
    char *got = read_all(paths, 1, NULL, chunks[i], &sk, &w, &st);
    CHECK_INT(st, AN_OK);
    if (strcmp(got, want) != 0) fprintf(stderr, "chunk size %zu differs:\n%s\n", chunks[i], got);
    CHECK_STR(got, want);
    CHECK_INT(sk, sk0);
    CHECK_STR(w.text.data, w0.text.data);
    an_free(got);
    an_buf_free(&w.text);
  }
  an_free(want);
  an_buf_free(&w0.text);
}

static void test_bad_lines(void) {
  PUT("bad.jsonl",
      "{\"id\":\"ok1\",\"text\":\"fine\"}\n"
      "[1,2]\n"                                   /* 2: not an object */
      "{\"id\":\"n\"}\n"                           /* 3: no text */
      "{\"id\":\"t\",\"text\":42}\n"               /* 4: text not a string */
      "{\"id\":\"d\",\"text\":\"x\",\"date\":2024}\n" /* 5: date not a string */
      "{\"id\":\"e\",\"text\":\"  \\n \"}\n"       /* 6: empty text */
      "{\"text\":\"no id\"}\n"                     /* 7: no id */
      "{\"id\":\"x\",\"text\":\"a\"} trailing\n"   /* 8: text after the object */
      "{\"id\":\"bd\",\"text\":\"kept\",\"date\":\"2024-02-30\"}\n" /* 9: bad date dropped, doc kept */
      "{\"id\":7,\"text\":\"numeric id\",\"outlet\":null}\n"        /* 10: ok */
      "{\"id\":\"o\",\"text\":\"x\",\"outlet\":[1]}\n");            /* 11: outlet not a string */
  PUT("empty.txt", "");
  PUT("utf16.txt", "\xff\xfeH\0i\0");
  char p1[300], p2[300], p3[300];
  snprintf(p1, sizeof p1, "%s/bad.jsonl", tmpdir);
  snprintf(p2, sizeof p2, "%s/empty.txt", tmpdir);
  snprintf(p3, sizeof p3, "%s/utf16.txt", tmpdir);
  const char *paths[] = {p1, p2, p3};
  size_t sk;
  warnings w = {{0}, 0};
  an_status st;
  char *got = read_all(paths, 3, NULL, 3, &sk, &w, &st);
  CHECK_INT(st, AN_OK);
  CHECK_STR(got, "[ok1|4|fine|-|-|-|-|1]\n[bd|4|kept|-|-|-|-|9]\n[7|10|numeric id|-|-|-|-|10]\n");
  CHECK_INT(sk, 10); /* lines 2-8 and 11, the empty file, the UTF-16 file */
  const char *expect[] = {"bad.jsonl:2: a line must be a JSON object",
                          "bad.jsonl:3: document \"n\" has no \"text\"",
                          "bad.jsonl:4: document \"t\": \"text\" must be a string, not a number",
                          "bad.jsonl:5: document \"d\": \"date\" must be a string or null",
                          "bad.jsonl:6: document \"e\" is empty",
                          "bad.jsonl:7: no \"id\"",
                          "bad.jsonl:8: text after the JSON object",
                          "bad.jsonl:9: document \"bd\": date \"2024-02-30\" is not",
                          "bad.jsonl:11: document \"o\": \"outlet\" must be a string",
                          "empty.txt:0: document \"empty\" is empty",
                          "utf16.txt:0: UTF-16 is not supported; convert to UTF-8"};
  for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++) {
    int found = w.text.data && strstr(w.text.data, expect[i]) != NULL;
    if (!found) fprintf(stderr, "missing warning: %s\n", expect[i]);
    CHECK(found);
  }
  CHECK_INT(w.count, 11);
  an_free(got);
  an_buf_free(&w.text);
}

/* Metadata strings go verbatim into JSON output: invalid UTF-8 in them
 * (cJSON passes raw bytes) is replaced by U+FFFD, with a note; a file
 * name that is not UTF-8 gives a repaired id. */
static void test_invalid_utf8_fields(void) {
  static const char line[] = "{\"id\":\"a\xff\",\"text\":\"t\",\"outlet\":\"O\xc3\",\"title\":\"ok \xc3\xa9\","
                             "\"url\":\"u\xed\xa0\x80\"}";
  an_doc *d = NULL;
  an_error w;
  char note[256];
  an_error_clear(&w);
  CHECK_INT(an_jsonl_parse_line(NULL, line, sizeof line - 1, AN_LINE_DOC, "f.jsonl", 3, &d, &w, note), AN_OK);
  CHECK(d != NULL);
  if (!d) return;
  CHECK_STR(d->id, "a\xEF\xBF\xBD");
  CHECK_STR(d->outlet, "O\xEF\xBF\xBD");
  CHECK_STR(d->title, "ok \xc3\xa9"); /* valid: unchanged */
  CHECK_STR(d->url, "u\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); /* a surrogate: 3 bad bytes */
  CHECK(strstr(note, "invalid UTF-8") != NULL);
  an_doc_free(d);
  char *fixed = an_utf8_dup("n\xff" "ame\xf4\x90\x80\x80", NULL);
  CHECK_STR(fixed, "n\xEF\xBF\xBD" "ame\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  an_free(fixed);
  PUT("bad\xffname.txt", "Some text.");
  char p1[300];
  snprintf(p1, sizeof p1, "%s/bad\xffname.txt", tmpdir);
  const char *paths[] = {p1};
  size_t sk;
  warnings ws = {{0}, 0};
  an_status st;
  char *got = read_all(paths, 1, NULL, 4, &sk, &ws, &st);
  CHECK_STR(got, "[bad\xEF\xBF\xBDname|10|Some text.|-|-|-|-|0]\n");
  an_free(got);
  an_buf_free(&ws.text);
}

static void test_meta(void) {
  sub("m");
  PUT("m/d01.txt", "Text one.");
  PUT("m/d02.txt", "Text two.");
  PUT("m/docs.jsonl", "{\"id\":\"d03\",\"text\":\"Three.\",\"outlet\":\"Own\"}\n");
  PUT("meta.jsonl",
      "{\"id\":\"d01\",\"date\":\"2022-08-25\",\"outlet\":\"Wire\",\"url\":\"http://w/1\"}\n"
      "{\"id\":\"d03\",\"date\":\"2021-01\",\"outlet\":\"Other\",\"title\":\"Three\"}\n"
      "not json\n"
      "{\"id\":\"unused\",\"date\":null}\n");
  char dir[300], meta[300];
  snprintf(dir, sizeof dir, "%s/m", tmpdir);
  snprintf(meta, sizeof meta, "%s/meta.jsonl", tmpdir);
  const char *paths[] = {dir};
  size_t sk;
  warnings w = {{0}, 0};
  an_status st;
  char *got = read_all(paths, 1, meta, 4, &sk, &w, &st);
  CHECK_INT(st, AN_OK);
  /* d03 keeps its own outlet; meta adds what it lacks. */
  CHECK_STR(got,
            "[d01|9|Text one.|2022-08-25|Wire|http://w/1|-|0]\n"
            "[d02|9|Text two.|-|-|-|-|0]\n"
            "[d03|6|Three.|2021-01|Own|-|Three|1]\n");
  CHECK_INT(sk, 1);
  CHECK(w.text.data && strstr(w.text.data, "meta.jsonl:3: broken JSON") != NULL);
  an_free(got);
  an_buf_free(&w.text);
}

static void test_folder_order(void) {
  sub("o");
  sub("o/a");
  sub("o/.hidden");
  PUT("o/a.txt", "1");
  PUT("o/a/b.txt", "2");
  PUT("o/a0.txt", "3");
  PUT("o/B.txt", "4");
  PUT("o/notes.md", "ignored");
  PUT("o/.hidden/h.txt", "ignored");
  char dir[300];
  snprintf(dir, sizeof dir, "%s/o", tmpdir);
  const char *paths[] = {dir};
  size_t sk;
  warnings w = {{0}, 0};
  an_status st;
  char *got = read_all(paths, 1, NULL, 0, &sk, &w, &st);
  /* Byte order of the full paths: "B.txt" < "a.txt" < "a/b.txt" < "a0.txt". */
  CHECK_STR(got, "[B|1|4|-|-|-|-|0]\n[a|1|1|-|-|-|-|0]\n[b|1|2|-|-|-|-|0]\n[a0|1|3|-|-|-|-|0]\n");
  CHECK_INT(sk, 0);
  an_free(got);
  an_buf_free(&w.text);
}

static void test_exclude(void) {
  sub("x");
  PUT("x/a.txt", "A.");
  PUT("x/out.jsonl", "{\"id\":\"old\",\"text\":\"from a previous run\"}\n");
  char dir[300], out[300];
  snprintf(dir, sizeof dir, "%s/x", tmpdir);
  snprintf(out, sizeof out, "%s/x/out.jsonl", tmpdir);
  an_reader *rd = NULL;
  an_error err;
  CHECK_INT(an_reader_new(NULL, &rd, &err), AN_OK);
  CHECK_INT(an_reader_add_path(rd, dir, &err), AN_OK);
  CHECK_INT(an_reader_exclude(rd, out, &err), AN_OK);
  an_doc *d = NULL;
  int n = 0;
  while (an_reader_next(rd, &d, &err) == AN_OK && d) {
    CHECK_STR(d->id, "a");
    an_doc_free(d);
    n++;
  }
  CHECK_INT(n, 1);
  an_reader_free(rd);
  /* Not existing yet, or "-": nothing to leave out. */
  CHECK_INT(an_reader_new(NULL, &rd, &err), AN_OK);
  CHECK_INT(an_reader_exclude(rd, "-", &err), AN_OK);
  CHECK_INT(an_reader_exclude(rd, "/no/such/file.jsonl", &err), AN_OK);
  an_reader_free(rd);
}

static void test_stdin_detection(void) {
  static const struct {
    const char *data;
    const char *want;
  } cases[] = {
      {"  \n {\"id\":\"s\",\"text\":\"json\"}\n", "[s|4|json|-|-|-|-|2]\n"},
      {"\xef\xbb\xbfplain {text}", "[stdin|12|plain {text}|-|-|-|-|0]\n"},
      {"\n\nwhite first", "[stdin|13|\n\nwhite first|-|-|-|-|0]\n"},
  };
  int saved = dup(0);
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    put("stdin.in", cases[i].data, strlen(cases[i].data));
    char p[300];
    snprintf(p, sizeof p, "%s/stdin.in", tmpdir);
    int fd = open(p, O_RDONLY);
    dup2(fd, 0);
    close(fd);
    const char *paths[] = {"-"};
    size_t sk;
    warnings w = {{0}, 0};
    an_status st;
    char *got = read_all(paths, 1, NULL, 1, &sk, &w, &st);
    CHECK_STR(got, cases[i].want);
    an_free(got);
    an_buf_free(&w.text);
  }
  dup2(saved, 0);
  close(saved);
}

static void test_errors(void) {
  an_reader *rd = NULL;
  an_error err;
  CHECK_INT(an_reader_new(NULL, &rd, &err), AN_OK);
  char p[300];
  snprintf(p, sizeof p, "%s/does-not-exist.txt", tmpdir);
  CHECK_INT(an_reader_add_path(rd, p, &err), AN_ENOTFOUND);
  CHECK_STR(err.path, p);
  CHECK_INT(an_reader_load_meta(rd, p, &err), AN_ENOTFOUND);
  /* A read failure after open (EIO from /proc/self/mem) is an error. */
  if (access("/proc/self/mem", R_OK) == 0) {
    CHECK_INT(an_reader_add_path(rd, "/proc/self/mem", &err), AN_OK);
    an_doc *d = NULL;
    CHECK_INT(an_reader_next(rd, &d, &err), AN_EIO);
    CHECK(d == NULL);
    CHECK_STR(err.path, "/proc/self/mem");
  }
  an_reader_free(rd);
  an_reader_free(NULL);
}

static void test_max_doc(void) {
  PUT("big.txt", "0123456789abcdef");
  PUT("big.jsonl", "{\"id\":\"x\",\"text\":\"0123456789abcdef\"}\n{\"id\":\"y\",\"text\":\"short\"}\n");
  an_reader_opts o = {0};
  o.max_doc_bytes = 8;
  o.chunk_size = 3;
  warnings w = {{0}, 0};
  o.warn = on_warn;
  o.warn_ctx = &w;
  an_reader *rd = NULL;
  an_error err;
  CHECK_INT(an_reader_new(&o, &rd, &err), AN_OK);
  char p1[300], p2[300];
  snprintf(p1, sizeof p1, "%s/big.txt", tmpdir);
  snprintf(p2, sizeof p2, "%s/big.jsonl", tmpdir);
  an_reader_add_path(rd, p1, &err);
  an_reader_add_path(rd, p2, &err);
  an_doc *d = NULL;
  CHECK_INT(an_reader_next(rd, &d, &err), AN_OK);
  CHECK(d && strcmp(d->id, "y") == 0);
  an_doc_free(d);
  CHECK_INT(an_reader_next(rd, &d, &err), AN_OK);
  CHECK(d == NULL);
  CHECK_INT(an_reader_skipped(rd), 2);
  an_reader_free(rd);
  an_buf_free(&w.text);
}

static void test_lines(void) {
  an_lines l;
  an_lines_init(&l, 10);
  const char *in = "short\nthis line is too long\nok\r\nend";
  const char *line;
  size_t len;
  an_buf got;
  an_buf_init(&got);
  for (const char *p = in; *p; p++) {
    CHECK_INT(an_lines_feed(&l, p, 1), AN_OK);
    int r;
    while ((r = an_lines_next(&l, &line, &len)) != 0)
      an_buf_printf(&got, "%ld:%d:%.*s|", l.line, r, r > 0 ? (int)len : 0, r > 0 ? line : "");
  }
  an_lines_finish(&l);
  int r;
  while ((r = an_lines_next(&l, &line, &len)) != 0)
    an_buf_printf(&got, "%ld:%d:%.*s|", l.line, r, r > 0 ? (int)len : 0, r > 0 ? line : "");
  CHECK_STR(got.data, "1:1:short|2:-1:|3:1:ok|4:1:end|");
  CHECK(l.buf.cap < 64); /* the long line was not kept */
  an_buf_free(&got);
  an_lines_free(&l);
}

static void test_dates(void) {
  char out[11];
  CHECK(an_iso_date_check("2024", out) && strcmp(out, "2024") == 0);
  CHECK(an_iso_date_check("2024-03", out) && strcmp(out, "2024-03") == 0);
  CHECK(an_iso_date_check("2024-02-29", out));
  CHECK(!an_iso_date_check("2023-02-29", out));
  CHECK(an_iso_date_check("2024-03-04T10:00:00Z", out) && strcmp(out, "2024-03-04") == 0);
  CHECK(!an_iso_date_check("2024-13", out));
  CHECK(!an_iso_date_check("2024-1-5", out));
  CHECK(!an_iso_date_check("March 4, 2024", out));
  CHECK(!an_iso_date_check("20240304", out));
  CHECK(!an_iso_date_check("", out));
}

static void slurp_check(const char *path, const char *want) {
  char *data = NULL;
  size_t n = 0;
  CHECK_INT(an_file_slurp(path, &data, &n, NULL), AN_OK);
  CHECK_STR(data, want);
  an_free(data);
}

static int count_entries(const char *dir) {
  char cmd[400];
  snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
  FILE *f = popen(cmd, "r");
  int n = -1;
  if (f) {
    if (fscanf(f, "%d", &n) != 1) n = -1;
    pclose(f);
  }
  return n;
}

static void test_outfile(void) {
  sub("out");
  char dir[300], path[320];
  snprintf(dir, sizeof dir, "%s/out", tmpdir);
  snprintf(path, sizeof path, "%s/out/result.jsonl", tmpdir);
  an_outfile *of = NULL;
  an_error err;
  CHECK_INT(an_outfile_open(path, &of, &err), AN_OK);
  fputs("first\n", an_outfile_stream(of));
  CHECK(access(path, F_OK) != 0); /* nothing at the target before commit */
  CHECK_INT(an_outfile_commit(of, &err), AN_OK);
  slurp_check(path, "first\n");
  struct stat sb;
  CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0044) != 0); /* not left 0600 */
  /* A failed run leaves the old file and no temporary. */
  CHECK_INT(an_outfile_open(path, &of, &err), AN_OK);
  fputs("half", an_outfile_stream(of));
  an_outfile_abort(of);
  slurp_check(path, "first\n");
  CHECK_INT(count_entries(dir), 1);
  /* Missing folder: an error naming the target. */
  char bad[340];
  snprintf(bad, sizeof bad, "%s/out/no/such/x.jsonl", tmpdir);
  CHECK(an_outfile_open(bad, &of, &err) != AN_OK);
  CHECK_STR(err.path, bad);
  /* A full device: the write error shows at commit. */
  if (access("/dev/full", W_OK) == 0) {
    CHECK_INT(an_outfile_open("/dev/full", &of, &err), AN_OK);
    for (int i = 0; i < 10000; i++) fputs("0123456789", an_outfile_stream(of));
    CHECK_INT(an_outfile_commit(of, &err), AN_EIO);
    struct stat ds;
    CHECK(stat("/dev/full", &ds) == 0 && S_ISCHR(ds.st_mode)); /* still the device */
  }
  an_outfile_abort(NULL);
}

/* Fail allocation N = 0, 1, 2, ... (style.md S3): every step gives the
 * normal result or AN_ENOMEM, never a crash or (under ASan) a leak. */
static void test_alloc_failures(void) {
  char dir[300], meta[300];
  snprintf(dir, sizeof dir, "%s/corpus", tmpdir);
  snprintf(meta, sizeof meta, "%s/meta.jsonl", tmpdir);
  int completed = 0;
  for (long n = 0; n < 5000 && !completed; n++) {
    an_error err;
    an_reader_opts o = {0};
    o.chunk_size = 7;
    an_reader *rd = NULL;
    size_t docs = 0;
    an_alloc_fail_after(n);
    an_status st = an_reader_new(&o, &rd, &err);
    if (st == AN_OK) st = an_reader_add_path(rd, dir, &err);
    if (st == AN_OK) st = an_reader_load_meta(rd, meta, &err);
    an_doc *d = NULL;
    while (st == AN_OK && (st = an_reader_next(rd, &d, &err)) == AN_OK && d) {
      docs++;
      an_doc_free(d);
    }
    an_reader_free(rd);
    an_alloc_fail_after(-1);
    if (st != AN_OK && st != AN_ENOMEM) fprintf(stderr, "fail after %ld: status %d\n", n, st);
    CHECK(st == AN_OK || st == AN_ENOMEM);
    if (st == AN_OK) {
      CHECK_INT(docs, 5);
      completed = 1;
    }
  }
  CHECK(completed);
}

int main(void) {
  const char *t = getenv("TMPDIR");
  snprintf(tmpdir, sizeof tmpdir, "%s/an_reader_XXXXXX", t && *t ? t : "/tmp");
  if (!mkdtemp(tmpdir)) {
    perror("mkdtemp");
    return 1;
  }
  test_chunk_boundaries();
  test_bad_lines();
  test_invalid_utf8_fields();
  test_meta();
  test_folder_order();
  test_exclude();
  test_stdin_detection();
  test_errors();
  test_max_doc();
  test_lines();
  test_dates();
  test_outfile();
  test_alloc_failures();
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", tmpdir);
  return TEST_DONE();
}
