/* test_normalize.c: an_text_new's normalization: look-alike fold, NFKC,
 * punctuation policy, UTF-8 repair, and the offset map back to the original.
 * All sentences here are written for these tests. */
#include <stdlib.h>
#include <string.h>

#include "actornet/text.h"
#include "core/core.h"
#include "harness.h"
#include "text/text_internal.h"

static an_text *mk(const char *s, size_t len) {
  an_text *t = NULL;
  an_error err;
  an_status st = an_text_new(s, len, &t, &err);
  CHECK_INT(st, AN_OK);
  return t;
}

/* Normalizes s and returns a heap copy of the result (caller frees). */
static char *norm_of(const char *s, size_t len) {
  an_text *t = mk(s, len);
  if (!t) return an_strdup("(error)");
  size_t n;
  const char *str = an_text_str(t, &n);
  char *copy = an_strndup(str, n);
  an_text_free(t);
  return copy;
}

#define CHECK_NORM(in, want)                      \
  do {                                            \
    char *got_ = norm_of(in, sizeof(in) - 1);     \
    CHECK_STR(got_, want);                        \
    an_free(got_);                                \
  } while (0)

/* Replaces every occurrence of ASCII letter `from` in s by the UTF-8 `to`. */
static char *replace_letter(const char *s, char from, const char *to) {
  an_buf b;
  an_buf_init(&b);
  for (const char *p = s; *p; p++) {
    if (*p == from)
      an_buf_puts(&b, to);
    else
      an_buf_putc(&b, *p);
  }
  return an_buf_steal(&b, NULL);
}

static const char *article =
    "Envoys meet in Geneva\n"
    "By Staff Reporter\n"
    "\n"
    "The foreign ministers of the two neighbours held three hours of talks on Tuesday, "
    "their first meeting since the border dispute flared. \"We have agreed to keep "
    "talking,\" the elder of the two envoys told reporters. A joint statement said both "
    "sides were ready to reopen the crossing before December.\n"
    "\n"
    "Observers expect a second round of exchanges next week.\n";

static void test_cyrillic_article(void) {
  /* An article spelled with Cyrillic "е" (U+0435) for every "e" must read
   * exactly like the plain one. */
  char *cyr = replace_letter(article, 'e', "\xD0\xB5");
  CHECK(strlen(cyr) > strlen(article));
  an_text *plain = mk(article, strlen(article));
  an_text *fake = mk(cyr, strlen(cyr));
  if (plain && fake) {
    size_t a, b;
    const char *sa = an_text_str(plain, &a), *sb = an_text_str(fake, &b);
    CHECK_INT(b, a);
    CHECK(a == b && memcmp(sa, sb, a) == 0);
    size_t ta, tb, na, nb;
    const an_token *ka = an_text_tokens(plain, &ta), *kb = an_text_tokens(fake, &tb);
    const an_sentence *xa = an_text_sentences(plain, &na), *xb = an_text_sentences(fake, &nb);
    CHECK_INT(tb, ta);
    CHECK_INT(nb, na);
    for (size_t i = 0; i < ta && i < tb; i++) {
      CHECK_INT(kb[i].start, ka[i].start);
      CHECK_INT(kb[i].shape, ka[i].shape);
    }
    for (size_t i = 0; i < na && i < nb; i++) CHECK_INT(xb[i].flags, xa[i].flags);
    /* Every token maps back to the Cyrillic bytes it came from. */
    for (size_t i = 0; i < tb; i++) {
      size_t o0 = an_text_orig_offset(fake, kb[i].start);
      size_t o1 = an_text_orig_offset(fake, kb[i].start + kb[i].len);
      CHECK(o0 < o1 && o1 <= strlen(cyr));
    }
    /* The map holds breakpoints only around the folded letters. */
    size_t ne = 0;
    for (const char *p = article; *p; p++) ne += *p == 'e';
    CHECK(an_text_map_size(fake) <= 2 * ne + 1);
    CHECK_INT(an_text_map_size(plain), 1);
  }
  an_text_free(plain);
  an_text_free(fake);
  an_free(cyr);

  /* More look-alikes at once (Cyrillic а, о, с, р and Greek ο): words made
   * only of look-alikes ("а", "сор") fold too, as the document is Latin. */
  char *t1 = replace_letter(article, 'a', "\xD0\xB0");
  char *t2 = replace_letter(t1, 'o', "\xCE\xBF");
  char *t3 = replace_letter(t2, 'c', "\xD1\x81");
  char *t4 = replace_letter(t3, 'p', "\xD1\x80");
  char *n4 = norm_of(t4, strlen(t4));
  CHECK_STR(n4, article);
  an_free(t1), an_free(t2), an_free(t3), an_free(t4), an_free(n4);
}

static void test_confusable_scope(void) {
  CHECK_INT(an_confusable_fold(0x0435), 'e'); /* Cyrillic е */
  CHECK_INT(an_confusable_fold(0x0410), 'A'); /* Cyrillic А */
  CHECK_INT(an_confusable_fold(0x03BF), 'o'); /* Greek ο */
  CHECK_INT(an_confusable_fold(0x0416), 0x0416); /* Ж has no Latin twin */
  CHECK_INT(an_confusable_fold('e'), 'e');
  CHECK_INT(an_confusable_fold(0x00E9), 0x00E9);
  /* Mixed word: folded. */
  CHECK_NORM("T\xD0\xB5hran", "Tehran");
  /* Real Cyrillic words stay, even inside a Latin document. */
  CHECK_NORM("The capital is \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 today.",
             "The capital is \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 today.");
  /* A Russian document: the all-look-alike word "оса" (wasp) is not folded. */
  CHECK_NORM("\xD0\x92\xD0\xB8\xD0\xB6\xD1\x83 \xD0\xBE\xD1\x81\xD0\xB0 \xD0\xB8 \xD0\xB6\xD1\x83\xD0\xBA",
             "\xD0\x92\xD0\xB8\xD0\xB6\xD1\x83 \xD0\xBE\xD1\x81\xD0\xB0 \xD0\xB8 \xD0\xB6\xD1\x83\xD0\xBA");
  /* Greek text stays Greek. */
  CHECK_NORM("\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1", "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1");
  /* A look-alike with a combining accent composes after folding: е + ◌́ -> é */
  CHECK_NORM("caf\xD0\xB5\xCC\x81", "caf\xC3\xA9");
}

static void test_punctuation_policy(void) {
  CHECK_NORM("\xE2\x80\x98one\xE2\x80\x99 \xE2\x80\x9Ctwo\xE2\x80\x9D \xE2\x80\x9Ethree\xE2\x80\x9C "
             "\xC2\xAB" "four\xC2\xBB \xE2\x80\x9A" "five\xE2\x80\x9B",
             "'one' \"two\" \"three\" \"four\" 'five'");
  CHECK_NORM("2020\xE2\x80\x93" "2021, war \xE2\x80\x94 peace, \xE2\x88\x92" "5, a\xE2\x80\x92" "b, c\xE2\x80\x95" "d",
             "2020-2021, war - peace, -5, a-b, c-d");
  CHECK_NORM("a\xC2\xA0" "b\xE2\x80\x89" "c\xE2\x80\xAF" "d\xE3\x80\x80" "e", "a b c d e");
  CHECK_NORM("\xEF\xBB\xBFIs\xC2\xADra\xE2\x80\x8B" "el\xE2\x80\x8D", "Israel");
  CHECK_NORM("one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour");
  CHECK_NORM("a\tb\x01" "c\x7F" "d", "a b c d");
  CHECK_NORM("a\xC2\x85" "b\xE2\x80\xA8" "c", "a\nb\nc");
  /* NUL bytes become spaces. */
  {
    static const char in[] = {'a', '\0', 'b', '\0'};
    char *got = norm_of(in, sizeof in);
    CHECK_STR(got, "a b ");
    an_free(got);
  }
  /* NFKC */
  CHECK_NORM("\xEF\xAC\x81nal", "final");                       /* ligature */
  CHECK_NORM("Ne\xCC\x81gre", "N\xC3\xA9gre");                  /* e + combining acute */
  CHECK_NORM("\xEF\xBC\xA8\xEF\xBD\x81\xEF\xBD\x8D\xEF\xBD\x81\xEF\xBD\x93", "Hamas"); /* fullwidth */
  CHECK_NORM("wait\xE2\x80\xA6", "wait...");
  CHECK_NORM("x\xC2\xB2", "x2");
  CHECK_NORM("\xEA\xB0\x80", "\xEA\xB0\x80"); /* Hangul syllable unchanged */
  CHECK_NORM("", "");
}

static void test_repairs(void) {
  static const char in[] = "ok \xFF\xFE end \xE2\x82 x \xED\xA0\x80 \xC0\xAF!";
  an_text *t = mk(in, sizeof in - 1);
  if (!t) return;
  CHECK_STR(an_text_str(t, NULL),
            "ok \xEF\xBF\xBD end \xEF\xBF\xBD x \xEF\xBF\xBD \xEF\xBF\xBD!");
  size_t n;
  const an_repair *r = an_text_repairs(t, &n);
  CHECK_INT(n, 4);
  if (n == 4) {
    CHECK_INT(r[0].orig_offset, 3);  CHECK_INT(r[0].len, 2); /* a run of bad bytes is one repair */
    CHECK_INT(r[1].orig_offset, 10); CHECK_INT(r[1].len, 2); /* truncated 3-byte sequence */
    CHECK_INT(r[2].orig_offset, 15); CHECK_INT(r[2].len, 3); /* encoded surrogate */
    CHECK_INT(r[3].orig_offset, 19); CHECK_INT(r[3].len, 2); /* overlong '/' */
  }
  /* The replacement character maps to the bad bytes, the text after them
   * to its own bytes. */
  CHECK_INT(an_text_orig_offset(t, 3), 3);
  CHECK_INT(an_text_orig_offset(t, 6), 5);   /* ' ' after the first U+FFFD */
  CHECK_INT(an_text_orig_offset(t, 7), 6);   /* "end" */
  size_t len;
  an_text_str(t, &len);
  CHECK_INT(an_text_orig_offset(t, len - 1), sizeof in - 2); /* '!' */
  CHECK_INT(an_text_orig_offset(t, len), sizeof in - 1);
  an_text_free(t);

  /* Only garbage: no crash, all repaired. */
  char junk[300];
  for (int i = 0; i < 300; i++) junk[i] = (char)(0x80 + (i * 37) % 128);
  t = mk(junk, sizeof junk);
  if (t) {
    an_text_repairs(t, &n);
    CHECK(n >= 1);
    an_text_free(t);
  }
  /* A truncated sequence at the very end. */
  t = mk("abc\xE2\x82", 5);
  if (t) {
    r = an_text_repairs(t, &n);
    CHECK_INT(n, 1);
    if (n) CHECK_INT(r[0].orig_offset, 3);
    an_text_free(t);
  }
}

/* For every token, the original bytes it maps to normalize back to it. */
static void check_roundtrip(const char *in, size_t inlen) {
  an_text *t = mk(in, inlen);
  if (!t) return;
  size_t nt;
  const an_token *tk = an_text_tokens(t, &nt);
  const char *s = an_text_str(t, NULL);
  CHECK(nt > 0);
  for (size_t i = 0; i < nt; i++) {
    size_t o0 = an_text_orig_offset(t, tk[i].start);
    size_t o1 = an_text_orig_offset(t, tk[i].start + tk[i].len);
    CHECK(o0 < o1 && o1 <= inlen);
    if (!(o0 < o1 && o1 <= inlen)) continue;
    an_text *u = mk(in + o0, o1 - o0);
    if (!u) continue;
    size_t ul;
    const char *us = an_text_str(u, &ul);
    int same = ul == tk[i].len && memcmp(us, s + tk[i].start, ul) == 0;
    CHECK(same);
    if (!same) fprintf(stderr, "  token %zu \"%.*s\" maps to \"%.*s\"\n", i, (int)tk[i].len, s + tk[i].start,
                       (int)(o1 - o0), in + o0);
    an_text_free(u);
  }
  an_text_free(t);
}

static void test_offsets(void) {
  static const char in[] =
      "\xE2\x80\x9CTalks\xE2\x80\x9D resumed \xE2\x80\x94 Iran\xE2\x80\x99s envoy met\xC2\xA0" "al-Nakhala "
      "in T\xD0\xB5hran\xE2\x80\x8B. Caf\xD0\xB5\xCC\x81 \xFF\xFE owner\r\nsaid \xEF\xAC\x81ne, "
      "\xE2\x80\x98really\xE2\x80\x99 \xC2\xAB" "fine\xC2\xBB.";
  check_roundtrip(in, sizeof in - 1);
  an_text *t = mk(in, sizeof in - 1);
  if (!t) return;
  const char *s = an_text_str(t, NULL);
  CHECK_STR(s, "\"Talks\" resumed - Iran's envoy met al-Nakhala in Tehran. Caf\xC3\xA9 \xEF\xBF\xBD owner\n"
               "said fine, 'really' \"fine\".");
  /* "Talks" starts at normalized 1, original 3 (after a 3-byte quote). */
  CHECK_INT(an_text_orig_offset(t, 0), 0);
  CHECK_INT(an_text_orig_offset(t, 1), 3);
  /* The dash: normalized 16, original 20..23. */
  CHECK(s[16] == '-');
  CHECK_INT(an_text_orig_offset(t, 16), 20);
  CHECK_INT(an_text_orig_offset(t, 17), 23);
  /* "'s": the apostrophe stands for 3 original bytes. */
  const char *ap = strstr(s, "'s");
  CHECK(ap != NULL);
  if (ap) {
    size_t k = (size_t)(ap - s);
    CHECK_INT(an_text_orig_offset(t, k + 1) - an_text_orig_offset(t, k), 3);
  }
  an_text_free(t);

  /* Simple shifts, byte by byte. */
  t = mk("a\xC2\xA0" "b\r\nc", 7);
  if (t) {
    CHECK_STR(an_text_str(t, NULL), "a b\nc");
    CHECK_INT(an_text_orig_offset(t, 0), 0);
    CHECK_INT(an_text_orig_offset(t, 1), 1);
    CHECK_INT(an_text_orig_offset(t, 2), 3);
    CHECK_INT(an_text_orig_offset(t, 3), 4); /* CRLF maps to its CR */
    CHECK_INT(an_text_orig_offset(t, 4), 6);
    CHECK_INT(an_text_orig_offset(t, 5), 7);
    CHECK_INT(an_text_orig_offset(t, 99), 7);
    an_text_free(t);
  }
  /* Dropped characters at the start: the first byte maps past them. */
  t = mk("\xEF\xBB\xBFHi", 5);
  if (t) {
    CHECK_STR(an_text_str(t, NULL), "Hi");
    CHECK_INT(an_text_orig_offset(t, 0), 3);
    an_text_free(t);
  }
}

static void test_bad_args(void) {
  an_text *t = (an_text *)1;
  an_error err;
  CHECK_INT(an_text_new(NULL, 3, &t, &err), AN_EINVAL);
  CHECK(t == NULL);
  CHECK_INT(an_text_new(NULL, 0, &t, &err), AN_OK); /* empty document */
  if (t) {
    size_t n = 9;
    CHECK_STR(an_text_str(t, &n), "");
    CHECK_INT(n, 0);
    an_text_tokens(t, &n);
    CHECK_INT(n, 0);
    an_text_sentences(t, &n);
    CHECK_INT(n, 0);
    CHECK_INT(an_text_orig_offset(t, 0), 0);
  }
  an_text_free(t);
  an_text_free(NULL);
  /* Allocation failures: an error, never a crash or a leak. */
  for (long k = 0; k < 12; k++) {
    an_alloc_fail_after(k);
    an_status st = an_text_new(article, strlen(article), &t, &err);
    an_alloc_fail_after(-1);
    CHECK(st == AN_OK || st == AN_ENOMEM);
    if (st == AN_OK) CHECK(t != NULL); else CHECK(t == NULL);
    an_text_free(t);
  }
}

int main(void) {
  test_cyrillic_article();
  test_confusable_scope();
  test_punctuation_policy();
  test_repairs();
  test_offsets();
  test_bad_args();
  return TEST_DONE();
}
