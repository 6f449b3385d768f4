/* text.c: an_text_new(): UTF-8 repair, NFKC piece by piece, the look-alike
 * fold, the punctuation/space policy (fold.h), and the offset map
 * (text_internal.h). Tokens and sentences are made by split.c.
 *
 * utf8proc_map() gives no offsets, so the text is normalized one piece at a
 * time (a starter and its combining marks), and every output byte of a piece
 * maps to the piece's original offset. Pieces whose output equals their input
 * (nearly all of them) are copied and cost no map entry. */
#include <string.h>
#include <utf8proc.h>

#include "core/scan.h"
#include "fold.h"
#include "text_internal.h"

/* Marks taken into one piece. Canonical reordering is quadratic in a piece,
 * so a run of thousands of marks (zalgo text) is cut into bounded pieces. */
#define MAX_MARKS 32

typedef struct norm {
  an_text *t;
  const unsigned char *src;
  size_t len;
  int32_t *cps; /* scratch: the decomposed piece */
  size_t cpcap;
  unsigned char *enc; /* scratch: the piece re-encoded */
  size_t enccap;
  /* Look-alike fold state of the current word (a run of letters). */
  int in_word, has_latin, all_look, decided; /* decided: -1 not yet, else 0/1 */
  int doc_latin;                             /* -1 not computed yet */
} norm;

/* Decodes one code point at s[i]. Returns its length, or -k when the k bytes
 * at i are an invalid sequence (the maximal subpart, as Unicode 3.9 and the
 * WHATWG decoder count them). */
static long decode(const unsigned char *s, size_t len, size_t i, int32_t *cp) {
  unsigned c = s[i];
  if (c < 0x80) {
    *cp = (int32_t)c;
    return 1;
  }
  int need;
  unsigned lo = 0x80, hi = 0xBF;
  int32_t v;
  if (c < 0xC2) return -1;
  if (c < 0xE0) {
    need = 1, v = (int32_t)(c & 0x1F);
  } else if (c < 0xF0) {
    need = 2, v = (int32_t)(c & 0x0F);
    if (c == 0xE0) lo = 0xA0;      /* overlong */
    else if (c == 0xED) hi = 0x9F; /* surrogates */
  } else if (c < 0xF5) {
    need = 3, v = (int32_t)(c & 0x07);
    if (c == 0xF0) lo = 0x90;      /* overlong */
    else if (c == 0xF4) hi = 0x8F; /* above U+10FFFF */
  } else {
    return -1;
  }
  for (int k = 1; k <= need; k++) {
    if (i + (size_t)k >= len) return -k;
    unsigned b = s[i + (size_t)k];
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return -k;
    v = (v << 6) | (int32_t)(b & 0x3F);
  }
  *cp = v;
  return need + 1;
}

static int is_letter_cat(int cat) {
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

static int is_mark(int32_t cp) {
  if (cp >= 0x1160 && cp <= 0x11FF) return 1; /* Hangul medial/final jamo compose */
  const utf8proc_property_t *p = utf8proc_get_property(cp);
  return p->combining_class != 0 || p->category == UTF8PROC_CATEGORY_MN ||
         p->category == UTF8PROC_CATEGORY_MC || p->category == UTF8PROC_CATEGORY_ME;
}

/* ---- output and offset map ---- */

static an_status push_seg(an_text *t, size_t norm_off, uint32_t orig) {
  if (an_grow((void **)&t->segs, &t->segcap, t->nsegs + 1, sizeof *t->segs) != AN_OK)
    return AN_ENOMEM;
  t->segs[t->nsegs].norm = (uint32_t)norm_off;
  t->segs[t->nsegs].orig = orig;
  t->nsegs++;
  return AN_OK;
}

/* Appends bytes that are the original's bytes at orig, unchanged. */
static an_status emit_same(norm *n, size_t orig, const void *p, size_t k) {
  an_text *t = n->t;
  size_t at = t->out.len;
  const an_seg *last = t->nsegs ? &t->segs[t->nsegs - 1] : NULL;
  if (!last || (last->orig & AN_SEG_FLAT) || last->orig + (at - last->norm) != orig) {
    if (push_seg(t, at, (uint32_t)orig) != AN_OK) return AN_ENOMEM;
  }
  return an_buf_append(&t->out, p, k);
}

/* Appends the rewritten form of the piece starting at original offset orig. */
static an_status emit_changed(norm *n, size_t orig, const void *p, size_t k) {
  an_text *t = n->t;
  if (k == 0) return AN_OK;
  size_t at = t->out.len;
  const an_seg *last = t->nsegs ? &t->segs[t->nsegs - 1] : NULL;
  if (k == 1 && last && !(last->orig & AN_SEG_FLAT) && last->orig + (at - last->norm) == orig) {
    /* One byte for the piece ("е" -> "e", NBSP -> " ") that the running
     * delta already maps right: no breakpoint (halves the map of a
     * look-alike-spelled text). */
  } else if (push_seg(t, at, (uint32_t)orig | (k == 1 ? 0 : AN_SEG_FLAT)) != AN_OK) {
    return AN_ENOMEM;
  }
  return an_buf_append(&t->out, p, k);
}

/* ---- look-alike fold decisions ---- */

/* Is the document mostly Latin? Look-alike letters count for neither side,
 * so a Latin article spelled with Cyrillic "е" stays Latin while a Russian
 * one (full of б, д, и, л ...) does not. Computed once, on demand. */
static int doc_mostly_latin(norm *n) {
  if (n->doc_latin >= 0) return n->doc_latin;
  size_t latin = 0, other = 0, i = 0;
  while (i < n->len) {
    unsigned c = n->src[i];
    if (c < 0x80) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') latin++;
      i++;
      continue;
    }
    int32_t cp;
    long k = decode(n->src, n->len, i, &cp);
    if (k < 0) {
      i += (size_t)(-k);
      continue;
    }
    i += (size_t)k;
    int sc = an_script_of(cp);
    if (sc == AN_SCRIPT_LATIN) latin++;
    else if (sc == AN_SCRIPT_CYRGREEK && an_confusable_fold(cp) == cp) other++;
  }
  n->doc_latin = latin > other;
  return n->doc_latin;
}

static void word_start(norm *n) {
  if (n->in_word) return;
  n->in_word = 1, n->has_latin = 0, n->all_look = 1, n->decided = -1;
}

/* Called at a look-alike letter of the current word; pos is the input offset
 * after it. Fold when the word has a Latin letter (before or after), or when
 * all its letters are look-alikes and the document is mostly Latin. The
 * answer holds for the whole word, so each word is scanned ahead once. */
static int word_should_fold(norm *n, size_t pos) {
  if (n->decided >= 0) return n->decided;
  if (n->has_latin) return n->decided = 1;
  int all_look = n->all_look;
  size_t i = pos;
  while (i < n->len) {
    int32_t cp;
    long k = decode(n->src, n->len, i, &cp);
    if (k < 0) break;
    i += (size_t)k;
    if (an_punct_map(cp) == AN_PUNCT_DROP) continue; /* soft hyphen, ZWJ: inside words */
    if (cp < 0x80 && an_punct_map(cp) != 0) break;
    int cat = utf8proc_category(cp);
    if (is_letter_cat(cat)) {
      if (an_script_of(cp) == AN_SCRIPT_LATIN) return n->decided = 1;
      if (an_confusable_fold(cp) == cp) all_look = 0;
    } else if (!is_mark(cp)) {
      break;
    }
  }
  n->decided = all_look && doc_mostly_latin(n);
  return n->decided;
}

/* ---- pieces ---- */

static an_status ensure_cps(norm *n, size_t need) {
  return an_grow((void **)&n->cps, &n->cpcap, need, sizeof *n->cps);
}

/* Appends cp's NFKD (with the punctuation policy applied before and after)
 * to n->cps[*nc...]. */
static an_status decompose_cp(norm *n, int32_t cp, size_t *nc) {
  int pm = an_punct_map(cp);
  if (pm == AN_PUNCT_DROP) return AN_OK;
  if (ensure_cps(n, *nc + 8) != AN_OK) return AN_ENOMEM;
  if (pm > 0) {
    n->cps[(*nc)++] = pm;
    return AN_OK;
  }
  const utf8proc_option_t opt = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT;
  utf8proc_ssize_t r = utf8proc_decompose_char(cp, n->cps + *nc, (utf8proc_ssize_t)(n->cpcap - *nc), opt, NULL);
  if (r > (utf8proc_ssize_t)(n->cpcap - *nc)) {
    if (ensure_cps(n, *nc + (size_t)r) != AN_OK) return AN_ENOMEM;
    r = utf8proc_decompose_char(cp, n->cps + *nc, (utf8proc_ssize_t)(n->cpcap - *nc), opt, NULL);
  }
  if (r < 0) { /* cannot happen for a valid scalar value; keep cp */
    n->cps[(*nc)++] = cp;
    return AN_OK;
  }
  /* A compatibility expansion can produce characters the policy rewrites
   * (U+2033 double prime -> two primes -> two apostrophes). */
  size_t w = *nc;
  for (size_t q = *nc; q < *nc + (size_t)r; q++) {
    int m = an_punct_map(n->cps[q]);
    if (m == AN_PUNCT_DROP) continue;
    n->cps[w++] = m > 0 ? m : n->cps[q];
  }
  *nc = w;
  return AN_OK;
}

/* Canonical ordering: a stable sort of each run of non-starters by combining
 * class. Runs are short (MAX_MARKS bounds them). */
static void canonical_order(int32_t *c, size_t nc) {
  for (size_t q = 1; q < nc; q++) {
    int32_t x = c[q];
    int cx = utf8proc_get_property(x)->combining_class;
    if (cx == 0) continue;
    size_t r = q;
    while (r > 0) {
      int cr = utf8proc_get_property(c[r - 1])->combining_class;
      if (cr <= cx) break;
      c[r] = c[r - 1];
      r--;
    }
    c[r] = x;
  }
}

/* Normalizes the piece starting at *pi (not plain ASCII) and advances *pi. */
static an_status piece(norm *n, size_t *pi) {
  const unsigned char *s = n->src;
  size_t len = n->len, i = *pi;
  an_text *t = n->t;
  int32_t first;
  long k = decode(s, len, i, &first);
  if (k < 0) {
    /* A run of invalid sequences becomes one U+FFFD and one repair record. */
    size_t j = i + (size_t)(-k);
    while (j < len) {
      int32_t c2;
      long k2 = decode(s, len, j, &c2);
      if (k2 > 0) break;
      j += (size_t)(-k2);
    }
    if (an_grow((void **)&t->reps, &t->repcap, t->nreps + 1, sizeof *t->reps) != AN_OK)
      return AN_ENOMEM;
    t->reps[t->nreps].orig_offset = i;
    t->reps[t->nreps].len = j - i;
    t->nreps++;
    n->in_word = 0;
    *pi = j;
    return emit_changed(n, i, "\xEF\xBF\xBD", 3);
  }
  size_t j = i + (size_t)k;
  int nmarks = 0;
  while (j < len && nmarks < MAX_MARKS) {
    int32_t c2;
    long k2 = decode(s, len, j, &c2);
    if (k2 < 0 || !is_mark(c2)) break;
    nmarks++;
    j += (size_t)k2;
  }
  *pi = j;

  /* Word state for the look-alike fold, from the piece's first character. */
  int pm = an_punct_map(first), fold = 0;
  const utf8proc_property_t *prop = utf8proc_get_property(first);
  if (pm == AN_PUNCT_DROP) {
    /* invisible: neither ends nor continues a word */
  } else if (pm > 0) {
    n->in_word = 0;
  } else if (is_letter_cat(prop->category)) {
    word_start(n);
    if (an_script_of(first) == AN_SCRIPT_LATIN) {
      n->has_latin = 1, n->all_look = 0;
    } else if (an_confusable_fold(first) != first) {
      fold = word_should_fold(n, j);
    } else {
      n->all_look = 0;
    }
  } else if (!is_mark(first)) {
    n->in_word = 0;
  }

  /* Fast path: one character that NFKC leaves alone. */
  if (nmarks == 0 && pm == 0 && !fold && prop->decomp_seqindex == UINT16_MAX)
    return emit_same(n, i, s + i, (size_t)k);

  size_t nc = 0;
  for (size_t q = i; q < j;) {
    int32_t cp;
    long kq = decode(s, len, q, &cp); /* valid: checked above */
    q += (size_t)kq;
    if (decompose_cp(n, cp, &nc) != AN_OK) return AN_ENOMEM;
  }
  canonical_order(n->cps, nc);
  if (fold)
    for (size_t q = 0; q < nc; q++) n->cps[q] = an_confusable_fold(n->cps[q]);
  if (nc > 1) {
    utf8proc_ssize_t r = utf8proc_normalize_utf32(n->cps, (utf8proc_ssize_t)nc, UTF8PROC_COMPOSE);
    if (r >= 0) nc = (size_t)r;
  }
  if (an_grow((void **)&n->enc, &n->enccap, nc * 4 + 1, 1) != AN_OK) return AN_ENOMEM;
  size_t el = 0;
  for (size_t q = 0; q < nc; q++) el += (size_t)utf8proc_encode_char(n->cps[q], n->enc + el);
  if (el == j - i && memcmp(n->enc, s + i, el) == 0) return emit_same(n, i, s + i, el);
  return emit_changed(n, i, n->enc, el);
}

static an_status normalize(norm *n) {
  const unsigned char *s = n->src;
  size_t len = n->len, i = 0;
  an_status st = AN_OK;
  while (i < len && st == AN_OK) {
    unsigned c = s[i];
    if (c >= 0x80) {
      st = piece(n, &i);
      continue;
    }
    if (c >= 0x20 && c != 0x7F) {
      /* A character followed by a non-ASCII byte may take combining marks. */
      if (i + 1 < len && s[i + 1] >= 0x80) {
        st = piece(n, &i);
        continue;
      }
      /* The run of printable ASCII; it stops before a character that
       * non-ASCII bytes follow (it may take combining marks) */
      size_t j = i + an_find_outside((const char *)s + i, len - i, 0x20, 0x7E);
      if (j < len && s[j] >= 0x80 && j - 1 > i) j--;
      /* The look-alike word state after the run is that of its last
       * letters (a non-letter ends a word; a letter starts one or goes on):
       * set once, not per byte. */
      size_t t = j;
      while (t > i && ((s[t - 1] | 0x20u) >= 'a' && (s[t - 1] | 0x20u) <= 'z')) t--;
      if (t == j) {
        n->in_word = 0;
      } else {
        if (t > i) n->in_word = 0;
        word_start(n);
        n->has_latin = 1, n->all_look = 0;
      }
      st = emit_same(n, i, s + i, j - i);
      i = j;
      continue;
    }
    n->in_word = 0;
    if (c == '\n') {
      st = emit_same(n, i, "\n", 1);
    } else if (c == '\r') {
      /* CRLF and a lone CR are one line break, mapped to the CR, so a span
       * ending at the break does not take in the CR. */
      st = emit_changed(n, i, "\n", 1);
      if (i + 1 < len && s[i + 1] == '\n') i++;
    } else {
      st = emit_changed(n, i, " ", 1); /* NUL, tab and other controls */
    }
    i++;
  }
  return st;
}

/* Normalizes and splits src into t, whose counts are zero (its buffers
 * may hold memory from an earlier document). */
static an_status text_fill(an_text *t, const char *src, size_t len, an_error *err) {
  t->orig_len = len;
  norm n;
  memset(&n, 0, sizeof n);
  n.t = t, n.src = (const unsigned char *)src, n.len = len, n.doc_latin = -1;
  an_status st = an_buf_reserve(&t->out, len + len / 16 + 16);
  if (st == AN_OK) {
    t->out.data[0] = '\0';
    st = normalize(&n);
  }
  an_free(n.cps);
  an_free(n.enc);
  if (st != AN_OK) return an_error_set(err, st, NULL, 0, -1, "out of memory normalizing a document");
  if (t->out.len >= AN_SEG_FLAT)
    return an_error_set(err, AN_ELIMIT, NULL, 0, -1, "normalized document is over the 2 GiB limit");
  return an_text_split(t, err);
}

/* Empties t, keeping its buffers. */
static void text_reset(an_text *t) {
  t->out.len = 0;
  if (t->out.data) t->out.data[0] = '\0';
  t->nsegs = t->nreps = t->ntoks = t->nsents = 0;
  t->orig_len = 0;
}

an_status an_text_new(const char *src, size_t len, an_text **out, an_error *err) {
  if (out) *out = NULL;
  if (!out || (!src && len))
    return an_error_set(err, AN_EINVAL, NULL, 0, -1, "an_text_new: NULL argument");
  if (len >= AN_SEG_FLAT)
    return an_error_set(err, AN_ELIMIT, NULL, 0, -1, "document of %zu bytes is over the 2 GiB limit", len);
  an_text *t = an_calloc(1, sizeof *t);
  if (!t) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory normalizing a document");
  an_buf_init(&t->out);
  an_status st = text_fill(t, src, len, err);
  if (st != AN_OK) {
    an_text_free(t);
    return st;
  }
  *out = t;
  return AN_OK;
}

an_status an_text_renew(an_text *t, const char *src, size_t len, an_error *err) {
  if (!t || (!src && len)) return an_error_set(err, AN_EINVAL, NULL, 0, -1, "an_text_renew: NULL argument");
  text_reset(t);
  if (len >= AN_SEG_FLAT)
    return an_error_set(err, AN_ELIMIT, NULL, 0, -1, "document of %zu bytes is over the 2 GiB limit", len);
  an_status st = text_fill(t, src, len, err);
  if (st != AN_OK) text_reset(t);
  return st;
}

size_t an_text_capacity(const an_text *t) {
  return t->out.cap + t->segcap * sizeof *t->segs + t->repcap * sizeof *t->reps + t->tokcap * sizeof *t->toks +
         t->sentcap * sizeof *t->sents + t->gapcap;
}

void an_text_free(an_text *t) {
  if (!t) return;
  an_buf_free(&t->out);
  an_free(t->segs);
  an_free(t->reps);
  an_free(t->toks);
  an_free(t->sents);
  an_free(t->gap);
  an_free(t);
}

const char *an_text_str(const an_text *t, size_t *len) {
  if (len) *len = t->out.len;
  return t->out.data;
}

size_t an_text_orig_offset(const an_text *t, size_t norm_off) {
  if (norm_off >= t->out.len || t->nsegs == 0) return t->orig_len;
  /* The last breakpoint at or before norm_off. The first is always at 0. */
  size_t lo = 0, hi = t->nsegs;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->segs[mid].norm <= norm_off)
      lo = mid;
    else
      hi = mid;
  }
  const an_seg *g = &t->segs[lo];
  if (g->orig & AN_SEG_FLAT) return g->orig & ~AN_SEG_FLAT;
  return g->orig + (norm_off - g->norm);
}

void an_text_orig_span(const an_text *t, size_t a, size_t b, size_t *oa, size_t *ob) {
  size_t o0 = an_text_orig_offset(t, a), o1 = o0;
  if (b > a && b <= t->out.len) {
    /* The breakpoint holding the span's last byte: if it is a rewritten
     * piece, the span takes in the whole piece. */
    size_t lo = 0, hi = t->nsegs;
    while (hi - lo > 1) {
      size_t mid = lo + (hi - lo) / 2;
      if (t->segs[mid].norm <= b - 1)
        lo = mid;
      else
        hi = mid;
    }
    if (t->nsegs && (t->segs[lo].orig & AN_SEG_FLAT))
      o1 = lo + 1 < t->nsegs ? (t->segs[lo + 1].orig & ~AN_SEG_FLAT) : t->orig_len;
    else
      o1 = an_text_orig_offset(t, b);
  } else if (b > a) {
    o1 = t->orig_len;
  }
  if (o1 < o0) o1 = o0;
  if (oa) *oa = o0;
  if (ob) *ob = o1;
}

const an_token *an_text_tokens(const an_text *t, size_t *count) {
  if (count) *count = t->ntoks;
  return t->toks;
}

const an_sentence *an_text_sentences(const an_text *t, size_t *count) {
  if (count) *count = t->nsents;
  return t->sents;
}

const an_repair *an_text_repairs(const an_text *t, size_t *count) {
  if (count) *count = t->nreps;
  return t->reps;
}

size_t an_text_map_size(const an_text *t) { return t->nsegs; }
