/* lexicon.h: the rule data of the extract stage, read from data/lexicon/ (JSON files):
 * trigger entries (token patterns with type, slots and codes), cue phrase
 * lists (negation, modality, reporting verbs, clause words...), date words
 * and attribution/outlet patterns. Everything here is immutable once loaded.
 *
 * Token patterns (data/lexicon/README.md): words separated by spaces; a word
 * is alternatives split by '|'; a trailing '?' makes it optional; an
 * alternative ending in ":v" expands to a regular verb's inflections
 * ("praise:v" = praise praises praised praising); "..." is a gap of 1..N
 * tokens (N = the entry's "gap", default 6) that may hold an argument. */
#ifndef AN_EXTRACT_LEXICON_H
#define AN_EXTRACT_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "actornet/error.h"
#include "actornet/text.h"

typedef struct an_pword {
  char **alts; /* lowercase forms */
  uint32_t *ids; /* their word ids (an_lexicon_load interns them; NULL before) */
  size_t n_alts;
  int optional; /* "word?" */
  int gap;      /* "...": 1..gap_max tokens */
} an_pword;

typedef struct an_pattern {
  an_pword *words;
  size_t n_words;
  int gap_max;
  int plain; /* interned, with no gap and no optional word: matched in one pass */
  /* A pattern with a gap or an optional word: one word after the first a
   * match must have, its ids as bits (id & 63; 0: none chosen), somewhere
   * in tokens i + req_lo .. i + req_hi of a match from i. Most tries are
   * turned away by this one look, without the search. */
  uint64_t req;
  uint32_t req_lo, req_hi;
} an_pattern;

/* A list of cue phrases (each a pattern). */
typedef struct an_phrases {
  an_pattern *p;
  size_t n;
  /* Index by first word (an_lexicon_load): (ix_id[k], ix_pat[k]) sorted by
   * id, one pair per word a pattern can start with; wild: patterns whose
   * first token may be any word (an optional word, then a gap). */
  uint32_t *ix_id, *ix_pat, *wild;
  size_t n_ix, n_wild;
  /* The exact set of ids of ix_id as bits (bit id of bits; n_bits: the
   * lexicon's n_ids, 0 without an index): most words start no pattern of a
   * list and are turned away at once. The patterns of a word that does
   * are ix_pat[ix_off[r] .. ix_off[r + 1]), r its rank among the set bits
   * (rank[id >> 6] + the bits below it in its 64), without a search. */
  uint64_t *bits;
  uint32_t *rank, *ix_off;
  /* per rank r: the second words its patterns can have, bit (id & 63) of
   * each (all bits when one of them can end or branch after the first
   * word): most tries of a common first word ("the") end here */
  uint64_t *ix_next;
  uint32_t n_bits;
  /* The test an_phrases_match_id makes first: bits (pre == bits), or all
   * ids when some pattern can start with any word; n_pre ids (0: no index,
   * nothing matches by id). One load and a bit, no other case. */
  const uint64_t *pre;
  uint32_t n_pre;
} an_phrases;

/* Argument slots of a trigger. */
typedef enum an_slot {
  AN_SLOT_SUBJECT = 0, /* the clause subject */
  AN_SLOT_OBJECT = 1,  /* the first actor after the trigger (and its conjuncts) */
  AN_SLOT_GAP = 2,     /* the actor inside the pattern's gap */
  AN_SLOT_BETWEEN = 3, /* "between A and B": first of the list is the source */
  AN_SLOT_PREVIOUS = 4, /* "X repeated the charge": the target of the latest event of the type (mutual.h) */
} an_slot;

typedef struct an_trigger {
  char *type;      /* call, meet, ... */
  char *text;      /* the pattern as written (for diagnostics) */
  an_pattern pat;
  an_slot source, target;
  int nominal;     /* a noun: possessor/modifier right before it is the agent */
  int symmetric;   /* call, meet */
  int reciprocal;  /* "A and B met": without an object, among the subjects */
  int pairwise;    /* "X brought A and B together": the targets meet each other too */
  int max_dist;    /* max tokens from trigger end to the first target (0 = default) */
  int no_passive;  /* never read as passive */
  int direct;      /* the target is the direct object: no preposition or punctuation before it */
  int infinitive;  /* the pattern ends in an infinitive "to", not a preposition */
  int partner_with; /* "X raised Y with Z during a meeting": after "during/at", the partner is the
                       object of an earlier "with" in the clause; else the trigger declines */
  double confidence;
  int mutual;      /* goes both ways ("traded accusations", "exchanged fire"): mutual.h */
  char *cameo, *plover;
  char *person_type; /* type used instead when the target is a person */
  char *alt_type;  /* type used instead when a cue of alt_cues is in the sentence */
  an_phrases alt_cues;
  an_phrases stop_after; /* no event when one of these follows the trigger */
  an_phrases target_stop; /* no event when one of these follows the first target */
  char **modal_exempt; /* modal cues that do not block this trigger */
  size_t n_modal_exempt;
} an_trigger;

/* One entry of the word table (an_lexicon_word_id). */
typedef struct an_vocab_ent {
  const char *s; /* borrowed from a pattern */
  uint32_t len, id;
  uint64_t head; /* its first 8 bytes (an_lexicon.c word_head): most words need no other compare */
} an_vocab_ent;

/* Word ids: 0 = a word no pattern names; 1..AN_WID_NBREAK the sentence
 * punctuation that ends a pattern's gap (. ; : " ? !). */
#define AN_WID_NBREAK 6u
#define AN_WID_DQUOTE 4u /* the id of '"' among them (the others: . ; : ? !) */
#define AN_WDATE_LEAD 1u
#define AN_WDATE_PAST 2u
#define AN_WDATE_NEXT 4u
#define AN_WMEDIA_NAME 8u  /* a whole medium's name (attribution.json "media") */
#define AN_WMEDIA_WORD 16u /* a one-word media_words cue */

typedef struct an_lexicon {
  an_trigger *trig;
  size_t n_trig;
  /* Every word of every pattern interned to an id, so that matching
   * compares integers: an open-addressing table (vocab_cap a power of 2). */
  an_vocab_ent *vocab;
  size_t vocab_cap;
  /* one bit per word of the table (by its hash): most text words are not
   * in it and are answered without probing the table */
  uint64_t vbloom[1024];
  uint32_t n_ids; /* ids are 1..n_ids-1 */
  /* The triggers (indexes into trig, in order) that can start at a word:
   * trig_list[trig_off[id] .. trig_off[id+1]); most words start none and
   * are skipped at once. */
  uint32_t *trig_off, *trig_list;
  /* parallel to trig_list: the ids (bit id & 63) the token after the first
   * can have when that trigger matches from that first word (all bits
   * when it may end or open a gap there): most tries stop at this bit */
  uint64_t *trig_next;
  /* bit id set when some trigger can start at word id (trig_off's range is
   * not empty): the scan for triggers skips the other words on one bit */
  uint64_t *trig_bits;
  /* bit id set when negation, modal or wide_modal can start at word id
   * (their pre bits together): rules.c's modal test skips other words */
  uint64_t *modal_any;
  /* Per word id: the month (1..12) and weekday (1..7, Monday = 1) it
   * names, and AN_WDATE_* / AN_WMEDIA_* flags. */
  uint8_t *wmonth, *wday, *wdflag;
  /* Per word id: bit k when attribution list k (attrib_before,
   * attrib_media_before, attrib_after) can start with it (every id when
   * one of its patterns can start with any word): a sentence's cues are
   * found in one pass over its tokens. */
  uint8_t *wattrib;
  int date_wild; /* some relative/vague date phrase may start with any word */
  /* Per word id: which relative/vague date lists can start with it (bit
   * k: rel_day[k] for k < 8, rel_month[i] 8 + 2i, rel_year[i] 9 + 2i,
   * vague_dates 14; 0: the word starts none), so dates.c tries only those
   * (when !date_wild). */
  uint16_t *wdate_lists;
  /* Per word id (when !date_wild): the second words those lists go on
   * with, bit (id & 63) as an_phrases.ix_next, all of them in one mask:
   * "the" or "a" before most words is turned away with one test. */
  uint64_t *wdate_next;
  /* default CAMEO/PLOVER codes per type (triggers.json "type_codes"), for an
   * event whose type differs from its trigger's (alt_type, person_type) */
  char *type_names[16], *type_cameo[16], *type_plover[16];
  size_t n_types;
  /* cues.json */
  an_phrases negation, modal, reporting, relative, subordinators, prepositions, np_words,
      determiners, media_words, clause_end, passive_aux, adverbs, title_words, locative,
      person_pronouns, nonperson_pronouns, possessive_pronouns, relative_things, reason_preps, coordinators, light_verbs, first_person, modal_adjectives, called_off, object_pronouns, end_markers, negation_exceptions,
      gerund_subject_preps, perfect_aux, wide_modal, generic_titles, indefinites, generic_plurals, government_nouns, pair_phrases, plural_pronouns,
      date_nouns, group_refs, statement_nouns, subject_pronouns, org_heads, member_nouns, transparent_nouns,
      phone_manner, country_pairs, clause_verbs, place_nouns, force_nouns, clause_acts, bloc_nouns, speech_objects, praise_words, side_pairs,
      topic_preps, victim_nouns, victim_on_nouns, plural_possessives, address_verbs, letter_manner, counterpart_nouns, verb_particles, call_refs,
      reaction_words;
  /* cues.json "act_nouns": nouns of an act ("the suspension") and the verbs
   * that report it ("suspended"): whose act it is */
#define AN_MAX_ACTS 24
  an_phrases act_nouns[AN_MAX_ACTS], act_verbs[AN_MAX_ACTS];
  size_t n_acts;
  /* cues.json "description_types": a kind of organization a definite
   * description names ("the union", "the court") and the words an
   * actor's label must hold (require; none = any) or must not hold
   * (forbid) to be what it describes; countries: a country fits too */
#define AN_MAX_DTYPES 12
  an_phrases dtype_heads[AN_MAX_DTYPES], dtype_require[AN_MAX_DTYPES], dtype_forbid[AN_MAX_DTYPES];
  an_phrases dtype_plurals[AN_MAX_DTYPES]; /* "the unions", "both firms": the ones just named */
  /* cues.json "head_titles": words of a head of state's or government's
   * title ("leader", "president", "prime"): "the Syrian leader" is the one
   * whose role holds one, not the foreign minister */
  an_phrases head_titles;
  /* cues.json, for mutual.h: "each other", "one another"; "each government" */
  an_phrases reciprocal_objects, each_subjects;
  /* cues.json, for nominal.h: "after", "during": a phrase opening the sentence */
  an_phrases fronting_preps;
  /* cues.json: past tenses not ending in "-ed" ("met", "held"), for rules.c */
  an_phrases past_irregular;
  /* cues.json "outside_roles": how an affiliation's role begins when its
   * holder holds no office there ("opposition leader", "former
   * minister"): prefixes, compared as written */
  char **outside_roles;
  size_t n_outside_roles;
  int dtype_countries[AN_MAX_DTYPES];
  size_t n_dtypes;
  /* dates.json */
  char *months[12][4]; /* up to 4 spellings per month, lowercase */
  char *weekdays[7][3]; /* Monday = 0 */
  an_phrases rel_day[8]; /* "yesterday" = -1 ...: index offset+4 (-4..3) */
  an_phrases vague_dates; /* "last week", "earlier in the week": text only */
  an_phrases rel_month[3], rel_year[3]; /* offset -1, 0, +1: "last month", "this year" */
  an_phrases day_parts;   /* morning, afternoon, evening, night */
  char **date_lead, **date_past, **date_next; /* "on", "in"; "last"; "next" before a date */
  size_t n_date_lead, n_date_past, n_date_next;
  /* attribution.json */
  an_phrases attrib_before; /* "according to" X */
  an_phrases attrib_after;  /* X "reported" */
  an_phrases attrib_media_before; /* "told" X, where X is a medium */
  char **outlet_regex;      /* PCRE2 patterns with one capture: the outlet */
  size_t n_outlet_regex;
  char **docdate_regex;     /* PCRE2 patterns with one capture: a date phrase */
  size_t n_docdate_regex;
  char **media_names;       /* lowercase names of news media */
  size_t n_media_names;
} an_lexicon;

/* Loads triggers.json, cues.json, dates.json, attribution.json of data_dir/lexicon.
 * Owns: *out on AN_OK (an_lexicon_free). */
an_status an_lexicon_load(const char *data_dir, an_lexicon **out, an_error *err);
void an_lexicon_free(an_lexicon *lex);

/* Parses one pattern (exposed for tests). Owns: p's arrays (an_pattern_clear). */
an_status an_pattern_parse(const char *text, int gap_max, an_pattern *p, an_error *err);
void an_pattern_clear(an_pattern *p);

/* Matches p against the lowercase token words w[i..lim). Returns the end
 * token (exclusive) or 0 when it does not match; gap_a and gap_b (may be
 * NULL) get the gap span (equal when none). Sentence punctuation ends gaps. */
uint32_t an_pattern_match(const an_pattern *p, const char *const *w, uint32_t i, uint32_t lim,
                          uint32_t *gap_a, uint32_t *gap_b);

/* Whether some trigger can start with word w. */
int an_lexicon_may_start(const an_lexicon *lex, const char *w);

/* Longest phrase of list matching at token i, or 0. */
uint32_t an_phrases_match(const an_phrases *l, const char *const *w, uint32_t i, uint32_t lim);

/* The id of the lowercase word w[0..len) (0 when no pattern names it). */
uint32_t an_lexicon_word_id(const an_lexicon *lex, const char *w, size_t len);

/* Lowercases (ASCII letters only, as tolower in the C locale) the text
 * word src[0..len) into dst, stopping early at a NUL byte, NUL-terminates
 * it, sets *n to its length and returns its id: an_lexicon_word_id of the
 * lowercase word, in one pass, 8 bytes a step (once per token of every
 * document). avail (>= len): how many bytes at src may be read (the rest
 * of the text: the word's last bytes are then read as one 8-byte step).
 * dst must hold len + 8 bytes (bytes after the NUL may be overwritten);
 * lex may be NULL (id 0). */
uint32_t an_lexicon_lower_id(const an_lexicon *lex, const char *src, size_t len, size_t avail, char *dst,
                             size_t *n);

/* One thread's memo of an_lexicon_lower_id by a short token's bytes: a
 * direct-mapped table (bounded, about 256 KB); results never depend on
 * it. Owns: the result (an_lower_memo_free); NULL when out of memory. */
typedef struct an_lower_memo an_lower_memo;
an_lower_memo *an_lower_memo_new(void);
void an_lower_memo_free(an_lower_memo *m);

/* an_lexicon_lower_id of every token of text s[0..len): token i's word
 * goes to w[i] (into wbuf, which holds sum(tok[i].len + 1) + 8 bytes), its
 * id to wid[i]. memo (or NULL) remembers the words seen before. */
void an_lexicon_lower_ids(const an_lexicon *lex, an_lower_memo *memo, const char *s, size_t len,
                          const an_token *tok, size_t ntok, char **w, char *wbuf, uint32_t *wid);

/* an_pattern_match and an_phrases_match over word ids (of a loaded
 * lexicon's patterns): the same results, without comparing strings. */
uint32_t an_pattern_match_id(const an_pattern *p, const uint32_t *w, uint32_t i, uint32_t lim,
                             uint32_t *gap_a, uint32_t *gap_b);
uint32_t an_phrases_match_id_at(const an_phrases *l, const uint32_t *w, uint32_t i, uint32_t lim);
/* (inline: called for nearly every token by several stages; the first
 * word's bit answers most calls) */
static inline uint32_t an_phrases_match_id(const an_phrases *l, const uint32_t *w, uint32_t i, uint32_t lim) {
  if (i >= lim) return 0;
  uint32_t id = w[i];
  if (id >= l->n_pre || !((l->pre[id >> 6] >> (id & 63)) & 1)) return 0;
  return an_phrases_match_id_at(l, w, i, lim);
}

/* The triggers that can start at word id (indexes into lex->trig, in
 * order); *n = 0 for most words. */
static inline const uint32_t *an_lexicon_trigs_at(const an_lexicon *lex, uint32_t id, size_t *n) {
  if (id >= lex->n_ids) id = 0;
  *n = lex->trig_off[id + 1] - lex->trig_off[id];
  return lex->trig_list + lex->trig_off[id];
}
/* The same, with *next the triggers' masks of the next token's id
 * (trig_next): a trigger k can match at i only if i + 1 is the end of the
 * range or bit (id of i + 1) & 63 of next[k] is set. */
static inline const uint32_t *an_lexicon_trigs_next_at(const an_lexicon *lex, uint32_t id, size_t *n,
                                                       const uint64_t **next) {
  if (id >= lex->n_ids) id = 0;
  *n = lex->trig_off[id + 1] - lex->trig_off[id];
  *next = lex->trig_next + lex->trig_off[id];
  return lex->trig_list + lex->trig_off[id];
}

#endif
