/* extract.c: one document to actors and events (extract.h): text stage,
 * actors stage, rules, then dates, outlet and attribution; JSON Lines. */
#include <ctype.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "core/scan.h"
#include "extract/dates.h"
#include "extract/resources.h"
#include "extract/result.h"
#include "extract/rules.h"

#include "actors/actors.h"
#include "text/text_internal.h"

/* (the workspace keeps a text of up to this many bytes of buffers) */
#define TEXT_KEEP_MAX ((size_t)8 << 20)

/* The actors stage allocated it; it frees it. */
static void acts_free(an_doc_actors *a) { an_doc_actors_free(a); }

static const char *const k_type_names[] = {"call",     "meet",    "praise",  "accuse", "criticize",
                                           "threaten", "support", "message", "brief",  "attack"};

static const char *static_type(const char *t) {
  for (size_t i = 0; i < sizeof k_type_names / sizeof *k_type_names; i++)
    if (k_type_names[i][0] == t[0] && strcmp(k_type_names[i], t) == 0) return k_type_names[i];
  return k_type_names[1]; /* "meet" */
}

void an_result_free(an_result *r) {
  if (!r) return;
  if (r->acts) acts_free(r->acts);
  an_free(r->ev);
  an_arena_free(&r->arena); /* every string of the result */
  an_free(r);
}

size_t an_result_event_count(const an_result *r) { return r ? r->n_ev : 0; }
size_t an_result_actor_count(const an_result *r) { return r && r->acts ? r->acts->n_actors : 0; }

/* The result's strings live in its arena (freed with it). */
static char *dup_opt(an_arena *ar, const char *s, int *oom) {
  if (!s) return NULL;
  char *d = an_arena_strdup(ar, s);
  if (!d) *oom = 1;
  return d;
}

static char *span_dup(an_arena *ar, const an_xview *v, uint32_t a, uint32_t b, int *oom) {
  if (a >= b || b > v->ntok) return NULL;
  size_t s = v->tok[a].start, e = v->tok[b - 1].start + v->tok[b - 1].len;
  char *d = an_arena_strndup(ar, v->s + s, e - s);
  if (!d) *oom = 1;
  return d;
}

/* ---- document date and outlet ------------------------------------------------- */

void an_doc_date(const an_resources *res, an_workspace *ws, const an_doc *doc, const char *norm, size_t len,
                 char *iso) {
  an_ymd d;
  iso[0] = 0;
  if (doc && doc->date && an_ymd_parse_iso(doc->date, &d)) {
    size_t n = strnlen(doc->date, 10); /* snprintf(iso, 11, "%s") */
    memcpy(iso, doc->date, n);
    iso[n] = 0;
    return;
  }
  for (size_t i = 0; i < res->n_docdate_re; i++) {
    size_t a, b;
    if (!an_regex_find(res->docdate_re[i], ws, norm, len, &a, &b)) continue;
    char buf[64];
    snprintf(buf, sizeof buf, "%.*s", (int)(b - a < 63 ? b - a : 63), norm + a);
    if (an_ymd_parse_text(res->lex, buf, &d)) {
      snprintf(iso, 11, "%04d-%02d-%02d", d.y, d.m, d.d);
      return;
    }
  }
}

char *an_outlet_detect(const an_resources *res, an_workspace *ws, const char *norm, size_t len) {
  for (size_t i = 0; i < res->n_outlet_re; i++) {
    size_t a, b;
    if (!an_regex_find(res->outlet_re[i], ws, norm, len, &a, &b)) continue;
    while (a < b && isspace((unsigned char)norm[a])) a++;
    while (b > a && isspace((unsigned char)norm[b - 1])) b--;
    if (b > a) return an_strndup(norm + a, b - a);
  }
  return NULL;
}

/* ---- attribution ----------------------------------------------------------------- */

static int cap_tok(const an_xview *v, uint32_t i) {
  return (v->tok[i].shape & (AN_SHAPE_UPPER_INITIAL | AN_SHAPE_ALL_UPPER)) && !(v->tok[i].shape & AN_SHAPE_PUNCT);
}

/* The date phrases of one sentence's tokens [a, b), scanned once per
 * document: events date themselves from their own sentence and borrow
 * from their neighbours', so each sentence is asked for again and again.
 * Slot 0 of a sentence: scanned from its first token; slot 1: from after
 * its dateline (body_first), when that differs. */
typedef struct dslot {
  uint32_t a, b, off;
  uint8_t n, valid;
} dslot;

/* Work shared by the events of a document: where the attribution cues of
 * the last sentence asked for start (a sentence with many events, a
 * 100 000-token run-on "sentence", is not scanned again for each), and
 * the date phrases of every sentence. */
typedef struct scache {
  uint32_t sa, sb;
  int valid;
  uint32_t *pos[3]; /* token positions where attrib_before, attrib_media_before, attrib_after match */
  size_t npos[3], cap[3];
  int oom;
  dslot *ds;            /* 2 per sentence, allocated on first use */
  an_datephrase *pool;  /* the phrases the slots point into */
  size_t npool, cappool;
  an_arena *ar;          /* the result's: strings for the events */
  an_datephrase tmp[16]; /* when out of memory: the last scan, uncached */
} scache;

static size_t scan_cached(const an_lexicon *lex, const an_xview *v, scache *sc, uint32_t si, uint32_t a, uint32_t b,
                          const an_datephrase **ph) {
  if (!sc->ds && v->nsent) sc->ds = an_calloc(2 * v->nsent, sizeof *sc->ds);
  dslot *d = sc->ds && si < v->nsent ? &sc->ds[2 * (size_t)si + (a != v->sent[si].tok_first)] : NULL;
  if (d && d->valid && d->a == a && d->b == b) {
    *ph = d->n ? sc->pool + d->off : sc->tmp; /* (no phrases: the pool may not exist yet) */
    return d->n;
  }
  if (d && an_grow((void **)&sc->pool, &sc->cappool, sc->npool + 16, sizeof *sc->pool) == AN_OK) {
    size_t n = an_dates_scan(lex, v, a, b, sc->pool + sc->npool, 16); /* straight into the pool */
    d->a = a, d->b = b, d->off = (uint32_t)sc->npool, d->n = (uint8_t)n, d->valid = 1;
    sc->npool += n;
    *ph = sc->pool + d->off;
    return n;
  }
  *ph = sc->tmp;
  return an_dates_scan(lex, v, a, b, sc->tmp, 16);
}

static void scache_free(scache *c) {
  for (int i = 0; i < 3; i++) an_free(c->pos[i]);
  an_free(c->ds);
  an_free(c->pool);
}

static void scache_fill(scache *c, const an_lexicon *lex, const an_xview *v, uint32_t sa, uint32_t sb) {
  if (c->valid && c->sa == sa && c->sb == sb) return;
  const an_phrases *l[3] = {&lex->attrib_before, &lex->attrib_media_before, &lex->attrib_after};
  c->sa = sa;
  c->sb = sb;
  c->valid = 1;
  c->npos[0] = c->npos[1] = c->npos[2] = 0;
  /* one pass: the word's bits (lexicon.h wattrib) say which lists to try */
  for (uint32_t k = sa; k < sb; k++) {
    unsigned f = lex->wattrib[v->wid[k]];
    for (int i = 0; f; i++, f >>= 1) {
      if (!(f & 1) || !an_phrases_match_id(l[i], v->wid, k, sb)) continue;
      if (an_grow((void **)&c->pos[i], &c->cap[i], c->npos[i] + 1, sizeof(uint32_t)) != AN_OK) {
        c->oom = 1;
        c->valid = 0;
        return;
      }
      c->pos[i][c->npos[i]++] = k;
    }
  }
}

/* The source the sentence cites: "according to X", "X reported"; else the
 * speaker of reported speech whose clause holds the trigger at trig ("X
 * said Y had met Z": X), when X is not the event's source. */
static char *attribution(const an_lexicon *lex, const an_xview *v, scache *sc, uint32_t sa, uint32_t sb,
                         uint32_t skip_actor, uint32_t trig, int *oom) {
  scache_fill(sc, lex, v, sa, sb);
  if (sc->oom) {
    *oom = 1;
    return NULL;
  }
  for (size_t pi = 0; pi < sc->npos[0]; pi++) {
    uint32_t k = sc->pos[0][pi];
    uint32_t e = an_phrases_match_id(&lex->attrib_before, v->wid, k, sb);
    if (!e) continue;
    uint32_t j = e;
    while (j < sb && v->tok_m[j] < 0 && an_phrases_match_id(&lex->determiners, v->wid, j, sb)) j++;
    /* The head of the cited noun phrase ("the Kenyan news agency KNA"):
     * its last actor that is not a modifier, else its last capitalized run. */
    /* "according to a statement from the AU Commission": the issuer */
    uint32_t se = j < sb ? an_phrases_match_id(&lex->statement_nouns, v->wid, j, sb) : 0;
    if (se && se + 1 < sb && (an_phrases_match_id(&lex->prepositions, v->wid, se, sb) == se + 1)) {
      j = se + 1;
      while (j < sb && v->tok_m[j] < 0 && an_phrases_match_id(&lex->determiners, v->wid, j, sb)) j++;
    }
    uint32_t end = j;
    while (end < sb && end < j + 8 && !(v->tok[end].shape & AN_SHAPE_PUNCT) &&
           !(end > j && an_phrases_match_id(&lex->prepositions, v->wid, end, sb)) &&
           !an_phrases_match_id(&lex->clause_end, v->wid, end, sb))
      end++;
    const an_mention *best = NULL;
    for (uint32_t h = j; h < end; h++) {
      int32_t mi = v->tok_m[h];
      if (mi < 0) continue;
      const an_mention *m = &v->acts->mentions[mi];
      if (m->how == AN_MENTION_DEMONYM && m->tok_first + m->tok_count < end) continue;
      if (m->tok_first + m->tok_count < end && (v->tok[m->tok_first + m->tok_count].shape & AN_SHAPE_POSSESSIVE))
        continue;
      best = m;
      h = m->tok_first + m->tok_count - 1;
    }
    if (best && best->actor != skip_actor) return dup_opt(sc->ar, v->acts->actors[best->actor].label, oom);
    uint32_t h = end, hs;
    while (h > j && !cap_tok(v, h - 1)) h--;
    hs = h;
    while (hs > j && cap_tok(v, hs - 1) && v->tok_m[hs - 1] < 0) hs--;
    if (h > hs) return span_dup(sc->ar, v, hs, h, oom);
  }
  /* "X told CNN", "speaking to Al Jazeera": a medium the speaker addressed */
  for (size_t pi = 0; pi < sc->npos[1]; pi++) {
    uint32_t k = sc->pos[1][pi];
    uint32_t e = an_phrases_match_id(&lex->attrib_media_before, v->wid, k, sb);
    if (!e) continue;
    for (uint32_t h = e; h < sb && h < e + 4; h++) {
      int32_t mi = v->tok_m[h];
      if (mi < 0) {
        if (v->tok[h].shape & AN_SHAPE_PUNCT) break;
        continue;
      }
      const an_doc_actor *a = &v->acts->actors[v->acts->mentions[mi].actor];
      if (an_xview_is_media(v, lex, v->acts->mentions[mi].actor)) return dup_opt(sc->ar, a->label, oom);
      break;
    }
  }
  for (size_t pi = 0; pi < sc->npos[2]; pi++) {
    uint32_t k = sc->pos[2][pi];
    if (k < sa + 1) continue;
    uint32_t lo = k > sa + 10 ? k - 10 : sa;
    for (uint32_t h = k; h-- > lo;) {
      int32_t mi = v->tok_m[h];
      if (mi >= 0) {
        const an_doc_actor *a = &v->acts->actors[v->acts->mentions[mi].actor];
        if (an_xview_is_media(v, lex, v->acts->mentions[mi].actor)) return dup_opt(sc->ar, a->label, oom);
        h = v->acts->mentions[mi].tok_first;
        continue;
      }
      if ((v->tok[h].shape & AN_SHAPE_ALL_UPPER) && h + 1 == k) return span_dup(sc->ar, v, h, h + 1, oom);
    }
  }
  /* reported speech: "Brunner said the body had written to X" */
  for (size_t pi = 0; pi < sc->npos[2]; pi++) {
    uint32_t k = sc->pos[2][pi];
    if (k < sa + 1 || k >= trig) continue;
    uint32_t lo = k > sa + 4 ? k - 4 : sa;
    for (uint32_t h = k; h-- > lo;) {
      int32_t mi = v->tok_m[h];
      if (mi < 0) {
        /* "X (UNTU) said", "X, who chaired the talks, said": skip the
         * parenthesis or the relative clause */
        uint32_t q = h, back = 0;
        if (strcmp(v->w[h], ")") == 0) {
          while (q > sa && strcmp(v->w[q], "(") != 0 && h - q < 8) q--;
          if (strcmp(v->w[q], "(") == 0) back = q;
        } else if (strcmp(v->w[h], ",") == 0) {
          for (q = h; q > sa + 1 && h - q < 16; q--) {
            if (strcmp(v->w[q - 1], ",") != 0) continue;
            if (an_phrases_match_id(&lex->relative, v->wid, q, sb) ||
                an_phrases_match_id(&lex->relative_things, v->wid, q, sb))
              back = q - 1;
            break;
          }
        }
        if (back > sa) {
          h = back;
          lo = h > sa + 4 ? h - 4 : sa;
          continue;
        }
        if (v->tok[h].shape & AN_SHAPE_PUNCT) break;
        continue;
      }
      const an_mention *m = &v->acts->mentions[mi];
      uint32_t me = m->tok_first + m->tok_count;
      if ((m->flags & AN_MENTION_POSSESSIVE) || (me < sb && (v->tok[me].shape & AN_SHAPE_POSSESSIVE)) ||
          m->how == AN_MENTION_DEMONYM || m->actor == skip_actor || m->how == AN_MENTION_PRONOUN)
        break;
      return dup_opt(sc->ar, v->acts->actors[m->actor].label, oom);
    }
  }
  return NULL;
}

/* ---- building the result ------------------------------------------------------- */

/* Copies n bytes (n <= 16) without a call: two overlapping loads. */
static inline void copy_small(char *d, const char *s, size_t n) {
  if (n >= 8) {
    uint64_t a, b;
    memcpy(&a, s, 8);
    memcpy(&b, s + n - 8, 8);
    memcpy(d, &a, 8);
    memcpy(d + n - 8, &b, 8);
  } else if (n >= 4) {
    uint32_t a, b;
    memcpy(&a, s, 4);
    memcpy(&b, s + n - 4, 4);
    memcpy(d, &a, 4);
    memcpy(d + n - 4, &b, 4);
  } else {
    for (size_t i = 0; i < n; i++) d[i] = s[i];
  }
}

/* Appends s[0..n) to buf (at most cap - 1 bytes in all). */
static size_t id_put(char *buf, size_t o, size_t cap, const char *s, size_t n) {
  if (o + n > cap - 1) n = cap - 1 - o;
  if (n <= 16)
    copy_small(buf + o, s, n); /* (ids, types, numbers: short) */
  else
    memcpy(buf + o, s, n);
  return o + n;
}
/* Appends the field separator 0x1f (within cap - 1 bytes). */
static size_t id_sep(char *buf, size_t o, size_t cap) {
  if (o < cap - 1) buf[o++] = '\x1f';
  return o;
}

/* Writes v in decimal into out (at least 21 bytes; all 20 may be
 * written); returns its length. Two digits a step, from the end. */
static size_t dec_u64(char *out, uint64_t v) {
  static const char d2[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                           "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                           "8081828384858687888990919293949596979899";
  char tmp[48];
  char *e = tmp + 24, *p = e;
  while (v >= 100) {
    uint64_t q = v / 100;
    p -= 2;
    memcpy(p, d2 + 2 * (v - 100 * q), 2);
    v = q;
  }
  if (v >= 10) {
    p -= 2;
    memcpy(p, d2 + 2 * v, 2);
  } else {
    *--p = (char)('0' + v);
  }
  memcpy(out, p, 20); /* (a fixed length: no call; tmp holds 24 bytes after p) */
  return (size_t)(e - p);
}

/* The hash of "doc\x1ftype\x1fsource\x1ftarget\x1fa\x1fb" (its first 1023
 * bytes), as 16 hex digits. Built by hand: snprintf was a tenth of the
 * writing cost. */
static void event_id(const char *doc, const char *type, const char *s, const char *t, size_t a, size_t b,
                     char *out) {
  char buf[1024], num[24];
  const size_t cap = sizeof buf;
  size_t o = 0;
  if (!doc) doc = "";
  o = id_put(buf, o, cap, doc, strlen(doc));
  o = id_sep(buf, o, cap);
  o = id_put(buf, o, cap, type, strlen(type));
  o = id_sep(buf, o, cap);
  o = id_put(buf, o, cap, s, strlen(s));
  o = id_sep(buf, o, cap);
  o = id_put(buf, o, cap, t, strlen(t));
  o = id_sep(buf, o, cap);
  o = id_put(buf, o, cap, num, dec_u64(num, a));
  o = id_sep(buf, o, cap);
  o = id_put(buf, o, cap, num, dec_u64(num, b));
  uint64_t h = an_hash64(buf, o, 0);
  static const char hex[] = "0123456789abcdef";
  for (int i = 14; i >= 0; i -= 2, h >>= 8) { /* (a byte a step) */
    out[i] = hex[(h >> 4) & 15];
    out[i + 1] = hex[h & 15];
  }
  out[16] = '\0';
}

/* The date phrase of an event: in its sentence, the one nearest the
 * trigger, preferring its own clause. */
static int occ_date(const an_lexicon *lex, const an_xview *v, scache *sc, const an_xevent *e, const an_ymd *doc,
                    an_revent *r, int *oom);

/* ---- dates from other sentences ------------------------------------------------------
 * An event is often dated in another sentence that reports the same act:
 * "A and B condemned C." ... "The two groups said on Wednesday ..."; "X has
 * sued Y." ... "His complaint, lodged on Thursday, ..."; a headline whose
 * lead says "on Wednesday". The rules below take such a date when the event's
 * own sentences give none. */

#define BORROW_AHEAD 4  /* sentences after the event searched for a nominal of the act */
#define BORROW_BACK 3   /* sentences before it */
#define REPORT_AHEAD 2  /* sentences after it searched for "<the source> said on Monday" */
#define OPENER_BACK 2   /* sentences before it searched for "On Monday, <the source> ..." */

static int body_sent(const an_sentence *s) { return !(s->flags & (AN_SENT_HEADLINE | AN_SENT_CREDIT)); }

/* First token after a dateline ("SEOUL, May 20 - "), else the sentence's
 * first: a dateline's date is the report's, not an event's. */
static uint32_t body_first(const an_xview *v, const an_sentence *s) {
  uint32_t a = s->tok_first, b = s->tok_first + s->tok_count;
  if (a >= b || !(v->tok[a].shape & AN_SHAPE_ALL_UPPER)) return a;
  for (uint32_t k = a + 1; k < b && k < a + 10; k++)
    if (strcmp(v->w[k], "-") == 0 || strcmp(v->w[k], "--") == 0 || strcmp(v->w[k], "\xe2\x80\x93") == 0 ||
        strcmp(v->w[k], "\xe2\x80\x94") == 0)
      return k + 1;
  return a;
}

/* A date phrase that can date an event: outside quotations, not vague. */
static int usable_date(const an_xview *v, const an_datephrase *p) {
  return p->kind != AN_DATE_VAGUE && !v->inq[p->first];
}

/* Whether the subject at the start of tokens [a, b) refers to the event's
 * source: the first actor there is it, or a plural reference ("the two
 * groups", "they") when the event had several coordinated sources. */
static int subject_is(const an_lexicon *lex, const an_xview *v, uint32_t a, uint32_t b, uint32_t src, int multi) {
  uint32_t k = a;
  while (k < b && (v->tok[k].shape & AN_SHAPE_PUNCT) && !(v->tok[k].shape & AN_SHAPE_QUOTE)) k++;
  if (multi && k < b && an_phrases_match_id(&lex->group_refs, v->wid, k, b)) return 1;
  /* the first actor and its conjuncts ("A and B, the two groups, said"),
   * up to the first plain lowercase word (the verb) */
  const an_mention *first = NULL;
  for (; k < b; k++) {
    int32_t mi = v->tok_m[k];
    if (mi < 0) {
      if (first && (v->tok[k].shape & AN_SHAPE_ALL_LOWER) && strcmp(v->w[k], "and") != 0 &&
          !an_phrases_match_id(&lex->determiners, v->wid, k, b))
        break;
      continue;
    }
    if (v->inq[k]) return 0;
    if (v->acts->mentions[mi].actor == src) return 1;
    first = &v->acts->mentions[mi];
    k = first->tok_first + first->tok_count - 1;
  }
  return 0;
}

/* Whether the source is the agent of the act noun at token k dated by p:
 * its possessor ("his complaint", "Hamas's statement"; "their" for several
 * sources) or the "by" agent after the date ("a claim made on Tuesday by X"). */
static int nominal_agent_is(const an_xview *v, uint32_t a, uint32_t b, uint32_t k, const an_datephrase *p,
                            uint32_t src, int multi) {
  if (k > a) {
    uint32_t j = k - 1;
    if ((v->tok[j].shape & AN_SHAPE_POSSESSIVE) && j > a) j--;
    int32_t mi = v->tok_m[j];
    if (mi >= 0 && v->acts->mentions[mi].actor == src) return 1;
    if (mi < 0 && multi && strcmp(v->w[j], "their") == 0) return 1;
  }
  for (uint32_t q = p->end; q < b && q < p->end + 3; q++) {
    if (strcmp(v->w[q], "by") != 0) continue;
    for (uint32_t h = q + 1; h < b && h < q + 8 && !(v->tok[h].shape & AN_SHAPE_PUNCT); h++) {
      int32_t mi = v->tok_m[h];
      if (mi >= 0 && v->acts->mentions[mi].actor == src) return 1;
    }
    return 0;
  }
  return 0;
}

static int take_date(an_arena *ar, const an_xview *v, const an_datephrase *p, const an_ymd *doc, an_revent *r,
                     int *oom) {
  r->date_text = span_dup(ar, v, p->first, p->end, oom);
  char iso[11];
  if (an_date_resolve(p, doc, iso)) memcpy(r->date, iso, 11);
  return 1;
}

/* The date of sentence si that refers back to the event (src, multi):
 *  - a nominal of an act next to the date ("his complaint, lodged on
 *    Thursday", "a claim made on Tuesday by X") in a sentence naming the
 *    source (nominal);
 *  - "<the source> said on Wednesday" (report, sentences after the event);
 *  - "On Monday, <the source> ..." opening the sentence (opener, sentences
 *    before the event). */
static int borrowed_date(const an_lexicon *lex, const an_xview *v, scache *sc, uint32_t si, uint32_t src, int multi,
                         int nominal, int report, int opener, const an_ymd *doc, an_revent *r, int *oom) {
  const an_sentence *s = &v->sent[si];
  if (!body_sent(s)) return 0;
  uint32_t a = body_first(v, s), b = s->tok_first + s->tok_count;
  if (b > v->ntok) b = (uint32_t)v->ntok;
  const an_datephrase *ph = NULL;
  size_t n = scan_cached(lex, v, sc, si, a, b, &ph);
  for (size_t i = 0; i < n; i++) {
    const an_datephrase *p = &ph[i];
    if (!usable_date(v, p)) continue;
    if (nominal) {
      for (uint32_t k = p->first > a + 5 ? p->first - 5 : a; k < p->first; k++) {
        uint32_t e = v->inq[k] ? 0 : an_phrases_match_id(&lex->date_nouns, v->wid, k, b);
        if (!e || e > p->first || p->first - e > 3) continue;
        if (nominal_agent_is(v, a, b, k, p, src, multi)) return take_date(sc->ar, v, p, doc, r, oom);
      }
    }
    if (report) {
      /* a reporting verb right before or after the date phrase */
      uint32_t lo = p->first > a + 3 ? p->first - 3 : a, hi = p->end + 3 < b ? p->end + 3 : b;
      for (uint32_t k = lo; k < hi; k++) {
        if (k >= p->first && k < p->end) continue;
        if (v->inq[k] || !an_phrases_match_id(&lex->reporting, v->wid, k, b)) continue;
        uint32_t subj_end = k < p->first ? k : p->first;
        if (subject_is(lex, v, a, subj_end, src, multi)) return take_date(sc->ar, v, p, doc, r, oom);
        break;
      }
    }
    if (opener && p->first <= a + 1) {
      /* "On Monday, X ...", "Later on Monday, X ...": the date of the
       * scene the next sentences go on describing */
      if (subject_is(lex, v, p->end, b, src, multi)) return take_date(sc->ar, v, p, doc, r, oom);
    }
  }
  return 0;
}

/* The headline's event: dated by the lead, the first body sentence. */
static int lead_date(const an_lexicon *lex, const an_xview *v, scache *sc, uint32_t si, const an_ymd *doc,
                     an_revent *r, int *oom) {
  if (body_sent(&v->sent[si])) return 0;
  for (uint32_t k = 0; k < si; k++)
    if (body_sent(&v->sent[k])) return 0; /* not the title above the article */
  for (size_t j = si + 1; j < v->nsent && j < si + 6; j++) {
    const an_sentence *s = &v->sent[j];
    if (!body_sent(s)) continue;
    uint32_t a = body_first(v, s), b = s->tok_first + s->tok_count;
    const an_datephrase *ph = NULL;
    size_t n = scan_cached(lex, v, sc, (uint32_t)j, a, b, &ph);
    for (size_t i = 0; i < n; i++)
      if (usable_date(v, &ph[i]) && (ph[i].kind == AN_DATE_WEEKDAY || ph[i].kind == AN_DATE_REL))
        return take_date(sc->ar, v, &ph[i], doc, r, oom);
    return 0;
  }
  return 0;
}

/* The date of an event: from its first mention, else from a later mention
 * of the same interaction that has one, else from a sentence that refers
 * back to it (above). multi: the event's trigger had several sources. */
static void event_date(const an_lexicon *lex, const an_xview *v, scache *sc, const an_xevent *e, const an_ymd *doc,
                       int multi, an_revent *r, int *oom) {
  if (occ_date(lex, v, sc, e, doc, r, oom)) return;
  for (int i = 0; i < e->n_more; i++) {
    an_xevent o = *e;
    o.sent = e->more[i].sent;
    o.trig_first = e->more[i].trig_first;
    o.trig_end = e->more[i].trig_end;
    o.clause_first = e->more[i].clause_first;
    o.clause_end = e->more[i].clause_end;
    if (occ_date(lex, v, sc, &o, doc, r, oom)) return;
  }
  uint32_t at[5];
  int nat = 0;
  at[nat++] = e->sent;
  for (int i = 0; i < e->n_more && nat < 5; i++) at[nat++] = e->more[i].sent;
  if (lead_date(lex, v, sc, e->sent, doc, r, oom)) return;
  for (int i = 0; i < nat; i++) {
    uint32_t si = at[i];
    for (uint32_t d = 1; d <= BORROW_AHEAD; d++) {
      if (si + d >= v->nsent) break;
      if (borrowed_date(lex, v, sc, si + d, e->src, multi, 1, d <= REPORT_AHEAD, 0, doc, r, oom)) return;
    }
    for (uint32_t d = 1; d <= BORROW_BACK && d <= si; d++) {
      if (borrowed_date(lex, v, sc, si - d, e->src, multi, 1, 0, d <= OPENER_BACK, doc, r, oom)) return;
      /* a nearer sentence with a date of its own ("this week") starts
       * another time frame: earlier dates do not reach past it */
      const an_sentence *s = &v->sent[si - d];
      const an_datephrase *ph = NULL;
      if (body_sent(s) && scan_cached(lex, v, sc, si - d, body_first(v, s), s->tok_first + s->tok_count, &ph))
        break;
    }
  }
}

static int occ_date(const an_lexicon *lex, const an_xview *v, scache *sc, const an_xevent *e, const an_ymd *doc,
                    an_revent *r, int *oom) {
  const an_sentence *s = &v->sent[e->sent];
  const an_datephrase *ph = NULL;
  size_t n = scan_cached(lex, v, sc, e->sent, s->tok_first, s->tok_first + s->tok_count, &ph);
  long best = -1, bestd = 1L << 30;
  for (size_t i = 0; i < n; i++) {
    long d = ph[i].end <= e->trig_first ? (long)e->trig_first - (long)ph[i].end
                                       : (long)ph[i].first - (long)e->trig_end;
    if (d < 0) d = 0;
    if (ph[i].first < e->clause_first || ph[i].first > e->clause_end) d += 1000;
    if (ph[i].end <= e->trig_first) {
      /* "X, who visited Y in July, was criticised": the date of the
       * relative clause, not of the event */
      int rel = 0, comma = 0;
      for (uint32_t k = e->clause_first; k < ph[i].first; k++)
        if (an_phrases_match_id(&lex->relative, v->wid, k, ph[i].first) ||
            an_phrases_match_id(&lex->relative_things, v->wid, k, ph[i].first))
          rel = 1;
      for (uint32_t k = ph[i].end; k < e->trig_first; k++)
        if (strcmp(v->w[k], ",") == 0) comma = 1;
      if (rel && comma) continue;
    }
    if (d < bestd) {
      bestd = d;
      best = (long)i;
    }
  }
  if (best < 0) return 0;
  r->date_text = span_dup(sc->ar, v, ph[best].first, ph[best].end, oom);
  char iso[11];
  if (an_date_resolve(&ph[best], doc, iso)) memcpy(r->date, iso, 11);
  return 1;
}

/* multi[i]: another event of the same trigger occurrence (sentence, first
 * token) has another source. By sorting, not by comparing all pairs. */
typedef struct trigkey {
  uint32_t sent, first, src, idx;
} trigkey;

static int cmp_trigkey(const void *a, const void *b) {
  const trigkey *x = a, *y = b;
  if (x->sent != y->sent) return x->sent < y->sent ? -1 : 1;
  if (x->first != y->first) return x->first < y->first ? -1 : 1;
  return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static an_status multi_sources(const an_xevent *xe, size_t nx, uint8_t *multi) {
  trigkey *k = an_malloc(nx * sizeof *k);
  if (!k) return AN_ENOMEM;
  for (size_t i = 0; i < nx; i++) k[i] = (trigkey){xe[i].sent, xe[i].trig_first, xe[i].src, (uint32_t)i};
  qsort(k, nx, sizeof *k, cmp_trigkey);
  for (size_t g = 0; g < nx;) {
    size_t h = g;
    int differ = 0;
    while (h < nx && k[h].sent == k[g].sent && k[h].first == k[g].first) {
      if (k[h].src != k[g].src) differ = 1;
      h++;
    }
    /* with two sources or more in the group, each event has another one */
    for (size_t q = g; q < h; q++) multi[k[q].idx] = (uint8_t)differ;
    g = h;
  }
  an_free(k);
  return AN_OK;
}

/* The evidence text of an event is its sentence; a "sentence" longer than
 * EVIDENCE_MAX bytes (a list or a run-on text the splitter could not cut)
 * gives instead the whole tokens within EVIDENCE_MAX/2 bytes of the
 * trigger, so that the output stays linear in the input. */
#define EVIDENCE_MAX 2048

static void evidence_span(const an_xview *v, const an_sentence *s, const an_xevent *e, size_t *a, size_t *b) {
  if (s->end - s->start <= EVIDENCE_MAX || e->trig_first >= e->trig_end || e->trig_end > v->ntok) return;
  const an_token *t = v->tok;
  uint32_t lo = e->trig_first, hi = e->trig_end; /* tokens [lo, hi) */
  size_t ta = t[lo].start, tb = t[hi - 1].start + t[hi - 1].len;
  while (lo > s->tok_first && ta - t[lo - 1].start <= EVIDENCE_MAX / 2) lo--;
  while (hi < s->tok_first + s->tok_count && hi < v->ntok && t[hi].start + t[hi].len - tb <= EVIDENCE_MAX / 2) hi++;
  *a = lo == s->tok_first ? s->start : t[lo].start;
  *b = hi == s->tok_first + s->tok_count ? s->end : t[hi - 1].start + t[hi - 1].len;
}

an_status an_result_build(const an_resources *res, an_workspace *ws, const an_doc *doc, const an_xview *v,
                          an_doc_actors *acts, an_offset_fn orig, const void *orig_ctx, unsigned opts,
                          an_result **out, an_error *err) {
  *out = NULL;
  an_result *r = an_calloc(1, sizeof *r);
  if (!r) {
    acts_free(acts);
    return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  }
  r->acts = acts;
  an_arena *ar = &r->arena;
  an_arena_init(ar);
  int oom = 0;
  r->doc_id = dup_opt(ar, doc->id ? doc->id : "", &oom);
  r->url = dup_opt(ar, doc->url, &oom);
  r->title = dup_opt(ar, doc->title, &oom);
  char iso[11];
  an_doc_date(res, ws, doc, v->s, v->len, iso);
  if (iso[0]) r->date = dup_opt(ar, iso, &oom);
  if (doc->outlet) {
    r->outlet = dup_opt(ar, doc->outlet, &oom);
  } else {
    char *o = an_outlet_detect(res, ws, v->s, v->len);
    r->outlet = dup_opt(ar, o, &oom);
    an_free(o);
  }
  an_ymd dd;
  if (!iso[0] || !an_ymd_parse_iso(iso, &dd)) memset(&dd, 0, sizeof dd);

  an_xevent *xe = NULL;
  size_t nx = 0;
  scache sc;
  /* (the date phrase slots are large and only read when valid: not cleared) */
  memset(&sc, 0, offsetof(scache, tmp)); /* (tmp is written before it is read) */
  sc.ar = ar;
  uint8_t *multi = NULL;
  an_status st = oom ? AN_ENOMEM : an_rules_run(res->lex, v, opts, &xe, &nx, err);
  if (st == AN_OK && nx) {
    r->ev = an_calloc(nx, sizeof(an_revent));
    multi = an_calloc(nx, 1);
    if (!r->ev || !multi) st = AN_ENOMEM;
    else st = multi_sources(xe, nx, multi);
  }
  for (size_t i = 0; st == AN_OK && i < nx; i++) {
    const an_xevent *e = &xe[i];
    an_revent *o = &r->ev[r->n_ev++];
    const an_sentence *s = &v->sent[e->sent];
    o->type = static_type(e->type);
    o->src = e->src;
    o->dst = e->dst;
    o->directed = !(o->type == k_type_names[0] || o->type == k_type_names[1]); /* call, meet (static_type's) */
    o->modal = e->modal;
    o->confidence = e->confidence;
    size_t ea = s->start, eb = s->end;
    evidence_span(v, s, e, &ea, &eb);
    o->sentence = an_arena_strndup(ar, v->s + ea, eb - ea);
    if (!o->sentence) oom = 1;
    o->off_a = orig(orig_ctx, ea);
    o->off_b = orig(orig_ctx, eb);
    if (e->gap_first < e->gap_end && e->gap_first > e->trig_first && e->gap_end < e->trig_end) {
      /* "charged ... with": the trigger's words, not the argument in its gap */
      const an_token *t = v->tok;
      if (e->trig_end > v->ntok) { /* (cannot happen: the rules keep spans in the text) */
        oom = 1;
        break;
      }
      size_t a0 = t[e->trig_first].start, a1 = t[e->gap_first - 1].start + t[e->gap_first - 1].len;
      size_t b0 = t[e->gap_end].start, b1 = t[e->trig_end - 1].start + t[e->trig_end - 1].len;
      char *tr = an_arena_alloc(ar, (a1 - a0) + 5 + (b1 - b0) + 1);
      if (tr) {
        memcpy(tr, v->s + a0, a1 - a0);
        memcpy(tr + (a1 - a0), " ... ", 5);
        memcpy(tr + (a1 - a0) + 5, v->s + b0, b1 - b0);
        tr[(a1 - a0) + 5 + (b1 - b0)] = '\0';
      } else {
        oom = 1;
      }
      o->trigger = tr;
    } else {
      o->trigger = span_dup(ar, v, e->trig_first, e->trig_end, &oom);
    }
    const char *cameo = e->trig->cameo, *plover = e->trig->plover;
    if (strcmp(e->type, e->trig->type) != 0)
      for (size_t k = 0; k < res->lex->n_types; k++)
        if (strcmp(res->lex->type_names[k], e->type) == 0) {
          cameo = res->lex->type_cameo[k];
          plover = res->lex->type_plover[k];
        }
    o->cameo = dup_opt(ar, cameo, &oom);
    o->plover = dup_opt(ar, plover, &oom);
    event_date(res->lex, v, &sc, e, &dd, multi && multi[i], o, &oom);
    o->attributed_to =
        attribution(res->lex, v, &sc, s->tok_first, s->tok_first + s->tok_count, e->src, e->trig_first, &oom);
    for (int k = 0; !o->attributed_to && !oom && k < e->n_more; k++) {
      const an_sentence *s2 = &v->sent[e->more[k].sent];
      o->attributed_to = attribution(res->lex, v, &sc, s2->tok_first, s2->tok_first + s2->tok_count, e->src,
                                     e->more[k].trig_first, &oom);
    }
    event_id(r->doc_id, o->type, acts->actors[o->src].id, acts->actors[o->dst].id, o->off_a, o->off_b, o->id);
    if (oom) st = AN_ENOMEM;
  }
  an_free(xe);
  an_free(multi);
  scache_free(&sc);
  if (st == AN_OK && oom) st = AN_ENOMEM;
  if (st != AN_OK) {
    an_result_free(r);
    if (st == AN_ENOMEM) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
    return st;
  }
  *out = r;
  return AN_OK;
}

static size_t text_orig(const void *ctx, size_t off) { return an_text_orig_offset((const an_text *)ctx, off); }

an_status an_extract_doc(const an_resources *res, an_workspace *ws, const an_doc *doc, unsigned opts,
                         an_result **out, an_error *err) {
  *out = NULL;
  if (!res || !ws || !doc) return an_error_set(err, AN_EINVAL, NULL, 0, -1, "an_extract_doc: NULL argument");
  if (!res->gaz) return an_error_set(err, AN_EINVAL, NULL, 0, -1, "an_extract_doc: resources without a gazetteer");
  an_text *t = NULL;
  an_doc_actors *acts = NULL;
  an_xview v;
  memset(&v, 0, sizeof v);
  /* the thread's text from the last document, its buffers reused */
  an_status st;
  if (ws->text) {
    t = ws->text;
    ws->text = NULL;
    st = an_text_renew(t, doc->text ? doc->text : "", doc->text ? doc->len : 0, err);
  } else {
    st = an_text_new(doc->text ? doc->text : "", doc->text ? doc->len : 0, &t, err);
  }
  if (st == AN_OK) st = an_actors_find_cached(res->gaz, t, ws->acache, &acts, err);
  if (st == AN_OK) {
    size_t len = 0, ntok = 0, nsent = 0;
    const char *s = an_text_str(t, &len);
    const an_token *tok = an_text_tokens(t, &ntok);
    const an_sentence *sent = an_text_sentences(t, &nsent);
    st = an_xview_init_memo(&v, res->lex, ws->lmemo, s, len, tok, ntok, sent, nsent, acts, err);
  }
  if (st == AN_OK) {
    st = an_result_build(res, ws, doc, &v, acts, text_orig, t, opts, out, err);
    acts = NULL; /* the result owns it (or freed it) */
  }
  an_xview_clear(&v);
  if (acts) acts_free(acts);
  /* kept for the next document, unless a huge one made it large */
  if (t && st == AN_OK && an_text_capacity(t) <= TEXT_KEEP_MAX)
    ws->text = t;
  else
    an_text_free(t);
  return st;
}

/* ---- JSON Lines ----------------------------------------------------------------- */

/* The records are written straight into the caller's buffer, byte for byte
 * as cJSON_PrintUnformatted writes them (the format other tools and the
 * tests know), without building a tree of small allocations per record. */
typedef struct jw {
  an_buf *b;
  int oom; /* an append failed: the output is incomplete */
} jw;

static int jgrow(jw *w, size_t n) {
  if (w->oom) return 0;
  if (n > SIZE_MAX / 4 - w->b->len || an_grow((void **)&w->b->data, &w->b->cap, w->b->len + n + 1, 1) != AN_OK) {
    w->oom = 1;
    return 0;
  }
  return 1;
}

/* Appends (the common case: it fits, one compare and a copy). */
static inline void ja(jw *w, const void *p, size_t n) {
  an_buf *b = w->b;
  if (b->len + n + 1 > b->cap && !jgrow(w, n)) return;
  memcpy(b->data + b->len, p, n);
  b->len += n;
}
/* Appends a copy of bytes [at, at + n) of the buffer itself (grown first:
 * growing may move the data). */
static void ja_self(jw *w, size_t at, size_t n) {
  an_buf *b = w->b;
  if (b->len + n + 1 > b->cap && !jgrow(w, n)) return;
  memcpy(b->data + b->len, b->data + at, n);
  b->len += n;
}
static void jp(jw *w, const char *s) { ja(w, s, strlen(s)); }
/* a string literal: its length known at compile time */
#define JL(w, lit) ja((w), (lit), sizeof(lit) - 1)
static inline void jc(jw *w, char c) {
  an_buf *b = w->b;
  if (b->len + 2 > b->cap && !jgrow(w, 1)) return;
  b->data[b->len++] = c;
}

/* A string with bytes to escape (the opening quote written), after the
 * plain ones. */
static __attribute__((noinline)) void j_str_esc(jw *w, const char *str, size_t len) {
  static const char hex[] = "0123456789abcdef";
  const unsigned char *p = (const unsigned char *)str, *end = p + len, *run = p;
  while (p < end) {
    /* plain bytes up to the next one to escape (evidence sentences are
     * most of the output) */
    p += an_find_json_escape((const char *)p, (size_t)(end - p));
    if (p >= end) break;
    unsigned char c = *p;
    if (p > run) ja(w, run, (size_t)(p - run));
    char e[6] = {'\\', 0, 0, 0, 0, 0};
    size_t n = 2;
    switch (c) {
    case '"': e[1] = '"'; break;
    case '\\': e[1] = '\\'; break;
    case '\b': e[1] = 'b'; break;
    case '\f': e[1] = 'f'; break;
    case '\n': e[1] = 'n'; break;
    case '\r': e[1] = 'r'; break;
    case '\t': e[1] = 't'; break;
    default:
      e[1] = 'u';
      e[2] = '0';
      e[3] = '0';
      e[4] = hex[c >> 4];
      e[5] = hex[c & 15];
      n = 6;
    }
    ja(w, e, n);
    run = ++p;
  }
  if (p > run) ja(w, run, (size_t)(p - run));
  jc(w, '"');
}

/* (inline: ids, labels, names, the sentence: most of what is written) */
static inline void j_str_n(jw *w, const char *str, size_t len) {
  /* room for the quotes and the plain bytes at once; escapes grow it */
  an_buf *b = w->b;
  if (b->len + len + 3 > b->cap && !jgrow(w, len + 2)) return;
  char *o = b->data + b->len;
  *o = '"';
  if (an_find_json_escape(str, len) < len) {
    b->len++;
    j_str_esc(w, str, len);
    return;
  }
  /* nothing to escape (nearly every string): one copy */
  if (len <= 16)
    copy_small(o + 1, str, len);
  else
    memcpy(o + 1, str, len);
  o[len + 1] = '"';
  b->len += len + 2;
}

static void j_str(jw *w, const char *s) { j_str_n(w, s, strlen(s)); }

static void j_str_or_null(jw *w, const char *s) {
  if (s)
    j_str(w, s);
  else
    JL(w, "null");
}

/* A number as cJSON prints it: an integer when it is one (and fits an
 * int), else the shortest of %1.15g and %1.17g that reads back. */
static void j_num(jw *w, double d) {
  char nb[32];
  if (d != d || d - d != 0) {
    JL(w, "null");
    return;
  }
  int vi = d >= 2147483647.0 ? 2147483647 : d <= -2147483648.0 ? (-2147483647 - 1) : (int)d;
  if (d == (double)vi) {
    /* "%d" by hand (offsets and counts: every number written) */
    size_t n = 0;
    int64_t v = vi;
    if (v < 0) {
      nb[n++] = '-';
      v = -v;
    }
    n += dec_u64(nb + n, (uint64_t)v);
    ja(w, nb, n);
    return;
  }
  double t = 0;
  snprintf(nb, sizeof nb, "%1.15g", d);
  if (sscanf(nb, "%lg", &t) != 1 || t != d) snprintf(nb, sizeof nb, "%1.17g", d);
  jp(w, nb);
}

/* A count or an offset: what j_num writes for it, the common case (up to
 * INT_MAX, printed as an integer) written straight into the buffer. */
static void j_uint(jw *w, uint64_t v) {
  an_buf *b = w->b;
  if (v > 2147483647u) {
    j_num(w, (double)v);
    return;
  }
  if (b->len + 22 > b->cap && !jgrow(w, 21)) return;
  b->len += dec_u64(b->data + b->len, v);
}

static void actor_ref(jw *w, const an_doc_actor *a) {
  JL(w, "{\"id\":");
  j_str(w, a->id ? a->id : "");
  JL(w, ",\"label\":");
  j_str(w, a->label ? a->label : "");
  JL(w, ",\"kind\":");
  if (a->kind == AN_KIND_PERSON)
    JL(w, "\"person\"");
  else if (a->kind == AN_KIND_ORGANIZATION)
    JL(w, "\"organization\"");
  else
    JL(w, "\"country\"");
}

/* Confidence with two decimals, independent of LC_NUMERIC. */
static void conf_num(jw *w, double c) {
  if (c < 0) c = 0;
  if (c > 1) c = 1;
  int h = (int)(c * 100 + 0.5);
  if (h >= 100) {
    jc(w, '1');
    return;
  }
  char buf[4] = {'0', '.', (char)('0' + h / 10), (char)('0' + h % 10)};
  ja(w, buf, 4);
}

an_status an_result_write_buf(const an_result *r, an_buf *out, an_error *err) {
  if (!r || !out) return an_error_set(err, AN_EINVAL, NULL, 0, -1, "an_result_write_buf: NULL argument");
  const an_doc_actors *A = r->acts;
  jw ww = {out, 0}, *w = &ww;
  size_t mark = out->len;
  const char *doc_id = r->doc_id ? r->doc_id : "";
  size_t doc_len = strlen(doc_id);
  JL(w, "{\"record\":\"document\",\"id\":");
  j_str_n(w, doc_id, doc_len);
  JL(w, ",\"date\":");
  j_str_or_null(w, r->date);
  JL(w, ",\"outlet\":");
  j_str_or_null(w, r->outlet);
  JL(w, ",\"url\":");
  j_str_or_null(w, r->url);
  JL(w, ",\"title\":");
  j_str_or_null(w, r->title);
  JL(w, ",\"actors\":[");
  /* Where each actor's {"id":..,"label":..,"kind":.. sits in the document
   * record: the events copy it from there. */
  size_t nact = A ? A->n_actors : 0, ref_local[2 * 64], *ref = ref_local;
  if (nact > 64 && !(ref = an_malloc(2 * nact * sizeof *ref))) w->oom = 1;
  for (size_t i = 0; !w->oom && i < nact; i++) {
    const an_doc_actor *a = &A->actors[i];
    if (i) jc(w, ',');
    ref[2 * i] = out->len;
    actor_ref(w, a);
    ref[2 * i + 1] = out->len - ref[2 * i];
    JL(w, ",\"country\":");
    j_str_or_null(w, a->country[0] ? a->country : NULL);
    JL(w, ",\"aliases\":[");
    for (size_t k = 0; k < a->n_aliases; k++) {
      if (k) jc(w, ',');
      j_str(w, a->aliases[k]);
    }
    JL(w, "],\"mentions\":");
    j_uint(w, (uint64_t)a->mentions);
    JL(w, ",\"key\":");
    j_str_or_null(w, a->key);
    jc(w, '}');
  }
  JL(w, "],\"affiliations\":[");
  int first = 1;
  for (size_t i = 0; A && i < A->n_affiliations; i++) {
    const an_affiliation *f = &A->affiliations[i];
    if (f->person >= A->n_actors || f->org >= A->n_actors) continue;
    if (!first) jc(w, ',');
    first = 0;
    JL(w, "{\"person\":");
    j_str(w, A->actors[f->person].id);
    JL(w, ",\"org\":");
    j_str(w, A->actors[f->org].id);
    JL(w, ",\"role\":");
    j_str_or_null(w, f->role);
    jc(w, '}');
  }
  JL(w, "]}\n");
  /* The fields every event of the document repeats are escaped once, in
   * the first event, and copied from there. */
  size_t doc_at = 0, doc_n = 0, tail_at = 0, tail_n = 0;
  for (size_t i = 0; i < r->n_ev && !w->oom; i++) {
    const an_revent *e = &r->ev[i];
    JL(w, "{\"record\":\"event\",\"id\":");
    { /* 16 hex digits (event_id): nothing to escape or measure */
      char q[18];
      q[0] = q[17] = '"';
      memcpy(q + 1, e->id, 16);
      ja(w, q, 18);
    }
    JL(w, ",\"doc\":");
    if (i == 0) {
      doc_at = out->len;
      j_str_n(w, doc_id, doc_len);
      doc_n = out->len - doc_at;
    } else {
      ja_self(w, doc_at, doc_n);
    }
    JL(w, ",\"type\":");
    j_str(w, e->type);
    JL(w, ",\"source\":");
    ja_self(w, ref[2 * e->src], ref[2 * e->src + 1]);
    JL(w, "},\"target\":");
    ja_self(w, ref[2 * e->dst], ref[2 * e->dst + 1]);
    if (e->directed)
      JL(w, "},\"directed\":true");
    else
      JL(w, "},\"directed\":false");
    JL(w, ",\"date\":");
    j_str_or_null(w, e->date[0] ? e->date : NULL);
    JL(w, ",\"date_text\":");
    j_str_or_null(w, e->date_text);
    if (i == 0) {
      tail_at = out->len;
      JL(w, ",\"outlet\":");
      j_str_or_null(w, r->outlet);
      JL(w, ",\"url\":");
      j_str_or_null(w, r->url);
      tail_n = out->len - tail_at;
    } else {
      ja_self(w, tail_at, tail_n);
    }
    JL(w, ",\"attributed_to\":");
    j_str_or_null(w, e->attributed_to);
    JL(w, ",\"sentence\":");
    j_str(w, e->sentence ? e->sentence : "");
    JL(w, ",\"offsets\":[");
    j_uint(w, (uint64_t)e->off_a);
    jc(w, ',');
    j_uint(w, (uint64_t)e->off_b);
    JL(w, "],\"trigger\":");
    j_str(w, e->trigger ? e->trigger : "");
    JL(w, ",\"confidence\":");
    conf_num(w, e->confidence);
    JL(w, ",\"cameo\":");
    j_str_or_null(w, e->cameo);
    JL(w, ",\"plover\":");
    j_str_or_null(w, e->plover);
    if (e->modal) JL(w, ",\"modal\":true");
    JL(w, "}\n");
  }
  if (ref != ref_local) an_free(ref);
  if (w->oom) {
    out->len = mark;
    if (out->data) out->data[mark] = '\0';
    return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  }
  out->data[out->len] = '\0';
  return AN_OK;
}

an_status an_result_write_jsonl(const an_result *r, FILE *out, an_error *err) {
  if (!r || !out) return an_error_set(err, AN_EINVAL, NULL, 0, -1, "an_result_write_jsonl: NULL argument");
  an_buf b;
  an_buf_init(&b);
  an_status st = an_result_write_buf(r, &b, err);
  if (st == AN_OK && b.len && fwrite(b.data, 1, b.len, out) != b.len)
    st = an_error_set(err, AN_EIO, NULL, 0, -1, "write failed");
  an_buf_free(&b);
  return st;
}
