/* fuzz_render.c: what `actornet render` does with an events file: events
 * JSONL -> an_model -> an_graph -> an_render (the styled DOT graph laid out
 * and drawn by Graphviz's gvc).
 * fuzz-requires: src/export src/graph
 * The first byte picks the format (SVG or PNG), the layout engine (by size,
 * dot, neato, sfdp, circo, or a name Graphviz does not know, as --engine
 * allows any) and graph options. Inputs past 16 KiB are cut: layout time
 * grows fast with the graph, and the exporters' escaping (what matters
 * here) is reached by small graphs. Checks: no crash; rendering fails only
 * with a message (an unknown engine is AN_EGRAPH naming it); SVG output is
 * well-formed XML and valid UTF-8; PNG output starts with the PNG
 * signature. */
#include <libxml/parser.h>

#include "actornet/graph.h"
#include "fuzz.h"

/* Graphviz 2.42, fontconfig, pango, cairo and glib keep caches they never
 * free (as cmd_render.c says for the CLI): leaks inside them are theirs. */
#if defined(__SANITIZE_ADDRESS__)
#define FUZZ_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FUZZ_ASAN 1
#endif
#endif
#ifdef FUZZ_ASAN
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) {
  return "leak:libgvc.so\nleak:libcgraph.so\nleak:libfontconfig.so\nleak:libpango\nleak:libcairo.so\n"
         "leak:libglib-2.0.so\nleak:libgobject-2.0.so\nleak:libgvplugin_\nleak:libpathplan.so\n";
}
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  xmlInitParser();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_cursor c = {data, size};
  unsigned o = fuzz_byte(&c);
  if (c.n > 16384) c.n = 16384;
  static const char *const engines[8] = {NULL, "dot", "neato", "sfdp", "circo", "fdp", NULL, "no-such-engine"};
  an_format fmt = (o & 0x80) ? AN_FORMAT_PNG : AN_FORMAT_SVG;
  an_export_opts eo = {0};
  eo.engine = engines[o & 7];

  an_model *m = NULL;
  an_error err;
  FUZZ_CHECK(an_model_new(&m, &err) == AN_OK);
  an_status st = an_model_add_jsonl(m, (const char *)c.p, c.n, "fuzz.jsonl", &err);
  fuzz_status_ok(st, &err);
  if (st != AN_OK) {
    an_model_free(m);
    return 0;
  }
  an_graph_opts go;
  an_graph_opts_init(&go);
  if (o & 8) go.flags |= AN_GRAPH_EVENTS;
  if (o & 16) go.flags |= AN_GRAPH_NO_AFFILIATIONS;
  go.flags |= AN_GRAPH_NO_METRICS; /* metrics are fuzz_model's */
  if (o & 32) go.min_weight = 2;
  an_graph *g = NULL;
  st = an_graph_build(m, &go, &g, &err);
  fuzz_status_ok(st, &err);
  if (st != AN_OK) {
    an_graph_free(g);
    an_model_free(m);
    return 0;
  }
  if (an_graph_node_count(g) > 60) { /* layout of big graphs: too slow to fuzz */
    an_graph_free(g);
    an_model_free(m);
    return 0;
  }
  char *buf = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&buf, &n);
  FUZZ_CHECK(f != NULL);
  an_error_clear(&err);
  st = an_render(g, &eo, fmt, f, &err);
  FUZZ_CHECK(fclose(f) == 0);
  fuzz_status_ok(st, &err);
  if (eo.engine && strcmp(eo.engine, "no-such-engine") == 0) {
    FUZZ_CHECK(st == AN_EGRAPH && strstr(err.msg, "no-such-engine") != NULL);
  } else {
    if (st != AN_OK) fprintf(stderr, "render failed: %s\n", err.msg);
    FUZZ_CHECK(st == AN_OK);
    if (fmt == AN_FORMAT_SVG) {
      FUZZ_CHECK(fuzz_valid_utf8(buf, n));
      xmlDocPtr doc = xmlReadMemory(buf, (int)n, "graph.svg", NULL,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      if (!doc) fprintf(stderr, "SVG not well-formed:\n%.*s\n", (int)(n > 4000 ? 4000 : n), buf);
      FUZZ_CHECK(doc != NULL);
      xmlFreeDoc(doc);
    } else {
      FUZZ_CHECK(n > 8 && memcmp(buf, "\x89PNG\r\n\x1a\n", 8) == 0);
    }
  }
  free(buf);
  an_graph_free(g);
  an_model_free(m);
  return 0;
}
