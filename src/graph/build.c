/* build.c: a graph view of a model: filters, aggregation, node set, order.
 * Everything is sorted by ids and strings, never by input order, so the
 * same events give byte-identical exports however they were sharded. */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/core.h"
#include "graph/graph_internal.h"

#define NONE ((size_t)-1)

void an_graph_opts_init(an_graph_opts *o) {
  memset(o, 0, sizeof *o);
  o->hops = 1;
}

void an_graph_free(an_graph *g) {
  if (!g) return;
  for (size_t i = 0; i < g->n_chunks; i++) an_free(g->chunks[i]);
  an_free(g->chunks);
  an_free(g->rec_edge);
  an_free(g->ev_start);
  an_free(g->rec_ckpt);
  an_free(g->evptr);
  an_free(g->evs);
  an_free(g->ev_text);
  an_free(g->edges);
  an_free(g->nodes);
  an_free(g);
}

size_t an_graph_node_count(const an_graph *g) { return g ? g->n_nodes : 0; }
size_t an_graph_edge_count(const an_graph *g) { return g ? g->n_edges : 0; }
const char *an_graph_node_id(const an_graph *g, size_t i) { return i < g->n_nodes ? g->nodes[i].id : NULL; }
const char *an_graph_node_label(const an_graph *g, size_t i) { return i < g->n_nodes ? g->nodes[i].label : NULL; }
size_t an_graph_edge_source(const an_graph *g, size_t e) { return e < g->n_edges ? g->edges[e].source : NONE; }
size_t an_graph_edge_target(const an_graph *g, size_t e) { return e < g->n_edges ? g->edges[e].target : NONE; }
const char *an_graph_edge_relation(const an_graph *g, size_t e) {
  return e < g->n_edges ? g->edges[e].relation : NULL;
}
size_t an_graph_edge_weight(const an_graph *g, size_t e) { return e < g->n_edges ? an_gedge_weight(&g->edges[e]) : 0; }

size_t an_graph_find_node(const an_graph *g, const char *id) {
  size_t lo = 0, hi = g->n_nodes; /* nodes are sorted by id */
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(g->nodes[mid].id, id);
    if (c == 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return NONE;
}

/* ---- filters ---- */

/* Is s in the comma list? (whitespace around items ignored) */
static int in_list(const char *list, const char *s) {
  if (!s) return 0;
  size_t n = strlen(s);
  const char *p = list;
  while (*p) {
    while (*p == ',' || isspace((unsigned char)*p)) p++;
    const char *q = p;
    while (*q && *q != ',') q++;
    const char *e = q;
    while (e > p && isspace((unsigned char)e[-1])) e--;
    if ((size_t)(e - p) == n && memcmp(p, s, n) == 0) return 1;
    p = q;
  }
  return 0;
}

static int valid_bound(const char *s) {
  size_t n = strlen(s);
  if (!(n == 4 || n == 7 || n == 10)) return 0;
  for (size_t i = 0; i < n; i++)
    if ((i == 4 || i == 7) ? s[i] != '-' : !isdigit((unsigned char)s[i])) return 0;
  return 1;
}

/* Dates compare as ISO strings at the bound's precision. An undated item
 * fails any date bound (nothing says it is in range). */
static int date_ok(const an_graph_opts *o, const char *d) {
  if (o->since && (!d || strncmp(d, o->since, strlen(o->since)) < 0)) return 0;
  if (o->until && (!d || strncmp(d, o->until, strlen(o->until)) > 0)) return 0;
  return 1;
}

static const an_mdoc *doc_of(const an_model *m, const char *id) {
  size_t i = id ? an_strmap_get(&m->doc_index, id) : NONE;
  return i == NONE ? NULL : &m->docs[i];
}

/* ---- aggregation ---- */

/* A set of strings by pool number (an_strpool_intern_ix: 1, 2, ...) in one
 * word: 0 empty, ix << 1 | 1 one string, else a pheap. Most edges have one
 * event: their sets cost no allocation. */
typedef uint64_t pset;

/* Up to 8 numbers in a short array, then an open-addressing table (0: empty). */
typedef struct pheap {
  uint32_t n, cap;
  uint32_t v[];
} pheap;

static pheap *heap_of(pset p) { return (pheap *)(uintptr_t)p; }

static void pset_free(pset *p) {
  if (*p && !(*p & 1)) an_free(heap_of(*p));
  *p = 0;
}

static size_t ix_slot(uint32_t ix, uint32_t cap) {
  return (size_t)(((uint64_t)ix * 0x9e3779b97f4a7c15ull) >> 32) & (cap - 1);
}

static void heap_put(uint32_t *tab, uint32_t cap, uint32_t ix) {
  size_t i = ix_slot(ix, cap);
  while (tab[i] && tab[i] != ix) i = (i + 1) & (cap - 1);
  tab[i] = ix;
}

static pheap *heap_new(uint32_t cap) {
  pheap *h = an_calloc(1, sizeof *h + (size_t)cap * sizeof h->v[0]);
  if (h) h->cap = cap;
  return h;
}

/* The table of h's numbers at cap slots (h freed). */
static pheap *heap_rehash(pheap *h, uint32_t cap) {
  pheap *t = heap_new(cap);
  if (!t) return NULL;
  if (h->cap <= 8)
    for (uint32_t i = 0; i < h->n; i++) heap_put(t->v, cap, h->v[i]);
  else
    for (uint32_t i = 0; i < h->cap; i++)
      if (h->v[i]) heap_put(t->v, cap, h->v[i]);
  t->n = h->n;
  an_free(h);
  return t;
}

static an_status pset_add(pset *p, uint32_t ix) {
  if (!ix) return AN_OK;
  if (!*p) {
    *p = (uint64_t)ix << 1 | 1;
    return AN_OK;
  }
  pheap *h;
  if (*p & 1) {
    uint32_t one = (uint32_t)(*p >> 1);
    if (one == ix) return AN_OK;
    if (!(h = heap_new(4))) return AN_ENOMEM;
    h->v[0] = one, h->v[1] = ix, h->n = 2;
    *p = (uint64_t)(uintptr_t)h;
    return AN_OK;
  }
  h = heap_of(*p);
  if (h->cap <= 8) {
    for (uint32_t i = 0; i < h->n; i++)
      if (h->v[i] == ix) return AN_OK;
    if (h->n < h->cap) {
      h->v[h->n++] = ix;
      return AN_OK;
    }
    if (h->cap < 8) {
      pheap *x = an_realloc(h, sizeof *h + 8 * sizeof h->v[0]);
      if (!x) return AN_ENOMEM;
      x->cap = 8;
      x->v[x->n++] = ix;
      *p = (uint64_t)(uintptr_t)x;
      return AN_OK;
    }
    if (!(h = heap_rehash(h, 32))) return AN_ENOMEM; /* 8 full: a table */
    *p = (uint64_t)(uintptr_t)h;
  }
  size_t i = ix_slot(ix, h->cap);
  while (h->v[i] && h->v[i] != ix) i = (i + 1) & (h->cap - 1);
  if (h->v[i]) return AN_OK;
  if ((h->n + 1) * 2 > h->cap) {
    if (!(h = heap_rehash(h, h->cap * 2))) return AN_ENOMEM;
    *p = (uint64_t)(uintptr_t)h;
  }
  heap_put(h->v, h->cap, ix);
  h->n++;
  return AN_OK;
}

static uint32_t pset_count(pset p) { return !p ? 0 : (p & 1) ? 1 : heap_of(p)->n; }

/* Calls fn on each number of the set. */
#define PSET_EACH(p, x, body)                                                \
  do {                                                                       \
    if ((p) & 1) {                                                           \
      uint32_t x = (uint32_t)((p) >> 1);                                     \
      body;                                                                  \
    } else if (p) {                                                          \
      const pheap *h_ = heap_of(p);                                          \
      uint32_t lim_ = h_->cap <= 8 ? h_->n : h_->cap;                        \
      for (uint32_t k_ = 0; k_ < lim_; k_++) {                               \
        uint32_t x = h_->v[k_];                                              \
        if (x) body;                                                         \
      }                                                                      \
    }                                                                        \
  } while (0)

/* The set's strings into v (room for pset_count), sorted; their count. */
static size_t pset_list(const an_strpool *pool, pset p, const char **v) {
  size_t n = 0;
  PSET_EACH(p, x, v[n++] = an_strpool_at(pool, x));
  return n > 1 ? an_strset_sort(v, n) : n;
}

/* Room for n strings in the graph's list storage. */
static const char **list_room(an_graph *g, size_t n) {
  if (!n) return NULL;
  if (!g->n_chunks || g->chunk_used + n > g->chunk_cap) {
    size_t cap = n > ((size_t)1 << 16) ? n : ((size_t)1 << 16);
    if (an_grow((void **)&g->chunks, &g->cap_chunks, g->n_chunks + 1, sizeof *g->chunks) != AN_OK) return NULL;
    const char **c = an_malloc(cap * sizeof *c);
    if (!c) return NULL;
    g->chunks[g->n_chunks++] = c;
    g->chunk_used = 0, g->chunk_cap = cap;
  }
  const char **v = g->chunks[g->n_chunks - 1] + g->chunk_used;
  g->chunk_used += n;
  return v;
}

/* An aggregate's sets. Affiliations have no attribution: their roles use its set. */
enum { S_DATES, S_OUTLETS, S_DOCS, S_ATTRIB, S_CAMEO, S_PLOVER, S_N };
#define S_ROLES S_ATTRIB

/* One edge being aggregated: 64 bytes, and its key is in the table's slot
 * too, so a new edge (most of them) costs one cache miss. */
typedef struct acc {
  uint32_t s, t;     /* actor indices */
  uint32_t key;      /* relation id << 2 | symmetric << 1 | affiliation */
  uint32_t n_events;
  pset set[S_N];
} acc;

static void acc_free(acc *a) {
  for (int k = 0; k < S_N; k++) pset_free(&a->set[k]);
}

int an_mevent_cmp(const an_mevent *a, const an_mevent *b) {
  if (a == b) return 0;
  if (!a->date != !b->date) return a->date ? -1 : 1; /* dated first */
  int c = a->date ? strcmp(a->date, b->date) : 0;
  if (!c) c = strcmp(a->doc ? a->doc : "", b->doc ? b->doc : "");
  if (!c) c = (a->off_start > b->off_start) - (a->off_start < b->off_start);
  if (!c) c = strcmp(a->id, b->id);
  return c;
}

typedef struct builder {
  const an_model *m;
  an_graph *g;
  acc *accs;
  size_t n_accs, cap_accs;
  uint64_t *tab; /* (hash & 0xffffffff) << 32 | (acc + 1); 0 = empty */
  size_t tab_cap;
  an_pairmap rel_index; /* relation string -> id */
  const char **rels;
  size_t n_rels, cap_rels;
  size_t n_evs;         /* multigraph: acc k < n_evs is event k's edge */
  uint32_t *rec_acc;    /* event lists: each spill record's acc (UINT32_MAX: none) */
  size_t n_recs, cap_recs;
  uint32_t last_doc, last_outlet; /* outlet of a document, cached */
} builder;

/* The pool number of a model string (all are interned), 0 for NULL. */
static uint32_t pool_ix(const an_model *m, const char *s) {
  size_t i = s ? an_strmap_get(&m->pool.map, s) : NONE;
  return i == NONE ? 0 : (uint32_t)(i + 1);
}

/* A relation's id (interned strings: one pointer each; the literal
 * "affiliation" gets its own), UINT32_MAX on ENOMEM. */
static uint32_t rel_id(builder *B, const char *rel) {
  size_t i = an_pairmap_get(&B->rel_index, rel, NULL);
  if (i != NONE) return (uint32_t)i;
  if (B->n_rels >= (UINT32_MAX >> 2) ||
      an_grow((void **)&B->rels, &B->cap_rels, B->n_rels + 1, sizeof *B->rels) != AN_OK ||
      an_pairmap_put(&B->rel_index, rel, NULL, B->n_rels) != AN_OK)
    return UINT32_MAX;
  B->rels[B->n_rels] = rel;
  return (uint32_t)B->n_rels++;
}

static uint32_t key_tag(uint32_t s, uint32_t t, uint32_t key) {
  uint64_t h = ((uint64_t)s << 32 | t) * 0x9e3779b97f4a7c15ull;
  h ^= (uint64_t)key * 0xbf58476d1ce4e5b9ull;
  return (uint32_t)an_hash_finish(h);
}

/* The aggregate edge of this key (tag: its key_tag), created if new
 * (always new when fresh: the multigraph's). NULL on ENOMEM. */
static acc *edge_of_tag(builder *B, uint32_t s, uint32_t t, uint32_t key, uint32_t tag, int fresh) {
  uint64_t *slot = NULL;
  if (!fresh) {
    if ((B->n_accs + 1) * 4 > B->tab_cap * 3) { /* the slots hold the hash: the aggregates are not read */
      size_t ncap = B->tab_cap ? B->tab_cap * 2 : 1024;
      if (ncap > ((size_t)1 << 32)) return NULL;
      uint64_t *nt = an_calloc(ncap, sizeof *nt);
      if (!nt) return NULL;
      for (size_t i = 0; i < B->tab_cap; i++) {
        if (!B->tab[i]) continue;
        size_t j = (size_t)(B->tab[i] >> 32) & (ncap - 1);
        while (nt[j]) j = (j + 1) & (ncap - 1);
        nt[j] = B->tab[i];
      }
      an_free(B->tab);
      B->tab = nt, B->tab_cap = ncap;
    }
    size_t i = tag & (B->tab_cap - 1);
    for (; B->tab[i]; i = (i + 1) & (B->tab_cap - 1)) {
      if ((uint32_t)(B->tab[i] >> 32) != tag) continue;
      acc *a = &B->accs[(uint32_t)B->tab[i] - 1];
      if (a->s == s && a->t == t && a->key == key) return a;
    }
    slot = &B->tab[i];
  }
  if (B->n_accs >= UINT32_MAX - 1 ||
      an_grow((void **)&B->accs, &B->cap_accs, B->n_accs + 1, sizeof *B->accs) != AN_OK)
    return NULL;
  if (slot) *slot = (uint64_t)tag << 32 | (uint32_t)(B->n_accs + 1);
  acc *a = &B->accs[B->n_accs++];
  memset(a, 0, sizeof *a);
  a->s = s, a->t = t, a->key = key;
  return a;
}

static acc *edge_of(builder *B, uint32_t s, uint32_t t, uint32_t key, int fresh) {
  return edge_of_tag(B, s, t, key, fresh ? 0 : key_tag(s, t, key), fresh);
}

/* Fetches the table slot of tag, and the aggregate it names if in the
 * table already: the edges of successive events are far apart. */
static void prefetch_edge(const builder *B, uint32_t tag, int deep) {
  if (!B->tab_cap) return;
  size_t i = tag & (B->tab_cap - 1);
  if (!deep) {
    __builtin_prefetch(&B->tab[i]);
    return;
  }
  for (; B->tab[i]; i = (i + 1) & (B->tab_cap - 1))
    if ((uint32_t)(B->tab[i] >> 32) == tag) {
      __builtin_prefetch(&B->accs[(uint32_t)B->tab[i] - 1]);
      return;
    }
}

static uint32_t doc_outlet(builder *B, uint32_t doc) {
  if (doc != B->last_doc) {
    const an_mdoc *d = doc_of(B->m, an_strpool_at(&B->m->pool, doc));
    B->last_doc = doc;
    B->last_outlet = d ? pool_ix(B->m, d->outlet) : 0;
  }
  return B->last_outlet;
}

static an_status add_event_to(builder *B, acc *a, const an_evrec *h) {
  const uint32_t *str = h->str;
  a->n_events++;
  an_status st = pset_add(&a->set[S_DATES], str[AN_EV_DATE]);
  if (st == AN_OK) st = pset_add(&a->set[S_OUTLETS], str[AN_EV_OUTLET] ? str[AN_EV_OUTLET] : doc_outlet(B, str[AN_EV_DOC]));
  if (st == AN_OK) st = pset_add(&a->set[S_DOCS], str[AN_EV_DOC]);
  if (st == AN_OK) st = pset_add(&a->set[S_ATTRIB], str[AN_EV_ATTRIB]);
  if (st == AN_OK) st = pset_add(&a->set[S_CAMEO], str[AN_EV_CAMEO]);
  if (st == AN_OK) st = pset_add(&a->set[S_PLOVER], str[AN_EV_PLOVER]);
  return st;
}

/* Does the event (record header h) pass the filters? *s, *t: its actors, oriented. */
static int event_passes(const an_model *m, const an_graph_opts *opts, const an_evrec *h, size_t *s, size_t *t) {
  const an_strpool *p = &m->pool;
  if (opts->types && !in_list(opts->types, an_strpool_at(p, h->str[AN_EV_TYPE]))) return 0;
  if (opts->docs && !in_list(opts->docs, an_strpool_at(p, h->str[AN_EV_DOC]))) return 0;
  if ((opts->since || opts->until) && !date_ok(opts, an_strpool_at(p, h->str[AN_EV_DATE]))) return 0;
  *s = an_model_actor_of(m, h->src_obs), *t = an_model_actor_of(m, h->tgt_obs);
  /* An actor acting on itself is an artefact (two sightings the registry
   * joined), not an interaction. */
  if (*s == NONE || *t == NONE || *s == *t) return 0;
  if (!(h->flags & AN_EVREC_DIRECTED) && *t < *s) { /* symmetric: one orientation, by id order */
    size_t x = *s;
    *s = *t, *t = x;
  }
  return 1;
}

/* The next live event of the spill that the filters keep (its ordinal in
 * the spill: it->count - 1), its header in *h, its endpoints' actor
 * indexes in *s and *t; *rec is NULL at the end. */
static an_status next_kept_event(const an_model *m, const an_graph_opts *opts, an_spill_iter *it,
                                 const unsigned char **rec, an_evrec *h, size_t *s, size_t *t) {
  for (;;) {
    an_status st = an_spill_next(it, rec);
    if (st != AN_OK || !*rec) return st;
    memcpy(h, *rec, sizeof *h);
    if (h->flags & AN_EVREC_DEAD) continue;
    if (event_passes(m, opts, h, s, t)) return AN_OK;
  }
}

/* The edge key of an event. */
static an_status event_key(builder *B, const an_evrec *h, uint32_t *key) {
  uint32_t r = rel_id(B, an_strpool_at(&B->m->pool, h->str[AN_EV_TYPE]));
  if (r == UINT32_MAX) return AN_ENOMEM;
  *key = r << 2 | (h->flags & AN_EVREC_DIRECTED ? 0u : 2u);
  return AN_OK;
}

/* An event read ahead of its aggregation. */
typedef struct pend {
  an_evrec h;
  size_t rec; /* ordinal in the spill */
  uint32_t s, t, key, tag;
} pend;

#define AHEAD 8 /* events read ahead: their table slots fetched meanwhile */

/* Aggregated view: one pass over the spill, events into their edges. The
 * next few events wait in a ring while their table slots (and then their
 * aggregates) are fetched; events are still added in spill order. */
static an_status aggregate_events(builder *B, const an_graph_opts *opts) {
  const an_model *m = B->m;
  const int lists = !(opts->flags & AN_GRAPH_NO_EVENT_LISTS);
  an_spill_iter it;
  an_spill_iter_init(&it, (an_spill *)&m->spill); /* reading flushes the file's buffer */
  it.keep_ckpt = lists;
  an_status st = AN_OK;
  pend ring[AHEAD];
  size_t head = 0, n = 0;
  int eof = 0;
  for (;;) {
    while (!eof && n < AHEAD) {
      pend *p = &ring[(head + n) % AHEAD];
      const unsigned char *rec;
      size_t s, t;
      if ((st = next_kept_event(m, opts, &it, &rec, &p->h, &s, &t)) != AN_OK) goto out;
      if (!rec) {
        eof = 1;
        break;
      }
      p->rec = it.count - 1;
      if ((st = event_key(B, &p->h, &p->key)) != AN_OK) goto out;
      p->s = (uint32_t)s, p->t = (uint32_t)t;
      p->tag = key_tag(p->s, p->t, p->key);
      prefetch_edge(B, p->tag, 0);
      n++;
    }
    if (!n) break;
    if (n > AHEAD / 2) prefetch_edge(B, ring[(head + AHEAD / 2) % AHEAD].tag, 1);
    const pend *p = &ring[head];
    head = (head + 1) % AHEAD, n--;
    acc *a = edge_of_tag(B, p->s, p->t, p->key, p->tag, 0);
    if (!a) {
      st = AN_ENOMEM;
      break;
    }
    if ((st = add_event_to(B, a, &p->h)) != AN_OK) break;
    if (lists) { /* records skipped since the last kept one are in no edge */
      if ((st = an_grow((void **)&B->rec_acc, &B->cap_recs, p->rec + 1, sizeof *B->rec_acc)) != AN_OK) break;
      while (B->n_recs < p->rec) B->rec_acc[B->n_recs++] = UINT32_MAX;
      B->rec_acc[B->n_recs++] = (uint32_t)(a - B->accs);
    }
  }
out:
  B->g->rec_ckpt = it.ckpt, B->g->n_ckpt = it.n_ckpt; /* (a partial list on ENOMEM: fewer places to start) */
  it.ckpt = NULL;
  an_spill_iter_free(&it);
  return st;
}

/* Event multigraph: every kept event decoded and copied into the graph
 * (what the user asked for: memory grows with the events), each its own edge. */
static an_status collect_events(builder *B, const an_graph_opts *opts) {
  const an_model *m = B->m;
  an_graph *g = B->g;
  size_t n = 0, cap = 0;
  an_buf text;
  an_buf_init(&text);
  size_t *ofs = NULL, cap_ofs = 0; /* id, sentence offsets into text (pointers fixed at the end) */
  an_spill_iter it;
  an_spill_iter_init(&it, (an_spill *)&m->spill);
  an_status st = AN_OK;
  for (;;) {
    const unsigned char *rec;
    an_evrec h;
    an_mevent ev;
    size_t s, t;
    uint32_t key;
    if ((st = next_kept_event(m, opts, &it, &rec, &h, &s, &t)) != AN_OK || !rec) break;
    an_mevent_decode(m, rec, &ev);
    if ((st = an_grow((void **)&g->evs, &cap, n + 1, sizeof *g->evs)) != AN_OK ||
        (st = an_grow((void **)&ofs, &cap_ofs, 2 * n + 2, sizeof *ofs)) != AN_OK)
      break;
    ofs[2 * n] = text.len;
    if ((st = an_buf_append(&text, ev.id, strlen(ev.id) + 1)) != AN_OK) break;
    ofs[2 * n + 1] = ev.sentence ? text.len : NONE;
    if (ev.sentence && (st = an_buf_append(&text, ev.sentence, h.sent_len + 1)) != AN_OK) break;
    g->evs[n++] = ev;
    if ((st = event_key(B, &h, &key)) != AN_OK) break;
    acc *a = edge_of(B, (uint32_t)s, (uint32_t)t, key, 1);
    if (!a) st = AN_ENOMEM;
    else st = add_event_to(B, a, &h);
    if (st != AN_OK) break;
  }
  an_spill_iter_free(&it);
  B->n_evs = n;
  if (st == AN_OK) {
    g->ev_text = an_buf_steal(&text, NULL);
    for (size_t k = 0; k < n; k++) {
      g->evs[k].id = g->ev_text + ofs[2 * k];
      g->evs[k].sentence = ofs[2 * k + 1] == NONE ? NULL : g->ev_text + ofs[2 * k + 1];
    }
  }
  an_buf_free(&text);
  an_free(ofs);
  return st;
}

static an_status aggregate_affiliations(builder *B, const an_graph_opts *opts) {
  const an_model *m = B->m;
  int want = !(opts->flags & AN_GRAPH_NO_AFFILIATIONS) && (!opts->types || in_list(opts->types, "affiliation"));
  uint32_t rel = want ? rel_id(B, "affiliation") : 0;
  if (rel == UINT32_MAX) return AN_ENOMEM;
  const char *last = NULL; /* the document's numbers, cached: a document's affiliations come together */
  const an_mdoc *d = NULL;
  uint32_t doc = 0, date = 0, outlet = 0;
  for (size_t i = 0; want && i < m->n_affs; i++) {
    const an_maff *af = &m->affs[i];
    if (opts->docs && !in_list(opts->docs, af->doc)) continue;
    if (af->doc != last || !last) {
      last = af->doc;
      d = doc_of(m, af->doc);
      doc = pool_ix(m, af->doc), date = pool_ix(m, d ? d->date : NULL), outlet = pool_ix(m, d ? d->outlet : NULL);
    }
    if ((opts->since || opts->until) && !date_ok(opts, d ? d->date : NULL)) continue;
    size_t s = an_model_actor_of(m, af->person_obs), t = an_model_actor_of(m, af->org_obs);
    if (s == NONE || t == NONE || s == t) continue;
    acc *a = edge_of(B, (uint32_t)s, (uint32_t)t, rel << 2 | 1u, 0);
    if (!a) return AN_ENOMEM;
    an_status st = pset_add(&a->set[S_DOCS], doc);
    if (st == AN_OK) st = pset_add(&a->set[S_DATES], date);
    if (st == AN_OK) st = pset_add(&a->set[S_OUTLETS], outlet);
    if (st == AN_OK) st = pset_add(&a->set[S_ROLES], pool_ix(m, af->role));
    if (st != AN_OK) return st;
  }
  return AN_OK;
}

/* CAMEO quad class of a root code: 01-05 verbal cooperation (1), 06-08
 * material cooperation (2), 09-13 verbal conflict (3), 14-20 material
 * conflict (4). */
static uint8_t quadclass_of(const char *cameo) {
  if (!cameo || !isdigit((unsigned char)cameo[0]) || !isdigit((unsigned char)cameo[1])) return 0;
  int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 8) return 2;
  if (root >= 9 && root <= 13) return 3;
  if (root >= 14 && root <= 20) return 4;
  return 0;
}

/* The edge of aggregate a (its sets freed); marks its documents in docs. */
static an_status fill_edge(an_graph *g, an_gedge *e, acc *a, uint64_t *docs) {
  const an_strpool *pool = &g->model->pool;
  const int aff = a->key & 1;
  pset sets[AN_EL_N] = {a->set[S_DATES], a->set[S_OUTLETS], a->set[S_DOCS], aff ? 0 : a->set[S_ATTRIB],
                        a->set[S_CAMEO], a->set[S_PLOVER],  aff ? a->set[S_ROLES] : 0};
  size_t total = 0;
  for (int k = 0; k < AN_EL_N; k++) total += pset_count(sets[k]);
  const char **v = list_room(g, total);
  if (total && !v) return AN_ENOMEM;
  e->lists = v;
  for (int k = 0; k < AN_EL_N; k++) {
    size_t n = pset_list(pool, sets[k], v);
    e->n[k] = (uint32_t)n;
    v += n;
  }
  PSET_EACH(a->set[S_DOCS], x, docs[x >> 6] |= 1ull << (x & 63));
  e->symmetric = (a->key >> 1) & 1;
  e->affiliation = (uint8_t)aff;
  e->n_events = a->n_events;
  e->quadclass = e->n[AN_EL_CAMEO] ? quadclass_of(an_gedge_list(e, AN_EL_CAMEO).v[0]) : 0;
  acc_free(a);
  return AN_OK;
}

/* A range of edges filled by one thread: its own list storage (the
 * chunk fields of a graph of its own), document bitmap and totals. */
typedef struct fill_part {
  an_graph *g;
  builder *B;
  const uint32_t *order;
  const size_t *node_of;
  size_t begin, end, doc_words;
  an_graph store;
  uint64_t *docs;
  double max_weight;
  size_t n_events;
  an_status st;
} fill_part;

static void *fill_range(void *arg) {
  fill_part *P = arg;
  an_graph *g = P->g;
  builder *B = P->B;
  const an_model *m = g->model;
  const uint32_t *order = P->order;
  for (size_t k = P->begin; P->st == AN_OK && k < P->end; k++) {
    /* the aggregates are read in key order, not in memory order: fetch
     * ahead, and the pool entries of their strings a little less ahead */
    if (k + 16 < P->end) __builtin_prefetch(&B->accs[order[k + 16]]);
    if (k + 8 < P->end) {
      const acc *x = &B->accs[order[k + 8]];
      for (int q = 0; q < S_N; q++)
        if (x->set[q] & 1) __builtin_prefetch(&m->pool.all[(x->set[q] >> 1) - 1]);
    }
    acc *a = &B->accs[order[k]];
    an_gedge *e = &g->edges[k];
    e->source = (uint32_t)P->node_of[a->s];
    e->target = (uint32_t)P->node_of[a->t];
    e->relation = B->rels[a->key >> 2];
    if ((P->st = fill_edge(&P->store, e, a, P->docs)) != AN_OK) break;
    if (g->evptr && order[k] < B->n_evs) g->evptr[k] = &g->evs[order[k]];
    size_t w = an_gedge_weight(e);
    if ((double)w > P->max_weight) P->max_weight = (double)w;
    P->n_events += e->n_events;
  }
  return NULL;
}

/* The edges from the aggregates in edge order, on up to jobs threads
 * (each a range of edges); the graph is the same for any jobs. Marks the
 * documents of the view in docs. */
static an_status fill_edges(an_graph *g, builder *B, const uint32_t *order, const size_t *node_of, size_t ne,
                            size_t jobs, uint64_t *docs) {
  const size_t doc_words = g->model->pool.n / 64 + 2;
  if (jobs < 1 || ne < ((size_t)1 << 12)) jobs = 1; /* threads pay off on large graphs only */
  if (jobs > 64) jobs = 64;
  fill_part parts[64];
  pthread_t threads[64];
  size_t started = 0;
  an_status st = AN_OK;
  memset(parts, 0, jobs * sizeof *parts);
  for (size_t j = 0; j < jobs; j++) {
    fill_part *P = &parts[j];
    P->g = g, P->B = B, P->order = order, P->node_of = node_of, P->doc_words = doc_words;
    P->begin = ne * j / jobs, P->end = ne * (j + 1) / jobs;
    P->store.model = g->model;
    P->docs = j ? an_calloc(doc_words, sizeof *P->docs) : docs;
    if (!P->docs) st = AN_ENOMEM;
  }
  for (size_t j = 1; st == AN_OK && j < jobs; j++) {
    if (pthread_create(&threads[j], NULL, fill_range, &parts[j]) != 0) break;
    started = j;
  }
  if (st == AN_OK) {
    fill_range(&parts[0]);
    for (size_t j = started + 1; j < jobs; j++) fill_range(&parts[j]); /* threads that did not start */
  }
  for (size_t j = 1; j <= started; j++) pthread_join(threads[j], NULL);
  for (size_t j = 0; j < jobs; j++) {
    fill_part *P = &parts[j];
    if (st == AN_OK) st = P->st;
    if (P->max_weight > g->max_weight) g->max_weight = P->max_weight;
    g->n_events += P->n_events;
    if (j && P->docs)
      for (size_t w = 0; w < doc_words; w++) docs[w] |= P->docs[w];
    if (j) an_free(P->docs);
    /* the part's lists become the graph's */
    for (size_t c = 0; c < P->store.n_chunks; c++) {
      if (an_grow((void **)&g->chunks, &g->cap_chunks, g->n_chunks + 1, sizeof *g->chunks) != AN_OK) {
        an_free(P->store.chunks[c]); /* the edges that point there are not kept */
        st = AN_ENOMEM;
        continue;
      }
      g->chunks[g->n_chunks++] = P->store.chunks[c];
    }
    an_free(P->store.chunks);
  }
  return st;
}

/* Finds the focus actor: by id, then label, then alias (case-insensitive). */
static size_t find_focus(const an_model *m, const char *name) {
  size_t i = an_strmap_get(&m->actor_index, name);
  if (i != NONE) return i;
  for (size_t a = 0; a < m->n_actors; a++)
    if (strcasecmp(m->actors[a].label, name) == 0 || strcasecmp(m->actors[a].id, name) == 0) return a;
  for (size_t a = 0; a < m->n_actors; a++)
    for (size_t k = 0; k < m->actors[a].n_aliases; k++)
      if (strcasecmp(m->actors[a].aliases[k], name) == 0) return a;
  return NONE;
}

/* An edge's sort key: source, target, then relation (its rank in strcmp
 * order), symmetric, affiliation, then an id that names the aggregate: its
 * index, or in the multigraph, for an event's, the event's rank in event
 * order (the order of an event's edges among parallel ones). Unique:
 * sorting needs no tie-break. */
typedef struct skey {
  uint64_t st;  /* source << 32 | target */
  uint64_t rel; /* (rank << 2 | symmetric << 1 | affiliation) << 32 | id */
} skey;

static int cmp_skey(const void *x, const void *y) {
  const skey *a = x, *b = y;
  if (a->st != b->st) return a->st < b->st ? -1 : 1;
  if (a->rel != b->rel) return a->rel < b->rel ? -1 : 1;
  return 0;
}

static int cmp_strp(const void *x, const void *y) { return strcmp(*(const char *const *)x, *(const char *const *)y); }

static int cmp_evp(const void *x, const void *y) {
  return an_mevent_cmp(*(const an_mevent *const *)x, *(const an_mevent *const *)y);
}

/* Ranks of the relations (ids) in strcmp order; equal strings (the
 * literal "affiliation" and an event type of that name) share one. */
static an_status rank_relations(builder *B, uint32_t **out) {
  size_t n = B->n_rels;
  const char **sorted = an_malloc((n + 1) * sizeof *sorted);
  uint32_t *rank = an_malloc((n + 1) * sizeof *rank);
  if (!sorted || !rank) {
    an_free(sorted), an_free(rank);
    return AN_ENOMEM;
  }
  memcpy(sorted, B->rels, n * sizeof *sorted);
  if (n > 1) qsort(sorted, n, sizeof *sorted, cmp_strp);
  for (size_t r = 0; r < n; r++) {
    size_t lo = 0, hi = n; /* the first of the equal strings */
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (strcmp(sorted[mid], B->rels[r]) < 0) lo = mid + 1;
      else hi = mid;
    }
    rank[r] = (uint32_t)lo;
  }
  an_free(sorted);
  *out = rank;
  return AN_OK;
}

/* Multigraph: each event's rank in event order, and the event of each rank. */
static an_status rank_events(const an_graph *g, size_t n, uint32_t **rank_out, uint32_t **event_out) {
  const an_mevent **p = an_malloc((n + 1) * sizeof *p);
  uint32_t *rank = an_malloc((n + 1) * sizeof *rank), *event = an_malloc((n + 1) * sizeof *event);
  if (!p || !rank || !event) {
    an_free(p), an_free(rank), an_free(event);
    return AN_ENOMEM;
  }
  for (size_t k = 0; k < n; k++) p[k] = &g->evs[k];
  if (n > 1) qsort(p, n, sizeof *p, cmp_evp);
  for (size_t k = 0; k < n; k++) rank[p[k] - g->evs] = (uint32_t)k, event[k] = (uint32_t)(p[k] - g->evs);
  an_free(p);
  *rank_out = rank, *event_out = event;
  return AN_OK;
}

/* Sorts the keys: by source first with a counting pass (sources are actor
 * indices), then each source's few edges by comparison. */
static an_status sort_keys(skey *keys, size_t ne, size_t n_actors) {
  size_t *start = an_calloc(n_actors + 2, sizeof *start);
  skey *tmp = an_malloc((ne ? ne : 1) * sizeof *tmp);
  if (!start || !tmp) {
    an_free(start);
    an_free(tmp);
    return AN_ENOMEM;
  }
  for (size_t k = 0; k < ne; k++) start[(keys[k].st >> 32) + 1]++;
  for (size_t a = 0; a < n_actors; a++) start[a + 1] += start[a];
  for (size_t k = 0; k < ne; k++) tmp[start[keys[k].st >> 32]++] = keys[k];
  memcpy(keys, tmp, ne * sizeof *keys);
  an_free(tmp);
  an_free(start);
  for (size_t k = 0; k < ne;) {
    size_t e = k + 1;
    while (e < ne && (keys[e].st >> 32) == (keys[k].st >> 32)) e++;
    if (e - k > 1) qsort(keys + k, e - k, sizeof *keys, cmp_skey);
    k = e;
  }
  return AN_OK;
}

static void builder_free(builder *B) {
  for (size_t i = 0; i < B->n_accs; i++) acc_free(&B->accs[i]);
  an_free(B->accs);
  an_free(B->tab);
  an_pairmap_free(&B->rel_index);
  an_free(B->rels);
  an_free(B->rec_acc);
  memset(B, 0, sizeof *B);
}

an_status an_graph_build(const an_model *m, const an_graph_opts *opts, an_graph **out, an_error *err) {
  *out = NULL;
  an_graph_opts defaults;
  if (!opts) an_graph_opts_init(&defaults), opts = &defaults;
  if (!m) return an_error_set(err, AN_EINVAL, NULL, 0, -1, "no model");
  if (!m->joined) return an_error_set(err, AN_EINVAL, NULL, 0, -1, "model not finished (an_model_finish)");
  if ((opts->since && !valid_bound(opts->since)) || (opts->until && !valid_bound(opts->until)))
    return an_error_set(err, AN_EINVAL, NULL, 0, -1, "dates must be YYYY, YYYY-MM or YYYY-MM-DD");
  size_t focus = NONE;
  if (opts->focus) {
    focus = find_focus(m, opts->focus);
    if (focus == NONE) return an_error_set(err, AN_ENOTFOUND, NULL, 0, -1, "no actor named \"%s\"", opts->focus);
  }
  const int events_mode = (opts->flags & AN_GRAPH_EVENTS) != 0;
  an_status st = AN_OK;
  builder B;
  memset(&B, 0, sizeof B);
  an_pairmap_init(&B.rel_index);
  B.m = m;
  an_graph *g = an_calloc(1, sizeof *g);
  skey *keys = NULL;
  uint32_t *rel_rank = NULL, *ev_rank = NULL, *ev_of_rank = NULL, *edge_ix = NULL, *order = NULL;
  size_t *node_of = an_calloc(m->n_actors + 1, sizeof *node_of);
  unsigned char *reach = an_calloc(m->n_actors + 1, 1), *keep = NULL;
  uint64_t *docs = NULL;
  if (!g || !node_of || !reach) {
    st = AN_ENOMEM;
    goto done;
  }
  B.g = g;
  g->model = m;
  g->events_mode = events_mode;

  /* 1. Events (streamed from the spill) and affiliations that pass the filters, into edges. */
  st = events_mode ? collect_events(&B, opts) : aggregate_events(&B, opts);
  if (st == AN_OK) st = aggregate_affiliations(&B, opts);
  if (st != AN_OK) goto done;
  an_free(B.tab); /* no more lookups */
  B.tab = NULL, B.tab_cap = 0;
  if (!(keep = an_malloc(B.n_accs + 1))) {
    st = AN_ENOMEM;
    goto done;
  }
  memset(keep, 1, B.n_accs + 1);

  /* 2. Weight filter (on the aggregate: events, or documents for affiliations). */
  for (size_t r = 0; opts->min_weight > 0 && r < B.n_accs; r++) {
    const acc *a = &B.accs[r];
    size_t w = (a->key & 1) ? pset_count(a->set[S_DOCS]) : a->n_events;
    if ((double)w < opts->min_weight) keep[r] = 0;
  }
  /* 3. Ego network: breadth-first over kept edges, either direction. */
  if (focus != NONE) {
    reach[focus] = 1;
    int hops = opts->hops < 0 ? 0 : opts->hops;
    for (int h = 0; h < hops; h++) {
      int grew = 0;
      for (size_t r = 0; r < B.n_accs; r++) {
        const acc *a = &B.accs[r];
        if (!keep[r]) continue;
        if (reach[a->s] == 1 && !reach[a->t]) reach[a->t] = 2, grew = 1;
        if (reach[a->t] == 1 && !reach[a->s]) reach[a->s] = 2, grew = 1;
      }
      for (size_t a = 0; a < m->n_actors; a++)
        if (reach[a] == 2) reach[a] = 1;
      if (!grew) break;
    }
    for (size_t r = 0; r < B.n_accs; r++) {
      const acc *a = &B.accs[r];
      if (!reach[a->s] || !reach[a->t]) keep[r] = 0;
    }
  }
  /* 4. Nodes: endpoints of kept edges (and the focus), in id order. */
  for (size_t a = 0; a < m->n_actors; a++) node_of[a] = NONE;
  memset(reach, 0, m->n_actors + 1);
  if (focus != NONE) reach[focus] = 1;
  size_t ne = 0;
  for (size_t r = 0; r < B.n_accs; r++) {
    const acc *a = &B.accs[r];
    if (!keep[r]) continue;
    reach[a->s] = reach[a->t] = 1;
    ne++;
  }
  size_t nn = 0;
  for (size_t a = 0; a < m->n_actors; a++) nn += reach[a];
  g->nodes = an_calloc(nn + 1, sizeof *g->nodes);
  if (!g->nodes) {
    st = AN_ENOMEM;
    goto done;
  }
  for (size_t a = 0; a < m->n_actors; a++) { /* actors are sorted by id */
    if (!reach[a]) continue;
    an_gnode *n = &g->nodes[g->n_nodes];
    const an_mactor *ac = &m->actors[a];
    n->actor = ac;
    n->id = ac->id;
    n->label = ac->label;
    n->kind = ac->kind;
    n->country = ac->country;
    node_of[a] = g->n_nodes++;
  }
  /* 5. Edges, in (source id, target id, relation) order: actors are in id order. */
  keys = an_malloc((ne + 1) * sizeof *keys);
  if (!keys || (st = rank_relations(&B, &rel_rank)) != AN_OK ||
      (events_mode && (st = rank_events(g, B.n_evs, &ev_rank, &ev_of_rank)) != AN_OK)) {
    if (st == AN_OK) st = AN_ENOMEM;
    goto done;
  }
  for (size_t r = 0, k = 0; r < B.n_accs; r++) {
    const acc *a = &B.accs[r];
    if (!keep[r]) continue;
    keys[k].st = (uint64_t)a->s << 32 | a->t;
    keys[k++].rel = (uint64_t)(rel_rank[a->key >> 2] << 2 | (a->key & 3)) << 32 | (ev_rank && r < B.n_evs ? ev_rank[r] : r);
  }
  an_free(keep), an_free(rel_rank), an_free(ev_rank);
  keep = NULL, rel_rank = ev_rank = NULL;
  if ((st = sort_keys(keys, ne, m->n_actors)) != AN_OK) goto done;
  if (!(order = an_malloc((ne + 1) * sizeof *order))) { /* the aggregates in edge order */
    st = AN_ENOMEM;
    goto done;
  }
  for (size_t k = 0; k < ne; k++) {
    uint32_t id = (uint32_t)keys[k].rel;
    order[k] = ev_of_rank && id < B.n_evs ? ev_of_rank[id] : id;
  }
  an_free(keys), an_free(ev_of_rank);
  keys = NULL, ev_of_rank = NULL;
  /* 6. Each spill record's edge, and where each edge's events start, for
   * the exporters that list them (an_evbatch). */
  if (B.n_recs) {
    if (!(edge_ix = an_malloc((B.n_accs + 1) * sizeof *edge_ix)) ||
        !(g->ev_start = an_calloc(ne + 2, sizeof *g->ev_start))) {
      st = AN_ENOMEM;
      goto done;
    }
    memset(edge_ix, 0xff, (B.n_accs + 1) * sizeof *edge_ix);
    for (size_t k = 0; k < ne; k++) edge_ix[order[k]] = (uint32_t)k;
    for (size_t r = 0; r < B.n_recs; r++) { /* in place: acc -> edge */
      uint32_t a = B.rec_acc[r], k = a == UINT32_MAX ? UINT32_MAX : edge_ix[a];
      B.rec_acc[r] = k;
      if (k != UINT32_MAX) g->ev_start[k + 1]++;
    }
    for (size_t k = 0; k < ne; k++) g->ev_start[k + 1] += g->ev_start[k];
    g->rec_edge = B.rec_acc, g->n_recs = B.n_recs;
    B.rec_acc = NULL, B.n_recs = 0;
    an_free(edge_ix);
    edge_ix = NULL;
  }
  /* 7. The edges, in key order. */
  g->edges = an_malloc((ne + 1) * sizeof *g->edges);
  docs = an_calloc(m->pool.n / 64 + 2, sizeof *docs); /* documents of the view, by pool number */
  if (!g->edges || !docs || (events_mode && ne && !(g->evptr = an_calloc(ne, sizeof *g->evptr)))) {
    st = AN_ENOMEM;
    goto done;
  }
  if ((st = fill_edges(g, &B, order, node_of, ne, opts->jobs, docs)) != AN_OK) goto done;
  g->n_edges = ne;
  for (size_t k = 0; k < ne; k++) { /* the nodes' dates */
    const an_gedge *e = &g->edges[k];
    const char *first = an_gedge_first_date(e), *last = an_gedge_last_date(e);
    for (int side = 0; first && side < 2; side++) {
      an_gnode *n = &g->nodes[side ? e->target : e->source];
      if (!n->first_date || strcmp(first, n->first_date) < 0) n->first_date = first;
      if (!n->last_date || strcmp(last, n->last_date) > 0) n->last_date = last;
    }
  }
  for (size_t w = 0; w < m->pool.n / 64 + 2; w++) g->n_docs += (size_t)__builtin_popcountll(docs[w]);
  builder_free(&B);
  if (!(opts->flags & AN_GRAPH_NO_METRICS)) st = an_graph_metrics(g, err);
  if (st != AN_OK) {
    an_free(order), an_free(node_of), an_free(reach), an_free(docs);
    an_graph_free(g);
    return st; /* err filled by the metrics */
  }
done:
  builder_free(&B);
  an_free(keys);
  an_free(rel_rank);
  an_free(ev_rank);
  an_free(ev_of_rank);
  an_free(order);
  an_free(edge_ix);
  an_free(keep);
  an_free(node_of);
  an_free(reach);
  an_free(docs);
  if (st != AN_OK) {
    an_graph_free(g);
    if (st == AN_EIO) return an_error_set(err, st, NULL, 0, -1, "cannot read the events' temporary file");
    if (st == AN_EINTERNAL) return an_error_set(err, st, NULL, 0, -1, "events' temporary file damaged");
    return an_error_set(err, st, NULL, 0, -1, "out of memory building the graph");
  }
  *out = g;
  return AN_OK;
}

/* ---- event lists ---- */

void an_evbatch_init(an_evbatch *b) {
  memset(b, 0, sizeof *b);
  for (size_t p = 0; p < AN_EVBATCH_PARTS; p++) an_buf_init(&b->data[p]);
}

void an_evbatch_free(an_evbatch *b) {
  if (!b) return;
  for (size_t p = 0; p < AN_EVBATCH_PARTS; p++) an_buf_free(&b->data[p]);
  an_free(b->at);
  an_free(b->fill);
  memset(b, 0, sizeof *b);
}

/* A batch's records by default: an eighth of the spill (eight passes over
 * it for the whole graph), at least 64 MB. */
#define BATCH_MIN ((uint64_t)64 << 20)
#define BATCH_PASSES 8

size_t an_evbatch_plan(const an_graph *g, size_t begin, size_t max_bytes) {
  if (begin >= g->n_edges) return g->n_edges;
  if (!g->ev_start || !g->n_recs) return g->n_edges; /* nothing to read */
  const uint64_t size = g->model->spill.size;
  uint64_t want = max_bytes ? (uint64_t)max_bytes : size / BATCH_PASSES;
  if (!max_bytes && want < BATCH_MIN) want = BATCH_MIN;
  /* the records' average size stands for each one's (a batch may differ a little) */
  const double per = (double)size / (double)g->n_recs;
  const size_t first = g->ev_start[begin];
  size_t lo = begin + 1, hi = g->n_edges; /* the last end that fits: binary search on the starts */
  while (lo < hi) {
    size_t mid = lo + (hi - lo + 1) / 2;
    if ((double)(g->ev_start[mid] - first) * per <= (double)want) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/* One loading thread's part of the spill: records of ordinals [from, to). */
typedef struct load_part {
  const an_graph *g;
  an_evbatch *b;
  size_t part, from, to;
  uint64_t off; /* where record `from` starts */
  size_t got;
  an_status st;
} load_part;

static void *load_range(void *arg) {
  load_part *P = arg;
  const an_graph *g = P->g;
  an_evbatch *b = P->b;
  an_buf *data = &b->data[P->part];
  const size_t begin = b->begin, end = b->end;
  an_spill_iter it;
  an_spill_iter_init(&it, (an_spill *)&g->model->spill);
  an_spill_iter_seek(&it, P->off, P->from);
  while (it.count < P->to) {
    const unsigned char *rec;
    if ((P->st = an_spill_next(&it, &rec)) != AN_OK) break;
    if (!rec) { /* the edges' events are all in the spill */
      P->st = AN_EINTERNAL;
      break;
    }
    uint32_t e = g->rec_edge[it.count - 1];
    if (e < begin || e >= end) continue;
    uint32_t len;
    memcpy(&len, rec, sizeof len);
    /* a free place among the edge's (their order is the sort's, later) */
    size_t k = __atomic_fetch_add(&b->fill[e - begin], 1, __ATOMIC_RELAXED);
    b->at[k] = (uint64_t)data->len << 8 | P->part;
    if ((P->st = an_buf_append(data, rec, len)) != AN_OK) break;
    P->got++;
  }
  an_spill_iter_free(&it);
  return NULL;
}

an_status an_evbatch_load(const an_graph *g, size_t begin, size_t end, size_t jobs, an_evbatch *b) {
  for (size_t p = 0; p < AN_EVBATCH_PARTS; p++) an_buf_clear(&b->data[p]);
  b->begin = begin, b->end = end;
  if (!g->ev_start || begin >= end || end > g->n_edges) return AN_OK;
  const size_t first = g->ev_start[begin], n = g->ev_start[end] - first;
  if (!n) return AN_OK;
  an_status st = an_grow((void **)&b->at, &b->cap_at, n, sizeof *b->at);
  if (st == AN_OK) st = an_grow((void **)&b->fill, &b->cap_fill, end - begin, sizeof *b->fill);
  if (st == AN_OK) st = an_spill_flush((an_spill *)&g->model->spill); /* before the threads read it */
  if (st != AN_OK) return st;
  for (size_t e = begin; e < end; e++) b->fill[e - begin] = g->ev_start[e] - first;
  /* the parts start at checkpoints: as many as there are (and threads) */
  size_t parts = jobs < 1 ? 1 : jobs;
  if (parts > AN_EVBATCH_PARTS) parts = AN_EVBATCH_PARTS;
  if (parts > g->n_ckpt) parts = g->n_ckpt ? g->n_ckpt : 1;
  load_part P[AN_EVBATCH_PARTS];
  pthread_t threads[AN_EVBATCH_PARTS];
  memset(P, 0, sizeof P);
  for (size_t p = 0; p < parts; p++) {
    size_t c = g->n_ckpt ? g->n_ckpt * p / parts : 0;
    P[p].g = g, P[p].b = b, P[p].part = p;
    P[p].from = c * AN_SPILL_CKPT, P[p].off = g->n_ckpt ? g->rec_ckpt[c] : 0;
    if (p) P[p - 1].to = P[p].from;
  }
  P[parts - 1].to = g->n_recs;
  size_t started = 0;
  for (size_t p = 1; p < parts; p++) {
    if (pthread_create(&threads[p], NULL, load_range, &P[p]) != 0) break;
    started = p;
  }
  load_range(&P[0]);
  for (size_t p = started + 1; p < parts; p++) load_range(&P[p]); /* threads that did not start */
  for (size_t p = 1; p <= started; p++) pthread_join(threads[p], NULL);
  size_t got = 0;
  for (size_t p = 0; p < parts; p++) {
    if (st == AN_OK) st = P[p].st;
    got += P[p].got;
  }
  if (st == AN_OK && got != n) st = AN_EINTERNAL;
  return st;
}

void an_evlist_free(an_evlist *l) {
  if (!l) return;
  an_free(l->v);
  an_free(l->store);
  an_evbatch_free(l->own);
  an_free(l->own);
  memset(l, 0, sizeof *l);
}

an_status an_evbatch_edge_events(const an_graph *g, const an_evbatch *b, size_t e, an_evlist *out) {
  out->n = 0;
  if (e >= g->n_edges) return AN_OK;
  const an_mevent *one = g->evptr ? g->evptr[e] : NULL; /* the multigraph's */
  size_t n = g->events_mode ? (one != NULL) : g->ev_start ? g->ev_start[e + 1] - g->ev_start[e] : 0;
  if (!n) return AN_OK;
  if (n > out->cap) {
    const an_mevent **v = an_realloc(out->v, n * sizeof *v);
    if (v) out->v = v;
    an_mevent *store = v ? an_realloc(out->store, n * sizeof *store) : NULL;
    if (store) out->store = store;
    if (!v || !store) return AN_ENOMEM;
    out->cap = n;
  }
  if (g->events_mode) { /* the multigraph: in memory */
    out->v[out->n++] = one;
    return AN_OK;
  }
  if (!b || e < b->begin || e >= b->end) return AN_EINTERNAL; /* not loaded */
  const uint64_t *at = b->at + (g->ev_start[e] - g->ev_start[b->begin]);
  for (size_t k = 0; k < n; k++) {
    const an_buf *data = &b->data[at[k] & 0xff];
    an_mevent_decode(g->model, (const unsigned char *)data->data + (at[k] >> 8), &out->store[k]);
    out->v[out->n++] = &out->store[k];
  }
  if (n > 1) qsort(out->v, n, sizeof *out->v, cmp_evp);
  return AN_OK;
}

an_status an_graph_edge_events(const an_graph *g, size_t e, an_evlist *out, an_error *err) {
  memset(out, 0, sizeof *out);
  an_status st = AN_OK;
  if (!g->events_mode && g->ev_start && e < g->n_edges) {
    if ((out->own = an_malloc(sizeof *out->own)) != NULL) an_evbatch_init(out->own);
    st = out->own ? an_evbatch_load(g, e, e + 1, 1, out->own) : AN_ENOMEM;
  }
  if (st == AN_OK) st = an_evbatch_edge_events(g, out->own, e, out);
  if (st == AN_OK) return AN_OK;
  out->n = 0;
  if (st == AN_ENOMEM) return an_error_set(err, st, NULL, 0, -1, "out of memory");
  return an_error_set(err, st, NULL, 0, -1, "cannot read the events' temporary file");
}
