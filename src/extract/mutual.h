/* mutual.h: who the parties of a reciprocal act are, for the rule engine
 * (rules.c), without a parser (annotation.md §2: a reciprocal act is one
 * event each way; call and meet are symmetric):
 *  - a reciprocal object after the trigger: "A and B accused each other",
 *    "blamed one another"; "each government accused the other";
 *  - the parties named in the subject's noun phrase: "Thai and Cambodian
 *    troops exchanged fire", "officials from A and B met";
 *  - a group phrase as the subject ("both sides", "the two countries",
 *    "each government", "commanders from both countries"): the two actors
 *    the nearest sentences name, when they name exactly two of the kind;
 *  - "X repeated the charge": the target of the latest event of that type.
 * Word lists are data (cues.json reciprocal_objects, each_subjects,
 * group_refs, member_nouns; triggers.json "mutual", target "previous"). */
#ifndef AN_EXTRACT_MUTUAL_H
#define AN_EXTRACT_MUTUAL_H

#include <stddef.h>
#include <stdint.h>

#include "extract/lexicon.h"
#include "extract/rules.h"

/* What follows the trigger ending at te (within its clause, before ce):
 * 0 nothing reciprocal, 1 "each other" / "one another", 2 "the other" with
 * an "each ..." subject in [cs, ts). */
int an_mutual_object(const an_lexicon *lex, const an_xview *v, uint32_t cs, uint32_t ts, uint32_t te, uint32_t ce);

/* The two parties of a reciprocal act whose trigger starts at ts, its
 * clause at cs (sentence tokens from sa): the two actors its subject noun
 * phrase names, or, when the subject is a group phrase ("both sides",
 * "each government"), the two the nearest sentences named. Fills out[0..1]
 * with mention indexes and returns 2, or returns 0 (none or ambiguous). */
int an_mutual_parties(const an_lexicon *lex, const an_xview *v, uint32_t sa, uint32_t cs, uint32_t ts, int32_t out[2]);

/* The two distinct actors named last before token k (mentions from token
 * from on) among the mentions ok(arg, j) accepts: out[0] the nearest's
 * mention, out[1] the other's. Returns 2, or 0 when there are fewer or a
 * third accepted actor shares the second one's sentence (no telling which
 * two). For "both sides", "the two leaders", "the two countries". */
int an_last_two(const an_xview *v, uint32_t k, uint32_t from, int (*ok)(void *arg, size_t j), void *arg,
                int32_t out[2]);

/* "X repeated the charge", "renewed its criticism": the target of the
 * latest event of type among ev[0..n) in sentence si or the two before it,
 * as the mention of that actor nearest before ts (not of actor not_actor);
 * -1 when there is none. */
int32_t an_previous_target(const an_xview *v, const an_xevent *ev, size_t n, const char *type, uint32_t si,
                           uint32_t ts, uint32_t not_actor);

#endif
