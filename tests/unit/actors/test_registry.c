/* test_registry.c: cross-document joining: spelling variants join with
 * enough evidence, people sharing a surname stay apart, the result does not
 * depend on the order of adds. */
#include <stdio.h>
#include <string.h>

#include "actors/registry.h"
#include "core/core.h"
#include "harness.h"

typedef struct row {
  const char *doc, *id, *label;
  an_actor_kind kind;
  const char *key;
} row;

static an_registry *build(const row *rows, size_t n, const size_t *order, size_t *idx) {
  an_registry *g = NULL;
  CHECK_INT(an_registry_new(&g, NULL), AN_OK);
  for (size_t k = 0; k < n; k++) {
    const row *r = &rows[order ? order[k] : k];
    const char *al[1] = {r->label};
    size_t at;
    CHECK_INT(an_registry_add(g, r->doc, r->id, r->label, r->kind, NULL, r->key, al, 1, 2, &at, NULL), AN_OK);
    idx[order ? order[k] : k] = at;
  }
  CHECK_INT(an_registry_finish(g, NULL), AN_OK);
  return g;
}

static int same(const an_registry *g, const size_t *idx, size_t a, size_t b) {
  return an_registry_canonical(g, idx[a]) == an_registry_canonical(g, idx[b]);
}

static void test_skeleton(void) {
  char a[64], b[64];
  an_name_skeleton("nakhala", a, sizeof a);
  an_name_skeleton("nakhaleh", b, sizeof b);
  CHECK_STR(a, b);
  an_name_skeleton("khamenei", a, sizeof a);
  an_name_skeleton("khamneie", b, sizeof b);
  CHECK_STR(a, b);
  an_name_skeleton("qassem", a, sizeof a);
  an_name_skeleton("kasem", b, sizeof b);
  CHECK_STR(a, b);
  an_name_skeleton("esmail", a, sizeof a);
  an_name_skeleton("ismail", b, sizeof b);
  CHECK_STR(a, b);
  an_name_skeleton("sharif", a, sizeof a);
  an_name_skeleton("sharma", b, sizeof b);
  CHECK(strcmp(a, b) != 0);
  an_name_skeleton("bagheri", a, sizeof a);
  an_name_skeleton("baqeri", b, sizeof b);
  CHECK_STR(a, b);
  CHECK_INT(an_name_distance("khamenei", "khamneie"), 2);
  CHECK_INT(an_name_distance("ziad", "ziyad"), 1);
  CHECK_INT(an_name_distance("ab", "ba"), 1);
}

static const row rows[] = {
    /* 0..4: one man, spelled five ways */
    {"d1", "ziad-al-nakhala", "Ziad al-Nakhala", AN_KIND_PERSON, "nakhala|ziad"},
    {"d2", "ziyad-al-nakhalah", "Ziyad al-Nakhalah", AN_KIND_PERSON, "nakhalah|ziyad"},
    {"d3", "ziad-nakhaleh", "Ziad Nakhaleh", AN_KIND_PERSON, "nakhaleh|ziad"},
    {"d4", "nakhala", "Nakhala", AN_KIND_PERSON, "nakhala|"},
    {"d5", "ziad-el-nakhala", "Ziad el-Nakhala", AN_KIND_PERSON, "nakhala|ziad"},
    /* 5..8: two brothers share a surname; a bare surname stays apart */
    {"d1", "nawaz-sharif", "Nawaz Sharif", AN_KIND_PERSON, "sharif|nawaz"},
    {"d2", "shehbaz-sharif", "Shehbaz Sharif", AN_KIND_PERSON, "sharif|shehbaz"},
    {"d3", "sharif", "Sharif", AN_KIND_PERSON, "sharif|"},
    {"d4", "shahbaz-sharif", "Shahbaz Sharif", AN_KIND_PERSON, "sharif|shahbaz"},
    /* 9..10: a typo joins the gazetteer person */
    {"d1", "ali-khamenei-gz", "Ali Khamenei", AN_KIND_PERSON, "khamenei|ali"},
    {"d2", "khamneie", "Khamneie", AN_KIND_PERSON, "khamneie|"},
    /* 11..12: a compound surname written as one word */
    {"d1", "hossein-amir-abdollahian", "Hossein Amir Abdollahian", AN_KIND_PERSON, "abdollahian|hossein amir"},
    {"d2", "hossein-amirabdollahian", "Hossein Amirabdollahian", AN_KIND_PERSON, "amirabdollahian|hossein"},
    /* 13..14: the same gazetteer id; 15: a different one with the same label stays apart */
    {"d1", "IRN", "Iran", AN_KIND_COUNTRY, NULL},
    {"d2", "IRN", "Iran", AN_KIND_COUNTRY, NULL},
    {"d3", "green-front", "Green Front", AN_KIND_ORGANIZATION, NULL},
    /* 16..17: different people, close names: Haniyeh vs Hanna */
    {"d1", "ismail-haniyeh", "Ismail Haniyeh", AN_KIND_PERSON, "haniyeh|ismail"},
    {"d2", "ismail-hanna", "Ismail Hanna", AN_KIND_PERSON, "hanna|ismail"},
    /* 18: Haniyah, a transliteration of 16 */
    {"d3", "ismail-haniyah", "Ismail Haniyah", AN_KIND_PERSON, "haniyah|ismail"},
};
#define NROWS (sizeof rows / sizeof *rows)

static void check_clusters(const an_registry *g, const size_t *idx) {
  CHECK(same(g, idx, 0, 1));
  CHECK(same(g, idx, 0, 2));
  CHECK(same(g, idx, 0, 3));
  CHECK(same(g, idx, 0, 4));
  CHECK(!same(g, idx, 5, 6));
  CHECK(!same(g, idx, 5, 7));
  CHECK(!same(g, idx, 6, 7));
  CHECK(same(g, idx, 6, 8)); /* Shehbaz / Shahbaz */
  CHECK(same(g, idx, 9, 10));
  CHECK(same(g, idx, 11, 12));
  CHECK(same(g, idx, 13, 14));
  CHECK(!same(g, idx, 13, 15));
  CHECK(!same(g, idx, 16, 17));
  CHECK(same(g, idx, 16, 18));
  CHECK(!same(g, idx, 0, 16));
}

static void test_join(void) {
  size_t idx[NROWS];
  an_registry *g = build(rows, NROWS, NULL, idx);
  check_clusters(g, idx);
  size_t f = an_registry_canonical(g, idx[0]);
  size_t n;
  an_registry_aliases(g, f, &n);
  CHECK_INT(n, 5);
  an_registry_docs(g, f, &n);
  CHECK_INT(n, 5);
  CHECK_INT(an_registry_mentions(g, f), 10);
  /* label: the most mentioned of the fullest names; id its slug */
  CHECK_STR(an_registry_label(g, f), "Ziad al-Nakhala");
  CHECK_STR(an_registry_id(g, f), "ziad-al-nakhala");
  f = an_registry_canonical(g, idx[10]);
  CHECK_STR(an_registry_id(g, f), "ali-khamenei-gz"); /* a gazetteer id wins */
  CHECK_STR(an_registry_label(g, f), "Ali Khamenei");
  f = an_registry_canonical(g, idx[13]);
  CHECK_STR(an_registry_id(g, f), "IRN");
  /* sorted by id, distinct ids */
  for (size_t i = 1; i < an_registry_count(g); i++)
    CHECK(strcmp(an_registry_id(g, i - 1), an_registry_id(g, i)) < 0);
  an_registry_free(g);
}

static void test_order_independent(void) {
  size_t idx[NROWS], idx2[NROWS], order[NROWS];
  an_registry *g1 = build(rows, NROWS, NULL, idx);
  for (size_t k = 0; k < NROWS; k++) order[k] = NROWS - 1 - k;
  /* a shuffled order too */
  for (size_t k = 0; k + 3 < NROWS; k += 3) {
    size_t t = order[k];
    order[k] = order[k + 2];
    order[k + 2] = t;
  }
  an_registry *g2 = build(rows, NROWS, order, idx2);
  check_clusters(g2, idx2);
  CHECK_INT(an_registry_count(g1), an_registry_count(g2));
  for (size_t i = 0; i < an_registry_count(g1) && i < an_registry_count(g2); i++) {
    CHECK_STR(an_registry_id(g1, i), an_registry_id(g2, i));
    CHECK_STR(an_registry_label(g1, i), an_registry_label(g2, i));
  }
  for (size_t k = 0; k < NROWS; k++)
    CHECK_INT(an_registry_canonical(g1, idx[k]), an_registry_canonical(g2, idx2[k]));
  an_registry_free(g1);
  an_registry_free(g2);
}

static void test_affiliation_evidence(void) {
  /* a bare surname between two full names joins the one sharing its party */
  an_registry *g = NULL;
  size_t a, b, c, pa, pb, pc, x;
  CHECK_INT(an_registry_new(&g, NULL), AN_OK);
  an_registry_add(g, "d1", "anton-berg", "Anton Berg", AN_KIND_PERSON, NULL, "berg|anton", NULL, 0, 1, &a, NULL);
  an_registry_add(g, "d1", "blue-party", "Blue Party", AN_KIND_ORGANIZATION, NULL, NULL, NULL, 0, 1, &pa, NULL);
  an_registry_add(g, "d2", "lars-berg", "Lars Berg", AN_KIND_PERSON, NULL, "berg|lars", NULL, 0, 1, &b, NULL);
  an_registry_add(g, "d2", "red-party", "Red Party", AN_KIND_ORGANIZATION, NULL, NULL, NULL, 0, 1, &pb, NULL);
  an_registry_add(g, "d3", "berg", "Berg", AN_KIND_PERSON, NULL, "berg|", NULL, 0, 1, &c, NULL);
  an_registry_add(g, "d3", "red-party", "Red Party", AN_KIND_ORGANIZATION, NULL, NULL, NULL, 0, 1, &pc, NULL);
  an_registry_add(g, "d4", "berg", "Berg", AN_KIND_PERSON, NULL, "berg|", NULL, 0, 1, &x, NULL);
  CHECK_INT(an_registry_add_affiliation(g, a, pa, "leader", NULL), AN_OK);
  CHECK_INT(an_registry_add_affiliation(g, b, pb, "leader", NULL), AN_OK);
  CHECK_INT(an_registry_add_affiliation(g, c, pc, "leader", NULL), AN_OK);
  CHECK(an_registry_add_affiliation(g, c, 99, "leader", NULL) != AN_OK);
  CHECK_INT(an_registry_finish(g, NULL), AN_OK);
  CHECK(an_registry_canonical(g, c) == an_registry_canonical(g, b));
  CHECK(an_registry_canonical(g, c) != an_registry_canonical(g, a));
  CHECK(an_registry_canonical(g, x) != an_registry_canonical(g, a));
  CHECK(an_registry_canonical(g, x) != an_registry_canonical(g, b));
  CHECK(an_registry_canonical(g, pb) == an_registry_canonical(g, pc));
  /* Lars Berg - Red Party stated in two documents */
  CHECK_INT(an_registry_n_affiliations(g), 2);
  int found = 0;
  for (size_t k = 0; k < an_registry_n_affiliations(g); k++) {
    const an_reg_affiliation *f = an_registry_affiliation(g, k);
    if (f->person == an_registry_canonical(g, b)) {
      found = 1;
      CHECK_INT(f->docs, 2);
      CHECK_STR(f->role, "leader");
      CHECK_STR(an_registry_label(g, f->org), "Red Party");
    }
  }
  CHECK(found);
  an_registry_free(g);
}

static void test_add_doc(void) {
  an_doc_actors da;
  memset(&da, 0, sizeof da);
  an_doc_actor acts[2];
  memset(acts, 0, sizeof acts);
  char *al0[] = {"Omar Salem", "Salem"};
  acts[0] = (an_doc_actor){"omar-salem", "Omar Salem", AN_KIND_PERSON, "", al0, 2, 3, "salem|omar"};
  acts[1] = (an_doc_actor){"river-league", "River League", AN_KIND_ORGANIZATION, "SDL", NULL, 0, 1, NULL};
  an_affiliation af = {0, 1, "chief", 0};
  da.actors = acts;
  da.n_actors = 2;
  da.affiliations = &af;
  da.n_affiliations = 1;
  an_registry *g = NULL;
  size_t first;
  CHECK_INT(an_registry_new(&g, NULL), AN_OK);
  CHECK_INT(an_registry_add_doc(g, "x1", &da, &first, NULL), AN_OK);
  CHECK_INT(an_registry_add_doc(g, "x2", &da, NULL, NULL), AN_OK);
  CHECK_INT(an_registry_finish(g, NULL), AN_OK);
  CHECK_INT(an_registry_count(g), 2);
  size_t f = an_registry_canonical(g, first);
  CHECK_STR(an_registry_label(g, f), "Omar Salem");
  CHECK_INT(an_registry_mentions(g, f), 6);
  size_t n;
  an_registry_docs(g, f, &n);
  CHECK_INT(n, 2);
  CHECK_STR(an_registry_country(g, an_registry_canonical(g, first + 1)), "SDL");
  CHECK_INT(an_registry_n_affiliations(g), 1);
  CHECK_INT(an_registry_affiliation(g, 0)->docs, 2);
  an_registry_free(g);
  an_registry_free(NULL);
}

static void test_oom(void) {
  for (long n = 0; n < 100000; n++) {
    an_registry *g = NULL;
    an_alloc_fail_after(n);
    an_status st = an_registry_new(&g, NULL);
    for (size_t k = 0; k < NROWS && st == AN_OK; k++)
      st = an_registry_add(g, rows[k].doc, rows[k].id, rows[k].label, rows[k].kind, NULL, rows[k].key, NULL, 0,
                           1, NULL, NULL);
    if (st == AN_OK) st = an_registry_finish(g, NULL);
    an_alloc_fail_after(-1);
    an_registry_free(g);
    if (st == AN_OK) break;
    if (st != AN_ENOMEM) {
      CHECK_INT(st, AN_ENOMEM);
      break;
    }
  }
}

int main(void) {
  test_skeleton();
  test_join();
  test_order_independent();
  test_affiliation_evidence();
  test_add_doc();
  test_oom();
  return TEST_DONE();
}
