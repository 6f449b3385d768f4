/* build.c: a graph view of a model: filters, aggregation, node set, order.
 * Everything is sorted by ids and strings, never by input order, so the
 * same events give byte-identical exports however they were sharded. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/core.h"
#include "graph/graph_internal.h"

#define NONE ((size_t)-1)
#define SHRINK_STEP ((size_t)1 << 16) /* edges filled between shrinks of the aggregates */

void an_graph_opts_init(an_graph_opts *o) {
  memset(o, 0, sizeof *o);
  o->hops = 1;
}

void an_graph_free(an_graph *g) {
  if (!g) return;
  for (size_t i = 0; i < g->n_chunks; i++) an_free(g->chunks[i]);
  an_free(g->chunks);
  an_free(g->ev_off);
  an_free(g->ev_start);
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
size_t an_graph_edge_weight(const an_graph *g, size_t e) { return e < g->n_edges ? g->edges[e].weight : 0; }

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

/* A set of interned strings (pointer identity): empty, one inline, a short
 * array (cap <= 8), or a hash table. Edges of one event cost no allocation. */
typedef struct pset {
  union {
    const char *one;
    const char **v;
  } u;
  uint32_t n, cap;
} pset;

static void pset_free(pset *p) {
  if (p->n > 1) an_free(p->u.v);
  memset(p, 0, sizeof *p);
}

static size_t ptr_slot(const char *s, uint32_t cap) {
  uint64_t h = ((uint64_t)(uintptr_t)s >> 3) * 0x9e3779b97f4a7c15ull;
  return (size_t)(h >> 32) & (cap - 1);
}

static void hash_put(const char **tab, uint32_t cap, const char *s) {
  size_t i = ptr_slot(s, cap);
  while (tab[i] && tab[i] != s) i = (i + 1) & (cap - 1);
  tab[i] = s;
}

static an_status pset_add(pset *p, const char *s) {
  if (!s) return AN_OK;
  if (p->n == 0) {
    p->u.one = s, p->n = 1;
    return AN_OK;
  }
  if (p->n == 1) {
    if (p->u.one == s) return AN_OK;
    const char **v = an_malloc(4 * sizeof *v);
    if (!v) return AN_ENOMEM;
    v[0] = p->u.one, v[1] = s;
    p->u.v = v, p->n = 2, p->cap = 4;
    return AN_OK;
  }
  if (p->cap <= 8) {
    for (uint32_t i = 0; i < p->n; i++)
      if (p->u.v[i] == s) return AN_OK;
    if (p->n < p->cap) {
      p->u.v[p->n++] = s;
      return AN_OK;
    }
    if (p->cap < 8) {
      const char **v = an_realloc(p->u.v, 8 * sizeof *v);
      if (!v) return AN_ENOMEM;
      p->u.v = v, p->cap = 8;
      p->u.v[p->n++] = s;
      return AN_OK;
    }
    const char **tab = an_calloc(32, sizeof *tab); /* 8 full: a table */
    if (!tab) return AN_ENOMEM;
    for (uint32_t i = 0; i < p->n; i++) hash_put(tab, 32, p->u.v[i]);
    an_free(p->u.v);
    p->u.v = tab, p->cap = 32;
  }
  size_t i = ptr_slot(s, p->cap);
  while (p->u.v[i] && p->u.v[i] != s) i = (i + 1) & (p->cap - 1);
  if (p->u.v[i]) return AN_OK;
  if ((p->n + 1) * 2 > p->cap) {
    uint32_t ncap = p->cap * 2;
    const char **tab = an_calloc(ncap, sizeof *tab);
    if (!tab) return AN_ENOMEM;
    for (uint32_t k = 0; k < p->cap; k++)
      if (p->u.v[k]) hash_put(tab, ncap, p->u.v[k]);
    an_free(p->u.v);
    p->u.v = tab, p->cap = ncap;
  }
  hash_put(p->u.v, p->cap, s);
  p->n++;
  return AN_OK;
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

/* The set as a sorted list in the graph's storage; frees the set. */
static an_status pset_list(an_graph *g, pset *p, an_strlist *l) {
  l->n = 0;
  l->v = NULL;
  if (!p->n) return AN_OK;
  const char **v = list_room(g, p->n);
  if (!v) return AN_ENOMEM;
  if (p->n == 1) v[l->n++] = p->u.one;
  else if (p->cap <= 8)
    for (uint32_t i = 0; i < p->n; i++) v[l->n++] = p->u.v[i];
  else
    for (uint32_t i = 0; i < p->cap; i++)
      if (p->u.v[i]) v[l->n++] = p->u.v[i];
  l->v = v;
  if (l->n > 1) l->n = an_strset_sort(v, l->n);
  pset_free(p);
  return AN_OK;
}

/* One edge being aggregated. */
typedef struct acc {
  const char *relation;
  const an_mevent *ev; /* the multigraph's event */
  uint32_t s, t;       /* actor indices */
  uint32_t n_events;
  uint32_t rank;       /* the relation's place in strcmp order (for sorting) */
  uint8_t sym, aff, keep;
  pset dates, outlets, doc_ids, attributed, cameo, plover, roles;
} acc; /* 136 bytes: one per aggregated edge while building */

static void acc_free(acc *a) {
  pset_free(&a->dates), pset_free(&a->outlets), pset_free(&a->doc_ids), pset_free(&a->attributed);
  pset_free(&a->cameo), pset_free(&a->plover), pset_free(&a->roles);
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

/* Edge order: source, target, relation (rank: strcmp order), then the rest. */
static int cmp_acc(const acc *a, const acc *b) {
  if (a->s != b->s) return a->s < b->s ? -1 : 1;
  if (a->t != b->t) return a->t < b->t ? -1 : 1;
  if (a->rank != b->rank) return a->rank < b->rank ? -1 : 1;
  if (a->sym != b->sym) return a->sym - b->sym;
  if (a->aff != b->aff) return a->aff - b->aff;
  if (a->ev && b->ev) return an_mevent_cmp(a->ev, b->ev);
  return 0;
}

typedef struct builder {
  const an_model *m;
  an_graph *g;
  acc *accs;
  size_t n_accs, cap_accs;
  size_t *tab; /* (source, target, relation, sym, aff) -> acc + 1 */
  size_t tab_cap;
  uint32_t *pair_acc; /* event lists: (acc, spill offset) per event */
  uint64_t *pair_off;
  size_t n_pairs, cap_pair_acc, cap_pair_off;
  const char *last_doc; /* doc_of cache */
  const an_mdoc *last_mdoc;
} builder;

static size_t acc_hash(size_t s, size_t t, const char *rel, int sym, int aff) {
  uint64_t h = (uint64_t)s * 0x9e3779b97f4a7c15ull;
  h ^= (uint64_t)t + 0x632be59bd9b4e019ull + (h << 6) + (h >> 2);
  h ^= ((uint64_t)(uintptr_t)rel >> 3) + (h << 6) + (h >> 2);
  h ^= (uint64_t)(sym * 2 + aff);
  h *= 0xbf58476d1ce4e5b9ull;
  return (size_t)(h ^ (h >> 31));
}

/* The aggregate edge of these ends, created if new (always new for an
 * event of the multigraph: ev != NULL). NULL on ENOMEM. */
static acc *edge_of(builder *B, size_t s, size_t t, const char *rel, int sym, int aff, const an_mevent *ev) {
  if (!ev) {
    if ((B->n_accs + 1) * 2 > B->tab_cap) {
      size_t ncap = B->tab_cap ? B->tab_cap * 2 : 1024;
      size_t *nt = an_calloc(ncap, sizeof *nt);
      if (!nt) return NULL;
      for (size_t i = 0; i < B->tab_cap; i++) {
        if (!B->tab[i]) continue;
        const acc *a = &B->accs[B->tab[i] - 1];
        size_t j = acc_hash(a->s, a->t, a->relation, a->sym, a->aff) & (ncap - 1);
        while (nt[j]) j = (j + 1) & (ncap - 1);
        nt[j] = B->tab[i];
      }
      an_free(B->tab);
      B->tab = nt, B->tab_cap = ncap;
    }
    size_t i = acc_hash(s, t, rel, sym, aff) & (B->tab_cap - 1);
    for (; B->tab[i]; i = (i + 1) & (B->tab_cap - 1)) {
      acc *a = &B->accs[B->tab[i] - 1];
      if (a->s == s && a->t == t && a->relation == rel && a->sym == sym && a->aff == aff) return a;
    }
    B->tab[i] = B->n_accs + 1;
  }
  if (an_grow((void **)&B->accs, &B->cap_accs, B->n_accs + 1, sizeof *B->accs) != AN_OK) {
    if (!ev) { /* undo the table slot */
      for (size_t i = 0; i < B->tab_cap; i++)
        if (B->tab[i] == B->n_accs + 1) B->tab[i] = 0;
    }
    return NULL;
  }
  acc *a = &B->accs[B->n_accs++];
  memset(a, 0, sizeof *a);
  a->s = (uint32_t)s, a->t = (uint32_t)t, a->relation = rel, a->sym = (uint8_t)sym, a->aff = (uint8_t)aff;
  a->ev = ev, a->keep = 1;
  return a;
}

static const an_mdoc *doc_cached(builder *B, const char *doc) {
  if (doc != B->last_doc || !B->last_mdoc) {
    B->last_doc = doc;
    B->last_mdoc = doc_of(B->m, doc);
  }
  return B->last_mdoc;
}

static an_status add_event_to(builder *B, acc *a, const an_mevent *ev) {
  const an_mdoc *d = doc_cached(B, ev->doc);
  a->n_events++;
  an_status st = pset_add(&a->dates, ev->date);
  if (st == AN_OK) st = pset_add(&a->outlets, ev->outlet ? ev->outlet : d ? d->outlet : NULL);
  if (st == AN_OK) st = pset_add(&a->doc_ids, ev->doc);
  if (st == AN_OK) st = pset_add(&a->attributed, ev->attributed_to);
  if (st == AN_OK) st = pset_add(&a->cameo, ev->cameo);
  if (st == AN_OK) st = pset_add(&a->plover, ev->plover);
  return st;
}

/* Does the event pass the filters? *s, *t: its actors, oriented. */
static int event_passes(const an_model *m, const an_graph_opts *opts, const an_mevent *ev, size_t *s, size_t *t) {
  if (opts->types && !in_list(opts->types, ev->type)) return 0;
  if (opts->docs && !in_list(opts->docs, ev->doc)) return 0;
  if (!date_ok(opts, ev->date)) return 0;
  *s = an_model_actor_of(m, ev->src_obs), *t = an_model_actor_of(m, ev->tgt_obs);
  /* An actor acting on itself is an artefact (two sightings the registry
   * joined), not an interaction. */
  if (*s == NONE || *t == NONE || *s == *t) return 0;
  if (!ev->directed && *t < *s) { /* symmetric: one orientation, by id order */
    size_t x = *s;
    *s = *t, *t = x;
  }
  return 1;
}

/* The next live event of the spill that the filters keep, decoded into ev
 * with its endpoints' node indexes; *rec is NULL at the end. */
static an_status next_kept_event(const an_model *m, const an_graph_opts *opts, an_spill_iter *it,
                                 const unsigned char **rec, uint64_t *off, an_evrec *h, an_mevent *ev,
                                 size_t *s, size_t *t) {
  for (;;) {
    an_status st = an_spill_next(it, rec, off);
    if (st != AN_OK || !*rec) return st;
    memcpy(h, *rec, sizeof *h);
    if (h->flags & AN_EVREC_DEAD) continue;
    an_mevent_decode(m, *rec, ev);
    if (event_passes(m, opts, ev, s, t)) return AN_OK;
  }
}

/* Aggregated view: one pass over the spill, events into their edges. */
static an_status aggregate_events(builder *B, const an_graph_opts *opts) {
  const an_model *m = B->m;
  const int lists = !(opts->flags & AN_GRAPH_NO_EVENT_LISTS);
  an_spill_iter it;
  an_spill_iter_init(&it, (an_spill *)&m->spill); /* reading flushes the file's buffer */
  an_status st = AN_OK;
  for (;;) {
    const unsigned char *rec;
    uint64_t off;
    an_evrec h;
    an_mevent ev;
    size_t s, t;
    if ((st = next_kept_event(m, opts, &it, &rec, &off, &h, &ev, &s, &t)) != AN_OK || !rec) break;
    acc *a = edge_of(B, s, t, ev.type, !ev.directed, 0, NULL);
    if (!a) {
      st = AN_ENOMEM;
      break;
    }
    if ((st = add_event_to(B, a, &ev)) != AN_OK) break;
    if (lists) {
      if ((st = an_grow((void **)&B->pair_acc, &B->cap_pair_acc, B->n_pairs + 1, sizeof *B->pair_acc)) != AN_OK ||
          (st = an_grow((void **)&B->pair_off, &B->cap_pair_off, B->n_pairs + 1, sizeof *B->pair_off)) != AN_OK)
        break;
      B->pair_acc[B->n_pairs] = (uint32_t)(a - B->accs);
      B->pair_off[B->n_pairs++] = off;
    }
  }
  an_spill_iter_free(&it);
  return st;
}

/* Event multigraph: every kept event decoded and copied into the graph
 * (what the user asked for: memory grows with the events). */
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
    uint64_t off;
    an_evrec h;
    an_mevent ev;
    size_t s, t;
    if ((st = next_kept_event(m, opts, &it, &rec, &off, &h, &ev, &s, &t)) != AN_OK || !rec) break;
    if ((st = an_grow((void **)&g->evs, &cap, n + 1, sizeof *g->evs)) != AN_OK ||
        (st = an_grow((void **)&ofs, &cap_ofs, 2 * n + 2, sizeof *ofs)) != AN_OK)
      break;
    ofs[2 * n] = text.len;
    if ((st = an_buf_append(&text, ev.id, strlen(ev.id) + 1)) != AN_OK) break;
    ofs[2 * n + 1] = ev.sentence ? text.len : NONE;
    if (ev.sentence && (st = an_buf_append(&text, ev.sentence, h.sent_len + 1)) != AN_OK) break;
    g->evs[n++] = ev;
  }
  an_spill_iter_free(&it);
  if (st == AN_OK) {
    g->ev_text = an_buf_steal(&text, NULL);
    for (size_t k = 0; k < n; k++) {
      g->evs[k].id = g->ev_text + ofs[2 * k];
      g->evs[k].sentence = ofs[2 * k + 1] == NONE ? NULL : g->ev_text + ofs[2 * k + 1];
    }
  }
  an_buf_free(&text);
  an_free(ofs);
  for (size_t k = 0; st == AN_OK && k < n; k++) {
    size_t s, t;
    event_passes(m, opts, &g->evs[k], &s, &t);
    acc *a = edge_of(B, s, t, g->evs[k].type, !g->evs[k].directed, 0, &g->evs[k]);
    if (!a) st = AN_ENOMEM;
    else st = add_event_to(B, a, &g->evs[k]);
  }
  return st;
}

static an_status aggregate_affiliations(builder *B, const an_graph_opts *opts) {
  const an_model *m = B->m;
  int want = !(opts->flags & AN_GRAPH_NO_AFFILIATIONS) && (!opts->types || in_list(opts->types, "affiliation"));
  for (size_t i = 0; want && i < m->n_affs; i++) {
    const an_maff *af = &m->affs[i];
    if (opts->docs && !in_list(opts->docs, af->doc)) continue;
    const an_mdoc *d = doc_of(m, af->doc);
    if ((opts->since || opts->until) && !date_ok(opts, d ? d->date : NULL)) continue;
    size_t s = an_model_actor_of(m, af->person_obs), t = an_model_actor_of(m, af->org_obs);
    if (s == NONE || t == NONE || s == t) continue;
    acc *a = edge_of(B, s, t, "affiliation", 0, 1, NULL);
    if (!a) return AN_ENOMEM;
    an_status st = pset_add(&a->doc_ids, af->doc);
    if (st == AN_OK) st = pset_add(&a->dates, d ? d->date : NULL);
    if (st == AN_OK) st = pset_add(&a->outlets, d ? d->outlet : NULL);
    if (st == AN_OK) st = pset_add(&a->roles, af->role);
    if (st != AN_OK) return st;
  }
  return AN_OK;
}

/* CAMEO quad class of a root code: 01-05 verbal cooperation (1), 06-08
 * material cooperation (2), 09-13 verbal conflict (3), 14-20 material
 * conflict (4). */
static long quadclass_of(const char *cameo) {
  if (!cameo || !isdigit((unsigned char)cameo[0]) || !isdigit((unsigned char)cameo[1])) return 0;
  int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 8) return 2;
  if (root >= 9 && root <= 13) return 3;
  if (root >= 14 && root <= 20) return 4;
  return 0;
}

static an_status fill_edge(an_graph *g, an_gedge *e, acc *a) {
  e->relation = a->relation;
  e->symmetric = a->sym;
  e->affiliation = a->aff;
  e->n_events = a->n_events;
  an_status st;
  if ((st = pset_list(g, &a->dates, &e->dates)) || (st = pset_list(g, &a->outlets, &e->outlets)) ||
      (st = pset_list(g, &a->doc_ids, &e->doc_ids)) || (st = pset_list(g, &a->attributed, &e->attributed_to)) ||
      (st = pset_list(g, &a->cameo, &e->cameo)) || (st = pset_list(g, &a->plover, &e->plover)) ||
      (st = pset_list(g, &a->roles, &e->roles)))
    return st;
  e->n_docs = e->doc_ids.n;
  e->weight = e->affiliation ? (e->n_docs ? e->n_docs : 1) : e->n_events;
  e->first_date = e->dates.n ? e->dates.v[0] : NULL;
  e->last_date = e->dates.n ? e->dates.v[e->dates.n - 1] : NULL;
  e->quadclass = e->cameo.n ? quadclass_of(e->cameo.v[0]) : 0;
  return AN_OK;
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

static int cmp_acc_p(const void *x, const void *y) { return cmp_acc(*(acc *const *)x, *(acc *const *)y); }

static int cmp_strp(const void *x, const void *y) { return strcmp(*(const char *const *)x, *(const char *const *)y); }

/* Ranks the relations of the edges (few distinct, interned: equal strings
 * are one pointer) in strcmp order, so edges sort on integers. */
static an_status rank_relations(acc *accs, size_t n) {
  const char **rel = NULL;
  size_t nr = 0, cap = 0;
  an_status st = AN_OK;
  const char *last = NULL;
  for (size_t i = 0; st == AN_OK && i < n; i++) {
    if (accs[i].relation == last) continue;
    last = accs[i].relation;
    size_t k = 0;
    while (k < nr && rel[k] != last) k++;
    if (k == nr && (st = an_grow((void **)&rel, &cap, nr + 1, sizeof *rel)) == AN_OK) rel[nr++] = last;
  }
  if (st == AN_OK && nr > 1) qsort(rel, nr, sizeof *rel, cmp_strp);
  for (size_t i = 0; st == AN_OK && i < n; i++) {
    uint32_t k = 0;
    while (rel[k] != accs[i].relation) k++;
    while (k > 0 && strcmp(rel[k - 1], rel[k]) == 0) k--; /* "affiliation" may be two pointers */
    accs[i].rank = k;
  }
  an_free(rel);
  return st;
}

/* Sorts the kept edges: by source first with a counting pass (sources are
 * actor indices), then each source's few edges by comparison. */
static an_status sort_edges(acc **order, size_t ne, size_t n_actors) {
  size_t *start = an_calloc(n_actors + 2, sizeof *start);
  acc **tmp = an_malloc((ne ? ne : 1) * sizeof *tmp);
  if (!start || !tmp) {
    an_free(start);
    an_free(tmp);
    return AN_ENOMEM;
  }
  for (size_t k = 0; k < ne; k++) start[order[k]->s + 1]++;
  for (size_t a = 0; a < n_actors; a++) start[a + 1] += start[a];
  for (size_t k = 0; k < ne; k++) tmp[start[order[k]->s]++] = order[k];
  memcpy(order, tmp, ne * sizeof *order);
  for (size_t k = 0; k < ne;) {
    size_t e = k + 1;
    while (e < ne && order[e]->s == order[k]->s) e++;
    if (e - k > 1) qsort(order + k, e - k, sizeof *order, cmp_acc_p);
    k = e;
  }
  an_free(start);
  an_free(tmp);
  return AN_OK;
}

/* Distinct strings among n interned ones (equal strings, equal pointers). */
static an_status count_distinct(const char **v, size_t n, size_t *out) {
  size_t cap = 64;
  while (cap < 2 * n + 2) cap *= 2;
  const char **tab = an_calloc(cap, sizeof *tab);
  if (!tab) return AN_ENOMEM;
  size_t d = 0;
  for (size_t i = 0; i < n; i++) {
    if (!v[i]) continue;
    uint64_t h = ((uint64_t)(uintptr_t)v[i]) * 0x9e3779b97f4a7c15ull;
    size_t j = (size_t)(h >> 20) & (cap - 1);
    while (tab[j] && tab[j] != v[i]) j = (j + 1) & (cap - 1);
    if (!tab[j]) tab[j] = v[i], d++;
  }
  an_free(tab);
  *out = d;
  return AN_OK;
}

static void builder_free(builder *B) {
  for (size_t i = 0; i < B->n_accs; i++) acc_free(&B->accs[i]);
  an_free(B->accs);
  an_free(B->tab);
  an_free(B->pair_acc);
  an_free(B->pair_off);
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
  B.m = m;
  an_graph *g = an_calloc(1, sizeof *g);
  acc **order = NULL;
  size_t *fill = NULL, *node_of = an_calloc(m->n_actors + 1, sizeof *node_of), *edge_ix = NULL;
  unsigned char *reach = an_calloc(m->n_actors + 1, 1);
  const char **docs = NULL;
  size_t n_docs = 0;
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
  an_free(B.tab); /* no more lookups; and the arrays' growth slack back (large: mremap) */
  B.tab = NULL, B.tab_cap = 0;
  if (B.n_accs && B.n_accs < B.cap_accs) {
    acc *x = an_realloc(B.accs, B.n_accs * sizeof *B.accs);
    if (x) B.accs = x, B.cap_accs = B.n_accs;
  }

  /* 2. Weight filter (on the aggregate: events, or documents for affiliations). */
  for (size_t r = 0; r < B.n_accs; r++) {
    acc *a = &B.accs[r];
    size_t w = a->aff ? a->doc_ids.n : a->n_events;
    if (opts->min_weight > 0 && (double)w < opts->min_weight) a->keep = 0;
  }
  /* 3. Ego network: breadth-first over kept edges, either direction. */
  if (focus != NONE) {
    reach[focus] = 1;
    int hops = opts->hops < 0 ? 0 : opts->hops;
    for (int h = 0; h < hops; h++) {
      int grew = 0;
      for (size_t r = 0; r < B.n_accs; r++) {
        const acc *a = &B.accs[r];
        if (!a->keep) continue;
        if (reach[a->s] == 1 && !reach[a->t]) reach[a->t] = 2, grew = 1;
        if (reach[a->t] == 1 && !reach[a->s]) reach[a->s] = 2, grew = 1;
      }
      for (size_t a = 0; a < m->n_actors; a++)
        if (reach[a] == 2) reach[a] = 1;
      if (!grew) break;
    }
    for (size_t r = 0; r < B.n_accs; r++) {
      acc *a = &B.accs[r];
      if (!reach[a->s] || !reach[a->t]) a->keep = 0;
    }
  }
  /* 4. Nodes: endpoints of kept edges (and the focus), in id order. */
  for (size_t a = 0; a < m->n_actors; a++) node_of[a] = NONE;
  memset(reach, 0, m->n_actors + 1);
  if (focus != NONE) reach[focus] = 1;
  size_t ne = 0;
  for (size_t r = 0; r < B.n_accs; r++) {
    const acc *a = &B.accs[r];
    if (!a->keep) continue;
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
  /* 5. Edges, in (source id, target id, relation) order. */
  order = an_calloc(ne + 1, sizeof *order);
  edge_ix = an_calloc(B.n_accs + 1, sizeof *edge_ix);
  g->edges = an_calloc(ne + 1, sizeof *g->edges); /* pages untouched until filled */
  if (!order || !edge_ix || !g->edges) {
    st = AN_ENOMEM;
    goto done;
  }
  for (size_t r = 0, k = 0; r < B.n_accs; r++) {
    edge_ix[r] = NONE;
    if (B.accs[r].keep) order[k++] = &B.accs[r];
  }
  if ((st = rank_relations(B.accs, B.n_accs)) != AN_OK || (st = sort_edges(order, ne, m->n_actors)) != AN_OK)
    goto done;
  size_t total_docs = 0;
  for (size_t k = 0; k < ne; k++) {
    edge_ix[order[k] - B.accs] = k;
    total_docs += order[k]->doc_ids.n;
  }
  an_free(order);
  order = NULL;
  /* 6. Each edge's events (their spill offsets), for the exporters that list them. */
  if (B.n_pairs) {
    g->ev_start = an_calloc(ne + 2, sizeof *g->ev_start);
    size_t kept = 0;
    for (size_t i = 0; g->ev_start && i < B.n_pairs; i++)
      if (edge_ix[B.pair_acc[i]] != NONE) g->ev_start[edge_ix[B.pair_acc[i]] + 1]++, kept++;
    g->ev_off = g->ev_start ? an_calloc(kept + 1, sizeof *g->ev_off) : NULL;
    if (!g->ev_start || !g->ev_off) {
      st = AN_ENOMEM;
      goto done;
    }
    for (size_t k = 0; k < ne; k++) g->ev_start[k + 1] += g->ev_start[k];
    if (!(fill = an_calloc(ne + 1, sizeof *fill))) {
      st = AN_ENOMEM;
      goto done;
    }
    for (size_t k = 0; k < ne; k++) fill[k] = g->ev_start[k];
    for (size_t i = 0; i < B.n_pairs; i++) {
      size_t k = edge_ix[B.pair_acc[i]];
      if (k != NONE) g->ev_off[fill[k]++] = B.pair_off[i];
    }
    an_free(fill), an_free(B.pair_acc), an_free(B.pair_off);
    fill = NULL, B.pair_acc = NULL, B.pair_off = NULL;
  }
  /* The kept aggregates moved into edge order in place (cycles of swaps;
   * edge_ix says where each goes), the others after them: the edges are
   * then filled from the last one down while the aggregates' array
   * shrinks behind, so both never hold every edge at once. */
  for (size_t r = 0; r < B.n_accs; r++)
    if (!B.accs[r].keep) acc_free(&B.accs[r]);
  for (size_t r = 0; r < B.n_accs; r++) {
    while (edge_ix[r] != NONE && edge_ix[r] != r) {
      size_t d = edge_ix[r];
      acc x = B.accs[d];
      B.accs[d] = B.accs[r], B.accs[r] = x;
      edge_ix[r] = edge_ix[d], edge_ix[d] = d;
    }
  }
  an_free(edge_ix);
  edge_ix = NULL;
  B.n_accs = ne;
  docs = an_calloc(total_docs + 1, sizeof *docs);
  if (!docs) {
    st = AN_ENOMEM;
    goto done;
  }
  if (events_mode && ne && !(g->evptr = an_calloc(ne, sizeof *g->evptr))) {
    st = AN_ENOMEM;
    goto done;
  }
  g->n_edges = ne;
  for (size_t k = ne; k-- > 0;) {
    acc *a = &B.accs[k];
    an_gedge *e = &g->edges[k];
    e->source = node_of[a->s];
    e->target = node_of[a->t];
    if ((st = fill_edge(g, e, a)) != AN_OK) goto done;
    if (a->ev) {
      g->evptr[k] = a->ev;
      e->events = &g->evptr[k];
    }
    if ((double)e->weight > g->max_weight) g->max_weight = (double)e->weight;
    g->n_events += e->n_events;
    for (size_t q = 0; q < e->doc_ids.n; q++) docs[n_docs++] = e->doc_ids.v[q];
    for (int side = 0; side < 2; side++) {
      an_gnode *n = &g->nodes[side ? e->target : e->source];
      if (e->first_date && (!n->first_date || strcmp(e->first_date, n->first_date) < 0)) n->first_date = e->first_date;
      if (e->last_date && (!n->last_date || strcmp(e->last_date, n->last_date) > 0)) n->last_date = e->last_date;
    }
    if (k % SHRINK_STEP == 0 && k) { /* give back the filled aggregates' pages */
      acc *x = an_realloc(B.accs, k * sizeof *B.accs);
      if (x) B.accs = x, B.cap_accs = B.n_accs = k;
    }
  }
  builder_free(&B);
  memset(&B, 0, sizeof B);
  if ((st = count_distinct(docs, n_docs, &g->n_docs)) != AN_OK) goto done;
  if (!(opts->flags & AN_GRAPH_NO_METRICS)) st = an_graph_metrics(g, err);
  if (st != AN_OK) {
    an_free(order), an_free(fill), an_free(edge_ix), an_free(node_of), an_free(reach), an_free(docs);
    an_graph_free(g);
    return st; /* err filled by the metrics */
  }
done:
  builder_free(&B);
  an_free(order);
  an_free(fill);
  an_free(edge_ix);
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

void an_evlist_free(an_evlist *l) {
  if (!l) return;
  an_free(l->v);
  an_free(l->store);
  an_free(l->text);
  memset(l, 0, sizeof *l);
}

static int cmp_evp(const void *x, const void *y) {
  return an_mevent_cmp(*(const an_mevent *const *)x, *(const an_mevent *const *)y);
}

an_status an_graph_edge_events(const an_graph *g, size_t e, an_evlist *out, an_error *err) {
  memset(out, 0, sizeof *out);
  if (e >= g->n_edges) return AN_OK;
  const an_gedge *ed = &g->edges[e];
  size_t n = ed->events ? ed->n_events : g->ev_start ? g->ev_start[e + 1] - g->ev_start[e] : 0;
  if (!n) return AN_OK;
  out->v = an_calloc(n, sizeof *out->v);
  if (!out->v) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  if (ed->events) { /* the multigraph: in memory */
    for (size_t k = 0; k < n; k++) out->v[out->n++] = ed->events[k];
    return AN_OK;
  }
  an_spill *sp = (an_spill *)&g->model->spill; /* reading flushes the file's buffer */
  out->store = an_calloc(n, sizeof *out->store);
  size_t *ofs = an_calloc(2 * n, sizeof *ofs);
  an_buf rec, text;
  an_buf_init(&rec);
  an_buf_init(&text);
  an_status st = out->store && ofs ? AN_OK : AN_ENOMEM;
  for (size_t k = 0; st == AN_OK && k < n; k++) {
    if ((st = an_spill_read(sp, g->ev_off[g->ev_start[e] + k], &rec)) != AN_OK) break;
    an_mevent *ev = &out->store[k];
    an_mevent_decode(g->model, (const unsigned char *)rec.data, ev);
    ofs[2 * k] = text.len;
    if ((st = an_buf_append(&text, ev->id, strlen(ev->id) + 1)) != AN_OK) break;
    ofs[2 * k + 1] = ev->sentence ? text.len : NONE;
    if (ev->sentence) st = an_buf_append(&text, ev->sentence, strlen(ev->sentence) + 1);
  }
  an_buf_free(&rec);
  if (st == AN_OK) {
    out->text = an_buf_steal(&text, NULL);
    for (size_t k = 0; k < n; k++) {
      out->store[k].id = out->text + ofs[2 * k];
      out->store[k].sentence = ofs[2 * k + 1] == NONE ? NULL : out->text + ofs[2 * k + 1];
      out->v[out->n++] = &out->store[k];
    }
    if (n > 1) qsort(out->v, n, sizeof *out->v, cmp_evp);
  }
  an_buf_free(&text);
  an_free(ofs);
  if (st != AN_OK) {
    an_evlist_free(out);
    return an_error_set(err, st, NULL, 0, -1, st == AN_ENOMEM ? "out of memory" : "cannot read the events' temporary file");
  }
  return AN_OK;
}
