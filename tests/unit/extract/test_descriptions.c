/* test_descriptions.c: definite descriptions whose head names a kind of
 * organization ("the union", "the company", "the court", "the federation",
 * "the union leader") must refer to an actor of that kind. The fixture
 * resolves them wrongly on purpose, the way a recency-only resolver would;
 * the rules move them to the nearest earlier actor that fits, or drop them.
 * Sentences written for these tests (invented people and organizations). */
#include "harness.h"
#include "rules_fixture.h"

static const fx_actor A[] = {
    {"Dockworkers Union", "dwu", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"Ports Ministry", "ports", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"Lindmark Motors", "lindmark", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"Tidewater Inspection Agency", "tia", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"Coastal Court", "court", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"Green Party", "greens", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"KDU", "kdu", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"Harbor Workers Union", "hwu", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"Brill Optics", "brill", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"SPX", "spx", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"Lena Okafor", "okafor", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Okafor", "okafor", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Ravi Sand", "sand", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Ana Holt", "holt", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Tomas Rivas", "rivas", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Rivas", "rivas", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Norland", "norland", AN_KIND_COUNTRY, AN_MENTION_NAME},
    /* the wrong resolutions under test */
    {"union", "ports", AN_KIND_ORGANIZATION, AN_MENTION_DESCRIPTION},
    {"company", "dwu", AN_KIND_ORGANIZATION, AN_MENTION_DESCRIPTION},
    {"federation", "tia", AN_KIND_ORGANIZATION, AN_MENTION_DESCRIPTION},
    {"court", "greens", AN_KIND_ORGANIZATION, AN_MENTION_DESCRIPTION},
    {"union leader", "holt", AN_KIND_PERSON, AN_MENTION_DESCRIPTION},
    {"group", "court", AN_KIND_ORGANIZATION, AN_MENTION_DESCRIPTION},
    {NULL, NULL, 0, 0}};

/* the same text where the descriptions are resolved right */
static const fx_actor B[] = {
    {"Dockworkers Union", "dwu", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"Ports Ministry", "ports", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"KDU", "kdu", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"Lena Okafor", "okafor", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Okafor", "okafor", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Ravi Sand", "sand", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Ana Holt", "holt", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Tomas Rivas", "rivas", AN_KIND_PERSON, AN_MENTION_NAME},
    {"union", "kdu", AN_KIND_ORGANIZATION, AN_MENTION_DESCRIPTION},
    {"union leader", "sand", AN_KIND_PERSON, AN_MENTION_DESCRIPTION},
    {NULL, NULL, 0, 0}};

/* "the Norlandic leader" resolved to the foreign minister */
static const fx_actor C[] = {
    {"Norland", "norland", AN_KIND_COUNTRY, AN_MENTION_NAME, "NRL"},
    {"Norlandic", "norland", AN_KIND_COUNTRY, AN_MENTION_DEMONYM, "NRL"},
    {"Estmark", "estmark", AN_KIND_COUNTRY, AN_MENTION_NAME, "EST"},
    {"Sara Lund", "lund", AN_KIND_PERSON, AN_MENTION_NAME, "NRL"},
    {"Ivo Brandt", "brandt", AN_KIND_PERSON, AN_MENTION_NAME, "NRL"},
    {"leader", "brandt", AN_KIND_PERSON, AN_MENTION_DESCRIPTION, "NRL"},
    {NULL, NULL, 0, 0, NULL}};

static fx F;

static an_result *run(const char *text, const fx_actor *ac) {
  return fx_run(&F, text, ac, "2025-03-05", NULL, 0);
}

static size_t n_type(const an_result *r, const char *type) {
  size_t n = 0;
  for (size_t i = 0; r && i < r->n_ev; i++) n += strcmp(r->ev[i].type, type) == 0;
  return n;
}

/* "the union" resolved to a ministry: the union named earlier is meant. */
static void test_union_moves(void) {
  an_result *r = run("The Dockworkers Union and the Ports Ministry ended their talks on Monday. "
                     "Lena Okafor praised the union for its restraint.",
                     A);
  CHECK(fx_find(r, "praise", "okafor", "dwu"));
  CHECK(!fx_find(r, "praise", "okafor", "ports"));
  an_result_free(r);
}

/* "the company" resolved to a union: the company named before it. */
static void test_company_moves(void) {
  an_result *r = run("Lindmark Motors cut 300 jobs and the Dockworkers Union called a strike. "
                     "Okafor accused the company of breaking the contract.",
                     A);
  CHECK(fx_find(r, "accuse", "okafor", "lindmark"));
  CHECK(!fx_find(r, "accuse", "okafor", "dwu"));
  an_result_free(r);
}

/* No federation anywhere: no event beats a wrong one, and the bare
 * "the federation" is not read again as the organization named last. */
static void test_federation_dropped(void) {
  an_result *r = run("The Tidewater Inspection Agency published its report. Okafor backed the federation on Tuesday.", A);
  CHECK(n_type(r, "support") == 0);
  an_result_free(r);
}

/* "the court" resolved to a party: the court named earlier. */
static void test_court_moves(void) {
  an_result *r = run("The Coastal Court heard the Green Party on Monday. Rivas criticised the court for the delay.", A);
  CHECK(fx_find(r, "criticize", "rivas", "court"));
  CHECK(!fx_find(r, "criticize", "rivas", "greens"));
  an_result_free(r);
}

/* "the group" is no court: the company named before it. */
static void test_group_not_court(void) {
  an_result *r = run("Lindmark Motors lost its appeal at the Coastal Court on Monday. "
                     "Okafor criticised the group for its silence.",
                     A);
  CHECK(fx_find(r, "criticize", "okafor", "lindmark"));
  CHECK(!fx_find(r, "criticize", "okafor", "court"));
  an_result_free(r);
}

/* "the union leader" resolved to a governor: the person the text
 * affiliates with a union; with none, nobody. */
static void test_union_leader(void) {
  static const fx_aff aff[] = {{"sand", "dwu", "head"}, {NULL, NULL, NULL}};
  fx_next_aff = aff;
  an_result *r = run("Ravi Sand, head of the Dockworkers Union, stood beside Ana Holt on Tuesday. "
                     "Afterwards the union leader condemned Tomas Rivas.",
                     A);
  CHECK(fx_find(r, "criticize", "sand", "rivas"));
  CHECK(!fx_find(r, "criticize", "holt", "rivas"));
  an_result_free(r);
  r = run("Ravi Sand stood beside Ana Holt on Tuesday. Afterwards the union leader condemned Tomas Rivas.", A);
  CHECK(!fx_find(r, "criticize", "holt", "rivas"));
  an_result_free(r);
}

/* Right resolutions stay: a union the text calls one ("the dockers union
 * KDU"), a union leader affiliated with a union. */
static void test_fitting_kept(void) {
  an_result *r = run("The dockers union KDU walked out on Monday. Okafor praised the union for its discipline.", B);
  CHECK(fx_find(r, "praise", "okafor", "kdu"));
  an_result_free(r);
  static const fx_aff aff[] = {{"sand", "kdu", "leader"}, {NULL, NULL, NULL}};
  fx_next_aff = aff;
  r = run("The dockers union KDU chose Ravi Sand as its leader. The union leader praised Ana Holt.", B);
  CHECK(fx_find(r, "praise", "sand", "holt"));
  an_result_free(r);
}

/* "warned the unions": the unions just named, besides the source's own. */
static void test_plurals(void) {
  an_result *r = run("The Dockworkers Union and the Harbor Workers Union walked out on Monday. "
                     "The Ports Ministry said talks would resume. Okafor warned the unions that the strike was illegal.",
                     A);
  CHECK(fx_find(r, "threaten", "okafor", "dwu"));
  CHECK(fx_find(r, "threaten", "okafor", "hwu"));
  CHECK(!fx_find(r, "threaten", "okafor", "ports"));
  an_result_free(r);
  /* one named with unnamed others of the kind: that one */
  r = run("The probe covers a pricing pool run by Brill Optics and two other firms. "
          "Okafor warned the companies that fines could be heavy.",
          A);
  CHECK(fx_find(r, "threaten", "okafor", "brill"));
  CHECK(n_type(r, "threaten") == 1);
  an_result_free(r);
  /* one union only, nothing says it is among them: a generic class */
  r = run("The Dockworkers Union met on Monday. Okafor warned the unions that the strike was illegal.", A);
  CHECK(n_type(r, "threaten") == 0);
  an_result_free(r);
  /* an acronym of no stated kind may be one; a union is not a company */
  r = run("SPX and the Dockworkers Union signed the deal. Okafor praised both unions for their patience.", A);
  CHECK(fx_find(r, "praise", "okafor", "spx"));
  CHECK(fx_find(r, "praise", "okafor", "dwu"));
  an_result_free(r);
  r = run("Brill Optics and the Dockworkers Union signed the deal. Okafor praised the companies for their patience.", A);
  CHECK(!fx_find(r, "praise", "okafor", "dwu"));
  an_result_free(r);
}

/* "the Norlandic leader" is Norland's head of state or government, not its
 * foreign minister; with no such person named, not the minister (the
 * country itself, as for "a Norlandic official"). */
static void test_head_title(void) {
  static const fx_aff aff[] = {{"lund", "norland", "president"}, {"brandt", "norland", "foreign minister"},
                               {NULL, NULL, NULL}};
  fx_next_aff = aff;
  an_result *r = run("Sara Lund and Ivo Brandt of Norland arrived in the capital on Monday. "
                     "The Norlandic leader praised Estmark for its help.",
                     C);
  CHECK(fx_find(r, "praise", "lund", "estmark"));
  CHECK(!fx_find(r, "praise", "brandt", "estmark"));
  an_result_free(r);
  static const fx_aff aff2[] = {{"brandt", "norland", "foreign minister"}, {NULL, NULL, NULL}};
  fx_next_aff = aff2;
  r = run("Ivo Brandt of Norland arrived on Monday. The Norlandic leader praised Estmark for its help.", C);
  CHECK(!fx_find(r, "praise", "brandt", "estmark"));
  an_result_free(r);
  /* a leader with no stated role stays */
  r = run("Ivo Brandt of Norland arrived on Monday. The Norlandic leader praised Estmark for its help.", C);
  CHECK(fx_find(r, "praise", "brandt", "estmark"));
  an_result_free(r);
}

int main(void) {
  CHECK(fx_load(&F));
  test_union_moves();
  test_company_moves();
  test_federation_dropped();
  test_court_moves();
  test_group_not_court();
  test_union_leader();
  test_fitting_kept();
  test_plurals();
  test_head_title();
  fx_free(&F);
  return TEST_DONE();
}
