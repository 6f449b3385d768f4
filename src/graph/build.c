/* build.c: a graph view of a model: filters, aggregation, node set, order.
 * Everything is sorted by ids and strings, never by input order, so the
 * same events give byte-identical exports however they were sharded. */
#include <ctype.h>
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
  for (size_t i = 0; i < g->n_edges; i++) {
    an_gedge *e = &g->edges[i];
    an_free(e->events);
    an_free(e->dates.v);
    an_free(e->outlets.v);
    an_free(e->doc_ids.v);
    an_free(e->attributed_to.v);
    an_free(e->cameo.v);
    an_free(e->plover.v);
    an_free(e->roles.v);
  }
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

typedef struct item {
  size_t s, t;          /* actor indices */
  const char *relation; /* interned */
  int symmetric;
  const an_mevent *ev;  /* NULL for an affiliation */
  const an_maff *aff;
} item;

static int cmp_event(const an_mevent *a, const an_mevent *b) {
  if (a == b) return 0;
  if (!a->date != !b->date) return a->date ? -1 : 1; /* dated first */
  int c = a->date ? strcmp(a->date, b->date) : 0;
  if (!c) c = strcmp(a->doc ? a->doc : "", b->doc ? b->doc : "");
  if (!c) c = (a->off_start > b->off_start) - (a->off_start < b->off_start);
  if (!c) c = strcmp(a->id, b->id);
  return c;
}

static int cmp_item(const void *pa, const void *pb) {
  const item *a = pa, *b = pb;
  if (a->s != b->s) return a->s < b->s ? -1 : 1;
  if (a->t != b->t) return a->t < b->t ? -1 : 1;
  int c = strcmp(a->relation, b->relation);
  if (c) return c;
  if (a->symmetric != b->symmetric) return a->symmetric - b->symmetric;
  if (a->ev && b->ev) return cmp_event(a->ev, b->ev);
  if (a->aff && b->aff) {
    c = strcmp(a->aff->doc, b->aff->doc);
    if (!c) c = strcmp(a->aff->role ? a->aff->role : "", b->aff->role ? b->aff->role : "");
  }
  return c;
}

static int same_edge(const item *a, const item *b, int events_mode) {
  if (a->s != b->s || a->t != b->t || strcmp(a->relation, b->relation) != 0 || a->symmetric != b->symmetric)
    return 0;
  return !(events_mode && a->ev); /* the multigraph keeps one edge per event */
}

static an_status list_alloc(an_strlist *l, size_t n) {
  l->n = 0;
  l->v = n ? an_calloc(n, sizeof *l->v) : NULL;
  return n && !l->v ? AN_ENOMEM : AN_OK;
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

static an_status fill_edge(an_gedge *e, const an_model *m, const item *it, size_t n) {
  e->relation = it[0].relation;
  e->symmetric = it[0].symmetric;
  e->affiliation = it[0].ev == NULL;
  an_status st = AN_OK;
  if (!e->affiliation) {
    e->events = an_calloc(n, sizeof *e->events);
    if (!e->events) return AN_ENOMEM;
    for (size_t k = 0; k < n; k++) e->events[e->n_events++] = it[k].ev; /* already in event order */
  }
  if ((st = list_alloc(&e->dates, n)) || (st = list_alloc(&e->outlets, n)) || (st = list_alloc(&e->doc_ids, n)) ||
      (st = list_alloc(&e->attributed_to, n)) || (st = list_alloc(&e->cameo, n)) ||
      (st = list_alloc(&e->plover, n)) || (st = list_alloc(&e->roles, n)))
    return st;
  for (size_t k = 0; k < n; k++) {
    const an_mevent *ev = it[k].ev;
    const char *doc = ev ? ev->doc : it[k].aff->doc;
    const an_mdoc *d = doc_of(m, doc);
    e->doc_ids.v[e->doc_ids.n++] = doc;
    if (ev) {
      e->dates.v[e->dates.n++] = ev->date;
      e->outlets.v[e->outlets.n++] = ev->outlet ? ev->outlet : d ? d->outlet : NULL;
      e->attributed_to.v[e->attributed_to.n++] = ev->attributed_to;
      e->cameo.v[e->cameo.n++] = ev->cameo;
      e->plover.v[e->plover.n++] = ev->plover;
    } else {
      e->dates.v[e->dates.n++] = d ? d->date : NULL;
      e->outlets.v[e->outlets.n++] = d ? d->outlet : NULL;
      e->roles.v[e->roles.n++] = it[k].aff->role;
    }
  }
  e->dates.n = an_strset_sort(e->dates.v, e->dates.n);
  e->outlets.n = an_strset_sort(e->outlets.v, e->outlets.n);
  e->doc_ids.n = an_strset_sort(e->doc_ids.v, e->doc_ids.n);
  e->attributed_to.n = an_strset_sort(e->attributed_to.v, e->attributed_to.n);
  e->cameo.n = an_strset_sort(e->cameo.v, e->cameo.n);
  e->plover.n = an_strset_sort(e->plover.v, e->plover.n);
  e->roles.n = an_strset_sort(e->roles.v, e->roles.n);
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

typedef struct edge_ref {
  size_t first, count; /* run in the sorted item array */
  int keep;
} edge_ref;

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
  an_graph *g = an_calloc(1, sizeof *g);
  item *items = an_calloc(m->n_events + m->n_affs + 1, sizeof *items);
  edge_ref *runs = NULL;
  size_t *node_of = an_calloc(m->n_actors + 1, sizeof *node_of);
  unsigned char *reach = an_calloc(m->n_actors + 1, 1);
  const char **docs = an_calloc(m->n_events + m->n_affs + 1, sizeof *docs);
  size_t n_items = 0, n_runs = 0, n_docs = 0;
  if (!g || !items || !node_of || !reach || !docs) {
    st = AN_ENOMEM;
    goto done;
  }
  g->model = m;
  g->events_mode = events_mode;

  /* 1. Events and affiliations that pass the filters, as items. */
  for (size_t i = 0; i < m->n_events; i++) {
    const an_mevent *ev = &m->events[i];
    if (opts->types && !in_list(opts->types, ev->type)) continue;
    if (opts->docs && !in_list(opts->docs, ev->doc)) continue;
    if (!date_ok(opts, ev->date)) continue;
    size_t s = an_model_actor_of(m, ev->src_obs), t = an_model_actor_of(m, ev->tgt_obs);
    /* An actor acting on itself is an artefact (two sightings the registry
     * joined), not an interaction. */
    if (s == NONE || t == NONE || s == t) continue;
    int sym = !ev->directed;
    if (sym && t < s) { /* symmetric: one orientation, by id order */
      size_t x = s;
      s = t, t = x;
    }
    items[n_items++] = (item){s, t, ev->type, sym, ev, NULL};
  }
  int want_aff = !(opts->flags & AN_GRAPH_NO_AFFILIATIONS) && (!opts->types || in_list(opts->types, "affiliation"));
  for (size_t i = 0; want_aff && i < m->n_affs; i++) {
    const an_maff *af = &m->affs[i];
    if (opts->docs && !in_list(opts->docs, af->doc)) continue;
    if ((opts->since || opts->until)) {
      const an_mdoc *d = doc_of(m, af->doc);
      if (!date_ok(opts, d ? d->date : NULL)) continue;
    }
    size_t s = an_model_actor_of(m, af->person_obs), t = an_model_actor_of(m, af->org_obs);
    if (s == NONE || t == NONE || s == t) continue;
    items[n_items++] = (item){s, t, "affiliation", 0, NULL, af};
  }
  if (n_items > 1) qsort(items, n_items, sizeof *items, cmp_item);

  /* 2. Runs of items = edges. */
  runs = an_calloc(n_items + 1, sizeof *runs);
  if (!runs) {
    st = AN_ENOMEM;
    goto done;
  }
  for (size_t i = 0; i < n_items;) {
    size_t j = i + 1;
    while (j < n_items && same_edge(&items[i], &items[j], events_mode)) j++;
    runs[n_runs++] = (edge_ref){i, j - i, 1};
    i = j;
  }
  /* 3. Weight filter (on the aggregate: distinct events, or documents for affiliations). */
  if (opts->min_weight > 0) {
    for (size_t r = 0; r < n_runs; r++) {
      size_t w = runs[r].count;
      if (!items[runs[r].first].ev) { /* affiliation: documents */
        w = 0;
        for (size_t k = 0; k < runs[r].count; k++)
          if (k == 0 || strcmp(items[runs[r].first + k].aff->doc, items[runs[r].first + k - 1].aff->doc) != 0) w++;
      }
      if ((double)w < opts->min_weight) runs[r].keep = 0;
    }
  }
  /* 4. Ego network: breadth-first over kept edges, either direction. */
  if (focus != NONE) {
    reach[focus] = 1;
    int hops = opts->hops < 0 ? 0 : opts->hops;
    for (int h = 0; h < hops; h++) {
      int grew = 0;
      for (size_t r = 0; r < n_runs; r++) {
        if (!runs[r].keep) continue;
        const item *it = &items[runs[r].first];
        if (reach[it->s] == 1 && !reach[it->t]) reach[it->t] = 2, grew = 1;
        if (reach[it->t] == 1 && !reach[it->s]) reach[it->s] = 2, grew = 1;
      }
      for (size_t a = 0; a < m->n_actors; a++)
        if (reach[a] == 2) reach[a] = 1;
      if (!grew) break;
    }
    for (size_t r = 0; r < n_runs; r++) {
      const item *it = &items[runs[r].first];
      if (!reach[it->s] || !reach[it->t]) runs[r].keep = 0;
    }
  }
  /* 5. Nodes: endpoints of kept edges (and the focus), in id order. */
  for (size_t a = 0; a < m->n_actors; a++) node_of[a] = NONE;
  memset(reach, 0, m->n_actors + 1);
  if (focus != NONE) reach[focus] = 1;
  for (size_t r = 0; r < n_runs; r++) {
    if (!runs[r].keep) continue;
    const item *it = &items[runs[r].first];
    reach[it->s] = reach[it->t] = 1;
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
  /* 6. Edges, in (source id, target id, relation) order: items were sorted so. */
  size_t ne = 0;
  for (size_t r = 0; r < n_runs; r++) ne += runs[r].keep;
  g->edges = an_calloc(ne + 1, sizeof *g->edges);
  if (!g->edges) {
    st = AN_ENOMEM;
    goto done;
  }
  for (size_t r = 0; r < n_runs; r++) {
    if (!runs[r].keep) continue;
    const item *it = &items[runs[r].first];
    an_gedge *e = &g->edges[g->n_edges++];
    e->source = node_of[it->s];
    e->target = node_of[it->t];
    if ((st = fill_edge(e, m, it, runs[r].count)) != AN_OK) goto done;
    if ((double)e->weight > g->max_weight) g->max_weight = (double)e->weight;
    g->n_events += e->n_events;
    for (size_t k = 0; k < e->doc_ids.n; k++) docs[n_docs++] = e->doc_ids.v[k];
    for (int side = 0; side < 2; side++) {
      an_gnode *n = &g->nodes[side ? e->target : e->source];
      if (e->first_date && (!n->first_date || strcmp(e->first_date, n->first_date) < 0)) n->first_date = e->first_date;
      if (e->last_date && (!n->last_date || strcmp(e->last_date, n->last_date) > 0)) n->last_date = e->last_date;
    }
  }
  g->n_docs = an_strset_sort(docs, n_docs);
  if (!(opts->flags & AN_GRAPH_NO_METRICS)) st = an_graph_metrics(g, err);
  if (st != AN_OK) {
    an_free(items), an_free(runs), an_free(node_of), an_free(reach), an_free(docs);
    an_graph_free(g);
    return st; /* err filled by the metrics */
  }
done:
  an_free(items);
  an_free(runs);
  an_free(node_of);
  an_free(reach);
  an_free(docs);
  if (st != AN_OK) {
    an_graph_free(g);
    return an_error_set(err, st, NULL, 0, -1, "out of memory building the graph");
  }
  *out = g;
  return AN_OK;
}
