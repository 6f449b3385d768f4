/* test_registry_merge.c: one record standing for the sightings of an actor
 * in many documents (an_registry_add_sightings) joins exactly like one
 * record per sighting, under the rule src/graph/model.c applies: a content
 * merges when no other content has its kind, id and label, and it is not a
 * bare surname. Random rosters over look-alike names, gazetteer ids,
 * aliases and affiliations; every final actor, sighting and affiliation is
 * compared. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "actors/registry.h"
#include "core/core.h"
#include "harness.h"

/* An actor content (what a sighting gives but document and mentions). */
typedef struct content {
  const char *id, *label, *key, *country;
  an_actor_kind kind;
  const char *aliases[2];
  size_t n_aliases;
} content;

/* Look-alike names on purpose: spelling variants, shared surnames, a bare
 * surname, gazetteer ids (id unlike the label's slug), one id and label
 * with two contents. */
static const content pool[] = {
    {"ziad-nakhala", "Ziad Nakhala", "nakhala|ziad", NULL, AN_KIND_PERSON, {"Ziad Nakhala", "Nakhala"}, 2},
    {"ziyad-nakhalah", "Ziyad Nakhalah", "nakhalah|ziyad", NULL, AN_KIND_PERSON, {"Ziyad Nakhalah"}, 1},
    {"nakhaleh", "Nakhaleh", NULL, NULL, AN_KIND_PERSON, {"Nakhaleh"}, 1},
    {"nakhala", "Nakhala", NULL, NULL, AN_KIND_PERSON, {0}, 0},
    {"omar-nakhala", "Omar Nakhala", "nakhala|omar", NULL, AN_KIND_PERSON, {0}, 0},
    {"anna-berg", "Anna Berg", "berg|anna", "SWE", AN_KIND_PERSON, {"Anna Berg", "Berg"}, 2},
    {"anna-berg", "Anna Berg", "berg|anna", NULL, AN_KIND_PERSON, {"Anna Berg"}, 1}, /* same id+label, other content */
    {"berg", "Berg", NULL, NULL, AN_KIND_PERSON, {"Berg"}, 1},
    {"lena-berg", "Lena Berg", "berg|lena", NULL, AN_KIND_PERSON, {0}, 0},
    {"a-berg", "A. Berg", NULL, NULL, AN_KIND_PERSON, {0}, 0},
    {"gz-berg-1", "Anna Berg", "berg|anna", NULL, AN_KIND_PERSON, {0}, 0}, /* gazetteer id */
    {"gz-berg-2", "Lena Berg", "berg|lena", NULL, AN_KIND_PERSON, {0}, 0},
    {"north-front", "North Front", NULL, NULL, AN_KIND_ORGANIZATION, {"North Front", "NF Alliance"}, 2},
    {"nf-alliance", "NF Alliance", NULL, NULL, AN_KIND_ORGANIZATION, {0}, 0},
    {"gz-front", "North Front", NULL, NULL, AN_KIND_ORGANIZATION, {0}, 0},
    {"gz-other", "Southern Front", NULL, NULL, AN_KIND_ORGANIZATION, {"NF Alliance"}, 1},
    {"irn", "Iran", NULL, "IRN", AN_KIND_COUNTRY, {"Iran"}, 1},
    {"iran", "Iran", NULL, NULL, AN_KIND_COUNTRY, {0}, 0},
};
#define NPOOL (sizeof pool / sizeof pool[0])
#define NDOCS 40
#define MAXS (NDOCS * 8)

typedef struct sighting {
  size_t c;  /* pool index */
  int doc;
  uint32_t mentions;
} sighting;

typedef struct aff {
  size_t person, org; /* sighting indexes */
  const char *role;
} aff;

static uint64_t next(uint64_t *s) {
  *s = *s * 6364136223846793005ull + 1442695040888963407ull;
  return *s >> 33;
}

static int same_content(const content *a, const content *b) {
#define SEQ(x, y) ((x) == (y) || ((x) && (y) && strcmp((x), (y)) == 0))
  if (a->kind != b->kind || !SEQ(a->id, b->id) || !SEQ(a->label, b->label) || !SEQ(a->key, b->key) ||
      !SEQ(a->country, b->country) || a->n_aliases != b->n_aliases)
    return 0;
  for (size_t k = 0; k < a->n_aliases; k++)
    if (!SEQ(a->aliases[k], b->aliases[k])) return 0;
  return 1;
#undef SEQ
}

static int mergeable(size_t c) {
  const content *x = &pool[c];
  if (x->kind == AN_KIND_PERSON && an_registry_bare_name(x->label, x->key)) return 0;
  for (size_t k = 0; k < NPOOL; k++)
    if (!same_content(&pool[k], x) && pool[k].kind == x->kind && strcmp(pool[k].id, x->id) == 0 &&
        strcmp(pool[k].label, x->label) == 0)
      return 0;
  return 1;
}

static void compare(const an_registry *a, const an_registry *b, const size_t *ra, const size_t *rb, size_t ns) {
  size_t n = an_registry_count(a);
  CHECK_INT(an_registry_count(b), n);
  if (an_registry_count(b) != n) return;
  for (size_t i = 0; i < n; i++) {
    CHECK_STR(an_registry_id(b, i), an_registry_id(a, i));
    CHECK_STR(an_registry_label(b, i), an_registry_label(a, i));
    CHECK_INT(an_registry_kind(b, i), an_registry_kind(a, i));
    CHECK_STR(an_registry_country(b, i), an_registry_country(a, i));
    CHECK_INT(an_registry_mentions(b, i), an_registry_mentions(a, i));
    size_t na, nb;
    const char *const *la = an_registry_aliases(a, i, &na), *const *lb = an_registry_aliases(b, i, &nb);
    CHECK_INT(nb, na);
    for (size_t k = 0; k < na && k < nb; k++) CHECK_STR(lb[k], la[k]);
    la = an_registry_docs(a, i, &na), lb = an_registry_docs(b, i, &nb);
    CHECK_INT(nb, na);
    for (size_t k = 0; k < na && k < nb; k++) CHECK_STR(lb[k], la[k]);
  }
  for (size_t s = 0; s < ns; s++) CHECK_INT(an_registry_canonical(b, rb[s]), an_registry_canonical(a, ra[s]));
  size_t fa = an_registry_n_affiliations(a);
  CHECK_INT(an_registry_n_affiliations(b), fa);
  for (size_t k = 0; k < fa && k < an_registry_n_affiliations(b); k++) {
    const an_reg_affiliation *x = an_registry_affiliation(a, k), *y = an_registry_affiliation(b, k);
    CHECK_INT(y->person, x->person);
    CHECK_INT(y->org, x->org);
    CHECK_STR(y->role, x->role);
    CHECK_INT(y->docs, x->docs);
  }
}

static void run(uint64_t seed, int borrow, size_t *merged_total) {
  static char docname[NDOCS][8];
  for (int d = 0; d < NDOCS; d++) snprintf(docname[d], sizeof docname[d], "d%02d", d);
  sighting s[MAXS];
  aff af[MAXS];
  size_t ns = 0, naf = 0;
  for (int d = 0; d < NDOCS; d++) {
    size_t k = 2 + next(&seed) % 6, first = ns;
    for (size_t j = 0; j < k; j++) {
      size_t c = next(&seed) % NPOOL;
      int dup = 0; /* one sighting per (document, id), as in a model */
      for (size_t q = first; q < ns; q++) dup |= strcmp(pool[s[q].c].id, pool[c].id) == 0;
      if (!dup) s[ns++] = (sighting){c, d, (uint32_t)(next(&seed) % 5)};
    }
    for (size_t p = first; p < ns; p++)
      for (size_t o = first; o < ns; o++)
        if (pool[s[p].c].kind == AN_KIND_PERSON && pool[s[o].c].kind == AN_KIND_ORGANIZATION && next(&seed) % 3 == 0)
          af[naf++] = (aff){p, o, next(&seed) % 2 ? "leader" : "member"};
  }
  /* a: one record per sighting */
  an_registry *a = NULL, *b = NULL;
  size_t ra[MAXS], rb[MAXS];
  CHECK_INT(an_registry_new(&a, NULL), AN_OK);
  CHECK_INT(an_registry_new(&b, NULL), AN_OK);
  if (borrow) an_registry_borrow_strings(a), an_registry_borrow_strings(b);
  for (size_t i = 0; i < ns; i++) {
    const content *c = &pool[s[i].c];
    CHECK_INT(an_registry_add(a, docname[s[i].doc], c->id, c->label, c->kind, c->country, c->key, c->aliases,
                              c->n_aliases, s[i].mentions, &ra[i], NULL),
              AN_OK);
  }
  for (size_t k = 0; k < naf; k++)
    CHECK_INT(an_registry_add_affiliation(a, ra[af[k].person], ra[af[k].org], af[k].role, NULL), AN_OK);
  /* b: mergeable contents as one record each, added last-first (order is free) */
  for (size_t c = NPOOL; c-- > 0;) {
    if (!mergeable(c)) continue;
    const char *docs[MAXS];
    size_t nd = 0, r = 0;
    uint64_t men = 0;
    for (size_t i = ns; i-- > 0;)
      if (s[i].c == c) docs[nd++] = docname[s[i].doc], men += s[i].mentions;
    if (!nd) continue;
    CHECK_INT(an_registry_add_sightings(b, docs, nd, pool[c].id, pool[c].label, pool[c].kind, pool[c].country,
                                        pool[c].key, pool[c].aliases, pool[c].n_aliases, men, &r, NULL),
              AN_OK);
    for (size_t i = 0; i < ns; i++)
      if (s[i].c == c) rb[i] = r;
    (*merged_total)++;
  }
  for (size_t i = ns; i-- > 0;) {
    const content *c = &pool[s[i].c];
    if (mergeable(s[i].c)) continue;
    CHECK_INT(an_registry_add(b, docname[s[i].doc], c->id, c->label, c->kind, c->country, c->key, c->aliases,
                              c->n_aliases, s[i].mentions, &rb[i], NULL),
              AN_OK);
  }
  for (size_t k = 0; k < naf; k++)
    CHECK_INT(an_registry_add_affiliation_in(b, rb[af[k].person], rb[af[k].org], af[k].role,
                                             docname[s[af[k].person].doc], NULL),
              AN_OK);
  CHECK_INT(an_registry_finish(a, NULL), AN_OK);
  CHECK_INT(an_registry_finish(b, NULL), AN_OK);
  compare(a, b, ra, rb, ns);
  an_registry_free(a);
  an_registry_free(b);
}

static void test_bare(void) {
  CHECK(an_registry_bare_name("Nakhala", NULL));
  CHECK(an_registry_bare_name("Ziad Nakhala", "nakhala|"));
  CHECK(!an_registry_bare_name("Ziad Nakhala", NULL));
  CHECK(!an_registry_bare_name("Nakhala", "nakhala|ziad"));
}

int main(void) {
  test_bare();
  size_t merged = 0;
  for (uint64_t seed = 1; seed <= 300; seed++) run(seed, (int)(seed % 2), &merged);
  CHECK(merged > 1000); /* the rule did merge, often */
  return TEST_DONE();
}
