/* strmap.c: string -> index map and string interning for the model. */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "graph/graph_internal.h"

#define NONE ((size_t)-1)

void an_strmap_init(an_strmap *m) { memset(m, 0, sizeof *m); }

void an_strmap_free(an_strmap *m) {
  if (!m) return;
  an_free(m->keys);
  an_free(m->hashes);
  an_free(m->vals);
  memset(m, 0, sizeof *m);
}

static uint64_t hash_of(const char *key) { return an_strhash(key, strlen(key)); }

static size_t slot_of(const char **keys, const uint64_t *hashes, size_t cap, const char *key, uint64_t h) {
  size_t mask = cap - 1;
  size_t i = (size_t)(h ^ (h >> 29)) & mask;
  while (keys[i] && (hashes[i] != h || strcmp(keys[i], key) != 0)) i = (i + 1) & mask;
  return i;
}

size_t an_strmap_get(const an_strmap *m, const char *key) {
  if (!m->cap || !key) return NONE;
  size_t i = slot_of(m->keys, m->hashes, m->cap, key, hash_of(key));
  return m->keys[i] ? m->vals[i] : NONE;
}

size_t an_strmap_get_n(const an_strmap *m, const char *s, size_t n, uint64_t h) {
  if (!m->cap) return NONE;
  size_t mask = m->cap - 1;
  for (size_t i = (size_t)(h ^ (h >> 29)) & mask; m->keys[i]; i = (i + 1) & mask)
    if (m->hashes[i] == h && memcmp(m->keys[i], s, n) == 0 && m->keys[i][n] == '\0') return m->vals[i];
  return NONE;
}

static an_status rehash(an_strmap *m, size_t ncap) {
  const char **nk = an_calloc(ncap, sizeof *nk);
  uint64_t *nh = an_calloc(ncap, sizeof *nh);
  size_t *nv = an_calloc(ncap, sizeof *nv);
  if (!nk || !nv || !nh) {
    an_free(nk);
    an_free(nh);
    an_free(nv);
    return AN_ENOMEM;
  }
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->keys[i]) continue;
    size_t j = slot_of(nk, nh, ncap, m->keys[i], m->hashes[i]);
    nk[j] = m->keys[i];
    nh[j] = m->hashes[i];
    nv[j] = m->vals[i];
  }
  an_free(m->keys);
  an_free(m->hashes);
  an_free(m->vals);
  m->keys = nk;
  m->hashes = nh;
  m->vals = nv;
  m->cap = ncap;
  return AN_OK;
}

static an_status put_h(an_strmap *m, const char *key, uint64_t h, size_t val) {
  if ((m->count + 1) * 4 >= m->cap * 3) {
    an_status st = rehash(m, m->cap ? m->cap * 2 : 64);
    if (st != AN_OK) return st;
  }
  size_t i = slot_of(m->keys, m->hashes, m->cap, key, h);
  if (!m->keys[i]) {
    m->keys[i] = key;
    m->hashes[i] = h;
    m->count++;
  }
  m->vals[i] = val;
  return AN_OK;
}

an_status an_strmap_put(an_strmap *m, const char *key, size_t val) { return put_h(m, key, hash_of(key), val); }

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

/* Adds the n bytes at s (hash h) as string number p->n. */
static const char *pool_add(an_strpool *p, const char *s, size_t n, uint64_t h, an_status *st) {
  char *copy = pool_room(p, n + 1);
  if (!copy || an_grow((void **)&p->all, &p->cap, p->n + 1, sizeof *p->all) != AN_OK) {
    *st = AN_ENOMEM;
    return NULL;
  }
  memcpy(copy, s, n);
  copy[n] = '\0';
  if (put_h(&p->map, copy, h, p->n) != AN_OK) {
    *st = AN_ENOMEM;
    return NULL;
  }
  p->all[p->n] = copy;
  return p->all[p->n++];
}

const char *an_strpool_intern_n(an_strpool *p, const char *s, size_t n, uint32_t *ix, an_status *st) {
  uint64_t h = an_strhash(s, n);
  size_t i = an_strmap_get_n(&p->map, s, n, h);
  if (i == NONE) {
    if (!pool_add(p, s, n, h, st)) return NULL;
    i = p->n - 1;
  }
  if (ix) *ix = (uint32_t)(i + 1);
  return p->all[i];
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
  an_free(m->a);
  an_free(m->b);
  an_free(m->vals);
  memset(m, 0, sizeof *m);
}

static size_t pair_hash(const void *a, const void *b) {
  uint64_t h = (uint64_t)(uintptr_t)a * 0x9e3779b97f4a7c15ull;
  h ^= (uint64_t)(uintptr_t)b + 0x632be59bd9b4e019ull + (h << 6) + (h >> 2);
  return (size_t)an_hash_finish(h);
}

static size_t pair_slot(const void **ka, const void **kb, size_t cap, const void *a, const void *b) {
  size_t i = pair_hash(a, b) & (cap - 1);
  while (ka[i] && (ka[i] != a || kb[i] != b)) i = (i + 1) & (cap - 1);
  return i;
}

size_t an_pairmap_get(const an_pairmap *m, const void *a, const void *b) {
  if (!m->cap || !a) return NONE;
  size_t i = pair_slot(m->a, m->b, m->cap, a, b);
  return m->a[i] ? m->vals[i] : NONE;
}

an_status an_pairmap_put(an_pairmap *m, const void *a, const void *b, size_t val) {
  if ((m->count + 1) * 4 >= m->cap * 3) { /* a non-NULL a marks a used slot */
    size_t ncap = m->cap ? m->cap * 2 : 64;
    const void **na = an_calloc(ncap, sizeof *na), **nb = an_calloc(ncap, sizeof *nb);
    size_t *nv = an_calloc(ncap, sizeof *nv);
    if (!na || !nb || !nv) {
      an_free(na);
      an_free(nb);
      an_free(nv);
      return AN_ENOMEM;
    }
    for (size_t i = 0; i < m->cap; i++) {
      if (!m->a[i]) continue;
      size_t j = pair_slot(na, nb, ncap, m->a[i], m->b[i]);
      na[j] = m->a[i], nb[j] = m->b[i], nv[j] = m->vals[i];
    }
    an_free(m->a);
    an_free(m->b);
    an_free(m->vals);
    m->a = na, m->b = nb, m->vals = nv, m->cap = ncap;
  }
  size_t i = pair_slot(m->a, m->b, m->cap, a, b);
  if (!m->a[i]) {
    m->a[i] = a, m->b[i] = b;
    m->count++;
  }
  m->vals[i] = val;
  return AN_OK;
}
