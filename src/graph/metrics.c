/* metrics.c: node metrics of a graph view with igraph: degree, in/out
 * degree, weighted strength, PageRank, betweenness, community.
 *
 * igraph's default error handler aborts the process (style.md I5): every
 * entry here installs a handler that records the first reason and frees
 * igraph's temporaries, and puts the caller's handler back on return.
 * Attributes stay in our own structs; igraph only sees topology and weights.
 * Community detection is seeded so the same graph gets the same labels;
 * PageRank uses ARPACK, which is deterministic (see below). */
#include <stdlib.h>
#include <string.h>

#include <igraph/igraph.h>

#include "core/core.h"
#include "graph/graph_internal.h"

/* The handler has no user pointer: the reason goes to thread-local storage,
 * read right after the failing call on the same thread. */
static _Thread_local char ig_reason[200];

static void keep_reason(const char *reason, const char *file, int line, igraph_error_t code) {
  (void)file, (void)line;
  if (!ig_reason[0]) snprintf(ig_reason, sizeof ig_reason, "%s (%s)", reason && reason[0] ? reason : "igraph error",
                              igraph_strerror(code));
  IGRAPH_FINALLY_FREE();
}

#define AN_BETWEENNESS_WORK 2e7

typedef struct pair {
  igraph_integer_t a, b;
  double w;
} pair;

static int cmp_pair(const void *x, const void *y) {
  const pair *p = x, *q = y;
  if (p->a != q->a) return p->a < q->a ? -1 : 1;
  if (p->b != q->b) return p->b < q->b ? -1 : 1;
  return 0;
}

typedef struct comm {
  igraph_integer_t label, size, first;
} comm;

static int cmp_comm(const void *x, const void *y) {
  const comm *p = x, *q = y;
  if (p->size != q->size) return p->size > q->size ? -1 : 1;
  return p->first < q->first ? -1 : p->first > q->first;
}

static an_status ig_check(igraph_error_t rc, const char *what, an_error *err) {
  if (rc == IGRAPH_SUCCESS) return AN_OK;
  return an_error_set(err, rc == IGRAPH_ENOMEM ? AN_ENOMEM : AN_EGRAPH, NULL, 0, -1, "igraph %s: %s", what,
                      ig_reason[0] ? ig_reason : igraph_strerror(rc));
}

an_status an_graph_metrics(an_graph *g, an_error *err) {
  const size_t n = g->n_nodes;
  for (size_t i = 0; i < n; i++) {
    an_gnode *v = &g->nodes[i];
    v->degree = v->indegree = v->outdegree = 0;
    v->strength = v->pagerank = v->betweenness = 0;
    v->community = 0;
  }
  if (n == 0) return AN_OK;
  /* Degrees and strength straight from the edges: a symmetric edge is both
   * an in- and an out-edge of each end. */
  size_t arcs = 0;
  for (size_t k = 0; k < g->n_edges; k++) {
    const an_gedge *e = &g->edges[k];
    an_gnode *s = &g->nodes[e->source], *t = &g->nodes[e->target];
    s->degree++;
    s->strength += (double)an_gedge_weight(e);
    if (e->target != e->source) {
      t->degree++;
      t->strength += (double)an_gedge_weight(e);
    }
    s->outdegree++, t->indegree++;
    if (e->symmetric) s->indegree++, t->outdegree++;
    arcs += e->symmetric ? 2 : 1;
  }

  an_status st = AN_OK;
  ig_reason[0] = '\0';
  igraph_error_handler_t *old = igraph_set_error_handler(keep_reason);
  igraph_warning_handler_t *oldw = igraph_set_warning_handler(igraph_warning_handler_ignore);
  igraph_t dg, ug;
  int have_dg = 0, have_ug = 0;
  igraph_vector_int_t el, uel, memb;
  igraph_vector_t w, uw, pr, bw;
  int have_vec = 0;
  pair *pairs = NULL;
  comm *comms = NULL;
  igraph_rng_seed(igraph_rng_default(), 20240304); /* deterministic communities */

  if ((st = ig_check(igraph_vector_int_init(&el, (igraph_integer_t)(2 * arcs)), "alloc", err))) goto restore;
  if ((st = ig_check(igraph_vector_init(&w, (igraph_integer_t)arcs), "alloc", err))) {
    igraph_vector_int_destroy(&el);
    goto restore;
  }
  igraph_vector_int_init(&uel, 0);
  igraph_vector_int_init(&memb, 0);
  igraph_vector_init(&uw, 0);
  igraph_vector_init(&pr, 0);
  igraph_vector_init(&bw, 0);
  have_vec = 1;

  size_t a = 0;
  for (size_t k = 0; k < g->n_edges; k++) {
    const an_gedge *e = &g->edges[k];
    VECTOR(el)[2 * a] = (igraph_integer_t)e->source;
    VECTOR(el)[2 * a + 1] = (igraph_integer_t)e->target;
    VECTOR(w)[a++] = (double)an_gedge_weight(e);
    if (e->symmetric) {
      VECTOR(el)[2 * a] = (igraph_integer_t)e->target;
      VECTOR(el)[2 * a + 1] = (igraph_integer_t)e->source;
      VECTOR(w)[a++] = (double)an_gedge_weight(e);
    }
  }
  if ((st = ig_check(igraph_create(&dg, &el, (igraph_integer_t)n, IGRAPH_DIRECTED), "create", err))) goto out;
  have_dg = 1;
  /* ARPACK, not PRPACK: Debian's PRPACK runs OpenMP loops whose float sums
   * change from run to run in the last bits, which breaks byte-identical
   * outputs (tests/export/test_build_cli.sh, tests/invariants). */
  if ((st = ig_check(igraph_pagerank(&dg, IGRAPH_PAGERANK_ALGO_ARPACK, &pr, NULL, igraph_vss_all(), IGRAPH_DIRECTED,
                                     0.85, arcs ? &w : NULL, NULL),
                     "pagerank", err)))
    goto out;
  for (size_t i = 0; i < n; i++) g->nodes[i].pagerank = VECTOR(pr)[i];

  /* Undirected collapse (one edge per pair, weights summed, no loops) for
   * betweenness and communities: who is connected, not which way. */
  pairs = an_calloc(g->n_edges + 1, sizeof *pairs);
  if (!pairs) {
    st = an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
    goto out;
  }
  size_t np = 0;
  for (size_t k = 0; k < g->n_edges; k++) {
    const an_gedge *e = &g->edges[k];
    if (e->source == e->target) continue;
    igraph_integer_t x = (igraph_integer_t)e->source, y = (igraph_integer_t)e->target;
    pairs[np++] = (pair){x < y ? x : y, x < y ? y : x, (double)an_gedge_weight(e)};
  }
  if (np > 1) qsort(pairs, np, sizeof *pairs, cmp_pair);
  size_t nu = 0;
  for (size_t k = 0; k < np; k++) {
    if (nu && pairs[nu - 1].a == pairs[k].a && pairs[nu - 1].b == pairs[k].b) pairs[nu - 1].w += pairs[k].w;
    else pairs[nu++] = pairs[k];
  }
  if ((st = ig_check(igraph_vector_int_resize(&uel, (igraph_integer_t)(2 * nu)), "alloc", err)) ||
      (st = ig_check(igraph_vector_resize(&uw, (igraph_integer_t)nu), "alloc", err)))
    goto out;
  for (size_t k = 0; k < nu; k++) {
    VECTOR(uel)[2 * k] = pairs[k].a;
    VECTOR(uel)[2 * k + 1] = pairs[k].b;
    VECTOR(uw)[k] = pairs[k].w;
  }
  if ((st = ig_check(igraph_create(&ug, &uel, (igraph_integer_t)n, IGRAPH_UNDIRECTED), "create", err))) goto out;
  have_ug = 1;
  /* Unweighted: igraph reads betweenness weights as lengths, and more
   * events should bring actors closer, not further apart. */
  /* Exact betweenness costs nodes x edges: beyond AN_BETWEENNESS_WORK it is
   * estimated from k evenly spaced source nodes (Brandes-Pich pivots,
   * deterministic), scaled by n/k. */
  if ((double)n * (double)(nu + 1) <= AN_BETWEENNESS_WORK) {
    g->betweenness_sources = 0;
    if ((st = ig_check(igraph_betweenness(&ug, &bw, igraph_vss_all(), IGRAPH_UNDIRECTED, NULL), "betweenness", err)))
      goto out;
  } else {
    size_t k = (size_t)(AN_BETWEENNESS_WORK / (double)(nu + 1));
    if (k < 32) k = 32;
    if (k > n) k = n;
    g->betweenness_sources = k;
    igraph_vector_int_t src;
    if ((st = ig_check(igraph_vector_int_init(&src, (igraph_integer_t)k), "alloc", err))) goto out;
    for (size_t j = 0; j < k; j++) VECTOR(src)[j] = (igraph_integer_t)(j * n / k);
    igraph_error_t rc = igraph_betweenness_subset(&ug, &bw, igraph_vss_all(), IGRAPH_UNDIRECTED,
                                                  igraph_vss_vector(&src), igraph_vss_all(), NULL);
    igraph_vector_int_destroy(&src);
    if ((st = ig_check(rc, "betweenness", err))) goto out;
    for (size_t i = 0; i < n; i++) VECTOR(bw)[i] *= (double)n / (double)k;
  }
  for (size_t i = 0; i < n; i++) g->nodes[i].betweenness = VECTOR(bw)[i];
  if ((st = ig_check(igraph_community_multilevel(&ug, nu ? &uw : NULL, 1.0, &memb, NULL, NULL), "communities", err)))
    goto out;
  /* Stable labels: 0 is the largest community, ties by first node id. */
  comms = an_calloc(n, sizeof *comms);
  if (!comms) {
    st = an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
    goto out;
  }
  for (size_t i = 0; i < n; i++) comms[i] = (comm){(igraph_integer_t)i, 0, (igraph_integer_t)n};
  for (size_t i = 0; i < n; i++) {
    igraph_integer_t c = VECTOR(memb)[i];
    if (c < 0 || (size_t)c >= n) continue;
    comms[c].size++;
    if ((igraph_integer_t)i < comms[c].first) comms[c].first = (igraph_integer_t)i;
  }
  qsort(comms, n, sizeof *comms, cmp_comm);
  {
    igraph_integer_t *rank = an_calloc(n, sizeof *rank);
    if (!rank) {
      st = an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
      goto out;
    }
    for (size_t r = 0; r < n; r++) rank[comms[r].label] = (igraph_integer_t)r;
    for (size_t i = 0; i < n; i++) {
      igraph_integer_t c = VECTOR(memb)[i];
      g->nodes[i].community = (c >= 0 && (size_t)c < n) ? (long)rank[c] : 0;
    }
    an_free(rank);
  }
out:
  if (have_dg) igraph_destroy(&dg);
  if (have_ug) igraph_destroy(&ug);
  if (have_vec) {
    igraph_vector_int_destroy(&el);
    igraph_vector_int_destroy(&uel);
    igraph_vector_int_destroy(&memb);
    igraph_vector_destroy(&w);
    igraph_vector_destroy(&uw);
    igraph_vector_destroy(&pr);
    igraph_vector_destroy(&bw);
  }
  an_free(pairs);
  an_free(comms);
restore:
  igraph_set_error_handler(old);
  igraph_set_warning_handler(oldw);
  return st;
}
