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
    {NULL, NULL, 0, 0}};

static fx F;

static an_result *run(const char *text) { return fx_run(&F, text, A, "2025-03-05", NULL, 0); }

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

int main(void) {
  if (!fx_load(&F)) {
    fprintf(stderr, "cannot load %s\n", AN_DATA_SOURCE_DIR);
    return 1;
  }
  test_datelines();
  test_may();
  test_naming();
  an_workspace_free(F.ws);
  an_resources_free(F.res);
  return TEST_DONE();
}
