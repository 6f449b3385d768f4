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
    {"them", "norland", AN_KIND_COUNTRY, AN_MENTION_PRONOUN},
    {"him", "haddad", AN_KIND_PERSON, AN_MENTION_PRONOUN},
    {NULL, NULL, 0, 0}};

static fx F;

/* fx_run with this file's actors and date (AN_TEST_DUMP prints the events). */
static an_result *run(const char *text) {
  return fx_run(&F, text, A, "2025-03-05", NULL, 0);
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
  r = run("Lindmark Motors on May 21 accused Rivas of violating the agreement.");
  CHECK(fx_find(r, "accuse", "lindmark", "rivas"));
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
  r = run("Tan criticised Norland over the tariffs, calling them unfair.");
  CHECK(fx_find(r, "criticize", "tan", "norland"));
  CHECK(!fx_find(r, "call", "tan", "norland"));
  an_result_free(r);
  r = run("Tan called him yesterday, Rivas said.");
  CHECK(fx_find(r, "call", "tan", "haddad"));
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
  r = run("Lindmark Motors accused the Estmarker board of bias.");
  CHECK(!fx_find(r, "accuse", "lindmark", "estmark"));
  an_result_free(r);
  r = run("Lindmark Motors thanked the Norland chipmaker for its trust.");
  CHECK(!fx_find(r, "praise", "lindmark", "norland"));
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

/* "praised the Norlandic leader's involvement": the leader is the target. */
static void test_possessor_target(void) {
  static const fx_actor P[] = {{"Tomas Rivas", "rivas", AN_KIND_PERSON, AN_MENTION_NAME, NULL},
                               {"Norlandic", "norland", AN_KIND_COUNTRY, AN_MENTION_DEMONYM, NULL},
                               {"leader", "diop", AN_KIND_PERSON, AN_MENTION_DESCRIPTION, NULL},
                               {NULL, NULL, 0, 0, NULL}};
  an_result *r = fx_run(&F, "Tomas Rivas praised the Norlandic leader's personal involvement.", P, NULL, NULL, 0);
  CHECK(fx_find(r, "praise", "rivas", "diop"));
  CHECK(!fx_find(r, "praise", "rivas", "norland"));
  an_result_free(r);
  r = fx_run(&F, "Tomas Rivas praised Norlandic support.", P, NULL, NULL, 0);
  CHECK(fx_find(r, "praise", "rivas", "norland"));
  an_result_free(r);
}

/* An attack on a place named through its country is on the country; a
 * bare place after the verb is only where it happened. */
static void test_attack_place(void) {
  an_result *r = run("Lindmark Motors attacked an army post near the Norlandic town of Harbin on Sunday.");
  CHECK(fx_find(r, "attack", "lindmark", "norland"));
  an_result_free(r);
  r = run("Lindmark Motors struck in Vessa on Sunday.");
  CHECK(!fx_find(r, "attack", "lindmark", "norland"));
  an_result_free(r);
  r = run("Lindmark Motors attacked an army post near the Norlandic border on Sunday.");
  CHECK(!fx_find(r, "attack", "lindmark", "norland"));
  an_result_free(r);
}

/* "X declared its support for Y" with "its" unresolved: X supports Y. */
static void test_unresolved_owner(void) {
  an_result *r = run("Lindmark Motors declared its support for Ostria on Thursday.");
  CHECK(fx_find(r, "support", "lindmark", "ostria"));
  an_result_free(r);
  r = run("Lindmark Motors condemned its attacks on Ostria.");
  CHECK(!fx_find(r, "attack", "lindmark", "ostria"));
  an_result_free(r);
}

/* Passive voice keeps the real direction (annotation.md §2). */
static void test_passive_forms(void) {
  an_result *r = run("Rivas was praised by Diop for her patience.");
  CHECK(fx_find(r, "praise", "diop", "rivas"));
  an_result_free(r);
  r = run("Norland has been accused by Estmark of hiding the report.");
  CHECK(fx_find(r, "accuse", "estmark", "norland"));
  an_result_free(r);
  r = run("The envoys had been briefed by Tan on the talks, and Rivas, criticised by Diop, left early.");
  CHECK(fx_find(r, "criticize", "diop", "rivas"));
  an_result_free(r);
  r = run("Tan congratulated Rivas, a move criticised by Diop's supporters.");
  CHECK(!fx_find(r, "criticize", "diop", "tan"));
  an_result_free(r);
  r = run("Ostria was condemned by Norland and Estmark.");
  CHECK(fx_find(r, "criticize", "norland", "ostria"));
  CHECK(fx_find(r, "criticize", "estmark", "ostria"));
  an_result_free(r);
}

/* Nominalizations: the noun's agent and partner. */
static void test_nominal_forms(void) {
  an_result *r = run("After Diop's meeting with Rivas, the ministers flew home.");
  CHECK(fx_find(r, "meet", "diop", "rivas"));
  an_result_free(r);
  r = run("Talks between Norland and Estmark resumed in Vessa.");
  CHECK(fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
  r = run("In a phone call with Rivas, Tan discussed the harbour.");
  CHECK(fx_find(r, "call", "tan", "rivas"));
  an_result_free(r);
}

/* Negated, planned and hypothetical interactions are no events. */
static void test_modal_forms(void) {
  const char *const none[] = {"Diop did not meet Rivas in Vessa.",      "Diop refused to meet Rivas.",
                              "Diop is expected to meet Rivas on Friday.", "Diop could meet Rivas next week.",
                              "Diop plans to call Rivas.",              "Diop may call Rivas after the vote.",
                              "Diop denied meeting Rivas.",             "Diop has yet to meet Rivas.",           "Diop met neither Rivas nor Tan.",
                              "Diop called for a meeting with Rivas.", "Diop requested a phone call with Rivas.",             "The planned meeting between Diop and Rivas was cancelled.",
                              NULL};
  for (int i = 0; none[i]; i++) {
    an_result *r = run(none[i]);
    if (fx_find(r, "meet", "diop", "rivas") || fx_find(r, "call", "diop", "rivas"))
      fprintf(stderr, "modal sentence gave an event: %s\n", none[i]);
    CHECK(!fx_find(r, "meet", "diop", "rivas"));
    CHECK(!fx_find(r, "call", "diop", "rivas"));
    an_result_free(r);
  }
}

/* A denied accusation or report holds no event. */
static void test_denials(void) {
  an_result *r = run("Norland rejected accusations that it had armed Lindmark Motors, calling them baseless.");
  CHECK(!fx_find(r, "support", "ostria", "lindmark"));
  CHECK(!fx_find(r, "support", "norland", "lindmark"));
  an_result_free(r);
  r = run("Tan denied that Diop had met Rivas.");
  CHECK(!fx_find(r, "meet", "diop", "rivas"));
  an_result_free(r);
  r = run("Tan said that Diop had met Rivas.");
  CHECK(fx_find(r, "meet", "diop", "rivas"));
  an_result_free(r);
}

/* Reported speech keeps the real source. */
static void test_reported_forms(void) {
  an_result *r = run("Tan said Diop had praised Rivas.");
  CHECK(fx_find(r, "praise", "diop", "rivas"));
  CHECK(!fx_find(r, "praise", "tan", "rivas"));
  an_result_free(r);
  r = run("According to Tan, Diop met Rivas on Monday.");
  CHECK(fx_find(r, "meet", "diop", "rivas"));
  CHECK(!fx_find(r, "meet", "tan", "rivas"));
  an_result_free(r);
  r = run("In Vessa, Secretary of State Tomas Rivas met Diop to discuss the harbour.");
  CHECK(fx_find(r, "meet", "rivas", "diop"));
  CHECK(!fx_find(r, "meet", "norland", "diop"));
  an_result_free(r);
  r = run("Diop met Rivas on Monday, Tan said.");
  CHECK(fx_find(r, "meet", "diop", "rivas"));
  CHECK(!fx_find(r, "meet", "tan", "rivas"));
  an_result_free(r);
}

/* More wire constructions: a letter received from a titled person, an
 * absolute "with X accusing Y", an armed force's owner, the nearest pair. */
static void test_wire_constructions(void) {
  an_result *r = run("Diop received a letter from Norland's army chief Tomas Rivas.");
  CHECK(fx_find(r, "message", "rivas", "diop"));
  CHECK(!fx_find(r, "message", "diop", "rivas"));
  an_result_free(r);
  r = run("Norland and Estmark traded barbs, with Vessa accusing Kessel of arming rebels.");
  CHECK(fx_find(r, "accuse", "norland", "estmark"));
  an_result_free(r);
  r = run("Rivas's forces launched drone strikes on Ostria overnight.");
  CHECK(fx_find(r, "attack", "rivas", "ostria"));
  an_result_free(r);
  r = run("Rivas's forces praised the deal.");
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);
  r = run("Amara Diop visited Vessa on Monday. Tomas Rivas held talks with Mei Tan in Kessel. The two ministers also "
          "spoke by phone with Diop.");
  CHECK(fx_find(r, "call", "rivas", "diop"));
  CHECK(fx_find(r, "call", "tan", "diop"));
  an_result_free(r);
}

/* Protests and condemnation drawn from others. */
static void test_protest_forms(void) {
  an_result *r = run("Estmark lodged a strong protest with Norland over the remarks.");
  CHECK(fx_find(r, "criticize", "estmark", "norland"));
  an_result_free(r);
  r = run("Norland issued a stern warning to Ostria on Monday.");
  CHECK(fx_find(r, "threaten", "norland", "ostria"));
  an_result_free(r);
  r = run("The threat to Ostria is real, Tan said.");
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);
  r = run("Ostria tested a missile, prompting condemnation from Norland and Estmark.");
  CHECK(fx_find(r, "criticize", "norland", "ostria"));
  CHECK(fx_find(r, "criticize", "estmark", "ostria"));
  an_result_free(r);
}

/* "condemned the suspension": the act is its agent's, found where an
 * earlier sentence reports it. */
static void test_act_agent(void) {
  an_result *r = run("Lindmark Motors suspended the Harbor Workers Union on Monday. Rivas condemned the suspension as "
                     "unfair.");
  CHECK(fx_find(r, "criticize", "rivas", "lindmark"));
  an_result_free(r);
  r = run("Norland expelled two reporters on Sunday. The expulsions were condemned by Estmark.");
  CHECK(fx_find(r, "criticize", "estmark", "norland"));
  an_result_free(r);
  /* no report of the act: no agent */
  r = run("Rivas condemned the suspension as unfair.");
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);
  /* an act with its own agent named */
  r = run("Norland expelled two reporters. Rivas condemned the arrest by Estmark.");
  CHECK(fx_find(r, "criticize", "rivas", "estmark"));
  CHECK(!fx_find(r, "criticize", "rivas", "norland"));
  an_result_free(r);
}

/* "A condemned the plan and B praised C": "and" with no comma before a
 * name and its own past-tense verb opens a clause with that subject;
 * "A and B praised C" and "officials from A and B praised C" stay one
 * subject. */
static void test_and_clause_subject(void) {
  static const fx_case cases[] = {
      {"Norland condemned the plan and Ostria praised Estmark.", {"praise ostria estmark"},
       {"praise norland estmark"}, -1},
      {"Norland condemned the plan and Ostria also praised Estmark.", {"praise ostria estmark"},
       {"praise norland estmark"}, -1},
      {"Norland condemned the plan, and Ostria praised Estmark.", {"praise ostria estmark"},
       {"praise norland estmark"}, -1},
      {"Diop criticized Rivas and Tan praised Norland.", {"criticize diop rivas", "praise tan norland"},
       {"praise diop norland", "criticize diop tan"}, -1},
      {"Diop criticized Rivas and Tan for the delay.", {"criticize diop rivas", "criticize diop tan"}, {0}, -1},
      {"Norland and Ostria praised Estmark.", {"praise norland estmark", "praise ostria estmark"}, {0}, -1},
      {"Officials from Norland and Ostria praised Estmark.", {"praise norland estmark", "praise ostria estmark"},
       {0}, -1},
  };
  FX_CASES(&F, A, "2025-03-05", cases);
}

/* Three errors of session 5: talks by video link are a call only
 * (annotation.md: a virtual meeting is a call); the partner of "after
 * talks with X" in a fronted clause meets the main clause's subject, and
 * the place of "a visit to P" is no party to those talks; a subject after
 * "and" may be followed by a parenthetical phrase between commas before
 * its past-tense verb. */
static void test_session5_fixes(void) {
  static const fx_case cases[] = {
      {"Rivas held talks via video link with Estmark.", {"call rivas estmark"}, {"meet rivas estmark"}, -1},
      {"Tan held talks by video link with Ostria on Monday.", {"call tan ostria"}, {"meet tan ostria"}, -1},
      {"Tan held talks with Ostria in Kessel on Monday.", {"meet tan ostria"}, {"call tan ostria"}, -1},
      {"Diop met Rivas by video link on Friday.", {"call diop rivas"}, {"meet diop rivas"}, -1},
      {"Tan held talks with Ostria over the phone.", {"call tan ostria"}, {"meet tan ostria"}, -1},
      {"Diop met Rivas in Kessel on Monday, a day after a phone call with Tan.", {"meet diop rivas"},
       {"call diop rivas"}, -1},
      {"During a visit to Norland after talks with Ostria, Diop praised Estmark.",
       {"meet diop ostria", "praise diop estmark"}, {"meet norland ostria", "meet diop norland"}, -1},
      {"After talks with Ostria, Tan criticized Norland.", {"meet tan ostria", "criticize tan norland"}, {0}, -1},
      {"Diop met union representatives and Ostria, in a statement, praised Norland.", {"praise ostria norland"},
       {"praise diop norland", "meet diop ostria"}, -1},
      {"Diop met Rivas and Tan, in Kessel, on Monday.", {"meet diop rivas", "meet diop tan"}, {0}, -1},
      {"Norland held talks with Rivas and Ostria, in a statement on Friday, criticized Estmark.",
       {"meet norland rivas", "criticize ostria estmark"}, {"criticize norland estmark", "meet norland ostria"}, -1},
      {"Diop criticized Rivas and Tan, in particular, for the delay.", {"criticize diop rivas", "criticize diop tan"},
       {0}, -1},
      {"Tan criticized the plan and Rivas, on Tuesday, praised Estmark.", {"praise rivas estmark"},
       {"praise tan estmark", "criticize tan rivas"}, -1},
  };
  FX_CASES(&F, A, "2025-03-05", cases);
}

/* A passive whose subject is a non-actor noun phrase right before it. */
static void test_passive_noun_subject(void) {
  an_result *r = run("Estmark ordered Norland to pay, a ruling welcomed by Ostria.");
  CHECK(!fx_find(r, "meet", "ostria", "estmark"));
  CHECK(!fx_find(r, "meet", "ostria", "norland"));
  an_result_free(r);
  r = run("Estmark suspended Lindmark Motors, a move that was condemned by Ostria.");
  CHECK(fx_find(r, "criticize", "ostria", "estmark"));
  CHECK(!fx_find(r, "criticize", "ostria", "lindmark"));
  an_result_free(r);
  r = run("Diop, welcomed by Rivas at the airport, thanked him.");
  CHECK(fx_find(r, "meet", "rivas", "diop"));
  an_result_free(r);
}

/* Object relatives and hosting a meal. */
static void test_object_relative_and_dinner(void) {
  an_result *r = run("Rivas, whom Diop received in Vessa last year, praised Ostria's reforms.");
  CHECK(fx_find(r, "meet", "diop", "rivas"));
  CHECK(fx_find(r, "praise", "rivas", "ostria"));
  an_result_free(r);
  r = run("Tan hosted a state dinner for Rivas in Kessel.");
  CHECK(fx_find(r, "meet", "tan", "rivas"));
  an_result_free(r);
  /* a quotation's own verb keeps its own (named) objects only */
  r = run("Diop wrote: \"Attacking families is alien to us, and we condemn it.\"");
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);
}

/* Aid sent to someone is support; a charge's content is not. */
static void test_aid(void) {
  an_result *r = run("Norland sent humanitarian aid to Ostria after the storm.");
  CHECK(fx_find(r, "support", "norland", "ostria"));
  an_result_free(r);
  r = run("Diop accused Estmark of prolonging the war by selling weapons to Ostria.");
  CHECK(fx_find(r, "accuse", "diop", "estmark"));
  CHECK(!fx_find(r, "support", "diop", "ostria"));
  an_result_free(r);
  r = run("Critics condemned the aid to Ostria.");
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);
}

/* Organizations named by a description, and their members. */
static void test_bloc(void) {
  an_result *r = run("The Harbor Workers Union met in Vessa. Diop thanked the alliance for its patience.");
  CHECK(fx_find(r, "praise", "diop", "hwu"));
  an_result_free(r);
  r = run("The Harbor Workers Union met in Vessa. Tan said the bloc's ministers had been briefed by Rivas.");
  CHECK(fx_find(r, "brief", "rivas", "hwu"));
  an_result_free(r);
  r = run("Lindmark Motors fired on Vessa, even as Norlandic strikes on the Estmark-backed group went on.");
  CHECK(fx_find(r, "attack", "norland", "lindmark"));
  an_result_free(r);
  /* a demonym that is not the organization's country */
  r = run("The Harbor Workers Union met. Diop backed the Estmarker group on Monday.");
  CHECK(!fx_find(r, "support", "diop", "hwu"));
  an_result_free(r);
  r = run("The Harbor Workers Union fined Lindmark Motors. Lindmark Motors said it would appeal and criticised the "
          "council's decision.");
  CHECK(fx_find(r, "criticize", "lindmark", "hwu"));
  an_result_free(r);
  r = run("The Harbor Workers Union met in Vessa. Diop criticised the group of soldiers at the gate.");
  CHECK(!fx_find(r, "criticize", "diop", "hwu"));
  an_result_free(r);
  r = run("Diop thanked the alliance for its patience.");
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);
  r = run("Norland's ministers condemned Ostria on Monday.");
  CHECK(fx_find(r, "criticize", "norland", "ostria"));
  an_result_free(r);
}

/* "in mid-May" dates to the month. */
static void test_mid_month(void) {
  an_result *r = run("Diop met Rivas in mid-January in Vessa.");
  const an_revent *e = fx_find(r, "meet", "diop", "rivas");
  CHECK(e != NULL);
  if (e) CHECK_STR(e->date, "2025-01");
  an_result_free(r);
}

/* Words that look like force: deals struck, retorts fired back, policies
 * attacked; meetings hosted are events, not actors. */
static void test_false_force(void) {
  an_result *r = run("Norland struck a trade deal with Ostria on fishing.");
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);
  r = run("Norland struck Ostria overnight.");
  CHECK(fx_find(r, "attack", "norland", "ostria"));
  an_result_free(r);
  r = run("Rivas drew praise from Diop for her handling of the talks.");
  CHECK(fx_find(r, "praise", "diop", "rivas"));
  an_result_free(r);
  r = run("Estmark fired back at Norland, saying the sanctions were illegal.");
  CHECK(fx_find(r, "criticize", "estmark", "norland"));
  CHECK(!fx_find(r, "attack", "estmark", "norland"));
  an_result_free(r);
  r = run("Forces loyal to Diop attacked positions held by Norland, a statement said.");
  CHECK(fx_find(r, "attack", "diop", "norland"));
  CHECK(!fx_find(r, "criticize", "diop", "norland"));
  an_result_free(r);
  r = run("Estmark attacked the policy of Norland as short-sighted.");
  CHECK(fx_find(r, "criticize", "estmark", "norland"));
  CHECK(!fx_find(r, "attack", "estmark", "norland"));
  an_result_free(r);
  r = run("Norland hosted the Lindmark Motors summit in Vessa.");
  CHECK(!fx_find(r, "meet", "norland", "lindmark"));
  an_result_free(r);
}

/* "accused X of mishandling his samples": the charge holds no target; a
 * country's council acts for the country; a closure is its closer's. */
static void test_charges_and_councils(void) {
  an_result *r = run("Diop said she would appeal and accused the panel of mishandling Rivas's samples.");
  CHECK(!fx_find(r, "accuse", "diop", "rivas"));
  an_result_free(r);
  r = run("Norland closed its border with Ostria on Friday. Ostria's transitional council condemned the closure.");
  CHECK(fx_find(r, "criticize", "ostria", "norland"));
  an_result_free(r);
}

/* Reported speech is attributed to its speaker; "according to a statement
 * from X" to X. */
static void test_reported_attribution(void) {
  an_result *r = run("Tan said Lindmark Motors had written to Rivas in May.");
  const an_revent *e = fx_find(r, "message", "lindmark", "rivas");
  CHECK(e != NULL);
  if (e) CHECK(e->attributed_to && strcmp(e->attributed_to, "Tan") == 0);
  an_result_free(r);
  r = run("Diop, who chaired the talks, said Rivas had been briefed by Tan.");
  e = fx_find(r, "brief", "tan", "rivas");
  CHECK(e != NULL);
  if (e) CHECK(e->attributed_to && strcmp(e->attributed_to, "Diop") == 0);
  an_result_free(r);
  r = run("According to a statement from Lindmark Motors, Tan briefed Rivas.");
  e = fx_find(r, "brief", "tan", "rivas");
  CHECK(e != NULL);
  if (e) CHECK(e->attributed_to && strcmp(e->attributed_to, "Lindmark Motors") == 0);
  an_result_free(r);
  /* the source reporting its own act is no citation */
  r = run("Mei Tan said on Monday that Tan had briefed Rivas.");
  e = fx_find(r, "brief", "tan", "rivas");
  CHECK(e != NULL);
  if (e) CHECK(e->attributed_to == NULL);
  an_result_free(r);
}

/* "sent X a congratulatory message": a message, and praise. */
static void test_double_object_message(void) {
  an_result *r = run("Tan sent Rivas a congratulatory message on Monday.");
  CHECK(fx_find(r, "message", "tan", "rivas"));
  CHECK(fx_find(r, "praise", "tan", "rivas"));
  an_result_free(r);
  r = run("Tan sent a congratulatory message to Rivas.");
  CHECK(fx_find(r, "message", "tan", "rivas"));
  CHECK(fx_find(r, "praise", "tan", "rivas"));
  an_result_free(r);
  r = run("Tan sent Rivas a letter about the harbour.");
  CHECK(fx_find(r, "message", "tan", "rivas"));
  CHECK(!fx_find(r, "praise", "tan", "rivas"));
  an_result_free(r);
}

/* "met both sides": the two organizations just named; "after talks with
 * X": the clause subject's talks. */
static void test_sides(void) {
  an_result *r = run("KESSEL (Coast Wire) - The Harbor Workers Union called a strike after talks with Lindmark Motors "
                     "broke down. Rivas met both sides on Tuesday.");
  CHECK(fx_find(r, "meet", "hwu", "lindmark"));
  CHECK(fx_find(r, "meet", "rivas", "hwu"));
  CHECK(fx_find(r, "meet", "rivas", "lindmark"));
  CHECK(!fx_find(r, "meet", "rivas", "estmark"));
  an_result_free(r);
  r = run("Norland, Estmark and Ostria sent envoys. Rivas met both sides on Tuesday.");
  CHECK(!fx_find(r, "meet", "rivas", "norland"));
  an_result_free(r);
}

/* More coordination: "as well as", "and later with". */
static void test_more_coordination(void) {
  an_result *r = run("Tan praised Norland as well as Ostria for their support.");
  CHECK(fx_find(r, "praise", "tan", "norland"));
  CHECK(fx_find(r, "praise", "tan", "ostria"));
  an_result_free(r);
  r = run("Tan spoke with Rivas and later with Diop.");
  CHECK(fx_find(r, "meet", "tan", "rivas"));
  CHECK(fx_find(r, "meet", "tan", "diop"));
  an_result_free(r);
}

/* Greetings, cautions and vows of revenge. */
static void test_more_verbs(void) {
  an_result *r = run("Tan greeted Rivas at the airport in Vessa.");
  CHECK(fx_find(r, "meet", "tan", "rivas"));
  an_result_free(r);
  r = run("Norland vowed revenge against Ostria for the killing.");
  CHECK(fx_find(r, "threaten", "norland", "ostria"));
  an_result_free(r);
  r = run("Norland cautioned Ostria against any move on the islands.");
  CHECK(fx_find(r, "threaten", "norland", "ostria"));
  an_result_free(r);
}

/* A verb phrase after a comma is no apposition; a name in apposition
 * after a title counts from its comma; the nearest pair of countries. */
static void test_apposition_limits(void) {
  an_result *r = run("Norland's agency, Lindmark Motors, accused Kessel and Ostria of lying and warned the two "
                     "governments that they would pay.");
  CHECK(fx_find(r, "accuse", "lindmark", "estmark"));
  CHECK(fx_find(r, "accuse", "lindmark", "ostria"));
  CHECK(!fx_find(r, "threaten", "ostria", "estmark"));
  CHECK(fx_find(r, "threaten", "lindmark", "ostria"));
  CHECK(fx_find(r, "threaten", "lindmark", "estmark"));
  an_result_free(r);
  static const fx_aff aff[] = {{"tan", "estmark", "foreign minister"}, {NULL, NULL, NULL}};
  fx_next_aff = aff;
  r = run("Tan said that she had briefed her country's president, Tomas Rivas, before the vote.");
  CHECK(fx_find(r, "brief", "diop", "rivas") || fx_find(r, "brief", "tan", "rivas"));
  an_result_free(r);
}

/* A quote's speaker given as a demonym and a title with no name after
 * them is the demonym's country; "and" before a new subject that has its
 * own past-tense verb starts a clause, not a second object. */
static void test_demonym_speaker_and_clause(void) {
  static const fx_case cases[] = {
      {"\"We thank Ostria for its help,\" a senior Norlandic official said.", {"praise norland ostria"}, {0}, -1},
      {"\"We thank Ostria for its help,\" the Norlandic minister said.", {"praise norland ostria"}, {0}, -1},
      {"\"We thank Ostria for its help,\" Norlandic President Amara Diop said.", {"praise diop ostria"},
       {"praise norland ostria"}, -1},
      {"Norland criticised the new tariffs and Ostria on Tuesday rejected them.", {0}, {"criticize norland ostria"}, 0},
  };
  FX_CASES(&F, A, "2025-03-05", cases);
}

int main(void) {
  if (!fx_load(&F)) return 1;
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
  test_possessor_target();
  test_attack_place();
  test_unresolved_owner();
  test_passive_forms();
  test_nominal_forms();
  test_modal_forms();
  test_reported_forms();
  test_denials();
  test_wire_constructions();
  test_protest_forms();
  test_act_agent();
  test_demonym_speaker_and_clause();
  test_and_clause_subject();
  test_passive_noun_subject();
  test_object_relative_and_dinner();
  test_aid();
  test_bloc();
  test_mid_month();
  test_false_force();
  test_charges_and_councils();
  test_reported_attribution();
  test_double_object_message();
  test_sides();
  test_more_coordination();
  test_more_verbs();
  test_apposition_limits();
  test_session5_fixes();
  fx_free(&F);
  return TEST_DONE();
}
