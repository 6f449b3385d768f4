/* test_eval.c: the scorer of annotation.md §5 on tiny gold sets of its own:
 * label normalization, whole-word key matching, the "key inside a longer
 * key's match does not count" and "key ending last wins" rules, tuples,
 * optional events, symmetric types, dates, rounding, report layout and
 * bad input. (Parity with score.py on real gold: tests/eval/.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "extract/eval.h"
#include "harness.h"

static char norm_out[512];

static int starts(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

static const char *norm(const char *s) {
  an_buf b;
  an_buf_init(&b);
  CHECK_INT(an_eval_normalize(s, strlen(s), &b), AN_OK);
  snprintf(norm_out, sizeof norm_out, "%s", b.data ? b.data : "(null)");
  an_buf_free(&b);
  return norm_out;
}

/* annotation.md §5.1; expected values are what score.py's normalize gives. */
static void test_normalize(void) {
  CHECK_STR(norm("Hamas leader Ismail Haniyeh"), " hamas leader ismail haniyeh ");
  CHECK_STR(norm("Erdo\xC4\x9F" "an"), " erdogan ");                            /* ğ */
  CHECK_STR(norm("\xD0\x9D\xD0\xB0m\xD0\xB0\xD1\x95"), " hamas ");               /* Нamaѕ, Cyrillic */
  CHECK_STR(norm("N\xD0\xB0\xD1\x96m Q\xD0\xB0\xD1\x95\xD0\xB5m"), " naim qasem ");
  CHECK_STR(norm("\xCE\x96" "eta"), " zeta ");                                  /* Greek Ζ */
  CHECK_STR(norm("\xCE\x9F\xCE\x91"), " oa ");                                  /* Greek ΟΑ */
  CHECK_STR(norm("\xEF\xBC\xA9\xEF\xBC\xB2\xEF\xBC\xA1\xEF\xBC\xAE"), " iran "); /* fullwidth */
  CHECK_STR(norm("\xEF\xAC\x81nance"), " finance ");                            /* ﬁ ligature */
  CHECK_STR(norm("\xE2\x84\xAA" "arl"), " karl ");                              /* Kelvin sign */
  CHECK_STR(norm("\xC4\xB0stanbul"), " istanbul ");                             /* İ */
  CHECK_STR(norm("Stra\xC3\x9F" "e"), " stra e ");                              /* ß is not a-z */
  CHECK_STR(norm("Cafe\xCC\x81 \xC2\xBD"), " cafe 1 2 ");                       /* é decomposed, ½ */
  /* the Greek omicron with tonos composes under NFKC, which the table does
   * not fold: it stays non-Latin and becomes a space */
  CHECK_STR(norm("B\xCF\x8C"), " b ");
  CHECK_STR(norm("U.S."), " u s ");
  CHECK_STR(norm("Amir-Abdollahian's"), " amir abdollahian s ");
  CHECK_STR(norm("\xC2\xAB" "Iran\xC2\xBB,\xC2\xA0(x)!"), " iran x ");
  CHECK_STR(norm("  x  "), " x ");
  CHECK_STR(norm(""), "  ");
  CHECK_STR(norm("\xFF\xFE"), "  "); /* invalid UTF-8: no crash, no letters */
  CHECK_STR(norm("a\xFF" "b"), " a b ");
}

static const char *ACTORS =
    "{\"iran\": {\"keys\": [\"iran\", \"islamic republic\", \"tehran\"], \"kind\": \"country\"},\n"
    " \"irna\": {\"keys\": [\"islamic republic news agency\", \"irna\"], \"kind\": \"organization\"},\n"
    " \"hamas\": {\"keys\": [\"hamas\"], \"kind\": \"organization\"},\n"
    " \"haniyeh\": {\"keys\": [\"haniyeh\", \"ismail haniyeh\"], \"kind\": \"person\"},\n"
    " \"twin_a\": {\"keys\": [\"twin\"], \"kind\": \"person\"},\n"
    " \"twin_b\": {\"keys\": [\"twin\"], \"kind\": \"person\"},\n"
    " \"wang_yi\": {\"keys\": [\"wang yi\", \"wang\"], \"kind\": \"person\"},\n"
    " \"yi\": {\"keys\": [\"yi\"], \"kind\": \"person\"},\n"
    " \"us\": {\"keys\": [\"U.S.\", \"united states\"], \"kind\": \"country\"}}\n";

static const char *EVENTS =
    "{\"doc\": \"d1\", \"type\": \"call\", \"source\": \"iran\", \"target\": \"hamas\", "
    "\"optional\": false, \"date\": \"2024-03-04\"}\n"
    "\n"
    "{\"doc\": \"d1\", \"type\": \"praise\", \"source\": \"haniyeh\", \"target\": \"iran\", "
    "\"optional\": false, \"date\": null}\n"
    "{\"doc\": \"d1\", \"type\": \"meet\", \"source\": \"us\", \"target\": \"iran\", "
    "\"optional\": true}\n"
    "{\"doc\": \"d2\", \"type\": \"accuse\", \"source\": \"us\", \"target\": \"iran\", "
    "\"optional\": false, \"date\": \"2024\"}\n"
    "{\"doc\": \"d2\", \"type\": \"criticize\", \"source\": \"irna\", \"target\": \"us\", "
    "\"optional\": false}\n";

static an_eval_gold *gold_new(void) {
  an_eval_gold *g = NULL;
  an_error err;
  CHECK_INT(an_eval_gold_parse(ACTORS, EVENTS, "test", &g, &err), AN_OK);
  return g;
}

static const char *resolve(const an_eval_gold *g, const char *label, size_t *n) {
  const char *id = NULL;
  CHECK_INT(an_eval_resolve(g, label, &id, n, NULL), AN_OK);
  return id;
}

/* annotation.md §5.2 */
static void test_matching(void) {
  an_eval_gold *g = gold_new();
  if (!g) return;
  size_t n = 99;
  CHECK_STR(resolve(g, "Iran", &n), "iran");
  CHECK_INT(n, 1);
  CHECK_STR(resolve(g, "Tehran's government", &n), "iran");
  CHECK_STR(resolve(g, "the ISLAMIC REPUBLIC", &n), "iran");
  /* whole words only */
  CHECK(resolve(g, "Iranian officials", &n) == NULL);
  CHECK_INT(n, 0);
  CHECK(resolve(g, "Hamasville", &n) == NULL);
  CHECK(resolve(g, "the Kenyan leader", &n) == NULL);
  CHECK(resolve(g, "", &n) == NULL);
  /* a key inside a longer key's match does not count: not also Iran */
  CHECK_STR(resolve(g, "Islamic Republic News Agency", &n), "irna");
  CHECK_INT(n, 1);
  /* the key that ends last wins */
  CHECK_STR(resolve(g, "Hamas leader Ismail Haniyeh", &n), "haniyeh");
  CHECK_INT(n, 2);
  CHECK_STR(resolve(g, "Haniyeh of Hamas", &n), "hamas");
  CHECK_STR(resolve(g, "IRNA and Tehran", &n), "iran");
  /* "wang" and "yi" inside "wang yi" do not count; the second "yi" does */
  CHECK_STR(resolve(g, "Wang Yi", &n), "wang_yi");
  CHECK_INT(n, 1);
  CHECK_STR(resolve(g, "Wang Yi Yi", &n), "yi");
  CHECK_INT(n, 2);
  /* equal keys: the actor listed first */
  CHECK_STR(resolve(g, "Twin", &n), "twin_a");
  CHECK_INT(n, 2);
  /* look-alikes, accents, punctuation in keys and labels */
  CHECK_STR(resolve(g, "H\xD0\xB0m\xD0\xB0s", &n), "hamas");
  CHECK_STR(resolve(g, "U.S.", &n), "us");
  CHECK_STR(resolve(g, "the U S", &n), "us");
  CHECK(resolve(g, "US", &n) == NULL);
  CHECK_STR(resolve(g, "H\xC3\xA1nIYEH", &n), "haniyeh");
  an_eval_gold_free(g);
}

static an_eval_report *score(const an_eval_gold *g, const char *pred, an_error *err) {
  FILE *f = fmemopen((void *)pred, strlen(pred), "r");
  CHECK(f != NULL);
  if (!f) return NULL;
  an_eval_report *rep = NULL;
  an_status st = an_eval_score(g, f, "pred.jsonl", &rep, err);
  fclose(f);
  if (st != AN_OK) CHECK(rep == NULL);
  return rep;
}

static void test_scoring(void) {
  an_eval_gold *g = gold_new();
  if (!g) return;
  CHECK_INT(an_eval_gold_doc_count(g), 2);
  const char *pred =
      /* a document record has no "doc": skipped */
      "{\"record\":\"document\",\"id\":\"d1\",\"actors\":[]}\n"
      /* call, reversed direction, right date: TP */
      "{\"doc\":\"d1\",\"type\":\"call\",\"source\":{\"label\":\"Hamas\"},"
      "\"target\":{\"label\":\"Tehran\"},\"date\":\"2024-03-04\"}\n"
      /* the same tuple again with another date: one tuple */
      "{\"doc\":\"d1\",\"type\":\"call\",\"source\":\"Iran\",\"target\":\"Hamas\",\"date\":\"2024\"}\n"
      /* praise reversed: directed, so FP, and the gold praise is missed */
      "{\"doc\":\"d1\",\"type\":\"praise\",\"source\":\"Iran\",\"target\":\"Ismail Haniyeh\"}\n"
      /* optional gold event: ignored */
      "{\"doc\":\"d1\",\"type\":\"meet\",\"source\":\"Tehran\",\"target\":{\"name\":\"U.S.\"}}\n"
      /* accuse with a date at another precision: TP, date wrong */
      "{\"doc\":\"d2\",\"type\":\"accuse\",\"source\":\"United States\",\"target\":\"Iran\","
      "\"date\":\"2024-01\"}\n"
      /* unknown actor: FP with a ?label */
      "{\"doc\":\"d2\",\"type\":\"criticize\",\"source\":\"The Agency\",\"target\":\"U.S.\"}\n"
      /* a document the gold does not have: not scored */
      "{\"doc\":\"d9\",\"type\":\"call\",\"source\":\"Iran\",\"target\":\"Hamas\"}\n";
  an_error err;
  an_eval_report *rep = score(g, pred, &err);
  CHECK(rep != NULL);
  if (rep) {
    an_eval_row r;
    CHECK_INT(an_eval_report_row(rep, "all", &r), AN_OK);
    CHECK_INT(r.tp, 2);
    CHECK_INT(r.fp, 2);
    CHECK_INT(r.fn, 2);
    CHECK(r.precision == 0.5 && r.recall == 0.5 && r.f1 == 0.5);
    CHECK_INT(an_eval_report_row(rep, "core", &r), AN_OK);
    CHECK_INT(r.tp, 2);
    CHECK_INT(r.fp, 1);
    CHECK_INT(r.fn, 1);
    CHECK(r.precision == 0.667 && r.recall == 0.667 && r.f1 == 0.667);
    CHECK_INT(an_eval_report_row(rep, "criticize", &r), AN_OK);
    CHECK_INT(r.tp, 0);
    CHECK_INT(r.fp, 1);
    CHECK_INT(r.fn, 1);
    /* the optional meet was predicted: its type has a row, with nothing in it */
    CHECK_INT(an_eval_report_row(rep, "meet", &r), AN_OK);
    CHECK(r.tp == 0 && r.fp == 0 && r.fn == 0 && r.f1 == 0.0);
    CHECK_INT(an_eval_report_row(rep, "threaten", &r), AN_ENOTFOUND);
    an_buf b;
    an_buf_init(&b);
    CHECK_INT(an_eval_report_json(rep, &b), AN_OK);
    CHECK(b.data && starts(b.data, "{\n  \"documents\": 2,\n  \"predicted\": 5,\n"
                                    "  \"unknown_actor_events\": 1,\n  \"by_type\": {\n"
                                    "    \"accuse\": {\n      \"tp\": 1,"));
    CHECK(b.data && strstr(b.data, "\"dates\": {\n    \"gold_dated\": 2,\n    \"matched\": 2,\n"
                                   "    \"correct\": 1\n  }"));
    CHECK(b.data && strstr(b.data, "\"false_positives\": [\n    [\n      \"d1\",\n      "
                                   "\"praise\",\n      \"iran\",\n      \"haniyeh\"\n    ],\n"
                                   "    [\n      \"d2\",\n      \"criticize\",\n      "
                                   "\"?the agency\",\n      \"us\"\n    ]\n  ],"));
    CHECK(b.data && strstr(b.data, "\"precision\": 0.667,"));
    CHECK(b.data && strstr(b.data, "\"f1\": 1.0\n"));
    CHECK(b.data && b.data[b.len - 1] == '\n' && b.data[b.len - 2] == '}');
    an_buf_clear(&b);
    CHECK_INT(an_eval_report_text(rep, &b), AN_OK);
    CHECK(b.data && starts(b.data,
                            "type         tp   fp   fn   prec    rec     f1\n"
                            "all           2    2    2  0.500  0.500  0.500\n"
                            "core          2    1    1  0.667  0.667  0.667\n"));
    CHECK(b.data && strstr(b.data, "missed: d1 praise haniyeh iran\n"));
    CHECK(b.data && strstr(b.data, "spurious: d2 criticize ?the agency us\n"));
    CHECK(b.data && strstr(b.data, "dates: 1 of 2 found events"));
    CHECK(b.data && strstr(b.data, "core F1: 0.667  all F1: 0.500\n"));
    an_buf_free(&b);
  }
  an_eval_report_free(rep);

  /* round(x, 3) rounds half to even like Python: 1/16 = 0.0625 -> 0.062 */
  an_buf p;
  an_buf_init(&p);
  CHECK_INT(an_buf_puts(&p, "{\"doc\":\"d1\",\"type\":\"call\",\"source\":\"Iran\",\"target\":\"Hamas\"}\n"), AN_OK);
  for (int i = 0; i < 15; i++)
    CHECK_INT(an_buf_printf(&p, "{\"doc\":\"d1\",\"type\":\"attack\",\"source\":\"X%d\",\"target\":\"Iran\"}\n", i), AN_OK);
  rep = score(g, p.data, &err);
  if (rep) {
    an_eval_row r;
    CHECK_INT(an_eval_report_row(rep, "all", &r), AN_OK);
    CHECK_INT(r.tp, 1);
    CHECK_INT(r.fp, 15);
    CHECK(r.precision == 0.062);
  }
  an_eval_report_free(rep);
  an_buf_free(&p);

  /* bad input: the line is named */
  rep = score(g, "{\"doc\":\"d1\"}\n\n{not json\n", &err);
  CHECK(rep == NULL);
  CHECK_INT(err.code, AN_EDATA);
  CHECK_INT(err.line, 3);
  CHECK_STR(err.path, "pred.jsonl");
  an_eval_gold_free(g);
}

static void test_graph(void) {
  an_eval_gold *g = gold_new();
  if (!g) return;
  an_eval_report *rep = score(g, "", NULL);
  const char *graph =
      "{\"nodes\": [{\"id\": \"IRN\", \"label\": \"Iran\"}, {\"id\": \"t\", \"label\": \"Tehran\"},"
      " {\"id\": \"h\", \"name\": \"Hamas\"}, {\"id\": \"x\", \"label\": \"Hamas and Haniyeh\"},"
      " {\"id\": \"Nobody\"}], \"links\": []}";
  FILE *f = fmemopen((void *)graph, strlen(graph), "r");
  if (rep && f) {
    CHECK_INT(an_eval_graph(g, f, "g.json", rep, NULL), AN_OK);
    an_buf b;
    an_buf_init(&b);
    CHECK_INT(an_eval_report_text(rep, &b), AN_OK);
    CHECK(b.data && strstr(b.data, "graph: 5 nodes, 1 gold actors split over several nodes, "
                                   "1 nodes merging several\n"
                                   "split: iran: ['Iran', 'Tehran']\n"
                                   "merged: Hamas and Haniyeh\n"));
    an_buf_clear(&b);
    CHECK_INT(an_eval_report_json(rep, &b), AN_OK);
    CHECK(b.data && strstr(b.data, "  \"graph\": {\n    \"nodes\": 5,\n    \"gold_actors_found\": 3,\n"
                                   "    \"fragmented\": {\n      \"iran\": [\n        \"Iran\",\n"
                                   "        \"Tehran\"\n      ]\n    },\n    \"overmerged\": [\n"
                                   "      \"Hamas and Haniyeh\"\n    ]\n  }\n}\n"));
    an_buf_free(&b);
  }
  if (f) fclose(f);
  an_eval_report_free(rep);
  an_eval_gold_free(g);
}

static void test_bad_gold(void) {
  an_eval_gold *g = NULL;
  an_error err;
  CHECK_INT(an_eval_gold_parse("[1]", "", "bad", &g, &err), AN_EDATA);
  CHECK(g == NULL);
  CHECK_INT(an_eval_gold_parse("{\"a\": {\"kind\": \"person\"}}", "", "bad", &g, &err), AN_EDATA);
  CHECK_INT(an_eval_gold_parse(ACTORS, "{\"doc\": \"d1\", \"type\": \"call\"}\n", "bad", &g, &err),
            AN_EDATA);
  CHECK_INT(err.line, 1);
  CHECK_INT(an_eval_gold_load("/nonexistent/gold", &g, &err), AN_ENOTFOUND);
  /* the shipped examples' gold loads: thirteen documents */
  CHECK_INT(an_eval_gold_load(AN_SOURCE_DIR "/examples/gold", &g, &err), AN_OK);
  CHECK_INT(an_eval_gold_doc_count(g), 13);
  const char *id = NULL;
  if (g) {
    /* the look-alike article's names resolve like the others */
    CHECK_INT(an_eval_resolve(g, "\xD0\x9C\xD0\xB0\xD0\xB0rj\xD0\xB0 \xD0\xA2\xD0\xB0mm", &id, NULL, &err),
              AN_OK);
    CHECK_STR(id, "tamm");
    CHECK_INT(an_eval_resolve(g, "Tom\xC3\xA1s Ferreyra", &id, NULL, &err), AN_OK);
    CHECK_STR(id, "ferreyra");
    CHECK_INT(an_eval_resolve(g, "UN Security Council", &id, NULL, &err), AN_OK);
    CHECK_STR(id, "un_security_council");
  }
  an_eval_gold_free(g);
}

/* style.md S3: with the Nth allocation failing, every call gives AN_ENOMEM
 * (no crash, no leak under ASan) until N is large enough, and then the
 * same report as without failures. */
static an_status run_all(an_buf *out) {
  static const char *pred =
      "{\"doc\":\"d1\",\"type\":\"call\",\"source\":\"Hamas\",\"target\":\"Tehran\",\"date\":\"2024-03-04\"}\n"
      "{\"doc\":\"d2\",\"type\":\"criticize\",\"source\":\"The Agency\",\"target\":\"U.S.\"}\n"
      "{\"doc\":\"d2\",\"type\":\"accuse\",\"source\":\"United States\",\"target\":\"Iran\"}\n";
  static const char *graph = "{\"nodes\": [{\"label\": \"Iran\"}, {\"label\": \"Tehran\"}, "
                             "{\"label\": \"Hamas and Haniyeh\"}]}";
  an_eval_gold *g = NULL;
  an_eval_report *rep = NULL;
  an_status st = an_eval_gold_parse(ACTORS, EVENTS, "t", &g, NULL);
  if (st == AN_OK) {
    FILE *f = fmemopen((void *)pred, strlen(pred), "r");
    st = f ? an_eval_score(g, f, "p", &rep, NULL) : AN_EIO;
    if (f) fclose(f);
  }
  if (st == AN_OK) {
    FILE *f = fmemopen((void *)graph, strlen(graph), "r");
    st = f ? an_eval_graph(g, f, "g", rep, NULL) : AN_EIO;
    if (f) fclose(f);
  }
  if (st == AN_OK) st = an_eval_report_json(rep, out);
  if (st == AN_OK) st = an_eval_report_text(rep, out);
  an_eval_report_free(rep);
  an_eval_gold_free(g);
  return st;
}

static void test_alloc_failures(void) {
  an_buf want;
  an_buf_init(&want);
  CHECK_INT(run_all(&want), AN_OK);
  long n;
  for (n = 0; n < 100000; n++) {
    an_buf got;
    an_buf_init(&got);
    an_alloc_fail_after(n);
    an_status st = run_all(&got);
    an_alloc_fail_after(-1);
    if (st != AN_OK) CHECK_INT(st, AN_ENOMEM);
    if (st == AN_OK) CHECK(got.data && want.data && strcmp(got.data, want.data) == 0);
    an_buf_free(&got);
    if (st == AN_OK) break;
  }
  CHECK(n > 10 && n < 100000);
  an_buf_free(&want);
}

int main(void) {
  test_normalize();
  test_matching();
  test_scoring();
  test_graph();
  test_bad_gold();
  test_alloc_failures();
  return TEST_DONE();
}
