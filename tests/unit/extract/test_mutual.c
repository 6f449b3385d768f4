/* test_mutual.c: reciprocal acts, group subjects, repeated acts, meeting
 * idioms and nominal "between" with a date (mutual.h, rules.c hooks), on
 * sentences written for these tests (invented people and places). */
#include "harness.h"
#include "rules_fixture.h"
#include "extract/mutual.h"

static const fx_actor A[] = {
    {"Karim Haddad", "haddad", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Haddad", "haddad", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Lena Morris", "morris", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Morris", "morris", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Omar Saleh", "saleh", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Saleh", "saleh", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Dana Kowalski", "kowalski", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Kowalski", "kowalski", AN_KIND_PERSON, AN_MENTION_NAME},
    {"Norland", "norland", AN_KIND_COUNTRY, AN_MENTION_NAME},
    {"Norlandic", "norland", AN_KIND_COUNTRY, AN_MENTION_DEMONYM},
    {"Estmark", "estmark", AN_KIND_COUNTRY, AN_MENTION_NAME},
    {"Estmarkian", "estmark", AN_KIND_COUNTRY, AN_MENTION_DEMONYM},
    {"Vessa", "norland", AN_KIND_COUNTRY, AN_MENTION_METONYM},
    {"Sudoria", "sudoria", AN_KIND_COUNTRY, AN_MENTION_NAME},
    {"Green Front", "green-front", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"Harbor League", "harbor-league", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {NULL, NULL, 0, 0}};

static fx F;

static an_result *run(const char *text) { return fx_run(&F, text, A, NULL, NULL, 0); }

/* annotation.md §2: a reciprocal act is one event each way. */
static void test_reciprocal_objects(void) {
  an_result *r = run("Norland and Estmark accused each other of breaking the truce.");
  CHECK(fx_find(r, "accuse", "norland", "estmark"));
  CHECK(fx_find(r, "accuse", "estmark", "norland"));
  CHECK_INT(an_result_event_count(r), 2);
  an_result_free(r);
  r = run("Haddad and Morris blamed one another for the failed vote.");
  CHECK(fx_find(r, "accuse", "haddad", "morris"));
  CHECK(fx_find(r, "accuse", "morris", "haddad"));
  an_result_free(r);
  /* "each ... the other": the pair named just before */
  r = run("Norland accused Estmark of moving troops, and each government blamed the other for the shelling.");
  CHECK(fx_find(r, "accuse", "norland", "estmark"));
  CHECK(fx_find(r, "accuse", "estmark", "norland"));
  an_result_free(r);
  /* "the other" without an "each" subject is no reciprocal */
  r = run("Haddad blamed the other candidate for the delay.");
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);
  /* three countries named together: no telling which two */
  r = run("Norland, Estmark and Sudoria signed the pact in March. Each government later blamed the other.");
  CHECK(!fx_find(r, "accuse", "norland", "estmark"));
  CHECK(!fx_find(r, "accuse", "estmark", "sudoria"));
  an_result_free(r);
  /* "each other" is no object: the actor later in the clause is not a target */
  r = run("Norland and Estmark accused each other of ignoring a deal brokered by Sudoria.");
  CHECK(!fx_find(r, "accuse", "norland", "sudoria"));
  CHECK(!fx_find(r, "accuse", "estmark", "sudoria"));
  an_result_free(r);
}

/* "traded accusations", "exchanged fire": triggers marked "mutual". */
static void test_mutual_triggers(void) {
  an_result *r = run("Norlandic and Estmarkian troops exchanged artillery fire near the river on Friday.");
  CHECK(fx_find(r, "attack", "norland", "estmark"));
  CHECK(fx_find(r, "attack", "estmark", "norland"));
  an_result_free(r);
  r = run("Norland exchanged fire with Estmark across the lake.");
  CHECK(fx_find(r, "attack", "norland", "estmark"));
  CHECK(fx_find(r, "attack", "estmark", "norland"));
  an_result_free(r);
  r = run("Haddad and Morris traded accusations during the televised debate.");
  CHECK(fx_find(r, "accuse", "haddad", "morris"));
  CHECK(fx_find(r, "accuse", "morris", "haddad"));
  an_result_free(r);
  r = run("Saleh and Kowalski traded barbs over the budget.");
  CHECK(fx_find(r, "criticize", "saleh", "kowalski"));
  CHECK(fx_find(r, "criticize", "kowalski", "saleh"));
  an_result_free(r);
  r = run("Norland and Estmark exchanged threats over the dam.");
  CHECK(fx_find(r, "threaten", "norland", "estmark"));
  CHECK(fx_find(r, "threaten", "estmark", "norland"));
  an_result_free(r);
  r = run("Haddad and Morris exchanged letters in the spring.");
  CHECK(fx_find(r, "message", "haddad", "morris"));
  CHECK(fx_find(r, "message", "morris", "haddad"));
  an_result_free(r);
  r = run("Haddad and Morris exchanged congratulations after the count.");
  CHECK(fx_find(r, "praise", "haddad", "morris"));
  CHECK(fx_find(r, "praise", "morris", "haddad"));
  an_result_free(r);
  /* what is exchanged is no interaction of its own */
  r = run("Norland and Estmark exchanged prisoners at the bridge.");
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);
  /* "trade" and "exchange" as nouns start no verb phrase: an apposition
   * with "trade minister" keeps its list */
  r = run("In a phone call on Monday, Haddad, Norland's trade minister, and Morris discussed the dam.");
  CHECK(fx_find(r, "call", "haddad", "morris"));
  an_result_free(r);
  /* "clashes between A and B": both ways, not the clause subject's */
  r = run("Sudoria condemned the clashes between Norland and Estmark on Friday.");
  CHECK(fx_find(r, "attack", "norland", "estmark"));
  CHECK(fx_find(r, "attack", "estmark", "norland"));
  CHECK(!fx_find(r, "attack", "sudoria", "norland"));
  an_result_free(r);
  /* a headline's present tense */
  r = run("Norland and Estmark trade fire across the river");
  CHECK(fx_find(r, "attack", "norland", "estmark"));
  CHECK(fx_find(r, "attack", "estmark", "norland"));
  an_result_free(r);
  /* one party only: nothing */
  r = run("Norland traded fire along the river all night.");
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);
  /* "the two sides": the two named just before */
  r = run("The Green Front and the Harbor League held rival rallies. The two sides later traded accusations.");
  CHECK(fx_find(r, "accuse", "green-front", "harbor-league"));
  CHECK(fx_find(r, "accuse", "harbor-league", "green-front"));
  an_result_free(r);
}

/* A symmetric act among the parties the subject names. */
static void test_group_subjects(void) {
  an_result *r = run("Commanders from Norland and Estmark met at the border post on Monday.");
  CHECK(fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
  r = run("Norland and Estmark sent envoys to the talks. Officials from both countries met on Friday.");
  CHECK(fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
  r = run("Officials in Norland and Estmark traded accusations over the dam.");
  CHECK(fx_find(r, "accuse", "norland", "estmark"));
  CHECK(fx_find(r, "accuse", "estmark", "norland"));
  an_result_free(r);
  /* a group subject of a directed act */
  r = run("Norland and Estmark opened talks on Monday. Both sides praised Sudoria for its help.");
  CHECK(fx_find(r, "praise", "norland", "sudoria"));
  CHECK(fx_find(r, "praise", "estmark", "sudoria"));
  an_result_free(r);
  /* a passive with no agent: its subjects are the targets, no source */
  r = run("Norland and Estmark were praised for their restraint.");
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);
  /* a modifier and its head are no two parties */
  r = run("Green Front leader Karim Haddad's aides met in the capital.");
  CHECK(!fx_find(r, "meet", "green-front", "haddad"));
  an_result_free(r);
  /* a PP that is no "officials from": no parties */
  r = run("Trade between Norland and Estmark met every target last year.");
  CHECK(!fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
}

/* "X repeated the charge": the target of the latest accusation. */
static void test_repeated_acts(void) {
  an_result *r = run("Norland has long accused Estmark of stalling, and Haddad repeated the charge on Friday.");
  CHECK(fx_find(r, "accuse", "norland", "estmark"));
  CHECK(fx_find(r, "accuse", "haddad", "estmark"));
  an_result_free(r);
  r = run("Morris criticised Estmark in May. Saleh renewed the criticism a week later.");
  CHECK(fx_find(r, "criticize", "saleh", "estmark"));
  an_result_free(r);
  /* its own object: the noun's trigger */
  r = run("Norland accused Estmark of stalling. Haddad repeated his accusations against the Green Front.");
  CHECK(fx_find(r, "accuse", "haddad", "green-front"));
  CHECK(!fx_find(r, "accuse", "haddad", "estmark"));
  an_result_free(r);
  /* nothing to repeat */
  r = run("Haddad repeated the charge on Friday.");
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);
  /* too far back: three sentences between */
  r = run("Norland accused Estmark of stalling. The rain went on. Roads closed. Ferries stopped. Haddad repeated the "
          "charge.");
  CHECK(!fx_find(r, "accuse", "haddad", "estmark"));
  an_result_free(r);
}

/* Meeting idioms and a dated "between". */
static void test_meeting_idioms(void) {
  an_result *r = run("Haddad toured the flooded harbour district with Morris on Sunday.");
  CHECK(fx_find(r, "meet", "haddad", "morris"));
  an_result_free(r);
  r = run("Saleh presented his credentials to Kowalski at the palace.");
  CHECK(fx_find(r, "meet", "saleh", "kowalski"));
  an_result_free(r);
  r = run("Saleh presented his letters of credence to Kowalski.");
  CHECK(fx_find(r, "meet", "saleh", "kowalski"));
  an_result_free(r);
  /* the host meets both; whether the two sat together is not said */
  r = run("The Green Front brought Norland and Estmark back to the table in May.");
  CHECK(fx_find(r, "meet", "green-front", "norland"));
  CHECK(fx_find(r, "meet", "green-front", "estmark"));
  CHECK(!fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
  /* "brought A and B together": all three */
  r = run("Haddad brought Morris and Saleh together in the spring.");
  CHECK(fx_find(r, "meet", "haddad", "morris"));
  CHECK(fx_find(r, "meet", "haddad", "saleh"));
  CHECK(fx_find(r, "meet", "morris", "saleh"));
  an_result_free(r);
  /* a round of talks welcomed is no meeting with the host city's country */
  r = run("Kowalski welcomed the Vessa round of talks.");
  CHECK(!fx_find(r, "meet", "kowalski", "norland"));
  an_result_free(r);
  /* symmetric acts among coordinated subjects */
  r = run("Haddad and Morris discussed the river dispute on Monday.");
  CHECK(fx_find(r, "meet", "haddad", "morris"));
  an_result_free(r);
  r = run("Haddad and Morris shook hands at the gate.");
  CHECK(fx_find(r, "meet", "haddad", "morris"));
  an_result_free(r);
  /* one party: what was discussed is no partner */
  r = run("Haddad discussed Estmark's river policy at length.");
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);
  r = run("Haddad and Morris spent four hours together in the old fort.");
  CHECK(fx_find(r, "meet", "haddad", "morris"));
  an_result_free(r);
  r = run("Haddad held a joint press conference with Morris after the vote.");
  CHECK(fx_find(r, "meet", "haddad", "morris"));
  an_result_free(r);
  r = run("Haddad spent the weekend together with his family.");
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);
  /* the host of talks between A and B meets both */
  r = run("Sudoria hosted talks between Norland and Estmark on Monday.");
  CHECK(fx_find(r, "meet", "norland", "estmark"));
  CHECK(fx_find(r, "meet", "sudoria", "norland"));
  CHECK(fx_find(r, "meet", "sudoria", "estmark"));
  an_result_free(r);
  r = run("The Green Front brokered a first round of talks between Haddad and Morris.");
  CHECK(fx_find(r, "meet", "haddad", "morris"));
  CHECK(fx_find(r, "meet", "green-front", "haddad"));
  an_result_free(r);
  r = run("Norland and Estmark resumed talks on Monday after a long break.");
  CHECK(fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
  r = run("Norland and Estmark began a second round of talks in May.");
  CHECK(fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
  r = run("Norland wrapped up talks with Estmark on Friday.");
  CHECK(fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
  /* "opened fire" is still an attack when talks follow */
  r = run("Norland opened fire on Estmark shortly before talks.");
  CHECK(fx_find(r, "attack", "norland", "estmark"));
  CHECK(!fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
  r = run("Haddad and Morris spoke on the phone late on Sunday.");
  CHECK(fx_find(r, "call", "haddad", "morris"));
  an_result_free(r);
  r = run("Haddad told Morris in a phone call on Sunday that the port would reopen.");
  CHECK(fx_find(r, "call", "haddad", "morris"));
  an_result_free(r);
  r = run("Haddad urged Morris by phone to delay the vote.");
  CHECK(fx_find(r, "call", "haddad", "morris"));
  an_result_free(r);
  /* two clauses: the call is the later one's */
  r = run("Haddad told reporters that he had spoken by phone with Morris.");
  CHECK(fx_find(r, "call", "haddad", "morris"));
  CHECK_INT(an_result_event_count(r), 1);
  an_result_free(r);
  /* "by video link with A and with B": both */
  r = run("Haddad spoke by video link with Morris and with the leader of the Green Front, Omar Saleh, on Monday.");
  CHECK(fx_find(r, "call", "haddad", "morris"));
  CHECK(fx_find(r, "call", "haddad", "saleh"));
  an_result_free(r);
  r = run("Haddad placed a call to Morris late on Sunday.");
  CHECK(fx_find(r, "call", "haddad", "morris"));
  an_result_free(r);
  r = run("Haddad and Morris had lunch together on Monday.");
  CHECK(fx_find(r, "meet", "haddad", "morris"));
  an_result_free(r);
  r = run("Haddad and Morris dined together at the embassy.");
  CHECK(fx_find(r, "meet", "haddad", "morris"));
  an_result_free(r);
  r = run("Saleh joined Kowalski for talks in the capital.");
  CHECK(fx_find(r, "meet", "saleh", "kowalski"));
  an_result_free(r);
  r = run("Kowalski welcomed the decision of Estmark to reopen the port.");
  CHECK(!fx_find(r, "meet", "kowalski", "estmark"));
  an_result_free(r);
  r = run("Kowalski welcomed Haddad to the capital on Monday.");
  CHECK(fx_find(r, "meet", "kowalski", "haddad"));
  an_result_free(r);
  r = run("The vote came after talks on Tuesday between Norland and Estmark.");
  CHECK(fx_find(r, "meet", "norland", "estmark"));
  an_result_free(r);
  r = run("It followed a phone conversation on Monday between Norlandic President Karim Haddad and Lena Morris.");
  CHECK(fx_find(r, "call", "haddad", "morris"));
  CHECK(!fx_find(r, "call", "norland", "morris"));
  an_result_free(r);
}

/* an_last_two (mutual.h): the two distinct actors named last before a
 * token that a test accepts; none when a third shares the second one's
 * sentence; repeats of one actor count once; the test is asked. */
typedef struct last_two_arg {
  const an_xview *v;
  int kind; /* accept only this kind; -1 any */
  int asked;
} last_two_arg;
static int last_two_ok(void *arg, size_t j) {
  last_two_arg *a = arg;
  a->asked++;
  const an_doc_actors *da = a->v->acts;
  return a->kind < 0 || (int)da->actors[da->mentions[j].actor].kind == a->kind;
}
static int last_two(const char *text, int kind, const char *want0, const char *want1) {
  static fx_doc d;
  fx_tokenize(text, &d);
  an_doc_actors *acts = fx_mentions(text, &d, A);
  an_xview v;
  if (an_xview_init(&v, F.res->lex, text, strlen(text), d.tok, d.ntok, d.sent, d.nsent, acts, NULL) != AN_OK) {
    an_doc_actors_free(acts);
    return 0;
  }
  uint32_t k = d.sent[d.nsent - 1].tok_first; /* the last sentence's first token */
  last_two_arg arg = {&v, kind, 0};
  int32_t out[2] = {-1, -1};
  int n = an_last_two(&v, k, 0, last_two_ok, &arg, out);
  int ok = arg.asked > 0;
  if (want0) {
    ok = ok && n == 2 && strcmp(acts->actors[v.acts->mentions[out[0]].actor].id, want0) == 0 &&
         strcmp(acts->actors[v.acts->mentions[out[1]].actor].id, want1) == 0;
  } else {
    ok = ok && n == 0;
  }
  an_xview_clear(&v);
  an_doc_actors_free(acts);
  return ok;
}
static void test_last_two(void) {
  /* the nearest pair: the sentence before the pair's does not count */
  CHECK(last_two("Haddad met Estmark. Saleh thanked Morris. The two spoke.", -1, "morris", "saleh"));
  /* repeats count once; a kind test skips the others */
  CHECK(last_two("Haddad thanked Saleh and Norland, and Saleh thanked Haddad. The two spoke.", AN_KIND_PERSON, "haddad",
                 "saleh"));
  CHECK(last_two("Haddad praised Norland. Saleh met Kowalski in Estmark. Both sides spoke.", AN_KIND_COUNTRY, "estmark",
                 "norland"));
  /* a third in the second one's sentence: no telling which two */
  CHECK(last_two("Haddad met Morris and Saleh. The two spoke.", -1, NULL, NULL));
  /* only one */
  CHECK(last_two("Haddad spoke. The two met.", -1, NULL, NULL));
}

int main(void) {
  if (!fx_load(&F)) return 1;
  test_reciprocal_objects();
  test_mutual_triggers();
  test_group_subjects();
  test_repeated_acts();
  test_meeting_idioms();
  test_last_two();
  fx_free(&F);
  return TEST_DONE();
}
