/* test_jsonl.c: an_jsonl_parse_line reads a line as cJSON does, on
 * hand-picked lines and on random ones (escapes, \u0000, raw control bytes,
 * nested fields, odd spacing, duplicate keys, numbers). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "harness.h"
#include "io/io_internal.h"

/* ---- hand-picked lines ---- */

static an_doc *parse(const char *line, an_status *st, char *note) {
  an_doc *d = NULL;
  an_error w;
  an_error_clear(&w);
  *st = an_jsonl_parse_line(NULL, line, strlen(line), AN_LINE_DOC, "t.jsonl", 1, &d, &w, note);
  return d;
}

static void test_cases(void) {
  char note[256];
  an_status st;
  an_doc *d = parse("{\"id\":\"a\",\"text\":\"x\\ny\\t\\\"q\\\" \\u00e9\\/\"}", &st, note);
  CHECK_INT(st, AN_OK);
  if (d) {
    CHECK_STR(d->id, "a");
    CHECK_STR(d->text, "x\ny\t\"q\" \xC3\xA9/");
    CHECK_INT(d->len, strlen("x\ny\t\"q\" \xC3\xA9/"));
    CHECK(!d->outlet && !d->date && !d->url && !d->title);
    CHECK_STR(note, "");
  }
  an_doc_free(d);

  /* the first of duplicate keys wins; unknown fields of any shape are skipped */
  d = parse(" {\"id\" : \"first\", \"extra\": [1, -2.5e3, {\"k\": [true, false, null]}], \"text\":\"t\","
            " \"id\": \"second\", \"outlet\": null, \"title\": \"\", \"url\":\"u\"}  ",
            &st, note);
  CHECK_INT(st, AN_OK);
  if (d) {
    CHECK_STR(d->id, "first");
    CHECK_STR(d->text, "t");
    CHECK(!d->outlet && !d->title);
    CHECK_STR(d->url, "u");
  }
  an_doc_free(d);

  /* \u0000 ends the text, and says so */
  d = parse("{\"id\":\"n\",\"text\":\"ab\\u0000cd\"}", &st, note);
  CHECK_INT(st, AN_OK);
  if (d) {
    CHECK_STR(d->text, "ab");
    CHECK_INT(d->len, 2);
    CHECK(strstr(note, "\\u0000") != NULL);
  }
  an_doc_free(d);

  /* integer ids; a date kept at its date part; a bad date dropped with a note */
  d = parse("{\"id\": 0042, \"text\":\"t\"}", &st, note); /* not JSON: cJSON reads 42 all the same */
  CHECK_INT(st, AN_OK);
  if (d) CHECK_STR(d->id, "42");
  an_doc_free(d);
  d = parse("{\"id\": -17, \"text\":\"t\", \"date\": \"2024-03-04T10:00:00Z\"}", &st, note);
  CHECK_INT(st, AN_OK);
  if (d) {
    CHECK_STR(d->id, "-17");
    CHECK_STR(d->date, "2024-03-04");
  }
  an_doc_free(d);
  d = parse("{\"id\": \"x\", \"text\":\"t\", \"date\": \"March 4\"}", &st, note);
  CHECK_INT(st, AN_OK);
  if (d) CHECK(!d->date && strstr(note, "date ignored") != NULL);
  an_doc_free(d);

  /* surrogate pairs (left to cJSON) */
  d = parse("{\"id\":\"s\",\"text\":\"\\ud83d\\ude00!\"}", &st, note);
  CHECK_INT(st, AN_OK);
  if (d) CHECK_STR(d->text, "\xF0\x9F\x98\x80!");
  an_doc_free(d);

  /* what is skipped, with cJSON's words */
  const char *bad[] = {"{\"id\":\"\",\"text\":\"t\"}", "{\"id\":\"\\u0000\",\"text\":\"t\"}", "{\"text\":\"t\"}",
                       "{\"id\":\"a\"}", "{\"id\":\"a\",\"text\":5}", "{\"id\":\"a\",\"text\":\"t\",\"url\":true}",
                       "{\"id\":\"a\",\"text\":\"t\"} x", "{\"id\":\"a\",\"text\":\"t\\q\"}", "[\"id\"]",
                       "{\"id\":1.5,\"text\":\"t\"}", "{\"id\":\"a\",\"text\":\"t\",}"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    d = parse(bad[i], &st, note);
    CHECK_INT(st, AN_EDATA);
    CHECK(d == NULL);
    an_doc_free(d);
  }
}

/* ---- random lines against cJSON ---- */

static uint64_t rng = 88172645463325252ULL;
static unsigned rnd(unsigned n) {
  rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
  return (unsigned)(rng % n);
}

static void put(an_buf *b, const char *s) { an_buf_puts(b, s); }

static void rand_ws(an_buf *b) {
  static const char *ws[] = {"", "", "", " ", "  ", "\t", "\x01", " \x1f "};
  put(b, ws[rnd(8)]);
}

static void rand_string(an_buf *b) {
  static const char *parts[] = {"a", "Bc", " ", "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r",
                                "\\u00e9", "\\u20AC", "\\u0041", "\\u0000", "\\ud83d\\ude00", "\xC3\xA9",
                                "\xE2\x80\x9C", "\xFF", "\x01", "\x7F", "'", "abcdefghijklmnop", "x\\u00"};
  put(b, "\"");
  unsigned n = rnd(12);
  for (unsigned i = 0; i < n; i++) put(b, parts[rnd(sizeof parts / sizeof *parts - (rnd(40) ? 1 : 0))]);
  put(b, "\"");
}

static void rand_value(an_buf *b, int depth) {
  switch (rnd(depth ? 8 : 12)) {
  case 0: put(b, "null"); break;
  case 1: put(b, rnd(2) ? "true" : "false"); break;
  case 2: put(b, (const char *[]){"0", "12", "-3", "1.5", "2e3", "-0", "007", "1e", "12345678901234567"}[rnd(9)]); break;
  case 3:
  case 4:
  case 5:
  case 6:
  case 7: rand_string(b); break;
  default: {
    int obj = rnd(2);
    put(b, obj ? "{" : "[");
    unsigned n = rnd(3);
    for (unsigned i = 0; i < n; i++) {
      if (i) put(b, ",");
      rand_ws(b);
      if (obj) {
        rand_string(b);
        put(b, ":");
      }
      rand_value(b, depth + 1);
      rand_ws(b);
    }
    put(b, obj ? "}" : "]");
  }
  }
}

static int n_read, n_skipped;
static an_jreader jr; /* one arena for all random lines, as a reader keeps */

/* cJSON's reading of the fields, compared with ours (the same verdict, the
 * same error position). */
static void compare(const char *line, size_t len) {
  an_doc *d = NULL;
  an_error w;
  an_error_clear(&w);
  char note[256];
  an_status st = an_jsonl_parse_line(&jr, line, len, AN_LINE_DOC, "r.jsonl", 1, &d, &w, note);
  const char *end = NULL;
  cJSON *root = cJSON_ParseWithLengthOpts(line, len, &end, 0);
  int ok = root && cJSON_IsObject(root) && an_blank(end, len - (size_t)(end - line));
  const cJSON *id = ok ? cJSON_GetObjectItemCaseSensitive(root, "id") : NULL;
  const cJSON *text = ok ? cJSON_GetObjectItemCaseSensitive(root, "text") : NULL;
  if (!(cJSON_IsString(id) && id->valuestring[0])) ok = 0;
  if (!cJSON_IsString(text)) ok = 0;
  const char *opt[] = {"outlet", "url", "title", "date"};
  for (int k = 0; k < 4 && ok; k++) {
    const cJSON *j = cJSON_GetObjectItemCaseSensitive(root, opt[k]);
    if (j && !cJSON_IsNull(j) && !cJSON_IsString(j)) ok = 0;
  }
  if (root && cJSON_IsObject(root) && cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(root, "id"))) {
    cJSON_Delete(root); /* number ids: not compared here */
    an_doc_free(d);
    return;
  }
  CHECK_INT(st, ok ? AN_OK : AN_EDATA);
  if (!root || (cJSON_IsObject(root) && !an_blank(end, len - (size_t)(end - line))))
    CHECK_INT(w.offset, (long)(end - line)); /* broken, or text after the object: cJSON's column */
  if (ok) n_read++;
  else n_skipped++;
  if (ok && st == AN_OK && d) {
    char *rid = an_utf8_dup(id->valuestring, NULL);
    CHECK_STR(d->id, rid);
    an_free(rid);
    CHECK_INT(d->len, strlen(text->valuestring));
    CHECK(memcmp(d->text, text->valuestring, d->len) == 0);
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(root, "outlet");
    if (cJSON_IsString(o) && o->valuestring[0]) {
      char *ro = an_utf8_dup(o->valuestring, NULL);
      CHECK_STR(d->outlet, ro);
      an_free(ro);
    } else {
      CHECK(d->outlet == NULL);
    }
  }
  if (test_failures) fprintf(stderr, "line: %.*s\n", (int)len, line);
  cJSON_Delete(root);
  an_doc_free(d);
}

static void test_random(void) {
  an_buf b;
  an_buf_init(&b);
  for (int round = 0; round < 20000 && !test_failures; round++) {
    an_buf_clear(&b);
    rand_ws(&b);
    put(&b, "{");
    unsigned n = 1 + rnd(5);
    static const char *keys[] = {"\"id\"", "\"text\"", "\"outlet\"", "\"extra\"", "\"i\\u0064\"", "\"date\""};
    int has_id = 0, has_text = 0;
    for (unsigned i = 0; i < n; i++) {
      if (i) put(&b, ",");
      rand_ws(&b);
      unsigned k = rnd(6);
      if (!has_id && rnd(2)) k = 0;
      if (has_id && !has_text && rnd(2)) k = 1;
      has_id |= k == 0, has_text |= k == 1;
      put(&b, keys[k]);
      rand_ws(&b);
      put(&b, ":");
      rand_ws(&b);
      if (k <= 2 && rnd(4)) rand_string(&b);
      else rand_value(&b, 0);
      rand_ws(&b);
    }
    put(&b, rnd(30) ? "}" : "} x");
    rand_ws(&b);
    compare(b.data, b.len);
  }
  an_buf_free(&b);
  an_jreader_free(&jr);
  fprintf(stderr, "random lines: %d read, %d skipped\n", n_read, n_skipped);
  CHECK(n_read > 2000 && n_skipped > 2000); /* both paths well exercised */
}

/* A line over a megabyte (the reader gives its string arena back after
 * it), then ordinary lines, all through the one reader: each read as cJSON
 * reads it. */
static void test_huge_line(void) {
  an_buf b;
  an_buf_init(&b);
  for (int round = 0; round < 3; round++) {
    an_buf_clear(&b);
    put(&b, "{\"id\": \"big\", \"text\": \"");
    for (int i = 0; i < 90000; i++) put(&b, i % 7 ? "plain words \\n " : "caf\\u00e9 \\\"q\\\" ");
    put(&b, "\"}");
    CHECK(b.len > ((size_t)1 << 20));
    compare(b.data, b.len);
    size_t cap_after_huge = jr.cap_text;
    static const char *after[] = {"{\"id\": \"a\", \"text\": \"x\\ty\", \"outlet\": \"Wire\"}",
                                  "{\"id\": \"b\", \"text\": \"short\"} x"};
    for (size_t k = 0; k < 2; k++) compare(after[k], strlen(after[k]));
    CHECK(cap_after_huge < ((size_t)1 << 20)); /* the huge line's arena was given back */
  }
  an_buf_free(&b);
  an_jreader_free(&jr);
}

int main(void) {
  test_cases();
  test_huge_line();
  test_random();
  return TEST_DONE();
}
