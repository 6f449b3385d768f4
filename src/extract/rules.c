/* rules.c: the generic rule engine (rules.h). Nothing here knows a trigger
 * word: every word list comes from the lexicon. The few literal tokens left
 * ("and", "or", ",", "of", "by", "from", "between", "to", "that") are the
 * grammar the argument slots are defined by (data/lexicon/README.md). */
#include "extract/rules.h"

#include <ctype.h>
#include <string.h>

#include "actornet/extract.h"
#include "core/core.h"
#include "extract/mutual.h"
#include "extract/nominal.h"

#define MAXL 16 /* arguments per slot */
#define SCARE_QUOTE 6 /* quote marks this close (tokens) enclose words, not speech */

typedef struct mlist {
  int32_t m[MAXL];
  int n;
} mlist;

static void ml_add(mlist *l, int32_t m) {
  for (int i = 0; i < l->n; i++)
    if (l->m[i] == m) return;
  if (l->n < MAXL) l->m[l->n++] = m;
}

/* ---- view ------------------------------------------------------------------ */

void an_xview_clear(an_xview *v) {
  if (!v) return;
  an_free(v->w); /* (one block: wid, tok_m, tok_s, inq, dropped, media and wbuf too) */
  an_free(v->m_own);
  v->m_own = NULL;
  v->dropped = NULL;
  v->media = NULL;
  v->w = NULL;
  v->wbuf = NULL;
  v->wid = NULL;
  v->tok_m = NULL;
  v->inq = NULL;
  v->tok_s = NULL;
}

/* ---- descriptions that do not fit their actor ------------------------------ */

/* label holds a word of l (single-word phrases; case folded) */
static int label_has(const an_lexicon *lex, const an_phrases *l, const char *label) {
  (void)lex;
  if (!label || !l->n) return 0;
  const char *p = label;
  char w[64];
  while (*p) {
    while (*p && !isalnum((unsigned char)*p)) p++;
    size_t n = 0;
    while (p[n] && (isalnum((unsigned char)p[n]) || (unsigned char)p[n] >= 0x80)) n++;
    if (!n) break;
    if (n < sizeof w) {
      for (size_t i = 0; i < n; i++) w[i] = (char)tolower((unsigned char)p[i]);
      w[n] = 0;
      for (size_t k = 0; k < l->n; k++) {
        const an_pattern *pt = &l->p[k];
        if (pt->n_words != 1) continue;
        for (size_t a = 0; a < pt->words[0].n_alts; a++)
          if (strcmp(pt->words[0].alts[a], w) == 0) return 1;
      }
    }
    p += n;
  }
  return 0;
}

static int dtype_ending(const an_lexicon *lex, const an_xview *v, uint32_t lo, uint32_t e);

/* No name at token i (a word, or a description the actors stage resolved). */
static int not_named(const an_doc_actors *A, const an_xview *v, uint32_t i) {
  return v->tok_m[i] < 0 || A->mentions[v->tok_m[i]].how == AN_MENTION_DESCRIPTION;
}

/* The text calls actor x a t where it names it: "the players' union PFAG"
 * (the head right before a name) or "PFAG, the players' union," (an
 * apposition right after). */
static int text_typed(const an_lexicon *lex, const an_xview *v, const an_doc_actors *A, size_t t, uint32_t x) {
  for (size_t k = 0; k < A->n_mentions; k++) {
    const an_mention *m = &A->mentions[k];
    if (m->actor != x || m->how != AN_MENTION_NAME) continue;
    if (m->tok_first > 0 && not_named(A, v, m->tok_first - 1) &&
        dtype_ending(lex, v, m->tok_first > 3 ? m->tok_first - 3 : 0, m->tok_first) == (int)t)
      return 1;
    uint32_t e = m->tok_first + m->tok_count;
    if (e + 2 < v->ntok && strcmp(v->w[e], ",") == 0)
      for (uint32_t q = e + 2; q < v->ntok && q < e + 6 && not_named(A, v, q - 1); q++) {
        if (dtype_ending(lex, v, e + 1, q) == (int)t) return 1;
        if (v->tok[q - 1].shape & AN_SHAPE_PUNCT) break;
      }
  }
  return 0;
}

/* An organization (or, with "countries", a country) that type t describes:
 * its label or the text says so, and its label names no other kind. */
static int org_fits(const an_lexicon *lex, const an_xview *v, const an_doc_actors *A, size_t t, uint32_t x) {
  const an_doc_actor *a = &A->actors[x];
  if (a->kind == AN_KIND_COUNTRY) return lex->dtype_countries[t];
  if (a->kind != AN_KIND_ORGANIZATION) return 0;
  if (label_has(lex, &lex->dtype_forbid[t], a->label)) return 0;
  return !lex->dtype_require[t].n || label_has(lex, &lex->dtype_require[t], a->label) || text_typed(lex, v, A, t, x);
}

/* A person affiliated with an organization type t describes (or whose
 * stated role holds the type's word: "army chief"). */
static int person_fits(const an_lexicon *lex, const an_xview *v, size_t t, const an_doc_actors *A, uint32_t who) {
  for (size_t i = 0; i < A->n_affiliations; i++) {
    const an_affiliation *f = &A->affiliations[i];
    if (f->person != who || f->org >= A->n_actors) continue;
    if (A->actors[f->org].kind == AN_KIND_ORGANIZATION && org_fits(lex, v, A, t, f->org)) return 1;
    if (f->role && label_has(lex, &lex->dtype_heads[t], f->role)) return 1;
  }
  return 0;
}

/* "the Syrian leader": a head of state's or government's title after a
 * country (its demonym or possessive); the country's actor, or UINT32_MAX. */
static uint32_t head_title_country(const an_lexicon *lex, const an_xview *v, const an_mention *m) {
  uint32_t e = m->tok_first + m->tok_count;
  if (!m->tok_count || !an_phrases_match_id(&lex->head_titles, v->wid, e - 1, e)) return UINT32_MAX;
  uint32_t p = m->tok_first;
  if (p > 0 && (v->tok[p - 1].shape & AN_SHAPE_POSSESSIVE)) p--;
  if (p == 0 || v->tok_m[p - 1] < 0) return UINT32_MAX;
  const an_mention *c = &v->acts->mentions[v->tok_m[p - 1]];
  if (c->how == AN_MENTION_DESCRIPTION || c->actor >= v->acts->n_actors ||
      v->acts->actors[c->actor].kind != AN_KIND_COUNTRY)
    return UINT32_MAX;
  return c->actor;
}

/* Person x may be country k's head: x's country, if known, is k's, and x
 * has no stated role, or one holding a head title. */
static int head_fits(const an_lexicon *lex, const an_doc_actors *A, uint32_t x, uint32_t k) {
  const an_doc_actor *a = &A->actors[x], *ck = &A->actors[k];
  if (a->kind != AN_KIND_PERSON) return 0;
  if (a->country[0] && ck->country[0] && strcmp(a->country, ck->country) != 0) return 0;
  int roles = 0;
  for (size_t i = 0; i < A->n_affiliations; i++) {
    const an_affiliation *f = &A->affiliations[i];
    if (f->person != x || !f->role) continue;
    roles++;
    if (label_has(lex, &lex->head_titles, f->role) && (f->org == k || A->actors[f->org].kind != AN_KIND_COUNTRY))
      return 1;
  }
  return roles == 0;
}

/* "the king of Estmark" resolved to an Estmarkian person: whether the text gave
 * that person the title anywhere but in this very description (an
 * affiliation stated at another token whose role holds the title word; a
 * generic title, "the leader of X", takes any head role with X). When the
 * text gave them other roles only ("Prime Minister X"), the actor after
 * "of" (a country or organization, no name in apposition after it);
 * UINT32_MAX when the description stands. */
static uint32_t unnamed_holder(const an_lexicon *lex, const an_xview *v, const an_doc_actors *A, const an_mention *m) {
  uint32_t e = m->tok_first + m->tok_count;
  if (!m->tok_count || A->actors[m->actor].kind != AN_KIND_PERSON || e + 1 >= v->ntok) return UINT32_MAX;
  if (!an_phrases_match_id(&lex->title_words, v->wid, e - 1, e) || strcmp(v->w[e], "of") != 0 || v->tok_m[e + 1] < 0)
    return UINT32_MAX;
  const an_mention *o = &A->mentions[v->tok_m[e + 1]];
  if (o->tok_first != e + 1 || o->how == AN_MENTION_PRONOUN || o->how == AN_MENTION_DESCRIPTION ||
      A->actors[o->actor].kind == AN_KIND_PERSON)
    return UINT32_MAX;
  uint32_t q = o->tok_first + o->tok_count;
  if (q < v->ntok && (strcmp(v->w[q], ",") == 0 || (v->tok[q].shape & AN_SHAPE_POSSESSIVE))) return UINT32_MAX;
  const char *w = v->w[e - 1];
  size_t wl = strlen(w);
  int generic = an_phrases_match_id(&lex->generic_titles, v->wid, e - 1, e) > 0, others = 0;
  for (size_t i = 0; i < A->n_affiliations; i++) {
    const an_affiliation *f = &A->affiliations[i];
    if (f->person != m->actor || !f->role || (f->tok >= m->tok_first && f->tok < e)) continue;
    others++;
    if (generic && f->org == o->actor && label_has(lex, &lex->head_titles, f->role)) return UINT32_MAX;
    for (const char *r = strstr(f->role, w); r; r = strstr(r + 1, w))
      if ((r == f->role || r[-1] == ' ') && (r[wl] == 0 || r[wl] == ' ')) return UINT32_MAX;
  }
  /* (a person the text gives no other role may well hold this one) */
  return others ? o->actor : UINT32_MAX;
}

/* The description type whose head phrase ends at token e-1 and starts at
 * or after token lo, or -1. */
static int dtype_ending(const an_lexicon *lex, const an_xview *v, uint32_t lo, uint32_t e) {
  for (size_t t = 0; t < lex->n_dtypes; t++)
    for (uint32_t p = e > lo + 3 ? e - 3 : lo; p < e; p++)
      if (an_phrases_match_id(&lex->dtype_heads[t], v->wid, p, e) == e) return (int)t;
  return -1;
}

/* "the union" resolved to a ministry, "the union leader" to a president:
 * a description whose head names a kind of organization must refer to one
 * of that kind (a person described by it must be affiliated with one).
 * When it does not, the nearest earlier named actor that fits (ten
 * sentences back at most) takes its place; with none, the mention is
 * dropped: no event beats a wrong one. Fills v->m_own / v->acts_own. */
static int fix_descriptions(an_xview *v, const an_lexicon *lex, const an_doc_actors *acts) {
  v->acts_own = *acts;
  v->acts = &v->acts_own;
  if (!lex || !lex->n_dtypes || !acts->n_mentions) return 1;
  v->m_own = an_malloc(acts->n_mentions * sizeof *v->m_own);
  if (!v->m_own) return 0;
  if (!v->dropped) return 0;
  memcpy(v->m_own, acts->mentions, acts->n_mentions * sizeof *v->m_own);
  const an_doc_actors *A = acts;
  size_t out = 0;
  for (size_t k = 0; k < A->n_mentions; k++) {
    an_mention m = A->mentions[k];
    uint32_t e = m.tok_first + m.tok_count;
    if (m.how == AN_MENTION_DESCRIPTION && m.actor < A->n_actors && e <= v->ntok) {
      const an_doc_actor *a = &A->actors[m.actor];
      int t = dtype_ending(lex, v, m.tok_first, e), person = 0;
      if (t < 0 && a->kind == AN_KIND_PERSON) {
        /* "the (outspoken) union leader": an organization word modifying
         * the title, in the mention or just before it */
        uint32_t lo = m.tok_first > 3 ? m.tok_first - 3 : 0;
        for (uint32_t j = e - 1; j > lo && t < 0; j--)
          if (j - 1 >= m.tok_first || v->tok_m[j - 1] < 0) t = dtype_ending(lex, v, j - 1 >= m.tok_first ? m.tok_first : lo, j);
        person = t >= 0;
      }
      uint32_t uh = t < 0 ? unnamed_holder(lex, v, A, &m) : UINT32_MAX;
      if (uh != UINT32_MAX) {
        /* "praised the king of Estmark" with no king named: Estmark */
        m.actor = uh;
        v->m_own[out++] = m;
        continue;
      }
      uint32_t hc = t < 0 && a->kind == AN_KIND_PERSON ? head_title_country(lex, v, &m) : UINT32_MAX;
      if (hc != UINT32_MAX && !head_fits(lex, A, m.actor, hc)) {
        uint32_t s_lo = v->tok_s[m.tok_first] > 10 ? v->sent[v->tok_s[m.tok_first] - 10].tok_first : 0;
        uint32_t repl = UINT32_MAX;
        for (size_t j = k; j-- > 0 && A->mentions[j].tok_first >= s_lo;) {
          const an_mention *o = &A->mentions[j];
          if (o->how == AN_MENTION_NAME && o->actor < A->n_actors && head_fits(lex, A, o->actor, hc)) {
            repl = o->actor;
            break;
          }
        }
        if (repl == UINT32_MAX) {
          for (uint32_t q = m.tok_first; q < e; q++) v->dropped[q] = 1;
          continue;
        }
        m.actor = repl;
      }
      if (t >= 0) {
        int fits = person ? person_fits(lex, v, (size_t)t, A, m.actor) : org_fits(lex, v, A, (size_t)t, m.actor);
        if (!fits) {
          uint32_t s_lo = v->tok_s[m.tok_first] > 10 ? v->sent[v->tok_s[m.tok_first] - 10].tok_first : 0;
          uint32_t repl = UINT32_MAX;
          for (size_t j = k; j-- > 0 && A->mentions[j].tok_first >= s_lo;) {
            const an_mention *o = &A->mentions[j];
            if (o->how != AN_MENTION_NAME || o->actor >= A->n_actors) continue;
            const an_doc_actor *b = &A->actors[o->actor];
            if (person ? (b->kind == AN_KIND_PERSON && person_fits(lex, v, (size_t)t, A, o->actor))
                       : (b->kind == AN_KIND_ORGANIZATION && org_fits(lex, v, A, (size_t)t, o->actor))) {
              repl = o->actor;
              break;
            }
          }
          if (repl == UINT32_MAX) { /* dropped */
            for (uint32_t q = m.tok_first; q < e; q++) v->dropped[q] = 1;
            continue;
          }
          m.actor = repl;
        }
      }
    }
    v->m_own[out++] = m;
  }
  v->acts_own.mentions = v->m_own;
  v->acts_own.n_mentions = out;
  return 1;
}

an_status an_xview_init(an_xview *v, const an_lexicon *lex, const char *s, size_t len, const an_token *tok,
                        size_t ntok, const an_sentence *sent, size_t nsent, const an_doc_actors *acts, an_error *err) {
  return an_xview_init_memo(v, lex, NULL, s, len, tok, ntok, sent, nsent, acts, err);
}

an_status an_xview_init_memo(an_xview *v, const an_lexicon *lex, an_lower_memo *memo, const char *s, size_t len,
                             const an_token *tok, size_t ntok, const an_sentence *sent, size_t nsent,
                             const an_doc_actors *acts, an_error *err) {
  memset(v, 0, sizeof *v);
  v->s = s;
  v->len = len;
  v->tok = tok;
  v->ntok = ntok;
  v->sent = sent;
  v->nsent = nsent;
  v->acts = acts;
  /* room for every token's word and NUL: tokens do not overlap, so their
   * bytes are at most the text's (no pass to add them up) */
  size_t nt = ntok ? ntok : 1, total = len + ntok;
  /* the per-token tables in one block (one allocation a document, not
   * eight): pointers, then 4-byte entries, then bytes; w and wid get every
   * entry below, tok_s, inq, dropped and media start zeroed */
  size_t na = acts->n_actors ? acts->n_actors : 1;
  size_t zero = nt * sizeof(uint32_t) + 2 * nt + na;
  char *blk = an_malloc(nt * sizeof(char *) + 2 * nt * sizeof(uint32_t) + zero + total + 8);
  if (!blk) goto oom;
  v->w = (char **)(void *)blk;
  v->wid = (uint32_t *)(void *)(blk + nt * sizeof(char *));
  v->tok_m = (int32_t *)(v->wid + nt);
  v->tok_s = (uint32_t *)(v->tok_m + nt);
  memset(v->tok_s, 0, zero);
  v->inq = (uint8_t *)(v->tok_s + nt);
  v->dropped = v->inq + nt;
  v->media = v->dropped + nt;
  v->wbuf = (char *)(v->media + na); /* (an_lexicon_lower_id writes 8 bytes a step: 8 to spare) */
  v->w[0] = NULL; /* (what calloc gave a document without tokens) */
  v->wid[0] = 0;
  /* one buffer for all the words: no allocation per token */
  an_lexicon_lower_ids(lex, memo, s, len, tok, ntok, v->w, v->wbuf, v->wid);
  memset(v->tok_m, 0xff, ntok * sizeof *v->tok_m); /* -1 */
  /* Each token's sentence, and quotations: toggled by quote marks, closed
   * at a paragraph change (one pass). */
  int open = 0;
  uint32_t para = 0, qstart = 0;
  uint32_t *tok_s = v->tok_s; /* (locals: the stores below would make the loop reload v's fields) */
  uint8_t *inq = v->inq;
  for (size_t si = 0; si < nsent; si++) {
    if (sent[si].paragraph != para) open = 0;
    para = sent[si].paragraph;
    uint32_t hi = sent[si].tok_first + sent[si].tok_count;
    if (hi > ntok) hi = (uint32_t)ntok;
    for (uint32_t t = sent[si].tok_first; t < hi; t++) {
      tok_s[t] = (uint32_t)si; /* (before the test below reads it) */
      if (tok[t].shape & AN_SHAPE_QUOTE) {
        open = !open;
        inq[t] = 1;
        if (open) {
          qstart = t;
        } else if (t - qstart <= SCARE_QUOTE && tok_s[qstart] == tok_s[t]) {
          /* a few quoted words inside a sentence ('gave "a short briefing"',
           * 'the "Israeli" entity') are scare quotes, not speech */
          int punct = 0;
          for (uint32_t q = qstart + 1; q < t; q++)
            if (tok[q].shape & AN_SHAPE_PUNCT) punct = 1;
          if (!punct)
            for (uint32_t q = qstart + 1; q < t; q++) inq[q] = 0;
        }
      } else {
        inq[t] = (uint8_t)open;
      }
    }
  }
  /* the caller's mentions first (fix_descriptions reads what covers a
   * token), then the fixed copy's */
  for (size_t k = 0; k < acts->n_mentions; k++) {
    const an_mention *m = &acts->mentions[k];
    for (uint32_t t = m->tok_first; t < m->tok_first + m->tok_count && t < ntok; t++) v->tok_m[t] = (int32_t)k;
  }
  if (!fix_descriptions(v, lex, acts)) goto oom;
  for (size_t i = 0; i < ntok; i++) v->tok_m[i] = -1;
  for (size_t k = 0; k < v->acts->n_mentions; k++) {
    const an_mention *m = &v->acts->mentions[k];
    for (uint32_t t = m->tok_first; t < m->tok_first + m->tok_count && t < ntok; t++) v->tok_m[t] = (int32_t)k;
  }
  return AN_OK;
oom:
  an_xview_clear(v);
  return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
}

/* ---- small predicates ------------------------------------------------------- */

typedef struct ctx {
  const an_lexicon *lex;
  const an_xview *v;
  uint32_t sa, sb; /* sentence token range */
} ctx;

/* (the predicates below run for nearly every token a rule looks at:
 * inlined, so that the literal of `is` and the first-word bit of `inlist`
 * answer most calls without a call) */
#define AN_HOT static inline __attribute__((always_inline))
AN_HOT const char *W(const ctx *c, uint32_t i) { return i < c->v->ntok ? c->v->w[i] : ""; }
AN_HOT int is(const ctx *c, uint32_t i, const char *s) {
  if (i >= c->sb) return 0;
  const char *w = c->v->w[i]; /* (i < sb <= ntok) */
  /* a literal of up to 7 letters: its bytes and NUL compared at once (the
   * words lie end to end in wbuf, with 8 bytes to spare after the last:
   * reading past a shorter word's NUL stays inside, and that NUL already
   * differs from the literal's letter there) */
  size_t n = strlen(s);
  if (__builtin_constant_p(n) && n < 8) return memcmp(w, s, n + 1) == 0;
  return w[0] == s[0] && strcmp(w, s) == 0;
}
AN_HOT int inlist(const ctx *c, const an_phrases *l, uint32_t i) {
  return i < c->sb && an_phrases_match_id(l, c->v->wid, i, c->sb) > 0;
}
AN_HOT uint32_t listlen(const ctx *c, const an_phrases *l, uint32_t i) {
  uint32_t e = i < c->sb ? an_phrases_match_id(l, c->v->wid, i, c->sb) : 0;
  return e > i ? e - i : 0;
}
static const an_mention *M(const ctx *c, int32_t mi) { return &c->v->acts->mentions[mi]; }
static uint32_t mend(const ctx *c, int32_t mi) { return M(c, mi)->tok_first + M(c, mi)->tok_count; }
static int is_punct(const ctx *c, uint32_t i) { return (c->v->tok[i].shape & AN_SHAPE_PUNCT) != 0; }
static int is_quote(const ctx *c, uint32_t i) { return (c->v->tok[i].shape & AN_SHAPE_QUOTE) != 0; }
static int is_cap(const ctx *c, uint32_t i) {
  return (c->v->tok[i].shape & (AN_SHAPE_UPPER_INITIAL | AN_SHAPE_ALL_UPPER)) != 0 && !is_punct(c, i);
}
/* An "-ing" form at token i (a gerund or participle) */
static int ing_at(const ctx *c, uint32_t i) { return an_ing_form(W(c, i)); }
/* s is the literal lit: most strings differ at the first byte, without a
 * call (event types, compared on every trigger and event) */
AN_HOT int str_is(const char *s, const char *lit) { return s[0] == lit[0] && strcmp(s, lit) == 0; }
/* a past form: more than three letters ending in "ed" */
AN_HOT int ed_form(const char *w) {
  size_t n = strlen(w);
  return n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd';
}
AN_HOT int is_sep(const ctx *c, uint32_t i) {
  return is(c, i, ",") || is(c, i, "and") || is(c, i, "or") || is(c, i, "&");
}

/* A mention used as a modifier of what follows ("Hamas leader X", "Iranian
 * forces"): not an argument by itself while a head follows. */
static int is_modifier(const ctx *c, int32_t mi) {
  const an_mention *m = M(c, mi);
  if (m->flags & AN_MENTION_MODIFIER) return 1;
  /* "Hamas leader Ismail Haniyeh", "Hamas representative in Iran Khaled
   * al-Qaddumi": a name before a title and a person's name. */
  if (m->how == AN_MENTION_NAME || m->how == AN_MENTION_METONYM) {
    uint32_t k = mend(c, mi);
    if (k < c->sb && inlist(c, &c->lex->title_words, k)) {
      for (int steps = 0; k < c->sb && steps < 7; steps++, k++) {
        int32_t mj = c->v->tok_m[k];
        if (mj >= 0 && mj != mi) {
          if (c->v->acts->actors[M(c, mj)->actor].kind == AN_KIND_PERSON && M(c, mj)->how == AN_MENTION_NAME)
            return 1;
          k = mend(c, mj) - 1;
          continue;
        }
        if (is_punct(c, k) && !is(c, k, "-")) break;
        if (inlist(c, &c->lex->clause_end, k) || is(c, k, "and")) break;
      }
    }
  }
  if (m->how == AN_MENTION_DEMONYM) {
    uint32_t e = mend(c, mi);
    return e < c->sb && !is_punct(c, e) && !(c->v->tok[e].shape & AN_SHAPE_POSSESSIVE);
  }
  return 0;
}
AN_HOT int is_poss(const ctx *c, int32_t mi) {
  if (M(c, mi)->flags & AN_MENTION_POSSESSIVE) return 1;
  /* his, her, its, their: determiners */
  if (M(c, mi)->how == AN_MENTION_PRONOUN && M(c, mi)->tok_count == 1 &&
      inlist(c, &c->lex->determiners, M(c, mi)->tok_first))
    return 1;
  uint32_t e = mend(c, mi);
  return e < c->sb && (c->v->tok[e].shape & AN_SHAPE_POSSESSIVE);
}

/* Token inside a noun phrase's premodifiers: determiners, titles, listed
 * adjectives, capitalized words, possessive/modifier mentions. */
static int np_ok(const ctx *c, uint32_t i) {
  if (i >= c->sb) return 0;
  int32_t mi = c->v->tok_m[i];
  if (mi >= 0) return is_poss(c, mi) || is_modifier(c, mi);
  if (c->v->tok[i].shape & AN_SHAPE_POSSESSIVE) return 1;
  if (inlist(c, &c->lex->determiners, i) || inlist(c, &c->lex->np_words, i) ||
      inlist(c, &c->lex->title_words, i))
    return 1;
  if (is_punct(c, i)) return is(c, i, "-") || is(c, i, "(") || is(c, i, ")");
  return is_cap(c, i) && !inlist(c, &c->lex->prepositions, i);
}

enum { CTX_NONE, CTX_PREP, CTX_WORD };
/* What stands left of a mention's noun phrase: a preposition (the mention
 * sits in a PP: "an adviser to X"), or something else. *prep gets the
 * preposition's token. */
static int left_ctx(const ctx *c, int32_t mi, uint32_t floor, uint32_t *prep) {
  uint32_t k = M(c, mi)->tok_first;
  int steps = 0;
  while (k > floor && k > c->sa && steps < 8) {
    k--;
    steps++;
    int32_t mj = c->v->tok_m[k];
    if (mj >= 0 && mj != mi) {
      if (is_poss(c, mj) || is_modifier(c, mj)) {
        k = M(c, mj)->tok_first;
        continue;
      }
      return CTX_NONE;
    }
    /* "the leaders of A and B": a conjunct shares the first one's PP */
    if ((is(c, k, "and") || is(c, k, "or")) && k > c->sa && k > floor && c->v->tok_m[k - 1] >= 0 &&
        c->v->tok_m[k - 1] != mi && !is_poss(c, c->v->tok_m[k - 1])) {
      k = M(c, c->v->tok_m[k - 1])->tok_first;
      continue;
    }
    /* "Secretary of State X", "Minister of Foreign Affairs X": the "of"
     * is inside the title, not a PP around X */
    if (is(c, k, "of") && k > c->sa && k + 1 < c->sb && inlist(c, &c->lex->title_words, k - 1) && is_cap(c, k - 1) &&
        is_cap(c, k + 1) && c->v->tok_m[k - 1] < 0)
      continue;
    if (inlist(c, &c->lex->prepositions, k)) {
      if (prep) *prep = k;
      return CTX_PREP;
    }
    if (np_ok(c, k)) continue;
    if (is_punct(c, k)) return CTX_NONE;
    return CTX_WORD;
  }
  return CTX_NONE;
}

AN_HOT int mention_ok(const ctx *c, int32_t mi, int in_quote_ok) {
  const an_mention *m = M(c, mi);
  /* our own quotation map (an_xview_init), which tells scare quotes apart */
  if (!in_quote_ok && c->v->inq[m->tok_first]) return 0;
  if (m->how == AN_MENTION_PRONOUN) {
    /* "he" is a person, "its" is not: a resolution that disagrees is wrong */
    an_actor_kind k = c->v->acts->actors[m->actor].kind;
    if (inlist(c, &c->lex->person_pronouns, m->tok_first) && k != AN_KIND_PERSON) return 0;
    if (inlist(c, &c->lex->nonperson_pronouns, m->tok_first) && k == AN_KIND_PERSON) return 0;
  }
  return 1;
}

/* ---- coordination --------------------------------------------------------- */

static int title_phrase(const ctx *c, uint32_t a, uint32_t k);

/* Adds to l the conjuncts of mention first up to token lim: "A, B and C",
 * skipping appositions ("A, head of X, B"). */
/* "as well as" at token i: a coordinator of three words. */
AN_HOT int as_well_as(const ctx *c, uint32_t i) {
  return i + 2 < c->sb && is(c, i, "as") && is(c, i + 1, "well") && is(c, i + 2, "as");
}

/* After modifier mi, a head noun whose members act for it: "Israeli and
 * Hamas negotiators", "US and British forces" (not "leaders", persons;
 * not "groups", a class). */
static int agents_head(const ctx *c, int32_t mi) {
  uint32_t k = mend(c, mi);
  for (int n = 0; k < c->sb && n < 2 && c->v->tok_m[k] < 0 && (c->v->tok[k].shape & AN_SHAPE_ALL_LOWER); n++, k++) {
    if (inlist(c, &c->lex->force_nouns, k)) return 1;
    if (inlist(c, &c->lex->member_nouns, k)) return !inlist(c, &c->lex->generic_plurals, k);
  }
  return 0;
}

/* Whether some trigger, verb or noun ("praised", "talks"), can start at
 * token k (the word there is then no adjective before a name). */
static int starts_trigger(const ctx *c, uint32_t k) {
  size_t n = 0;
  an_lexicon_trigs_at(c->lex, c->v->wid[k], &n);
  return n > 0;
}

/* Whether a past-tense verb ("condemned", "met": lower case, no actor's word,
 * not the sentence's first word) comes before token k in its stretch
 * of the sentence (back to the nearest punctuation). */
static int past_verb_before(const ctx *c, uint32_t k) {
  for (uint32_t j = k; j-- > c->sa + 1;) {
    if (is_punct(c, j)) return 0;
    if (c->v->tok_m[j] < 0 && (c->v->tok[j].shape & AN_SHAPE_ALL_LOWER) &&
        (ed_form(W(c, j)) || inlist(c, &c->lex->past_irregular, j)))
      return 1;
  }
  return 0;
}

/* ", in a statement, ": a short phrase between commas at r that opens
 * with a preposition and holds no actor, verb or other punctuation (an
 * aside between a subject and its verb); the token after its closing
 * comma, else r. */
static uint32_t skip_aside(const ctx *c, uint32_t r, uint32_t lim) {
  if (r + 3 >= lim || !is(c, r, ",") || !inlist(c, &c->lex->prepositions, r + 1)) return r;
  for (uint32_t k = r + 2; k < lim && k < r + 8; k++) {
    if (is(c, k, ",")) return k > r + 2 ? k + 1 : r;
    if (c->v->tok_m[k] >= 0 || is_punct(c, k) ||
        ((c->v->tok[k].shape & AN_SHAPE_ALL_LOWER) && ed_form(W(c, k))))
      return r;
  }
  return r;
}

/* Where the verb of an actor mi after "and" would stand: past an aside
 * between commas and any adverbs ("and B, in a statement, also ..."). */
static uint32_t verb_after_and(const ctx *c, int32_t mi, uint32_t lim) {
  uint32_t r = skip_aside(c, mend(c, mi), lim);
  while (r < lim && inlist(c, &c->lex->adverbs, r)) r++;
  return r;
}

static void conjuncts(const ctx *c, int32_t first, uint32_t lim, int in_quote_ok, mlist *l) {
  ml_add(l, first);
  uint32_t pos = mend(c, first);
  /* the rest of a conjunct's segment must be noun-phrase material */
  for (;;) {
    while (pos < lim && !is_sep(c, pos) && !as_well_as(c, pos)) {
      if (!np_ok(c, pos) && c->v->tok_m[pos] < 0) return;
      pos++;
    }
    if (pos >= lim) return;
    int sep_and = 0;
    if (is(c, pos, ",")) pos++;
    if (as_well_as(c, pos)) {
      sep_and = 1;
      pos += 3;
    } else if (is(c, pos, "and") || is(c, pos, "or") || is(c, pos, "&")) {
      sep_and = 1;
      pos++;
    }
    if (pos >= lim) return;
    uint32_t seg_end = pos;
    while (seg_end < lim && !is_sep(c, seg_end) && !inlist(c, &c->lex->clause_end, seg_end)) seg_end++;
    int32_t found = -1;
    int ok = !(inlist(c, &c->lex->indefinites, pos) && c->v->tok_m[pos] < 0); /* ", a Republican,": apposition */
    for (uint32_t k = pos; ok && k < seg_end; k++) {
      int32_t mj = c->v->tok_m[k];
      if (mj >= 0 && !is_poss(c, mj) && (!is_modifier(c, mj) || (is_modifier(c, first) && l->n == 1 && agents_head(c, mj)))) {
        /* (modifiers of one head noun: "Israeli and Hamas negotiators") */
        found = mj;
        break;
      }
      if (mj >= 0) {
        k = mend(c, mj) - 1;
        continue;
      }
      if (!np_ok(c, k)) {
        /* "A and the rebel B": an adjective after "and the", then the name */
        if (sep_and && k > pos && k <= pos + 2 && inlist(c, &c->lex->determiners, pos) &&
            (c->v->tok[k].shape & AN_SHAPE_ALL_LOWER) && k + 1 < seg_end &&
            (c->v->tok_m[k + 1] >= 0 || (k + 2 < seg_end && c->v->tok_m[k + 2] >= 0 && k == pos + 1)) &&
            !inlist(c, &c->lex->prepositions, k) && !inlist(c, &c->lex->coordinators, k) &&
            !inlist(c, &c->lex->reporting, k) && !starts_trigger(c, k))
          continue;
        ok = 0;
        break;
      }
    }
    if (ok && sep_and && found >= 0 && M(c, found)->tok_first == pos) {
      /* "criticized A and B praised C": a name with its own past-tense
       * verb after "and" is the next clause's subject, no conjunct, when
       * a past-tense verb came before ("talks between A and B resumed") */
      uint32_t r = verb_after_and(c, found, lim);
      if (r < lim && c->v->tok_m[r] < 0 && (c->v->tok[r].shape & AN_SHAPE_ALL_LOWER) && ed_form(W(c, r)) &&
          past_verb_before(c, pos - 1))
        return;
    }
    /* "and the speaker of parliament, B": a title phrase, then its name */
    int tp = !ok && found < 0 && seg_end < lim && is(c, seg_end, ",") && title_phrase(c, pos, seg_end);
    if ((ok || tp) && found < 0 && seg_end < lim && is(c, seg_end, ",")) {
      /* "A and his Norlandic counterpart, B, met": the title's name */
      int titled = 0;
      for (uint32_t k = pos; k < seg_end; k++)
        if (inlist(c, &c->lex->title_words, k)) titled = 1;
      uint32_t j = seg_end + 1;
      while (j < lim && c->v->tok_m[j] < 0 && np_ok(c, j)) j++;
      int32_t mp = titled && j < lim ? c->v->tok_m[j] : -1;
      if (mp >= 0 && c->v->acts->actors[M(c, mp)->actor].kind == AN_KIND_PERSON && !is_poss(c, mp) &&
          mention_ok(c, mp, in_quote_ok)) {
        ml_add(l, mp);
        pos = mend(c, mp);
        if (pos < lim && is(c, pos, ",")) pos++; /* the apposition's closing comma */
        if (sep_and) return;
        continue;
      }
    }
    if (ok && found >= 0 && !sep_and) {
      /* "A, B spoke": after a comma only a bare noun phrase is a conjunct */
      for (uint32_t k = mend(c, found); k < seg_end; k++)
        if (!np_ok(c, k) && c->v->tok_m[k] < 0) {
          ok = 0;
          break;
        }
      if (!ok) return;
    }
    if (ok && found >= 0 && sep_and && pos >= 2 && is(c, pos - 2, ",") && mend(c, found) + 1 < c->sb &&
        is(c, mend(c, found), ",") &&
        (inlist(c, &c->lex->relative, mend(c, found) + 1) || inlist(c, &c->lex->relative_things, mend(c, found) + 1)))
      return; /* "solidarity with A, and B, which is not a member, condemned C": a new clause */
    if (ok && found >= 0 && mention_ok(c, found, in_quote_ok)) {
      ml_add(l, found);
      pos = mend(c, found);
      continue;
    }
    /* An apposition after a comma ("X, head of Y, Z"): go on to the next
     * segment; anything else ("X, for seeking ...") ends the list. */
    if (sep_and) return;
    if (!np_ok(c, pos) && !(c->v->tok[pos].shape & AN_SHAPE_ALL_LOWER && !inlist(c, &c->lex->prepositions, pos) &&
                            !inlist(c, &c->lex->clause_end, pos)))
      return;
    if (seg_end >= lim || inlist(c, &c->lex->clause_end, seg_end)) return;
    /* "KCNA, accused Seoul and Tokyo": a verb phrase is no apposition */
    for (uint32_t k = pos; k < seg_end; k++) {
      size_t nt = 0;
      const uint32_t *cand = c->v->tok_m[k] < 0 && !np_ok(c, k) ? an_lexicon_trigs_at(c->lex, c->v->wid[k], &nt) : NULL;
      /* (a trigger whose whole pattern is there: "trade minister" is no
       * "traded accusations") */
      int verb = 0;
      for (size_t q = 0; cand && q < nt && !verb; q++) {
        uint32_t g0 = 0, g1 = 0;
        verb = an_pattern_match_id(&c->lex->trig[cand[q]].pat, c->v->wid, k, c->sb, &g0, &g1) > 0;
      }
      if (verb || (c->v->tok_m[k] < 0 && !np_ok(c, k) && inlist(c, &c->lex->reporting, k))) return;
    }
    pos = seg_end;
  }
}

/* ---- subjects ---------------------------------------------------------- */

static int has_candidate(const ctx *c, uint32_t a, uint32_t b, int in_quote_ok) {
  for (uint32_t k = a; k < b; k++) {
    int32_t mi = c->v->tok_m[k];
    if (mi >= 0 && M(c, mi)->tok_first == k && !is_poss(c, mi) && mention_ok(c, mi, in_quote_ok)) return 1;
  }
  return 0;
}

/* "the Hamas leader", "UAW chief": an organization's name before a title
 * with no name after it stands for a person, not for the organization. */
static int org_title(const ctx *c, int32_t mi) {
  if (c->v->acts->actors[M(c, mi)->actor].kind != AN_KIND_ORGANIZATION) return 0;
  uint32_t k = mend(c, mi);
  if (k >= c->sb || !inlist(c, &c->lex->title_words, k)) return 0;
  while (k < c->sb && c->v->tok_m[k] < 0 && np_ok(c, k)) k++;
  return k >= c->sb || c->v->tok_m[k] < 0;
}

static int32_t head_of(const ctx *c, int32_t mi, uint32_t lim);

/* "Duarte's government criticised X": a person's government is their
 * country. Returns a mention of that country in the document, or -1. */
static int32_t government_of(const ctx *c, int32_t mi) {
  const an_doc_actors *A = c->v->acts;
  const an_doc_actor *p = &A->actors[M(c, mi)->actor];
  if (p->kind != AN_KIND_PERSON) return -1;
  /* the person's country, else the country the document affiliates them
   * with ("Norlandic President X") */
  uint32_t via = UINT32_MAX;
  if (!p->country[0])
    for (size_t i = 0; i < A->n_affiliations && via == UINT32_MAX; i++)
      if (A->affiliations[i].person == M(c, mi)->actor && A->affiliations[i].org < A->n_actors &&
          A->actors[A->affiliations[i].org].kind == AN_KIND_COUNTRY)
        via = A->affiliations[i].org;
  if (!p->country[0] && via == UINT32_MAX) return -1;
  uint32_t k = mend(c, mi);
  if (k < c->sb && (c->v->tok[k].shape & AN_SHAPE_POSSESSIVE)) k++;
  if (k >= c->sb || !inlist(c, &c->lex->government_nouns, k)) return -1;
  for (size_t j = 0; j < A->n_mentions; j++) {
    const an_doc_actor *a = &A->actors[A->mentions[j].actor];
    if (a->kind != AN_KIND_COUNTRY) continue;
    if (via != UINT32_MAX ? A->mentions[j].actor == via
                          : (strcmp(a->id, p->country) == 0 || strcmp(a->country, p->country) == 0))
      return (int32_t)j;
  }
  return -1;
}

/* "the Hamas leader", "Iran's top diplomat", "UAW chief": an organization
 * or country with a title and no name stands for the one person the
 * document affiliates with it under that title (the actors stage lists the
 * affiliations). Returns a mention of that person, or -1. */
static int32_t desc_person(const ctx *c, int32_t mi) {
  const an_mention *m = M(c, mi);
  const an_doc_actors *A = c->v->acts;
  if (A->actors[m->actor].kind == AN_KIND_PERSON || m->how == AN_MENTION_PRONOUN) return -1;
  /* "a senior Iranian official" introduces someone new: not a reference */
  uint32_t d = m->tok_first;
  while (d > c->sa && c->v->tok_m[d - 1] < 0 && inlist(c, &c->lex->np_words, d - 1)) d--;
  if (d > c->sa && inlist(c, &c->lex->indefinites, d - 1)) return -1;
  uint32_t k = mend(c, mi);
  if (k < c->sb && (c->v->tok[k].shape & AN_SHAPE_POSSESSIVE)) k++;
  uint32_t t0 = k;
  int titled = 0, generic = 0, head = 0;
  while (k < c->sb && c->v->tok_m[k] < 0 && k < t0 + 4 && np_ok(c, k)) {
    if (c->v->dropped[k]) return -1; /* a description that fits nobody here */
    if (inlist(c, &c->lex->title_words, k)) titled = 1;
    if (inlist(c, &c->lex->generic_titles, k)) generic = 1;
    if (inlist(c, &c->lex->head_titles, k)) head = 1;
    k++;
  }
  if (!titled) return -1;
  /* "the Syrian leader": a country's head, not any official of it */
  if (A->actors[m->actor].kind == AN_KIND_COUNTRY && head) generic = 0;
  if (k < c->sb && c->v->tok_m[k] >= 0) return -1; /* a name follows: "Hamas leader X" */
  int32_t person = -1;
  int n = 0;
  for (size_t i = 0; i < A->n_affiliations; i++) {
    const an_affiliation *f = &A->affiliations[i];
    if (f->org != m->actor || f->person >= A->n_actors || A->actors[f->person].kind != AN_KIND_PERSON) continue;
    int match = generic;
    if (!match && head && A->actors[m->actor].kind == AN_KIND_COUNTRY && f->role)
      match = label_has(c->lex, &c->lex->head_titles, f->role);
    for (uint32_t j = t0; j < k && !match && f->role; j++) {
      const char *r = f->role, *w = W(c, j);
      size_t wl = strlen(w);
      for (const char *q = strstr(r, w); q && !match; q = strstr(q + 1, w))
        if ((q == r || q[-1] == ' ') && (q[wl] == 0 || q[wl] == ' ')) match = 1;
    }
    if (!match) continue;
    if ((int32_t)f->person != person) n++;
    person = (int32_t)f->person;
  }
  if (n != 1) return -1;
  for (size_t j = 0; j < A->n_mentions; j++)
    if ((int32_t)A->mentions[j].actor == person && !c->v->inq[A->mentions[j].tok_first] &&
        !(A->mentions[j].flags & AN_MENTION_IN_QUOTE))
      return (int32_t)j;
  return -1;
}

/* A possessive followed by (adjectives and) a plural member noun and no
 * name: "the bloc's ministers", "Iran's officials". */
static int member_phrase(const ctx *c, int32_t mi, uint32_t b) {
  uint32_t k = mend(c, mi);
  if (k < b && (c->v->tok[k].shape & AN_SHAPE_POSSESSIVE)) k++;
  for (int n = 0; k < b && n < 3 && c->v->tok_m[k] < 0; n++, k++) {
    if (inlist(c, &c->lex->member_nouns, k)) return k + 1 >= b || c->v->tok_m[k + 1] < 0;
    if (!(c->v->tok[k].shape & AN_SHAPE_ALL_LOWER) && !inlist(c, &c->lex->np_words, k)) return 0;
    if (inlist(c, &c->lex->prepositions, k)) return 0;
  }
  return 0;
}

/* "Korean chipmaker", "the Dutch group": a country's demonym before an
 * organization's head noun describes a company or group, not the country. */
static int org_headed(const ctx *c, int32_t mi, uint32_t b) {
  /* a demonym, or a country's name used as a modifier ("the US chipmaker") */
  if (M(c, mi)->how != AN_MENTION_DEMONYM &&
      !(c->v->acts->actors[M(c, mi)->actor].kind == AN_KIND_COUNTRY && !is_poss(c, mi) &&
        mend(c, mi) < b && inlist(c, &c->lex->org_heads, mend(c, mi))))
    return 0;
  uint32_t k = mend(c, mi);
  for (int n = 0; k < b && n < 3 && c->v->tok_m[k] < 0; n++, k++) {
    if (inlist(c, &c->lex->org_heads, k))
      /* "Dutch equipment maker Veldhoven Photonics" names it */
      return !(k + 1 < b && (c->v->tok_m[k + 1] >= 0 || is_cap(c, k + 1)));
    if (!(c->v->tok[k].shape & AN_SHAPE_ALL_LOWER) || inlist(c, &c->lex->prepositions, k) ||
        inlist(c, &c->lex->title_words, k))
      return 0;
  }
  return 0;
}

/* "Angola's president", "the country's foreign minister": a country's
 * possessive before title words and no name (known or unknown) after. */
static int country_title(const ctx *c, int32_t mi, uint32_t b) {
  const an_mention *m = M(c, mi);
  if (c->v->acts->actors[m->actor].kind != AN_KIND_COUNTRY || !is_poss(c, mi) || m->how == AN_MENTION_PRONOUN) return 0;
  uint32_t k = mend(c, mi);
  if (k < b && (c->v->tok[k].shape & AN_SHAPE_POSSESSIVE)) k++;
  int titled = 0;
  while (k < b && c->v->tok_m[k] < 0 && (inlist(c, &c->lex->title_words, k) || inlist(c, &c->lex->np_words, k))) {
    if (inlist(c, &c->lex->title_words, k)) titled = 1;
    k++;
  }
  if (!titled) return 0;
  /* "Kenya's foreign minister criticised X": the range ends at the verb
   * (a word), right after the title */
  if (k >= b) return k == b && b < c->sb && !is_punct(c, b) && !is_cap(c, b);
  if (c->v->tok_m[k] >= 0 || (is_cap(c, k) && !is(c, k, ","))) return 0; /* "Angola's president Joao X" */
  /* "China's ambassador to Kazakhstan, Wu Jian,": a PP may lead to a name */
  if (inlist(c, &c->lex->prepositions, k)) return 0;
  if (is(c, k, ",")) {
    /* only ", who ...": ", Joao X," an apposition names them */
    uint32_t j = k + 1;
    if (j >= b || !inlist(c, &c->lex->relative, j)) return 0;
  }
  return 1;
}

/* First subject candidate in [a, b): a plain noun phrase beats one inside a
 * PP, which beats a bare modifier ("A US official slammed" -> US). */
static int32_t first_candidate(const ctx *c, uint32_t a, uint32_t b, int in_quote_ok, int *weak) {
  int32_t pp = -1, mod = -1;
  for (uint32_t k = a; k < b; k++) {
    if (is(c, k, ",") && k + 1 < b &&
        (inlist(c, &c->lex->relative, k + 1) || inlist(c, &c->lex->relative_things, k + 1) || is(c, k + 1, "whose"))) {
      /* "X, who has mediated between A and B since 2022, spoke with Y": the
       * relative clause between commas holds no subject of the main clause */
      uint32_t j = k + 2;
      while (j < b && !is(c, j, ",") && !is(c, j, ";")) j++;
      if (j < b && is(c, j, ",")) {
        k = j;
        continue;
      }
    }
    if (c->v->tok_m[k] < 0 && listlen(c, &c->lex->attrib_before, k)) {
      /* "According to a statement from the X Commission, the envoy briefed
       * Y": the cited source is no subject */
      uint32_t j = k + 1;
      while (j < b && !is(c, j, ",")) j++;
      if (j < b) {
        k = j;
        continue;
      }
    }
    int32_t mi = c->v->tok_m[k];
    if (mi < 0 || M(c, mi)->tok_first != k) continue;
    if (mend(c, mi) > b) break;
    if (!mention_ok(c, mi, in_quote_ok)) continue;
    {
      /* ", a Republican,": an apposition describing the subject */
      uint32_t d = M(c, mi)->tok_first;
      while (d > a && c->v->tok_m[d - 1] < 0 && inlist(c, &c->lex->np_words, d - 1)) d--;
      if (d > a + 1 && inlist(c, &c->lex->indefinites, d - 1) && is(c, d - 2, ",")) continue;
    }
    if (is_poss(c, mi)) {
      int32_t g = government_of(c, mi);
      if (g >= 0) {
        *weak = 0;
        return g;
      }
      if (c->v->acts->actors[M(c, mi)->actor].kind == AN_KIND_COUNTRY && left_ctx(c, mi, a, NULL) != CTX_PREP) {
        /* "Haiti's transitional council condemned": a country's governing
         * body is the country */
        uint32_t h = mend(c, mi);
        if (h < b && (c->v->tok[h].shape & AN_SHAPE_POSSESSIVE)) h++;
        for (int n = 0; h < b && n < 2 && c->v->tok_m[h] < 0 && (c->v->tok[h].shape & AN_SHAPE_ALL_LOWER) &&
                        !inlist(c, &c->lex->government_nouns, h) && !inlist(c, &c->lex->prepositions, h);
             n++)
          h++;
        if (h < b && inlist(c, &c->lex->government_nouns, h) && (h + 1 >= b || c->v->tok_m[h + 1] < 0)) {
          *weak = 0;
          return mi;
        }
      }
    }
    if (is_poss(c, mi) && M(c, mi)->how != AN_MENTION_PRONOUN && left_ctx(c, mi, a, NULL) != CTX_PREP) {
      /* "X's statement condemned Y", "X's letter to Z praised Y": the
       * owner of a statement speaks through it */
      uint32_t h = mend(c, mi) + ((mend(c, mi) < b && (c->v->tok[mend(c, mi)].shape & AN_SHAPE_POSSESSIVE)) ? 1 : 0);
      while (h < b && c->v->tok_m[h] < 0 && inlist(c, &c->lex->np_words, h)) h++;
      uint32_t n = h < b ? listlen(c, &c->lex->statement_nouns, h) : 0;
      if (n && (h + n == b || is(c, h + n, "to") || is(c, h + n, "with") || is(c, h + n, ","))) {
        *weak = 0;
        return mi;
      }
    }
    if (is_poss(c, mi) && inlist(c, &c->lex->force_nouns, mend(c, mi) + ((c->v->tok[mend(c, mi)].shape &
                                                                       AN_SHAPE_POSSESSIVE) ? 1 : 0)) &&
        left_ctx(c, mi, a, NULL) != CTX_PREP) {
      /* "Burhan's forces launched strikes", "Russia's army shelled": the
       * owner of the armed force acts */
      *weak = 0;
      return mi;
    }
    if (is_poss(c, mi) || org_title(c, mi)) {
      /* "Iran's top diplomat thanked", "the Hamas leader said": a person */
      if (desc_person(c, mi) >= 0 && left_ctx(c, mi, a, NULL) != CTX_PREP) {
        *weak = 0;
        return mi;
      }
      if (is_poss(c, mi) && member_phrase(c, mi, b) && left_ctx(c, mi, a, NULL) != CTX_PREP) {
        /* "the bloc's ministers had been briefed", "ASEAN's foreign
         * ministers condemned": the members act for their organization */
        *weak = 0;
        return mi;
      }
      if (country_title(c, mi, b) && left_ctx(c, mi, a, NULL) != CTX_PREP) {
        /* "Angola's president, who ..., spoke with X": an office holder the
         * text never names stands for the country (annotation.md §1) */
        *weak = 1;
        return mi;
      }
      continue;
    }
    if (is_modifier(c, mi)) {
      /* "A US official slammed" -> US; "French farm groups" are a class */
      uint32_t h = mend(c, mi);
      while (h < b && h < mend(c, mi) + 3 && c->v->tok_m[h] < 0 && !inlist(c, &c->lex->generic_plurals, h) &&
             (c->v->tok[h].shape & AN_SHAPE_ALL_LOWER))
        h++;
      /* "Hamas leader X's killing": the modifier's head is an owner */
      uint32_t q = mend(c, mi);
      while (q < b && c->v->tok_m[q] < 0 && (inlist(c, &c->lex->title_words, q) || inlist(c, &c->lex->np_words, q))) q++;
      int owned = q < b && q > mend(c, mi) && c->v->tok_m[q] >= 0 && is_poss(c, c->v->tok_m[q]);
      if (mod < 0 && !owned && !(h < b && inlist(c, &c->lex->generic_plurals, h)) && head_of(c, mi, b) != -2 &&
          !org_headed(c, mi, b))
        mod = mi;
      continue;
    }
    if (left_ctx(c, mi, a, NULL) == CTX_PREP) {
      if (pp < 0) pp = mi;
      continue;
    }
    *weak = 0;
    return mi;
  }
  *weak = 1;
  return pp >= 0 ? pp : mod;
}

/* The antecedent of a relative pronoun at token k: the mention ending just
 * before it (a comma in between allowed). */
static int32_t antecedent(const ctx *c, uint32_t k) {
  if (k == 0) return -1;
  uint32_t j = k - 1;
  if (j > c->sa && is(c, j, ",")) j--;
  int32_t mi = c->v->tok_m[j];
  if (mi < 0 && j >= c->sa + 2 && (c->v->tok[j].shape & AN_SHAPE_ALL_LOWER) && is(c, j - 1, "of") &&
      c->v->tok_m[j - 2] >= 0 && c->v->acts->actors[M(c, c->v->tok_m[j - 2])->actor].kind == AN_KIND_ORGANIZATION)
    mi = c->v->tok_m[j - 2]; /* "the council of generals who took control": the organization */
  {
    /* "the French embassy in Dakar, which ...": the place of a locative PP
     * is no antecedent; the noun phrase before it is */
    uint32_t p = mi >= 0 ? M(c, mi)->tok_first : j;
    if ((mi >= 0 || is_cap(c, j)) && p >= c->sa + 2 && inlist(c, &c->lex->locative, p - 1) &&
        !is(c, p - 1, "of") && c->v->tok_m[p - 2] >= 0 && !is_poss(c, c->v->tok_m[p - 2]) &&
        (mi < 0 || c->v->acts->actors[M(c, mi)->actor].kind != AN_KIND_PERSON))
      mi = c->v->tok_m[p - 2];
  }
  return mi;
}

typedef struct subj {
  mlist l;
  uint32_t cs; /* clause start */
  int weak;    /* found by a fallback */
  int32_t rel_obj; /* "X, whom Y received": the antecedent X, object of the relative clause; or -1 */
} subj;

static int is_participle(const ctx *c, const an_trigger *t, uint32_t ts) {
  if (t->nominal || !ing_at(c, ts)) return 0;
  if (ts == c->sa) return 1;
  uint32_t p = ts - 1;
  while (p > c->sa && inlist(c, &c->lex->adverbs, p)) p--;
  return is(c, p, ",") || inlist(c, &c->lex->gerund_subject_preps, p) ||
         p == c->sa - 1;
}

/* A past tense verb: "-ed", or an irregular form the lexicon lists as a
 * light verb or reporting verb in the past ("told", "held"). */
static int past_form(const ctx *c, uint32_t i) { return ed_form(W(c, i)); }

/* "X said that A had done B and warned C": the trigger, a bare past verb
 * after "and", coordinates with the reporting verb (k, a past form too),
 * not with the reported clause [r, ts), whose verb has an auxiliary
 * ("had", "would", "was"). Then X, not A, is the subject. */
static int main_verb_conjunct(const ctx *c, const an_trigger *t, uint32_t k, uint32_t r, uint32_t ts) {
  if (t->nominal || !past_form(c, ts)) return 0;
  uint32_t p = ts;
  while (p > r && inlist(c, &c->lex->adverbs, p - 1)) p--;
  if (p <= r || !is(c, p - 1, "and")) return 0;
  /* the reporting verb: k itself, or the one before "that" ("said in a
   * statement that") */
  uint32_t rv = k;
  if (is(c, k, "that")) {
    rv = UINT32_MAX;
    for (uint32_t j = k; j-- > c->sa && j + 8 > k;)
      if (listlen(c, &c->lex->reporting, j)) {
        rv = j;
        break;
      }
    /* "X denied that ... and accused Y": any past verb right before "that" */
    if (rv == UINT32_MAX && k > c->sa && c->v->tok_m[k - 1] < 0 && past_form(c, k - 1)) rv = k - 1;
    if (rv == UINT32_MAX) return 0;
  }
  const char *w = W(c, rv);
  int past = ed_form(w) || strcmp(w, "said") == 0 || strcmp(w, "told") == 0;
  if (!past) return 0;
  /* an auxiliary in the reported clause before the "and" */
  for (uint32_t j = r; j + 1 < p; j++)
    if (inlist(c, &c->lex->perfect_aux, j) || inlist(c, &c->lex->passive_aux, j) || inlist(c, &c->lex->modal, j))
      return 1;
  return 0;
}

/* After the reporting verb at k: "the (world governing) body/group/
 * organisation" opening the reported clause [r, ts) is the organization of
 * the speaker (the subject before k: the organization itself, or the one
 * the document affiliates the person with). A mention of it, or -1. */
static int32_t speaker_org(const ctx *c, uint32_t k, uint32_t r, uint32_t ts, int in_q) {
  if (!is(c, r, "the")) return -1;
  uint32_t j = r + 1;
  for (int n = 0; j < ts && n < 3 && !inlist(c, &c->lex->org_heads, j); n++, j++)
    if (!(c->v->tok[j].shape & AN_SHAPE_ALL_LOWER) || inlist(c, &c->lex->prepositions, j)) return -1;
  if (j >= ts || !inlist(c, &c->lex->org_heads, j) || c->v->dropped[j]) return -1;
  if (j + 1 < ts && (is(c, j + 1, "of") || (c->v->tok[j + 1].shape & AN_SHAPE_POSSESSIVE) || c->v->tok_m[j + 1] >= 0))
    return -1;
  int weak = 0;
  int32_t sp = first_candidate(c, c->sa, k, in_q, &weak);
  if (sp < 0 || weak) return -1;
  const an_doc_actors *A = c->v->acts;
  uint32_t who = M(c, sp)->actor, org = UINT32_MAX;
  if (A->actors[who].kind == AN_KIND_ORGANIZATION) {
    org = who;
  } else if (A->actors[who].kind == AN_KIND_PERSON) {
    for (size_t i = 0; i < A->n_affiliations; i++)
      if (A->affiliations[i].person == who && A->affiliations[i].org < A->n_actors &&
          A->actors[A->affiliations[i].org].kind == AN_KIND_ORGANIZATION) {
        if (org != UINT32_MAX && org != A->affiliations[i].org) return -1; /* two: no telling */
        org = A->affiliations[i].org;
      }
  }
  if (org == UINT32_MAX) return -1;
  for (size_t i = 0; i < A->n_mentions; i++)
    if (A->mentions[i].actor == org && !c->v->inq[A->mentions[i].tok_first]) return (int32_t)i;
  return -1;
}

/* "the envoy briefed", "the minister also criticised": a definite title
 * with no name right before the verb (only adverbs and auxiliaries
 * between) stands for the one person an earlier sentence introduced with
 * that title word ("the AU's special envoy, Peter Chirwa," / "Foreign
 * Minister Selam Tesfaye"). A mention of that person, or -1. */
static int32_t title_subject(const ctx *c, uint32_t cs, uint32_t ts, int in_q) {
  uint32_t e = ts;
  while (e > cs && (inlist(c, &c->lex->adverbs, e - 1) || inlist(c, &c->lex->perfect_aux, e - 1) ||
                    inlist(c, &c->lex->passive_aux, e - 1)))
    e--;
  if (e > cs + 2 && is(c, e - 1, ",")) {
    /* "the leader, without naming her, accused X": a phrase between
     * commas that opens with a lowercase word (no coordinator) */
    uint32_t q = e - 1;
    while (q > cs && q + 12 > e && !is(c, q - 1, ",")) q--;
    if (q > cs + 1 && is(c, q - 1, ",") && q + 1 < e && c->v->tok_m[q] < 0 &&
        (c->v->tok[q].shape & AN_SHAPE_ALL_LOWER) && !listlen(c, &c->lex->coordinators, q))
      e = q - 1;
  }
  if (e <= cs || c->v->tok_m[e - 1] >= 0 || c->v->dropped[e - 1] || !inlist(c, &c->lex->title_words, e - 1)) return -1;
  uint32_t tw = e - 1, j = tw;
  /* (adjectives: listed ones, capitalized ones: "the South American leader") */
  while (j > cs && c->v->tok_m[j - 1] < 0 &&
         (inlist(c, &c->lex->np_words, j - 1) || inlist(c, &c->lex->title_words, j - 1) ||
          (is_cap(c, j - 1) && !inlist(c, &c->lex->determiners, j - 1))))
    j--;
  if (j <= cs || !is(c, j - 1, "the")) return -1;
  if (j - 1 > cs && !is_punct(c, j - 2) && !inlist(c, &c->lex->prepositions, j - 2) &&
      !inlist(c, &c->lex->reporting, j - 2) && !is(c, j - 2, "that"))
    return -1;
  /* earlier sentences: the title word, then a person's name within the
   * next few tokens of the same sentence */
  const an_xview *v = c->v;
  const char *want = W(c, tw);
  uint32_t person = UINT32_MAX;
  int32_t pm = -1;
  uint32_t s_end = v->sent[v->tok_s[tw]].tok_first;
  /* bounded: the last 40 sentences (no quadratic walk on a huge document) */
  uint32_t s_lo = v->tok_s[tw] > 40 ? v->sent[v->tok_s[tw] - 40].tok_first : 0;
  for (uint32_t k = s_lo; k < s_end; k++) {
    if (v->tok_m[k] >= 0 || strcmp(v->w[k], want) != 0 || v->inq[k]) continue;
    uint32_t sb = v->sent[v->tok_s[k]].tok_first + v->sent[v->tok_s[k]].tok_count;
    for (uint32_t q = k + 1; q < sb && q < k + 14; q++) {
      int32_t mq = v->tok_m[q];
      if (mq < 0) {
        if (is_punct(c, q) && !is(c, q, ",") && !is(c, q, "-")) break;
        continue;
      }
      const an_mention *m = &v->acts->mentions[mq];
      if (v->acts->actors[m->actor].kind != AN_KIND_PERSON || m->how == AN_MENTION_PRONOUN) {
        q = m->tok_first + m->tok_count - 1;
        continue;
      }
      if (person != UINT32_MAX && person != m->actor) return -1; /* two: no telling */
      person = m->actor;
      pm = mq;
      break;
    }
  }
  if (pm < 0 && person == UINT32_MAX && inlist(c, &c->lex->head_titles, tw) && v->tok_s[tw] > 0) {
    /* "X's speech set off a crisis. The South American leader, ...": an
     * epithet for the one person the sentence before named */
    const an_sentence *ps = &v->sent[v->tok_s[tw] - 1];
    for (uint32_t q = ps->tok_first; q < ps->tok_first + ps->tok_count && q < v->ntok; q++) {
      int32_t mq = v->tok_m[q];
      if (mq < 0 || v->inq[q] || v->acts->mentions[mq].tok_first != q) continue;
      const an_mention *m = &v->acts->mentions[mq];
      if (v->acts->actors[m->actor].kind != AN_KIND_PERSON) continue;
      if (person != UINT32_MAX && person != m->actor) return -1; /* two: no telling */
      person = m->actor;
      if (m->how != AN_MENTION_PRONOUN && pm < 0) pm = mq;
    }
  }
  if (pm < 0 || !mention_ok(c, pm, in_q)) return -1;
  return pm;
}

/* A person named outside quotes before token k (an_last_two). */
typedef struct person_arg {
  const an_xview *v;
  uint32_t k;
} person_arg;
static int person_ok(void *arg, size_t j) {
  const person_arg *pa = arg;
  const an_mention *m = &pa->v->acts->mentions[j];
  return m->tok_first < pa->k && pa->v->acts->actors[m->actor].kind == AN_KIND_PERSON && !pa->v->inq[m->tok_first];
}

/* "A condemned the plan and B praised C": "and" at k (no comma before it)
 * opens a clause of its own when a plain actor follows it right up to a
 * past-tense trigger at ts (adverbs between: "and B also praised"; an
 * aside between commas: "and B, in a statement, praised") and the
 * words before it hold a past-tense verb of their own ("A and B praised C",
 * "officials from A and B praised C" are one subject). */
static int and_clause(const ctx *c, uint32_t k, uint32_t ts, int in_q) {
  if (k + 1 >= ts || !past_form(c, ts) || !(c->v->tok[ts].shape & AN_SHAPE_ALL_LOWER)) return 0;
  int32_t mj = c->v->tok_m[k + 1];
  if (mj < 0 || M(c, mj)->tok_first != k + 1 || is_poss(c, mj) || !mention_ok(c, mj, in_q)) return 0;
  return verb_after_and(c, mj, ts) == ts && past_verb_before(c, k);
}

static void find_subject(const ctx *c, const an_trigger *t, uint32_t ts, uint32_t te, int in_q, subj *s) {
  memset(s, 0, sizeof *s);
  s->cs = c->sa;
  s->rel_obj = -1;
  {
    /* "..., with Addis Ababa accusing Asmara of X": the absolute
     * construction's own subject */
    int32_t mi = ts > c->sa ? c->v->tok_m[ts - 1] : -1;
    if (!t->nominal && ing_at(c, ts) && mi >= 0 && !is_poss(c, mi) &&
        mention_ok(c, mi, in_q)) {
      uint32_t k = M(c, mi)->tok_first;
      while (k > c->sa && c->v->tok_m[k - 1] < 0 && np_ok(c, k - 1) && !is_punct(c, k - 1)) k--;
      if (k > c->sa && is(c, k - 1, "with")) {
        ml_add(&s->l, mi);
        s->cs = k;
        return;
      }
    }
  }
  int participle = is_participle(c, t, ts);
  int hard = 0; /* a clause boundary with no actor after it: do not look further */
  int commas = 0;
  if (participle && ts > c->sa + 1) {
    /* "that, by consulting X, Y breached": the gerund's subject follows it */
    uint32_t p = ts - 1;
    while (p > c->sa && inlist(c, &c->lex->adverbs, p)) p--;
    if (!is(c, p, ",") && (p == c->sa || is(c, p - 1, ",") || is(c, p - 1, "that"))) {
      s->cs = p;
      hard = 1;
      /* "X, after meeting Y, flew home": a phrase between commas right
       * after the clause's subject (and its apposition) is that subject's */
      int32_t mb = p >= c->sa + 2 && is(c, p - 1, ",") ? c->v->tok_m[p - 2] : -1;
      if (mb < 0 && p >= c->sa + 4 && is(c, p - 1, ",")) {
        /* "X, the Ghanaian president, after ...": an apposition's title */
        uint32_t q = p - 1;
        int n = 0;
        while (q > c->sa + 1 && n < 5 && !is(c, q - 1, ",") &&
               (c->v->tok_m[q - 1] >= 0 || (c->v->tok[q - 1].shape & AN_SHAPE_ALL_LOWER)) && !is_punct(c, q - 1)) {
          q--;
          n++;
        }
        if (n > 0 && q > c->sa + 1 && is(c, q - 1, ",") && inlist(c, &c->lex->determiners, q) &&
            inlist(c, &c->lex->title_words, p - 2))
          mb = c->v->tok_m[q - 2];
      }
      int w0 = 0;
      int32_t f0 = mb >= 0 ? first_candidate(c, c->sa, p - 1, in_q, &w0) : -1;
      if (f0 >= 0 && !w0 && !is_poss(c, mb) && M(c, mb)->actor == M(c, f0)->actor) {
        s->cs = c->sa;
        hard = 0;
      }
    }
  }
  uint32_t last_comma = 0;
  if (!participle) {
    for (uint32_t k = ts; k-- > c->sa;) {
      if (is(c, k, ";") || is(c, k, ":")) {
        s->cs = k + 1;
        break;
      }
      if (is(c, k, ",")) {
        /* "A condemned B, and C accused D": a new clause after ", and" */
        uint32_t co = listlen(c, &c->lex->coordinators, k + 1);
        /* ... but "A, B, and C condemned D" is a list: a clause before the
         * comma has a word that is no noun-phrase material */
        int clause_before = 0;
        for (uint32_t j = k; j-- > c->sa && j + 12 > k;) {
          if (is(c, j, ",") || is(c, j, ";")) break;
          if (c->v->tok_m[j] < 0 && !np_ok(c, j) && !is_punct(c, j)) {
            clause_before = 1;
            break;
          }
        }
        int wk = 1;
        if (co && clause_before && k + 1 + co < ts && has_candidate(c, k + 1 + co, ts, in_q) &&
            (first_candidate(c, k + 1 + co, ts, in_q, &wk) < 0 || !wk || !has_candidate(c, c->sa, k, in_q))) {
          /* (an actor only inside a PP, "A, and B above all, as a principle
           * of the movement, and thanked C", opens no clause of its own) */
          s->cs = k + 1 + co;
          break;
        }
        if (co && clause_before && k + 1 + co < ts) {
          /* ", and Duarte's government criticised": a new subject that is
           * no actor (an owner is not the agent) */
          uint32_t j = k + 1 + co;
          int32_t mj = c->v->tok_m[j];
          if (inlist(c, &c->lex->determiners, j) || (mj >= 0 && is_poss(c, mj))) {
            s->cs = j;
            hard = 1;
            break;
          }
        }
        commas++;
        last_comma = k;
        continue;
      }
      if (is(c, k, "that") && !t->nominal && k > c->sa && c->v->tok_m[k - 1] < 0 && !is_punct(c, k - 1) &&
          (c->v->tok[k - 1].shape & AN_SHAPE_ALL_LOWER) && !listlen(c, &c->lex->reporting, k - 1) &&
          !listlen(c, &c->lex->clause_verbs, k - 1) && !past_form(c, k - 1)) {
        /* "a resolution that condemned X": "that" right before the verb
         * (adverbs, auxiliaries between) is a relative pronoun whose
         * antecedent, a noun we cannot name, is the subject */
        uint32_t q = k + 1;
        while (q < ts && (inlist(c, &c->lex->adverbs, q) || inlist(c, &c->lex->perfect_aux, q) ||
                          inlist(c, &c->lex->passive_aux, q) || inlist(c, &c->lex->modal, q)))
          q++;
        if (q == ts && commas == 0) {
          s->cs = k + 1;
          return;
        }
      }
      if (is(c, k, "whose")) {
        /* "X, whose minister, Y, hosted Z": the apposition's name */
        uint32_t q = k + 1;
        while (q < ts && q < k + 4 && c->v->tok_m[q] < 0 && (c->v->tok[q].shape & AN_SHAPE_ALL_LOWER)) q++;
        uint32_t h = q + 1; /* (an honorific before the name: "Sheikh") */
        while (h < ts && h < q + 3 && c->v->tok_m[h] < 0 && is_cap(c, h)) h++;
        int32_t mq = q > k + 1 && h < ts && is(c, q, ",") ? c->v->tok_m[h] : -1;
        if (mq >= 0 && M(c, mq)->tok_first == h && !is_poss(c, mq) && mention_ok(c, mq, in_q)) {
          uint32_t r = mend(c, mq);
          if (r < ts && is(c, r, ",")) r++;
          while (r < ts && inlist(c, &c->lex->adverbs, r)) r++;
          if (r == ts) {
            ml_add(&s->l, mq);
            s->cs = k + 1;
            return;
          }
        }
      }
      int rel_person = inlist(c, &c->lex->relative, k);
      if (rel_person || inlist(c, &c->lex->relative_things, k)) {
        int open = commas == 0 || (commas == 2 && last_comma == k + 1);
        if (commas == 1 && last_comma == k + 1) open = 1;
        if (open && ((k > c->sa && inlist(c, &c->lex->prepositions, k - 1)) ||
                     (k + 1 < ts && c->v->tok_m[k + 1] >= 0 && has_candidate(c, k + 1, ts, in_q)))) {
          /* "a letter in which he accused Y", "the deal which Norland
           * signed": the relative pronoun is no subject; the clause has its own */
          s->cs = k + 1;
          if (!(k > c->sa && inlist(c, &c->lex->prepositions, k - 1))) {
            /* "X, whom Y received in Rabat": X is the object */
            int32_t an = antecedent(c, k);
            if (an >= 0 && !is_poss(c, an) && mention_ok(c, an, in_q)) s->rel_obj = an;
          }
          break;
        }
        if (open) {
          /* the trigger is inside the relative clause: its subject is the
           * antecedent ("met X, who lauded Y"; "sanctioned X, which
           * condemned Y"), else a noun phrase we cannot name */
          int32_t mi = antecedent(c, k);
          if (mi >= 0 && is_poss(c, mi)) mi = -1;
          if (mi < 0 && rel_person) mi = c->v->tok_m[k];
          if (mi >= 0 && mention_ok(c, mi, in_q)) ml_add(&s->l, mi);
          if (mi >= 0 && t->reciprocal && k > c->sa + 1 && is(c, k - 1, ",")) {
            /* "A and B, who met on Monday, ...": the whole coordination */
            int w1 = 0;
            int32_t f = first_candidate(c, c->sa, k - 1, in_q, &w1);
            mlist all = {{0}, 0};
            if (f >= 0 && !w1 && f != mi) conjuncts(c, f, k - 1, in_q, &all);
            if (all.n >= 2 && all.m[all.n - 1] == mi) s->l = all;
          }
          s->cs = k + 1;
          return;
        }
        continue;
      }
      /* (two commas: the aside of "and B, in a statement, praised C") */
      if ((commas == 0 || commas == 2) && is(c, k, "and") && and_clause(c, k, ts, in_q)) {
        s->cs = k + 1; /* "A condemned the plan and B praised C" */
        break;
      }
      /* Reported speech and subordinate clauses: the clause starts after
       * the cue when an actor follows it ("X said Y praised Z" -> Y). */
      if (c->v->tok_m[k] >= 0) continue; /* a name's word: "the Organization of American States" */
      if (is(c, k, "as") && (as_well_as(c, k) || (k >= c->sa + 2 && as_well_as(c, k - 2))))
        continue; /* "A as well as B met": a coordinator */
      uint32_t n = 0;
      if ((n = listlen(c, &c->lex->reporting, k)) || (n = listlen(c, &c->lex->subordinators, k)) ||
          is(c, k, "that")) {
        if (!n) n = 1;
        int sub = listlen(c, &c->lex->subordinators, k) > 0;
        if (sub && (k + n >= ts || is_punct(c, k + n))) continue; /* "courted controversy before," */
        /* "described X as a core principle, and thanked Y": "as a/an" is a
         * predicate or an adverbial ("as a result"), not a clause */
        if (sub && is(c, k, "as") && inlist(c, &c->lex->indefinites, k + 1) && c->v->tok_m[k + 1] < 0) continue;
        if (sub && commas > 0) {
          /* "X, who has mediated between A and B since last year, spoke":
           * the subordinator sits inside a relative clause the comma closes */
          /* "X, after Y had closed the border, criticised Z": a clause
           * between commas right after the subject */
          int in_rel = k >= c->sa + 2 && is(c, k - 1, ",") && c->v->tok_m[k - 2] >= 0 && !is_poss(c, c->v->tok_m[k - 2]) &&
                       first_candidate(c, c->sa, k - 1, in_q, &(int){0}) == c->v->tok_m[k - 2];
          for (uint32_t j = k; !in_rel && j-- > c->sa;) {
            if (is(c, j, ",")) break;
            if ((inlist(c, &c->lex->relative, j) || inlist(c, &c->lex->relative_things, j)) && j > c->sa &&
                is(c, j - 1, ",")) {
              in_rel = 1;
              break;
            }
            /* "X, speaking after talks with Y, criticised Z": a participle
             * phrase between commas, the subordinator inside it */
            if (j > c->sa && is(c, j - 1, ",") && c->v->tok_m[j] < 0 && ing_at(c, j) &&
                has_candidate(c, c->sa, j - 1, in_q)) {
              in_rel = 1;
              break;
            }
            /* "X, the only minister to come since the accord was concluded,
             * held talks": an apposition after the subject, the
             * subordinator inside it */
            if (j >= c->sa + 2 && is(c, j - 1, ",") && c->v->tok_m[j] < 0 && inlist(c, &c->lex->determiners, j) &&
                c->v->tok_m[j - 2] >= 0 && !is_poss(c, c->v->tok_m[j - 2]) &&
                first_candidate(c, c->sa, j - 1, in_q, &(int){0}) == c->v->tok_m[j - 2]) {
              in_rel = 1;
              break;
            }
          }
          if (in_rel) continue;
        }
        if (sub && commas > 0) {
          /* "since Monday," "after the vote,": a phrase, not a clause */
          int clause = 0;
          for (uint32_t j = k + n; j < last_comma && !clause; j++)
            if (c->v->tok_m[j] < 0 && (c->v->tok[j].shape & AN_SHAPE_ALL_LOWER) && !np_ok(c, j) &&
                !inlist(c, &c->lex->prepositions, j))
              clause = 1;
          if (!clause && !has_candidate(c, last_comma + 1, ts, in_q)) continue;
        }
        if (sub && commas > 0) {
          /* "After X did Y, Z met W": the main clause follows the comma */
          s->cs = last_comma + 1;
          if (!has_candidate(c, last_comma + 1, ts, in_q)) {
            hard = 1;
            /* "before Trump was sworn in, he held": an unresolved pronoun
             * subject is the one person named in the clause before it */
            uint32_t p = last_comma + 1;
            while (p < ts && inlist(c, &c->lex->adverbs, p)) p++;
            if (p < ts && c->v->tok_m[p] < 0 && inlist(c, &c->lex->person_pronouns, p)) {
              int32_t only = -1;
              int n_person = 0;
              for (uint32_t j = k + n; j < last_comma; j++) {
                int32_t mj = c->v->tok_m[j];
                if (mj < 0 || M(c, mj)->tok_first != j) continue;
                if (c->v->acts->actors[M(c, mj)->actor].kind == AN_KIND_PERSON && !is_poss(c, mj)) {
                  if (only < 0 || M(c, only)->actor != M(c, mj)->actor) n_person++;
                  only = mj;
                }
              }
              if (n_person == 1 && mention_ok(c, only, in_q)) {
                ml_add(&s->l, only);
                s->weak = 1;
                return;
              }
            }
          }
          break;
        }
        if (!sub && k + n < ts && !has_candidate(c, k + n, ts, in_q)) {
          /* "Its director, X, said the organisation had written to Y": the
           * speaker's own organization */
          int32_t og = speaker_org(c, k, k + n, ts, in_q);
          if (og >= 0) {
            ml_add(&s->l, og);
            s->cs = k + n;
            s->weak = 1;
            return;
          }
          /* "X said the company had written to Y": a subject we cannot name,
           * not the speaker (verbs that take a clause, not an object) */
          if (listlen(c, &c->lex->clause_verbs, k) && inlist(c, &c->lex->determiners, k + n) &&
              !inlist(c, &c->lex->plural_pronouns, k + n) && !t->nominal) {
            s->cs = k + n;
            hard = 1;
            break;
          }
        }
        if (k + n <= ts && has_candidate(c, k + n, ts, in_q)) {
          if (!sub && main_verb_conjunct(c, t, k, k + n, ts)) continue;
          if (sub && commas == 0 && past_form(c, ts)) {
            /* "X waited as the delegation from Y arrived and thanked Z":
             * the subordinate clause's own subject is no named actor (Y
             * sits in a PP), so "and thanked" goes with the main verb */
            uint32_t p = ts;
            while (p > k + n && inlist(c, &c->lex->adverbs, p - 1)) p--;
            int w2 = 0;
            if (p > k + n && is(c, p - 1, "and") && first_candidate(c, k + n, p - 1, in_q, &w2) >= 0 && w2 &&
                has_candidate(c, c->sa, k, in_q))
              continue;
          }
          s->cs = k + n;
          break;
        }
        int nominal_cl = t->nominal && k + n < ts &&
                         (is(c, k, "that") || inlist(c, &c->lex->determiners, k + n) || is(c, k + n, "that"));
        /* "declared its support for": a light verb and its own object */
        if (nominal_cl && inlist(c, &c->lex->light_verbs, k) && k + n + 1 == ts) nominal_cl = 0;
        /* "rejected the claims as baseless and threatened X": "as" before
         * an adjective opens no clause; a clause starts with its subject */
        int sub_clause = sub && commas == 0 && k + n < ts &&
                         (inlist(c, &c->lex->determiners, k + n) || inlist(c, &c->lex->plural_pronouns, k + n) ||
                          inlist(c, &c->lex->person_pronouns, k + n) || inlist(c, &c->lex->nonperson_pronouns, k + n) ||
                          is_cap(c, k + n) || c->v->tok_m[k + n] >= 0);
        if (sub && commas == 0 && !sub_clause && !nominal_cl) continue;
        if (k + n <= ts && (sub_clause || nominal_cl)) {
          /* "once the club had accused X", "said that the talks with X":
           * the subject is a noun phrase we cannot name */
          s->cs = k + n;
          hard = 1;
          break;
        }
      }
    }
  }
  /* "Both leaders accused X": the two persons the last sentences named */
  for (uint32_t k = s->cs; k < ts; k++) {
    uint32_t e = an_phrases_match_id(&c->lex->pair_phrases, c->v->wid, k, ts);
    if (!e) continue;
    while (e < ts && inlist(c, &c->lex->adverbs, e)) e++;
    if (e != ts) break;
    const an_xview *v = c->v;
    uint32_t s0 = v->tok_s[k] >= 2 ? v->tok_s[k] - 2 : 0;
    /* the nearest pair: a third person in an earlier sentence than the
     * pair's does not count ("X held talks with Y. The two presidents
     * also spoke with Z" after a sentence about W) */
    int32_t pick[2] = {-1, -1};
    person_arg pa = {v, k};
    if (an_last_two(v, k, v->sent[s0].tok_first, person_ok, &pa, pick) == 2) {
      ml_add(&s->l, pick[1]);
      ml_add(&s->l, pick[0]);
      s->weak = 1;
      return;
    }
    break;
  }
  int weak = 0;
  int32_t first = first_candidate(c, s->cs, ts, in_q, &weak);
  if (first < 0 && s->cs > c->sa && !hard) first = first_candidate(c, c->sa, ts, in_q, &weak);
  if (first < 0 || weak) {
    /* "the envoy briefed X": the one person the document introduced with
     * that title */
    int32_t tp = title_subject(c, s->cs, ts, in_q);
    if (tp >= 0) {
      ml_add(&s->l, tp);
      s->weak = 1;
      return;
    }
  }
  int initial = 1; /* only prepositions, determiners, adverbs before the trigger */
  uint32_t lead = s->cs; /* "A day after meeting X, Y ...", "Hours before": a measure before the subordinator */
  if (s->cs == c->sa) {
    /* "Speaking to reporters after meeting X, Y said": an opening
     * participle phrase up to the subordinator (no actor, no comma) */
    lead = an_participle_lead(c->lex, c->v, c->sa, ts, c->sb, &c->lex->subordinators);
    /* (a place in it is no subject) */
    if (lead != s->cs && first >= 0 && M(c, first)->tok_first < lead) first = -1;
  }
  if (first < 0 && s->cs == c->sa && lead == s->cs)
    for (uint32_t k = s->cs; k < ts && k < s->cs + 3; k++) {
      if (c->v->tok_m[k] >= 0 || is_punct(c, k)) break;
      if (k > s->cs && inlist(c, &c->lex->subordinators, k)) {
        lead = k;
        break;
      }
      if (starts_trigger(c, k)) break;
    }
  for (uint32_t k = lead; first < 0 && k < ts && initial; k++)
    if (!is_punct(c, k) && !inlist(c, &c->lex->prepositions, k) && !inlist(c, &c->lex->determiners, k) &&
        !inlist(c, &c->lex->adverbs, k) && !inlist(c, &c->lex->np_words, k) && !inlist(c, &c->lex->subordinators, k) &&
        /* "Speaking after talks with X, Y said": an opening participle */
        !(k == c->sa && k == s->cs && c->v->tok_m[k] < 0 && ing_at(c, k)))
      initial = 0;
  if (first < 0 && initial) {
    /* "In a letter to X, he ..." / "Accusing X of Y, Z said": the subject
     * follows the phrase, after the next comma. */
    uint32_t k = te;
    while (k < c->sb && !is(c, k, ",")) k++;
    if (k < c->sb) {
      uint32_t e = k + 1;
      while (e < c->sb && !is(c, e, ",") && !is(c, e, ";")) e++;
      first = first_candidate(c, k + 1, e, in_q, &weak);
      if (first >= 0) weak = 1;
    }
  }
  if (first < 0) return;
  s->weak = weak;
  if (M(c, first)->tok_first < c->sa || M(c, first)->tok_first >= c->sb) {
    /* "Duarte's government": a country named elsewhere, no list here */
    ml_add(&s->l, first);
    return;
  }
  uint32_t lim = ts;
  if (M(c, first)->tok_first > ts) lim = c->sb;
  conjuncts(c, first, lim, in_q, &s->l);
}

/* ---- objects ---------------------------------------------------------------- */

/* Scare quotes: the quotation mark at k opens a few quoted words (one to
 * five, before lim, with no punctuation and, when no_actor, no actor) that
 * a quotation mark closes ('the "lies and smears" of X'): that closing
 * mark's token; 0 when none does. */
static uint32_t scare_quote_end(const ctx *c, uint32_t k, uint32_t lim, int no_actor) {
  uint32_t j = k + 1;
  while (j < lim && j < k + 7 && !is_quote(c, j) && !is_punct(c, j) && !(no_actor && c->v->tok_m[j] >= 0)) j++;
  return j < lim && j > k + 1 && is_quote(c, j) ? j : 0;
}

static uint32_t clause_end_from(const ctx *c, uint32_t te, int in_q) {
  for (uint32_t k = te; k < c->sb; k++) {
    uint32_t id = c->v->wid[k]; /* ; : . ? ! (the breakers but '"': lexicon.h) */
    if (id >= 1 && id <= AN_WID_NBREAK && id != AN_WID_DQUOTE) return k;
    if (is_quote(c, k) && k > te && inlist(c, &c->lex->determiners, k - 1) && c->v->tok_m[k - 1] < 0) {
      /* 'slammed the "lies and disinformation" of X': a few quoted words
       * after a determiner are a noun phrase, not speech */
      uint32_t j = scare_quote_end(c, k, c->sb, 0);
      if (j) {
        k = j;
        continue;
      }
    }
    if (is_quote(c, k)) {
      /* a real quotation starts or ends here (scare quotes do not count) */
      int speech = (k + 1 < c->v->ntok && c->v->inq[k + 1] && !is_quote(c, k + 1)) ||
                   (k > 0 && c->v->inq[k - 1] && !is_quote(c, k - 1));
      if (speech || in_q) return k;
    }
    if (as_well_as(c, k)) { /* a coordinator, not the subordinator "as" */
      k += 2;
      continue;
    }
    if (inlist(c, &c->lex->clause_end, k)) {
      if (k > te && is(c, k, "as") && is(c, k - 1, "such")) continue; /* "leaders such as X and Y" */
      return k;
    }
    if (is(c, k, ",") && k + 1 < c->sb) {
      /* (", including X": examples of the object, no participle clause) */
      if (ing_at(c, k + 1) && c->v->tok_m[k + 1] < 0 && !is(c, k + 1, "including")) return k;
      if (inlist(c, &c->lex->reporting, k + 1)) return k;
    }
  }
  return c->sb;
}

static int in_set(const ctx *c, const mlist *l, int32_t mi) {
  for (int i = 0; i < l->n; i++)
    if (c->v->acts->mentions[l->m[i]].actor == M(c, mi)->actor) return 1;
  return 0;
}

/* The head a possessive or modifier mention belongs to, if it is a mention
 * ("Iran's Foreign Minister Hossein Amir Abdollahian" -> Abdollahian). */
static int32_t head_of_t(const ctx *c, int32_t mi, uint32_t lim, int titled);
static int32_t head_of(const ctx *c, int32_t mi, uint32_t lim) { return head_of_t(c, mi, lim, 0); }
/* (titled: the mention itself ends in a title: "the president" resolved
 * as a description, before "of X, Y") */
static int32_t head_of_t(const ctx *c, int32_t mi, uint32_t lim, int titled) {
  uint32_t k = mend(c, mi);
  if (k < lim && (c->v->tok[k].shape & AN_SHAPE_POSSESSIVE)) k++;
  int pp = 0;
  for (int steps = 0; k < lim && steps < 8; steps++) {
    int32_t mj = c->v->tok_m[k];
    if (mj >= 0) {
      if (!is_poss(c, mj) && !is_modifier(c, mj) && !pp) return mj;
      k = mend(c, mj);
      continue;
    }
    if (is(c, k, ",") && titled) {
      /* "her Finnish counterpart, Aleksi Virtanen", "the Saudi ambassador
       * to Yemen, Faisal al-Otaibi": the person named in apposition */
      uint32_t j = k + 1;
      while (j < lim && c->v->tok_m[j] < 0 && np_ok(c, j) && !is_cap(c, j)) j++;
      int32_t mp = j < lim ? c->v->tok_m[j] : -1;
      if (mp >= 0 && c->v->acts->actors[M(c, mp)->actor].kind == AN_KIND_PERSON && !is_poss(c, mp)) return mp;
      if (mp < 0 && j < lim && is_cap(c, j) && (c->v->tok[j].shape & AN_SHAPE_ALPHA)) return -2; /* a name we do not know */
      return -1;
    }
    if (titled && !pp && is_cap(c, k) && !inlist(c, &c->lex->title_words, k) && !inlist(c, &c->lex->np_words, k) &&
        k + 1 < lim && is_cap(c, k + 1) && c->v->tok_m[k + 1] < 0 && !inlist(c, &c->lex->title_words, k + 1))
      return -2; /* "Chinese Commerce Minister Wu Hao", Wu Hao unknown */
    if (inlist(c, &c->lex->title_words, k)) titled = 1;
    if (titled && !pp && (is(c, k, "to") || is(c, k, "of") || is(c, k, "in"))) {
      pp = 1; /* "ambassador to Yemen": only an apposition can follow */
      k++;
      continue;
    }
    if (is(c, k, "and") && k > 0 && k + 1 < lim && (c->v->tok[k - 1].shape & AN_SHAPE_ALL_LOWER) &&
        (c->v->tok[k + 1].shape & AN_SHAPE_ALL_LOWER) && !starts_trigger(c, k + 1) && !past_form(c, k + 1)) {
      k++; /* "climate and environment minister" (not "X's visit and accused Y") */
      continue;
    }
    if (is_sep(c, k)) return -1;
    if (is(c, k, "of") && k > 0 && is_cap(c, k - 1) && k + 1 < lim && is_cap(c, k + 1)) {
      k++; /* "Secretary of State X" */
      continue;
    }
    if (pp && !is_cap(c, k) && !inlist(c, &c->lex->determiners, k)) return -1;
    if (!np_ok(c, k)) {
      /* plain words of the noun phrase ("militant organizations X") */
      if (is_punct(c, k) || !(c->v->tok[k].shape & AN_SHAPE_ALL_LOWER) || inlist(c, &c->lex->prepositions, k) ||
          inlist(c, &c->lex->subordinators, k) || inlist(c, &c->lex->clause_end, k) ||
          inlist(c, &c->lex->reporting, k) || inlist(c, &c->lex->passive_aux, k))
        return -1;
    }
    k++;
  }
  return -1;
}

/* Tokens [a, k) form a title's noun phrase: determiners, titles, adjectives,
 * possessors ("her country's president", "the current premier"), at least
 * one title word, no verb-like word. */
static int title_phrase(const ctx *c, uint32_t a, uint32_t k) {
  int titled = 0;
  for (uint32_t j = a; j < k; j++) {
    if (inlist(c, &c->lex->title_words, j)) titled = 1;
    if (np_ok(c, j)) continue;
    if (c->v->tok_m[j] >= 0 && is_poss(c, c->v->tok_m[j])) continue;
    /* "the leader of the opposition", "the speaker of parliament" */
    if (is(c, j, "of") && j > a && inlist(c, &c->lex->title_words, j - 1)) continue;
    if ((c->v->tok[j].shape & AN_SHAPE_ALL_LOWER) && !inlist(c, &c->lex->prepositions, j) &&
        !inlist(c, &c->lex->clause_end, j) && !inlist(c, &c->lex->reporting, j) &&
        !inlist(c, &c->lex->passive_aux, j) && !inlist(c, &c->lex->subordinators, j))
      continue;
    return 0;
  }
  return titled;
}

/* Tokens [a, k) form a noun phrase that stands for the object of the
 * preposition at k: determiners and adjectives, then a member noun
 * ("diplomats from X", "officials of X") or, before "of", a transparent
 * noun ("the territorial integrity of X", "the decision of X"). */
static int transparent_np(const ctx *c, uint32_t a, uint32_t k, int from) {
  if (k - a > 5) return 0;
  uint32_t h = k;
  uint32_t e = 0;
  for (uint32_t j = a; j < k && !e; j++) {
    uint32_t m = listlen(c, &c->lex->member_nouns, j);
    if (!m && !from) m = listlen(c, &c->lex->transparent_nouns, j);
    if (m && j + m == k) {
      h = j;
      e = k;
    }
  }
  if (!e) return 0;
  for (uint32_t j = a; j < h; j++) {
    if (c->v->tok_m[j] >= 0) return 0;
    if (inlist(c, &c->lex->determiners, j) || inlist(c, &c->lex->np_words, j)) continue;
    if ((c->v->tok[j].shape & AN_SHAPE_ALL_LOWER) && !inlist(c, &c->lex->prepositions, j) &&
        !inlist(c, &c->lex->clause_end, j) && !inlist(c, &c->lex->reporting, j) &&
        !inlist(c, &c->lex->passive_aux, j) && !inlist(c, &c->lex->subordinators, j))
      continue;
    return 0;
  }
  return 1;
}

static int naming_complement(const ctx *c, uint32_t k);

/* Conversations: their objects after "on", "about" are topics. */
static int talk_type(const char *type) {
  return str_is(type, "meet") || str_is(type, "call") || str_is(type, "brief") ||
         str_is(type, "message");
}

/* First argument after the trigger and its conjuncts. *from_src is set
 * when the first argument follows "from" ("a call from X"). */
static void find_objects(const ctx *c, const an_trigger *t, uint32_t a, uint32_t lim, const mlist *srcs,
                         int in_q, mlist *out, int *from_src) {
  int max_dist = t->max_dist > 0 ? t->max_dist : 14;
  /* A pattern ending in a preposition ("solidarity with") takes that
   * preposition's own object: no other preposition (but "of") between. */
  int pp_end = a > 0 && !t->infinitive && inlist(c, &c->lex->prepositions, a - 1);
  int32_t first = -1;
  uint32_t base = a; /* max_dist counts from here */
  int talk = talk_type(t->type), topic = 0;
  for (uint32_t k = a; k < lim; k++) {
    int32_t mi = c->v->tok_m[k];
    if (mi < 0 && (c->v->tok[k].shape & AN_SHAPE_POSSESSIVE)) continue; /* "the community's" */
    if (mi < 0 && k > base && (is(c, k, "of") || is(c, k, "from")) && transparent_np(c, base, k, is(c, k, "from"))) {
      /* "briefed diplomats from X", "supported the territorial integrity
       * of X": the noun phrase stands for X */
      base = k + 1;
      continue;
    }
    if (mi < 0 && k > a && is(c, k, ",") && k + 2 < lim && c->v->tok_m[k - 1] < 0 &&
        (inlist(c, &c->lex->member_nouns, k - 1) || inlist(c, &c->lex->generic_plurals, k - 1)) &&
        (is(c, k + 1, "including") || (is(c, k + 1, "among") && (is(c, k + 2, "them") || is(c, k + 2, "whom"))))) {
      /* "met opposition leaders, among them X", "talks with lawmakers,
       * including X": the examples of a plural object are its objects */
      k += is(c, k + 1, "including") ? 1 : 2;
      base = k + 1;
      continue;
    }
    if (mi < 0 && k > base && k + 2 < lim && (is(c, k, "led") || is(c, k, "headed")) && is(c, k + 1, "by") &&
        inlist(c, &c->lex->member_nouns, k - 1)) {
      /* "received a delegation led by X": the delegation's head */
      k++;
      base = k + 1;
      continue;
    }
    if (pp_end && mi < 0 && (is_punct(c, k) || (inlist(c, &c->lex->prepositions, k) && !is(c, k, "of")))) {
      /* "at the current premier, X", "by the community's secretary
       * general, X": a title, then the name in apposition */
      if (!(is(c, k, ",") && title_phrase(c, a, k))) break;
      continue;
    }
    if (mi < 0 && k > a && is(c, k, "of") && k + 1 < lim && c->v->tok_m[k + 1] < 0) {
      /* "accused the AIU of mishandling his samples", "warned X of
       * spreading lies": the charge, no argument */
      if (ing_at(c, k + 1)) break;
    }
    if (mi < 0 && k > a && is_quote(c, k) && inlist(c, &c->lex->determiners, k - 1)) {
      /* 'slammed the "lies and smears" coming from X': a few quoted words
       * after a determiner are the object's noun */
      uint32_t j = scare_quote_end(c, k, lim, 1);
      if (j) {
        k = j;
        continue;
      }
    }
    if (mi < 0 && !pp_end && k > a && (inlist(c, &c->lex->reason_preps, k) || is(c, k, ",") || is(c, k, "and"))) {
      /* "criticized the West for backing it": the object was the NP before */
      int noun = 0;
      for (uint32_t j = a; j < k; j++)
        if (!is_punct(c, j) && !inlist(c, &c->lex->adverbs, j) && !inlist(c, &c->lex->determiners, j)) noun = 1;
      /* "accused the referee, X, of": a title, then the name in apposition */
      int32_t mn = is(c, k, "and") && k + 1 < lim ? c->v->tok_m[k + 1] : -1;
      uint32_t me = mn >= 0 ? mend(c, mn) : 0;
      /* "met dock workers' delegates and Toyota managers": a second object */
      int and_obj = mn >= 0 && M(c, mn)->tok_first == k + 1 && !is_poss(c, mn) &&
                    (me >= lim || inlist(c, &c->lex->member_nouns, me) || inlist(c, &c->lex->prepositions, me));
      for (uint32_t j = me; and_obj && j < lim && !is_punct(c, j); j++) /* ("and Uganda on Tuesday rejected it") */
        if ((c->v->tok[j].shape & AN_SHAPE_ALL_LOWER) && past_form(c, j)) and_obj = 0;
      if (noun && !and_obj && !(is(c, k, ",") && title_phrase(c, a, k))) break;
    }
    if (mi < 0 && talk && k > a && (is(c, k, "with") || is_punct(c, k))) topic = 0;
    if (mi < 0 && talk && k + 1 < lim && inlist(c, &c->lex->topic_preps, k) &&
        !(c->v->tok_m[k + 1] < 0 && (is_cap(c, k + 1) || (c->v->tok[k + 1].shape & AN_SHAPE_HAS_DIGIT)))) {
      /* "held talks on Ukraine", "briefed lawmakers about the future of
       * Iran": the topic of the talk, not a party to it, up to the next
       * "with" ("on Sunday" is a date) */
      topic = 1;
      continue;
    }
    if (t->direct && mi < 0 && (is(c, k, "(") || is(c, k, ")"))) continue; /* "the (Norlandic) enemy" */
    if (t->direct && mi < 0 && (is_punct(c, k) || inlist(c, &c->lex->prepositions, k))) {
      /* "hosted the president of the X Commission, Y": a title's PP;
       * "briefed her country's president, Y": a title's apposition */
      int ok = k > a && title_phrase(c, a, k) &&
               ((is(c, k, "of") && inlist(c, &c->lex->title_words, k - 1)) || is(c, k, ","));
      if (!ok) break;
      if (is(c, k, ",")) base = k + 1; /* the name in apposition counts from the comma */
    }
    if (mi < 0 || M(c, mi)->tok_first != k) continue;
    uint32_t lp = 0;
    int in_pp = k > a && left_ctx(c, mi, a, &lp) == CTX_PREP && lp >= a;
    int locative = in_pp && inlist(c, &c->lex->locative, lp);
    /* "attacked an army post near the Malian town of Menaka": an attack on
     * a place the text names through its country is on the country */
    int country_place = locative && lp > a && lp < a + 6 && k < lp + 4 && str_is(t->type, "attack") &&
                        M(c, mi)->how == AN_MENTION_DEMONYM && inlist(c, &c->lex->place_nouns, mend(c, mi));
    if ((int)(k - base) > max_dist && !country_place) break;
    /* "telephoned his counterpart in Tehran": the counterpart is the
     * place's country (no name given) */
    int counterpart_in = locative && lp > a && is(c, lp, "in") && c->v->tok_m[lp - 1] < 0 &&
                         lp - 1 >= a && inlist(c, &c->lex->counterpart_nouns, lp - 1) &&
                         c->v->acts->actors[M(c, mi)->actor].kind == AN_KIND_COUNTRY;
    if (locative && !country_place && !counterpart_in) {
      /* "struck in Baghdad": a place, not a target */
      k = mend(c, mi) - 1;
      continue;
    }
    if (topic) {
      k = mend(c, mi) - 1;
      continue;
    }
    if (t->symmetric && !t->nominal && !pp_end && in_pp && lp > 0 && !is(c, lp, "with") &&
        !is(c, lp, "between") && !is(c, lp, "of") && !is(c, lp, "from") && !is(c, lp, "to") &&
        !is(c, lp, "alongside") && !is(c, lp, "among") && !is(c, lp, "as") && !is(c, lp, "including") &&
        !is(c, lp, "like") && !locative &&
        /* ("a delegation led by X") */
        !(is(c, lp, "by") && lp > a + 1 && (is(c, lp - 1, "led") || is(c, lp - 1, "headed")) &&
          inlist(c, &c->lex->member_nouns, lp - 2)) &&
        /* ("met on Sunday Iran's foreign minister": a date, then the object) */
        !(c->v->tok_m[lp + 1] < 0 && (is_cap(c, lp + 1) || (c->v->tok[lp + 1].shape & AN_SHAPE_HAS_DIGIT)))) {
      /* "A and B met in Nairobi under Kenyan mediation": a verb's partner
       * is its object or follows "with", not any preposition */
      k = mend(c, mi) - 1;
      continue;
    }
    /* a threatened act's victim is the threat's target ("threatened to
     * impose sanctions on X"), not an act's victim in a clause of its own */
    if (k > a && lp > a && !str_is(t->type, "attack") && !(t->infinitive && str_is(t->type, "threaten")) &&
        (((is(c, lp, "on") || is(c, lp, "against") || is(c, lp, "upon")) &&
          (inlist(c, &c->lex->victim_nouns, lp - 1) || inlist(c, &c->lex->victim_on_nouns, lp - 1))) ||
         (is(c, lp, "of") && inlist(c, &c->lex->victim_nouns, lp - 1)))) {
      /* "condemned the attacks on X", "criticised the arrest of X": the
       * victim of the act is no target (its agent may follow: "by Y");
       * "the aggression of X" is X's (victim_on_nouns: on/against only) */
      k = mend(c, mi) - 1;
      continue;
    }
    if (mention_ok(c, mi, in_q) && in_set(c, srcs, mi) && M(c, mi)->how == AN_MENTION_PRONOUN &&
        inlist(c, &c->lex->object_pronouns, k)) {
      /* "X hit back at Y, accusing him": an object pronoun is not the
       * subject of its own clause; resolved to the source, it means the
       * other person named just before */
      int32_t other = -1;
      for (uint32_t j = k; j-- > c->sa && other < 0;) {
        int32_t mj = c->v->tok_m[j];
        if (mj < 0 || M(c, mj)->tok_first != j || in_set(c, srcs, mj) || is_poss(c, mj) ||
            M(c, mj)->how == AN_MENTION_PRONOUN || c->v->acts->actors[M(c, mj)->actor].kind != AN_KIND_PERSON)
          continue;
        other = mj;
      }
      uint32_t ks = c->v->tok_s[k];
      uint32_t lp0 = 0;
      int named_subject = srcs->n == 1 && M(c, srcs->m[0])->how == AN_MENTION_NAME &&
                          c->v->tok_s[M(c, srcs->m[0])->tok_first] == ks && M(c, srcs->m[0])->tok_first < k &&
                          left_ctx(c, srcs->m[0], c->sa, &lp0) != CTX_PREP;
      if (other < 0 && ks > 0 && k == a && named_subject) {
        /* "X welcomed the verdict. Y phoned him the next day": the one
         * other person the sentence before names (as the verb's own object) */
        const an_sentence *ps = &c->v->sent[ks - 1];
        int n_other = 0;
        for (uint32_t j = ps->tok_first; j < ps->tok_first + ps->tok_count && j < c->v->ntok; j++) {
          int32_t mj = c->v->tok_m[j];
          if (mj < 0 || M(c, mj)->tok_first != j || in_set(c, srcs, mj) || M(c, mj)->how == AN_MENTION_PRONOUN ||
              c->v->acts->actors[M(c, mj)->actor].kind != AN_KIND_PERSON || c->v->inq[j])
            continue;
          if (other < 0 || M(c, other)->actor != M(c, mj)->actor) n_other++;
          if (other < 0) other = mj;
        }
        if (n_other != 1) other = -1;
      }
      if (other >= 0) {
        out->n = 0;
        /* "called him a communist": the pronoun's complement stops the
         * trigger as it would after the pronoun itself */
        if (t->target_stop.n && (inlist(c, &t->target_stop, mend(c, mi)) || naming_complement(c, mend(c, mi))))
          return;
        ml_add(out, other);
        return;
      }
    }
    if (!mention_ok(c, mi, in_q) || in_set(c, srcs, mi)) {
      k = mend(c, mi) - 1;
      continue;
    }
    if (M(c, mi)->how == AN_MENTION_PRONOUN &&
        (inlist(c, &c->lex->subject_pronouns, k) || (k > c->sa && is(c, k - 1, "what")))) {
      /* "condemned what it called X's coercion": the pronoun is the subject
       * of an embedded clause, not the object */
      k = mend(c, mi) - 1;
      continue;
    }
    first = mi;
    break;
  }
  if (first < 0) return;
  if (org_headed(c, first, lim)) return; /* "backed the Dutch group": a company we cannot name */
  if (is_poss(c, first) && c->v->acts->actors[M(c, first)->actor].kind == AN_KIND_PERSON) {
    /* "criticised by Mondlane's supporters": a class around the person */
    uint32_t h = mend(c, first);
    if (h < lim && (c->v->tok[h].shape & AN_SHAPE_POSSESSIVE)) h++;
    if (h < lim && inlist(c, &c->lex->generic_plurals, h)) return;
  }
  if (M(c, first)->how == AN_MENTION_DESCRIPTION && !is_poss(c, first) &&
      c->v->acts->actors[M(c, first)->actor].kind != AN_KIND_PERSON) { /* (not "the emir of Qatar") */
    /* "the government in Kigali", "the government of X": the place or
     * country named there decides, not the description's resolution */
    uint32_t e = mend(c, first);
    if (e + 1 < lim && (is(c, e, "in") || is(c, e, "of")) && is_cap(c, e + 1)) {
      int32_t mq = c->v->tok_m[e + 1];
      if (mq < 0) return; /* a place we do not know */
      if (M(c, mq)->actor != M(c, first)->actor && c->v->acts->actors[M(c, mq)->actor].kind == AN_KIND_COUNTRY &&
          mention_ok(c, mq, in_q))
        first = mq;
    }
  }
  int32_t first0 = first; /* before a head replaces it: "a letter from Sudan's army chief X" */
  int titled = mend(c, first) < lim && inlist(c, &c->lex->title_words, mend(c, first));
  int desc = M(c, first)->how == AN_MENTION_DESCRIPTION && inlist(c, &c->lex->title_words, mend(c, first) - 1);
  if ((titled || desc) && !is_poss(c, first) && !is_modifier(c, first)) {
    /* "his Norlandic counterpart, X": the person in apposition; "the
     * president of X, Y" (a description the actors stage resolved
     * elsewhere): Y */
    int32_t h = head_of_t(c, first, lim, desc);
    if (h >= 0 && mention_ok(c, h, in_q) && !in_set(c, srcs, h)) first = h;
  } else if (is_poss(c, first) || is_modifier(c, first)) {
    int32_t h = head_of(c, first, lim);
    if (h == -2) return; /* the target is a person we cannot name, not the country */
    if (h >= 0 && mention_ok(c, h, in_q) && !in_set(c, srcs, h)) first = h;
    if (h == -1 && is_modifier(c, first)) {
      /* "praised the Kazakh leader's involvement": the modified person is
       * the owner, and the owner the target */
      uint32_t k = mend(c, first);
      int32_t mj = k < lim ? c->v->tok_m[k] : -1;
      if (mj >= 0 && is_poss(c, mj) && c->v->acts->actors[M(c, mj)->actor].kind == AN_KIND_PERSON &&
          mention_ok(c, mj, in_q) && !in_set(c, srcs, mj))
        first = mj;
    }
  }
  uint32_t prep = 0;
  if (left_ctx(c, first, a > 0 ? a - 1 : 0, &prep) == CTX_PREP && is(c, prep, "of") && prep > c->sa &&
      inlist(c, &c->lex->title_words, prep - 1) && M(c, first)->tok_first > a) {
    /* "the leader of Hamas, Ismail Haniyeh": the person named after the title. */
    uint32_t k = mend(c, first);
    for (int steps = 0; k < lim && !is(c, k, ",") && steps < 6; steps++) {
      if ((is_punct(c, k) && !is(c, k, "(") && !is(c, k, ")")) || inlist(c, &c->lex->clause_end, k)) break;
      k++;
    }
    if (k < lim && is(c, k, ",")) {
      k++;
      while (k < lim && c->v->tok_m[k] < 0 && np_ok(c, k)) k++;
      int32_t mj = k < lim ? c->v->tok_m[k] : -1;
      if (mj >= 0 && c->v->acts->actors[M(c, mj)->actor].kind == AN_KIND_PERSON && !is_poss(c, mj) &&
          !in_set(c, srcs, mj))
        first = mj;
    }
  }
  /* "from X" */
  uint32_t k = M(c, first0)->tok_first;
  while (k > a && np_ok(c, k - 1) && c->v->tok_m[k - 1] < 0) k--;
  *from_src = k > 0 && is(c, k - 1, "from");
  conjuncts(c, first, lim, in_q, out);
}

/* The "by" agents of a passive: the object of the first "by" in [a, lim)
 * that has an actor, read like a trigger's object ("by the secretary
 * general of X, Y" -> Y). */
static void find_by_agents(const ctx *c, const an_trigger *t, uint32_t a, uint32_t lim, int in_q, mlist *out) {
  an_trigger by = *t;
  by.max_dist = 8;
  by.direct = 0;
  mlist none = {{0}, 0};
  for (uint32_t k = a; k < lim; k++) {
    if (!is(c, k, "by")) continue;
    int from = 0;
    find_objects(c, &by, k + 1, lim, &none, in_q, out, &from);
    if (!out->n) continue;
    /* "congratulated by X and by Y" */
    uint32_t e = mend(c, out->m[out->n - 1]);
    if (e < lim && is(c, e, ",")) e++;
    if (e + 2 < lim && is(c, e, "and") && is(c, e + 1, "by")) {
      mlist more = {{0}, 0};
      find_objects(c, &by, e + 2, lim, &none, in_q, &more, &from);
      for (int i = 0; i < more.n; i++) ml_add(out, more.m[i]);
    }
    return;
  }
}

/* ---- trigger frames --------------------------------------------------------- */

static int is_passive(const ctx *c, const an_trigger *t, uint32_t ts, uint32_t te) {
  if (t->no_passive || t->nominal) return 0;
  uint32_t p = ts;
  while (p > c->sa && inlist(c, &c->lex->adverbs, p - 1)) p--;
  if (p > c->sa && inlist(c, &c->lex->passive_aux, p - 1)) return 1;
  /* reduced passive: "X, criticised by Y" */
  if (te < c->sb && is(c, te, "by") && ed_form(W(c, ts))) {
    if (p > c->sa && inlist(c, &c->lex->perfect_aux, p - 1)) return 0;
    return 1;
  }
  return 0;
}

/* "a ruling welcomed by X", "a move that was condemned by X": a passive
 * whose subject is the non-actor noun phrase right before it (a reduced
 * passive, or "that/which" + auxiliary). Returns the phrase's determiner,
 * or UINT32_MAX. */
static uint32_t reduced_passive_np(const ctx *c, uint32_t ts) {
  uint32_t p = ts;
  while (p > c->sa && (inlist(c, &c->lex->adverbs, p - 1) || inlist(c, &c->lex->passive_aux, p - 1) ||
                       inlist(c, &c->lex->perfect_aux, p - 1)))
    p--;
  if (p > c->sa && (is(c, p - 1, "that") || is(c, p - 1, "which")) && p < ts) p--;
  else if (p != ts) return UINT32_MAX; /* "X was praised by": the subject is found as usual */
  /* a noun phrase of lowercase words after a determiner, no actor in it */
  uint32_t k = p;
  for (int n = 0; k > c->sa && n < 4; n++) {
    uint32_t q = k - 1;
    if (c->v->tok_m[q] >= 0 || is_punct(c, q)) return UINT32_MAX;
    if (inlist(c, &c->lex->determiners, q)) return n > 0 ? q : UINT32_MAX;
    if (!(c->v->tok[q].shape & AN_SHAPE_ALL_LOWER) || inlist(c, &c->lex->prepositions, q) ||
        inlist(c, &c->lex->reporting, q))
      return UINT32_MAX;
    k = q;
  }
  return UINT32_MAX;
}

/* The agent of a nominal trigger: a possessive or modifier mention right
 * before it ("X's call with", "US strikes on", "his telephone call"); -2
 * for an owner we cannot name, -3 for an unresolved owner pronoun. */
static int32_t nominal_agent(const ctx *c, uint32_t ts, int in_q) {
  uint32_t k = ts;
  for (int skip = 0; k > c->sa && skip < 3; skip++) {
    uint32_t p = k - 1;
    if (c->v->tok[p].shape & AN_SHAPE_POSSESSIVE) {
      /* "X's call": X; "the groups' attacks": an owner we cannot name */
      if (p > c->sa && c->v->tok_m[p - 1] >= 0 && mention_ok(c, c->v->tok_m[p - 1], in_q)) return c->v->tok_m[p - 1];
      return -2;
    }
    int32_t mi = c->v->tok_m[p];
    if (mi >= 0) {
      if (is_poss(c, mi) || is_modifier(c, mi) || M(c, mi)->how == AN_MENTION_DEMONYM)
        return mention_ok(c, mi, in_q) ? mi : -2;
      return -1;
    }
    if (inlist(c, &c->lex->possessive_pronouns, p)) return -3; /* "its support": unresolved owner */
    if (is_punct(c, p) || inlist(c, &c->lex->determiners, p) || inlist(c, &c->lex->prepositions, p)) return -1;
    if (!(c->v->tok[p].shape & AN_SHAPE_ALL_LOWER)) return -1;
    k = p;
  }
  return -1;
}

/* Whether a nominal trigger's agent is the clause subject: it sits in a PP
 * ("in a phone call with"), after a light verb ("held talks", "expressed
 * solidarity", "is a supporter of") or opens the sentence's own clause.
 * After a content verb ("condemned the attack on X") its agent is unknown. */
static int nominal_takes_subject(const ctx *c, uint32_t ts) {
  uint32_t k = ts;
  int words = 0, det = 0;
  while (k > c->sa) {
    uint32_t p = k - 1;
    /* "expressed concern about the attack on X", "was shocked by the
     * strikes on X": a reaction's cause is no act of the subject */
    if (inlist(c, &c->lex->prepositions, p) && p > c->sa && inlist(c, &c->lex->reaction_words, p - 1)) return 0;
    if (inlist(c, &c->lex->light_verbs, p) || inlist(c, &c->lex->prepositions, p)) return 1;
    /* "a strike after talks with X broke down": "after" as a preposition */
    if (inlist(c, &c->lex->subordinators, p) && !det && !words) return 1;
    if (is_punct(c, p) || c->v->tok_m[p] >= 0) return 1;
    if (inlist(c, &c->lex->determiners, p) || inlist(c, &c->lex->np_words, p)) {
      det |= inlist(c, &c->lex->determiners, p);
      k = p;
      continue;
    }
    if (inlist(c, &c->lex->adverbs, p)) {
      k = p;
      continue;
    }
    /* "a 500 million dollar loan", "a $2 billion aid package": an amount */
    if ((c->v->tok[p].shape & AN_SHAPE_HAS_DIGIT) ||
        ((c->v->tok[p].shape & AN_SHAPE_ALL_LOWER) && p > c->sa &&
         ((c->v->tok[p - 1].shape & AN_SHAPE_HAS_DIGIT) ||
          (p - 1 > c->sa && (c->v->tok[p - 1].shape & AN_SHAPE_ALL_LOWER) && (c->v->tok[p - 2].shape & AN_SHAPE_HAS_DIGIT))))) {
      k = p;
      continue;
    }
    if (det) return 0; /* the word governing "the/a ... call": a content verb */
    /* an adjective right after a preposition or determiner ("in separate
     * phone calls"); otherwise the governing verb ("condemned attacks on") */
    if ((c->v->tok[p].shape & AN_SHAPE_ALL_LOWER) && words < 2 && p > c->sa &&
        (inlist(c, &c->lex->prepositions, p - 1) || inlist(c, &c->lex->determiners, p - 1) ||
         inlist(c, &c->lex->np_words, p - 1) || inlist(c, &c->lex->light_verbs, p - 1))) {
      /* "by selling weapons to X": a gerund after "by" is a verb with a
       * subject of its own (its agent is unknown here) */
      if (ing_at(c, p) && inlist(c, &c->lex->gerund_subject_preps, p - 1) &&
          !inlist(c, &c->lex->light_verbs, p))
        return 0;
      words++;
      k = p;
      continue;
    }
    return 0;
  }
  /* "The threat to X is real, Y said": a noun phrase opening the sentence
   * is its subject, not a phrase whose agent is the clause subject */
  return !det;
}

/* "the planned meeting with X", "talks between X and Y were postponed":
 * an interaction that did not (yet) take place. */
static int called_off(const ctx *c, const an_trigger *t, uint32_t ts, uint32_t ce) {
  if (t->nominal)
    for (uint32_t k = ts > c->sa + 3 ? ts - 3 : c->sa; k < ts; k++)
      if (inlist(c, &c->lex->modal_adjectives, k)) return 1;
  uint32_t lim = ce + 1 < c->sb ? ce + 1 : c->sb;
  for (uint32_t k = ts; k < lim; k++)
    if (inlist(c, &c->lex->called_off, k)) return 1;
  return 0;
}

static int modal_blocked(const ctx *c, const an_trigger *t, uint32_t cs, uint32_t ts) {
  /* "rejected accusations that it had armed X", "denied that X met Y": a
   * denial governing the clause's "that" */
  if (cs > c->sa + 1 && is(c, cs - 1, "that"))
    for (uint32_t k = cs - 1 > c->sa + 6 ? cs - 7 : c->sa; k + 1 < cs; k++) {
      uint32_t e = an_phrases_match_id(&c->lex->negation, c->v->wid, k, cs);
      if (e >= cs - 1 && !inlist(c, &c->lex->negation_exceptions, k)) return 1;
    }
  uint32_t a = ts > 8 ? ts - 8 : 0;
  if (a < cs) a = cs;
  if (a < c->sa) a = c->sa;
  /* a cue behind a comma belongs to another clause ("X, who has not
   * spoken since, called Y"); whether/if/unless reach across it */
  uint32_t comma_at = a;
  for (uint32_t k = ts; k-- > a;)
    if (is(c, k, ",")) {
      comma_at = k + 1;
      break;
    }
  /* "had never questioned X and warned Y": a cue before "and" + a past
   * verb belongs to the first conjunct ("did not meet or call" does not) */
  uint32_t p = ts;
  while (p > a && inlist(c, &c->lex->adverbs, p - 1)) p--;
  if (!t->nominal && p > a + 2 && is(c, p - 1, "and") && ed_form(W(c, ts)) &&
      !inlist(c, &c->lex->passive_aux, p - 2) && p > comma_at)
    comma_at = p; /* "if"/"whether" still reach across */
  for (uint32_t k = a; k < ts; k++) {
    /* (most words start none of the three lists: one bit) */
    if (!((c->lex->modal_any[c->v->wid[k] >> 6] >> (c->v->wid[k] & 63)) & 1)) continue;
    int wide = inlist(c, &c->lex->wide_modal, k);
    if (k < comma_at && !wide) continue;
    if (inlist(c, &c->lex->negation, k) && !inlist(c, &c->lex->negation_exceptions, k)) return 1;
    /* "on May 21", "Will Smith": a capitalized word inside the sentence is a
     * name or a month, not the modal verb */
    uint32_t n = k > c->sa && is_cap(c, k) ? 0 : listlen(c, &c->lex->modal, k);
    if (n) {
      int exempt = 0;
      for (size_t e = 0; e < t->n_modal_exempt; e++)
        if (strcmp(t->modal_exempt[e], W(c, k)) == 0) exempt = 1;
      if (!exempt) return 1;
    }
  }
  return 0;
}

/* ---- events ---------------------------------------------------------------- */

typedef struct evbuf {
  an_xevent *e;
  size_t n, cap;
  /* (type, source, target) -> index + 1 into e (0 = empty slot), open
   * addressing, at most half full: finding a pair's event costs O(1), not
   * a scan of all events so far (a document of thousands of events) */
  uint32_t *slot;
  size_t nslot;
} evbuf;

static uint64_t ev_key(const char *type, int sym, uint32_t sa, uint32_t ta) {
  if (sym && ta < sa) {
    uint32_t x = sa;
    sa = ta;
    ta = x;
  }
  uint64_t h = an_hash64(type, strlen(type), 0x2545f4914f6cdd1dull);
  h ^= ((uint64_t)sa << 32 | ta) * 0x9e3779b97f4a7c15ull;
  return h ^ (h >> 29);
}

static an_status ev_rehash(evbuf *b) {
  size_t ns = b->nslot ? b->nslot * 2 : 64;
  uint32_t *sl = an_calloc(ns, sizeof(uint32_t));
  if (!sl) return AN_ENOMEM;
  for (size_t i = 0; i < b->n; i++) {
    const an_xevent *o = &b->e[i];
    int sym = str_is(o->type, "call") || str_is(o->type, "meet");
    size_t h = (size_t)ev_key(o->type, sym, o->src, o->dst) & (ns - 1);
    while (sl[h]) h = (h + 1) & (ns - 1);
    sl[h] = (uint32_t)i + 1;
  }
  an_free(b->slot);
  b->slot = sl;
  b->nslot = ns;
  return AN_OK;
}

static an_status emit(const ctx *c, evbuf *b, const an_trigger *t, const char *type, int32_t sm, int32_t tm,
                      uint32_t si, uint32_t ts, uint32_t te, uint32_t ga, uint32_t gb, uint32_t cs, uint32_t ce,
                      double conf, int modal) {
  uint32_t sa = c->v->acts->mentions[sm].actor, ta = c->v->acts->mentions[tm].actor;
  if (sa == ta) return AN_OK; /* annotation.md §2: no self-loops */
  int sym = str_is(type, "call") || str_is(type, "meet");
  if (2 * (b->n + 1) > b->nslot && ev_rehash(b) != AN_OK) return AN_ENOMEM;
  size_t h = (size_t)ev_key(type, sym, sa, ta) & (b->nslot - 1);
  for (; b->slot[h]; h = (h + 1) & (b->nslot - 1)) {
    an_xevent *o = &b->e[b->slot[h] - 1];
    if (strcmp(o->type, type) != 0) continue;
    if ((o->src == sa && o->dst == ta) || (sym && o->src == ta && o->dst == sa)) {
      /* one event per pair; a factual reading beats a modal one */
      if (o->modal && !modal) {
        o->modal = 0;
        o->sent = si;
        o->trig = t;
        o->trig_first = ts;
        o->trig_end = te;
        o->gap_first = ga;
        o->gap_end = gb;
        o->clause_first = cs;
        o->clause_end = ce;
        o->confidence = conf;
      } else if (!modal && o->n_more < 4 && o->sent != si) {
        o->more[o->n_more].sent = si;
        o->more[o->n_more].trig_first = ts;
        o->more[o->n_more].trig_end = te;
        o->more[o->n_more].clause_first = cs;
        o->more[o->n_more].clause_end = ce;
        o->n_more++;
      }
      return AN_OK;
    }
  }
  if (an_grow((void **)&b->e, &b->cap, b->n + 1, sizeof(an_xevent)) != AN_OK) return AN_ENOMEM;
  b->slot[h] = (uint32_t)b->n + 1;
  an_xevent *e = &b->e[b->n++];
  memset(e, 0, sizeof *e);
  e->trig = t;
  e->type = type;
  e->src = sa;
  e->dst = ta;
  e->sent = si;
  e->trig_first = ts;
  e->trig_end = te;
  e->gap_first = ga;
  e->gap_end = gb;
  e->clause_first = cs;
  e->clause_end = ce;
  e->confidence = conf;
  e->modal = modal;
  return AN_OK;
}

/* "X spoke with Y" with no phone word is a meeting by default; when the
 * document also has a call between them ("X calls Y" in the headline, "in
 * a phone call"), it is that call: the meeting goes. Keeps text order. */
static void drop_spoken_meets(evbuf *b) {
  if (!b->nslot) return;
  size_t k = 0;
  for (size_t i = 0; i < b->n; i++) {
    const an_xevent *o = &b->e[i];
    int drop = 0;
    if (!o->modal && str_is(o->type, "meet") && o->trig && o->trig->alt_type &&
        str_is(o->trig->alt_type, "call")) {
      size_t h = (size_t)ev_key("call", 1, o->src, o->dst) & (b->nslot - 1);
      for (; b->slot[h] && !drop; h = (h + 1) & (b->nslot - 1)) {
        const an_xevent *q = &b->e[b->slot[h] - 1];
        drop = str_is(q->type, "call") && !q->modal &&
               ((q->src == o->src && q->dst == o->dst) || (q->src == o->dst && q->dst == o->src));
      }
    }
    if (!drop) {
      if (k != i) b->e[k] = b->e[i];
      k++;
    }
  }
  b->n = k; /* (the slots are stale now: no emit after this) */
}

/* Whether the word table (lexicon.h) flags the lowercase of s (its first
 * 255 bytes) with f; low gets that lowercase word (264 bytes). */
static int lower_flag(const an_lexicon *lex, const char *s, char *low, size_t *n, unsigned f) {
  size_t len = strnlen(s, 255);
  return (lex->wdflag[an_lexicon_lower_id(lex, s, len, len, low, n)] & f) != 0;
}

int an_is_media(const an_lexicon *lex, const an_doc_actor *a) {
  char low[264];
  size_t n = 0;
  if (lower_flag(lex, a->label ? a->label : "", low, &n, AN_WMEDIA_NAME)) return 1;
  for (size_t i = 0; i < a->n_aliases; i++) {
    char al[264];
    size_t an = 0;
    if (a->aliases[i] && lower_flag(lex, a->aliases[i], al, &an, AN_WMEDIA_NAME)) return 1;
  }
  if (a->kind != AN_KIND_ORGANIZATION) return 0;
  /* media words as whole words of the label (split at spaces and hyphens) */
  for (size_t k = 0; k < n;) {
    while (k < n && (low[k] == ' ' || low[k] == '-')) k++;
    size_t e = k;
    while (e < n && low[e] != ' ' && low[e] != '-') e++;
    if (e > k && (lex->wdflag[an_lexicon_word_id(lex, low + k, e - k)] & AN_WMEDIA_WORD)) return 1;
    k = e;
  }
  return 0;
}

int an_xview_is_media(const an_xview *v, const an_lexicon *lex, uint32_t x) {
  if (!v->media || x >= v->acts->n_actors) return an_is_media(lex, &v->acts->actors[x]);
  if (!v->media[x]) v->media[x] = an_is_media(lex, &v->acts->actors[x]) ? 2 : 1;
  return v->media[x] == 2;
}

/* Types one may direct at one's own country's government (an opposition
 * leader criticising it): a named source and a country target of these
 * are kept even when the source is of that country. */
static int opposes_own(const char *type) { return strcmp(type, "criticize") == 0 || strcmp(type, "accuse") == 0; }

/* Whether the text made person p an office holder of org (a minister of
 * the country does not criticise it; the opposition, a former holder do:
 * the role's start says so, cues.json "outside_roles"). */
static int affiliated(const an_lexicon *lex, const an_doc_actors *A, uint32_t p, uint32_t org) {
  for (size_t f = 0; f < A->n_affiliations; f++) {
    const an_affiliation *af = &A->affiliations[f];
    if (af->person != p || af->org != org) continue;
    const char *r = af->role ? af->role : "";
    int outside = 0;
    for (size_t k = 0; k < lex->n_outside_roles && !outside; k++)
      outside = strncmp(r, lex->outside_roles[k], strlen(lex->outside_roles[k])) == 0;
    if (!outside) return 1;
  }
  return 0;
}

static int same_country(const an_doc_actor *a, const an_doc_actor *b) {
  const an_doc_actor *p = a->kind == AN_KIND_PERSON ? a : b, *k = a->kind == AN_KIND_PERSON ? b : a;
  if (p->kind != AN_KIND_PERSON || k->kind != AN_KIND_COUNTRY || !p->country[0]) return 0;
  return strcmp(p->country, k->country) == 0 || (k->id && strcmp(p->country, k->id) == 0);
}

static int sentence_has(const ctx *c, const an_phrases *l) {
  for (uint32_t k = c->sa; k < c->sb; k++)
    if (inlist(c, l, k)) return 1;
  return 0;
}

/* "We warn X", inside a quotation: the quote's own verb with a first
 * person subject is a trigger (dev-set.md); its source is the speaker. */
static int first_person_before(const ctx *c, uint32_t i) {
  if (i == 0 || !c->v->inq[i]) return 0;
  uint32_t p = i - 1;
  while (p > 0 && inlist(c, &c->lex->adverbs, p) && c->v->inq[p]) p--;
  return c->v->inq[p] && !is_quote(c, p) && inlist(c, &c->lex->first_person, p);
}

static int reporting_at(const an_xview *v, const an_lexicon *lex, uint32_t k) {
  return k < v->ntok && an_phrases_match_id(&lex->reporting, v->wid, k, (uint32_t)v->ntok) > k;
}

static int32_t speaker_mention(const an_xview *v, uint32_t k) {
  int32_t mi = k < v->ntok ? v->tok_m[k] : -1;
  if (mi < 0) return -1;
  const an_mention *m = &v->acts->mentions[mi];
  uint32_t e = m->tok_first + m->tok_count;
  if (m->flags & AN_MENTION_POSSESSIVE || (e < v->ntok && (v->tok[e].shape & AN_SHAPE_POSSESSIVE))) return -1;
  return mi;
}

/* A ctx over sentence si (for a speaker named outside the trigger's one). */
static ctx sent_ctx(const ctx *c, uint32_t si) {
  ctx s = *c;
  s.sa = c->v->sent[si].tok_first;
  s.sb = s.sa + c->v->sent[si].tok_count;
  if (s.sb > c->v->ntok) s.sb = (uint32_t)c->v->ntok;
  return s;
}

/* A speaker mention and its conjuncts ("Hamas and Islamic Jihad said"). */
static void add_speakers(const ctx *c, int32_t mi, uint32_t lim, mlist *out) {
  ctx s = sent_ctx(c, c->v->tok_s[M(c, mi)->tok_first]);
  if (lim > s.sb || lim <= M(c, mi)->tok_first) lim = s.sb;
  conjuncts(&s, mi, lim, 0, out);
}

/* "the statement", "a joint statement", "their communique" at token k:
 * the end of the phrase, or 0. */
static uint32_t statement_at(const ctx *c, uint32_t k, uint32_t lim) {
  const an_xview *v = c->v;
  const char *const *w = (const char *const *)v->w;
  uint32_t j = k;
  if (j < lim && an_phrases_match(&c->lex->determiners, w, j, lim)) j++;
  uint32_t e = j < lim ? an_phrases_match(&c->lex->statement_nouns, w, j, lim) : 0;
  return e;
}

/* The issuers of the statement a quote is attributed to ('"...," the
 * statement said'): the nearest statement mentioned before, up to three
 * sentences back: its "by" agents ("a statement issued jointly by A and
 * B"), else the subject of its clause ("A and B said in a joint statement");
 * when those are no named actors ("by the two movements"), the named
 * subjects opening the nearest sentence before ("On Monday, A and B ..."). */
static void statement_issuers(const ctx *c, uint32_t k, mlist *out) {
  const an_xview *v = c->v;
  uint32_t si = v->tok_s[k];
  uint32_t s_lo = si >= 3 ? si - 3 : 0;
  int found = 0;
  for (uint32_t sj = si + 1; sj-- > s_lo && !found;) {
    ctx s = sent_ctx(c, sj);
    uint32_t hi = sj == si ? k : s.sb;
    for (uint32_t t = hi; t-- > s.sa && !found;) {
      if (v->inq[t]) continue;
      uint32_t e = statement_at(&s, t, s.sb);
      if (!e || (t > s.sa && an_phrases_match(&c->lex->determiners, (const char *const *)v->w, t - 1, s.sb)))
        continue;
      found = 1;
      for (uint32_t q = e; q < s.sb && q < e + 4; q++) {
        if (strcmp(v->w[q], "by") != 0) continue;
        for (uint32_t h = q + 1; h < s.sb && h < q + 4; h++) {
          int32_t mi = speaker_mention(v, h);
          if (mi >= 0 && !v->inq[h]) {
            add_speakers(&s, mi, s.sb, out);
            return;
          }
        }
        break;
      }
      if (t > s.sa && (v->tok[t - 1].shape & AN_SHAPE_POSSESSIVE) && t > s.sa + 1 && v->tok_m[t - 2] >= 0) {
        ml_add(out, v->tok_m[t - 2]);
        return;
      }
      int weak = 0;
      int32_t mi = first_candidate(&s, s.sa, t, 0, &weak);
      if (mi >= 0 && !weak) {
        add_speakers(&s, mi, t, out);
        return;
      }
      /* the nearest earlier sentence whose subject is named */
      for (uint32_t sk = sj; sk-- > s_lo;) {
        ctx p = sent_ctx(c, sk);
        mi = first_candidate(&p, p.sa, p.sb, 0, &weak);
        if (mi >= 0 && !weak && M(c, mi)->tok_first < p.sa + 6) {
          add_speakers(&p, mi, p.sb, out);
          return;
        }
      }
    }
  }
}

/* The speakers of the quotation around token i: '"...," said X', '"...," X
 * said', 'X said: "..."', '"...," the statement said' (its issuers),
 * 'A and B said in a joint statement: "..."'. */
static void quote_speakers(const ctx *c, uint32_t i, mlist *out) {
  const an_xview *v = c->v;
  uint32_t qo = i, qc = i;
  while (qo > 0 && i - qo < 150 && !(v->tok[qo].shape & AN_SHAPE_QUOTE)) qo--;
  while (qc + 1 < v->ntok && qc - i < 150 && !(v->tok[qc].shape & AN_SHAPE_QUOTE)) qc++;
  if (!(v->tok[qo].shape & AN_SHAPE_QUOTE) || !(v->tok[qc].shape & AN_SHAPE_QUOTE)) return;
  uint32_t k = qc + 1;
  if (k < v->ntok && strcmp(v->w[k], ",") == 0) k++;
  uint32_t lim = (uint32_t)v->ntok;
  if (reporting_at(v, c->lex, k)) {
    for (uint32_t j = k + 1; j < v->ntok && j < k + 5; j++) {
      int32_t mi = speaker_mention(v, j);
      if (mi >= 0) {
        ml_add(out, mi);
        return;
      }
      if (statement_at(c, j, lim) && j == k + 1) {
        statement_issuers(c, qo, out);
        return;
      }
      if (v->tok[j].shape & AN_SHAPE_PUNCT) break;
    }
    return;
  }
  uint32_t se = statement_at(c, k, lim);
  if (se && se < lim && reporting_at(v, c->lex, se)) {
    statement_issuers(c, qo, out);
    return;
  }
  int32_t pend = -1;
  for (uint32_t j = k; j < v->ntok && j < k + 6; j++) {
    int32_t mi = speaker_mention(v, j);
    if (mi >= 0 && pend < 0 && v->acts->mentions[mi].tok_first == j &&
        (v->acts->mentions[mi].how == AN_MENTION_DEMONYM || (v->acts->mentions[mi].flags & AN_MENTION_MODIFIER))) {
      /* '"...," Kenyan President X said': the title's modifier */
      pend = mi;
      j += v->acts->mentions[mi].tok_count - 1;
      continue;
    }
    if (mi < 0 && j < c->sb && inlist(c, &c->lex->title_words, j)) {
      if (pend >= 0 && reporting_at(v, c->lex, j + 1)) mi = pend; /* "a Kenyan spokesman said": no name follows */
      else continue;
    }
    if (mi >= 0) {
      uint32_t e = v->acts->mentions[mi].tok_first + v->acts->mentions[mi].tok_count;
      for (uint32_t r = e; r < v->ntok && r < e + 3; r++)
        if (reporting_at(v, c->lex, r)) {
          ml_add(out, mi);
          return;
        }
      return;
    }
    if (v->tok[j].shape & AN_SHAPE_PUNCT) break;
  }
  if (qo > 1) {
    uint32_t r = qo - 1;
    if (strcmp(v->w[r], ":") == 0 || strcmp(v->w[r], ",") == 0) r--;
    /* "said in a joint statement:": the verb before the statement */
    for (uint32_t p = r + 1 > 4 ? r - 3 : 0; p + 1 < r + 1 && p > 0; p++)
      if (strcmp(v->w[p], "in") == 0 && statement_at(c, p + 1, r + 1) == r + 1) {
        r = p - 1;
        break;
      }
    if (reporting_at(v, c->lex, r)) {
      uint32_t s0 = v->sent[v->tok_s[r]].tok_first;
      for (uint32_t j = s0; j < r; j++) {
        int32_t mi = speaker_mention(v, j);
        if (mi >= 0 && !v->inq[j]) {
          add_speakers(c, mi, r, out);
          return;
        }
      }
    }
  }
}

/* "praised both presidents", "met the two ministers": a pair phrase as
 * the object stands for the two persons the document gives that title
 * (its affiliations), else for the two persons the last sentences named;
 * never a source. Fills out only when exactly two are found. */
static void pair_object(const ctx *c, uint32_t te, uint32_t ce, const mlist *srcs, mlist *out) {
  const an_xview *v = c->v;
  const an_doc_actors *A = v->acts;
  uint32_t k = te, e = 0;
  for (; k < ce && k < te + 3; k++)
    if ((e = an_phrases_match(&c->lex->pair_phrases, (const char *const *)v->w, k, ce))) break;
  if (!e) return;
  /* the title: the phrase's last word, singular */
  char role[64];
  snprintf(role, sizeof role, "%s", v->w[e - 1]);
  size_t rl = strlen(role);
  if (rl > 3 && role[rl - 1] == 's') role[--rl] = 0;
  uint32_t pick[2];
  int n = 0, more = 0;
  for (size_t i = 0; i < A->n_affiliations; i++) {
    const an_affiliation *f = &A->affiliations[i];
    if (f->person >= A->n_actors || A->actors[f->person].kind != AN_KIND_PERSON || !f->role) continue;
    int match = 0;
    for (const char *q = strstr(f->role, role); q && !match; q = strstr(q + 1, role))
      if ((q == f->role || q[-1] == ' ') && (q[rl] == 0 || q[rl] == ' ')) match = 1;
    if (!match) continue;
    int dup = 0;
    for (int j = 0; j < n; j++) dup |= pick[j] == f->person;
    for (int j = 0; j < srcs->n; j++) dup |= M(c, srcs->m[j])->actor == f->person;
    if (dup) continue;
    if (n < 2)
      pick[n++] = f->person;
    else
      more = 1;
  }
  if (n != 2 || more) {
    /* the two persons the last sentences named (the nearest pair, five
     * sentences back at most) */
    uint32_t s0 = v->tok_s[k] >= 4 ? v->tok_s[k] - 4 : 0, from = v->sent[s0].tok_first;
    uint32_t pick_sent = 0;
    n = 0;
    more = 0;
    for (size_t j = an_doc_mentions_before(A, k); j-- > 0;) {
      const an_mention *m = &A->mentions[j];
      if (m->tok_first >= k) continue;
      if (m->tok_first < from) break;
      if (A->actors[m->actor].kind != AN_KIND_PERSON || v->inq[m->tok_first]) continue;
      int dup = 0;
      for (int i = 0; i < n; i++) dup |= pick[i] == m->actor;
      for (int i = 0; i < srcs->n; i++) dup |= M(c, srcs->m[i])->actor == m->actor;
      if (dup) continue;
      if (n == 2 && v->tok_s[m->tok_first] != pick_sent) break; /* the nearest pair */
      if (n < 2) {
        pick[n++] = m->actor;
        pick_sent = v->tok_s[m->tok_first];
      } else {
        more = 1;
      }
    }
  }
  if (n != 2 || more) return;
  for (int i = 0; i < 2; i++)
    for (size_t j = 0; j < A->n_mentions; j++)
      if (A->mentions[j].actor == pick[i] && !v->inq[A->mentions[j].tok_first] &&
          A->mentions[j].how != AN_MENTION_PRONOUN) {
        ml_add(out, (int32_t)j);
        break;
      }
  if (out->n != 2) out->n = 0;
}

static uint32_t after_dateline(const ctx *c);

/* A mention of the country whose id or code is cc ("BGD"), or -1. */
static int32_t country_mention(const ctx *c, const char *cc) {
  const an_doc_actors *A = c->v->acts;
  if (!cc || !cc[0]) return -1;
  /* the actor first (few), so a country the text never names costs no walk
   * over every mention */
  int known = 0;
  for (size_t i = 0; i < A->n_actors && !known; i++)
    known = A->actors[i].kind == AN_KIND_COUNTRY && (strcmp(A->actors[i].id, cc) == 0 || strcmp(A->actors[i].country, cc) == 0);
  if (!known) return -1;
  for (size_t j = 0; j < A->n_mentions; j++) {
    const an_doc_actor *a = &A->actors[A->mentions[j].actor];
    if (a->kind == AN_KIND_COUNTRY && (strcmp(a->id, cc) == 0 || strcmp(a->country, cc) == 0)) return (int32_t)j;
  }
  return -1;
}

/* The country of the document's dateline ("DHAKA, March 5 (X) -"), or -1. */
static int32_t dateline_country(const ctx *c) {
  for (uint32_t si = 0; si < c->v->nsent && si < 3; si++) {
    ctx s = sent_ctx(c, si);
    uint32_t e = after_dateline(&s);
    for (uint32_t k = s.sa; k < e; k++) {
      int32_t mi = c->v->tok_m[k];
      if (mi >= 0 && c->v->acts->actors[M(c, mi)->actor].kind == AN_KIND_COUNTRY) return mi;
    }
  }
  /* no dateline place known: the country the document speaks of most
   * (when it leads the next one clearly) */
  const an_doc_actors *A = c->v->acts;
  uint32_t best = UINT32_MAX, n1 = 0, n2 = 0;
  for (size_t i = 0; i < A->n_actors; i++) {
    if (A->actors[i].kind != AN_KIND_COUNTRY) continue;
    if (A->actors[i].mentions > n1) {
      n2 = n1;
      n1 = A->actors[i].mentions;
      best = (uint32_t)i;
    } else if (A->actors[i].mentions > n2) {
      n2 = A->actors[i].mentions;
    }
  }
  if (best == UINT32_MAX || n1 < 2 || n1 < 2 * n2) return -1;
  for (size_t j = 0; j < A->n_mentions; j++)
    if (A->mentions[j].actor == best) return (int32_t)j;
  return -1;
}

/* "accused the interim government of X", "criticised the government in
 * Accra": an unnamed government as the object is the country named with it
 * ("of/in X"), else the source's own country, else the dateline's. */
static int32_t government_object(const ctx *c, uint32_t te, uint32_t ce, const mlist *srcs) {
  uint32_t k = te;
  if (k >= ce || !is(c, k, "the")) return -1;
  k++;
  for (int adj = 0; k < ce && adj < 2 && c->v->tok_m[k] < 0 && !inlist(c, &c->lex->government_nouns, k) &&
                    ((c->v->tok[k].shape & AN_SHAPE_ALL_LOWER) || inlist(c, &c->lex->np_words, k)) &&
                    !inlist(c, &c->lex->prepositions, k) && !inlist(c, &c->lex->clause_end, k);
       adj++)
    k++;
  uint32_t n = k < ce ? listlen(c, &c->lex->government_nouns, k) : 0;
  if (!n) return -1;
  k += n;
  if (k + 1 < ce && (is(c, k, "of") || is(c, k, "in"))) {
    int32_t mi = c->v->tok_m[k + 1];
    if (mi >= 0 && c->v->acts->actors[M(c, mi)->actor].kind == AN_KIND_COUNTRY) return mi;
    /* "the government of a neighbouring state"; but "accused the
     * government of silencing critics" is the charge */
    if (mi >= 0 || inlist(c, &c->lex->determiners, k + 1) || is_cap(c, k + 1)) return -1;
  }
  if (k < ce && c->v->tok_m[k] >= 0) return -1;
  if (srcs->n) {
    int32_t mi = country_mention(c, c->v->acts->actors[M(c, srcs->m[0])->actor].country);
    if (mi >= 0) return mi;
  }
  return dateline_country(c);
}

/* Where a manner phrase of list l ("by telephone", "in a letter") says how
 * an event with target mention dm was made: 1 right after the target
 * (within four tokens, before another mention or the clause's end), 2 in
 * the clause's opening [cs, ts) ("In a phone call, X thanked Y"), else 0;
 * *at and *n get the phrase's first token and length. */
static int manner_at(const ctx *c, const an_phrases *l, uint32_t cs, uint32_t ts, int32_t dm, uint32_t ce,
                     uint32_t *at, uint32_t *n) {
  uint32_t k = mend(c, dm);
  for (uint32_t e = k + 4; k < ce && k < e; k++) {
    if ((*n = listlen(c, l, k)) > 0) return *at = k, 1;
    if (c->v->tok_m[k] >= 0 || inlist(c, &c->lex->clause_end, k)) break;
  }
  for (k = cs; k < ts; k++)
    if ((*n = listlen(c, l, k)) > 0) return *at = k, 2;
  return 0;
}

/* "congratulated X by telephone", "In a phone call, X thanked Y": praise
 * said over the phone is also a call between the two (annotation.md §2). */
static int by_phone(const ctx *c, const an_trigger *t, const char *type, uint32_t cs, uint32_t ts, int32_t dm,
                    uint32_t ce) {
  /* only greetings and thanks: a briefing "by video link" to a council is
   * a statement to a body, not a conversation */
  if (t->symmetric || !c->lex->phone_manner.n || !str_is(type, "praise")) return 0;
  uint32_t k, n;
  return manner_at(c, &c->lex->phone_manner, cs, ts, dm, ce, &k, &n) != 0;
}

/* "congratulated X in a letter", "accused X in a message of ...": said in
 * writing to the target, so also a message (cues.json letter_manner;
 * not "in a letter to Y", which the letter's own trigger reads; "In a
 * letter, X thanked Y": the phrase opening the clause). */
static int by_letter(const ctx *c, const an_trigger *t, const char *type, uint32_t cs, uint32_t ts, int32_t dm,
                     uint32_t ce) {
  if (t->symmetric || !c->lex->letter_manner.n || str_is(type, "message") || str_is(type, "attack")) return 0;
  uint32_t k = 0, n = 0;
  int where = manner_at(c, &c->lex->letter_manner, cs, ts, dm, ce, &k, &n);
  if (where == 1) return !(k + n < c->sb && (is(c, k + n, "to") || is(c, k + n, "from")));
  if (where == 2) return k + n < ts && is(c, k + n, ",");
  return 0;
}

/* "accused the two governments", "praised both countries": the two
 * countries the last five sentences named, besides the sources and their
 * own countries (only when they named exactly two). */
static void country_pair(const ctx *c, uint32_t te, uint32_t ce, const mlist *srcs, mlist *out) {
  const an_xview *v = c->v;
  const an_doc_actors *A = v->acts;
  uint32_t k = te, e = 0;
  for (; k < ce && k < te + 2; k++)
    if ((e = an_phrases_match_id(&c->lex->country_pairs, v->wid, k, ce)) || v->tok_m[k] >= 0) break;
  if (!e || v->tok_m[k] >= 0) return;
  uint32_t s0 = v->tok_s[k] >= 4 ? v->tok_s[k] - 4 : 0, from = v->sent[s0].tok_first;
  int32_t pick[2] = {-1, -1};
  int n = 0;
  /* the sources' own countries: "Its foreign minister, X," / "Colombia's
   * trade minister, X," right before a source */
  uint32_t own[MAXL];
  int n_own = 0;
  for (int i = 0; i < srcs->n; i++) {
    uint32_t f = M(c, srcs->m[i])->tok_first, lo = v->sent[v->tok_s[f]].tok_first;
    for (uint32_t q = f; q-- > lo && q + 8 > f && n_own < MAXL;) {
      int32_t mq = v->tok_m[q];
      if (mq < 0) {
        if (is_punct(c, q) && !is(c, q, ",")) break;
        continue;
      }
      if (A->actors[M(c, mq)->actor].kind == AN_KIND_COUNTRY && (is_poss(c, mq) || is_modifier(c, mq)))
        own[n_own++] = M(c, mq)->actor;
      q = M(c, mq)->tok_first;
    }
  }
  for (size_t j = an_doc_mentions_before(A, k); j-- > 0;) {
    const an_mention *m = &A->mentions[j];
    if (m->tok_first >= k) continue;
    if (m->tok_first < from) break;
    const an_doc_actor *a = &A->actors[m->actor];
    if (a->kind != AN_KIND_COUNTRY || v->inq[m->tok_first]) continue;
    int skip = 0;
    for (int i = 0; i < n_own && !skip; i++) skip = own[i] == m->actor;
    for (int i = 0; i < srcs->n && !skip; i++) {
      const an_doc_actor *sa = &A->actors[M(c, srcs->m[i])->actor];
      if (M(c, srcs->m[i])->actor == m->actor || same_country(sa, a)) skip = 1;
      /* a person's country through the document's affiliations */
      for (size_t f = 0; f < A->n_affiliations && !skip; f++)
        if (A->affiliations[f].person == M(c, srcs->m[i])->actor && A->affiliations[f].org == m->actor) skip = 1;
    }
    for (int i = 0; i < n && !skip; i++) skip = A->mentions[pick[i]].actor == m->actor;
    if (skip) continue;
    if (n == 2) {
      /* a third country in an earlier sentence than the pair's: the
       * nearest pair stands; in the same sentence: no telling which two */
      if (v->tok_s[m->tok_first] != v->tok_s[A->mentions[pick[1]].tok_first]) break;
      return;
    }
    pick[n++] = (int32_t)j;
  }
  if (n != 2) return;
  ml_add(out, pick[1]);
  ml_add(out, pick[0]);
}

/* "condemned the suspension", "backed the strike", "the ruling was backed
 * by X": an act named by a noun phrase at a (a determiner, at most two
 * adjectives, the noun; no "of/by" + actor after it) is its agent's: the
 * subject of the nearest sentence before (six at most, the headline
 * included) whose verb reports that act ("FIFA suspended ..."). */
/* "the bloc", "the alliance's ministers" (no actor the actors stage
 * resolved): the organization most recently named before a (five
 * sentences at most), besides the sources; or -1. */
static int32_t bloc_description(const ctx *c, uint32_t a, uint32_t lim, const mlist *srcs) {
  const an_xview *v = c->v;
  if (a + 1 >= lim || !is(c, a, "the")) return -1;
  uint32_t k = a + 1;
  /* "the Iran-backed group", "the regional bloc": up to two modifiers; a
   * country named among them must be the organization's */
  const char *want_cc = NULL;
  for (int n = 0; n < 2 && k < lim && !inlist(c, &c->lex->bloc_nouns, k); n++) {
    int32_t mk = v->tok_m[k];
    if (mk >= 0 && M(c, mk)->how == AN_MENTION_DEMONYM && !is_poss(c, mk)) {
      const an_doc_actor *ca = &v->acts->actors[M(c, mk)->actor];
      want_cc = ca->country[0] ? ca->country : ca->id;
      k = mend(c, mk);
      continue;
    }
    const char *w = W(c, k);
    size_t wl = strlen(w);
    int hyph_adj = mk < 0 && strchr(w, '-') && wl > 2 && islower((unsigned char)v->s[v->tok[k].start + v->tok[k].len - 1]);
    if (!hyph_adj && (mk >= 0 || is_punct(c, k) || !(v->tok[k].shape & AN_SHAPE_ALL_LOWER) ||
                      inlist(c, &c->lex->prepositions, k)))
      break;
    k++;
  }
  if (k >= lim || v->tok_m[k] >= 0 || v->dropped[k] || !inlist(c, &c->lex->bloc_nouns, k)) return -1;
  k++;
  if (k < lim && (is(c, k, "of") || c->v->tok_m[k] >= 0)) return -1; /* "the group of soldiers", "the group Hamas" */
  if (k < lim && (v->tok[k].shape & AN_SHAPE_POSSESSIVE)) {
    k++;
    /* "the bloc's ministers", "the Commission's decision" */
    if (k >= lim || !(inlist(c, &c->lex->member_nouns, k) || inlist(c, &c->lex->transparent_nouns, k) ||
                      inlist(c, &c->lex->speech_objects, k)))
      return -1;
  }
  uint32_t s0 = v->tok_s[a] >= 5 ? v->tok_s[a] - 5 : 0, from = v->sent[s0].tok_first;
  for (size_t j = an_doc_mentions_before(v->acts, a); j-- > 0;) {
    const an_mention *m = &v->acts->mentions[j];
    if (m->tok_first >= a) continue;
    if (m->tok_first < from) break;
    const an_doc_actor *ac = &v->acts->actors[m->actor];
    if (ac->kind != AN_KIND_ORGANIZATION || v->inq[m->tok_first] || an_xview_is_media(v, c->lex, m->actor)) continue;
    if (in_set(c, srcs, (int32_t)j)) continue;
    if (want_cc && strcmp(ac->country, want_cc) != 0) return -1; /* "the Dutch group": not this one */
    return (int32_t)j;
  }
  return -1;
}

/* Types whose object may be an act standing for its agent: one condemns,
 * backs or hails a decision, not the decision's maker only. */
static int act_type(const char *type) {
  return str_is(type, "criticize") || str_is(type, "support") || str_is(type, "praise");
}

/* "X closed the border. Y denounced the move": a generic act noun right
 * after "the" (cues.json clause_acts: move, step, measure...; the noun
 * ends the phrase) is the act the sentence before reported, its agent
 * that sentence's subject: its first actor, named before any verb or
 * preposition, when no other actor shares that subject. */
static int32_t clause_act_agent(const ctx *c, uint32_t a, uint32_t lim, const mlist *srcs) {
  const an_xview *v = c->v;
  if (!is(c, a, "the") || a + 1 >= lim || !inlist(c, &c->lex->clause_acts, a + 1)) return -1;
  uint32_t e = a + 2;
  if (e < lim && !is_punct(c, e) && !inlist(c, &c->lex->prepositions, e) && !inlist(c, &c->lex->adverbs, e) &&
      !inlist(c, &c->lex->passive_aux, e) && !inlist(c, &c->lex->perfect_aux, e))
    return -1; /* "the move to close X", "the step the bloc took" */
  if (e < lim && (is(c, e, "of") || is(c, e, "by") || is(c, e, "to"))) return -1;
  uint32_t si = v->tok_s[a];
  if (si == 0) return -1;
  ctx p = sent_ctx(c, si - 1);
  p.sa = after_dateline(&p);
  int w = 0;
  int32_t f = first_candidate(&p, p.sa, p.sb, 0, &w);
  if (f < 0 || w || is_poss(&p, f) || in_set(c, srcs, f)) return -1;
  for (uint32_t k = p.sa; k < M(c, f)->tok_first; k++)
    if (!inlist(&p, &c->lex->determiners, k) && !inlist(&p, &c->lex->np_words, k) && !inlist(&p, &c->lex->title_words, k) &&
        !is_cap(&p, k))
      return -1;
  mlist l = {{0}, 0};
  conjuncts(&p, f, p.sb, 0, &l);
  if (l.n != 1) return -1;
  /* a verb right after the subject: "X closed", "X has closed" */
  uint32_t k = mend(c, f);
  while (k < p.sb && (inlist(&p, &c->lex->adverbs, k) || inlist(&p, &c->lex->perfect_aux, k))) k++;
  if (k >= p.sb || !past_form(&p, k)) return -1;
  return f;
}

static int32_t act_agent(const ctx *c, uint32_t a, uint32_t lim, const mlist *srcs) {
  const an_lexicon *lex = c->lex;
  const an_xview *v = c->v;
  if (!lex->n_acts || a >= lim || !inlist(c, &lex->determiners, a) || inlist(c, &lex->possessive_pronouns, a))
    return -1;
  uint32_t k = a + 1;
  size_t act = SIZE_MAX;
  uint32_t e = 0;
  for (int adj = 0; k < lim && adj < 3 && act == SIZE_MAX; adj++, k++) {
    if (v->tok_m[k] >= 0 || is_punct(c, k)) return -1;
    for (size_t i = 0; i < lex->n_acts && act == SIZE_MAX; i++)
      if ((e = an_phrases_match_id(&lex->act_nouns[i], v->wid, k, lim)) > k) act = i;
    if (act == SIZE_MAX && (!(v->tok[k].shape & AN_SHAPE_ALL_LOWER) || inlist(c, &lex->prepositions, k))) return -1;
  }
  if (act == SIZE_MAX) return clause_act_agent(c, a, lim, srcs);
  if (e + 1 < lim && (is(c, e, "of") || is(c, e, "by")) && v->tok_m[e + 1] >= 0) return -1;
  uint32_t si = v->tok_s[a];
  an_trigger verb;
  memset(&verb, 0, sizeof verb);
  for (uint32_t sj = si; sj-- > 0 && si - sj <= 10;) {
    ctx s = sent_ctx(c, sj);
    s.sa = after_dateline(&s);
    for (uint32_t t = s.sa; t < s.sb; t++) {
      if (v->inq[t] || v->tok_m[t] >= 0) continue;
      uint32_t te = an_phrases_match_id(&lex->act_verbs[act], v->wid, t, s.sb);
      if (te <= t) continue;
      /* a noun use ("a strike", "the ban") is not the report of the act */
      /* ("threatened to strike": an infinitive "to" is no preposition) */
      if (t > s.sa && (inlist(&s, &lex->determiners, t - 1) || (inlist(&s, &lex->prepositions, t - 1) && !is(&s, t - 1, "to"))))
        continue;
      subj sb;
      find_subject(&s, &verb, t, te, 0, &sb);
      if (sb.l.n == 1 && !sb.weak && !in_set(c, srcs, sb.l.m[0])) return sb.l.m[0];
      return -1; /* the nearest report decides */
    }
  }
  return -1;
}

/* After "called <pronoun>": a bare lowercase word that is no preposition,
 * adverb, conjunction or date word is a complement ("calling them unfair",
 * "called it reckless"), not the time or place of a phone call. */
static int naming_complement(const ctx *c, uint32_t k) {
  if (k >= c->sb || is_punct(c, k) || !(c->v->tok[k].shape & AN_SHAPE_ALL_LOWER) || c->v->tok_m[k] >= 0) return 0;
  if (inlist(c, &c->lex->prepositions, k) || inlist(c, &c->lex->adverbs, k) || inlist(c, &c->lex->coordinators, k) ||
      inlist(c, &c->lex->clause_end, k) || inlist(c, &c->lex->day_parts, k) || inlist(c, &c->lex->vague_dates, k))
    return 0;
  for (int i = 0; i < 8; i++)
    if (inlist(c, &c->lex->rel_day[i], k)) return 0;
  return 1;
}

/* "X phoned Y to express solidarity", "X met Y to thank
 * for ...": a directed act with no object of its own in an infinitive of
 * purpose after a call or meeting of the same sentence is directed at
 * that call's or meeting's partner (annotation.md: the second act counts
 * when it is directed at Y). The mention of the partner between that
 * trigger and "to", or -1. */
static int32_t purpose_partner(const ctx *c, const evbuf *b, uint32_t si, uint32_t ts, int nominal, const mlist *srcs) {
  const an_xview *v = c->v;
  if (srcs->n != 1 || ts <= c->sa) return -1;
  uint32_t k = ts - 1;
  if (nominal) {
    /* "to express his full support for": the noun after a light verb */
    for (int n = 0; k > c->sa && n < 3 && v->tok_m[k] < 0 &&
                    (inlist(c, &c->lex->possessive_pronouns, k) || inlist(c, &c->lex->np_words, k));
         n++)
      k--;
    if (k <= c->sa || v->tok_m[k] >= 0 || !inlist(c, &c->lex->light_verbs, k)) return -1;
    k--;
  }
  while (k > c->sa && v->tok_m[k] < 0 && inlist(c, &c->lex->adverbs, k)) k--;
  if (!is(c, k, "to") || v->tok_m[k] >= 0) return -1;
  uint32_t who = M(c, srcs->m[0])->actor;
  for (size_t i = b->n; i-- > 0 && b->e[i].sent == si;) {
    const an_xevent *e = &b->e[i];
    if (e->trig_end > k || e->modal) continue;
    if (strcmp(e->type, "call") != 0 && strcmp(e->type, "meet") != 0) continue;
    if (e->src != who && e->dst != who) continue;
    uint32_t other = e->src == who ? e->dst : e->src;
    /* one clause: no other verb's clause between ("met X, who later
     * left to ...") */
    if (k > e->trig_end + 16) return -1;
    for (uint32_t j = e->trig_end; j < k; j++)
      if (is(c, j, ";") || is(c, j, ":") || inlist(c, &c->lex->relative, j) || inlist(c, &c->lex->reporting, j) ||
          inlist(c, &c->lex->subordinators, j))
        return -1;
    for (uint32_t j = e->trig_first; j < k; j++) {
      int32_t mj = v->tok_m[j];
      if (mj >= 0 && M(c, mj)->tok_first == j && M(c, mj)->actor == other) return mj;
    }
    return -1;
  }
  return -1;
}

/* The one actor of the document a word names: an alias spelt so (case
 * aside), or a person's surname (an alias's last or first word);
 * UINT32_MAX when none or more than one. */
static int same_word_ci(const char *a, size_t na, const char *b, size_t nb) {
  if (na != nb) return 0;
  for (size_t i = 0; i < na; i++)
    if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i])) return 0;
  return 1;
}

static uint32_t actor_named(const an_doc_actors *A, const char *w, size_t n) {
  uint32_t found = UINT32_MAX;
  for (size_t x = 0; x < A->n_actors; x++) {
    const an_doc_actor *a = &A->actors[x];
    int hit = 0;
    for (size_t i = 0; i < a->n_aliases && !hit; i++) {
      const char *al = a->aliases[i];
      size_t l = strlen(al);
      const char *last = al, *sp = strchr(al, ' ');
      if (a->kind == AN_KIND_PERSON)
        for (const char *q = al; *q; q++)
          if (*q == ' ') last = q + 1;
      /* (a family name first: "Xi Jinping" -> "Xi") */
      size_t first_len = a->kind == AN_KIND_PERSON && sp ? (size_t)(sp - al) : 0;
      if (same_word_ci(al, l, w, n) || same_word_ci(last, strlen(last), w, n) ||
          (first_len && same_word_ci(al, first_len, w, n)))
        hit = 1;
    }
    if (!hit) continue;
    if (found != UINT32_MAX) return UINT32_MAX;
    found = (uint32_t)x;
  }
  return found;
}

/* Whether token i holds a hyphen inside it, neither first nor last ("Kenya-Uganda"). */
static int has_hyphen(const an_xview *v, uint32_t i) {
  return v->tok[i].len > 2 && memchr(v->s + v->tok[i].start + 1, '-', v->tok[i].len - 2) != NULL;
}

/* "the Kenya-Uganda talks", "a Modi-Albanese meeting", "the US-China
 * phone call": a hyphenated pair of names right before a meeting or call
 * noun (up to two lower-case modifiers between: "border talks") names its
 * two parties, when each part is an actor the document names elsewhere.
 * The tokenizer keeps the pair one token, which no mention covers. Fills
 * out[0..1] with a mention of each (the nearest to ts) and returns 1. */
static int hyphen_pair(const ctx *c, uint32_t ts, int32_t out[2]) {
  const an_xview *v = c->v;
  uint32_t p = ts;
  for (int n = 0; p > c->sa && n < 3; n++) {
    p--;
    if (v->tok_m[p] >= 0) return 0;
    if (has_hyphen(v, p)) break;
    if (n == 2 || !(v->tok[p].shape & AN_SHAPE_ALL_LOWER) || is_punct(c, p) || inlist(c, &c->lex->prepositions, p) ||
        inlist(c, &c->lex->determiners, p) || inlist(c, &c->lex->light_verbs, p))
      return 0;
  }
  if (!has_hyphen(v, p) || !(v->tok[p].shape & AN_SHAPE_UPPER_INITIAL) || v->tok_m[p] >= 0) return 0;
  const char *w = v->s + v->tok[p].start;
  size_t len = v->tok[p].len;
  const char *h = memchr(w, '-', len);
  if (!h || h == w || h + 1 >= w + len || memchr(h + 1, '-', (size_t)(w + len - h - 1))) return 0;
  if (!isupper((unsigned char)h[1])) return 0; /* "Iran-backed" */
  uint32_t x[2] = {actor_named(v->acts, w, (size_t)(h - w)), actor_named(v->acts, h + 1, (size_t)(w + len - h - 1))};
  if (x[0] == UINT32_MAX || x[1] == UINT32_MAX || x[0] == x[1]) return 0;
  for (int i = 0; i < 2; i++) {
    int32_t best = -1;
    uint32_t bd = UINT32_MAX;
    for (size_t j = 0; j < v->acts->n_mentions; j++) {
      const an_mention *m = &v->acts->mentions[j];
      if (m->actor != x[i]) continue;
      uint32_t d = m->tok_first > ts ? m->tok_first - ts : ts - m->tok_first;
      if (d < bd) {
        bd = d;
        best = (int32_t)j;
      }
    }
    if (best < 0) return 0;
    out[i] = best;
  }
  return 1;
}

/* "C received A and B for a day of talks": the guests of one
 * reception for talks met each other too (a host verb: a meet trigger
 * with a direct object). Not "for separate talks". */
static int guests_together(const ctx *c, const an_trigger *t, const char *type, const mlist *dsts, uint32_t ce) {
  if (!t->direct || t->nominal || dsts->n < 2 || strcmp(type, "meet") != 0) return 0;
  uint32_t k = mend(c, dsts->m[dsts->n - 1]), k0 = k;
  /* "A and B at a lakeside villa for talks": a place between, no verb */
  for (; k < ce && k < k0 + 8 && !is(c, k, "for"); k++)
    if (is_punct(c, k) || ((c->v->tok[k].shape & AN_SHAPE_ALL_LOWER) && c->v->tok_m[k] < 0 &&
                           !inlist(c, &c->lex->prepositions, k) && !inlist(c, &c->lex->determiners, k)))
      return 0;
  if (k >= ce || !is(c, k, "for")) return 0;
  for (uint32_t j = k + 1; j < ce && j < k + 6; j++) {
    if (is_punct(c, j) || c->v->tok_m[j] >= 0 || is(c, j, "separate")) return 0;
    size_t n = 0;
    const uint32_t *cand = an_lexicon_trigs_at(c->lex, c->v->wid[j], &n);
    for (size_t i = 0; i < n; i++)
      if (c->lex->trig[cand[i]].nominal && strcmp(c->lex->trig[cand[i]].type, "meet") == 0) return 1;
  }
  return 0;
}

/* "Diop hosted Rivas on Friday. Diop praised his guest": a partner
 * noun (cues.json counterpart_nouns: counterpart, guest, host...) the
 * actors stage left unnamed, right after the trigger, is the other party
 * of the subject's latest call or meeting (this sentence or the three
 * before). Its latest mention before te, or -1. */
static int32_t partner_object(const ctx *c, const evbuf *b, uint32_t si, uint32_t te, uint32_t ce, const mlist *srcs) {
  const an_xview *v = c->v;
  if (srcs->n != 1 || te + 1 >= ce || v->tok_m[te + 1] >= 0) return -1;
  if (v->tok_m[te] >= 0 && M(c, v->tok_m[te])->how != AN_MENTION_PRONOUN) return -1;
  if (!inlist(c, &c->lex->possessive_pronouns, te) || !inlist(c, &c->lex->counterpart_nouns, te + 1)) return -1;
  uint32_t e1 = te + 1 + listlen(c, &c->lex->counterpart_nouns, te + 1);
  if (e1 < ce && (is(c, e1, "in") || is(c, e1, ",") || v->tok_m[e1] >= 0)) return -1; /* named or placed there */
  uint32_t who = M(c, srcs->m[0])->actor;
  for (size_t i = b->n; i-- > 0;) {
    const an_xevent *e = &b->e[i];
    if (e->sent + 3 < si) break;
    if (e->modal || (strcmp(e->type, "call") != 0 && strcmp(e->type, "meet") != 0)) continue;
    if (e->src != who && e->dst != who) continue;
    uint32_t other = e->src == who ? e->dst : e->src;
    if (v->acts->actors[other].kind != AN_KIND_PERSON) return -1;
    for (size_t j = an_doc_mentions_before(v->acts, te); j-- > 0;)
      if (v->acts->mentions[j].actor == other) return (int32_t)j;
    return -1;
  }
  return -1;
}

/* "X said he had written to Y", "X told reporters that she had spoken
 * with Y": a subject pronoun right after a reporting verb (and "that")
 * refers to that verb's own subject when it is a named person; the
 * actors stage may have given it to another person named earlier. The
 * speaker's mention, or -1 when it is no such case. */
static int32_t reported_speaker(const ctx *c, int32_t pm) {
  const an_mention *m = M(c, pm);
  if (m->how != AN_MENTION_PRONOUN || is_poss(c, pm) || c->v->acts->actors[m->actor].kind != AN_KIND_PERSON) return -1;
  uint32_t p = m->tok_first;
  if (!inlist(c, &c->lex->person_pronouns, p) || p < c->sa + 2) return -1;
  uint32_t k = p - 1;
  if (is(c, k, "that")) k--;
  /* the reporting verb ends right before (k + 1), or one plain word
   * before: "said he", "told reporters he" */
  uint32_t v0 = UINT32_MAX;
  for (uint32_t j = k + 1; j-- > c->sa && j + 2 > k;) {
    if (c->v->tok_m[j] >= 0 || is_punct(c, j)) break;
    uint32_t e = an_phrases_match_id(&c->lex->reporting, c->v->wid, j, c->sb);
    if (e > j && (e == k + 1 || (e == k && (c->v->tok[k].shape & AN_SHAPE_ALL_LOWER)))) {
      v0 = j;
      break;
    }
  }
  if (v0 == UINT32_MAX || v0 <= c->sa) return -1;
  an_trigger verb;
  memset(&verb, 0, sizeof verb);
  subj sb;
  find_subject(c, &verb, v0, v0 + 1, 0, &sb);
  if (sb.l.n != 1 || sb.weak) return -1;
  const an_mention *sm = M(c, sb.l.m[0]);
  if (sm->how == AN_MENTION_PRONOUN || sm->actor == m->actor || c->v->acts->actors[sm->actor].kind != AN_KIND_PERSON)
    return -1;
  return sb.l.m[0];
}

/* "C received A's premier X and B's minister Y for talks. C praised both
 * delegations": a side phrase after a host's meeting with exactly two
 * guests (this sentence or the six before) is the guests' two sides:
 * when both are persons (of two countries), each one's country if the text
 * names it, else that guest; else the guests. Fills out and returns 1, or 0. */
static int guest_sides(const ctx *c, const evbuf *b, uint32_t si, uint32_t te, uint32_t ce, const mlist *srcs,
                       mlist *out) {
  const an_xview *v = c->v;
  const an_doc_actors *A = v->acts;
  if (srcs->n != 1 || te >= ce || !an_phrases_match_id(&c->lex->side_pairs, v->wid, te, ce)) return 0;
  uint32_t host = M(c, srcs->m[0])->actor;
  for (size_t i = b->n; i-- > 0;) {
    const an_xevent *e = &b->e[i];
    if (e->sent + 6 < si) break;
    if (e->modal || strcmp(e->type, "meet") != 0 || (e->src != host && e->dst != host)) continue;
    /* the guests of that one trigger */
    uint32_t g[3];
    int n = 0;
    for (size_t j = 0; j < b->n && n < 3; j++) {
      const an_xevent *o = &b->e[j];
      if (o->trig_first != e->trig_first || strcmp(o->type, "meet") != 0 || (o->src != host && o->dst != host)) continue;
      uint32_t x = o->src == host ? o->dst : o->src;
      int seen = 0;
      for (int q = 0; q < n; q++) seen |= g[q] == x;
      if (!seen) g[n++] = x;
    }
    if (n != 2) return 0;
    int32_t m[2] = {-1, -1};
    int persons = A->actors[g[0]].kind == AN_KIND_PERSON && A->actors[g[1]].kind == AN_KIND_PERSON;
    if (persons && A->actors[g[0]].country[0] && strcmp(A->actors[g[0]].country, A->actors[g[1]].country) == 0)
      return 0; /* one country's two delegates */
    for (int q = 0; q < 2; q++) {
      /* a person's side is their country when the text names it */
      if (persons) m[q] = country_mention(c, A->actors[g[q]].country);
      for (size_t j = an_doc_mentions_before(A, te); j-- > 0 && m[q] < 0;)
        if (A->mentions[j].actor == g[q]) m[q] = (int32_t)j;
    }
    if (m[0] < 0 || m[1] < 0) return 0;
    ml_add(out, m[0]);
    ml_add(out, m[1]);
    return 1;
  }
  return 0;
}

/* Reciprocal acts (mutual.h): "A and B traded accusations", "accused each
 * other", "each government blamed the other", "exchanged fire with B" go
 * both ways, among the subjects (and a "with" object); "officials from A
 * and B met", "commanders from both countries met": a symmetric act among
 * the parties its subject names; "both sides praised X": the pair named
 * just before is the source of a directed act with no subject of its own. */
static void mutual_args(const ctx *c, const an_trigger *t, uint32_t cs, uint32_t ts, uint32_t te, uint32_t ce,
                        const mlist *subjects, mlist *srcs, mlist *dsts) {
  const an_doc_actors *A = c->v->acts;
  int obj = t->symmetric ? 0 : an_mutual_object(c->lex, c->v, cs, ts, te, ce);
  int32_t p[2];
  if (t->mutual || obj) {
    mlist all = {{0}, 0};
    /* the gap's actors, a "with" object, or the list after a pattern's
     * "between" ("hosted talks between A and B") */
    int more = t->target == AN_SLOT_GAP || (te < c->sb && is(c, te, "with")) || (te > c->sa && is(c, te - 1, "between"));
    /* (the subject too: "between" made the list's first the source) */
    /* (not a noun's clause subject: "X condemned clashes between A and B") */
    const mlist *from[3] = {obj == 2 || t->nominal ? NULL : subjects, obj == 2 ? NULL : srcs, !obj && more ? dsts : NULL};
    for (int f = 0; f < 3; f++)
      for (int i = 0; from[f] && i < from[f]->n; i++) {
        if (!in_set(c, &all, from[f]->m[i])) ml_add(&all, from[f]->m[i]);
      }
    if (all.n < 2 && an_mutual_parties(c->lex, c->v, c->sa, cs, ts, p) == 2) {
      all.n = 0;
      ml_add(&all, p[0]);
      ml_add(&all, p[1]);
    }
    if (all.n >= 2) {
      *srcs = all;
      *dsts = all;
    } else {
      dsts->n = 0; /* one party: "each other", "traded fire" have no object of their own */
    }
  } else if (t->symmetric && t->reciprocal && dsts->n == 0 && srcs->n < 2 &&
             an_mutual_parties(c->lex, c->v, c->sa, cs, ts, p) == 2 && A->mentions[p[0]].actor != A->mentions[p[1]].actor) {
    srcs->n = 0;
    ml_add(srcs, p[0]);
    ml_add(dsts, p[1]);
  } else if (!t->symmetric && !t->nominal && srcs->n == 0 && dsts->n > 0 &&
             an_mutual_parties(c->lex, c->v, c->sa, cs, ts, p) == 2) {
    /* "Both sides praised X", "the two countries condemned Y", "Thai and
     * Cambodian troops shelled Z": the pair is the source */
    for (int i = 0; i < dsts->n; i++)
      if (M(c, dsts->m[i])->actor == A->mentions[p[0]].actor || M(c, dsts->m[i])->actor == A->mentions[p[1]].actor) return;
    ml_add(srcs, p[0]);
    ml_add(srcs, p[1]);
  }
}

/* "met both sides", "urged the two parties": the two organizations or
 * countries the nearest sentences named (not the sources, not the sources'
 * own countries), when the nearest ones name exactly two. */
typedef struct side_arg {
  const ctx *c;
  const mlist *srcs;
} side_arg;

/* An organization or country that can be a side: named outside quotes, no
 * medium, modifier or dateline, not a source nor a source's country. */
static int side_ok(void *arg, size_t j) {
  const side_arg *sa = arg;
  const ctx *c = sa->c;
  const an_xview *v = c->v;
  const an_doc_actors *A = v->acts;
  const an_mention *m = &A->mentions[j];
  const an_doc_actor *a = &A->actors[m->actor];
  if (a->kind == AN_KIND_PERSON || v->inq[m->tok_first] || an_xview_is_media(v, c->lex, m->actor) ||
      is_modifier(c, (int32_t)j) || m->how == AN_MENTION_DEMONYM)
    return 0;
  ctx ms = sent_ctx(c, v->tok_s[m->tok_first]);
  if (m->tok_first < after_dateline(&ms)) return 0; /* "LONDON (Wire) -" is no side */
  for (int i = 0; i < sa->srcs->n; i++)
    if (M(c, sa->srcs->m[i])->actor == m->actor || same_country(&A->actors[M(c, sa->srcs->m[i])->actor], a)) return 0;
  return 1;
}

static void side_pair(const ctx *c, uint32_t te, uint32_t ce, const mlist *srcs, mlist *out) {
  const an_xview *v = c->v;
  uint32_t k = te, e = 0;
  for (; k < ce && k < te + 2; k++)
    if ((e = an_phrases_match_id(&c->lex->side_pairs, v->wid, k, ce)) || v->tok_m[k] >= 0) break;
  if (!e || v->tok_m[k] >= 0) return;
  uint32_t s0 = v->tok_s[k] >= 3 ? v->tok_s[k] - 3 : 0;
  side_arg arg = {c, srcs};
  int32_t pick[2];
  if (!an_last_two(v, k, v->sent[s0].tok_first, side_ok, &arg, pick)) return;
  ml_add(out, pick[1]);
  ml_add(out, pick[0]);
}

/* Clause analysis never looks further than this many tokens from the
 * trigger: bounded work on run-on "sentences" (lists, tables). */
#define WINDOW 120

/* "warned the unions", "accused both firms": a plural of a kind of
 * organization (cues.json description_types "plurals") right after the
 * trigger stands for the organizations of that kind named just before,
 * the sources and their own organizations left out; an acronym whose kind
 * neither its label nor the text tells ("the CGT") may be one. Going back
 * sentence by sentence (six at most), the set closes at two, or at one in a
 * sentence that also speaks of others of the kind ("X and two other
 * firms"); else, or with more than four, it is a generic class: none. */
/* Neither x's label nor the text says what kind of organization it is. */
static int kindless(const an_lexicon *lex, const an_xview *v, const an_doc_actors *A, uint32_t x) {
  const char *l = A->actors[x].label;
  for (size_t t = 0; t < lex->n_dtypes; t++)
    if (label_has(lex, &lex->dtype_require[t], l) || label_has(lex, &lex->dtype_forbid[t], l) ||
        label_has(lex, &lex->dtype_heads[t], l) || text_typed(lex, v, A, t, x))
      return 0;
  return 1;
}

static void type_plural(const ctx *c, uint32_t te, uint32_t ce, const mlist *srcs, mlist *out) {
  const an_xview *v = c->v;
  const an_lexicon *lex = c->lex;
  const an_doc_actors *A = v->acts;
  if (te >= ce || v->tok_m[te] >= 0) return;
  size_t t = 0;
  uint32_t e = 0;
  for (; t < lex->n_dtypes; t++)
    if ((e = an_phrases_match_id(&lex->dtype_plurals[t], v->wid, te, ce)) > te) break;
  if (t == lex->n_dtypes) return;
  if (e < ce && (v->tok_m[e] >= 0 || is(c, e, "of"))) return; /* "the firms X and Y": named there */
  /* the plural nouns: the last word of the type's patterns */
  const an_phrases *pl = &lex->dtype_plurals[t];
  int32_t pick[4];
  int n = 0;
  uint32_t s_at = v->tok_s[te];
  for (uint32_t back = 0; back < 6 && back <= s_at; back++) {
    uint32_t si = s_at - back, a = v->sent[si].tok_first, b = back ? a + v->sent[si].tok_count : te;
    int others = 0;
    for (uint32_t q = a; q < b; q++) {
      if (back && v->tok_m[q] < 0)
        for (size_t k = 0; k < pl->n && !others; k++) {
          const an_pword *lw = &pl->p[k].words[pl->p[k].n_words - 1];
          for (size_t x = 0; x < lw->n_alts && !others; x++) others = strcmp(lw->alts[x], v->w[q]) == 0;
        }
      int32_t mq = v->tok_m[q];
      if (mq < 0 || M(c, mq)->tok_first != q) continue;
      const an_mention *m = M(c, mq);
      if (m->how != AN_MENTION_NAME || v->inq[q] || A->actors[m->actor].kind != AN_KIND_ORGANIZATION ||
          !(org_fits(lex, v, A, t, m->actor) || kindless(lex, v, A, m->actor)))
        continue;
      int skip = 0;
      for (int i = 0; i < srcs->n && !skip; i++) {
        uint32_t sa = M(c, srcs->m[i])->actor;
        skip = sa == m->actor;
        for (size_t f = 0; f < A->n_affiliations && !skip; f++)
          skip = A->affiliations[f].person == sa && A->affiliations[f].org == m->actor;
      }
      for (int i = 0; i < n && !skip; i++) skip = M(c, pick[i])->actor == m->actor;
      if (skip) continue;
      if (n == 4) return; /* many: a class */
      pick[n++] = mq;
    }
    if (n >= 2 || (n == 1 && others)) {
      for (int i = 0; i < n; i++) ml_add(out, pick[i]);
      return;
    }
  }
}

/* "X told Y during a phone call", "X assured Y in a telephone
 * conversation": a symmetric noun after "during/in" whose verb of address
 * (cues.json address_verbs) has its object right before: X and Y are its
 * parties (srcs, dsts replaced when found). */
static void verb_partner(const ctx *c, uint32_t ts, int in_q, mlist *srcs, mlist *dsts) {
  if (ts <= c->sa + 3) return;
  uint32_t p = ts;
  for (int n = 0; p > c->sa && n < 3 && (inlist(c, &c->lex->determiners, p - 1) || inlist(c, &c->lex->np_words, p - 1)); n++)
    p--;
  int32_t mo = p > c->sa + 2 && (is(c, p - 1, "during") || is(c, p - 1, "in")) ? c->v->tok_m[p - 2] : -1;
  if (mo < 0 || is_poss(c, mo) || !mention_ok(c, mo, in_q)) return;
  uint32_t vb = M(c, mo)->tok_first;
  while (vb > c->sa + 1 && np_ok(c, vb - 1) && !is_punct(c, vb - 1)) vb--; /* "Ghanaian President X" */
  if (vb <= c->sa + 1 || c->v->tok_m[vb - 1] >= 0 || !inlist(c, &c->lex->address_verbs, vb - 1)) return;
  int weak = 0;
  int32_t sj = first_candidate(c, c->sa, vb - 1, in_q, &weak);
  if (sj < 0 || weak || M(c, sj)->actor == M(c, mo)->actor) return;
  srcs->n = 0;
  dsts->n = 0;
  ml_add(srcs, sj);
  ml_add(dsts, mo);
}

static int hyphen_pair(const ctx *c, uint32_t ts, int32_t out[2]);

static an_status run_trigger(const ctx *c0, evbuf *b, const an_trigger *t, uint32_t si, uint32_t ts, uint32_t te,
                             uint32_t ga, uint32_t gb, unsigned opts, int *declined) {
  ctx cw = *c0;
  if (ts > cw.sa + WINDOW) cw.sa = ts - WINDOW;
  if (te + WINDOW < cw.sb) cw.sb = te + WINDOW;
  const ctx *c = &cw;
  int in_q = c->v->inq[ts];
  /* (declined: another trigger may read the same words: "dismissed X's accusations against Y") */
  if (t->stop_after.n && inlist(c, &t->stop_after, te)) return *declined = 1, AN_OK;
  if (!t->nominal && ts > c->sa) {
    /* A verb form used as a noun ("the support", "of arms", "Yemeni
     * strikes") or a gerund after "in/of/for" (its agent is not the
     * clause subject). "to" introduces an infinitive: still a verb. */
    uint32_t p = ts - 1;
    int32_t pm = c->v->tok_m[p];
    /* declined: a nominal reading of the same words may still apply */
    if (pm >= 0 && (is_poss(c, pm) || M(c, pm)->how == AN_MENTION_DEMONYM)) return *declined = 1, AN_OK;
    if (pm < 0 && (c->v->tok[p].shape & AN_SHAPE_POSSESSIVE)) return *declined = 1, AN_OK;
    {
      /* "a Modi-Albanese meeting": a noun after a pair of names */
      int32_t hp[2];
      if (pm < 0 && (c->v->tok[p].shape & AN_SHAPE_UPPER_INITIAL) && hyphen_pair(c, ts, hp)) return *declined = 1, AN_OK;
    }
    /* ("A and B each praised X", "they both condemned": a floating
     * quantifier after the subject, not a determiner of a noun) */
    int floating = p > c->sa && c->v->tok_m[p - 1] >= 0 && !is_poss(c, c->v->tok_m[p - 1]) &&
                   inlist(c, &c->lex->determiners, p) && !inlist(c, &c->lex->prepositions, p);
    if (pm < 0 && !is(c, p, "to") && !inlist(c, &c->lex->gerund_subject_preps, p) && !floating &&
        (inlist(c, &c->lex->determiners, p) || inlist(c, &c->lex->prepositions, p)))
      return *declined = 1, AN_OK;
    /* "called off talks with X", "stepped up strikes on X": a verb and its
     * particle before the word make it a noun */
    if (pm < 0 && p > c->sa && inlist(c, &c->lex->verb_particles, p) && c->v->tok_m[p - 1] < 0 &&
        (c->v->tok[p - 1].shape & AN_SHAPE_ALL_LOWER))
      return *declined = 1, AN_OK;
    {
      /* "the next meeting of X", "the latest strike on X": a determiner
       * and adjectives before the word make it a noun */
      uint32_t q = p;
      int adj = 0;
      while (q > c->sa && adj < 3 && c->v->tok_m[q] < 0 &&
             (inlist(c, &c->lex->np_words, q) || inlist(c, &c->lex->modal_adjectives, q))) {
        q--;
        adj++;
      }
      if (adj && c->v->tok_m[q] < 0 && inlist(c, &c->lex->determiners, q)) return *declined = 1, AN_OK;
    }
    /* "in arming X and financing Y": a gerund coordinated with one after
     * "in/of/for" has no clause subject either */
    if (ing_at(c, ts) && (is(c, p, "and") || is(c, p, "or"))) {
      for (uint32_t k = p; k > c->sa && k + 10 > p; k--) {
        if (ing_at(c, k - 1) && k - 1 > c->sa &&
            inlist(c, &c->lex->prepositions, k - 2) && !inlist(c, &c->lex->gerund_subject_preps, k - 2))
          return AN_OK;
        if (is_punct(c, k - 1)) break;
      }
    }
  }
  const char *type = t->type;
  if (t->alt_type && sentence_has(c, &t->alt_cues)) type = t->alt_type;
  if (t->alt_type && type == t->type && str_is(t->alt_type, "call") && c->lex->call_refs.n && si + 1 < c->v->nsent) {
    /* "X spoke with Y on Monday. During the call, ...": the next sentence
     * refers back to a call */
    ctx nx = sent_ctx(c, si + 1);
    if (sentence_has(&nx, &c->lex->call_refs)) type = t->alt_type;
  }
  double conf = t->confidence;
  subj s;
  if (in_q) {
    /* only "We warn X" in a quote (an_rules_run checked the pronoun) */
    if (t->nominal) return AN_OK;
    memset(&s, 0, sizeof s);
    s.cs = ts;
    s.rel_obj = -1;
    quote_speakers(c, ts, &s.l);
    if (s.l.n == 0) return AN_OK;
  } else {
    find_subject(c, t, ts, te, in_q, &s);
  }
  if (s.weak) conf *= 0.8;
  uint32_t ce = clause_end_from(c, te, in_q);
  mlist srcs = {{0}, 0}, dsts = {{0}, 0};
  int from_src = 0, recip = 0;
  if (t->partner_with) {
    /* "X raised the issue with Y during a meeting on the sidelines" */
    uint32_t p = ts;
    for (int n = 0; p > c->sa && n < 3 && (inlist(c, &c->lex->determiners, p - 1) || inlist(c, &c->lex->np_words, p - 1));
         n++)
      p--;
    int32_t hp[2];
    if (!in_q && hyphen_pair(c, ts, hp)) {
      ml_add(&srcs, hp[0]);
      ml_add(&dsts, hp[1]);
      goto pair_done;
    }
    if (!in_q && ts > c->sa + 1 && inlist(c, &c->lex->plural_possessives, ts - 1) &&
        an_phrases_match_id(&c->lex->fronting_preps, c->v->wid, c->sa, ts) == ts - 1) {
      /* "After their meeting, A and B signed a deal": the main clause's
       * coordinated subjects */
      uint32_t k = te;
      while (k < c->sb && k < te + 8 && !is(c, k, ",") && !is_punct(c, k)) k++;
      int w1 = 0;
      int32_t f = k < c->sb && is(c, k, ",") ? first_candidate(c, k + 1, c->sb, in_q, &w1) : -1;
      mlist all = {{0}, 0};
      if (f >= 0 && !w1) conjuncts(c, f, c->sb, in_q, &all);
      if (all.n >= 2) {
        ml_add(&srcs, all.m[0]);
        for (int i = 1; i < all.n; i++) ml_add(&dsts, all.m[i]);
        recip = 1;
        goto pair_done;
      }
    }
    if (in_q || p <= s.cs || !(is(c, p - 1, "during") || is(c, p - 1, "at"))) return *declined = 1, AN_OK;
    srcs = s.l;
    for (uint32_t k = s.cs; k + 1 < p; k++)
      if (is(c, k, "with") && c->v->tok_m[k] < 0) {
        find_objects(c, t, k + 1, p, &srcs, in_q, &dsts, &from_src);
        break;
      }
    if (dsts.n == 0) verb_partner(c, ts, in_q, &srcs, &dsts); /* "X told Y during a meeting" */
    if (dsts.n == 0 && srcs.n >= 2) {
      /* "A and B agreed on X at their meeting": among the subjects */
      int their = 0;
      for (uint32_t k = p; k < ts; k++) their |= inlist(c, &c->lex->plural_possessives, k);
      if (their) {
        for (int i = 1; i < srcs.n; i++) ml_add(&dsts, srcs.m[i]);
        srcs.n = 1;
        recip = 1;
      }
    }
    if (srcs.n == 0 || dsts.n == 0) return *declined = 1, AN_OK;
  pair_done:;
  } else if (is_passive(c, t, ts, te)) {
    find_by_agents(c, t, ga < gb ? ga : te, ce, in_q, &srcs);
    dsts = s.l;
    uint32_t np = reduced_passive_np(c, ts);
    if (np != UINT32_MAX) {
      /* "a ruling welcomed by X": the noun phrase just before is the
       * target, and it is no actor */
      dsts.n = 0;
      if (srcs.n > 0 && !in_q && act_type(type)) {
        int32_t g = act_agent(c, np, ts, &srcs);
        if (g < 0 && np > c->sa + 1 && is(c, np - 1, ",") && inlist(c, &c->lex->clause_acts, np + 1)) {
          /* "X suspended Y, a move that was condemned by Z": the move is
           * the clause's, its subject's */
          int w2 = 0;
          g = first_candidate(c, c->sa, np - 1, in_q, &w2);
          if (g >= 0 && (w2 || in_set(c, &srcs, g))) g = -1;
        }
        if (g >= 0) ml_add(&dsts, g);
      }
    } else if (dsts.n == 0 && srcs.n > 0 && !in_q && act_type(type)) {
      /* "The ruling was backed by X" */
      int32_t g = act_agent(c, s.cs, ts, &srcs);
      if (g >= 0) ml_add(&dsts, g);
    }
    if (dsts.n == 0 && srcs.n > 0 && !in_q && act_type(type)) {
      /* "X's new rules were criticised by Y": the owner of the thing, as
       * in "Y criticised X's new rules" (not "X's killing", "X's aide") */
      uint32_t k0 = s.cs;
      while (k0 < ts && c->v->tok_m[k0] < 0 && inlist(c, &c->lex->determiners, k0)) k0++;
      int32_t ow = k0 < ts ? c->v->tok_m[k0] : -1;
      if (ow >= 0 && is_poss(c, ow) && M(c, ow)->how != AN_MENTION_PRONOUN && mention_ok(c, ow, in_q) &&
          !in_set(c, &srcs, ow)) {
        uint32_t k = mend(c, ow);
        if (k < ts && (c->v->tok[k].shape & AN_SHAPE_POSSESSIVE)) k++;
        int n = 0;
        /* (the thing may carry a PP: "X's plea for higher wages") */
        while (k < ts && n < 8 && c->v->tok_m[k] < 0 && (c->v->tok[k].shape & AN_SHAPE_ALL_LOWER) &&
               !inlist(c, &c->lex->title_words, k) && !inlist(c, &c->lex->victim_nouns, k) &&
               !inlist(c, &c->lex->member_nouns, k) && !inlist(c, &c->lex->force_nouns, k) &&
               !inlist(c, &c->lex->passive_aux, k) && !inlist(c, &c->lex->perfect_aux, k)) {
          k++;
          n++;
        }
        if (n > 0 && k < ts && (inlist(c, &c->lex->passive_aux, k) || inlist(c, &c->lex->perfect_aux, k)))
          ml_add(&dsts, ow);
      }
    }
    if (dsts.n == 0 && srcs.n > 0 && !in_q) {
      /* "the bloc's ministers had been briefed by X" */
      int32_t g = bloc_description(c, s.cs, ts, &srcs);
      if (g >= 0) ml_add(&dsts, g);
    }
    conf *= 0.9;
  } else if (t->target == AN_SLOT_GAP) {
    /* "told reporters that she had spoken by phone": two clauses (nominal.h) */
    if (ga < gb && !an_gap_one_clause(c->lex, c->v, ga, gb)) return *declined = 1, AN_OK;
    srcs = s.l;
    if (ga < gb) find_objects(c, t, ga, gb, &srcs, in_q, &dsts, &from_src);
    /* "joined the two leaders by video link" */
    if (ga < gb && dsts.n == 0 && srcs.n > 0 && !in_q) pair_object(c, ga, gb, &srcs, &dsts);
    /* "sent humanitarian aid to X": no party in the gap, the noun's own
     * trigger reads the words */
    if (dsts.n == 0) return *declined = 1, AN_OK;
    if (t->source == AN_SLOT_OBJECT) {
      /* "rejected X's accusations": X accuses the subject */
      mlist tmp = srcs;
      srcs = dsts;
      dsts = tmp;
    }
    from_src = 0;
  } else if (t->target == AN_SLOT_PREVIOUS) {
    /* "X repeated the charge" (mutual.h); "repeated its charges against Y":
     * the noun's own trigger */
    if (te < c->sb && inlist(c, &c->lex->prepositions, te))
      for (uint32_t k = te + 1; k < c->sb && k < te + 4 && !is_punct(c, k); k++)
        if (c->v->tok_m[k] >= 0) return *declined = 1, AN_OK;
    srcs = s.l;
    int32_t g = srcs.n ? an_previous_target(c->v, b->e, b->n, type, si, ts, M(c, srcs.m[0])->actor) : -1;
    if (g >= 0) ml_add(&dsts, g);
  } else {
    /* "talks on Monday with": not "talks but asked X to side with" (nominal.h) */
    if (t->nominal && ga < gb && !an_gap_clean(c->lex, c->v, ga, gb)) return *declined = 1, AN_OK;
    int32_t ag = t->nominal ? nominal_agent(c, ts, in_q) : -1;
    if (ag >= 0 && M(c, ag)->how == AN_MENTION_PRONOUN && M(c, ag)->tok_first > c->sa + 2 &&
        is(c, M(c, ag)->tok_first - 1, "and")) {
      /* "X's trade surplus with Y and its support for Z": the possessive
       * pronoun repeats the first conjunct's owner */
      uint32_t k = M(c, ag)->tok_first - 1;
      for (uint32_t j = k; j-- > c->sa && j + 10 > k;) {
        if (is_punct(c, j) || inlist(c, &c->lex->clause_end, j)) break;
        int32_t mj = c->v->tok_m[j];
        if (mj < 0 || M(c, mj)->tok_first != j) continue;
        if (is_poss(c, mj) && M(c, mj)->how != AN_MENTION_PRONOUN && mention_ok(c, mj, in_q) &&
            (c->v->acts->actors[M(c, mj)->actor].kind == AN_KIND_PERSON) ==
                (c->v->acts->actors[M(c, ag)->actor].kind == AN_KIND_PERSON) &&
            (j == c->sa || !inlist(c, &c->lex->prepositions, j - 1)))
          ag = mj; /* the earliest such owner of the coordination wins */
      }
    }
    /* "X declared its support for Y": an owner pronoun the actors stage left
     * unresolved, after a light verb, is the clause subject */
    if (ag == -3) ag = nominal_takes_subject(c, ts) ? -1 : -2;
    if (ag == -2) return AN_OK;
    if (ag >= 0 && !is_poss(c, ag) && s.l.n > 0 && M(c, ag)->tok_first > c->sa &&
        inlist(c, &c->lex->light_verbs, M(c, ag)->tok_first - 1))
      ag = -1; /* "Vogel promised German support for X": the promiser */
    if (ag >= 0)
      ml_add(&srcs, ag);
    else if (!t->nominal || t->target == AN_SLOT_BETWEEN || nominal_takes_subject(c, ts))
      srcs = s.l;
    /* "accused the two governments of ... X": the pair is the object */
    if (srcs.n > 0 && !t->nominal && !in_q) country_pair(c, te, ce, &srcs, &dsts);
    if (dsts.n == 0 && srcs.n > 0 && !t->nominal && !in_q) type_plural(c, te, ce, &srcs, &dsts);
    if (dsts.n == 0 && srcs.n > 0 && !in_q && !t->nominal && t->source != AN_SLOT_OBJECT) {
      int32_t g = partner_object(c, b, si, te, ce, &srcs); /* "thanked his guest" */
      if (g >= 0) ml_add(&dsts, g);
    }
    if (dsts.n == 0) find_objects(c, t, te, ce, &srcs, in_q, &dsts, &from_src);
    if (dsts.n == 0 && srcs.n > 0 && !t->nominal && !in_q) pair_object(c, te, ce, &srcs, &dsts);
    if (dsts.n == 0 && srcs.n > 0 && !t->nominal && !in_q) guest_sides(c, b, si, te, ce, &srcs, &dsts);
    if (dsts.n == 0 && srcs.n > 0 && !t->nominal && !in_q) side_pair(c, te, ce, &srcs, &dsts);
    if (dsts.n == 0 && srcs.n > 0 && !t->nominal && s.rel_obj >= 0 && !in_set(c, &srcs, s.rel_obj))
      ml_add(&dsts, s.rel_obj); /* "X, whom Y received in Rabat" */
    if (dsts.n == 0 && srcs.n > 0 && !t->nominal && !in_q && t->source != AN_SLOT_OBJECT) {
      int32_t g = government_object(c, te, ce, &srcs);
      if (g >= 0) ml_add(&dsts, g);
    }
    if (dsts.n == 0 && srcs.n > 0 && !t->nominal && !in_q && t->source != AN_SLOT_OBJECT && act_type(type)) {
      int32_t g = act_agent(c, te, ce, &srcs);
      if (g >= 0) ml_add(&dsts, g);
    }
    if (dsts.n == 0 && srcs.n > 0 && !in_q && t->source != AN_SLOT_OBJECT) {
      /* "thanked the alliance", "solidarity with the bloc" */
      int32_t g = bloc_description(c, te, ce, &srcs);
      if (g >= 0) ml_add(&dsts, g);
    }
    if (dsts.n == 0 && srcs.n > 0 && !in_q && t->nominal && t->symmetric) verb_partner(c, ts, in_q, &srcs, &dsts);
    if (dsts.n == 0 && srcs.n > 0 && !in_q && !t->symmetric && t->source != AN_SLOT_OBJECT) {
      int32_t g = purpose_partner(c, b, si, ts, t->nominal, &srcs);
      if (g >= 0) ml_add(&dsts, g);
    }
    if (dsts.n == 0 && !in_q && t->target == AN_SLOT_BETWEEN) side_pair(c, te, ce, &srcs, &dsts); /* "talks between the two sides" */
    uint32_t pw = UINT32_MAX; /* the preposition before the first object */
    if (dsts.n && te > c->sa && !t->infinitive && inlist(c, &c->lex->prepositions, te - 1)) pw = te - 1;
    if (dsts.n && pw == UINT32_MAX && !t->infinitive && !t->nominal) {
      /* "met separately with A and with B" */
      uint32_t k0 = M(c, dsts.m[0])->tok_first;
      while (k0 > te && c->v->tok_m[k0 - 1] < 0 && np_ok(c, k0 - 1) && !is_punct(c, k0 - 1)) k0--;
      if (k0 > te && k0 <= te + 2 && inlist(c, &c->lex->prepositions, k0 - 1) && !is(c, k0 - 1, "of")) pw = k0 - 1;
    }
    if (pw != UINT32_MAX) {
      /* "spoke with A on Tuesday and with B the next day" */
      for (uint32_t k = mend(c, dsts.m[dsts.n - 1]); k + 2 < ce; k++) {
        if (!is(c, k, "and")) continue;
        uint32_t q = k + 1; /* "and later with B" */
        while (q + 1 < ce && inlist(c, &c->lex->adverbs, q)) q++;
        if (strcmp(W(c, q), W(c, pw)) != 0) continue;
        mlist more = {{0}, 0};
        int f2 = 0;
        find_objects(c, t, q + 1, ce, &srcs, in_q, &more, &f2);
        for (int i = 0; i < more.n; i++) ml_add(&dsts, more.m[i]);
        break;
      }
    }
    if (dsts.n > 0 && !in_q && t->target != AN_SLOT_BETWEEN) {
      /* "a meeting of A with B"; "After talks with X, Y said" (nominal.h;
       * a verb pattern read as a noun there too: "After a meeting with") */
      int32_t g = t->nominal ? an_of_agent(c->v, ga, gb) : -1;
      if (g >= 0 && !in_set(c, &dsts, g)) {
        srcs.n = 0;
        ml_add(&srcs, g);
      } else if ((srcs.n == 0 || (srcs.n == 1 && M(c, srcs.m[0])->tok_first < ts)) &&
                 (t->symmetric || str_is(type, "message")) &&
                 (g = an_fronted_agent(c->lex, c->v, c->sa, c->sb, ts, mend(c, dsts.m[dsts.n - 1]))) >= 0 &&
                 !in_set(c, &dsts, g)) {
        /* (a name before the trigger is inside the opening phrase: "During
         * a visit to P after talks with X, Y said": no party) */
        srcs.n = 0;
        ml_add(&srcs, g);
      }
    }
    int between = t->target == AN_SLOT_BETWEEN;
    if (!between && t->symmetric && dsts.n >= 2 && M(c, dsts.m[0])->tok_first > c->sa) {
      /* "a phone call between A and B" */
      uint32_t k = M(c, dsts.m[0])->tok_first;
      /* (over "Norwegian Prime Minister": a modifier mention too) */
      while (k > te && np_ok(c, k - 1)) k = c->v->tok_m[k - 1] >= 0 ? M(c, c->v->tok_m[k - 1])->tok_first : k - 1;
      between = k > 0 && is(c, k - 1, "between");
    }
    if (between && dsts.n >= 2) {
      srcs.n = 0;
      ml_add(&srcs, dsts.m[0]);
      for (int i = 1; i < dsts.n; i++) dsts.m[i - 1] = dsts.m[i];
      dsts.n--;
    }
    if (from_src && t->nominal && !t->symmetric && dsts.n > 0) {
      /* "delivered a letter from A to B": B, not the carrier, is the
       * addressee (a name after its titles, else a demonym: "to Ugandan
       * President Y") */
      uint32_t e = mend(c, dsts.m[dsts.n - 1]);
      int32_t to = -1;
      if (e + 1 < c->sb && is(c, e, "to"))
        for (uint32_t k = e + 1; k < c->sb && k < e + 8 && !is_punct(c, k); k++) {
          int32_t mk = c->v->tok_m[k];
          if (mk < 0) {
            if (!(c->v->tok[k].shape & AN_SHAPE_UPPER_INITIAL) && !inlist(c, &c->lex->determiners, k)) break;
            continue;
          }
          if (M(c, mk)->tok_first != k || !mention_ok(c, mk, in_q)) break;
          to = mk;
          if (M(c, mk)->how != AN_MENTION_DEMONYM) break;
          k = mend(c, mk) - 1;
        }
      if (to >= 0 && !in_set(c, &dsts, to)) {
        srcs.n = 0;
        ml_add(&srcs, to);
      }
    }
    if (t->source == AN_SLOT_OBJECT || (from_src && t->nominal)) {
      mlist tmp = srcs;
      srcs = dsts;
      dsts = tmp;
    }
    /* "A and B held talks": a symmetric interaction among the subjects. */
    uint32_t rp = 0; /* "the leaders of A and B met": only after a member or title noun ("trade between A and B" met no one) */
    if (dsts.n == 0 && t->symmetric && t->reciprocal && srcs.n >= 2 &&
        (left_ctx(c, srcs.m[0], c->sa, &rp) != CTX_PREP ||
         ((is(c, rp, "of") || is(c, rp, "from")) && rp > c->sa &&
          (inlist(c, &c->lex->member_nouns, rp - 1) || inlist(c, &c->lex->title_words, rp - 1))))) {
      for (int i = 1; i < srcs.n; i++) ml_add(&dsts, srcs.m[i]);
      srcs.n = 1;
      recip = 1; /* "A, B and C met": B and C too */
    }
  }
  if (!in_q && t->nominal && t->symmetric && dsts.n == 0 && !t->partner_with) {
    /* "the US-China phone call" */
    int32_t hp[2];
    if (hyphen_pair(c, ts, hp)) {
      srcs.n = 0;
      ml_add(&srcs, hp[0]);
      ml_add(&dsts, hp[1]);
    }
  }
  if (!in_q) mutual_args(c, t, s.cs, ts, te, ce, &s.l, &srcs, &dsts);
  if (in_q) {
    /* inside a quotation pronouns refer from the speaker's point of view:
     * only named targets ("We warn Israel") */
    int k = 0;
    for (int j = 0; j < dsts.n; j++)
      if (M(c, dsts.m[j])->how != AN_MENTION_PRONOUN) dsts.m[k++] = dsts.m[j];
    dsts.n = k;
  }
  if (dsts.n == 1 && M(c, dsts.m[0])->how == AN_MENTION_PRONOUN && inlist(c, &c->lex->plural_pronouns, M(c, dsts.m[0])->tok_first)) {
    /* "held calls with A and B to brief them": a plural pronoun after a
     * list of targets in the same sentence means that list */
    mlist prev = {{0}, 0};
    for (size_t i = b->n; i-- > 0 && b->e[i].sent == si;) {
      if (b->e[i].trig_first == b->e[b->n - 1].trig_first)
        for (size_t j = 0; j < c->v->acts->n_mentions; j++) {
          const an_mention *m = &c->v->acts->mentions[j];
          if (m->actor == b->e[i].dst && c->v->tok_s[m->tok_first] == si && m->how != AN_MENTION_PRONOUN) {
            ml_add(&prev, (int32_t)j);
            break;
          }
        }
    }
    if (prev.n >= 2) dsts = prev;
  }
  if (srcs.n == 0 || dsts.n == 0) return AN_OK;
  /* "called X a liar", "called A and B \"the two pillars\"" */
  if (t->target_stop.n &&
      (inlist(c, &t->target_stop, mend(c, dsts.m[0])) || inlist(c, &t->target_stop, mend(c, dsts.m[dsts.n - 1]))))
    return AN_OK;
  if (t->target_stop.n && M(c, dsts.m[0])->how == AN_MENTION_PRONOUN && M(c, dsts.m[0])->tok_first > ts &&
      naming_complement(c, mend(c, dsts.m[0])))
    return AN_OK; /* "calling them unfair" */
  for (int i = 0; i < srcs.n && !in_q; i++) {
    int32_t p = reported_speaker(c, srcs.m[i]); /* "X said he had written to Y" */
    if (p >= 0 && !in_set(c, &dsts, p)) srcs.m[i] = p;
  }
  for (int i = 0; i < srcs.n; i++) {
    int32_t p = desc_person(c, srcs.m[i]);
    if (p >= 0 && (is_poss(c, srcs.m[i]) || org_title(c, srcs.m[i]) || is_modifier(c, srcs.m[i]))) srcs.m[i] = p;
  }
  for (int i = 0; i < dsts.n; i++) {
    int32_t p = desc_person(c, dsts.m[i]);
    if (p >= 0 && (is_poss(c, dsts.m[i]) || org_title(c, dsts.m[i]) || is_modifier(c, dsts.m[i]))) dsts.m[i] = p;
  }
  int modal = modal_blocked(c, t, s.cs, ts) || called_off(c, t, ts, ce) ||
              /* "met neither X nor Y" */
              (te < c->sb && inlist(c, &c->lex->negation, te) && !inlist(c, &c->lex->negation_exceptions, te));
  const char *base_type = type;
  if (modal && !(opts & AN_OPT_KEEP_MODAL)) return AN_OK;
  /* Interviews with media are not interactions (dev-set.md). */
  int talk = talk_type(type);
  for (int i = 0; i < srcs.n; i++)
    for (int j = 0; j < dsts.n; j++) {
      const an_doc_actor *ta = &c->v->acts->actors[M(c, dsts.m[j])->actor];
      const an_doc_actor *sa = &c->v->acts->actors[M(c, srcs.m[i])->actor];
      if (talk && (an_xview_is_media(c->v, c->lex, M(c, dsts.m[j])->actor) ||
                   an_xview_is_media(c->v, c->lex, M(c, srcs.m[i])->actor)))
        continue;
      /* A person and their own country are rarely two sides of an
       * interaction; such pairs come from mis-resolved pronouns. */
      if (same_country(sa, ta) &&
          (M(c, srcs.m[i])->how == AN_MENTION_PRONOUN || M(c, dsts.m[j])->how == AN_MENTION_PRONOUN ||
           ta->kind != AN_KIND_COUNTRY || !opposes_own(base_type) ||
           affiliated(c->lex, c->v->acts, M(c, srcs.m[i])->actor, M(c, dsts.m[j])->actor)))
        continue;
      double cf = conf;
      if (srcs.n > 1 || dsts.n > 1) cf *= 0.95;
      /* "his attacks on Trump": words, not force, when the target is a person */
      const char *ty = base_type;
      if (t->person_type && ta->kind == AN_KIND_PERSON) {
        /* only the person as the direct object: "attacked X" is words,
         * "attacked positions held by X" is force */
        uint32_t k0 = te, k1 = M(c, dsts.m[j])->tok_first;
        int direct_obj = k1 >= k0 && k1 <= k0 + 3;
        for (uint32_t k = k0; direct_obj && k < k1; k++)
          if (inlist(c, &c->lex->prepositions, k) || is_punct(c, k)) direct_obj = 0;
        if (direct_obj || t->nominal) ty = t->person_type;
      }
      if (t->person_type && ty == base_type) {
        /* "attacked the policy of X", "attacked X's remarks": words */
        for (uint32_t k = te; k < M(c, dsts.m[j])->tok_first + M(c, dsts.m[j])->tok_count + 3 && k < ce; k++) {
          if (k == M(c, dsts.m[j])->tok_first) k += M(c, dsts.m[j])->tok_count; /* "X's remarks": just after X too */
          if (k > M(c, dsts.m[j])->tok_first + M(c, dsts.m[j])->tok_count + 1 || is_punct(c, k)) break;
          if (c->v->tok_m[k] < 0 && inlist(c, &c->lex->speech_objects, k)) {
            ty = t->person_type;
            break;
          }
        }
      }
      if (str_is(ty, "meet") && c->lex->phone_manner.n) {
        /* "held talks via video link with X", "met X by video link": a
         * meeting by phone or video is a call only (annotation.md) */
        uint32_t mk, mn;
        for (uint32_t k = te; k < M(c, dsts.m[j])->tok_first; k++)
          if (listlen(c, &c->lex->phone_manner, k)) {
            ty = "call";
            break;
          }
        if (manner_at(c, &c->lex->phone_manner, s.cs, ts, dsts.m[j], ce, &mk, &mn)) ty = "call";
      }
      an_status st = emit(c, b, t, ty, srcs.m[i], dsts.m[j], si, ts, te, ga, gb, s.cs, ce, cf, modal);
      if (st != AN_OK) return st;
      if (by_phone(c, t, ty, s.cs, ts, dsts.m[j], ce)) {
        st = emit(c, b, t, "call", srcs.m[i], dsts.m[j], si, ts, te, ga, gb, s.cs, ce, cf * 0.9, modal);
        if (st != AN_OK) return st;
      }
      if (by_letter(c, t, ty, s.cs, ts, dsts.m[j], ce)) {
        st = emit(c, b, t, "message", srcs.m[i], dsts.m[j], si, ts, te, ga, gb, s.cs, ce, cf * 0.9, modal);
        if (st != AN_OK) return st;
      }
      if (str_is(ty, "message") && c->lex->praise_words.n) {
        /* "sent X a congratulatory message", "a letter of thanks": the
         * message praises */
        for (uint32_t k = ts > c->sa + 2 ? ts - 2 : c->sa; k < te + 3 && k < ce; k++)
          if (inlist(c, &c->lex->praise_words, k)) {
            st = emit(c, b, t, "praise", srcs.m[i], dsts.m[j], si, ts, te, ga, gb, s.cs, ce, cf * 0.9, modal);
            if (st != AN_OK) return st;
            break;
          }
      }
    }
  if ((t->pairwise || recip || guests_together(c, t, base_type, &dsts, ce)) && !modal)
    /* "X brought A and B together": A and B met too */
    for (int i = 0; i < dsts.n; i++)
      for (int j = i + 1; j < dsts.n; j++) {
        const an_doc_actor *x = &c->v->acts->actors[M(c, dsts.m[i])->actor];
        const an_doc_actor *y = &c->v->acts->actors[M(c, dsts.m[j])->actor];
        if (an_xview_is_media(c->v, c->lex, M(c, dsts.m[i])->actor) ||
            an_xview_is_media(c->v, c->lex, M(c, dsts.m[j])->actor) || same_country(x, y))
          continue;
        an_status st = emit(c, b, t, base_type, dsts.m[i], dsts.m[j], si, ts, te, ga, gb, s.cs, ce, conf * 0.9, modal);
        if (st != AN_OK) return st;
      }
  return AN_OK;
}

/* "ARUSHA, Tanzania - X met Y", "SUVA, Aug 15 - ...", "TEHRAN (Tasnim) -":
 * a dateline is no part of the sentence's clauses. Returns the first token
 * after it (or the sentence's first token). */
static uint32_t after_dateline(const ctx *c) {
  if (c->sa >= c->sb || !(c->v->tok[c->sa].shape & AN_SHAPE_ALL_UPPER)) return c->sa;
  /* "THE HAGUE, Feb 20 (Lowlands Legal Wire) -", "SEOUL/AMSTERDAM (X) -" */
  for (uint32_t k = c->sa + 1; k < c->sb && k < c->sa + 16; k++) {
    if (is(c, k, "-") || is(c, k, "--")) return k + 1 < c->sb ? k + 1 : c->sa;
    if (!(is_cap(c, k) || is(c, k, ",") || is(c, k, "(") || is(c, k, ")") || is(c, k, "/") || is(c, k, ".") ||
          (c->v->tok[k].shape & AN_SHAPE_HAS_DIGIT) || (c->v->tok[k].shape & AN_SHAPE_ABBREV)))
      return c->sa;
  }
  return c->sa;
}

an_status an_rules_run(const an_lexicon *lex, const an_xview *v, unsigned opts, an_xevent **out, size_t *n,
                       an_error *err) {
  evbuf b = {NULL, 0, 0, NULL, 0};
  *out = NULL;
  *n = 0;
  uint8_t *used = an_calloc(v->ntok ? v->ntok : 1, 1);
  if (!used) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  an_status st = AN_OK;
  for (size_t si = 0; si < v->nsent && st == AN_OK; si++) {
    ctx c = {lex, v, v->sent[si].tok_first, v->sent[si].tok_first + v->sent[si].tok_count};
    if (c.sb > v->ntok) c.sb = (uint32_t)v->ntok;
    c.sa = after_dateline(&c);
    /* "Recent Posts", "Related articles": the article is over; what follows
     * is other stories' teasers */
    if (si >= 3 && c.sb > c.sa && lex->end_markers.n) { /* not a menu above the article */
      uint32_t e = an_phrases_match_id(&lex->end_markers, v->wid, c.sa, c.sb);
      while (e && e < c.sb && is_punct(&c, e)) e++;
      if (e && e == c.sb) break;
    }
    for (uint32_t i = c.sa; i < c.sb && st == AN_OK; i++) {
      /* (most words start no trigger: skipped on their bit) */
      while (i < c.sb && !((lex->trig_bits[v->wid[i] >> 6] >> (v->wid[i] & 63)) & 1)) i++;
      if (i >= c.sb) break;
      size_t ncand = 0;
      const uint64_t *next;
      const uint32_t *cand = an_lexicon_trigs_next_at(lex, v->wid[i], &ncand, &next);
      if (!ncand || used[i] || v->tok_m[i] >= 0 || is_punct(&c, i)) continue;
      /* annotation.md §2: a quote counts only through the words around it */
      if (v->inq[i] && !first_person_before(&c, i)) continue;
      /* only the triggers that can start with this word, in trigger order,
       * and go on with the next one */
      uint64_t nb = i + 1 < c.sb ? 1ull << (v->wid[i + 1] & 63) : ~0ull;
      for (size_t k = 0; k < ncand; k++) {
        if (!(next[k] & nb)) continue;
        const an_trigger *t = &lex->trig[cand[k]];
        uint32_t ga = 0, gb = 0;
        uint32_t te = an_pattern_match_id(&t->pat, v->wid, i, c.sb, &ga, &gb);
        if (!te) continue;
        int clash = 0;
        for (uint32_t j = i; j < te; j++)
          if (used[j] && !(j >= ga && j < gb)) clash = 1;
        if (clash) continue;
        int declined = 0;
        st = run_trigger(&c, &b, t, (uint32_t)si, i, te, ga, gb, opts, &declined);
        if (declined) continue; /* "for talks with": try the noun */
        for (uint32_t j = i; j < te; j++)
          if (!(j >= ga && j < gb)) used[j] = 1;
        break;
      }
    }
  }
  an_free(used);
  if (st == AN_OK) drop_spoken_meets(&b);
  an_free(b.slot);
  if (st != AN_OK) {
    an_free(b.e);
    return an_error_set(err, st, NULL, 0, -1, "out of memory");
  }
  *out = b.e;
  *n = b.n;
  return AN_OK;
}
