/* test_nominal.c: agents of nominal interactions (nominal.h and its
 * rules.c hook): "a meeting of A with B", "X's meeting on Tuesday with
 * Y", "After talks with X, Y said"; sentences written for these tests. */
#include "harness.h"
#include "rules_fixture.h"

static const fx_actor A[] = {
    {"Karim Haddad", "haddad", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Haddad", "haddad", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Lena Morris", "morris", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Morris", "morris", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Omar Saleh", "saleh", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Saleh", "saleh", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Norland", "norland", AN_KIND_COUNTRY, AN_MENTION_NAME},
    {"Norlandic", "norland", AN_KIND_COUNTRY, AN_MENTION_DEMONYM},
    {"Estmark", "estmark", AN_KIND_COUNTRY, AN_MENTION_NAME},
    {"Green Front", "green-front", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {NULL, NULL, 0, 0}};

static fx F;

static an_result *run(const char *text) { return fx_run(&F, text, A, NULL, NULL, 0); }

static void test_of_agent(void) {
  an_result *r = run("The deal was sealed at a meeting of Haddad with Morris in the old port.");
  CHECK(fx_find(r, "meet", "haddad", "morris"));
  CHECK_INT(an_result_event_count(r), 1);
  an_result_free(r);
  /* the owner's head, not the owner */
  r = run("It came out of a meeting of Norland's envoy Omar Saleh with Morris.");
  CHECK(fx_find(r, "meet", "saleh", "morris"));
  CHECK(!fx_find(r, "meet", "norland", "morris"));
  an_result_free(r);
}

static void test_gap(void) {
  an_result *r = run("Haddad's meeting on Tuesday with Morris ended early.");
  CHECK(fx_find(r, "meet", "haddad", "morris"));
  an_result_free(r);
  /* the gap is the rest of a clause: no meeting of the bloc with Norland */
  r = run("Saleh said the Green Front's long talks had stalled but wanted Estmark to deal with Norland.");
  CHECK(!fx_find(r, "meet", "green-front", "norland"));
  CHECK(!fx_find(r, "meet", "saleh", "norland"));
  an_result_free(r);
}

static void test_fronted(void) {
  an_result *r = run("After a long meeting with Morris on Monday, Haddad said the dispute was over.");
  CHECK(fx_find(r, "meet", "haddad", "morris"));
  an_result_free(r);
  r = run("During talks with Estmark, Norlandic President Karim Haddad raised the river dispute.");
  CHECK(fx_find(r, "meet", "haddad", "estmark"));
  CHECK(!fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
  r = run("In a letter to Morris, Haddad asked for a truce.");
  CHECK(fx_find(r, "message", "haddad", "morris"));
  an_result_free(r);
  /* an attack's agent is not the speaker after it */
  r = run("After the strikes on Estmark, Norland said it was worried.");
  CHECK(!fx_find(r, "attack", "norland", "estmark"));
  an_result_free(r);
  /* someone's spokesman: the agent is not said */
  r = run("After talks with Morris, Haddad's spokesman said nothing was agreed.");
  CHECK(!fx_find(r, "meet", "haddad", "morris"));
  an_result_free(r);
  /* no opening phrase: "condemned the talks with X" has no agent */
  r = run("Saleh condemned the talks with Morris, Haddad said.");
  CHECK(!fx_find(r, "meet", "haddad", "morris"));
  CHECK(!fx_find(r, "meet", "saleh", "morris"));
  an_result_free(r);
}

int main(void) {
  if (!fx_load(&F)) return 1;
  test_of_agent();
  test_gap();
  test_fronted();
  fx_free(&F);
  return TEST_DONE();
}
