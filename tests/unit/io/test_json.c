/* test_json.c: the shared JSON reader (src/io/json.h) accepts what
 * cJSON accepts and reads the same values: hand-picked edge cases (escapes,
 * surrogates, NULs, numbers, white space, BOM, nesting, trailing text), then
 * random mutations of event-like lines, compared tree against tree. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/core.h"
#include "io/json.h"
#include "harness.h"

static int same_tree(const cJSON *c, const an_jv *v) {
  switch (v->type) {
  case AN_J_NULL: if (!cJSON_IsNull(c)) return 0; break;
  case AN_J_FALSE: if (!cJSON_IsFalse(c)) return 0; break;
  case AN_J_TRUE: if (!cJSON_IsTrue(c)) return 0; break;
  case AN_J_NUMBER:
    if (!cJSON_IsNumber(c)) return 0;
    if (!(c->valuedouble == v->num || (isnan(c->valuedouble) && isnan(v->num)))) return 0;
    if (c->valuedouble == 0 && signbit(c->valuedouble) != signbit(v->num)) return 0;
    break;
  case AN_J_STRING:
    if (!cJSON_IsString(c) || strlen(c->valuestring) != v->len || memcmp(c->valuestring, v->str, v->len) != 0)
      return 0;
    break;
  case AN_J_ARRAY:
  case AN_J_OBJECT: {
    if (v->type == AN_J_ARRAY ? !cJSON_IsArray(c) : !cJSON_IsObject(c)) return 0;
    const cJSON *x = c->child;
    const an_jv *y = v->child;
    for (; x && y; x = x->next, y = y->next) {
      if (v->type == AN_J_OBJECT &&
          (!y->key || strlen(x->string) != y->key_len || memcmp(x->string, y->key, y->key_len) != 0))
        return 0;
      if (!same_tree(x, y)) return 0;
    }
    if (x || y) return 0;
    break;
  }
  }
  return 1;
}

static int agree(an_jreader *r, const char *s, size_t n) {
  const an_jv *v = NULL;
  an_status st = an_jreader_parse(r, s, n, &v);
  cJSON *c = cJSON_ParseWithLengthOpts(s, n, NULL, 0);
  int ok = (st == AN_OK) == (c != NULL) && (!c || same_tree(c, v));
  if (ok && c && cJSON_IsObject(c) && c->child && c->child->string) /* first-of-repeated-key lookups */
    ok = an_jget(v, c->child->string, strlen(c->child->string)) != NULL;
  cJSON_Delete(c);
  if (!ok) fprintf(stderr, "disagree on: %.*s\n", (int)n, s);
  return ok;
}

static const char *const cases[] = {
    "{}", "[]", "{\"a\":1}", " \t\r\n {\"a\" : [1, 2 ,3 ] } trailing", "\xEF\xBB\xBF{\"bom\":true}",
    "\xEF\xBB\xBF", "\xEF\xBB\xBF{}", "null", "true", "false", "nul", "tru", "[1,]", "[,1]", "{\"a\":}",
    "{\"a\" 1}", "{a:1}", "{\"a\":1,}", "{\"a\":1 \"b\":2}", "\"str\"", "\"unterminated", "\"back\\",
    "[\"\\u0041\\u00e9\\u20ac\\ud83d\\ude00\"]", "[\"\\ud83d\"]", "[\"\\ud83dx\"]", "[\"\\ude00\"]",
    "[\"\\ud83d\\u0041\"]", "[\"a\\u0000b\"]", "[\"\\u00zz\"]", "[\"\\u12\"]", "[\"\\x\"]",
    "[\"\\b\\f\\n\\r\\t\\\"\\\\\\/\"]", "{\"k\\u0000x\":1}", "{\"a\":1,\"a\":2}", "[0.8, -0.0, 1e5, 1E-3, -12, 007]",
    "[1.]", "[1.5.5]", "[-]", "[--1]", "[1-2]", "[+1]", "[.5]", "[-.5]", "[1e]", "[1e+]", "[12345678901234567890]",
    "[0.1234567890123456789]", "[123456789012345.6]", "[1234567890123456.7]",
    "[0000000000000000000000000000000000000000000000000000000000000000000000001]", "[1,2", "{\"a\":[}",
    "{\"a\":{\"b\":{\"c\":[[[[]]]]}}}", "[\"raw\x01\x1f ctl\"]", "[\"tab\tin\"]", "\x01{}", "{\x02\"a\":1}",
    "[\"caf\xc3\xa9\", \"\xff\xfe\"]", "{\"\":\"\"}", "[true false]", "[nulll]", "[nan]", "[inf]", "[0x10]",
};

static void test_cases(void) {
  an_jreader r;
  an_jreader_init(&r);
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) CHECK(agree(&r, cases[i], strlen(cases[i])));
  /* a NUL byte inside a string and in white space, lengths given */
  static const char nul_str[] = "[\"a\0b\"]", nul_ws[] = "{\0\"a\":1}";
  CHECK(agree(&r, nul_str, sizeof nul_str - 1));
  CHECK(agree(&r, nul_ws, sizeof nul_ws - 1));
  /* nesting up to and past cJSON's limit of 1000 */
  char deep[2100];
  for (int depth = 999; depth <= 1001; depth++) {
    size_t n = 0;
    for (int k = 0; k < depth; k++) deep[n++] = '[';
    for (int k = 0; k < depth; k++) deep[n++] = ']';
    CHECK(agree(&r, deep, n));
  }
  an_jreader_free(&r);
}

static uint64_t next(uint64_t *s) {
  *s = *s * 6364136223846793005ull + 1442695040888963407ull;
  return *s >> 33;
}

static void test_mutations(void) {
  static const char base[] =
      "{\"record\": \"event\", \"id\": \"0000000001000000\", \"doc\": \"b01\", \"type\": \"attack\", "
      "\"source\": {\"id\": \"free-agency\", \"label\": \"Free \\u00c9 Agency\", \"kind\": \"organization\"}, "
      "\"directed\": true, \"date\": \"2021-02-02\", \"date_text\": null, \"sentence\": \"They \\\"said\\\" so.\", "
      "\"offsets\": [40, 119], \"confidence\": 0.8, \"tags\": [1e3, -0.25, [], {}]}";
  static const char alphabet[] = "{}[]\",:\\u0123456789.-+eEtrufalsn \t\x01\xc3\xa9\xffZ";
  char line[sizeof base + 64];
  uint64_t seed = 12345;
  an_jreader r;
  an_jreader_init(&r);
  int bad = 0;
  for (int round = 0; round < 20000; round++) {
    size_t n = sizeof base - 1;
    memcpy(line, base, n);
    int edits = 1 + (int)(next(&seed) % 4);
    for (int e = 0; e < edits; e++) {
      size_t at = next(&seed) % n;
      char c = alphabet[next(&seed) % (sizeof alphabet - 1)];
      switch (next(&seed) % 3) {
      case 0: line[at] = c; break;                                  /* replace */
      case 1:                                                        /* delete */
        memmove(line + at, line + at + 1, n - at - 1);
        n--;
        break;
      default:                                                       /* insert */
        if (n + 1 < sizeof line) {
          memmove(line + at + 1, line + at, n - at);
          line[at] = c;
          n++;
        }
      }
    }
    size_t cut = next(&seed) % 8 == 0 ? next(&seed) % (n + 1) : n; /* sometimes truncated */
    if (!agree(&r, line, cut)) bad++;
  }
  CHECK_INT(bad, 0);
  an_jreader_free(&r);
}

int main(void) {
  test_cases();
  test_mutations();
  return TEST_DONE();
}
