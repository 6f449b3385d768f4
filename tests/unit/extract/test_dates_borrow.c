/* test_dates_borrow.c: an event whose own sentences carry no date takes
 * the date of a sentence that refers back to it (extract.c): a nominal of
 * the act with the source as its agent ("His complaint, lodged on
 * Thursday"), the sources reporting ("The two groups said on Wednesday"),
 * a sentence-opening date whose subject is the source ("On Monday, X ..."),
 * and for a headline's event the lead's relative date. Sentences written
 * for these tests (invented people and places). */
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
    {"Estmark", "estmark", AN_KIND_COUNTRY, AN_MENTION_NAME},
    {"Green Front", "green-front", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"Blue Circle", "blue-circle", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"Harbor Times", "harbor-times", AN_KIND_ORGANIZATION, AN_MENTION_NAME},
    {"His", "haddad", AN_KIND_PERSON, AN_MENTION_PRONOUN},
    {"his", "haddad", AN_KIND_PERSON, AN_MENTION_PRONOUN},
    {NULL, NULL, 0, 0}};

static fx F;

/* 2025-03-07 is a Friday: Monday 03-03, Wednesday 03-05, Thursday 03-06. */
#define DOC_DATE "2025-03-07"

static an_result *run(const char *text) { return fx_run(&F, text, A, DOC_DATE, NULL, 0); }

static void check_date(const an_result *r, const char *type, const char *s, const char *t, const char *want,
                       const char *want_text) {
  const an_revent *e = fx_find(r, type, s, t);
  CHECK(e);
  if (!e) return;
  CHECK_STR(e->date, want);
  if (want_text) CHECK_STR(e->date_text, want_text);
  else CHECK(e->date_text == NULL);
}

/* the sources, as a plural reference, report the act later */
static void test_report(void) {
  an_result *r = run("Green Front and Blue Circle have condemned Norland's harsh treatment of reporters. "
                     "The two groups said on Wednesday that three editors had been jailed.");
  check_date(r, "criticize", "green-front", "norland", "2025-03-05", "on Wednesday");
  check_date(r, "criticize", "blue-circle", "norland", "2025-03-05", "on Wednesday");
  an_result_free(r);
  /* the source by name */
  r = run("Haddad condemned Estmark over the border closure. Haddad said on Monday that trade had suffered.");
  check_date(r, "criticize", "haddad", "estmark", "2025-03-03", "on Monday");
  an_result_free(r);
  /* someone else reporting: not the source's date */
  r = run("Haddad condemned Estmark over the border closure. Saleh said on Monday that trade had suffered.");
  check_date(r, "criticize", "haddad", "estmark", "", NULL);
  an_result_free(r);
  /* a plural reference needs several sources */
  r = run("Haddad condemned Estmark over the border closure. The two groups said on Monday that trade had suffered.");
  check_date(r, "criticize", "haddad", "estmark", "", NULL);
  an_result_free(r);
}

/* a nominal of the act, with the source as its agent, dated */
static void test_nominal(void) {
  an_result *r = run("Karim Haddad has sued Norland, arguing that the contract was broken. "
                     "The case drew wide attention. Haddad founded the firm in 2015. "
                     "His complaint, lodged on Thursday in a city court, asks for damages.");
  check_date(r, "accuse", "haddad", "norland", "2025-03-06", "on Thursday");
  an_result_free(r);
  r = run("Saleh also alleged that Morris had lied. It followed a claim made on Monday by Omar Saleh that "
          "the vote was rigged.");
  check_date(r, "accuse", "saleh", "morris", "2025-03-03", "on Monday");
  an_result_free(r);
  /* a dated noun whose agent is someone else does not date the act */
  r = run("Haddad thanked Estmark for its patience. Morris did not join the summit in February.");
  check_date(r, "praise", "haddad", "estmark", "", NULL);
  an_result_free(r);
}

/* "On Monday, X ..." sets the time of what X does in the next sentences */
static void test_opener(void) {
  an_result *r = run("On Monday, Green Front held a rally in the capital. "
                     "In a statement afterwards, Green Front accused Norland of fraud.");
  check_date(r, "accuse", "green-front", "norland", "2025-03-03", "On Monday");
  an_result_free(r);
  /* another subject opens the dated sentence: no date */
  r = run("On Monday, Blue Circle held a rally in the capital. "
          "In a statement afterwards, Green Front accused Norland of fraud.");
  check_date(r, "accuse", "green-front", "norland", "", NULL);
  an_result_free(r);
  /* a nearer dated sentence starts another time frame */
  r = run("On Monday, Green Front held a rally in the capital. It marched again this week. "
          "Green Front accused Norland of fraud.");
  check_date(r, "accuse", "green-front", "norland", "", NULL);
  an_result_free(r);
}

/* the headline's event takes the lead's relative date */
static void test_headline(void) {
  fx_next_headline = 1;
  an_result *r = run("Haddad and Morris hold talks in Vessa\n\n"
                     "The two envoys sat down together on Wednesday to review the truce.");
  check_date(r, "meet", "haddad", "morris", "2025-03-05", "on Wednesday");
  an_result_free(r);
  /* without a headline flag the first sentence is body text: no lead rule */
  r = run("Haddad and Morris hold talks in Vessa.\n\n"
          "The two envoys sat down together on Wednesday to review the truce.");
  check_date(r, "meet", "haddad", "morris", "", NULL);
  an_result_free(r);
  /* an event's own date wins over any borrowed one */
  r = run("Haddad condemned Estmark on Monday. Haddad said on Wednesday that trade had suffered.");
  check_date(r, "criticize", "haddad", "estmark", "2025-03-03", "on Monday");
  an_result_free(r);
}

int main(void) {
  if (!fx_load(&F)) return 1;
  test_report();
  test_nominal();
  test_opener();
  test_headline();
  fx_free(&F);
  return TEST_DONE();
}
