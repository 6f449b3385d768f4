/* test_alloc_fail.c: every allocation of load, build and export failing in
 * turn (style.md S3): each run ends in AN_OK or AN_ENOMEM, never a crash,
 * a leak (ASan) or a wrong result; once enough allocations succeed, the
 * output equals the fault-free one. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "actornet/graph.h"
#include "core/core.h"
#include "harness.h"

#define DATA AN_SOURCE_DIR "/tests/data/graph-events.jsonl"

/* One full run; *out gets the JSON and GraphML (malloc'd) on success. */
static an_status run(const char *data, size_t len, char **out) {
  *out = NULL;
  an_model *m = NULL;
  an_graph *g = NULL;
  an_status st = an_model_new(&m, NULL);
  if (st == AN_OK) st = an_model_add_jsonl(m, data, len, "data", NULL);
  if (st == AN_OK) st = an_graph_build(m, NULL, &g, NULL);
  char *buf = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&buf, &n);
  if (st == AN_OK) st = an_export_json(g, NULL, f, NULL);
  if (st == AN_OK) st = an_export_graphml(g, NULL, f, NULL);
  if (st == AN_OK) st = an_export_csv_edges(g, NULL, f, NULL);
  if (st == AN_OK) st = an_export_csv_nodes(g, NULL, f, NULL);
  if (st == AN_OK) st = an_export_gexf(g, NULL, f, NULL);
  if (st == AN_OK) st = an_export_dot(g, NULL, f, NULL);
  fclose(f);
  if (st == AN_OK) *out = buf;
  else free(buf);
  an_graph_free(g);
  an_model_free(m);
  return st;
}

int main(void) {
  char *data = NULL;
  size_t len = 0;
  CHECK_INT(an_file_slurp(DATA, &data, &len, NULL), AN_OK);
  char *want = NULL;
  CHECK_INT(run(data, len, &want), AN_OK);
  int ok_runs = 0;
  for (long n = 0; n < 20000 && ok_runs < 3; n++) {
    an_alloc_fail_after(n);
    char *got = NULL;
    an_status st = run(data, len, &got);
    an_alloc_fail_after(-1);
    if (getenv("AN_TEST_VERBOSE")) fprintf(stderr, "n=%ld st=%d\n", n, (int)st);
    if (st != AN_OK && st != AN_ENOMEM) {
      fprintf(stderr, "allocation %ld: status %d\n", n, (int)st);
      CHECK(0);
      break;
    }
    if (st == AN_OK) {
      ok_runs++;
      CHECK_STR(got, want);
    }
    free(got);
  }
  CHECK(ok_runs > 0);
  free(want);
  an_free(data);
  return TEST_DONE();
}
