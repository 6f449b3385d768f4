/* test_news_clauses.c: clause structure and arguments from context
 * (session 5), without the actors stage: acts of purpose after a call or
 * meeting, hyphenated pairs before a meeting or call noun, partner nouns
 * ("his guest"), condemned acts traced to their agent, parenthetical
 * phrases after the subject, hosts and their guests. Sentences written for
 * these tests in our own words (invented people and places;
 * tests/rules/test_news_patterns.sh runs similar ones end to end). */
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
    {"Estmark", "estmark", AN_KIND_COUNTRY, AN_MENTION_NAME},
    {"Ostria", "ostria", AN_KIND_COUNTRY, AN_MENTION_NAME},
    {"Kessel", "estmark", AN_KIND_COUNTRY, AN_MENTION_METONYM},
    {"Free Coast Front", "fcf", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {NULL, NULL, 0, 0}};

static fx F;

/* fx_run with this file's actors and date (AN_TEST_DUMP prints the events). */
static an_result *run(const char *text) {
  return fx_run(&F, text, A, "2026-03-04", NULL, 0);
}

/* "phoned X to offer/express solidarity": the act of purpose is directed
 * at the call's partner; not when it names its own object. */
static void test_purpose(void) {
  an_result *r = run("After the storm Diop rang Rivas in the evening to express his solidarity.");
  CHECK(fx_find(r, "call", "diop", "rivas"));
  CHECK(fx_find(r, "support", "diop", "rivas"));
  an_result_free(r);
  r = run("Diop met Rivas in Kessel to voice support for the plan.");
  CHECK(fx_find(r, "support", "diop", "rivas"));
  an_result_free(r);
  r = run("Diop phoned Rivas to voice support for Ostria.");
  CHECK(fx_find(r, "support", "diop", "ostria"));
  CHECK(!fx_find(r, "support", "diop", "rivas"));
  an_result_free(r);
  r = run("Diop expressed his solidarity on Monday.");
  CHECK(r && r->n_ev == 0);
  an_result_free(r);
}

/* "the Norland-Estmark talks": both parts named elsewhere in the text. */
static void test_hyphen_pairs(void) {
  an_result *r = run("Norland praised Estmark. The Norland-Estmark talks ended on Monday.");
  CHECK(fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
  r = run("Diop thanked Rivas. A Diop-Rivas meeting took place in Kessel.");
  CHECK(fx_find(r, "meet", "diop", "rivas"));
  an_result_free(r);
  /* Ostria is named only inside the pair: no meeting, only the praise */
  r = run("Norland praised Estmark. The Norland-Ostria talks ended on Monday.");
  CHECK(!fx_find(r, "meet", "norland", "ostria"));
  CHECK(fx_find(r, "praise", "norland", "estmark"));
  CHECK(r && r->n_ev == 1);
  an_result_free(r);
  r = run("Norland praised Estmark. The Norland-Estmark trade war worsened.");
  CHECK(!fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
}

/* "praised her guest": the partner of the subject's latest meeting. */
static void test_partner_nouns(void) {
  an_result *r = run("Diop hosted Rivas in Kessel on Monday. Later Diop praised his guest warmly.");
  CHECK(fx_find(r, "praise", "diop", "rivas"));
  an_result_free(r);
  r = run("Diop hosted Rivas in Kessel on Monday. Later Tan praised his guest warmly.");
  CHECK(!fx_find(r, "praise", "tan", "rivas"));
  an_result_free(r);
}

/* A condemned act stands for its agent; "the move" for the subject of the
 * sentence before. */
static void test_condemned_acts(void) {
  an_result *r = run("The Free Coast Front attacked a port on Sunday. Norland condemned the attack on Monday.");
  CHECK(fx_find(r, "criticize", "norland", "fcf"));
  an_result_free(r);
  r = run("Ostria closed the border on Monday. Norland denounced the move.");
  CHECK(fx_find(r, "criticize", "norland", "ostria"));
  an_result_free(r);
  r = run("Ostria and Estmark closed the border on Monday. Norland denounced the move.");
  CHECK(!fx_find(r, "criticize", "norland", "ostria"));
  an_result_free(r);
}

/* A phrase between commas after the subject keeps that subject. */
static void test_parentheticals(void) {
  an_result *r = run("Diop, after meeting Rivas, flew to Kessel.");
  CHECK(fx_find(r, "meet", "diop", "rivas"));
  CHECK(!fx_find(r, "meet", "estmark", "rivas"));
  an_result_free(r);
  r = run("Norland, after Ostria had closed the border, criticised Estmark.");
  CHECK(fx_find(r, "criticize", "norland", "estmark"));
  CHECK(!fx_find(r, "criticize", "ostria", "estmark"));
  an_result_free(r);
}

/* "A and B left a summit hosted by C"; "C received A and B for
 * talks" (not "for separate talks"). */
static void test_hosts(void) {
  an_result *r = run("After a row over fishing, Norland and Estmark left a summit hosted by Ostria.");
  CHECK(fx_find(r, "meet", "ostria", "norland"));
  CHECK(fx_find(r, "meet", "ostria", "estmark"));
  CHECK(fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
  r = run("Tan received Diop and Rivas for a day of talks at a lakeside villa.");
  CHECK(fx_find(r, "meet", "diop", "rivas"));
  an_result_free(r);
  r = run("Tan received Diop and Rivas for separate talks.");
  CHECK(!fx_find(r, "meet", "diop", "rivas"));
  an_result_free(r);
}

int main(void) {
  if (!fx_load(&F)) return 1;
  test_purpose();
  test_hyphen_pairs();
  test_partner_nouns();
  test_condemned_acts();
  test_parentheticals();
  test_hosts();
  fx_free(&F);
  return TEST_DONE();
}
