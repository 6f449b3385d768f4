/* test_generalize.c: constructions found on news of other topics and
 * regions (examples/heldout): datelines, modal "may", naming verbs,
 * relative clauses inside a subject, coordination after a reported
 * clause, descriptions of governments and groups, phone manner. Sentences
 * written for these tests (invented people; real or invented places). */
#include "harness.h"
#include "rules_fixture.h"

static const fx_actor A[] = {
    {"Amara Diop", "diop", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Diop", "diop", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Tomas Rivas", "rivas", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Rivas", "rivas", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Mei Tan", "tan", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Tan", "tan", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Norland", "norland", AN_KIND_COUNTRY, AN_MENTION_NAME},
    {"Norlandic", "norland", AN_KIND_COUNTRY, AN_MENTION_DEMONYM},
    {"VESSA", "norland", AN_KIND_COUNTRY, AN_MENTION_METONYM},
    {"Vessa", "norland", AN_KIND_COUNTRY, AN_MENTION_METONYM},
    {"Estmark", "estmark", AN_KIND_COUNTRY, AN_MENTION_NAME},
    {"Estmarker", "estmark", AN_KIND_COUNTRY, AN_MENTION_DEMONYM},
    {"Kessel", "estmark", AN_KIND_COUNTRY, AN_MENTION_METONYM},
    {"KESSEL", "estmark", AN_KIND_COUNTRY, AN_MENTION_METONYM},
    {"Ostria", "ostria", AN_KIND_COUNTRY, AN_MENTION_NAME},
    {"Lindmark Motors", "lindmark", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"Harbor Workers Union", "hwu", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"it", "ostria", AN_KIND_COUNTRY, AN_MENTION_PRONOUN},
    {NULL, NULL, 0, 0}};

static fx F;

/* With AN_TEST_DUMP set, prints each result's events (for debugging). */
static an_result *run(const char *text) {
  an_result *r = fx_run(&F, text, A, "2025-03-05", NULL, 0);
  if (getenv("AN_TEST_DUMP") && r)
    for (size_t i = 0; i < r->n_ev; i++)
      fprintf(stderr, "  %s %s -> %s [%s]\n", r->ev[i].type, r->acts->actors[r->ev[i].src].id,
              r->acts->actors[r->ev[i].dst].id, r->ev[i].trigger);
  return r;
}

/* A dateline of two places, or with a long outlet, is no subject. */
static void test_datelines(void) {
  an_result *r = run("VESSA/KESSEL (Lowlands Legal Wire) - Lindmark Motors has filed a lawsuit against Ostria.");
  CHECK(fx_find(r, "accuse", "lindmark", "ostria"));
  CHECK(!fx_find(r, "accuse", "norland", "ostria"));
  an_result_free(r);
  r = run("KESSEL, Feb. 20 (North Sea Business Wire Service) - Lindmark Motors sued Ostria.");
  CHECK(fx_find(r, "accuse", "lindmark", "ostria"));
  CHECK(!fx_find(r, "accuse", "estmark", "ostria"));
  an_result_free(r);
}

/* "may" and "must" make an interaction hypothetical (annotation.md §2). */
static void test_may(void) {
  an_result *r = run("Diop and Rivas may meet in Kessel in September.");
  CHECK(!fx_find(r, "meet", "diop", "rivas"));
  an_result_free(r);
  r = run("Tan said Diop must call Rivas before the vote.");
  CHECK(!fx_find(r, "call", "diop", "rivas"));
  an_result_free(r);
}

/* "called A and B \"...\"": naming, not a phone call, whatever the list. */
static void test_naming(void) {
  an_result *r = run("Tan called Norland and Estmark \"the two pillars of the region\".");
  CHECK(!fx_find(r, "call", "tan", "norland"));
  CHECK(!fx_find(r, "call", "tan", "estmark"));
  an_result_free(r);
  r = run("Tan called Rivas on Monday.");
  CHECK(fx_find(r, "call", "tan", "rivas"));
  an_result_free(r);
}

/* A relative clause between commas inside the subject names no subject;
 * an office holder the text never names stands for the country. */
static void test_relative_in_subject(void) {
  an_result *r = run("Ostria's president, who has mediated between Vessa and Kessel since last year, spoke by phone "
                     "with Diop on Monday.");
  CHECK(fx_find(r, "call", "ostria", "diop"));
  CHECK(!fx_find(r, "call", "estmark", "diop"));
  CHECK(!fx_find(r, "call", "norland", "diop"));
  an_result_free(r);
  r = run("Ostria's president Tomas Rivas spoke by phone with Diop.");
  CHECK(fx_find(r, "call", "rivas", "diop"));
  CHECK(!fx_find(r, "call", "ostria", "diop"));
  an_result_free(r);
}

/* ", and B, which ..., condemned C": B opens a new clause, it is not one
 * more object of the first verb; "what it called" has no object "it". */
static void test_new_clause_after_list(void) {
  an_result *r = run("Tan expressed solidarity with Vessa, and Ostria, which is not a member, condemned what it called "
                     "Estmark's coercion.");
  CHECK(fx_find(r, "support", "tan", "norland"));
  CHECK(!fx_find(r, "support", "tan", "ostria"));
  CHECK(fx_find(r, "criticize", "ostria", "estmark"));
  an_result_free(r);
  r = run("Tan expressed solidarity with Vessa, Kessel and Ostria.");
  CHECK(fx_find(r, "support", "tan", "ostria"));
  CHECK(fx_find(r, "support", "tan", "estmark"));
  an_result_free(r);
}

int main(void) {
  if (!fx_load(&F)) {
    fprintf(stderr, "cannot load %s\n", AN_DATA_SOURCE_DIR);
    return 1;
  }
  test_datelines();
  test_may();
  test_naming();
  test_relative_in_subject();
  test_new_clause_after_list();
  an_workspace_free(F.ws);
  an_resources_free(F.res);
  return TEST_DONE();
}
