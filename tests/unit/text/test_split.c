/* test_split.c: tokens (spans, shapes) and sentences (abbreviations,
 * initials, decimals, ellipses, quotes, headlines, bylines, bullets, credit
 * lines, paragraphs). Every sentence here is written for these tests. */
#include <stdlib.h>
#include <string.h>

#include "actornet/text.h"
#include "core/core.h"
#include "harness.h"
#include "text/text_internal.h"

static an_text *mk(const char *s) {
  an_text *t = NULL;
  an_error err;
  CHECK_INT(an_text_new(s, strlen(s), &t, &err), AN_OK);
  return t;
}

/* Structural invariants every document must satisfy. */
static void check_consistent(const an_text *t) {
  size_t nt, ns, len;
  const an_token *tk = an_text_tokens(t, &nt);
  const an_sentence *se = an_text_sentences(t, &ns);
  const char *s = an_text_str(t, &len);
  (void)s;
  for (size_t i = 0; i < nt; i++) {
    CHECK(tk[i].len > 0 && tk[i].start + tk[i].len <= len);
    if (i) CHECK(tk[i].start >= tk[i - 1].start + tk[i - 1].len);
  }
  uint32_t prev_end = 0, prev_par = 0;
  for (size_t i = 0; i < ns; i++) {
    CHECK(se[i].tok_count > 0);
    CHECK((size_t)se[i].tok_first + se[i].tok_count <= nt);
    if ((size_t)se[i].tok_first + se[i].tok_count > nt || !se[i].tok_count) continue;
    const an_token *a = &tk[se[i].tok_first], *b = &tk[se[i].tok_first + se[i].tok_count - 1];
    CHECK_INT(se[i].start, a->start);
    CHECK_INT(se[i].end, b->start + b->len);
    CHECK(se[i].start >= prev_end);
    CHECK(se[i].paragraph >= prev_par);
    if (i) CHECK(se[i].tok_first >= se[i - 1].tok_first + se[i - 1].tok_count);
    prev_end = se[i].end, prev_par = se[i].paragraph;
    /* Exactly one sentence-initial word, and none outside sentences. */
    int initials = 0;
    for (uint32_t k = se[i].tok_first; k < se[i].tok_first + se[i].tok_count; k++)
      initials += (tk[k].shape & AN_SHAPE_SENT_INITIAL) != 0;
    CHECK(initials <= 1);
  }
}

/* The sentences of s joined with " | ". */
static char *sentences_of(const char *in) {
  an_text *t = mk(in);
  an_buf b;
  an_buf_init(&b);
  an_buf_puts(&b, "");
  if (!t) return an_buf_steal(&b, NULL);
  check_consistent(t);
  size_t ns;
  const an_sentence *se = an_text_sentences(t, &ns);
  const char *s = an_text_str(t, NULL);
  for (size_t i = 0; i < ns; i++) {
    if (i) an_buf_puts(&b, " | ");
    an_buf_append(&b, s + se[i].start, se[i].end - se[i].start);
  }
  an_text_free(t);
  return an_buf_steal(&b, NULL);
}

#define CHECK_SENTS(in, want)        \
  do {                               \
    char *got_ = sentences_of(in);   \
    CHECK_STR(got_, want);           \
    an_free(got_);                   \
  } while (0)

static void test_sentences(void) {
  /* Titles, months and decimals do not end sentences. */
  CHECK_SENTS("Mr. Okafor met Dr. Lindqvist in the U.S. capital on Jan. 5. They spoke for 3.5 hours.",
              "Mr. Okafor met Dr. Lindqvist in the U.S. capital on Jan. 5. | They spoke for 3.5 hours.");
  CHECK_SENTS("Lt. Gen. Marcus Hale arrived late. He left at noon.",
              "Lt. Gen. Marcus Hale arrived late. | He left at noon.");
  CHECK_SENTS("Mrs. Dube and Gen. Tarek Nour spoke at St. Mary's hall. No. 10 had no comment.",
              "Mrs. Dube and Gen. Tarek Nour spoke at St. Mary's hall. | No. 10 had no comment.");
  /* Initials. */
  CHECK_SENTS("The report by J. R. Ellison was leaked. It caused a stir.",
              "The report by J. R. Ellison was leaked. | It caused a stir.");
  /* An abbreviation that may end a sentence does so before a starter word. */
  CHECK_SENTS("The firm, Norrland Mining Inc., was sold. It moved to the U.S. The staff stayed behind.",
              "The firm, Norrland Mining Inc., was sold. | It moved to the U.S. | The staff stayed behind.");
  CHECK_SENTS("U.S. officials met U.K. envoys at 10 a.m. on Friday.",
              "U.S. officials met U.K. envoys at 10 a.m. on Friday.");
  /* Ellipses. */
  CHECK_SENTS("He waited... The door stayed shut.", "He waited... | The door stayed shut.");
  CHECK_SENTS("Talks ran late in the U.S. Then both sides left.", "Talks ran late in the U.S. | Then both sides left.");
  CHECK_SENTS("The plan ... was dropped in March.", "The plan ... was dropped in March.");
  CHECK_SENTS("She paused\xE2\x80\xA6 and then went on.", "She paused... and then went on.");
  /* Quotes. */
  CHECK_SENTS("\"We have secured a clear victory,\" the commander said. Officials agreed.",
              "\"We have secured a clear victory,\" the commander said. | Officials agreed.");
  CHECK_SENTS("She said: \"The deal is done.\" Then she left the room.",
              "She said: \"The deal is done.\" | Then she left the room.");
  CHECK_SENTS("\"Is it over?\" she asked. Nobody answered.", "\"Is it over?\" she asked. | Nobody answered.");
  CHECK_SENTS("\xE2\x80\x9CWe will not yield!\xE2\x80\x9D he shouted.", "\"We will not yield!\" he shouted.");
  CHECK_SENTS("The envoy left. \"Nothing was agreed,\" an aide said.",
              "The envoy left. | \"Nothing was agreed,\" an aide said.");
  /* Other stops, numbers, web names. */
  CHECK_SENTS("Who called whom? Nobody knows! The logs were at example.com today.",
              "Who called whom? | Nobody knows! | The logs were at example.com today.");
  CHECK_SENTS("Turnout rose in 2024. 1,200 more people voted.", "Turnout rose in 2024. | 1,200 more people voted.");
  CHECK_SENTS("The vote was close. (The recount is pending.) Results come Monday.",
              "The vote was close. | (The recount is pending.) | Results come Monday.");
  /* A lower-case word after a stop does not start a sentence. */
  CHECK_SENTS("The fee rose to approx. twelve dollars.", "The fee rose to approx. twelve dollars.");
  /* Line breaks: a wrapped line continues, a line without a stop ends. */
  CHECK_SENTS("The minister said on Monday that\nthe talks would resume soon.",
              "The minister said on Monday that\nthe talks would resume soon.");
  CHECK_SENTS("Ministers met in Oslo,\nPrime Minister Dahl said.", "Ministers met in Oslo,\nPrime Minister Dahl said.");
  CHECK_SENTS("Border talks stall\nThe two delegations left early.",
              "Border talks stall | The two delegations left early.");
  CHECK_SENTS("Talks were led by Mr.\nAdebayo on Friday.", "Talks were led by Mr.\nAdebayo on Friday.");
  CHECK_SENTS("The envoy held talks with\nPresident Okonjo on Friday.",
              "The envoy held talks with\nPresident Okonjo on Friday.");
  CHECK_SENTS("Voters reject the plan\nThe count ended late.", "Voters reject the plan | The count ended late.");
  /* Empty and whitespace-only documents. */
  CHECK_SENTS("", "");
  CHECK_SENTS(" \n\n \t\n", "");
  CHECK_SENTS("Hello", "Hello");
}

static void test_document(void) {
  const char *doc =
      "Rivals agree to resume border talks\n"
      "By Jane Roe and Tom Ng, Staff Reporters\n"
      "\n"
      "GENEVA (Wire) \xE2\x80\x94 Delegates from both countries met on Tuesday. They agreed to meet again.\n"
      "\n"
      "Key facts\n"
      "\xE2\x80\xA2 The ministers met twice.\n"
      "- They signed a pact\n"
      "2. The pact takes effect in May.\n"
      "\n"
      "(Reuters) - A spokesman declined to comment.\n"
      "LONDON: Officials in Britain welcomed the talks.\n"
      "\n"
      "Source \xC2\xBB Example News\n"
      "Photo: Archive | Wire Services\n"
      "By: Ann Lee, Correspondent\n"
      "\n"
      "Aides said the talks went well. \"\n";
  an_text *t = mk(doc);
  if (!t) return;
  check_consistent(t);
  size_t ns, nt;
  const an_sentence *se = an_text_sentences(t, &ns);
  const an_token *tk = an_text_tokens(t, &nt);
  const char *s = an_text_str(t, NULL);
  static const struct {
    const char *text;
    uint32_t flags, paragraph;
  } want[] = {
      {"Rivals agree to resume border talks", AN_SENT_HEADLINE, 0},
      {"By Jane Roe and Tom Ng, Staff Reporters", AN_SENT_HEADLINE | AN_SENT_CREDIT, 0},
      {"GENEVA (Wire) -", AN_SENT_CREDIT, 1},
      {"Delegates from both countries met on Tuesday.", 0, 1},
      {"They agreed to meet again.", 0, 1},
      {"Key facts", AN_SENT_HEADLINE, 2},
      {"The ministers met twice.", AN_SENT_BULLET, 2},
      {"They signed a pact", AN_SENT_BULLET | AN_SENT_HEADLINE, 2},
      {"The pact takes effect in May.", AN_SENT_BULLET, 2},
      {"(Reuters) -", AN_SENT_CREDIT, 3},
      {"A spokesman declined to comment.", 0, 3},
      {"LONDON:", AN_SENT_CREDIT, 3},
      {"Officials in Britain welcomed the talks.", 0, 3},
      {"Source \" Example News", AN_SENT_CREDIT | AN_SENT_HEADLINE, 4},
      {"Photo: Archive | Wire Services", AN_SENT_CREDIT | AN_SENT_HEADLINE, 4},
      {"By: Ann Lee, Correspondent", AN_SENT_CREDIT | AN_SENT_HEADLINE, 4},
      {"Aides said the talks went well. \"", 0, 5}, /* a stray quote does not make a headline */
  };
  size_t nw = sizeof want / sizeof want[0];
  CHECK_INT(ns, nw);
  for (size_t i = 0; i < ns && i < nw; i++) {
    size_t l = se[i].end - se[i].start;
    int same = l == strlen(want[i].text) && memcmp(s + se[i].start, want[i].text, l) == 0;
    CHECK(same);
    if (!same) fprintf(stderr, "  sentence %zu: \"%.*s\"\n", i, (int)l, s + se[i].start);
    CHECK_INT(se[i].flags, want[i].flags);
    CHECK_INT(se[i].paragraph, want[i].paragraph);
  }
  /* Headline tokens carry the bit; body tokens do not. */
  for (size_t i = 0; i < ns && i < nw; i++) {
    for (uint32_t k = se[i].tok_first; k < se[i].tok_first + se[i].tok_count; k++)
      CHECK(!!(tk[k].shape & AN_SHAPE_HEADLINE) == !!(se[i].flags & AN_SENT_HEADLINE));
  }
  /* The first word of each sentence is marked. */
  CHECK(tk[se[0].tok_first].shape & AN_SHAPE_SENT_INITIAL);
  CHECK(tk[se[3].tok_first].shape & AN_SHAPE_SENT_INITIAL);
  CHECK(!(tk[se[3].tok_first + 1].shape & AN_SHAPE_SENT_INITIAL));
  an_text_free(t);

  /* Paragraphs: without blank lines every line is one. */
  t = mk("First line here.\nSecond line here.\nThird line, which\ncontinues here.");
  if (t) {
    se = an_text_sentences(t, &ns);
    CHECK_INT(ns, 3);
    if (ns == 3) {
      CHECK_INT(se[0].paragraph, 0);
      CHECK_INT(se[1].paragraph, 1);
      CHECK_INT(se[2].paragraph, 2);
    }
    an_text_free(t);
  }
  t = mk("One. Two.\n\n\n\nThree.\nFour.\n\nFive.");
  if (t) {
    se = an_text_sentences(t, &ns);
    CHECK_INT(ns, 5);
    if (ns == 5) {
      CHECK_INT(se[0].paragraph, 0);
      CHECK_INT(se[1].paragraph, 0);
      CHECK_INT(se[2].paragraph, 1);
      CHECK_INT(se[3].paragraph, 1);
      CHECK_INT(se[4].paragraph, 2);
    }
    an_text_free(t);
  }
}

/* Tokens of s as "text/shape-letters" joined by spaces. Shape letters:
 * U upper-initial, A all-upper, l all-lower, d digit, a alpha, p punct,
 * S sent-initial, h hyphen, b abbrev, s possessive, H headline, q quote. */
static char *tokens_of(const char *in) {
  an_text *t = mk(in);
  an_buf b;
  an_buf_init(&b);
  an_buf_puts(&b, "");
  if (!t) return an_buf_steal(&b, NULL);
  check_consistent(t);
  size_t nt;
  const an_token *tk = an_text_tokens(t, &nt);
  const char *s = an_text_str(t, NULL);
  static const char letters[] = "UAldapShbsHq";
  for (size_t i = 0; i < nt; i++) {
    if (i) an_buf_putc(&b, ' ');
    an_buf_append(&b, s + tk[i].start, tk[i].len);
    an_buf_putc(&b, '/');
    for (int k = 0; k < 12; k++)
      if (tk[i].shape & (1u << k)) an_buf_putc(&b, letters[k]);
  }
  an_text_free(t);
  return an_buf_steal(&b, NULL);
}

#define CHECK_TOKS(in, want)        \
  do {                              \
    char *got_ = tokens_of(in);     \
    CHECK_STR(got_, want);          \
    an_free(got_);                  \
  } while (0)

/* The flags of each sentence of `in`, as a string of H/B/C/- letters. */
static char *flags_of(const char *in) {
  an_text *t = mk(in);
  an_buf b;
  an_buf_init(&b);
  an_buf_puts(&b, "");
  if (!t) return an_buf_steal(&b, NULL);
  size_t ns;
  const an_sentence *se = an_text_sentences(t, &ns);
  for (size_t i = 0; i < ns; i++) {
    if (i) an_buf_putc(&b, ' ');
    if (se[i].flags & AN_SENT_HEADLINE) an_buf_putc(&b, 'H');
    if (se[i].flags & AN_SENT_BULLET) an_buf_putc(&b, 'B');
    if (se[i].flags & AN_SENT_CREDIT) an_buf_putc(&b, 'C');
    if (!se[i].flags) an_buf_putc(&b, '-');
  }
  an_text_free(t);
  return an_buf_steal(&b, NULL);
}

#define CHECK_FLAGS(in, want)       \
  do {                              \
    char *got_ = flags_of(in);      \
    CHECK_STR(got_, want);          \
    an_free(got_);                  \
  } while (0)

static void test_credit_lines(void) {
  CHECK_SENTS("WASHINGTON, March 3 (Wire) - The senator spoke.", "WASHINGTON, March 3 (Wire) - | The senator spoke.");
  CHECK_FLAGS("WASHINGTON, March 3 (Wire) - The senator spoke.", "C -");
  CHECK_SENTS("SAN DIEGO, Calif. -- The port reopened.", "SAN DIEGO, Calif. -- | The port reopened.");
  /* Not datelines: a name before a dash, an acronym in a sentence. */
  CHECK_FLAGS("NATO Secretary General Jane Roe - who arrived late - spoke.", "-");
  CHECK_FLAGS("The UN said so.", "-");
  CHECK_FLAGS("By contrast, the vote passed.", "-");
  CHECK_FLAGS("By Monday the vote had passed.", "-");
  CHECK_FLAGS("Reporting by Ann Lee; editing by Tom Ng", "HC");
  CHECK_FLAGS("(Reporting by Ann Lee.)", "C");
  CHECK_FLAGS("Copyright 2025 Example Media. All rights reserved.", "C C");
  CHECK_FLAGS("\xC2\xA9 2025 Example Media", "HC");
  CHECK_FLAGS("Read more: Ministers meet again", "HC");
  CHECK_FLAGS("Sources said the deal was close.", "-");
  CHECK_FLAGS("(Wire)\nThe port reopened.", "HC -");
}

static void test_tokens(void) {
  CHECK_TOKS("Iran's envoy met al-Nakhala.",
             "Iran/UaS 's/s envoy/la met/la al-Nakhala/ah ./p");
  CHECK_TOKS("Iran\xE2\x80\x99s UN envoy, O'Brien, met IRNA staff.",
             "Iran/UaS 's/s UN/UAa envoy/la ,/p O'Brien/Ua ,/p met/la IRNA/UAa staff/la ./p");
  CHECK_TOKS("Mr. Dahl flew to the U.S. on Sept. 3.",
             "Mr./UaSb Dahl/Ua flew/la to/la the/la U.S./UAab on/la Sept./Uab 3/d ./p");
  CHECK_TOKS("It cost $1,250,000.50 or 3.5% more in 2024.",
             "It/UaS cost/la $/p 1,250,000.50/d or/la 3.5/d %/p more/la in/la 2024/d ./p");
  CHECK_TOKS("\"No,\" said Guterres' spokesman of the 'lies' claim.",
             "\"/pq No/UaS ,/p \"/pq said/la Guterres/Ua '/s spokesman/la of/la the/la '/pq lies/la '/pq claim/la ./p");
  CHECK_TOKS("F-16 jets don't fly (yet).",
             "F-16/UdSh jets/la don't/la fly/la (/p yet/la )/p ./p");
  CHECK_TOKS("The U.N.'s chief", "The/UaSH U.N./UAabH 's/sH chief/laH");
  CHECK_TOKS("Tehran-based J. Smith", "Tehran-based/UaShH J./UabH Smith/UaH");
  CHECK_TOKS("34th \xE2\x82\xAC" "5 B\xC3\xA9zier", "34th/ldSH \xE2\x82\xAC/pH 5/dH B\xC3\xA9zier/UaH");
}

static void test_huge_sentence(void) {
  /* 100 000 tokens in one sentence, one line. */
  an_buf b;
  an_buf_init(&b);
  for (int i = 0; i < 50000; i++) an_buf_puts(&b, i ? ", word" : "Word");
  an_buf_puts(&b, ".");
  an_text *t = NULL;
  CHECK_INT(an_text_new(b.data, b.len, &t, NULL), AN_OK);
  if (t) {
    size_t nt, ns;
    an_text_tokens(t, &nt);
    const an_sentence *se = an_text_sentences(t, &ns);
    CHECK_INT(nt, 100000);
    CHECK_INT(ns, 1);
    if (ns == 1) CHECK_INT(se[0].tok_count, 100000);
    an_text_free(t);
  }
  an_buf_free(&b);
}

/* Every entry of data/text/abbreviations.txt is found with its kind (the
 * filter before the search turns none away), and so is the capitalized
 * form of a lower-case one; a few words that are no entry are not. */
static void test_abbrev_table(void) {
  char *data = NULL;
  size_t dlen = 0;
  an_error err;
  CHECK_INT(an_file_slurp(AN_SOURCE_DIR "/data/text/abbreviations.txt", &data, &dlen, &err), AN_OK);
  static const char *const kinds[] = {"", "title", "any", "starter", "credit", "joiner"};
  size_t n = 0;
  for (char *line = data, *next; line && *line; line = next) {
    next = strchr(line, '\n');
    if (next) *next++ = '\0';
    char *tab = strchr(line, '\t');
    if (line[0] == '#' || !tab) continue;
    *tab = '\0';
    int kind = 0;
    for (int k = 1; k < 6; k++)
      if (!strcmp(tab + 1, kinds[k])) kind = k;
    CHECK(kind != 0);
    size_t len = strlen(line);
    CHECK_INT(an_abbrev_kind(line, len), kind);
    if (line[0] >= 'a' && line[0] <= 'z') {
      char up[64];
      CHECK(len < sizeof up);
      memcpy(up, line, len + 1);
      up[0] = (char)(up[0] - 32);
      int k2 = an_abbrev_kind(up, len);
      CHECK(k2 != AN_ABBR_NONE);
    }
    n++;
  }
  CHECK(n > 100);
  CHECK_INT(an_abbrev_kind("said.", 5), AN_ABBR_NONE);
  CHECK_INT(an_abbrev_kind("Tuesday.", 8), AN_ABBR_NONE);
  CHECK_INT(an_abbrev_kind("x", 1), AN_ABBR_NONE);
  an_free(data);
}

int main(void) {
  test_abbrev_table();
  test_sentences();
  test_document();
  test_credit_lines();
  test_tokens();
  test_huge_sentence();
  return TEST_DONE();
}
