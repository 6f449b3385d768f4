/* trie.h: a phrase trie over folded words, for gazetteer aliases and lexicon
 * phrases. Words are folded (lowercase, accents dropped, only letters and
 * digits kept; hyphens and spaces separate words) and hashed; each edge is a
 * (parent node, 64-bit word hash) slot in one open-addressing table, so a
 * lookup walks words without allocating, and a million aliases cost one
 * table of a few million slots. Immutable after an_trie_freeze(): share it.
 *
 * Also the word folding every actors module uses, so that aliases and text
 * fold the same way ("al-Nakhala" -> "al" "nakhala", "U.S." -> "us"). */
#ifndef AN_ACTORS_TRIE_H
#define AN_ACTORS_TRIE_H

#include <stddef.h>
#include <stdint.h>

#include "actornet/error.h"

/* Folds s[0..len) into out (NUL-terminated): lowercase, accents dropped,
 * letters and digits kept, hyphens/spaces/slashes as one ' ' between words,
 * other characters (periods, apostrophes) dropped. Returns the length
 * written (truncated to cap-1). */
size_t an_word_fold(const char *s, size_t len, char *out, size_t cap);

/* Hash of one folded word (no spaces). */
uint64_t an_word_hash(const char *w, size_t len);

/* an_word_fold, and the an_word_hash of each folded word (split at spaces,
 * as an_trie_find splits): wh[0..min(*nw, whcap)) get them, *nw the count.
 * One pass over ASCII text (the per-token fold of the actors stage). */
size_t an_word_fold_hash(const char *s, size_t len, char *out, size_t cap, uint64_t *wh, size_t whcap,
                         size_t *nw);

typedef struct an_trie an_trie;

#define AN_TRIE_ROOT 0u
#define AN_TRIE_NONE UINT32_MAX

/* Owns: *out on AN_OK (an_trie_free). */
an_status an_trie_new(an_trie **out);
void an_trie_free(an_trie *t);

/* Adds a phrase (folded words separated by single spaces) with a value; a
 * phrase may carry several values. Before an_trie_freeze() only. */
an_status an_trie_add(an_trie *t, const char *folded, uint32_t value);

/* Lays values out for lookup; no more adds after it. */
an_status an_trie_freeze(an_trie *t);

/* The child of node by word hash, or AN_TRIE_NONE. */
uint32_t an_trie_step(const an_trie *t, uint32_t node, uint64_t word_hash);

/* Values stored at node, in order of addition (*n = 0 if none).
 * Borrows: valid while t lives. */
const uint32_t *an_trie_values(const an_trie *t, uint32_t node, size_t *n);

/* Looks a whole folded phrase up; returns its node or AN_TRIE_NONE. */
uint32_t an_trie_find(const an_trie *t, const char *folded);

size_t an_trie_nodes(const an_trie *t);

/* parent[n] (room for an_trie_nodes) gets the parent of node n
 * (AN_TRIE_NONE for the root). A node's parent was made before it, so its
 * number is smaller: a pass from the last node up visits children first. */
void an_trie_parents(const an_trie *t, uint32_t *parent);

#endif
