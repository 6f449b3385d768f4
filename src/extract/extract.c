/* extract.c: one document to actors and events (extract.h): text stage,
 * actors stage, rules, then dates, outlet and attribution; JSON Lines. */
#include <ctype.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "extract/dates.h"
#include "extract/resources.h"
#include "extract/result.h"
#include "extract/rules.h"

#include "actors/actors.h"

/* The actors stage allocated it; it frees it. */
static void acts_free(an_doc_actors *a) { an_doc_actors_free(a); }

static const char *const k_type_names[] = {"call",     "meet",    "praise",  "accuse", "criticize",
                                           "threaten", "support", "message", "brief",  "attack"};

static const char *static_type(const char *t) {
  for (size_t i = 0; i < sizeof k_type_names / sizeof *k_type_names; i++)
    if (strcmp(k_type_names[i], t) == 0) return k_type_names[i];
  return "meet";
}

void an_result_free(an_result *r) {
  if (!r) return;
  an_free(r->doc_id);
  an_free(r->date);
  an_free(r->outlet);
  an_free(r->url);
  an_free(r->title);
  if (r->acts) acts_free(r->acts);
  for (size_t i = 0; i < r->n_ev; i++) {
    an_revent *e = &r->ev[i];
    an_free(e->date_text);
    an_free(e->attributed_to);
    an_free(e->sentence);
    an_free(e->trigger);
    an_free(e->cameo);
    an_free(e->plover);
  }
  an_free(r->ev);
  an_free(r);
}

size_t an_result_event_count(const an_result *r) { return r ? r->n_ev : 0; }
size_t an_result_actor_count(const an_result *r) { return r && r->acts ? r->acts->n_actors : 0; }

static char *dup_opt(const char *s, int *oom) {
  if (!s) return NULL;
  char *d = an_strdup(s);
  if (!d) *oom = 1;
  return d;
}

static char *span_dup(const an_xview *v, uint32_t a, uint32_t b, int *oom) {
  if (a >= b || b > v->ntok) return NULL;
  size_t s = v->tok[a].start, e = v->tok[b - 1].start + v->tok[b - 1].len;
  char *d = an_strndup(v->s + s, e - s);
  if (!d) *oom = 1;
  return d;
}

/* ---- document date and outlet ------------------------------------------------- */

void an_doc_date(const an_resources *res, an_workspace *ws, const an_doc *doc, const char *norm, size_t len,
                 char *iso) {
  an_ymd d;
  iso[0] = 0;
  if (doc && doc->date && an_ymd_parse_iso(doc->date, &d)) {
    snprintf(iso, 11, "%s", doc->date);
    iso[10] = 0;
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

/* Per-sentence work shared by the events of one sentence, so that a
 * sentence with many events (a 100 000-token run-on "sentence") is not
 * scanned again for each: where its attribution cues start, and its date
 * phrases. */
typedef struct dslot {
  uint32_t a, b;  /* the token range scanned */
  uint32_t off, n; /* its phrases: ph[off .. off + n) */
  int used;
} dslot;

typedef struct scache {
  uint32_t sa, sb;
  int valid;
  uint32_t *pos[3]; /* token positions where attrib_before, attrib_media_before, attrib_after match */
  size_t npos[3], cap[3];
  int oom;
  /* The date phrases of token ranges, each scanned once per document:
   * an event's own sentence and the sentences it borrows a date from are
   * asked for again and again. Two ranges per sentence (the whole one and
   * the one after a dateline), by the sentence of the range's first token;
   * the phrases of all of them in one array (ph: valid until the next
   * scan). */
  dslot (*slot)[2];
  size_t nslot;
  an_datephrase *ph;
  size_t nph, cap_ph;
  an_datephrase tmp[16]; /* a range that found no slot (or no memory for one) */
} scache;

static size_t scan_cached(const an_lexicon *lex, const an_xview *v, scache *sc, uint32_t a, uint32_t b,
                          const an_datephrase **ph) {
  if (a >= v->ntok || a >= b) { /* (no sentence to file it under) */
    *ph = sc->tmp;
    return an_dates_scan(lex, v, a, b, sc->tmp, 16);
  }
  if (!sc->slot && v->nsent) {
    sc->slot = an_calloc(v->nsent, sizeof *sc->slot);
    sc->nslot = sc->slot ? v->nsent : 0;
  }
  uint32_t si = v->tok_s[a];
  dslot *d = NULL;
  if (si < sc->nslot)
    for (int k = 0; k < 2; k++) {
      dslot *x = &sc->slot[si][k];
      if (x->used && x->a == a && x->b == b) {
        *ph = sc->ph + x->off;
        return x->n;
      }
      if (!x->used && !d) d = x;
    }
  if (!d || an_grow((void **)&sc->ph, &sc->cap_ph, sc->nph + 16, sizeof *sc->ph) != AN_OK) {
    *ph = sc->tmp;
    return an_dates_scan(lex, v, a, b, sc->tmp, 16);
  }
  size_t n = an_dates_scan(lex, v, a, b, sc->ph + sc->nph, 16);
  *d = (dslot){a, b, (uint32_t)sc->nph, (uint32_t)n, 1};
  sc->nph += n;
  *ph = sc->ph + d->off;
  return n;
}

static void scache_free(scache *c) {
  for (int i = 0; i < 3; i++) an_free(c->pos[i]);
  an_free(c->slot);
  an_free(c->ph);
}

static void scache_fill(scache *c, const an_lexicon *lex, const an_xview *v, uint32_t sa, uint32_t sb) {
  if (c->valid && c->sa == sa && c->sb == sb) return;
  const an_phrases *l[3] = {&lex->attrib_before, &lex->attrib_media_before, &lex->attrib_after};
  c->sa = sa;
  c->sb = sb;
  c->valid = 1;
  for (int i = 0; i < 3; i++) {
    c->npos[i] = 0;
    for (uint32_t k = sa; k < sb; k++) {
      if (!an_phrases_match_id(l[i], v->wid, k, sb)) continue;
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
    if (best && best->actor != skip_actor) return dup_opt(v->acts->actors[best->actor].label, oom);
    uint32_t h = end, hs;
    while (h > j && !cap_tok(v, h - 1)) h--;
    hs = h;
    while (hs > j && cap_tok(v, hs - 1) && v->tok_m[hs - 1] < 0) hs--;
    if (h > hs) return span_dup(v, hs, h, oom);
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
      if (an_xview_is_media(v, lex, v->acts->mentions[mi].actor)) return dup_opt(a->label, oom);
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
        if (an_xview_is_media(v, lex, v->acts->mentions[mi].actor)) return dup_opt(a->label, oom);
        h = v->acts->mentions[mi].tok_first;
        continue;
      }
      if ((v->tok[h].shape & AN_SHAPE_ALL_UPPER) && h + 1 == k) return span_dup(v, h, h + 1, oom);
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
      return dup_opt(v->acts->actors[m->actor].label, oom);
    }
  }
  return NULL;
}

/* ---- building the result ------------------------------------------------------- */

/* Appends s[0..n) to buf (at most cap - 1 bytes in all). */
static size_t id_put(char *buf, size_t o, size_t cap, const char *s, size_t n) {
  if (o + n > cap - 1) n = cap - 1 - o;
  memcpy(buf + o, s, n);
  return o + n;
}

/* Writes v in decimal into out (at least 21 bytes); returns its length. */
static size_t dec_u64(char *out, uint64_t v) {
  char tmp[24];
  size_t n = 0;
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  for (size_t i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
  return n;
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
  o = id_put(buf, o, cap, "\x1f", 1);
  o = id_put(buf, o, cap, type, strlen(type));
  o = id_put(buf, o, cap, "\x1f", 1);
  o = id_put(buf, o, cap, s, strlen(s));
  o = id_put(buf, o, cap, "\x1f", 1);
  o = id_put(buf, o, cap, t, strlen(t));
  o = id_put(buf, o, cap, "\x1f", 1);
  o = id_put(buf, o, cap, num, dec_u64(num, a));
  o = id_put(buf, o, cap, "\x1f", 1);
  o = id_put(buf, o, cap, num, dec_u64(num, b));
  uint64_t h = an_hash64(buf, o, 0);
  static const char hex[] = "0123456789abcdef";
  for (int i = 15; i >= 0; i--, h >>= 4) out[i] = hex[h & 15];
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

static int take_date(const an_xview *v, const an_datephrase *p, const an_ymd *doc, an_revent *r, int *oom) {
  r->date_text = span_dup(v, p->first, p->end, oom);
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
  size_t n = scan_cached(lex, v, sc, a, b, &ph);
  for (size_t i = 0; i < n; i++) {
    const an_datephrase *p = &ph[i];
    if (!usable_date(v, p)) continue;
    if (nominal) {
      for (uint32_t k = p->first > a + 5 ? p->first - 5 : a; k < p->first; k++) {
        uint32_t e = v->inq[k] ? 0 : an_phrases_match_id(&lex->date_nouns, v->wid, k, b);
        if (!e || e > p->first || p->first - e > 3) continue;
        if (nominal_agent_is(v, a, b, k, p, src, multi)) return take_date(v, p, doc, r, oom);
      }
    }
    if (report) {
      /* a reporting verb right before or after the date phrase */
      uint32_t lo = p->first > a + 3 ? p->first - 3 : a, hi = p->end + 3 < b ? p->end + 3 : b;
      for (uint32_t k = lo; k < hi; k++) {
        if (k >= p->first && k < p->end) continue;
        if (v->inq[k] || !an_phrases_match_id(&lex->reporting, v->wid, k, b)) continue;
        uint32_t subj_end = k < p->first ? k : p->first;
        if (subject_is(lex, v, a, subj_end, src, multi)) return take_date(v, p, doc, r, oom);
        break;
      }
    }
    if (opener && p->first <= a + 1) {
      /* "On Monday, X ...", "Later on Monday, X ...": the date of the
       * scene the next sentences go on describing */
      if (subject_is(lex, v, p->end, b, src, multi)) return take_date(v, p, doc, r, oom);
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
    size_t n = scan_cached(lex, v, sc, a, b, &ph);
    for (size_t i = 0; i < n; i++)
      if (usable_date(v, &ph[i]) && (ph[i].kind == AN_DATE_WEEKDAY || ph[i].kind == AN_DATE_REL))
        return take_date(v, &ph[i], doc, r, oom);
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
      if (body_sent(s) && scan_cached(lex, v, sc, body_first(v, s), s->tok_first + s->tok_count, &ph)) break;
    }
  }
}

static int occ_date(const an_lexicon *lex, const an_xview *v, scache *sc, const an_xevent *e, const an_ymd *doc,
                    an_revent *r, int *oom) {
  const an_sentence *s = &v->sent[e->sent];
  const an_datephrase *ph = NULL;
  size_t n = scan_cached(lex, v, sc, s->tok_first, s->tok_first + s->tok_count, &ph);
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
  r->date_text = span_dup(v, ph[best].first, ph[best].end, oom);
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
  int oom = 0;
  r->doc_id = dup_opt(doc->id ? doc->id : "", &oom);
  r->url = dup_opt(doc->url, &oom);
  r->title = dup_opt(doc->title, &oom);
  char iso[11];
  an_doc_date(res, ws, doc, v->s, v->len, iso);
  if (iso[0]) r->date = dup_opt(iso, &oom);
  if (doc->outlet)
    r->outlet = dup_opt(doc->outlet, &oom);
  else
    r->outlet = an_outlet_detect(res, ws, v->s, v->len);
  an_ymd dd;
  if (!iso[0] || !an_ymd_parse_iso(iso, &dd)) memset(&dd, 0, sizeof dd);

  an_xevent *xe = NULL;
  size_t nx = 0;
  scache sc;
  /* (the scratch phrases are only read after a scan: not cleared) */
  memset(&sc, 0, offsetof(scache, tmp));
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
    o->directed = !(strcmp(o->type, "call") == 0 || strcmp(o->type, "meet") == 0);
    o->modal = e->modal;
    o->confidence = e->confidence;
    size_t ea = s->start, eb = s->end;
    evidence_span(v, s, e, &ea, &eb);
    o->sentence = an_strndup(v->s + ea, eb - ea);
    if (!o->sentence) oom = 1;
    o->off_a = orig(orig_ctx, ea);
    o->off_b = orig(orig_ctx, eb);
    if (e->gap_first < e->gap_end && e->gap_first > e->trig_first && e->gap_end < e->trig_end) {
      /* "charged ... with": the trigger's words, not the argument in its gap */
      char *a = span_dup(v, e->trig_first, e->gap_first, &oom), *b = span_dup(v, e->gap_end, e->trig_end, &oom);
      an_buf tb;
      an_buf_init(&tb);
      if (a && b && an_buf_printf(&tb, "%s ... %s", a, b) == AN_OK)
        o->trigger = an_buf_steal(&tb, NULL);
      else
        oom = 1;
      an_buf_free(&tb);
      an_free(a);
      an_free(b);
    } else {
      o->trigger = span_dup(v, e->trig_first, e->trig_end, &oom);
    }
    const char *cameo = e->trig->cameo, *plover = e->trig->plover;
    if (strcmp(e->type, e->trig->type) != 0)
      for (size_t k = 0; k < res->lex->n_types; k++)
        if (strcmp(res->lex->type_names[k], e->type) == 0) {
          cameo = res->lex->type_cameo[k];
          plover = res->lex->type_plover[k];
        }
    o->cameo = dup_opt(cameo, &oom);
    o->plover = dup_opt(plover, &oom);
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
  an_status st = an_text_new(doc->text ? doc->text : "", doc->text ? doc->len : 0, &t, err);
  if (st == AN_OK) st = an_actors_find(res->gaz, t, &acts, err);
  if (st == AN_OK) {
    size_t len = 0, ntok = 0, nsent = 0;
    const char *s = an_text_str(t, &len);
    const an_token *tok = an_text_tokens(t, &ntok);
    const an_sentence *sent = an_text_sentences(t, &nsent);
    st = an_xview_init(&v, res->lex, s, len, tok, ntok, sent, nsent, acts, err);
  }
  if (st == AN_OK) {
    st = an_result_build(res, ws, doc, &v, acts, text_orig, t, opts, out, err);
    acts = NULL; /* the result owns it (or freed it) */
  }
  an_xview_clear(&v);
  if (acts) acts_free(acts);
  an_text_free(t);
  return st;
}

/* ---- JSON Lines ----------------------------------------------------------------- */

typedef struct jw {
  char *data;
  size_t len, cap;
  int oom; /* an append failed: the line is incomplete */
} jw;

static void jgrow(jw *w, size_t n) {
  size_t cap = w->cap ? w->cap : 4096;
  while (cap < w->len + n + 1) {
    if (cap > SIZE_MAX / 2) {
      w->oom = 1;
      return;
    }
    cap *= 2;
  }
  char *p = an_realloc(w->data, cap);
  if (!p) {
    w->oom = 1;
    return;
  }
  w->data = p;
  w->cap = cap;
}

/* Appends (the common case: it fits, one compare and a copy). */
static inline void ja(jw *w, const void *p, size_t n) {
  if (w->len + n + 1 > w->cap) {
    jgrow(w, n);
    if (w->oom) return;
  }
  memcpy(w->data + w->len, p, n);
  w->len += n;
}
static void jp(jw *w, const char *s) { ja(w, s, strlen(s)); }
/* a string literal: its length known at compile time */
#define JL(w, lit) ja((w), (lit), sizeof(lit) - 1)
static inline void jc(jw *w, char c) {
  if (w->len + 2 > w->cap) {
    jgrow(w, 1);
    if (w->oom) return;
  }
  w->data[w->len++] = c;
}

/* The records are written straight into a buffer, byte for byte as
 * cJSON_PrintUnformatted writes them (the format other tools and the tests
 * know), without building a tree of small allocations per record. */

static void j_str(jw *b, const char *s) {
  static const char hex[] = "0123456789abcdef";
  jc(b, '"');
  const unsigned char *p = (const unsigned char *)s, *run = p;
  for (; *p; p++) {
    unsigned char c = *p;
    if (c > 31 && c != '"' && c != '\\') continue;
    if (p > run) ja(b, run, (size_t)(p - run));
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
    ja(b, e, n);
    run = p + 1;
  }
  if (p > run) ja(b, run, (size_t)(p - run));
  jc(b, '"');
}

static void j_str_or_null(jw *b, const char *s) {
  if (s)
    j_str(b, s);
  else
    JL(b, "null");
}

/* A number as cJSON prints it: an integer when it is one (and fits an
 * int), else the shortest of %1.15g and %1.17g that reads back. */
static void j_num(jw *b, double d) {
  char nb[32];
  if (d != d || d - d != 0) {
    JL(b, "null");
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
    ja(b, nb, n);
    return;
  }
  double t = 0;
  snprintf(nb, sizeof nb, "%1.15g", d);
  if (sscanf(nb, "%lg", &t) != 1 || t != d) snprintf(nb, sizeof nb, "%1.17g", d);
  jp(b, nb);
}

static void actor_ref(jw *b, const an_doc_actor *a) {
  JL(b, "{\"id\":");
  j_str(b, a->id ? a->id : "");
  JL(b, ",\"label\":");
  j_str(b, a->label ? a->label : "");
  JL(b, ",\"kind\":");
  if (a->kind == AN_KIND_PERSON)
    JL(b, "\"person\"");
  else if (a->kind == AN_KIND_ORGANIZATION)
    JL(b, "\"organization\"");
  else
    JL(b, "\"country\"");
}

/* Confidence with two decimals, independent of LC_NUMERIC. */
static void conf_num(jw *b, double c) {
  if (c < 0) c = 0;
  if (c > 1) c = 1;
  int h = (int)(c * 100 + 0.5);
  if (h >= 100) {
    jc(b, '1');
    return;
  }
  char buf[4] = {'0', '.', (char)('0' + h / 10), (char)('0' + h % 10)};
  ja(b, buf, 4);
}

/* Writes the buffer as one line and empties it. */
static an_status put_line(jw *b, FILE *out, an_error *err) {
  jc(b, '\n');
  if (b->oom) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  int bad = fwrite(b->data, 1, b->len, out) != b->len;
  b->len = 0;
  if (bad) return an_error_set(err, AN_EIO, NULL, 0, -1, "write failed");
  return AN_OK;
}

an_status an_result_write_jsonl(const an_result *r, FILE *out, an_error *err) {
  if (!r || !out) return an_error_set(err, AN_EINVAL, NULL, 0, -1, "an_result_write_jsonl: NULL argument");
  const an_doc_actors *A = r->acts;
  jw bb = {NULL, 0, 0, 0}, *b = &bb;
  JL(b, "{\"record\":\"document\",\"id\":");
  j_str(b, r->doc_id ? r->doc_id : "");
  JL(b, ",\"date\":");
  j_str_or_null(b, r->date);
  JL(b, ",\"outlet\":");
  j_str_or_null(b, r->outlet);
  JL(b, ",\"url\":");
  j_str_or_null(b, r->url);
  JL(b, ",\"title\":");
  j_str_or_null(b, r->title);
  JL(b, ",\"actors\":[");
  for (size_t i = 0; A && i < A->n_actors; i++) {
    const an_doc_actor *a = &A->actors[i];
    if (i) jc(b, ',');
    actor_ref(b, a);
    JL(b, ",\"country\":");
    j_str_or_null(b, a->country[0] ? a->country : NULL);
    JL(b, ",\"aliases\":[");
    for (size_t k = 0; k < a->n_aliases; k++) {
      if (k) jc(b, ',');
      j_str(b, a->aliases[k]);
    }
    JL(b, "],\"mentions\":");
    j_num(b, (double)a->mentions);
    JL(b, ",\"key\":");
    j_str_or_null(b, a->key);
    jc(b, '}');
  }
  JL(b, "],\"affiliations\":[");
  int first = 1;
  for (size_t i = 0; A && i < A->n_affiliations; i++) {
    const an_affiliation *f = &A->affiliations[i];
    if (f->person >= A->n_actors || f->org >= A->n_actors) continue;
    if (!first) jc(b, ',');
    first = 0;
    JL(b, "{\"person\":");
    j_str(b, A->actors[f->person].id);
    JL(b, ",\"org\":");
    j_str(b, A->actors[f->org].id);
    JL(b, ",\"role\":");
    j_str_or_null(b, f->role);
    jc(b, '}');
  }
  JL(b, "]}");
  an_status st = put_line(b, out, err);
  for (size_t i = 0; st == AN_OK && i < r->n_ev; i++) {
    const an_revent *e = &r->ev[i];
    JL(b, "{\"record\":\"event\",\"id\":");
    j_str(b, e->id);
    JL(b, ",\"doc\":");
    j_str(b, r->doc_id ? r->doc_id : "");
    JL(b, ",\"type\":");
    j_str(b, e->type);
    JL(b, ",\"source\":");
    actor_ref(b, &A->actors[e->src]);
    JL(b, "},\"target\":");
    actor_ref(b, &A->actors[e->dst]);
    if (e->directed)
      JL(b, "},\"directed\":true");
    else
      JL(b, "},\"directed\":false");
    JL(b, ",\"date\":");
    j_str_or_null(b, e->date[0] ? e->date : NULL);
    JL(b, ",\"date_text\":");
    j_str_or_null(b, e->date_text);
    JL(b, ",\"outlet\":");
    j_str_or_null(b, r->outlet);
    JL(b, ",\"url\":");
    j_str_or_null(b, r->url);
    JL(b, ",\"attributed_to\":");
    j_str_or_null(b, e->attributed_to);
    JL(b, ",\"sentence\":");
    j_str(b, e->sentence ? e->sentence : "");
    JL(b, ",\"offsets\":[");
    j_num(b, (double)e->off_a);
    jc(b, ',');
    j_num(b, (double)e->off_b);
    JL(b, "],\"trigger\":");
    j_str(b, e->trigger ? e->trigger : "");
    JL(b, ",\"confidence\":");
    conf_num(b, e->confidence);
    JL(b, ",\"cameo\":");
    j_str_or_null(b, e->cameo);
    JL(b, ",\"plover\":");
    j_str_or_null(b, e->plover);
    if (e->modal) JL(b, ",\"modal\":true");
    jc(b, '}');
    st = put_line(b, out, err);
  }
  an_free(b->data);
  return st;
}
