/* split.c: tokens and sentences over the normalized text (text_internal.h).
 *
 * Tokens: words keep inner hyphens and apostrophes ("al-Nakhala", "O'Brien");
 * the clitic "'s" is its own token; abbreviations keep their period ("U.S.",
 * "Mr.", initials "J."); numbers keep inner decimal points and thousands
 * commas; every other non-space character is a one-character token.
 *
 * Sentences are cut line by line: a blank line always ends one (and a
 * paragraph); a single line break ends one unless the next line reads as a
 * continuation (starts in lower case, or the line ended in a comma or a
 * title such as "Mr."); terminal punctuation ends one when what follows looks
 * like a sentence start. Bullet markers, datelines ("TEHRAN (Agency) -"),
 * bylines and credit lines are recognized per line. The word lists come from
 * data/text/abbreviations.txt (abbrev.inc). Everything is linear: each token
 * is looked at a bounded number of times. */
#include <string.h>
#include <utf8proc.h>

#include "core/scan.h"
#include "text_internal.h"

/* ---- the word table ---- */

typedef struct abbr_entry {
  const char *word;
  int kind;
} abbr_entry;

static const abbr_entry abbrevs[] = {
#include "abbrev.inc"
};

/* strncmp(w, s, len) inline (the search runs for most sentence ends) */
static int abbr_cmp(const char *w, const char *s, size_t len) {
  for (size_t i = 0; i < len; i++) {
    unsigned char a = (unsigned char)w[i], b = (unsigned char)s[i];
    if (a != b) return a < b ? -1 : 1;
    if (!a) return 0;
  }
  return 0;
}

static int abbr_exact(const char *s, size_t len) {
  size_t lo = 0, hi = sizeof abbrevs / sizeof abbrevs[0];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const char *w = abbrevs[mid].word;
    int c = abbr_cmp(w, s, len);
    if (c == 0) c = w[len] == '\0' ? 0 : 1;
    if (c == 0) return abbrevs[mid].kind;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return AN_ABBR_NONE;
}

/* A filter over the table (abbrev_filter.inc, made with it): most words
 * before a period ("said.") are no entry, and most of them are turned
 * away here, before two binary searches. The bit depends on the length,
 * the first byte in lower case, the second byte and (past it) the
 * next-to-last byte, as tools/gen_text_tables.py computes it. */
static const uint64_t abbr_filter[] = {
#include "abbrev_filter.inc"
};

static int abbr_filter_bit(const char *s, size_t len) { /* len >= 1 */
  const unsigned char *b = (const unsigned char *)s;
  uint32_t first = b[0] >= 'A' && b[0] <= 'Z' ? b[0] + 32u : b[0];
  uint32_t h = (uint32_t)len;
  h = h * 0x9E3779B1u + first;
  h = h * 0x9E3779B1u + (len > 1 ? b[1] : 0u);
  h = h * 0x9E3779B1u + (len > 2 ? b[len - 2] : 0u);
  uint32_t bit = (h * 0x9E3779B1u) >> 22;
  return (int)((abbr_filter[bit >> 6] >> (bit & 63)) & 1);
}

static int abbr_kind_exact(const char *s, size_t len) {
  return len == 0 || len > 31 || !abbr_filter_bit(s, len) ? AN_ABBR_NONE : abbr_exact(s, len);
}

int an_abbrev_kind(const char *s, size_t len) {
  if (len == 0 || len > 31 || !abbr_filter_bit(s, len)) return AN_ABBR_NONE;
  int k = abbr_exact(s, len);
  if (k != AN_ABBR_NONE) return k;
  /* A lower-case entry also matches its capitalized form ("Etc." at a sentence start). */
  if (s[0] >= 'A' && s[0] <= 'Z') {
    char tmp[32];
    memcpy(tmp, s, len);
    tmp[0] = (char)(tmp[0] + 32);
    return abbr_exact(tmp, len);
  }
  return AN_ABBR_NONE;
}

/* ---- characters ---- */

enum { C_SPACE, C_NL, C_LETTER, C_MARK, C_DIGIT, C_OTHER, C_END };

/* The normalized text is valid UTF-8; a broken byte would be a bug, but is
 * read as U+FFFD rather than trusted. */
static int32_t cp_at(const char *s, size_t len, size_t i, size_t *n) {
  unsigned char c = (unsigned char)s[i];
  if (c < 0x80) {
    *n = 1;
    return c;
  }
  utf8proc_int32_t cp;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
  if (k <= 0) {
    *n = 1;
    return 0xFFFD;
  }
  *n = (size_t)k;
  return cp;
}

static int cls_cp(int32_t cp) {
  if (cp < 0x80) {
    if (cp == ' ' || cp == '\t') return C_SPACE;
    if (cp == '\n') return C_NL;
    if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') return C_LETTER;
    if (cp >= '0' && cp <= '9') return C_DIGIT;
    return C_OTHER;
  }
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    return C_LETTER;
  case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    return C_MARK;
  case UTF8PROC_CATEGORY_ND:
    return C_DIGIT;
  case UTF8PROC_CATEGORY_ZS:
    return C_SPACE;
  case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    return C_NL;
  default:
    return C_OTHER;
  }
}

static int cls_at(const char *s, size_t len, size_t i) {
  if (i >= len) return C_END;
  size_t n;
  return cls_cp(cp_at(s, len, i, &n));
}

static int is_wordish(int c) { return c == C_LETTER || c == C_MARK || c == C_DIGIT; }

static int is_upper_cp(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  int cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

static int is_lower_cp(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* ---- tokenizer ---- */

#define GAP_LINES 3u
#define GAP_TITLE 4u

typedef struct splitter {
  an_text *t;
  const char *s;
  size_t len;
  uint8_t *gap; /* per token: line breaks before it (0, 1, 2 = blank line; GAP_LINES),
                   GAP_TITLE: an abbreviation that is a title ("Mr.") */
  size_t gapcap;
  size_t cap; /* tokens both arrays have room for */
  int any_blank;
} splitter;

/* Room for one more token in both arrays. */
static an_status grow_tokens(splitter *sp) {
  an_text *t = sp->t;
  if (an_grow((void **)&t->toks, &t->tokcap, t->ntoks + 1, sizeof *t->toks) != AN_OK ||
      an_grow((void **)&sp->gap, &sp->gapcap, t->ntoks + 1, 1) != AN_OK)
    return AN_ENOMEM;
  sp->cap = t->tokcap < sp->gapcap ? t->tokcap : sp->gapcap;
  return AN_OK;
}

static inline an_status push_token(splitter *sp, size_t start, size_t end, uint32_t shape, int gap) {
  an_text *t = sp->t;
  size_t n = t->ntoks;
  if (n >= sp->cap && grow_tokens(sp) != AN_OK) return AN_ENOMEM; /* (one check for both arrays) */
  an_token *tk = &t->toks[n];
  tk->start = (uint32_t)start;
  tk->len = (uint32_t)(end - start);
  tk->shape = shape;
  t->ntoks = n + 1;
  sp->gap[n] = (uint8_t)gap; /* (last: a byte store may alias anything) */
  return AN_OK;
}

/* Case and character-class counts of a word or number token, gathered
 * while it is scanned (not in a second pass over its bytes). */
typedef struct shacc {
  uint32_t letters;
  int first_upper; /* -1 before the first letter */
  unsigned has;    /* SA_* */
} shacc;
enum { SA_UPPER = 1, SA_LOWER = 2, SA_CASELESS = 4, SA_DIGIT = 8, SA_OTHER = 16, SA_HYPHEN = 32 };

static inline void acc_init(shacc *a) {
  a->letters = 0;
  a->first_upper = -1;
  a->has = 0;
}

static inline void acc_letter(shacc *a, int up, int low) {
  a->letters++;
  if (a->first_upper < 0) a->first_upper = up;
  a->has |= up ? SA_UPPER : low ? SA_LOWER : SA_CASELESS;
}

/* A code point of class c (cls_cp) inside the token. */
static void acc_cp(shacc *a, int32_t cp, int c) {
  if (c == C_LETTER) acc_letter(a, is_upper_cp(cp), is_lower_cp(cp));
  else if (c == C_DIGIT) a->has |= SA_DIGIT;
  else if (c != C_MARK) a->has |= SA_OTHER;
}

/* An ASCII byte inside the token: ' and . count for nothing, - is a hyphen. */
static inline void acc_ascii(shacc *a, unsigned char b) {
  if (b >= 'a' && b <= 'z') acc_letter(a, 0, 1);
  else if (b >= 'A' && b <= 'Z') acc_letter(a, 1, 0);
  else if (b >= '0' && b <= '9') a->has |= SA_DIGIT;
  else if (b == '-') a->has |= SA_HYPHEN;
  else if (b != '\'' && b != '.') a->has |= SA_OTHER;
}

/* The bytes s[start, end) of the token. */
static void acc_range(shacc *a, const char *s, size_t start, size_t end) {
  size_t i = start;
  while (i < end) {
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
      acc_ascii(a, b);
      i++;
      continue;
    }
    size_t n;
    int32_t cp = cp_at(s, end, i, &n);
    acc_cp(a, cp, cls_cp(cp));
    i += n;
  }
}

static uint32_t acc_shape(const shacc *a) {
  uint32_t sh = 0;
  unsigned h = a->has;
  if (a->first_upper == 1) sh |= AN_SHAPE_UPPER_INITIAL;
  if (a->letters >= 2 && !(h & (SA_LOWER | SA_CASELESS))) sh |= AN_SHAPE_ALL_UPPER;
  if (a->letters >= 1 && !(h & (SA_UPPER | SA_CASELESS))) sh |= AN_SHAPE_ALL_LOWER;
  if (h & SA_DIGIT) sh |= AN_SHAPE_HAS_DIGIT;
  if (a->letters && !(h & (SA_DIGIT | SA_OTHER))) sh |= AN_SHAPE_ALPHA;
  if (h & SA_HYPHEN) sh |= AN_SHAPE_HYPHENATED;
  return sh;
}

/* The end of the run of ASCII lower case letters from q (q <= len). Most
 * runs are the rest of a short word: one word of 8 bytes, inline, before
 * the general search. */
static inline size_t lower_run(const char *s, size_t len, size_t q) {
#if AN_SCAN_WORDS
  if (len - q >= 8) {
    uint64_t m = an_w_outside(an_load8(s + q), 'a', 'z');
    if (m) return q + ((size_t)__builtin_ctzll(m) >> 3);
    q += 8;
  }
#endif
  return q + an_find_outside(s + q, len - q, 'a', 'z');
}

/* The end of a word or number starting at p; its shape counts go to a. */
static size_t scan_word(const char *s, size_t len, size_t p, shacc *a) {
  int prev = C_END, numeric = 1;
  while (p < len) {
    unsigned char b = (unsigned char)s[p];
    /* ASCII letters and digits: the bulk of every word; a run of lower
     * case letters at once */
    if (b >= 'a' && b <= 'z') {
      size_t q = lower_run(s, len, p + 1);
      a->letters += (uint32_t)(q - p);
      if (a->first_upper < 0) a->first_upper = 0;
      a->has |= SA_LOWER;
      numeric = 0, prev = C_LETTER, p = q;
      continue;
    }
    if (b >= 'A' && b <= 'Z') {
      acc_letter(a, 1, 0);
      numeric = 0, prev = C_LETTER, p++;
      continue;
    }
    if (b >= '0' && b <= '9') {
      a->has |= SA_DIGIT;
      prev = C_DIGIT, p++;
      continue;
    }
    /* other ASCII bytes end the word, but for - ' inside one, and . ,
     * inside a number ("word." and "word," end here) */
    if (b < 0x80) {
      if (b == '.' || b == ',') {
        if (!numeric || prev != C_DIGIT) break;
      } else if (b != '-' && b != '\'') {
        break;
      }
    }
    size_t n;
    int32_t cp = cp_at(s, len, p, &n);
    int c = cls_cp(cp);
    if (is_wordish(c)) {
      acc_cp(a, cp, c);
      if (c == C_LETTER) numeric = 0;
      prev = c, p += n;
      continue;
    }
    int next = cls_at(s, len, p + 1);
    if (cp == '-' && is_wordish(prev) && (next == C_LETTER || next == C_DIGIT)) {
      a->has |= SA_HYPHEN;
      numeric = 0, prev = C_OTHER, p++;
      continue;
    }
    if (cp == '\'' && (prev == C_LETTER || prev == C_MARK) && next == C_LETTER) {
      /* "Iran's": the clitic is its own token; "O'Brien", "don't" stay whole. */
      if ((s[p + 1] == 's' || s[p + 1] == 'S') && !is_wordish(cls_at(s, len, p + 2))) break;
      prev = C_OTHER, p++;
      continue;
    }
    if ((cp == '.' || cp == ',') && numeric && prev == C_DIGIT && next == C_DIGIT) {
      if (cp == ',') a->has |= SA_OTHER;
      prev = C_OTHER, p++; /* 3.5, 1,000,000 */
      continue;
    }
    break;
  }
  return p;
}

/* If the word s[start, p) followed by '.' is an abbreviation, returns the
 * end of the abbreviation (after its last period); else p. *title: it is
 * a title (AN_ABBR_TITLE; what terminal_kind asks, known here). */
static size_t absorb_period(const char *s, size_t len, size_t start, size_t p, int *title) {
  *title = 0;
  if (p >= len || s[p] != '.') return p;
  /* Candidate ends: after the period at p and after each further
   * "letters." segment ("U.S.A.", "Ph.D."). */
  size_t ends[8];
  int nends = 0, single = 1;
  ends[nends++] = p + 1;
  size_t r = p + 1;
  while (nends < 8) {
    size_t m = 0;
    while (r + m < len && m < 4 && (((unsigned char)s[r + m] | 0x20) >= 'a' && ((unsigned char)s[r + m] | 0x20) <= 'z')) m++;
    if (m == 0 || m > 3 || r + m >= len || s[r + m] != '.') break;
    if (m != 1) single = 0;
    r += m + 1;
    ends[nends++] = r;
  }
  /* A candidate must end a word: "U.S.Army" is not "U.S." + "Army". */
  for (int k = nends - 1; k >= 0; k--) {
    if (is_wordish(cls_at(s, len, ends[k]))) continue;
    int kind = an_abbrev_kind(s + start, ends[k] - start);
    if (kind == AN_ABBR_TITLE || kind == AN_ABBR_ANY) {
      *title = kind == AN_ABBR_TITLE;
      return ends[k];
    }
  }
  /* (the ends returned below were tried above: not titles) */
  size_t n;
  int32_t first = cp_at(s, len, start, &n);
  if (start + n == p && cls_cp(first) == C_LETTER) {
    /* Single letters with periods: "U.N.", "a.m." (unlisted), initials "J." */
    if (nends >= 2 && single && !is_wordish(cls_at(s, len, ends[nends - 1]))) return ends[nends - 1];
    if (is_upper_cp(first) && !is_wordish(cls_at(s, len, p + 1))) return p + 1;
  }
  return p;
}

/* The ASCII bytes after which a word may go on: letters, digits and . - '
 * (bit b of word b >> 6). */
#define BIT_(c) (1ull << ((c) & 63))
static const uint64_t WORD_GOES_ON[2] = {
    0x03FF000000000000ull | BIT_('.') | BIT_('-') | BIT_('\''), /* '0'..'9' are bits 48..57 */
    0x07FFFFFE07FFFFFEull,                                    /* 'A'..'Z', 'a'..'z' */
};
#undef BIT_

static an_status tokenize(splitter *sp) {
  const char *s = sp->s;
  size_t len = sp->len, p = 0;
  int nl = 0, squote_open = 0;
  an_text *t = sp->t;
  while (p < len) {
    unsigned char b = (unsigned char)s[p];
    if (b == ' ') { /* (the commonest byte: no class lookup) */
      p++;
      continue;
    }
    size_t n;
    int32_t cp;
    int c;
    if (b < 0x80) {
      n = 1, cp = b;
      c = (b | 0x20) >= 'a' && (b | 0x20) <= 'z' ? C_LETTER : cls_cp(cp);
    } else {
      cp = cp_at(s, len, p, &n);
      c = cls_cp(cp);
    }
    if (c == C_SPACE) {
      p += n;
      continue;
    }
    if (c == C_NL) {
      nl++;
      squote_open = 0;
      p += n;
      continue;
    }
    int gap = 0;
    if (nl) { /* (the first token of a line) */
      gap = nl > 2 ? 2 : nl;
      if (nl >= 2 && t->ntoks > 0) sp->any_blank = 1;
      nl = 0;
    }
    an_status st;
    if (b < 0x80 && c == C_LETTER) {
      /* Most tokens: an ASCII word of lower-case letters after an optional
       * capital, ended by a byte that ends every word and is no period
       * (the shape as acc_shape makes it: no second pass, no abbreviation) */
      size_t q = lower_run(s, len, p + 1);
      unsigned char e = q < len ? (unsigned char)s[q] : 0; /* (0: as a space would) */
      if (e == ' ' || (e < 0x80 && !((WORD_GOES_ON[e >> 6] >> (e & 63)) & 1))) {
        st = push_token(sp, p, q, AN_SHAPE_ALPHA | (b <= 'Z' ? AN_SHAPE_UPPER_INITIAL : AN_SHAPE_ALL_LOWER), gap);
        if (st != AN_OK) return st;
        p = q + (e == ' '); /* (and the space after it) */
        continue;
      }
    }
    if (is_wordish(c)) {
      shacc acc;
      acc_init(&acc);
      size_t e = scan_word(s, len, p, &acc);
      int title;
      size_t e2 = absorb_period(s, len, p, e, &title);
      if (e2 != e) acc_range(&acc, s, e, e2);
      uint32_t sh = acc_shape(&acc);
      if (e2 != e) sh |= AN_SHAPE_ABBREV;
      st = push_token(sp, p, e2, sh, gap | (title ? GAP_TITLE : 0));
      p = e2;
    } else if (cp == '\'') {
      const an_token *prev = t->ntoks ? &t->toks[t->ntoks - 1] : NULL;
      int adjacent = prev && prev->start + prev->len == p;
      int prev_word = adjacent && !(prev->shape & AN_SHAPE_PUNCT);
      char after = p + 1 < len ? s[p + 1] : '\0';
      if (prev_word && (after == 's' || after == 'S') && !is_wordish(cls_at(s, len, p + 2))) {
        st = push_token(sp, p, p + 2, AN_SHAPE_POSSESSIVE, gap); /* "Iran's" */
        p += 2;
      } else {
        char last = prev_word ? s[prev->start + prev->len - 1] : '\0';
        size_t q = p + 1;
        while (q < len && s[q] == ' ') q++;
        if (prev_word && (last == 's' || last == 'S') && !squote_open && q > p + 1 &&
            (cls_at(s, len, q) == C_LETTER || cls_at(s, len, q) == C_DIGIT)) {
          st = push_token(sp, p, p + 1, AN_SHAPE_POSSESSIVE, gap); /* "Guterres' spokesman" */
        } else {
          /* A quote mark: it opens when a word follows it and it does not
           * directly follow a word or a stop. */
          int pc = adjacent ? (unsigned char)s[prev->start] : ' ';
          int opens = is_wordish(cls_at(s, len, p + 1)) &&
                      (!adjacent || ((prev->shape & AN_SHAPE_PUNCT) && (pc == '(' || pc == '[' || pc == '"')));
          squote_open = opens;
          st = push_token(sp, p, p + 1, AN_SHAPE_PUNCT | AN_SHAPE_QUOTE, gap);
        }
        p += 1;
      }
    } else if (cp == '.' && p + 1 < len && s[p + 1] == '.') {
      size_t e = p + 1;
      while (e < len && s[e] == '.') e++;
      st = push_token(sp, p, e, AN_SHAPE_PUNCT, gap); /* an ellipsis is one token */
      p = e;
    } else {
      uint32_t sh = AN_SHAPE_PUNCT;
      if (cp == '"') sh |= AN_SHAPE_QUOTE;
      st = push_token(sp, p, p + n, sh, gap);
      p += n;
    }
    if (st != AN_OK) return st;
  }
  return AN_OK;
}

/* ---- sentences ---- */

static int tok_is(const splitter *sp, size_t k, const char *lit) {
  const an_token *tk = &sp->t->toks[k];
  size_t n = strlen(lit);
  return tk->len == n && memcmp(sp->s + tk->start, lit, n) == 0;
}

static int tok_char(const splitter *sp, size_t k) {
  const an_token *tk = &sp->t->toks[k];
  return tk->len == 1 ? (unsigned char)sp->s[tk->start] : -1;
}

static int tok_adjacent(const splitter *sp, size_t a, size_t b) {
  const an_token *x = &sp->t->toks[a], *y = &sp->t->toks[b];
  return x->start + x->len == y->start;
}

static int is_closer(int ch) { return ch == '"' || ch == '\'' || ch == ')' || ch == ']'; }

/* Terminal kinds. */
enum { T_NONE, T_STRONG, T_WEAK, T_NEVER };

/* How token k ends a sentence: '.', '!', '?' strongly; an ellipsis or an
 * abbreviation that may end one ("U.S.", "Inc.") weakly (only before a
 * starter word); a title or month ("Mr.", "Jan.") never. */
static inline int terminal_kind(const splitter *sp, size_t k) {
  const an_token *tk = &sp->t->toks[k];
  if (!(tk->shape & (AN_SHAPE_PUNCT | AN_SHAPE_ABBREV))) return T_NONE; /* most tokens: words */
  int ch = tok_char(sp, k);
  if (ch == '!' || ch == '?') return T_STRONG;
  if (ch == '.') return T_STRONG;
  if ((tk->shape & AN_SHAPE_PUNCT) && tk->len >= 2 && sp->s[tk->start] == '.') return T_WEAK; /* ... */
  if (tk->shape & AN_SHAPE_ABBREV) {
    if (sp->gap[k] & GAP_TITLE) return T_NEVER;
    return T_WEAK; /* listed "any" abbreviations, unlisted "N.Y.", initials */
  }
  return T_NONE;
}

/* Does token k (a word, maybe after opening quotes/brackets) start a sentence? */
static int starts_sentence(const splitter *sp, size_t k, size_t end, int weak) {
  const an_token *toks = sp->t->toks;
  size_t j = k;
  while (j < end && j < k + 3) {
    int ch = tok_char(sp, j);
    if (ch == '"' || ch == '\'' || ch == '(' || ch == '[') j++;
    else break;
  }
  if (j >= end) return 0; /* only quote marks left on the line: they stay with this sentence */
  const an_token *tk = &toks[j];
  if (weak) return an_abbrev_kind(sp->s + tk->start, tk->len) == AN_ABBR_STARTER;
  size_t n;
  int32_t cp = cp_at(sp->s, sp->len, tk->start, &n);
  int c = cls_cp(cp);
  if (c == C_DIGIT) return 1;
  if (c == C_LETTER) return !is_lower_cp(cp);
  return 0;
}

/* Is the token a bullet marker at a line start? */
static int is_bullet(const splitter *sp, size_t k, size_t le) {
  const an_token *tk = &sp->t->toks[k];
  if (k + 1 >= le || tok_adjacent(sp, k, k + 1)) return 0; /* a marker is followed by a space */
  if (tk->len == 1) {
    int ch = (unsigned char)sp->s[tk->start];
    return ch == '*' || ch == '-' || ch == '+' || ch == '>';
  }
  size_t n;
  int32_t cp = cp_at(sp->s, sp->len, tk->start, &n);
  if (n != tk->len) return 0;
  switch (cp) {
  case 0x2022: case 0x00B7: case 0x25AA: case 0x25AB: case 0x25E6: case 0x25CF: case 0x2023:
  case 0x25A0: case 0x25A1: case 0x25BA: case 0x25B8: case 0x2043: case 0x27A2: case 0x2713:
  case 0x2714: case 0x25C6: case 0x2666:
    return 1;
  default:
    return 0;
  }
}

/* Number of bullet-marker tokens opening line [ls, le): "•", "-", "1." or "2)". */
static size_t bullet_prefix(const splitter *sp, size_t ls, size_t le) {
  if (is_bullet(sp, ls, le)) return 1;
  const an_token *tk = &sp->t->toks[ls];
  if (ls + 2 < le && tk->len <= 2 && (tk->shape & AN_SHAPE_HAS_DIGIT) && !(tk->shape & AN_SHAPE_ALPHA) &&
      tok_adjacent(sp, ls, ls + 1) && (tok_char(sp, ls + 1) == '.' || tok_char(sp, ls + 1) == ')') &&
      !tok_adjacent(sp, ls + 1, ls + 2))
    return 2;
  return 0;
}

/* A dateline or agency credit opening a line: "TEHRAN (Agency) -",
 * "(Reuters) -", "SAN FRANCISCO --", "LONDON:". Returns the number of tokens
 * in it (delimiter included), 0 if none. Something must follow it. */
static size_t dateline_prefix(const splitter *sp, size_t ls, size_t le) {
  const an_token *toks = sp->t->toks;
  size_t k = ls, caps = 0, extra = 0;
  while (k < le && k < ls + 8) {
    uint32_t sh = toks[k].shape;
    if ((sh & AN_SHAPE_ALL_UPPER) && !(sh & AN_SHAPE_HAS_DIGIT) && !extra) {
      caps++;
    } else if (caps && (tok_char(sp, k) == ',' || ((sh & AN_SHAPE_ABBREV) && (sh & AN_SHAPE_UPPER_INITIAL)))) {
      /* "SAN FRANCISCO, Calif.," */
    } else if (caps && ((sh & AN_SHAPE_UPPER_INITIAL) || (sh & AN_SHAPE_HAS_DIGIT))) {
      extra++; /* a date: "WASHINGTON, March 3 (Reuters) -" */
    } else {
      break;
    }
    k++;
  }
  int paren = 0;
  if (k < le && tok_char(sp, k) == '(') {
    size_t j = k + 1;
    while (j < le && j < k + 8 && tok_char(sp, j) != ')') j++;
    if (j < le && tok_char(sp, j) == ')' && j > k + 1 && (toks[k + 1].shape & AN_SHAPE_UPPER_INITIAL)) {
      paren = 1;
      k = j + 1;
    }
  }
  if (!caps && !paren) return 0;
  if (extra && !paren) return 0; /* "NATO Secretary General Jane Roe -" is not a dateline */
  if (k >= le) return 0;
  int ch = tok_char(sp, k);
  if (ch == '-') {
    k++;
    if (k < le && tok_char(sp, k) == '-' && tok_adjacent(sp, k - 1, k)) k++;
  } else if (ch == ':' && caps && !paren) {
    k++;
  } else {
    return 0;
  }
  return k < le ? k - ls : 0;
}

/* Does the line [ls, le) (markers skipped) read as a credit or byline:
 * "By Staff, Agencies", "Source: ...", "| News", "A | B | C" without a
 * final stop? */
static int credit_line(const splitter *sp, size_t ls, size_t le, int unpunctuated) {
  const an_token *toks = sp->t->toks;
  if (ls >= le) return 0;
  const an_token *first = &toks[ls];
  if (ls + 1 < le && (tok_is(sp, ls, "By") || tok_is(sp, ls, "BY")) && unpunctuated) {
    size_t k = ls + 1;
    if (tok_char(sp, k) == ':' && k + 1 < le) k++; /* "By: Jane Roe" */
    if (toks[k].shape & AN_SHAPE_UPPER_INITIAL) return 1;
  }
  size_t w = ls;
  if (tok_char(sp, w) == '(' && w + 1 < le) first = &toks[++w]; /* "(Reporting by ...)" */
  if (w + 1 < le && an_abbrev_kind(sp->s + first->start, first->len) == AN_ABBR_CREDIT) {
    /* "Source: ...", "Photo | ...", "Reporting by ...", "Copyright 2024 ...",
     * "Read more: ..." */
    size_t k = w + 1;
    if (k + 1 < le && (toks[k].shape & AN_SHAPE_ALL_LOWER) && tok_char(sp, k + 1) == ':') k++;
    int ch = tok_char(sp, k);
    if (ch == ':' || ch == '|' || ch == '"' || ch == '-' || ch == '/' || tok_is(sp, k, "by") ||
        tok_is(sp, k, "\xC2\xA9") || (toks[k].shape & AN_SHAPE_HAS_DIGIT))
      return 1;
  }
  if (tok_char(sp, ls) == '|' || tok_is(sp, ls, "\xC2\xA9")) return 1; /* "| News", "(c) 2024 ..." */
  if (unpunctuated) {
    for (size_t k = ls; k < le; k++)
      if (tok_char(sp, k) == '|') return 1;
  }
  /* "(Reuters)" alone on a line */
  if (le - ls == 3 && tok_char(sp, ls) == '(' && tok_char(sp, le - 1) == ')' &&
      (toks[ls + 1].shape & AN_SHAPE_UPPER_INITIAL))
    return 1;
  return 0;
}

/* Is the span's last token (closing quotes skipped) a stop: . ! ? : ; , or
 * an abbreviation's period? Lines without one are headlines and bylines. */
static int punctuated(const splitter *sp, size_t first, size_t last) {
  size_t k = last;
  /* Closing (or stray) quotes and brackets after the stop do not count. */
  while (k > first && is_closer(tok_char(sp, k))) k--;
  int ch = tok_char(sp, k);
  if (ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == ';' || ch == ',') return 1;
  return (sp->t->toks[k].shape & AN_SHAPE_ABBREV) != 0;
}

typedef struct sent_state {
  long open;          /* first token of the open sentence, -1 if none */
  uint32_t flags;     /* AN_SENT_* of the open sentence */
  int at_line_start;  /* the open sentence began at its line's content start */
  uint32_t paragraph;
} sent_state;

static an_status close_sentence(splitter *sp, sent_state *ss, size_t last, int ends_line) {
  an_text *t = sp->t;
  if (ss->open < 0) return AN_OK;
  size_t first = (size_t)ss->open;
  uint32_t flags = ss->flags;
  if (ss->at_line_start && ends_line && !punctuated(sp, first, last)) flags |= AN_SENT_HEADLINE;
  if (an_grow((void **)&t->sents, &t->sentcap, t->nsents + 1, sizeof *t->sents) != AN_OK)
    return AN_ENOMEM;
  an_sentence *se = &t->sents[t->nsents++];
  se->start = t->toks[first].start;
  se->end = t->toks[last].start + t->toks[last].len;
  se->tok_first = (uint32_t)first;
  se->tok_count = (uint32_t)(last - first + 1);
  se->paragraph = ss->paragraph;
  se->flags = flags;
  for (size_t k = first; k <= last; k++) { /* the first word */
    an_token *tk = &t->toks[k];
    if (!(tk->shape & (AN_SHAPE_PUNCT | AN_SHAPE_POSSESSIVE))) {
      tk->shape |= AN_SHAPE_SENT_INITIAL;
      break;
    }
  }
  if (flags & AN_SENT_HEADLINE)
    for (size_t k = first; k <= last; k++) t->toks[k].shape |= AN_SHAPE_HEADLINE;
  ss->open = -1;
  ss->flags = 0;
  return AN_OK;
}

/* Does the line break before token `next` continue the open sentence? */
static int continues(const splitter *sp, const sent_state *ss, size_t last, size_t next) {
  if (ss->open < 0) return 0;
  int tk = terminal_kind(sp, last);
  if (tk == T_NEVER) return 1; /* "Mr.\nSmith" */
  if (tk != T_NONE) return 0;
  if (tok_char(sp, last) == ',') return 1;
  const an_token *l = &sp->t->toks[last];
  if (abbr_kind_exact(sp->s + l->start, l->len) == AN_ABBR_JOINER) return 1; /* "talks with\nPresident" */
  const an_token *n = &sp->t->toks[next];
  size_t len;
  int32_t cp = cp_at(sp->s, sp->len, n->start, &len);
  return cls_cp(cp) == C_LETTER && is_lower_cp(cp);
}

/* The first token from k on (k < n) that starts a line, or n: its gap has
 * a GAP_LINES bit; 8 gaps a step. */
static size_t line_end(const uint8_t *gap, size_t k, size_t n) {
#if AN_SCAN_WORDS
  for (; n - k >= 8; k += 8) {
    uint64_t x = an_load8((const char *)gap + k) & (AN_ONES8 * GAP_LINES);
    if (x) return k + ((size_t)__builtin_ctzll(x) >> 3);
  }
#endif
  while (k < n && (gap[k] & GAP_LINES) == 0) k++;
  return k;
}

static an_status sentences(splitter *sp) {
  an_text *t = sp->t;
  size_t nt = t->ntoks, ls = 0;
  sent_state ss = {-1, 0, 0, 0};
  an_status st = AN_OK;
  while (ls < nt && st == AN_OK) {
    size_t le = line_end(sp->gap, ls + 1, nt);
    /* The break before this line. */
    if (ls > 0) {
      int blank = (sp->gap[ls] & GAP_LINES) >= 2;
      if (blank || !continues(sp, &ss, ls - 1, ls)) {
        st = close_sentence(sp, &ss, ls - 1, 1);
        if (st != AN_OK) break;
        if (blank || !sp->any_blank) ss.paragraph++;
      }
    }
    size_t k = ls;
    uint32_t line_flags = 0;
    if (ss.open < 0) {
      size_t nb = bullet_prefix(sp, ls, le);
      if (nb) line_flags |= AN_SENT_BULLET;
      k = ls + nb;
      size_t nd = k < le ? dateline_prefix(sp, k, le) : 0;
      if (nd) {
        ss.open = (long)k, ss.flags = line_flags | AN_SENT_CREDIT, ss.at_line_start = 1;
        st = close_sentence(sp, &ss, k + nd - 1, 0);
        if (st != AN_OK) break;
        k += nd;
      } else if (k < le && credit_line(sp, k, le, !punctuated(sp, k, le - 1))) {
        line_flags |= AN_SENT_CREDIT;
      }
    }
    size_t content_start = k;
    for (; k < le && st == AN_OK; k++) {
      if (ss.open < 0) {
        ss.open = (long)k, ss.flags = line_flags, ss.at_line_start = (k == content_start);
      }
      /* words end nothing: on to the next punctuation or abbreviation */
      while (k < le && !(t->toks[k].shape & (AN_SHAPE_PUNCT | AN_SHAPE_ABBREV))) k++;
      if (k >= le) break;
      int kind = terminal_kind(sp, k);
      if (kind == T_NONE || kind == T_NEVER) continue;
      /* Take in adjacent stops and closing quotes/brackets: ?!  ..."  .) */
      size_t e = k;
      while (e + 1 < le && tok_adjacent(sp, e, e + 1)) {
        int ch = tok_char(sp, e + 1);
        if (ch == '.' || ch == '!' || ch == '?' || is_closer(ch)) e++;
        else break;
      }
      if (kind == T_WEAK && terminal_kind(sp, e) == T_STRONG && e > k) {
        int ch = tok_char(sp, e);
        if (ch == '!' || ch == '?') kind = T_STRONG;
      }
      k = e;
      if (e + 1 >= le) break; /* the line break decides */
      if (tok_adjacent(sp, e, e + 1)) continue; /* "example.com" */
      if (starts_sentence(sp, e + 1, le, kind == T_WEAK)) st = close_sentence(sp, &ss, e, 0);
    }
    ls = le;
  }
  if (st == AN_OK && nt > 0) st = close_sentence(sp, &ss, nt - 1, 1);
  return st;
}

an_status an_text_split(an_text *t, an_error *err) {
  splitter sp;
  memset(&sp, 0, sizeof sp);
  sp.t = t, sp.s = t->out.data, sp.len = t->out.len;
  sp.gap = t->gap, sp.gapcap = t->gapcap; /* (the last document's, if any) */
  t->gap = NULL, t->gapcap = 0;
  /* news text has a token every 5-6 bytes: room for them at once, rather
   * than a dozen reallocations per document as the arrays double */
  size_t guess = sp.len / 5 + 16;
  an_status st = AN_OK;
  if (guess > t->tokcap)
    st = an_grow((void **)&t->toks, &t->tokcap, guess, sizeof *t->toks);
  if (st == AN_OK) st = an_grow((void **)&sp.gap, &sp.gapcap, guess, 1);
  sp.cap = t->tokcap < sp.gapcap ? t->tokcap : sp.gapcap;
  if (st == AN_OK) st = tokenize(&sp);
  /* and room for a sentence every dozen tokens or so at once */
  if (st == AN_OK && t->ntoks / 12 + 8 > t->sentcap)
    st = an_grow((void **)&t->sents, &t->sentcap, t->ntoks / 12 + 8, sizeof *t->sents);
  if (st == AN_OK) st = sentences(&sp);
  t->gap = sp.gap, t->gapcap = sp.gapcap; /* kept for an_text_renew (an_text_free frees it) */
  if (st != AN_OK) return an_error_set(err, st, NULL, 0, -1, "out of memory splitting a document");
  return AN_OK;
}
