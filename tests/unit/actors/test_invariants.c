/* test_invariants.c: random word soups (names, titles, pronouns, quotes,
 * brackets, headlines, bad bytes) through the text stage and the actors
 * stage: never a failure, mentions inside the text, sorted and disjoint,
 * every index valid, and the same output twice (style.md S4), the second
 * time through a cache kept across documents (an_actors_find_cached). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actornet/text.h"
#include "actors/actors.h"
#include "actors/gazetteer.h"
#include "core/core.h"
#include "harness.h"
#include "tinydata.h"

static const char *const words[] = {
    "Nordland", "Nordish", "Green", "Front", "leader", "Pavel", "Orlen", "said", "he", "she", "it", "its",
    "the", "The", "(", ")", "[", "]", ",", ".", "\"", "'s", "al-Rashidi", "Omar", "who", "of", "to", "and",
    "President", "Foreign", "Minister", "US", "us", "GF", "(GF)", "Gull", "Forum", "Sheikh", "H.E.", "Mr.",
    "official", "minister", "top", "diplomat", "Leader's", "adviser", "\n", "\n\n", "Monday", "Police",
    "Accusing", "South", "government", "forces", "union", "leadership", "serves", "as", "advises", "Tarn",
    "Sharp", "Anton", "Lena", "Moss", "\xc3\x89", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xff", "-", "van", "Dijk",
    "Sudland", "Portvik", "Assembly", "Chief", "League", "Emir", "head", "state", "who", "whom", "they"};

static int same_output(const an_doc_actors *a, const an_doc_actors *b) {
  if (a->n_actors != b->n_actors || a->n_mentions != b->n_mentions || a->n_affiliations != b->n_affiliations)
    return 0;
  for (size_t i = 0; i < a->n_actors; i++)
    if (strcmp(a->actors[i].id, b->actors[i].id) || strcmp(a->actors[i].label, b->actors[i].label)) return 0;
  for (size_t i = 0; i < a->n_mentions; i++) { /* field by field: structs have padding */
    const an_mention *x = &a->mentions[i], *y = &b->mentions[i];
    if (x->tok_first != y->tok_first || x->tok_count != y->tok_count || x->actor != y->actor ||
        x->how != y->how || x->flags != y->flags)
      return 0;
  }
  if (a->n_tokens != b->n_tokens) return 0;
  for (size_t i = 0; i < a->n_tokens; i++)
    if (strcmp(a->folds + a->fold_off[i], b->folds + b->fold_off[i]) || a->fold_hash[i] != b->fold_hash[i])
      return 0;
  return 1;
}

int main(void) {
  char dir[] = "/tmp/an-inv-XXXXXX";
  if (tiny_data(dir) != 0) return 1;
  an_gazetteer *g = NULL;
  if (an_gazetteer_load(dir, NULL, &g, NULL) != AN_OK) return 1;
  an_actors_cache *cache = an_actors_cache_new();
  CHECK(cache != NULL);
  unsigned seed = 12345;
  size_t nw = sizeof words / sizeof *words;
  int bad = 0;
  for (int it = 0; it < 600 && !bad; it++) {
    an_buf b;
    an_buf_init(&b);
    seed = seed * 1103515245u + 12345u;
    int n = (int)((seed >> 8) % 160);
    for (int k = 0; k < n; k++) {
      seed = seed * 1103515245u + 12345u;
      an_buf_puts(&b, words[(seed >> 8) % nw]);
      if ((seed >> 20) % 4) an_buf_putc(&b, ' ');
    }
    an_text *t = NULL;
    an_doc_actors *da = NULL, *db = NULL;
    CHECK_INT(an_text_new(b.data ? b.data : "", b.len, &t, NULL), AN_OK);
    if (t) {
      CHECK_INT(an_actors_find(g, t, &da, NULL), AN_OK);
      CHECK_INT(an_actors_find_cached(g, t, cache, &db, NULL), AN_OK);
      size_t nt;
      an_text_tokens(t, &nt);
      for (size_t i = 0; da && i < da->n_mentions; i++) {
        const an_mention *m = &da->mentions[i];
        if (m->tok_count == 0 || m->tok_first + m->tok_count > nt || m->actor >= da->n_actors) bad = 1;
        if (i && da->mentions[i - 1].tok_first + da->mentions[i - 1].tok_count > m->tok_first) bad = 1;
      }
      for (size_t i = 0; da && i < da->n_affiliations; i++)
        if (da->affiliations[i].person >= da->n_actors || da->affiliations[i].org >= da->n_actors) bad = 1;
      for (size_t i = 0; da && i < da->n_actors; i++)
        if (!da->actors[i].id[0] || !da->actors[i].label[0] || da->actors[i].mentions == 0) bad = 1;
      if (da && db && !same_output(da, db)) bad = 1;
      if (bad) fprintf(stderr, "invariant broken on: %s\n", b.data ? b.data : "");
    }
    CHECK(!bad);
    an_doc_actors_free(da);
    an_doc_actors_free(db);
    an_text_free(t);
    an_buf_free(&b);
  }
  /* the same cache with another gazetteer (loaded again: other tries and
   * node numbers) forgets what the first one gave */
  an_gazetteer *g2 = NULL;
  CHECK_INT(an_gazetteer_load(dir, NULL, &g2, NULL), AN_OK);
  const char *doc2 = "Pavel Orlen, the Green Front leader, said he met Omar al-Rashidi of the Gull Forum (GF).";
  an_text *t2 = NULL;
  CHECK_INT(an_text_new(doc2, strlen(doc2), &t2, NULL), AN_OK);
  if (g2 && t2) {
    an_doc_actors *pa = NULL, *pb = NULL;
    CHECK_INT(an_actors_find(g2, t2, &pa, NULL), AN_OK);
    CHECK_INT(an_actors_find_cached(g2, t2, cache, &pb, NULL), AN_OK);
    CHECK(pa && pb && same_output(pa, pb) && pa->n_actors > 0);
    an_doc_actors_free(pa);
    an_doc_actors_free(pb);
  }
  an_text_free(t2);
  an_gazetteer_free(g2);
  an_actors_cache_free(cache);
  an_gazetteer_free(g);
  tiny_cleanup(dir);
  return TEST_DONE();
}
