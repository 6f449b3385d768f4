/* actors.h: the actors of one document: every mention of a named actor
 * (person, organization, country), resolved to one actor record per real
 * actor, plus the affiliations that titles and appositions state.
 *
 * This is the contract between src/actors (which fills it) and src/extract
 * (which reads it to find who did what to whom). Mentions are token spans of
 * the document's an_text, sorted by first token, and never overlap. */
#ifndef AN_ACTORS_H
#define AN_ACTORS_H

#include <stddef.h>
#include <stdint.h>

#include "actornet/error.h"
#include "actornet/text.h"

typedef enum an_actor_kind {
  AN_KIND_PERSON = 0,
  AN_KIND_ORGANIZATION = 1,
  AN_KIND_COUNTRY = 2,
} an_actor_kind;

/* How a mention refers to its actor.
 *
 * What the recognizer promises (src/actors/actors.c):
 *  - NAME: gazetteer names and aliases (longest match; acronyms only in
 *    capitals), and names found from cues (titles, appositions, speech
 *    verbs, organization heads); later partial names ("Nakhala", "Raila")
 *    join the full name; titles are never part of a name.
 *  - METONYM: capitals and seats ("Tehran", "the Kremlin"), organs that
 *    speak for a state, and a country word with a state noun after it
 *    ("the Israeli government", "Iran's foreign ministry", "US forces"):
 *    the mention then covers those words.
 *  - DEMONYM: "Iranian"; flagged GENERIC before a class noun ("Palestinian
 *    groups"), MODIFIER when it only modifies a title or description.
 *  - PRONOUN: he/she (gender from the gazetteer, titles, honorifics or an
 *    earlier pronoun; the subject of this or the last sentences preferred),
 *    who/whom/which right after a name, it/its/they only for an
 *    organization or country that is a recent subject and not in a quote.
 *  - DESCRIPTION: a definite title ("the Iranian official", "Iran's top
 *    diplomat", "the Leader's advisor", "the movement's chief") resolved
 *    through the roles the text or the gazetteer gives; "the movement",
 *    "the group", "union leadership" for the last organization. */
typedef enum an_mention_how {
  AN_MENTION_NAME = 0,        /* a name or alias: "Ismail Haniyeh", "Haniyeh", "Hamas" */
  AN_MENTION_METONYM = 1,     /* "Tehran", "the Kremlin", "the Islamic Republic" */
  AN_MENTION_DEMONYM = 2,     /* an adjective standing for a country: "Iranian forces" */
  AN_MENTION_PRONOUN = 3,     /* "he", "she", "they", "his", "who" */
  AN_MENTION_DESCRIPTION = 4, /* "the Iranian official", "Iran's top diplomat" */
} an_mention_how;

/* Mention flags. */
#define AN_MENTION_POSSESSIVE (1u << 0) /* "Iran's", "his": owner of what follows, not an agent */
#define AN_MENTION_GENERIC (1u << 1)    /* a class, not a named actor ("Palestinian groups") */
#define AN_MENTION_IN_QUOTE (1u << 2)   /* inside a quotation */
#define AN_MENTION_MODIFIER (1u << 3)   /* a name used as a modifier ("Hamas leader X": Hamas) */

typedef struct an_mention {
  uint32_t tok_first, tok_count; /* token span in the an_text */
  uint32_t actor;                /* index into an_doc_actors.actors */
  uint8_t how;                   /* an_mention_how */
  uint8_t flags;                 /* AN_MENTION_* */
} an_mention;

typedef struct an_doc_actor {
  char *id;          /* stable slug (gazetteer id, or slug of the label) */
  char *label;       /* canonical name */
  an_actor_kind kind;
  char country[4];   /* ISO 3166 alpha-3 or "" */
  char **aliases;    /* distinct surface forms seen, in order of first use */
  size_t n_aliases;
  uint32_t mentions; /* number of mentions in the document */
  char *key;         /* name key for cross-document joining (transliteration-folded), or NULL */
} an_doc_actor;

typedef struct an_affiliation {
  uint32_t person; /* index into actors */
  uint32_t org;    /* index into actors: organization, country or person (an adviser to X) */
  char *role;      /* "leader", "secretary general", "adviser" */
  uint32_t tok;    /* token where it was stated */
} an_affiliation;

typedef struct an_doc_actors {
  an_doc_actor *actors;
  size_t n_actors;
  an_mention *mentions; /* sorted by tok_first */
  size_t n_mentions;
  an_affiliation *affiliations;
  size_t n_affiliations;
  /* where the strings above live: every id, label, key, alias and role in
   * one block, the alias pointers in another (an_doc_actors_free frees
   * them; read-only for consumers). NULL in a record made elsewhere, which
   * owns each string and alias array (an_doc_actors_free frees those). */
  char *strings;
  char **alias_block;
  /* Per token of the text (n_tokens, as the an_text has them): its fold
   * (actors/trie.h an_word_fold: lower case, accents dropped, letters and
   * digits only, words joined by one space; "U.S." -> "us", "al-Nakhala"
   * -> "al nakhala"), NUL-terminated at folds + fold_off[i], and the
   * an_word_hash of that whole fold: made once here, for any stage that
   * keys words by them instead of folding or hashing again. */
  size_t n_tokens;
  char *folds;
  uint32_t *fold_off;
  uint64_t *fold_hash;
  /* 1 when fold_off lies in fold_hash's allocation (records an_actors_find
   * made: an_doc_actors_free frees the two as one); 0 elsewhere. */
  int fold_one_block;
} an_doc_actors;

void an_doc_actors_free(an_doc_actors *a);

/* The number of mentions that start before token tok (mentions are sorted
 * by tok_first): a backward walk over the mentions before tok starts there. */
size_t an_doc_mentions_before(const an_doc_actors *A, uint32_t tok);

typedef struct an_gazetteer an_gazetteer; /* gazetteer.h */

/* Finds every actor mention of one document and resolves it: gazetteer
 * names, unknown names with person/organization cues, demonyms, pronouns
 * and definite descriptions; affiliations from titles and appositions.
 * Owns: *out on AN_OK (an_doc_actors_free); NULL otherwise. Borrows gaz and
 * text (read only: threads may share gaz). */
an_status an_actors_find(const an_gazetteer *gaz, const an_text *text, an_doc_actors **out,
                         an_error *err);

/* The same over a caller's token view: str[0..len) is the normalized text,
 * toks and sents as an_text gives them. */
an_status an_actors_find_tokens(const an_gazetteer *gaz, const char *str, size_t len,
                                const an_token *toks, size_t ntok, const an_sentence *sents,
                                size_t nsent, an_doc_actors **out, an_error *err);

/* One thread's memory between documents: what the recognizer works out
 * for a word from its bytes alone (its fold, hashes and lexicon classes),
 * so that a word seen before costs a table lookup, not a fold and a trie
 * step. Bounded (a fixed table, about 0.5 MB); results never depend on it.
 * Owns: the result (an_actors_cache_free); NULL when out of memory. Not
 * shared between threads. */
typedef struct an_actors_cache an_actors_cache;
an_actors_cache *an_actors_cache_new(void);
void an_actors_cache_free(an_actors_cache *cache);

/* an_actors_find / an_actors_find_tokens with a thread's cache (NULL: none):
 * the same results. */
an_status an_actors_find_cached(const an_gazetteer *gaz, const an_text *text, an_actors_cache *cache,
                                an_doc_actors **out, an_error *err);
an_status an_actors_find_tokens_cached(const an_gazetteer *gaz, const char *str, size_t len,
                                       const an_token *toks, size_t ntok, const an_sentence *sents,
                                       size_t nsent, an_actors_cache *cache, an_doc_actors **out,
                                       an_error *err);

/* Kind name ("person", "organization", "country"). Borrows: static. */
const char *an_actor_kind_name(an_actor_kind kind);

#endif
