/* test_news_forms.c: rule forms of general news English (session 4),
 * without the actors stage: hosts and their guests, summits, topics and
 * victims that are no parties, unnamed office holders, counterparts in
 * apposition, letters, floating quantifiers, relative "that", cancelled
 * talks. Sentences written for these tests (invented people and places;
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
    {"Norlandic", "norland", AN_KIND_COUNTRY, AN_MENTION_DEMONYM},
    {"Estmark", "estmark", AN_KIND_COUNTRY, AN_MENTION_NAME},
    {"Estmarker", "estmark", AN_KIND_COUNTRY, AN_MENTION_DEMONYM},
    {"Ostria", "ostria", AN_KIND_COUNTRY, AN_MENTION_NAME},
    {"Vessa", "norland", AN_KIND_COUNTRY, AN_MENTION_METONYM},
    {"Kessel", "estmark", AN_KIND_COUNTRY, AN_MENTION_METONYM},
    {"Free Coast Front", "fcf", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {NULL, NULL, 0, 0}};

static fx F;

/* fx_run with this file's actors and date (AN_TEST_DUMP prints the events). */
static an_result *run(const char *text) {
  return fx_run(&F, text, A, "2026-03-04", NULL, 0);
}

/* "brought A and B together": the host meets both, and they meet each
 * other; "hosted talks between A and B": A and B meet. */
static void test_hosts(void) {
  an_result *r = run("Ostria brought Norland and Estmark together in Vessa on Monday.");
  CHECK(fx_find(r, "meet", "ostria", "norland"));
  CHECK(fx_find(r, "meet", "ostria", "estmark"));
  CHECK(fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
  r = run("Ostria brought together Norland and Estmark for talks on Monday.");
  CHECK(fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
  r = run("Ostria hosted talks between Norland and the Free Coast Front on Monday.");
  CHECK(fx_find(r, "meet", "norland", "fcf")); /* (the host meets both too: test_mutual.c) */
  an_result_free(r);
}

/* Summits and the parties of a group subject. */
static void test_summits(void) {
  an_result *r = run("Norland and Estmark held a summit in Kessel on Monday.");
  CHECK(fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
  r = run("The leaders of Norland and Estmark held talks on Monday.");
  CHECK(fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
  r = run("Diop, Rivas and Tan met in Kessel on Monday.");
  CHECK(fx_find(r, "meet", "diop", "rivas"));
  CHECK(fx_find(r, "meet", "rivas", "tan"));
  CHECK(fx_find(r, "meet", "diop", "tan"));
  an_result_free(r);
}

/* The topic of talks and the victim of an act are no parties. */
static void test_topics_and_victims(void) {
  an_result *r = run("Diop held talks on Ostria with Rivas on Monday.");
  CHECK(fx_find(r, "meet", "diop", "rivas"));
  CHECK(!fx_find(r, "meet", "diop", "ostria"));
  an_result_free(r);
  r = run("Norland condemned the attacks on Estmark on Monday.");
  CHECK(!fx_find(r, "criticize", "norland", "estmark"));
  an_result_free(r);
  r = run("Norland condemned the attack on Estmark by the Free Coast Front.");
  CHECK(fx_find(r, "criticize", "norland", "fcf"));
  CHECK(!fx_find(r, "criticize", "norland", "estmark"));
  an_result_free(r);
  r = run("Norland and Estmark met in Kessel under Ostria's mediation.");
  CHECK(fx_find(r, "meet", "norland", "estmark"));
  CHECK(!fx_find(r, "meet", "norland", "ostria"));
  an_result_free(r);
}

/* Letters: "told X in a letter", praise said in a letter. */
static void test_letters(void) {
  an_result *r = run("Diop told Rivas in a letter on Monday that the border would reopen.");
  CHECK(fx_find(r, "message", "diop", "rivas"));
  an_result_free(r);
  r = run("Diop congratulated Rivas in a letter on Monday.");
  CHECK(fx_find(r, "praise", "diop", "rivas"));
  CHECK(fx_find(r, "message", "diop", "rivas"));
  an_result_free(r);
  r = run("Diop told Rivas on Monday that the border would reopen.");
  CHECK(!fx_find(r, "message", "diop", "rivas"));
  an_result_free(r);
}

/* "A and B both condemned X"; "praised by X and by Y"; "X denied that ...
 * and accused Y". */
static void test_coordination(void) {
  an_result *r = run("Norland and Estmark both condemned Ostria on Monday.");
  CHECK(fx_find(r, "criticize", "norland", "ostria"));
  CHECK(fx_find(r, "criticize", "estmark", "ostria"));
  an_result_free(r);
  r = run("Diop was praised by Rivas and by Tan on Monday.");
  CHECK(fx_find(r, "praise", "rivas", "diop"));
  CHECK(fx_find(r, "praise", "tan", "diop"));
  an_result_free(r);
  r = run("Norland denied that it had armed the rebels and accused Estmark of lying.");
  CHECK(fx_find(r, "accuse", "norland", "estmark"));
  an_result_free(r);
}

/* A relative "that" with a plain noun before it; cancelled talks. */
static void test_no_event(void) {
  an_result *r = run("Norland vetoed a resolution that condemned Estmark.");
  CHECK(!fx_find(r, "criticize", "norland", "estmark"));
  an_result_free(r);
  r = run("Norland called off talks with Estmark on Monday.");
  CHECK(!fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
  r = run("Norland held talks with Estmark on Monday.");
  CHECK(fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
}

/* "X told Y during a phone call"; "spoke with" and a call the next
 * sentence refers to. */
static void test_calls(void) {
  an_result *r = run("Diop told Rivas during a phone call on Monday that aid would come.");
  CHECK(fx_find(r, "call", "diop", "rivas"));
  an_result_free(r);
  r = run("Diop spoke with Rivas on Monday. During the call, Diop promised aid.");
  CHECK(fx_find(r, "call", "diop", "rivas"));
  CHECK(!fx_find(r, "meet", "diop", "rivas"));
  an_result_free(r);
  r = run("Diop spoke with Rivas in Kessel on Monday. They later toured a port.");
  CHECK(fx_find(r, "meet", "diop", "rivas"));
  an_result_free(r);
}

int main(void) {
  if (!fx_load(&F)) return 1;
  test_hosts();
  test_summits();
  test_topics_and_victims();
  test_letters();
  test_coordination();
  test_no_event();
  test_calls();
  fx_free(&F);
  return TEST_DONE();
}
