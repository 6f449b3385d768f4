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

/* an_word_hash is an_hash64 (FNV-1a) with this seed, then an_word_mix. */
#define AN_WORD_SEED 0x9e3779b97f4a7c15ULL
#define AN_WORD_FNV_START (1469598103934665603ULL ^ AN_WORD_SEED)
#define AN_WORD_FNV_STEP(h, c) ((h) = ((h) ^ (unsigned char)(c)) * 1099511628211ULL)

/* The final mix, so that nearby FNV values spread over the table (never 0). */
static inline uint64_t an_word_mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h ? h : 1;
}

/* ASCII folding by byte: the folded letter or digit, 1 for a word
 * separator, 0 for a dropped character (as an_word_fold treats them), 2
 * for a byte of a multi-byte character (an_word_fold_hash_any's). */
extern const unsigned char an_ascii_fold[256];

/* an_word_fold_hash for any text (the fold, then the words' hashes). */
size_t an_word_fold_hash_any(const char *s, size_t len, char *out, size_t cap, uint64_t *wh, size_t whcap,
                             size_t *nw);

/* an_word_fold, and the an_word_hash of each folded word (split at spaces,
 * as an_trie_find splits): wh[0..min(*nw, whcap)) get them, *nw the count.
 * ASCII text (nearly every token) in one pass, inline: the actors stage
 * folds every token with it. An ASCII fold is never longer than its input,
 * so len < cap never truncates. */
static inline size_t an_word_fold_hash(const char *s, size_t len, char *out, size_t cap, uint64_t *wh,
                                       size_t whcap, size_t *nw) {
  if (len < cap) {
    size_t o = 0, n = 0, i = 0;
    int pending_space = 0;
    uint64_t h = AN_WORD_FNV_START;
    while (i < len) {
      unsigned char f = an_ascii_fold[(unsigned char)s[i]];
      if (f == 2) break;
      i++;
      if (f <= 1) {
        pending_space |= f;
        continue;
      }
      if (pending_space && o > 0) {
        out[o++] = ' ';
        if (n < whcap) wh[n] = an_word_mix(h);
        n++;
        h = AN_WORD_FNV_START;
      }
      pending_space = 0;
      /* the rest of the run of letters and digits */
      for (;;) {
        out[o++] = (char)f;
        AN_WORD_FNV_STEP(h, f);
        if (i == len || (f = an_ascii_fold[(unsigned char)s[i]]) <= 2) break;
        i++;
      }
    }
    if (i == len) {
      if (o > 0) {
        if (n < whcap) wh[n] = an_word_mix(h);
        n++;
      }
      out[o] = '\0';
      *nw = n;
      return o;
    }
  }
  return an_word_fold_hash_any(s, len, out, cap, wh, whcap, nw);
}

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
