/* test_order.c: `actornet build` does not depend on input order (issue 6).
 * An adversarial events JSONL (repeated document ids with other metadata
 * and actors, ids with bytes below '-', suffixed duplicate ids, an
 * affiliation to an actor its document does not list, surname-only joins,
 * events before their documents, repeated events, repeated event ids with
 * other content) is fed in many orders: reversed, shuffled by line, cut into
 * shards fed one by one. Every order must give byte-identical JSON and
 * GraphML, in the aggregated and the event view, with the events kept in
 * memory or in the spill's temporary file. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "actornet/graph.h"
#include "core/core.h"
#include "graph/graph_internal.h"
#include "harness.h"

static const char *const LINES[] = {
    /* d1: two people of one surname, an organization, an affiliation */
    "{\"record\":\"document\",\"id\":\"d1\",\"date\":\"2024-01-05\",\"outlet\":\"North Wire\",\"actors\":["
    "{\"id\":\"anna-halvorsen\",\"label\":\"Anna Halvorsen\",\"kind\":\"person\",\"aliases\":[\"Anna Halvorsen\",\"Halvorsen\"],\"mentions\":3,\"key\":\"halvorsen|anna\"},"
    "{\"id\":\"blue-party\",\"label\":\"Blue Party\",\"kind\":\"organization\",\"aliases\":[\"Blue Party\"],\"mentions\":2}],"
    "\"affiliations\":[{\"person\":\"anna-halvorsen\",\"org\":\"blue-party\",\"role\":\"leader\"}]}",
    "{\"record\":\"event\",\"id\":\"e1\",\"doc\":\"d1\",\"type\":\"meet\",\"source\":{\"id\":\"anna-halvorsen\",\"label\":\"Anna Halvorsen\",\"kind\":\"person\"},"
    "\"target\":{\"id\":\"blue-party\",\"label\":\"Blue Party\",\"kind\":\"organization\"},\"directed\":false,\"date\":\"2024-01-05\",\"sentence\":\"Anna met them.\",\"offsets\":[0,14]}",
    /* d3: another Halvorsen */
    "{\"record\":\"document\",\"id\":\"d3\",\"date\":\"2024-02-01\",\"actors\":["
    "{\"id\":\"carl-halvorsen\",\"label\":\"Carl Halvorsen\",\"kind\":\"person\",\"aliases\":[\"Carl Halvorsen\",\"Halvorsen\"],\"mentions\":2,\"key\":\"halvorsen|carl\"},"
    "{\"id\":\"berg\",\"label\":\"Berg\",\"kind\":\"person\",\"mentions\":1},"
    "{\"id\":\"red-union\",\"label\":\"Red Union\",\"kind\":\"organization\",\"mentions\":1}],"
    "\"affiliations\":[{\"person\":\"carl-halvorsen\",\"org\":\"red-union\",\"role\":\"member\"}]}",
    "{\"record\":\"event\",\"id\":\"e3\",\"doc\":\"d3\",\"type\":\"praise\",\"source\":{\"id\":\"carl-halvorsen\"},\"target\":{\"id\":\"red-union\"},\"date\":\"2024-02-01\",\"sentence\":\"Carl praised the union.\"}",
    "{\"record\":\"event\",\"id\":\"e3b\",\"doc\":\"d3\",\"type\":\"accuse\",\"source\":{\"id\":\"berg\"},\"target\":{\"id\":\"red-union\"}}",
    /* d5: a bare surname that shares Anna's party: joins her */
    "{\"record\":\"document\",\"id\":\"d5\",\"actors\":["
    "{\"id\":\"halvorsen\",\"label\":\"Halvorsen\",\"kind\":\"person\",\"mentions\":1,\"key\":\"halvorsen|\"},"
    "{\"id\":\"blue-party\",\"label\":\"Blue Party\",\"kind\":\"organization\",\"mentions\":1}],"
    "\"affiliations\":[{\"person\":\"halvorsen\",\"org\":\"blue-party\"}]}",
    "{\"record\":\"event\",\"id\":\"e5\",\"doc\":\"d5\",\"type\":\"criticize\",\"source\":{\"id\":\"halvorsen\"},\"target\":{\"id\":\"red-union\",\"label\":\"Red Union\",\"kind\":\"organization\"}}",
    /* d2 twice: other metadata, other actors, one actor with other mentions */
    "{\"record\":\"document\",\"id\":\"d2\",\"date\":\"2024-03-01\",\"outlet\":\"A Wire\",\"actors\":["
    "{\"id\":\"berg\",\"label\":\"Berg\",\"kind\":\"person\",\"mentions\":1},"
    "{\"id\":\"red-union\",\"label\":\"Red Union\",\"kind\":\"organization\",\"mentions\":4}]}",
    "{\"record\":\"document\",\"id\":\"d2\",\"date\":\"2024-03-02\",\"outlet\":\"B Wire\",\"url\":\"http://b.example/d2\",\"actors\":["
    "{\"id\":\"berg\",\"label\":\"Berg\",\"kind\":\"organization\",\"mentions\":2},"
    "{\"id\":\"red-union\",\"label\":\"Red Unions\",\"kind\":\"organization\",\"mentions\":4},"
    "{\"id\":\"zed\",\"label\":\"Zed\",\"kind\":\"country\",\"mentions\":1}],"
    "\"affiliations\":[{\"person\":\"zed\",\"org\":\"red-union\",\"role\":\"host\"}]}",
    "{\"record\":\"event\",\"id\":\"e2\",\"doc\":\"d2\",\"type\":\"call\",\"source\":{\"id\":\"zed\"},\"target\":{\"id\":\"berg\"},\"directed\":false}",
    /* ids that sort around the "-2" suffix: bytes below '-' */
    "{\"record\":\"document\",\"id\":\"d4\",\"actors\":["
    "{\"id\":\"berg\",\"label\":\"Berg\",\"kind\":\"country\",\"mentions\":1},"
    "{\"id\":\"berg!\",\"label\":\"Berg Inc\",\"kind\":\"organization\",\"mentions\":1},"
    "{\"id\":\"berg-2\",\"label\":\"Berg 2\",\"kind\":\"organization\",\"mentions\":1},"
    "{\"id\":\"berg 1\",\"label\":\"Bergman\",\"kind\":\"person\",\"mentions\":1},"
    "{\"id\":\"berg$\",\"label\":\"Berg$\",\"kind\":\"person\",\"mentions\":1}],"
    /* an affiliation to an actor d4 does not list: dropped in any order */
    "\"affiliations\":[{\"person\":\"berg 1\",\"org\":\"green-league\"}]}",
    "{\"record\":\"event\",\"id\":\"e4a\",\"doc\":\"d4\",\"type\":\"attack\",\"source\":{\"id\":\"berg!\"},\"target\":{\"id\":\"berg-2\"}}",
    "{\"record\":\"event\",\"id\":\"e4b\",\"doc\":\"d4\",\"type\":\"support\",\"source\":{\"id\":\"berg 1\"},\"target\":{\"id\":\"berg$\"}}",
    "{\"record\":\"event\",\"id\":\"e4c\",\"doc\":\"d4\",\"type\":\"threaten\",\"source\":{\"id\":\"berg\"},\"target\":{\"id\":\"green-league\",\"label\":\"Green League\",\"kind\":\"organization\"}}",
    "{\"record\":\"event\",\"id\":\"e4d\",\"doc\":\"d4\",\"type\":\"meet\",\"source\":{\"id\":\"berg 1\"},\"target\":{\"id\":\"green-league\"},\"directed\":false}",
    /* the same event twice (two shards overlap) */
    "{\"record\":\"event\",\"id\":\"e1\",\"doc\":\"d1\",\"type\":\"meet\",\"source\":{\"id\":\"anna-halvorsen\",\"label\":\"Anna Halvorsen\",\"kind\":\"person\"},"
    "\"target\":{\"id\":\"blue-party\",\"label\":\"Blue Party\",\"kind\":\"organization\"},\"directed\":false,\"date\":\"2024-01-05\",\"sentence\":\"Anna met them.\",\"offsets\":[0,14]}",
    /* an event-only document */
    "{\"record\":\"event\",\"id\":\"e6\",\"doc\":\"d6\",\"type\":\"accuse\",\"source\":{\"id\":\"x\",\"label\":\"Xavier Quinn\",\"kind\":\"person\"},\"target\":{\"id\":\"blue-party\"},\"date\":\"2023\"}",
    "{\"record\":\"event\",\"id\":\"e7\",\"doc\":\"d6\",\"type\":\"accuse\",\"source\":{\"id\":\"x\",\"label\":\"Xavier Q.\",\"kind\":\"person\"},\"target\":{\"id\":\"blue-party\"},\"date\":\"2023\"}",
};
#define N_LINES (sizeof LINES / sizeof LINES[0])

/* Repeats of an event id with other content: the smaller record wins. */
static const char *const CONFLICT[] = {
    "{\"record\":\"event\",\"id\":\"c1\",\"doc\":\"d1\",\"type\":\"praise\",\"source\":{\"id\":\"anna-halvorsen\"},\"target\":{\"id\":\"blue-party\"},\"sentence\":\"one\"}",
    "{\"record\":\"event\",\"id\":\"c1\",\"doc\":\"d1\",\"type\":\"praise\",\"source\":{\"id\":\"anna-halvorsen\"},\"target\":{\"id\":\"blue-party\"},\"sentence\":\"two\"}",
};

static uint64_t rng_next(uint64_t *s) { /* splitmix64: a fixed shuffle per seed */
  uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

static char *export_str(const an_graph *g, an_format f) {
  char *buf = NULL;
  size_t n = 0;
  FILE *fp = open_memstream(&buf, &n);
  CHECK(fp != NULL);
  CHECK_INT(an_export(g, NULL, f, fp, NULL), AN_OK);
  fclose(fp);
  return buf;
}

/* Feeds lines[order[k]] in `shards` feeds, builds both views, returns
 * their JSON and GraphML concatenated. */
static char *run(const char *const *lines, const size_t *order, size_t n, size_t shards) {
  an_model *m = NULL;
  an_error err;
  CHECK_INT(an_model_new(&m, &err), AN_OK);
  /* even shard counts: the events go to the spill's temporary file from
   * the first record on (the reference stays in memory) */
  if (shards % 2 == 0) m->spill.limit = 0;
  size_t per = (n + shards - 1) / shards;
  for (size_t a = 0; a < n; a += per) {
    an_buf b;
    an_buf_init(&b);
    for (size_t k = a; k < a + per && k < n; k++) {
      an_buf_puts(&b, lines[order[k]]);
      an_buf_putc(&b, '\n');
    }
    an_status st = an_model_feed(m, b.data, b.len, "order.jsonl", &err);
    if (st != AN_OK) fprintf(stderr, "feed: %ld: %s\n", err.line, err.msg);
    CHECK_INT(st, AN_OK);
    an_buf_free(&b);
  }
  CHECK_INT(an_model_finish(m, &err), AN_OK);
  an_buf out;
  an_buf_init(&out);
  for (int view = 0; view < 2; view++) {
    an_graph_opts o;
    an_graph_opts_init(&o);
    o.flags |= AN_GRAPH_NO_METRICS | (view ? AN_GRAPH_EVENTS : 0);
    an_graph *g = NULL;
    CHECK_INT(an_graph_build(m, &o, &g, &err), AN_OK);
    /* lookups work for every node (strcmp order) */
    for (size_t i = 0; g && i < an_graph_node_count(g); i++) {
      CHECK(an_graph_find_node(g, an_graph_node_id(g, i)) == i);
      if (i) CHECK(strcmp(an_graph_node_id(g, i - 1), an_graph_node_id(g, i)) < 0);
    }
    char *j = export_str(g, AN_FORMAT_JSON), *x = export_str(g, AN_FORMAT_GRAPHML);
    an_buf_puts(&out, j);
    an_buf_puts(&out, x);
    free(j);
    free(x);
    an_graph_free(g);
  }
  an_model_free(m);
  return out.data;
}

static void check_orders(const char *const *lines, size_t n, const char *what) {
  size_t *order = an_calloc(n, sizeof *order);
  for (size_t i = 0; i < n; i++) order[i] = i;
  char *ref = run(lines, order, n, 1);
  int differ = 0;
  for (int trial = 0; trial < 60; trial++) {
    for (size_t i = 0; i < n; i++) order[i] = i;
    if (trial == 1)
      for (size_t i = 0; i < n; i++) order[i] = n - 1 - i;
    else if (trial > 1) {
      uint64_t s = (uint64_t)trial;
      for (size_t i = n - 1; i > 0; i--) {
        size_t j = (size_t)(rng_next(&s) % (i + 1)), t = order[i];
        order[i] = order[j], order[j] = t;
      }
    }
    char *got = run(lines, order, n, 1 + (size_t)trial % 4);
    if (strcmp(got, ref) != 0) {
      if (!differ) fprintf(stderr, "%s: order %d differs:\n--- first\n%s\n--- this\n%s\n", what, trial, ref, got);
      differ++;
    }
    free(got);
  }
  CHECK_INT(differ, 0);
  free(ref);
  an_free(order);
}

/* What the adversarial lines must give, in any order. */
static void check_content(void) {
  size_t order[N_LINES];
  for (size_t i = 0; i < N_LINES; i++) order[i] = N_LINES - 1 - i;
  an_buf b;
  an_buf_init(&b);
  for (size_t k = 0; k < N_LINES; k++) {
    an_buf_puts(&b, LINES[order[k]]);
    an_buf_putc(&b, '\n');
  }
  an_model *m = NULL;
  CHECK_INT(an_model_new(&m, NULL), AN_OK);
  CHECK_INT(an_model_add_jsonl(m, b.data, b.len, "t", NULL), AN_OK);
  an_buf_free(&b);
  CHECK_INT(an_model_doc_count(m), 5); /* d6 has events only */
  CHECK_INT(an_model_event_count(m), 11); /* e1 once */
  an_graph_opts o;
  an_graph_opts_init(&o);
  o.flags |= AN_GRAPH_NO_METRICS;
  an_graph *g = NULL;
  CHECK_INT(an_graph_build(m, &o, &g, NULL), AN_OK);
  /* d2: the record with more fields set gives the metadata */
  size_t d2 = an_strmap_get(&m->doc_index, "d2");
  CHECK(d2 != (size_t)-1);
  if (d2 != (size_t)-1) {
    CHECK_STR(m->docs[d2].outlet, "B Wire");
    CHECK_STR(m->docs[d2].date, "2024-03-02");
  }
  /* the "-2" suffix skips the existing berg-2, and lookups find them all */
  const char *ids[] = {"berg", "berg-2", "berg-3", "berg 1", "berg!", "berg$", "zed", "anna-halvorsen", "carl-halvorsen"};
  for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
    if (an_graph_find_node(g, ids[i]) == (size_t)-1)
      for (size_t k = 0; k < an_graph_node_count(g); k++) fprintf(stderr, "no node %s; have %s\n", ids[i], an_graph_node_id(g, k));
    CHECK(an_graph_find_node(g, ids[i]) != (size_t)-1);
  }
  /* the affiliation to the unlisted green-league is dropped; zed's stands */
  size_t bl = an_graph_find_node(g, "green-league");
  int aff_green = 0, aff_zed = 0;
  for (size_t e = 0; e < an_graph_edge_count(g); e++) {
    if (strcmp(an_graph_edge_relation(g, e), "affiliation") != 0) continue;
    if (an_graph_edge_target(g, e) == bl) aff_green++;
    if (an_graph_edge_source(g, e) == an_graph_find_node(g, "zed")) aff_zed++;
  }
  CHECK_INT(aff_green, 0);
  CHECK_INT(aff_zed, 1);
  an_graph_free(g);
  an_model_free(m);
}

/* A repeated event id with other content: one event, the same in any order. */
static void check_conflict(void) {
  size_t ab[2] = {0, 1}, ba[2] = {1, 0};
  char *x = run(CONFLICT, ab, 2, 1), *y = run(CONFLICT, ba, 2, 2);
  CHECK_STR(x, y);
  CHECK(strstr(x, "\"sentence\":\"one\"") != NULL);
  CHECK(strstr(x, "\"sentence\":\"two\"") == NULL);
  free(x);
  free(y);
}

int main(void) {
  check_content();
  check_orders(LINES, N_LINES, "adversarial");
  check_conflict();
  return TEST_DONE();
}
