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
    {"Its", "estmark", AN_KIND_COUNTRY, AN_MENTION_PRONOUN},
    {"she", "diop", AN_KIND_PERSON, AN_MENTION_PRONOUN},
    {"She", "rivas", AN_KIND_PERSON, AN_MENTION_PRONOUN},
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
  r = run("Ostria's ambassador to Norland, Tomas Rivas, met Diop on Friday.");
  CHECK(fx_find(r, "meet", "rivas", "diop"));
  CHECK(!fx_find(r, "meet", "ostria", "diop"));
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

/* Praise said over the phone is also a call; a briefing by video link to
 * a body is not. */
static void test_phone_manner(void) {
  an_result *r = run("Rivas congratulated Diop by telephone on Thursday night.");
  CHECK(fx_find(r, "praise", "rivas", "diop"));
  CHECK(fx_find(r, "call", "rivas", "diop"));
  an_result_free(r);
  r = run("In a phone call on Monday, Rivas thanked Diop for her help.");
  CHECK(fx_find(r, "praise", "rivas", "diop"));
  CHECK(fx_find(r, "call", "rivas", "diop"));
  an_result_free(r);
  r = run("Rivas congratulated Diop on her victory.");
  CHECK(fx_find(r, "praise", "rivas", "diop"));
  CHECK(!fx_find(r, "call", "rivas", "diop"));
  an_result_free(r);
  r = run("Rivas briefed Diop by video link on Thursday.");
  CHECK(fx_find(r, "brief", "rivas", "diop"));
  CHECK(!fx_find(r, "call", "rivas", "diop"));
  an_result_free(r);
}

/* "the (interim) government" as the object: the country named with it,
 * else the source's own country, else the dateline's country. */
static void test_government_object(void) {
  static const fx_actor G[] = {{"Green Front", "green-front", AN_KIND_ORGANIZATION, AN_MENTION_NAME, "NOR"},
                               {"Harbor Workers Union", "hwu", AN_KIND_ORGANIZATION, AN_MENTION_NAME, NULL},
                               {"Norland", "NOR", AN_KIND_COUNTRY, AN_MENTION_NAME, "NOR"},
                               {"Estmark", "EST", AN_KIND_COUNTRY, AN_MENTION_NAME, "EST"},
                               {"KESSEL", "EST", AN_KIND_COUNTRY, AN_MENTION_METONYM, "EST"},
                               {"Kessel", "EST", AN_KIND_COUNTRY, AN_MENTION_METONYM, "EST"},
                               {NULL, NULL, 0, 0, NULL}};
  an_result *r = fx_run(&F, "Estmark and Norland signed a deal. The opposition Green Front accused the interim "
                        "government of giving away leverage.", G, NULL, NULL, 0);
  CHECK(fx_find(r, "accuse", "green-front", "NOR"));
  CHECK(!fx_find(r, "accuse", "green-front", "EST"));
  an_result_free(r);
  r = fx_run(&F, "KESSEL, June 10 (Coast Wire) - Norland protested. The Harbor Workers Union accused the government "
             "of breaking its word.", G, NULL, NULL, 0);
  CHECK(fx_find(r, "accuse", "hwu", "EST"));
  an_result_free(r);
  r = fx_run(&F, "The Harbor Workers Union criticised the government in Kessel.", G, NULL, NULL, 0);
  CHECK(fx_find(r, "criticize", "hwu", "EST"));
  an_result_free(r);
  r = fx_run(&F, "The Harbor Workers Union criticised the government of a neighbouring state.", G, NULL, NULL, 0);
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);
}

/* "the two governments", "both countries" as the object: the two countries
 * just named, not the source's own. */
static void test_country_pair(void) {
  static const fx_aff aff[] = {{"diop", "ostria", "trade minister"}, {NULL, NULL, NULL}};
  fx_next_aff = aff;
  an_result *r = run("Ministers from Norland and Estmark met in Vessa. Ostria's trade minister, Amara Diop, walked "
                     "out. Speaking to reporters, she accused the two governments of writing the text alone.");
  CHECK(fx_find(r, "accuse", "diop", "norland"));
  CHECK(fx_find(r, "accuse", "diop", "estmark"));
  CHECK(!fx_find(r, "accuse", "diop", "ostria"));
  an_result_free(r);
  r = run("Tan called Norland and Estmark \"good neighbours\" and praised both governments for their patience.");
  CHECK(!fx_find(r, "call", "tan", "norland"));
  CHECK(fx_find(r, "praise", "tan", "norland"));
  CHECK(fx_find(r, "praise", "tan", "estmark"));
  an_result_free(r);
  /* the source's own country, named in its title, is not one of the two */
  r = run("Rivas hosted his Norlandic counterpart. Estmark was not invited. Its foreign minister, Mei Tan, criticised "
          "the two governments for the deal.");
  CHECK(!fx_find(r, "criticize", "tan", "estmark"));
  an_result_free(r);
  r = run("Norland and Estmark signed. Diop accused the two governments of ignoring Kessel.");
  CHECK(fx_find(r, "accuse", "diop", "norland"));
  CHECK(fx_find(r, "accuse", "diop", "estmark"));
  an_result_free(r);
  /* three countries named: no telling which two */
  r = run("Norland, Estmark and Ostria sent envoys. Tan praised both governments.");
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);
}

/* A noun phrase that stands for the object of its preposition. */
static void test_transparent_objects(void) {
  an_result *r = run("Tan said Lindmark Motors had briefed diplomats from Norland and Ostria on Monday.");
  CHECK(fx_find(r, "brief", "lindmark", "norland"));
  CHECK(fx_find(r, "brief", "lindmark", "ostria"));
  an_result_free(r);
  r = run("Estmark supported the territorial integrity of Ostria.");
  CHECK(fx_find(r, "support", "estmark", "ostria"));
  an_result_free(r);
  r = run("Estmark supported the plan of Ostria.");
  CHECK(!fx_find(r, "support", "estmark", "ostria"));
  an_result_free(r);
}

/* "X said that A had done B and warned C": C is warned by X. */
static void test_reported_clause_coordination(void) {
  an_result *r = run("Rivas said in a statement that Vessa had never questioned Ostria's borders and warned Kessel "
                     "against escalation.");
  CHECK(fx_find(r, "threaten", "rivas", "estmark"));
  CHECK(!fx_find(r, "threaten", "norland", "estmark"));
  an_result_free(r);
  r = run("Diop told the judges that Estmark had moved troops to the border and accused Norland of planning an "
          "invasion.");
  CHECK(fx_find(r, "accuse", "diop", "norland"));
  CHECK(!fx_find(r, "accuse", "estmark", "norland"));
  an_result_free(r);
  /* the reported clause's own verbs stay its own */
  r = run("Diop said Rivas met Tan and praised Norland.");
  CHECK(fx_find(r, "praise", "rivas", "norland"));
  CHECK(!fx_find(r, "praise", "diop", "norland"));
  an_result_free(r);
  /* the negation of the first conjunct does not reach the second */
  r = run("Tan did not meet Rivas and criticised Estmark.");
  CHECK(!fx_find(r, "meet", "tan", "rivas"));
  CHECK(fx_find(r, "criticize", "tan", "estmark"));
  an_result_free(r);
  r = run("Tan did not meet or call Rivas.");
  CHECK(!fx_find(r, "meet", "tan", "rivas"));
  CHECK(!fx_find(r, "call", "tan", "rivas"));
  an_result_free(r);
}

/* A subordinate clause between the subject and its verb. */
static void test_subordinate_subject(void) {
  an_result *r = run("Diop waited at the airport as the delegation from Norland arrived and thanked Rivas for the "
                     "invitation.");
  CHECK(fx_find(r, "praise", "diop", "rivas"));
  CHECK(!fx_find(r, "praise", "norland", "rivas"));
  an_result_free(r);
  /* "as a ..." is no clause; a list with an actor only in a PP opens none */
  r = run("Rivas spoke first. She described patience in every form, and courage above all, as a core value of "
          "Lindmark Motors, and thanked Norland for its help.");
  CHECK(fx_find(r, "praise", "rivas", "norland"));
  CHECK(!fx_find(r, "praise", "lindmark", "norland"));
  an_result_free(r);
  r = run("Tan, who arrived in Vessa after the storm, praised Rivas.");
  CHECK(fx_find(r, "praise", "tan", "rivas"));
  an_result_free(r);
}

/* A demonym before a company noun is no country; the cited source of
 * "according to" is no subject. */
static void test_companies_and_citations(void) {
  an_result *r = run("Norlandic chipmaker sues Estmarker rival over patents");
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);
  r = run("Lindmark Motors backed the Estmarker group in a short statement.");
  CHECK(!fx_find(r, "support", "lindmark", "estmark"));
  an_result_free(r);
  r = run("Lindmark Motors has sued Estmarker equipment maker Harbor Workers Union.");
  CHECK(fx_find(r, "accuse", "lindmark", "hwu"));
  an_result_free(r);
  r = run("A Norlandic official praised Rivas.");
  CHECK(fx_find(r, "praise", "norland", "rivas"));
  an_result_free(r);
  r = run("According to a statement from Lindmark Motors, the envoy briefed Rivas on the talks.");
  CHECK(!fx_find(r, "brief", "lindmark", "rivas"));
  an_result_free(r);
  r = run("According to Lindmark Motors, Tan briefed Rivas on the talks.");
  CHECK(fx_find(r, "brief", "tan", "rivas"));
  an_result_free(r);
}

/* "X's director said the organisation had written to Y": the speaker's
 * organization is the writer. */
static void test_speaker_org(void) {
  static const fx_aff aff[] = {{"tan", "hwu", "director"}, {NULL, NULL, NULL}};
  fx_next_aff = aff;
  an_result *r = run("The Harbor Workers Union voted. Its director, Mei Tan, said the organisation had written to "
                     "Rivas last month.");
  CHECK(fx_find(r, "message", "hwu", "rivas"));
  an_result_free(r);
  r = run("Lindmark Motors said the company had written to Rivas in May.");
  CHECK(fx_find(r, "message", "lindmark", "rivas"));
  an_result_free(r);
  /* no affiliation: no telling whose organisation */
  r = run("Diop said the organisation had written to Rivas.");
  CHECK(!fx_find(r, "message", "diop", "rivas"));
  an_result_free(r);
}

/* "X raised Y with Z during a meeting": a meeting of X and Z. */
static void test_meeting_partner(void) {
  an_result *r = run("Diop raised the incident with her Norlandic counterpart, Tomas Rivas, during a meeting on the "
                     "sidelines of the summit.");
  CHECK(fx_find(r, "meet", "diop", "rivas"));
  an_result_free(r);
  r = run("Diop raised the incident with Rivas in a letter.");
  CHECK(!fx_find(r, "meet", "diop", "rivas"));
  an_result_free(r);
  r = run("Diop spoke at a meeting of Lindmark Motors.");
  CHECK(!fx_find(r, "meet", "diop", "lindmark"));
  an_result_free(r);
}

/* "the envoy briefed X": the one person introduced with that title. */
static void test_title_subject(void) {
  an_result *r = run("The bloc's special envoy for the region, Amara Diop, arrived in Vessa. According to a statement "
                     "from Lindmark Motors, the envoy briefed Rivas on the talks.");
  CHECK(fx_find(r, "brief", "diop", "rivas"));
  CHECK(!fx_find(r, "brief", "lindmark", "rivas"));
  an_result_free(r);
  /* two envoys: no telling which */
  r = run("The envoy Amara Diop and the envoy Mei Tan arrived. The envoy praised Rivas.");
  CHECK(!fx_find(r, "praise", "diop", "rivas"));
  CHECK(!fx_find(r, "praise", "tan", "rivas"));
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
  test_phone_manner();
  test_government_object();
  test_country_pair();
  test_transparent_objects();
  test_reported_clause_coordination();
  test_subordinate_subject();
  test_companies_and_citations();
  test_speaker_org();
  test_meeting_partner();
  test_title_subject();
  an_workspace_free(F.ws);
  an_resources_free(F.res);
  return TEST_DONE();
}
