/* nominal.c: agents of nominal interactions (nominal.h). Knows no English
 * word but the grammar "of" and ","; the lists come from the lexicon. */
#include "extract/nominal.h"

#include <string.h>

/* An opening phrase has at most this many words before its noun. */
#define FRONT_SPAN 5
/* and its comma comes at most this many tokens after the object */
#define COMMA_SPAN 12

static int word_is(const an_xview *v, uint32_t i, const char *s) { return i < v->ntok && strcmp(v->w[i], s) == 0; }
static int in(const an_phrases *l, const an_xview *v, uint32_t i, uint32_t lim) {
  return i < lim && an_phrases_match_id(l, v->wid, i, lim) > 0;
}
static int punct(const an_xview *v, uint32_t i) { return (v->tok[i].shape & AN_SHAPE_PUNCT) != 0; }

/* mention mi names its actor by itself: no owner ("A's") or modifier
 * ("Norwegian", "Hamas leader X": the name that follows is the head) */
static int plain(const an_xview *v, int32_t mi, uint32_t lim) {
  const an_mention *m = &v->acts->mentions[mi];
  uint32_t e = m->tok_first + m->tok_count;
  if (m->flags & (AN_MENTION_POSSESSIVE | AN_MENTION_MODIFIER | AN_MENTION_GENERIC)) return 0;
  if (e < lim && (v->tok[e].shape & AN_SHAPE_POSSESSIVE)) return 0;
  if (m->how == AN_MENTION_DEMONYM) return 0;
  return !v->inq[m->tok_first];
}

int32_t an_of_agent(const an_xview *v, uint32_t ga, uint32_t gb) {
  if (ga >= gb || !word_is(v, ga, "of")) return -1;
  for (uint32_t k = ga + 1; k < gb; k++) {
    int32_t mi = v->tok_m[k];
    if (mi < 0) continue;
    if (plain(v, mi, gb)) return mi;
    k = v->acts->mentions[mi].tok_first + v->acts->mentions[mi].tok_count - 1;
  }
  return -1;
}

int an_gap_clean(const an_lexicon *lex, const an_xview *v, uint32_t ga, uint32_t gb) {
  int of = word_is(v, ga, "of");
  for (uint32_t k = ga; k < gb; k++) {
    if (v->tok_m[k] >= 0 && !of) return 0;
    if (in(&lex->clause_end, v, k, gb) || in(&lex->reporting, v, k, gb) || in(&lex->coordinators, v, k, gb) ||
        word_is(v, k, ","))
      return 0;
  }
  return 1;
}

int an_gap_one_clause(const an_lexicon *lex, const an_xview *v, uint32_t ga, uint32_t gb) {
  for (uint32_t k = ga; k < gb; k++)
    if (v->tok_m[k] < 0 && (in(&lex->clause_end, v, k, gb) || in(&lex->reporting, v, k, gb))) return 0;
  return 1;
}

uint32_t an_participle_lead(const an_lexicon *lex, const an_xview *v, uint32_t sa, uint32_t ts, uint32_t lim,
                            const an_phrases *stop) {
  if (sa >= ts || v->tok_m[sa] >= 0 || !(v->tok[sa].shape & AN_SHAPE_UPPER_INITIAL) || !an_ing_form(v->w[sa]))
    return sa;
  for (uint32_t k = sa + 1; k < ts && k < sa + 8; k++) {
    if (punct(v, k)) return sa;
    if (v->tok_m[k] >= 0) {
      if (!in(&lex->locative, v, k - 1, lim)) return sa;
      const an_mention *m = &v->acts->mentions[v->tok_m[k]];
      k = m->tok_first + m->tok_count - 1;
      continue;
    }
    if (in(stop, v, k, lim)) return k;
  }
  return sa;
}

int32_t an_fronted_agent(const an_lexicon *lex, const an_xview *v, uint32_t sa, uint32_t sb, uint32_t ts,
                         uint32_t obj_end) {
  if (sa >= ts) return -1;
  /* "Speaking to reporters in Kampala after talks with X, Y said": the
   * fronted phrase after an opening participle phrase */
  sa = an_participle_lead(lex, v, sa, ts, ts, &lex->fronting_preps);
  uint32_t e = an_phrases_match_id(&lex->fronting_preps, v->wid, sa, ts);
  if (!e) return -1;
  /* "During a visit to Norland after talks with X, Y said": a second
   * opening phrase after the first, the place of the first no party */
  for (uint32_t k = e; k < ts && k < e + 8; k++) {
    if (punct(v, k)) break;
    if (v->tok_m[k] >= 0) {
      if (!(in(&lex->locative, v, k - 1, ts) || word_is(v, k - 1, "to"))) break;
      const an_mention *m = &v->acts->mentions[v->tok_m[k]];
      k = m->tok_first + m->tok_count - 1;
      continue;
    }
    uint32_t f = k > e && k + 1 < v->ntok && v->tok_m[k + 1] < 0 ? an_phrases_match_id(&lex->fronting_preps, v->wid, k, ts) : 0;
    if (f) {
      e = f;
      break;
    }
    if (!(in(&lex->determiners, v, k, ts) || in(&lex->np_words, v, k, ts) || in(&lex->locative, v, k, ts) ||
          word_is(v, k, "to") || (v->tok[k].shape & AN_SHAPE_ALL_LOWER)))
      break;
  }
  if (ts - e > FRONT_SPAN) return -1;
  for (uint32_t k = e; k < ts; k++) /* "After a brief meeting with" */
    if (v->tok_m[k] >= 0 || punct(v, k) ||
        !(in(&lex->determiners, v, k, ts) || in(&lex->np_words, v, k, ts) || (v->tok[k].shape & AN_SHAPE_ALL_LOWER)))
      return -1;
  uint32_t k = obj_end;
  while (k < sb && k < obj_end + COMMA_SPAN && !word_is(v, k, ",")) {
    if (punct(v, k) && !word_is(v, k, "(") && !word_is(v, k, ")") && !word_is(v, k, "-")) return -1;
    k++;
  }
  if (k >= sb || !word_is(v, k, ",")) return -1;
  /* the main clause's subject: "Y said", "Finnish President Y said" */
  for (uint32_t j = k + 1; j < sb && j < k + 8; j++) {
    int32_t mi = v->tok_m[j];
    if (mi < 0) {
      if (punct(v, j) || !(in(&lex->determiners, v, j, sb) || in(&lex->np_words, v, j, sb) ||
                           in(&lex->title_words, v, j, sb) || !(v->tok[j].shape & AN_SHAPE_ALL_LOWER)))
        return -1;
      continue;
    }
    const an_mention *m = &v->acts->mentions[mi];
    uint32_t me = m->tok_first + m->tok_count;
    if ((m->flags & AN_MENTION_POSSESSIVE) || (me < sb && (v->tok[me].shape & AN_SHAPE_POSSESSIVE)))
      return -1; /* "Y's spokesman said": someone else */
    if (plain(v, mi, sb)) return mi;
    j = me - 1; /* a modifier: its head follows */
  }
  return -1;
}
