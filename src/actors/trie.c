/* trie.c: hashed phrase trie and word folding (see trie.h). */
#include "actors/trie.h"

#include <string.h>

#include <utf8proc.h>

#include "core/core.h"

size_t an_word_fold(const char *s, size_t len, char *out, size_t cap) {
  size_t o = 0;
  int pending_space = 0;
  if (cap == 0) return 0;
  size_t i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      i++;
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
        if (pending_space && o > 0 && o + 1 < cap) out[o++] = ' ';
        pending_space = 0;
        if (o + 1 < cap) out[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
      } else if (c == ' ' || c == '-' || c == '/' || c == '\t' || c == '\n' || c == '_') {
        pending_space = 1;
      }
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) { i++; continue; }
    i += (size_t)n;
    if (cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013 || cp == 0x2014 || cp == 0xA0) {
      pending_space = 1;
      continue;
    }
    utf8proc_int32_t dec[8];
    utf8proc_ssize_t nd = utf8proc_decompose_char(
        cp, dec, 8, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, NULL);
    if (nd < 0 || nd > 8) continue;
    for (utf8proc_ssize_t k = 0; k < nd; k++) {
      const utf8proc_property_t *p = utf8proc_get_property(dec[k]);
      int alnum = (p->category >= UTF8PROC_CATEGORY_LU && p->category <= UTF8PROC_CATEGORY_LO) ||
                  p->category == UTF8PROC_CATEGORY_ND;
      if (!alnum) continue;
      utf8proc_uint8_t enc[4];
      utf8proc_ssize_t ne = utf8proc_encode_char(dec[k], enc);
      if (pending_space && o > 0 && o + 1 < cap) out[o++] = ' ';
      pending_space = 0;
      if (o + (size_t)ne < cap) {
        memcpy(out + o, enc, (size_t)ne);
        o += (size_t)ne;
      }
    }
  }
  out[o] = '\0';
  return o;
}

uint64_t an_word_hash(const char *w, size_t len) { return an_word_mix(an_hash64(w, len, AN_WORD_SEED)); }

/* Hashes of the words of folded out[0..n) (split at spaces, empty pieces
 * skipped, as an_trie_find splits). */
static size_t hash_words(const char *out, size_t n, uint64_t *wh, size_t whcap) {
  size_t nw = 0;
  for (size_t i = 0; i < n;) {
    if (out[i] == ' ') {
      i++;
      continue;
    }
    uint64_t h = AN_WORD_FNV_START;
    for (; i < n && out[i] != ' '; i++) AN_WORD_FNV_STEP(h, out[i]);
    if (nw < whcap) wh[nw] = an_word_mix(h);
    nw++;
  }
  return nw;
}

const unsigned char an_ascii_fold[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1,
    48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 0, 0, 0, 0, 0, 0,
    0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 1,
    0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

size_t an_word_fold_hash_any(const char *s, size_t len, char *out, size_t cap, uint64_t *wh, size_t whcap,
                             size_t *nw) {
  size_t o = an_word_fold(s, len, out, cap);
  *nw = hash_words(out, o, wh, whcap);
  return o;
}

typedef struct slot {
  uint64_t word;   /* 0 = empty */
  uint32_t parent;
  uint32_t child;
} slot;

typedef struct pending {
  uint32_t node, value, seq;
} pending;

struct an_trie {
  slot *slots;
  size_t cap, used; /* cap is a power of two */
  uint32_t n_nodes;
  pending *pend;
  size_t n_pend, cap_pend;
  uint32_t *vstart; /* n_nodes + 1 after freeze */
  uint32_t *values;
  /* after freeze: a bit per word hash (its top bits) of the root's
   * children. Most words of a text start no phrase; their first step
   * reads these 8 KB, not a cold slot of the table. */
  uint64_t *root_bits;
  int frozen;
};

#define ROOT_BITS 65536u
#define ROOT_BIT(w) ((w) >> 48) /* 16 bits, not those slot_of takes */

static size_t slot_of(uint32_t parent, uint64_t word, size_t mask) {
  uint64_t h = word ^ ((uint64_t)parent * 0x9E3779B97F4A7C15ULL);
  h ^= h >> 29;
  return (size_t)h & mask;
}

an_status an_trie_new(an_trie **out) {
  an_trie *t = an_calloc(1, sizeof *t);
  if (!t) return AN_ENOMEM;
  t->cap = 1024;
  t->slots = an_calloc(t->cap, sizeof *t->slots);
  if (!t->slots) {
    an_free(t);
    return AN_ENOMEM;
  }
  t->n_nodes = 1; /* the root */
  *out = t;
  return AN_OK;
}

void an_trie_free(an_trie *t) {
  if (!t) return;
  an_free(t->slots);
  an_free(t->pend);
  an_free(t->vstart);
  an_free(t->values);
  an_free(t->root_bits);
  an_free(t);
}

static an_status rehash(an_trie *t) {
  size_t ncap = t->cap * 2;
  slot *ns = an_calloc(ncap, sizeof *ns);
  if (!ns) return AN_ENOMEM;
  for (size_t i = 0; i < t->cap; i++) {
    if (!t->slots[i].word) continue;
    size_t j = slot_of(t->slots[i].parent, t->slots[i].word, ncap - 1);
    while (ns[j].word) j = (j + 1) & (ncap - 1);
    ns[j] = t->slots[i];
  }
  an_free(t->slots);
  t->slots = ns;
  t->cap = ncap;
  return AN_OK;
}

uint32_t an_trie_step(const an_trie *t, uint32_t node, uint64_t word) {
  if (node == AN_TRIE_ROOT && t->root_bits && !((t->root_bits[ROOT_BIT(word) >> 6] >> (ROOT_BIT(word) & 63)) & 1))
    return AN_TRIE_NONE;
  size_t mask = t->cap - 1;
  size_t j = slot_of(node, word, mask);
  for (;;) {
    const slot *s = &t->slots[j];
    if (!s->word) return AN_TRIE_NONE;
    if (s->word == word && s->parent == node) return s->child;
    j = (j + 1) & mask;
  }
}

an_status an_trie_add(an_trie *t, const char *folded, uint32_t value) {
  if (t->frozen) return AN_EINVAL;
  uint32_t node = AN_TRIE_ROOT;
  const char *p = folded;
  int any = 0;
  while (*p) {
    while (*p == ' ') p++;
    if (!*p) break;
    const char *e = p;
    while (*e && *e != ' ') e++;
    uint64_t w = an_word_hash(p, (size_t)(e - p));
    uint32_t next = an_trie_step(t, node, w);
    if (next == AN_TRIE_NONE) {
      if ((t->used + 1) * 10 > t->cap * 7) {
        an_status st = rehash(t);
        if (st != AN_OK) return st;
      }
      if (t->n_nodes == AN_TRIE_NONE - 1) return AN_ELIMIT;
      size_t mask = t->cap - 1;
      size_t j = slot_of(node, w, mask);
      while (t->slots[j].word) j = (j + 1) & mask;
      t->slots[j].word = w;
      t->slots[j].parent = node;
      t->slots[j].child = next = t->n_nodes++;
      t->used++;
    }
    node = next;
    any = 1;
    p = e;
  }
  if (!any) return AN_OK; /* an empty phrase matches nothing */
  an_status st = an_grow((void **)&t->pend, &t->cap_pend, t->n_pend + 1, sizeof *t->pend);
  if (st != AN_OK) return st;
  t->pend[t->n_pend].node = node;
  t->pend[t->n_pend].value = value;
  t->pend[t->n_pend].seq = (uint32_t)t->n_pend;
  t->n_pend++;
  return AN_OK;
}

an_status an_trie_freeze(an_trie *t) {
  if (t->frozen) return AN_OK;
  /* lookups are mostly misses (most words of a text start no phrase), and
   * a miss probes until an empty slot: a sparser table for reading, up to a
   * million slots (16 MB; a larger gazetteer keeps the load it has) */
  while (t->used * 4 > t->cap && t->cap < ((size_t)1 << 20)) {
    an_status st = rehash(t);
    if (st != AN_OK) return st;
  }
  uint64_t *bits = an_calloc(ROOT_BITS / 64, sizeof *bits);
  if (!bits) return AN_ENOMEM;
  for (size_t i = 0; i < t->cap; i++)
    if (t->slots[i].word && t->slots[i].parent == AN_TRIE_ROOT)
      bits[ROOT_BIT(t->slots[i].word) >> 6] |= 1ULL << (ROOT_BIT(t->slots[i].word) & 63);
  uint32_t *start = an_calloc((size_t)t->n_nodes + 1, sizeof *start);
  uint32_t *vals = an_malloc((t->n_pend ? t->n_pend : 1) * sizeof *vals);
  if (!start || !vals) {
    an_free(start);
    an_free(vals);
    an_free(bits);
    return AN_ENOMEM;
  }
  /* counting sort by node keeps the order of addition within a node */
  for (size_t i = 0; i < t->n_pend; i++) start[t->pend[i].node + 1]++;
  for (uint32_t n = 0; n < t->n_nodes; n++) start[n + 1] += start[n];
  uint32_t *fill = an_malloc(((size_t)t->n_nodes + 1) * sizeof *fill);
  if (!fill) {
    an_free(start);
    an_free(vals);
    an_free(bits);
    return AN_ENOMEM;
  }
  memcpy(fill, start, ((size_t)t->n_nodes + 1) * sizeof *fill);
  for (size_t i = 0; i < t->n_pend; i++) vals[fill[t->pend[i].node]++] = t->pend[i].value;
  an_free(fill);
  an_free(t->pend);
  t->pend = NULL;
  t->n_pend = t->cap_pend = 0;
  t->vstart = start;
  t->values = vals;
  t->root_bits = bits;
  t->frozen = 1;
  return AN_OK;
}

const uint32_t *an_trie_values(const an_trie *t, uint32_t node, size_t *n) {
  if (!t->frozen || node >= t->n_nodes) {
    *n = 0;
    return NULL;
  }
  *n = t->vstart[node + 1] - t->vstart[node];
  return t->values + t->vstart[node];
}

uint32_t an_trie_find(const an_trie *t, const char *folded) {
  uint32_t node = AN_TRIE_ROOT;
  const char *p = folded;
  int any = 0;
  while (*p) {
    while (*p == ' ') p++;
    if (!*p) break;
    const char *e = p;
    while (*e && *e != ' ') e++;
    node = an_trie_step(t, node, an_word_hash(p, (size_t)(e - p)));
    if (node == AN_TRIE_NONE) return AN_TRIE_NONE;
    any = 1;
    p = e;
  }
  return any ? node : AN_TRIE_NONE;
}

size_t an_trie_nodes(const an_trie *t) { return t->n_nodes; }

void an_trie_parents(const an_trie *t, uint32_t *parent) {
  for (uint32_t n = 0; n < t->n_nodes; n++) parent[n] = AN_TRIE_NONE;
  for (size_t i = 0; i < t->cap; i++)
    if (t->slots[i].word) parent[t->slots[i].child] = t->slots[i].parent;
}
