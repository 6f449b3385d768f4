/* strmap.c: string -> index map and string interning for the model. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "graph/graph_internal.h"

#define NONE ((size_t)-1)

void an_strmap_init(an_strmap *m) { memset(m, 0, sizeof *m); }

void an_strmap_free(an_strmap *m) {
  if (!m) return;
  an_free(m->slots);
  memset(m, 0, sizeof *m);
}

static size_t home_of(uint64_t h, size_t cap) { return (size_t)(h ^ (h >> 29)) & (cap - 1); }

/* The slot of the n bytes at s (hash h), or the empty slot where they would go. */
static an_strslot *slot_n(const an_strmap *m, const char *s, size_t n, uint64_t h) {
  size_t mask = m->cap - 1;
  for (size_t i = home_of(h, m->cap);; i = (i + 1) & mask) {
    an_strslot *e = &m->slots[i];
    if (!e->key || (e->hash == h && memcmp(e->key, s, n) == 0 && e->key[n] == '\0')) return e;
  }
}

size_t an_strmap_get(const an_strmap *m, const char *key) {
  if (!m->cap || !key) return NONE;
  size_t n = strlen(key);
  const an_strslot *e = slot_n(m, key, n, an_strhash(key, n));
  return e->key ? e->val : NONE;
}

static an_status rehash(an_strmap *m, size_t ncap) {
  an_strslot *ns = an_calloc(ncap, sizeof *ns);
  if (!ns) return AN_ENOMEM;
  for (size_t i = 0; i < m->cap; i++) {
    const an_strslot *e = &m->slots[i];
    if (!e->key) continue;
    size_t j = home_of(e->hash, ncap);
    while (ns[j].key) j = (j + 1) & (ncap - 1);
    ns[j] = *e;
  }
  an_free(m->slots);
  m->slots = ns;
  m->cap = ncap;
  return AN_OK;
}

/* Room for one more key (the load stays under 3/4). */
static an_status room(an_strmap *m) {
  if ((m->count + 1) * 4 >= m->cap * 3) return rehash(m, m->cap ? m->cap * 2 : 64);
  return AN_OK;
}

an_status an_strmap_put(an_strmap *m, const char *key, size_t val) {
  an_status st = room(m);
  if (st != AN_OK) return st;
  size_t n = strlen(key);
  uint64_t h = an_strhash(key, n);
  an_strslot *e = slot_n(m, key, n, h);
  if (!e->key) {
    e->key = key;
    e->hash = h;
    m->count++;
  }
  e->val = val;
  return AN_OK;
}

void an_strpool_init(an_strpool *p) { memset(p, 0, sizeof *p); }

void an_strpool_free(an_strpool *p) {
  if (!p) return;
  for (size_t i = 0; i < p->n_blocks; i++) an_free(p->blocks[i]);
  an_free(p->blocks);
  an_free(p->all);
  an_strmap_free(&p->map);
  memset(p, 0, sizeof *p);
}

#define POOL_BLOCK ((size_t)1 << 16)

/* Room for n bytes in the pool's blocks (strings are never freed one by one). */
static char *pool_room(an_strpool *p, size_t n) {
  if (!p->n_blocks || p->block_used + n > p->block_cap) {
    size_t cap = n > POOL_BLOCK ? n : POOL_BLOCK;
    if (an_grow((void **)&p->blocks, &p->cap_blocks, p->n_blocks + 1, sizeof *p->blocks) != AN_OK) return NULL;
    char *b = an_malloc(cap);
    if (!b) return NULL;
    p->blocks[p->n_blocks++] = b;
    p->block_used = 0, p->block_cap = cap;
  }
  char *at = p->blocks[p->n_blocks - 1] + p->block_used;
  p->block_used += n;
  return at;
}

const char *an_strpool_intern_nh(an_strpool *p, const char *s, size_t n, uint64_t h, uint32_t *ix, an_status *st) {
  if (room(&p->map) != AN_OK) { /* first: the slot found below stays put */
    *st = AN_ENOMEM;
    return NULL;
  }
  an_strslot *e = slot_n(&p->map, s, n, h);
  if (!e->key) { /* new: string number p->n */
    char *copy = pool_room(p, n + 1);
    if (!copy || p->n >= UINT32_MAX - 1 || an_grow((void **)&p->all, &p->cap, p->n + 1, sizeof *p->all) != AN_OK) {
      *st = AN_ENOMEM;
      return NULL;
    }
    memcpy(copy, s, n);
    copy[n] = '\0';
    e->key = copy;
    e->hash = h;
    e->val = p->n;
    p->map.count++;
    p->all[p->n++] = copy;
  }
  if (ix) *ix = (uint32_t)(e->val + 1);
  return e->key;
}

const char *an_strpool_intern_n(an_strpool *p, const char *s, size_t n, uint32_t *ix, an_status *st) {
  return an_strpool_intern_nh(p, s, n, an_strhash(s, n), ix, st);
}

void *an_strpool_alloc(an_strpool *p, size_t n, an_status *st) {
  p->block_used = (p->block_used + 7) & ~(size_t)7; /* blocks are malloc'ed: aligned at 0 */
  void *at = pool_room(p, n ? n : 1);
  if (!at) *st = AN_ENOMEM;
  return at;
}

const char *an_strpool_store_n(an_strpool *p, const char *s, size_t n, an_status *st) {
  char *copy = pool_room(p, n + 1);
  if (!copy) {
    *st = AN_ENOMEM;
    return NULL;
  }
  memcpy(copy, s, n);
  copy[n] = '\0';
  return copy;
}

const char *an_strpool_intern(an_strpool *p, const char *s, an_status *st) {
  if (!s) return NULL;
  return an_strpool_intern_n(p, s, strlen(s), NULL, st);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t an_strset_sort(const char **v, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (v[i]) v[k++] = v[i];
  if (k > 1) qsort(v, k, sizeof *v, cmp_str);
  size_t o = 0;
  for (size_t i = 0; i < k; i++)
    if (o == 0 || strcmp(v[o - 1], v[i]) != 0) v[o++] = v[i];
  return o;
}

uint32_t an_strpool_intern_ix(an_strpool *p, const char *s, an_status *st) {
  uint32_t ix = 0;
  if (s && !an_strpool_intern_n(p, s, strlen(s), &ix, st)) return 0;
  return ix;
}

/* ---- pointer-pair map ---- */

void an_pairmap_init(an_pairmap *m) { memset(m, 0, sizeof *m); }

void an_pairmap_free(an_pairmap *m) {
  if (!m) return;
  an_free(m->slots);
  memset(m, 0, sizeof *m);
}

static size_t pair_hash(const void *a, const void *b) {
  uint64_t h = (uint64_t)(uintptr_t)a * 0x9e3779b97f4a7c15ull;
  h ^= (uint64_t)(uintptr_t)b + 0x632be59bd9b4e019ull + (h << 6) + (h >> 2);
  return (size_t)an_hash_finish(h);
}

static an_pairslot *pair_slot(an_pairslot *sl, size_t cap, const void *a, const void *b) {
  size_t i = pair_hash(a, b) & (cap - 1);
  while (sl[i].a && (sl[i].a != a || sl[i].b != b)) i = (i + 1) & (cap - 1);
  return &sl[i];
}

size_t an_pairmap_get(const an_pairmap *m, const void *a, const void *b) {
  if (!m->cap || !a) return NONE;
  const an_pairslot *e = pair_slot(m->slots, m->cap, a, b);
  return e->a ? e->val : NONE;
}

an_status an_pairmap_put(an_pairmap *m, const void *a, const void *b, size_t val) {
  if ((m->count + 1) * 4 >= m->cap * 3) { /* a non-NULL a marks a used slot */
    size_t ncap = m->cap ? m->cap * 2 : 64;
    an_pairslot *ns = an_calloc(ncap, sizeof *ns);
    if (!ns) return AN_ENOMEM;
    for (size_t i = 0; i < m->cap; i++)
      if (m->slots[i].a) *pair_slot(ns, ncap, m->slots[i].a, m->slots[i].b) = m->slots[i];
    an_free(m->slots);
    m->slots = ns, m->cap = ncap;
  }
  an_pairslot *e = pair_slot(m->slots, m->cap, a, b);
  if (!e->a) {
    e->a = a, e->b = b;
    m->count++;
  }
  e->val = val;
  return AN_OK;
}
