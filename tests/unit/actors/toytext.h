/* toytext.h: a small ASCII tokenizer for the actors unit tests, so that they
 * test recognition on tokens shaped as src/text makes them (words with shape
 * bits, "'s" split off, punctuation and quotes as tokens, one sentence per
 * ". " or line, lines without final punctuation flagged as headlines),
 * without depending on the text stage. */
#ifndef AN_TEST_TOYTEXT_H
#define AN_TEST_TOYTEXT_H

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "actornet/text.h"

typedef struct toytext {
  const char *str;
  size_t len;
  an_token tok[8192];
  size_t ntok;
  an_sentence sent[512];
  size_t nsent;
} toytext;

static int toy_word_char(char c) { return isalnum((unsigned char)c) || c == '-' || c == '\''; }

static void toy_shape(toytext *t, an_token *k) {
  const char *p = t->str + k->start;
  size_t n = k->len, letters = 0, up = 0, low = 0;
  k->shape = 0;
  for (size_t i = 0; i < n; i++) {
    if (isupper((unsigned char)p[i])) up++, letters++;
    else if (islower((unsigned char)p[i])) low++, letters++;
    else if (isdigit((unsigned char)p[i])) k->shape |= AN_SHAPE_HAS_DIGIT;
    else if (p[i] == '-') k->shape |= AN_SHAPE_HYPHENATED;
  }
  if (!letters && !(k->shape & AN_SHAPE_HAS_DIGIT)) {
    k->shape |= AN_SHAPE_PUNCT;
    if (p[0] == '"') k->shape |= AN_SHAPE_QUOTE;
    return;
  }
  if (n == 2 && p[0] == '\'' && p[1] == 's') {
    k->shape |= AN_SHAPE_POSSESSIVE;
    return;
  }
  if (isupper((unsigned char)p[0])) k->shape |= AN_SHAPE_UPPER_INITIAL;
  if (up >= 2 && !low) k->shape |= AN_SHAPE_ALL_UPPER;
  if (!up && low) k->shape |= AN_SHAPE_ALL_LOWER;
  if (!(k->shape & AN_SHAPE_HAS_DIGIT)) k->shape |= AN_SHAPE_ALPHA;
  if (p[n - 1] == '.') k->shape |= AN_SHAPE_ABBREV;
}

static const char *const toy_abbrevs[] = {"H.E.", "Mr.", "Mrs.", "Dr.", "Gen.", "U.S.", "U.N.", "St.", "Lt.", NULL};

static void toy_init(toytext *t, const char *s) {
  memset(t, 0, sizeof *t);
  t->str = s;
  t->len = strlen(s);
  size_t i = 0;
  uint32_t para = 0;
  size_t sent_first = 0;
  int newline_seen = 0;
#define TOY_END_SENT(endpos, headline)                                           \
  do {                                                                           \
    if (t->ntok > sent_first) {                                                  \
      an_sentence *se = &t->sent[t->nsent++];                                    \
      se->start = t->tok[sent_first].start;                                      \
      se->end = (uint32_t)(endpos);                                              \
      se->tok_first = (uint32_t)sent_first;                                      \
      se->tok_count = (uint32_t)(t->ntok - sent_first);                          \
      se->paragraph = para;                                                      \
      se->flags = (headline) ? AN_SENT_HEADLINE : 0;                             \
      t->tok[sent_first].shape |= 0;                                             \
      for (size_t q = sent_first; q < t->ntok; q++)                              \
        if (!(t->tok[q].shape & AN_SHAPE_PUNCT)) {                               \
          t->tok[q].shape |= AN_SHAPE_SENT_INITIAL;                              \
          break;                                                                 \
        }                                                                        \
      if (headline)                                                              \
        for (size_t q = sent_first; q < t->ntok; q++) t->tok[q].shape |= AN_SHAPE_HEADLINE; \
      sent_first = t->ntok;                                                      \
    }                                                                            \
  } while (0)
  while (i < t->len) {
    char c = s[i];
    if (c == '\n') {
      /* a line break ends a sentence; one without final punctuation is a headline */
      int blank = i + 1 < t->len && s[i + 1] == '\n';
      TOY_END_SENT(i, 1);
      if (blank) para++;
      newline_seen = 1;
      i++;
      continue;
    }
    if (isspace((unsigned char)c)) {
      i++;
      continue;
    }
    an_token *k = &t->tok[t->ntok];
    k->start = (uint32_t)i;
    int abbr = 0;
    for (int a = 0; toy_abbrevs[a]; a++) {
      size_t al = strlen(toy_abbrevs[a]);
      if (strncmp(s + i, toy_abbrevs[a], al) == 0) {
        k->len = (uint32_t)al;
        abbr = 1;
        break;
      }
    }
    if (!abbr) {
      if (c == '\'' && i + 1 < t->len && s[i + 1] == 's' && (i + 2 >= t->len || !isalnum((unsigned char)s[i + 2]))) {
        k->len = 2;
      } else if (toy_word_char(c) && c != '\'' && c != '-') {
        size_t j = i;
        while (j < t->len && toy_word_char(s[j])) {
          if (s[j] == '\'' && j + 1 < t->len && s[j + 1] == 's' &&
              (j + 2 >= t->len || !isalnum((unsigned char)s[j + 2])))
            break;
          j++;
        }
        while (j > i + 1 && (s[j - 1] == '-' || s[j - 1] == '\'')) j--;
        k->len = (uint32_t)(j - i);
      } else {
        k->len = 1;
      }
    }
    toy_shape(t, k);
    t->ntok++;
    i += k->len;
    if (k->len == 1 && (c == '.' || c == '!' || c == '?')) {
      /* a closing quote after the period belongs to the sentence */
      size_t j = i;
      while (j < t->len && s[j] == ' ') j++;
      if (j < t->len && s[j] == '"' && (j + 1 >= t->len || s[j + 1] == ' ' || s[j + 1] == '\n')) {
        an_token *q = &t->tok[t->ntok];
        q->start = (uint32_t)j;
        q->len = 1;
        toy_shape(t, q);
        t->ntok++;
        i = j + 1;
      }
      TOY_END_SENT(i, 0);
    }
  }
  TOY_END_SENT(t->len, 1);
  (void)newline_seen;
#undef TOY_END_SENT
}

#endif
