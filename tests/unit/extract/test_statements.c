/* test_statements.c: a quotation attributed to a statement counts for the
 * actors that issued it ('"We warn X," the statement said' after "a
 * statement issued jointly by A and B"; 'A and B said in a joint
 * statement: "We warn X"'). Sentences written for these tests (invented
 * groups and places). */
#include "harness.h"
#include "rules_fixture.h"

static const fx_actor A[] = {
    {"Green Front", "green-front", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"Blue Circle", "blue-circle", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"Red Union", "red-union", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"Estmark", "estmark", AN_KIND_COUNTRY, AN_MENTION_NAME},
    {"Estmarkian", "estmark", AN_KIND_COUNTRY, AN_MENTION_DEMONYM},
    {"Norland", "norland", AN_KIND_COUNTRY, AN_MENTION_NAME},
    {NULL, NULL, 0, 0}};

static fx F;

static an_result *run(const char *text) { return fx_run(&F, text, A, "2025-03-07", NULL, 0); }

static void test_joint_statement(void) {
  an_result *r = run("Green Front and Blue Circle said in a joint statement: \"We warn Estmark that any raid will "
                     "be answered.\"");
  CHECK(fx_find(r, "threaten", "green-front", "estmark"));
  CHECK(fx_find(r, "threaten", "blue-circle", "estmark"));
  CHECK_INT(an_result_event_count(r), 2);
  an_result_free(r);
  /* a plain speaker still works, and only the named one */
  r = run("Green Front said: \"We warn Estmark that any raid will be answered.\"");
  CHECK(fx_find(r, "threaten", "green-front", "estmark"));
  CHECK_INT(an_result_event_count(r), 1);
  an_result_free(r);
}

static void test_statement_said(void) {
  /* "the statement said": its issuers, found through the "by" agents */
  an_result *r = run("Green Front and Blue Circle met in the port. "
                     "In a statement issued jointly by Green Front and Blue Circle, the groups praised the dockers. "
                     "\"We warn the (Estmarkian) navy that the port is ours,\" the statement said.");
  CHECK(fx_find(r, "threaten", "green-front", "estmark"));
  CHECK(fx_find(r, "threaten", "blue-circle", "estmark"));
  an_result_free(r);
  /* issuers named only as "the two groups": the named subjects before,
   * with the date that opened their sentence */
  r = run("On Monday, Green Front and Blue Circle, the two groups of the north, praised the dockers. "
          "In a statement issued jointly by the two groups, they said their unity was complete. "
          "\"We warn Estmark that the port is ours,\" the statement said.");
  const an_revent *e = fx_find(r, "threaten", "green-front", "estmark");
  CHECK(e);
  if (e) CHECK_STR(e->date, "2025-03-03");
  e = fx_find(r, "threaten", "blue-circle", "estmark");
  CHECK(e);
  if (e) CHECK_STR(e->date, "2025-03-03");
  CHECK(!fx_find(r, "threaten", "red-union", "estmark"));
  an_result_free(r);
  /* a statement nobody is named as issuing: no event */
  r = run("The port was quiet. \"We warn Estmark that the port is ours,\" the statement said.");
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);
}

int main(void) {
  if (!fx_load(&F)) return 1;
  test_joint_statement();
  test_statement_said();
  fx_free(&F);
  return TEST_DONE();
}
