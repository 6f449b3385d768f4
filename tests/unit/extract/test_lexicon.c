/* test_lexicon.c: token patterns (lexicon.h), loading the rule data with
 * errors that name file and line, and date resolution (dates.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/core.h"
#include "extract/dates.h"
#include "extract/lexicon.h"
#include "harness.h"

static int has_alt(const an_pword *w, const char *s) {
  for (size_t i = 0; i < w->n_alts; i++)
    if (strcmp(w->alts[i], s) == 0) return 1;
  return 0;
}

static void test_patterns(void) {
  an_pattern p;
  CHECK(an_pattern_parse("praise:v", 6, &p, NULL) == AN_OK);
  CHECK_INT(p.n_words, 1);
  CHECK(has_alt(&p.words[0], "praise") && has_alt(&p.words[0], "praises") && has_alt(&p.words[0], "praised") &&
        has_alt(&p.words[0], "praising"));
  an_pattern_clear(&p);
  CHECK(an_pattern_parse("try:v|Slam", 6, &p, NULL) == AN_OK);
  CHECK(has_alt(&p.words[0], "tries") && has_alt(&p.words[0], "tried") && has_alt(&p.words[0], "trying") &&
        has_alt(&p.words[0], "slam"));
  an_pattern_clear(&p);

  /* optional words and gaps */
  CHECK(an_pattern_parse("held a? phone call ... with", 3, &p, NULL) == AN_OK);
  const char *w1[] = {"held", "phone", "call", "on", "monday", "with", "x"};
  uint32_t ga = 0, gb = 0;
  CHECK_INT(an_pattern_match(&p, w1, 0, 7, &ga, &gb), 6);
  CHECK_INT(ga, 3);
  CHECK_INT(gb, 5);
  const char *w2[] = {"held", "a", "phone", "call", "with"};
  CHECK_INT(an_pattern_match(&p, w2, 0, 5, &ga, &gb), 0); /* a gap takes at least one token */
  const char *w3[] = {"held", "a", "phone", "call", "a", "b", "c", "d", "with"};
  CHECK_INT(an_pattern_match(&p, w3, 0, 9, &ga, &gb), 0); /* longer than the gap */
  const char *w4[] = {"held", "phone", "call", ".", "with"};
  CHECK_INT(an_pattern_match(&p, w4, 0, 5, &ga, &gb), 0); /* gaps stop at a sentence end */
  an_pattern_clear(&p);

  /* bad patterns */
  CHECK(an_pattern_parse("... with", 6, &p, NULL) == AN_EDATA);
  CHECK(an_pattern_parse("   ", 6, &p, NULL) == AN_EDATA);
  CHECK(an_pattern_parse("a || b", 6, &p, NULL) == AN_EDATA); /* a word with no alternative */
  CHECK(an_pattern_parse("a|b||c d", 6, &p, NULL) == AN_OK);    /* empty alternatives are skipped */
  CHECK_INT(p.words[0].n_alts, 3);
  an_pattern_clear(&p);
}

static void test_load(void) {
  an_lexicon *lex = NULL;
  an_error err;
  CHECK(an_lexicon_load(AN_DATA_SOURCE_DIR, &lex, &err) == AN_OK);
  CHECK(lex && lex->n_trig > 50);
  CHECK(lex && an_lexicon_may_start(lex, "praised"));
  CHECK(lex && !an_lexicon_may_start(lex, "banana"));
  an_lexicon_free(lex);

  /* a broken file: the error names it and its line */
  char dir[] = "/tmp/an-lex-XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  char path[256];
  snprintf(path, sizeof path, "%s/lexicon", dir);
  mkdir(path, 0700);
  const char *names[] = {"triggers.json", "cues.json", "dates.json", "attribution.json"};
  for (int i = 0; i < 4; i++) {
    char src[512], dst[512];
    snprintf(src, sizeof src, "%s/lexicon/%s", AN_DATA_SOURCE_DIR, names[i]);
    snprintf(dst, sizeof dst, "%s/lexicon/%s", dir, names[i]);
    char *data = NULL;
    size_t len = 0;
    CHECK(an_file_slurp(src, &data, &len, NULL) == AN_OK);
    FILE *f = fopen(dst, "wb");
    if (f && data) {
      if (i == 1)
        fputs("{\n \"negation\": [\"not\",\n", f); /* cut short */
      else
        fwrite(data, 1, len, f);
      fclose(f);
    }
    an_free(data);
  }
  an_error_clear(&err);
  CHECK(an_lexicon_load(dir, &lex, &err) == AN_EDATA);
  CHECK(lex == NULL);
  CHECK(strstr(err.path, "cues.json") != NULL);
  CHECK(err.line >= 2);
  /* an unknown type */
  snprintf(path, sizeof path, "%s/lexicon/cues.json", dir);
  FILE *f = fopen(path, "wb");
  if (f) {
    fputs("{}", f);
    fclose(f);
  }
  snprintf(path, sizeof path, "%s/lexicon/triggers.json", dir);
  f = fopen(path, "wb");
  if (f) {
    fputs("{\"triggers\": [{\"type\": \"hug\", \"patterns\": [\"hugged\"]}]}", f);
    fclose(f);
  }
  CHECK(an_lexicon_load(dir, &lex, &err) == AN_EDATA);
  CHECK(strstr(err.path, "triggers.json") != NULL);
  for (int i = 0; i < 4; i++) {
    snprintf(path, sizeof path, "%s/lexicon/%s", dir, names[i]);
    unlink(path);
  }
  snprintf(path, sizeof path, "%s/lexicon", dir);
  rmdir(path);
  rmdir(dir);
}

static void test_dates(void) {
  an_datephrase p;
  an_ymd doc = {2024, 3, 1}; /* a Friday */
  char iso[11];
  memset(&p, 0, sizeof p);
  p.kind = AN_DATE_WEEKDAY;
  p.weekday = 3; /* Thursday */
  CHECK(an_date_resolve(&p, &doc, iso));
  CHECK_STR(iso, "2024-02-29"); /* leap day */
  p.weekday = 4; /* Friday: the document's own day */
  CHECK(an_date_resolve(&p, &doc, iso));
  CHECK_STR(iso, "2024-03-01");
  p.rel = -1; /* "last Friday" */
  CHECK(an_date_resolve(&p, &doc, iso));
  CHECK_STR(iso, "2024-02-23");
  p.rel = 1; /* "next Friday": a plan */
  CHECK(!an_date_resolve(&p, &doc, iso));
  an_ymd nodate = {0, 0, 0};
  p.rel = 0;
  CHECK(!an_date_resolve(&p, &nodate, iso));

  memset(&p, 0, sizeof p);
  p.kind = AN_DATE_ABS;
  p.v.m = 12;
  p.v.d = 30; /* "December 30" in a March document: the year before */
  CHECK(an_date_resolve(&p, &doc, iso));
  CHECK_STR(iso, "2023-12-30");
  p.v.m = 2;
  p.v.d = 30; /* no such day */
  CHECK(!an_date_resolve(&p, &doc, iso));
  p.v.y = 2009;
  p.v.m = 0;
  p.v.d = 0;
  CHECK(an_date_resolve(&p, NULL, iso));
  CHECK_STR(iso, "2009");

  an_lexicon *lex = NULL;
  CHECK(an_lexicon_load(AN_DATA_SOURCE_DIR, &lex, NULL) == AN_OK);
  an_ymd d;
  CHECK(lex && an_ymd_parse_text(lex, "March 1, 2024", &d) && d.y == 2024 && d.m == 3 && d.d == 1);
  CHECK(lex && an_ymd_parse_text(lex, "14 February 2024", &d) && d.m == 2 && d.d == 14);
  CHECK(lex && an_ymd_parse_text(lex, "2019-07-24", &d) && d.d == 24);
  CHECK(lex && !an_ymd_parse_text(lex, "sometime soon", &d));
  an_lexicon_free(lex);
  CHECK(an_ymd_parse_iso("2024-02", &d) && d.m == 2 && d.d == 0);
  CHECK(!an_ymd_parse_iso("2023-02-29", &d));
  CHECK(!an_ymd_parse_iso("next week", &d));
}

/* an_lexicon_lower_id lowercases as tolower in the C locale does and gives
 * the id an_lexicon_word_id gives the lowercase word; every interned word
 * finds its own id, in any case. */
static void test_word_ids(void) {
  an_lexicon *lex = NULL;
  CHECK(an_lexicon_load(AN_DATA_SOURCE_DIR, &lex, NULL) == AN_OK);
  if (!lex) return;
  size_t seen = 0, long_words = 0;
  for (size_t h = 0; h < lex->vocab_cap; h++) {
    const an_vocab_ent *e = &lex->vocab[h];
    if (!e->s) continue;
    seen++;
    if (e->len > 8) long_words++;
    CHECK_INT(an_lexicon_word_id(lex, e->s, e->len), e->id);
    char up[128], low[136];
    if (e->len >= sizeof up) continue;
    for (size_t i = 0; i < e->len; i++) up[i] = (char)(i % 2 ? toupper((unsigned char)e->s[i]) : e->s[i]);
    for (int more = 0; more < 2; more++) { /* the word's end read byte by byte, or as an 8-byte step */
      size_t n = 0;
      CHECK_INT(an_lexicon_lower_id(lex, up, e->len, more ? sizeof up : e->len, low, &n), e->id);
      CHECK_INT(n, e->len);
      CHECK(memcmp(low, e->s, e->len) == 0 && low[n] == 0);
    }
  }
  CHECK_INT(seen, lex->n_ids - 1);
  /* the sentence punctuation has the fixed ids rules.c tests */
  const char *breaks = ".;:\"?!";
  for (uint32_t i = 0; i < AN_WID_NBREAK; i++) CHECK_INT(an_lexicon_word_id(lex, breaks + i, 1), i + 1);
  CHECK_INT(an_lexicon_word_id(lex, "\"", 1), AN_WID_DQUOTE);
  CHECK(long_words > 0);
  /* every byte value, at each place of an 8-byte step and of the tail */
  char src[40], dst[48], want[41];
  for (int c = 1; c < 256; c++) {
    for (size_t i = 0; i < sizeof src; i++) src[i] = (char)((c + (int)i * 7) % 255 + 1); /* no NUL */
    for (size_t i = 0; i < sizeof src; i++) want[i] = (char)tolower((unsigned char)src[i]);
    for (size_t len = 0; len <= sizeof src; len++)
      for (int more = 0; more < 2; more++) {
        size_t n = 99;
        uint32_t id = an_lexicon_lower_id(lex, src, len, more ? sizeof src : len, dst, &n);
        CHECK_INT(n, len);
        CHECK(memcmp(dst, want, len) == 0 && dst[len] == 0);
        CHECK_INT(id, an_lexicon_word_id(lex, dst, len));
      }
  }
  /* a NUL inside the token ends the word */
  size_t n = 0;
  CHECK_INT(an_lexicon_lower_id(lex, "SAID\0xyzABCDEFGH", 16, 17, dst, &n), an_lexicon_word_id(lex, "said", 4));
  CHECK_INT(n, 4);
  CHECK_STR(dst, "said");
  CHECK_INT(an_lexicon_lower_id(lex, "SAID\0xyz", 7, 7, dst, &n), an_lexicon_word_id(lex, "said", 4));
  CHECK_STR(dst, "said");
  CHECK_INT(an_lexicon_lower_id(lex, "SAID\0xyzABCDEFGH", 7, 17, dst, &n), an_lexicon_word_id(lex, "said", 4));
  CHECK_STR(dst, "said");
  /* a NUL just past the word is no part of it */
  CHECK_INT(an_lexicon_lower_id(lex, "SAID\0xyzABCDEFGH", 4, 17, dst, &n), an_lexicon_word_id(lex, "said", 4));
  CHECK_INT(n, 4);
  CHECK(an_lexicon_word_id(lex, "said", 4) != 0);
  CHECK_INT(an_lexicon_lower_id(lex, "Banana", 6, 6, dst, &n), 0);
  CHECK_STR(dst, "banana");
  CHECK_INT(an_lexicon_lower_id(NULL, "ABC", 3, 3, dst, &n), 0); /* no lexicon: lowercase only */
  CHECK_STR(dst, "abc");
  an_lexicon_free(lex);
}

/* an_lexicon_lower_ids gives, token by token, what an_lexicon_lower_id
 * gives, with a memo or without, on words seen before or not (twice over
 * the same text: the second pass finds them in the memo), words of 0 to
 * 20 bytes, mixed case, a NUL inside a token, tokens at the text's end. */
static void test_word_ids_memo(void) {
  an_lexicon *lex = NULL;
  CHECK(an_lexicon_load(AN_DATA_SOURCE_DIR, &lex, NULL) == AN_OK);
  an_lower_memo *memo = an_lower_memo_new();
  CHECK(memo != NULL);
  if (!lex || !memo) return;
  static const char text[] = "Said the SPOKESMAN, said; Foreign-Ministry spokesperson: according TO\0x "
                             "Internationalization of said AccordingTo talks \x80\xff said";
  size_t len = sizeof text - 1;
  an_token tok[64];
  size_t ntok = 0, total = 0;
  for (size_t i = 0; i < len && ntok < 64;) { /* words by spaces; also every length-1 and tail token */
    size_t j = i;
    while (j < len && text[j] != ' ') j++;
    tok[ntok].start = (uint32_t)i, tok[ntok].len = (uint32_t)(j - i), tok[ntok].shape = 0;
    total += j - i + 1, ntok++;
    i = j + 1;
  }
  tok[ntok].start = (uint32_t)len - 4, tok[ntok].len = 4, tok[ntok].shape = 0, total += 5, ntok++;
  tok[ntok].start = (uint32_t)len, tok[ntok].len = 0, tok[ntok].shape = 0, total += 1, ntok++;
  char *w[64], *wbuf = an_malloc(total + 8), want[64];
  uint32_t wid[64];
  for (int pass = 0; pass < 3 && wbuf; pass++) {
    an_lexicon_lower_ids(lex, pass == 2 ? NULL : memo, text, len, tok, ntok, w, wbuf, wid);
    for (size_t i = 0; i < ntok; i++) {
      size_t n = 0;
      uint32_t id = an_lexicon_lower_id(lex, text + tok[i].start, tok[i].len, len - tok[i].start, want, &n);
      CHECK_INT(wid[i], id);
      CHECK_STR(w[i], want);
    }
  }
  an_free(wbuf);
  an_lower_memo_free(memo);
  an_lexicon_free(lex);
}

/* Matching by ids (an_phrases_match_id: the exact first-word bits and the
 * patterns by rank) gives what matching the strings gives: on every
 * pattern's own words, with words around them, at every position. */
static void check_list(const an_lexicon *lex, const an_phrases *l, size_t *tried, size_t *matched) {
  const char *fill[] = {"the", "banana", ",", "said", "of", "."};
  for (size_t k = 0; k < l->n; k++) {
    const an_pattern *p = &l->p[k];
    const char *w[24];
    uint32_t id[24];
    size_t n = 0;
    w[n++] = fill[k % 6];
    for (size_t wi = 0; wi < p->n_words && n < 20; wi++) {
      const an_pword *pw = &p->words[wi];
      if (pw->gap) w[n++] = "banana";
      else if (pw->n_alts && !(pw->optional && k % 2)) w[n++] = pw->alts[(k + wi) % pw->n_alts];
    }
    w[n++] = fill[(k + 3) % 6];
    for (size_t i = 0; i < n; i++) id[i] = an_lexicon_word_id(lex, w[i], strlen(w[i]));
    for (uint32_t i = 0; i < n; i++)
      for (uint32_t lim = i; lim <= n; lim++) {
        uint32_t a = an_phrases_match(l, w, i, lim), b = an_phrases_match_id(l, id, i, lim);
        CHECK_INT(b, a);
        (*tried)++;
        if (a) (*matched)++;
      }
  }
}

static void test_match_ids(void) {
  an_lexicon *lex = NULL;
  CHECK(an_lexicon_load(AN_DATA_SOURCE_DIR, &lex, NULL) == AN_OK);
  if (!lex) return;
  size_t tried = 0, matched = 0;
  const an_phrases *lists[] = {&lex->reporting, &lex->prepositions, &lex->determiners, &lex->attrib_before,
                               &lex->attrib_after, &lex->clause_end, &lex->vague_dates, &lex->negation,
                               &lex->modal, &lex->title_words, &lex->subordinators, &lex->np_words};
  for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) check_list(lex, lists[i], &tried, &matched);
  /* (lists with optional words and gaps: an_pattern's req is checked too) */
  for (size_t t = 0; t < lex->n_dtypes; t++) {
    check_list(lex, &lex->dtype_plurals[t], &tried, &matched);
    check_list(lex, &lex->dtype_heads[t], &tried, &matched);
  }
  for (int k = 0; k < 8; k++) check_list(lex, &lex->rel_day[k], &tried, &matched);
  for (int k = 0; k < 3; k++) {
    check_list(lex, &lex->rel_month[k], &tried, &matched);
    check_list(lex, &lex->rel_year[k], &tried, &matched);
  }
  const an_phrases *more[] = {&lex->pair_phrases, &lex->side_pairs, &lex->group_refs, &lex->statement_nouns,
                              &lex->letter_manner, &lex->phone_manner, &lex->end_markers};
  for (size_t i = 0; i < sizeof more / sizeof *more; i++) check_list(lex, more[i], &tried, &matched);
  for (size_t t = 0; t < lex->n_trig; t++) {
    check_list(lex, &lex->trig[t].alt_cues, &tried, &matched);
    check_list(lex, &lex->trig[t].stop_after, &tried, &matched);
    check_list(lex, &lex->trig[t].target_stop, &tried, &matched);
  }
  CHECK(matched > 100 && tried > matched);
  an_lexicon_free(lex);
}

/* The triggers' filters (lexicon.h: trig_next, the next token's ids after
 * the first word; an_pattern's req, a word a gapped match must hold) turn
 * away no match: on every trigger pattern's own words, with gaps of 1 to
 * gap_max + 1 words and optional words in or out, matching by ids gives
 * what matching the strings gives, and every match passes both. */
static void test_trigger_filters(void) {
  an_lexicon *lex = NULL;
  CHECK(an_lexicon_load(AN_DATA_SOURCE_DIR, &lex, NULL) == AN_OK);
  if (!lex) return;
  const char *fill[] = {"the", "banana", ",", "said", "with", "."};
  size_t matched = 0, tried = 0;
  for (size_t t = 0; t < lex->n_trig; t++) {
    const an_pattern *p = &lex->trig[t].pat;
    for (int var = 0; var < 6; var++) {
      const char *w[48];
      uint32_t id[48];
      size_t n = 0;
      w[n++] = fill[(t + (size_t)var) % 6];
      for (size_t wi = 0; wi < p->n_words && n < 40; wi++) {
        const an_pword *pw = &p->words[wi];
        if (pw->gap) {
          int g = var % 3 == 0 ? 1 : var % 3 == 1 ? p->gap_max : p->gap_max + 1;
          for (int k = 0; k < g && n < 40; k++) w[n++] = fill[(wi + (size_t)k) % 5]; /* no sentence end */
        } else if (pw->n_alts && !(pw->optional && var % 2)) {
          w[n++] = pw->alts[(t + wi + (size_t)var) % pw->n_alts];
        }
      }
      w[n++] = fill[(t + 3) % 6];
      for (size_t i = 0; i < n; i++) id[i] = an_lexicon_word_id(lex, w[i], strlen(w[i]));
      for (uint32_t i = 0; i < n; i++)
        for (uint32_t lim = i; lim <= n; lim++) {
          uint32_t ga = 0, gb = 0, ia = 0, ib = 0;
          uint32_t a = an_pattern_match(p, w, i, lim, &ga, &gb), b = an_pattern_match_id(p, id, i, lim, &ia, &ib);
          CHECK_INT(b, a);
          CHECK_INT(ia, ga);
          CHECK_INT(ib, gb);
          tried++;
          if (!a) continue;
          matched++;
          size_t nc = 0, k = 0;
          const uint64_t *next = NULL;
          const uint32_t *cand = an_lexicon_trigs_next_at(lex, id[i], &nc, &next);
          while (k < nc && cand[k] != t) k++;
          CHECK(k < nc);
          if (k < nc && i + 1 < lim) CHECK((next[k] >> (id[i + 1] & 63)) & 1);
        }
    }
  }
  CHECK(matched > lex->n_trig && tried > matched);
  /* trig_bits: set exactly for the ids some trigger can start with */
  size_t starts = 0;
  for (uint32_t id = 0; id < lex->n_ids; id++) {
    size_t nc = 0;
    an_lexicon_trigs_at(lex, id, &nc);
    CHECK_INT((lex->trig_bits[id >> 6] >> (id & 63)) & 1, nc > 0);
    starts += nc > 0;
  }
  CHECK(starts > 50);
  /* modal_any: set exactly where negation, modal or wide_modal can start */
  const an_phrases *ml[3] = {&lex->negation, &lex->modal, &lex->wide_modal};
  size_t cues = 0;
  for (uint32_t id = 0; id < lex->n_ids; id++) {
    int can = 0;
    for (int k = 0; k < 3; k++) can |= id < ml[k]->n_pre && ((ml[k]->pre[id >> 6] >> (id & 63)) & 1);
    CHECK_INT((lex->modal_any[id >> 6] >> (id & 63)) & 1, can);
    cues += (size_t)can;
  }
  CHECK(cues > 5);
  /* wattrib: bit k exactly when attribution list k can start with the id */
  const an_phrases *al[3] = {&lex->attrib_before, &lex->attrib_media_before, &lex->attrib_after};
  size_t set = 0;
  for (uint32_t id = 0; id < lex->n_ids; id++)
    for (int k = 0; k < 3; k++) {
      int can = al[k]->n_wild || (id < al[k]->n_bits && ((al[k]->bits[id >> 6] >> (id & 63)) & 1));
      CHECK_INT((lex->wattrib[id] >> k) & 1, can);
      set += (size_t)can;
    }
  CHECK(set >= 3);
  an_lexicon_free(lex);
}

int main(void) {
  test_patterns();
  test_match_ids();
  test_trigger_filters();
  test_word_ids();
  test_word_ids_memo();
  test_load();
  test_dates();
  return TEST_DONE();
}
