/* nominal.h: the agent of a nominal interaction that neither a possessor
 * ("X's talks with Y") nor its clause's subject gives, for the rule engine
 * (rules.c):
 *  - "a meeting of A with B", "talks of A with B": A, the object of the
 *    "of" inside the pattern's gap;
 *  - a phrase opening the sentence ("After talks with X on Monday, Y
 *    said", "During a meeting with X, Y ..."): Y, the subject of the main
 *    clause after the phrase's comma; also after an opening participle
 *    phrase ("Speaking to reporters in X after talks with Y, Z said").
 * Word lists are data (cues.json fronting_preps, determiners, np_words,
 * title_words). */
#ifndef AN_EXTRACT_NOMINAL_H
#define AN_EXTRACT_NOMINAL_H

#include <stdint.h>
#include <string.h>

#include "extract/lexicon.h"
#include "extract/rules.h"

/* An "-ing" form (a gerund or participle): more than four letters ending
 * in "ing" ("sing" and "king" are none). Inline: the rules ask it often. */
static inline int an_ing_form(const char *w) {
  size_t n = strlen(w);
  return n > 4 && memcmp(w + n - 3, "ing", 3) == 0;
}

/* An opening participle phrase ("Speaking to reporters in Kampala after
 * talks with X, Y said"): when token sa (before ts) is a capitalized
 * "-ing" form outside any mention, the first token of a phrase of stop
 * within the next 7 tokens before ts (lists matched up to lim), with no
 * punctuation and no actor before it unless after a locative ("in
 * Kampala": a place); sa otherwise. */
uint32_t an_participle_lead(const an_lexicon *lex, const an_xview *v, uint32_t sa, uint32_t ts, uint32_t lim,
                            const an_phrases *stop);

/* "a meeting of A with B": the first actor of the gap [ga, gb) when it
 * opens with "of" (the owner's head, not "A's" itself); -1 otherwise. */
int32_t an_of_agent(const an_xview *v, uint32_t ga, uint32_t gb);

/* Whether the gap [ga, gb) of a nominal pattern ("talks ... with") is a
 * modifier of the noun ("talks on Monday with", "a meeting of A with"),
 * not the rest of a clause ("talks but wanted X to deal with"): no clause
 * word, reporting verb or coordinator, and no actor unless it opens with
 * "of". */
int an_gap_clean(const an_lexicon *lex, const an_xview *v, uint32_t ga, uint32_t gb);

/* Whether the gap [ga, gb) of a pattern whose argument sits in it ("told
 * ... by phone", "held ... responsible") holds no clause word or reporting
 * verb ("told reporters that she had spoken by phone" is no call to the
 * reporters' clause). */
int an_gap_one_clause(const an_lexicon *lex, const an_xview *v, uint32_t ga, uint32_t gb);

/* The subject of the main clause when the nominal trigger at ts sits in a
 * phrase opening the sentence [sa, sb) ("After talks with X, Y said";
 * after another such phrase: "During a visit to P after talks with X,"):
 * the first actor after the first comma past obj_end (the end of the
 * trigger's object), if no possessive ("Y's aide said"); -1 otherwise. */
int32_t an_fronted_agent(const an_lexicon *lex, const an_xview *v, uint32_t sa, uint32_t sb, uint32_t ts,
                         uint32_t obj_end);

#endif
