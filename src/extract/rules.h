/* rules.h: the generic rule engine. Given one document's tokens, sentences
 * and actor mentions, finds trigger phrases (lexicon.h) and fills their
 * argument slots (source, targets) by shallow clause structure, without a
 * parser (annotation.md §2):
 *  - the subject: the first actor of the trigger's clause that is not in a
 *    PP, a possessive or a modifier; clauses start after ";", reporting
 *    verbs and "that" (reported speech), subordinate clauses, ", and" + a
 *    new subject, relative pronouns (their antecedent is the subject);
 *    participles take the main clause's subject; coordination and
 *    appositions ("A, head of X, and B");
 *  - the objects: the first actor after the trigger (the object of its
 *    preposition when the pattern ends in one), its conjuncts, the person
 *    behind a title ("the leader of X, Y"; "X's top diplomat");
 *  - passive "by" agents; nominal agents ("X's call with", "US strikes
 *    on"); "between A and B"; "from X" (the caller);
 *  - negation, modality, plans and cancellations make an interaction
 *    modal (dropped unless AN_OPT_KEEP_MODAL);
 *  - quotations count only through their own first-person verbs ("We warn
 *    X", then the speaker is the source);
 *  - descriptions the actors stage left unresolved: "the envoy" (the one
 *    person introduced with that title), "the (interim) government" (the
 *    country named with it, the source's, the dateline's), "the two
 *    governments" (the two countries just named), "the bloc" (the
 *    organization named last), "Angola's president" (the country), "the
 *    organisation" after "its director said" (the speaker's organization);
 *  - noun phrases that stand for an actor: "diplomats from X", "the
 *    territorial integrity of X", "X's forces", "the suspension" (the
 *    subject of the sentence that reported it), "a move that was
 *    condemned by Y" (the clause's subject);
 *  - hosts and guests ("brought A and B together": all meet), every pair
 *    of a meeting's subjects, topics ("talks on X") and victims ("condemned
 *    the attacks on X") that are no parties, letters ("congratulated X in
 *    a letter": also a message), calls a later sentence refers back to;
 *  - partners from context: an act of purpose after a call or meeting
 *    ("telephoned X to express his solidarity": X), "thanked his guest"
 *    (the subject's latest call or meeting partner), a hyphenated pair
 *    before a meeting or call noun ("the Kenya-Uganda talks"), the
 *    guests of one reception for talks, "A and B left a meeting hosted
 *    by C", "a delegation led by X", "opposition leaders, among them X";
 *  - words that are not the interaction they look like: "struck a deal",
 *    "fired back at", "calling them unfair", "the Dutch group", "hosted
 *    the G20 summit", "rejected accusations that it had armed X".
 * Word lists are data (data/lexicon/README.md). */
#ifndef AN_EXTRACT_RULES_H
#define AN_EXTRACT_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "actornet/error.h"
#include "actornet/text.h"
#include "actors/actors.h"
#include "extract/lexicon.h"

/* A read-only view of one document for the rules, plus derived per-token
 * tables. Build with an_xview_init (which owns the derived tables). */
typedef struct an_xview {
  const char *s; /* normalized text */
  size_t len;
  const an_token *tok;
  size_t ntok;
  const an_sentence *sent;
  size_t nsent;
  const an_doc_actors *acts;
  /* derived */
  char **w;        /* lowercase word of each token (owned; into wbuf) */
  char *wbuf;      /* the words, NUL-separated (owned) */
  uint32_t *wid;   /* word id of each token (an_lexicon_word_id) (owned) */
  int32_t *tok_m;  /* mention covering each token, or -1 (owned) */
  uint8_t *inq;    /* token lies inside a quotation (owned) */
  uint32_t *tok_s; /* sentence of each token (owned) */
  /* acts points here: the caller's actors with their own copy of the
   * mentions, where descriptions that do not fit their actor ("the
   * union" resolved to a ministry) are moved or dropped (owned) */
  an_doc_actors acts_own;
  an_mention *m_own;
  uint8_t *dropped; /* token of a description dropped for not fitting (owned): no rule re-reads it */
  /* per actor: 0 not asked yet, 1 no medium, 2 a medium: an_is_media
   * asked once per document (an_xview_is_media fills it; owned) */
  uint8_t *media;
} an_xview;

an_status an_xview_init(an_xview *v, const an_lexicon *lex, const char *s, size_t len, const an_token *tok,
                        size_t ntok, const an_sentence *sent, size_t nsent, const an_doc_actors *acts, an_error *err);
/* The same with a thread's memo of word ids (an_lexicon_lower_ids; NULL: none). */
an_status an_xview_init_memo(an_xview *v, const an_lexicon *lex, an_lower_memo *memo, const char *s, size_t len,
                             const an_token *tok, size_t ntok, const an_sentence *sent, size_t nsent,
                             const an_doc_actors *acts, an_error *err);
void an_xview_clear(an_xview *v);

/* One extracted interaction, before dates and sources are attached. */
typedef struct an_xevent {
  const an_trigger *trig;
  const char *type;      /* trig->type or trig->alt_type; borrowed from the lexicon */
  uint32_t src, dst;     /* actor indexes */
  uint32_t sent;         /* sentence index */
  uint32_t trig_first, trig_end; /* trigger token span */
  uint32_t gap_first, gap_end;   /* the pattern's "..." inside it (equal when none) */
  uint32_t clause_first, clause_end;
  double confidence;
  int modal;             /* negated/planned/hypothetical (kept only with AN_OPT_KEEP_MODAL) */
  /* later mentions of the same interaction (for a date the first lacks) */
  struct {
    uint32_t sent, trig_first, trig_end, clause_first, clause_end;
  } more[4];
  int n_more;
} an_xevent;

/* Runs every trigger over every sentence. Events come in text order, one
 * per (type, source, target) of the document (unordered for call/meet),
 * self-loops dropped. Owns: *out (an_free) on AN_OK. */
an_status an_rules_run(const an_lexicon *lex, const an_xview *v, unsigned opts, an_xevent **out, size_t *n,
                       an_error *err);

/* Whether an actor looks like a news medium (media words or names). */
int an_is_media(const an_lexicon *lex, const an_doc_actor *a);

/* an_is_media of the view's actor x, answered once per document (the
 * view's media table; the view belongs to one thread). */
int an_xview_is_media(const an_xview *v, const an_lexicon *lex, uint32_t x);

#endif
