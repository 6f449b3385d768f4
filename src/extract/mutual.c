/* mutual.c: the parties of reciprocal acts (mutual.h). Its word lists come
 * from the lexicon (cues.json); the only words it knows itself are grammar
 * words ("the", "and", "from", "of", "in"). */
#include "extract/mutual.h"

#include <string.h>

/* The subject noun phrase is read at most this many tokens back. */
#define SUBJ_SPAN 10

static uint32_t match(const an_phrases *l, const an_xview *v, uint32_t i, uint32_t lim) {
  return i < lim ? an_phrases_match_id(l, v->wid, i, lim) : 0;
}

int an_mutual_object(const an_lexicon *lex, const an_xview *v, uint32_t cs, uint32_t ts, uint32_t te, uint32_t ce) {
  uint32_t e = match(&lex->reciprocal_objects, v, te, ce);
  if (!e || v->tok_m[te] >= 0) return 0;
  if (strcmp(v->w[te], "the") == 0) {
    /* "the other" is reciprocal only after "each ...": "each side blamed
     * the other" (not "accused the other party") */
    for (uint32_t k = cs; k < ts; k++)
      if (v->tok_m[k] < 0 && match(&lex->each_subjects, v, k, ts)) return 2;
    return 0;
  }
  return 1;
}

/* Where the subject noun phrase before ts starts: after the last clause
 * boundary (a reporting verb, a subordinator, "that", "who") of [from, ts). */
static uint32_t subject_start(const an_lexicon *lex, const an_xview *v, uint32_t from, uint32_t ts) {
  uint32_t r0 = from;
  for (uint32_t k = from; k < ts; k++)
    if (v->tok_m[k] < 0 && (match(&lex->reporting, v, k, ts) || match(&lex->subordinators, v, k, ts) ||
                            match(&lex->clause_end, v, k, ts)))
      r0 = k + 1;
  return r0;
}

/* A group phrase in [a, b): 1 for persons ("both men", "the two
 * leaders"), 2 for others ("both sides", "the two countries", "each
 * government", "they"), 0 none. */
static int group_phrase(const an_lexicon *lex, const an_xview *v, uint32_t a, uint32_t b) {
  for (uint32_t k = a; k < b; k++) {
    int32_t mi = v->tok_m[k];
    if (mi >= 0 && v->acts->mentions[mi].how != AN_MENTION_PRONOUN) continue;
    if (match(&lex->pair_phrases, v, k, b)) return 1;
    if (match(&lex->side_pairs, v, k, b) || match(&lex->country_pairs, v, k, b) ||
        match(&lex->each_subjects, v, k, b) || match(&lex->group_refs, v, k, b))
      return 2;
  }
  return 0;
}

/* A mention that can be a party: named, outside quotations, no medium. */
static int party_ok(const an_lexicon *lex, const an_xview *v, size_t j) {
  const an_mention *m = &v->acts->mentions[j];
  if (m->how == AN_MENTION_PRONOUN || (m->flags & AN_MENTION_GENERIC) || v->inq[m->tok_first]) return 0;
  return !an_xview_is_media(v, lex, m->actor);
}

int an_last_two(const an_xview *v, uint32_t k, uint32_t from, int (*ok)(void *arg, size_t j), void *arg,
                int32_t out[2]) {
  const an_doc_actors *A = v->acts;
  int n = 0;
  uint32_t second_sent = 0;
  for (size_t j = an_doc_mentions_before(A, k); j-- > 0;) {
    const an_mention *m = &A->mentions[j];
    if (m->tok_first < from) break;
    if (n == 2 && v->tok_s[m->tok_first] != second_sent) break; /* an earlier sentence: the nearest pair stands */
    if (!ok(arg, j)) continue;
    int seen = 0;
    for (int i = 0; i < n; i++) seen |= A->mentions[out[i]].actor == m->actor;
    if (seen) continue;
    if (n == 2) return 0; /* a third in the same sentence */
    out[n++] = (int32_t)j;
    second_sent = v->tok_s[m->tok_first];
  }
  return n == 2 ? 2 : 0;
}

/* A party of class cls (1 persons, 2 others; 0: the class of the first
 * one accepted, which then holds) for nearest_pair. */
typedef struct party_class {
  const an_lexicon *lex;
  const an_xview *v;
  int cls;
} party_class;

static int party_of_class(void *arg, size_t j) {
  party_class *pc = arg;
  if (!party_ok(pc->lex, pc->v, j)) return 0;
  int mc = pc->v->acts->actors[pc->v->acts->mentions[j].actor].kind == AN_KIND_PERSON ? 1 : 2;
  if (pc->cls && mc != pc->cls) return 0;
  pc->cls = mc;
  return 1;
}

/* The two distinct actors of class cls (1 persons, 2 others, 0 the class
 * of the nearest) named last before token k, in its sentence and the two
 * before (an_last_two). */
static int nearest_pair(const an_lexicon *lex, const an_xview *v, uint32_t k, int cls, int32_t out[2]) {
  uint32_t s = v->tok_s[k > 0 ? k - 1 : 0];
  party_class pc = {lex, v, cls};
  return an_last_two(v, k, v->sent[s >= 2 ? s - 2 : 0].tok_first, party_of_class, &pc, out);
}

/* The subject noun phrase [r0, ts) holds no preposition but the "from",
 * "of" or "in" of a member or force noun ("officials from A and B", "troops
 * of both countries", "officials in A and B"): "trade between A and B met
 * expectations" has no parties. */
static int plain_subject(const an_lexicon *lex, const an_xview *v, uint32_t r0, uint32_t ts) {
  for (uint32_t k = r0; k < ts; k++) {
    if (v->tok_m[k] >= 0 || !match(&lex->prepositions, v, k, ts)) continue;
    if (!(strcmp(v->w[k], "from") == 0 || strcmp(v->w[k], "of") == 0 || strcmp(v->w[k], "in") == 0) || k == r0 ||
        !(match(&lex->member_nouns, v, k - 1, k) || match(&lex->force_nouns, v, k - 1, k)))
      return 0;
  }
  return 1;
}

int an_mutual_parties(const an_lexicon *lex, const an_xview *v, uint32_t sa, uint32_t cs, uint32_t ts, int32_t out[2]) {
  const an_doc_actors *A = v->acts;
  uint32_t from = cs > sa ? cs : sa;
  if (ts > from + SUBJ_SPAN) from = ts - SUBJ_SPAN;
  uint32_t r0 = subject_start(lex, v, from, ts);
  if (!plain_subject(lex, v, r0, ts)) return 0;
  /* the actors the subject noun phrase names: "Thai and Cambodian troops",
   * "officials from A and B" (coordinated: "and" just before the second) */
  int n = 0;
  for (size_t j = an_doc_mentions_before(A, r0); j < A->n_mentions && A->mentions[j].tok_first < ts; j++) {
    if (!party_ok(lex, v, j)) continue;
    int seen = 0;
    for (int i = 0; i < n && i < 2; i++) seen |= A->mentions[out[i]].actor == A->mentions[j].actor;
    if (seen) continue;
    if (n < 2) out[n] = (int32_t)j;
    n++;
  }
  if (n == 2) {
    uint32_t k = A->mentions[out[1]].tok_first;
    while (k > r0 && v->tok_m[k - 1] < 0 && match(&lex->determiners, v, k - 1, ts)) k--;
    return k > r0 && strcmp(v->w[k - 1], "and") == 0 ? 2 : 0;
  }
  if (n > 0) return 0;
  /* a group phrase: the pair named just before */
  int cls = group_phrase(lex, v, r0, ts);
  if (!cls) return 0;
  return nearest_pair(lex, v, r0, cls == 1 ? 1 : 0, out);
}

int32_t an_previous_target(const an_xview *v, const an_xevent *ev, size_t n, const char *type, uint32_t si,
                           uint32_t ts, uint32_t not_actor) {
  const an_doc_actors *A = v->acts;
  for (size_t i = n, steps = 0; i-- > 0 && steps < 64; steps++) {
    const an_xevent *e = &ev[i];
    if (e->modal || e->sent + 2 < si || e->sent > si || (e->sent == si && e->trig_first >= ts) || strcmp(e->type, type) != 0 ||
        e->dst == not_actor)
      continue;
    for (size_t j = an_doc_mentions_before(A, ts); j-- > 0;)
      if (A->mentions[j].actor == e->dst && A->mentions[j].how != AN_MENTION_PRONOUN) return (int32_t)j;
    return -1;
  }
  return -1;
}
