/* test_export.c: every exporter on the hand-written event set: escaping of
 * &, <, quotes, backslashes, non-Latin scripts and emoji; no control
 * characters; XML well-formed (libxml2); JSON parses back (cJSON) with the
 * model's counts; CSV quoting; igraph C reads the GraphML back into the
 * same counts and weights; -o DIR/ writes every format with no temporary
 * file left behind. */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <igraph/igraph.h>
#include <libxml/parser.h>

#include "actornet/graph.h"
#include "core/core.h"
#include "graph/graph_internal.h"
#include "harness.h"

/* Graphviz 2.42 and fontconfig keep caches they never free (layout and
 * font tables): leaks inside those libraries are theirs, not ours. */
#if defined(__SANITIZE_ADDRESS__)
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) {
  return "leak:libgvc.so\nleak:libcgraph.so\nleak:libfontconfig.so\nleak:libpango\nleak:libcairo.so\n"
         "leak:libglib-2.0.so\nleak:libgobject-2.0.so\nleak:libgvplugin_\nleak:libpathplan.so\n";
}
#endif

#define DATA AN_SOURCE_DIR "/tests/data/graph-events.jsonl"

static char *dump_opts(const an_graph *g, an_format f, const an_export_opts *o, size_t *n) {
  char *buf = NULL;
  size_t len = 0;
  FILE *mf = open_memstream(&buf, &len);
  an_error err;
  an_status st = an_export(g, o, f, mf, &err);
  if (st != AN_OK) fprintf(stderr, "export %d: %s\n", (int)f, err.msg);
  CHECK_INT(st, AN_OK);
  fclose(mf);
  if (n) *n = len;
  return buf;
}

static char *dump(const an_graph *g, an_format f) { return dump_opts(g, f, NULL, NULL); }

static void no_controls(const char *s, size_t n, const char *what) {
  size_t bad = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') bad++;
  }
  if (bad) fprintf(stderr, "%s: %zu control characters\n", what, bad);
  CHECK_INT(bad, 0);
}

static int xml_ok(const char *s, size_t n) {
  xmlDocPtr d = xmlReadMemory(s, (int)n, "mem.xml", "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!d) return 0;
  xmlFreeDoc(d);
  return 1;
}

static void test_xml(const an_graph *g) {
  size_t n;
  char *s = dump_opts(g, AN_FORMAT_GRAPHML, NULL, &n);
  CHECK(xml_ok(s, n));
  no_controls(s, n, "graphml");
  CHECK(strstr(s, "Smith &amp; Sons &lt;Ltd&gt;") != NULL);
  CHECK(strstr(s, "Quote &quot;Q&quot; Corp") != NULL);
  CHECK(strstr(s, "🚀 Rocket Club 火箭") != NULL);
  CHECK(strstr(s, "Дмитрий Орлов") != NULL);
  CHECK(strstr(s, "<key id=\"v_mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>") != NULL);
  CHECK(strstr(s, "<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>") != NULL);
  CHECK(strstr(s, "<key id=\"e_symmetric\" for=\"edge\" attr.name=\"symmetric\" attr.type=\"boolean\"/>") != NULL);
  CHECK(strstr(s, "for=\"graph\"") == NULL);
  CHECK(strstr(s, "directed=\"false\"") == NULL);
  CHECK(strstr(s, "<edge id=\"e0\"") != NULL);
  /* Non-NMTOKEN bytes of ids are escaped: the Cyrillic id starts with _D0. */
  CHECK(strstr(s, "<node id=\"_D0_B4") != NULL);
  free(s);
  an_export_opts mixed = {.flags = AN_EXPORT_MIXED};
  s = dump_opts(g, AN_FORMAT_GRAPHML, &mixed, &n);
  CHECK(strstr(s, "directed=\"false\"") != NULL);
  free(s);

  s = dump_opts(g, AN_FORMAT_GEXF, NULL, &n);
  CHECK(xml_ok(s, n));
  no_controls(s, n, "gexf");
  CHECK(strstr(s, "xmlns=\"http://www.gexf.net/1.2draft\"") != NULL);
  CHECK(strstr(s, "mode=\"dynamic\"") != NULL);
  CHECK(strstr(s, "<spell start=\"2024-03-01\" end=\"2024-03-31\"/>") != NULL); /* month precision */
  CHECK(strstr(s, "label=\"Smith &amp; Sons &lt;Ltd&gt;\"") != NULL);
  CHECK(strstr(s, " kind=\"") == NULL);
  CHECK(strstr(s, "label=\"🚀 Rocket Club 火箭\"") != NULL);
  CHECK(strstr(s, "label=\"Quote &quot;Q&quot; Corp\"") != NULL);
  CHECK(strstr(s, "label=\"محمد علي\"") != NULL);
  free(s);
  an_export_opts v13 = {.flags = AN_EXPORT_GEXF13};
  s = dump_opts(g, AN_FORMAT_GEXF, &v13, &n);
  CHECK(xml_ok(s, n));
  CHECK(strstr(s, "xmlns=\"http://gexf.net/1.3\"") != NULL);
  CHECK(strstr(s, "kind=\"call\"") != NULL);
  free(s);
}

static void test_json(const an_graph *g) {
  size_t n;
  char *s = dump_opts(g, AN_FORMAT_JSON, NULL, &n);
  no_controls(s, n, "json");
  cJSON *j = cJSON_Parse(s);
  CHECK(j != NULL);
  CHECK(cJSON_IsTrue(cJSON_GetObjectItem(j, "directed")));
  CHECK(cJSON_IsTrue(cJSON_GetObjectItem(j, "multigraph")));
  cJSON *meta = cJSON_GetObjectItem(j, "graph");
  CHECK_INT(cJSON_GetObjectItem(meta, "nodes")->valueint, (int)g->n_nodes);
  CHECK_INT(cJSON_GetObjectItem(meta, "edges")->valueint, (int)g->n_edges);
  CHECK_INT(cJSON_GetObjectItem(meta, "docs")->valueint, 3);
  CHECK_INT(cJSON_GetObjectItem(meta, "events")->valueint, 9);
  CHECK(strncmp(cJSON_GetObjectItem(meta, "generator")->valuestring, "actornet ", 9) == 0);
  cJSON *nodes = cJSON_GetObjectItem(j, "nodes"), *links = cJSON_GetObjectItem(j, "links");
  CHECK_INT(cJSON_GetArraySize(nodes), (int)g->n_nodes);
  CHECK_INT(cJSON_GetArraySize(links), (int)g->n_edges);
  int labels = 0;
  cJSON *it;
  cJSON_ArrayForEach(it, nodes) {
    const char *l = cJSON_GetObjectItem(it, "label")->valuestring;
    if (!strcmp(l, "Smith & Sons <Ltd>") || !strcmp(l, "Quote \"Q\" Corp") || !strcmp(l, "Back\\N\\slash Group") ||
        !strcmp(l, "🚀 Rocket Club 火箭") || !strcmp(l, "محمد علي"))
      labels++;
    CHECK(cJSON_IsArray(cJSON_GetObjectItem(it, "aliases")));
    CHECK(cJSON_IsNumber(cJSON_GetObjectItem(it, "pagerank")));
  }
  CHECK_INT(labels, 5);
  size_t weight = 0, events = 0;
  cJSON_ArrayForEach(it, links) {
    weight += (size_t)cJSON_GetObjectItem(it, "weight")->valueint;
    cJSON *evs = cJSON_GetObjectItem(it, "events");
    CHECK(cJSON_IsArray(evs));
    events += (size_t)cJSON_GetArraySize(evs);
    CHECK(cJSON_IsBool(cJSON_GetObjectItem(it, "symmetric")));
    if (!strcmp(cJSON_GetObjectItem(it, "relation")->valuestring, "call")) {
      CHECK_INT(cJSON_GetArraySize(evs), 2);
      cJSON *e0 = cJSON_GetArrayItem(evs, 0);
      CHECK_STR(cJSON_GetObjectItem(e0, "doc")->valuestring, "d1");
      CHECK_STR(cJSON_GetObjectItem(e0, "outlet")->valuestring, "Harbor Post");
      CHECK(cJSON_IsArray(cJSON_GetObjectItem(e0, "offsets")));
      CHECK_STR(cJSON_GetObjectItem(e0, "sentence")->valuestring, "María López spoke with Ivan Petrov by phone on Monday.");
    }
  }
  CHECK_INT(weight, 9 + 2); /* 9 events + an affiliation stated in 2 documents */
  CHECK_INT(events, 9);
  cJSON_Delete(j);
  free(s);
  /* Graphology and Cytoscape shapes. */
  an_export_opts o = {.json_style = AN_JSON_GRAPHOLOGY};
  s = dump_opts(g, AN_FORMAT_JSON, &o, NULL);
  j = cJSON_Parse(s);
  CHECK(cJSON_GetObjectItem(j, "options") != NULL);
  CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(j, "edges")), (int)g->n_edges);
  CHECK(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "nodes"), 0), "key") != NULL);
  cJSON_Delete(j);
  free(s);
  o.json_style = AN_JSON_CYTOSCAPE;
  s = dump_opts(g, AN_FORMAT_JSON, &o, NULL);
  j = cJSON_Parse(s);
  cJSON *el = cJSON_GetObjectItem(j, "elements");
  CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(el, "nodes")), (int)g->n_nodes);
  cJSON_Delete(j);
  free(s);
}

static void test_csv_dot(const an_graph *g) {
  size_t n;
  char *s = dump_opts(g, AN_FORMAT_CSV_NODES, NULL, &n);
  no_controls(s, n, "nodes.csv");
  CHECK(strncmp(s, "Id,Label,kind,", 14) == 0);
  CHECK(strstr(s, ",\"Quote \"\"Q\"\" Corp\",") != NULL);
  CHECK(strstr(s, ",Smith & Sons <Ltd>,") != NULL);
  CHECK(strstr(s, ",🚀 Rocket Club 火箭,") != NULL);
  CHECK(strstr(s, ",Дмитрий Орлов,") != NULL);
  size_t rows = 0;
  for (char *p = s; (p = strstr(p, "\r\n")); p += 2) rows++;
  CHECK_INT(rows, g->n_nodes + 1);
  free(s);
  s = dump_opts(g, AN_FORMAT_CSV_EDGES, NULL, &n);
  CHECK(strncmp(s, "Source,Target,Type,Id,Label,Weight,relation,", 44) == 0);
  CHECK(strstr(s, "ivan-petrov,maria-lopez,Directed,e1,call (2),2,call,") != NULL);
  free(s);

  s = dump_opts(g, AN_FORMAT_DOT, NULL, &n);
  no_controls(s, n, "dot");
  CHECK(strstr(s, "digraph actors") != NULL);
  CHECK(strstr(s, "label=\"Back\\\\N\\\\slash Group\"") != NULL); /* backslashes doubled */
  CHECK(strstr(s, "label=\"Quote \\\"Q\\\" Corp\"") != NULL);
  CHECK(strstr(s, "dir=none") != NULL);
  CHECK(strstr(s, "events=2") != NULL);
  CHECK(strstr(s, " weight=") == NULL && strstr(s, "\tweight=") == NULL);
  CHECK(strstr(s, "label=<<TABLE") != NULL); /* the legend */
  CHECK(strstr(s, "label=\"🚀 Rocket Club 火箭\"") != NULL);
  CHECK(strstr(s, "label=\"Smith & Sons <Ltd>\"") != NULL);
  CHECK(strstr(s, "\"محمد-علي\"") != NULL);
  free(s);
}

static void test_render(const an_graph *g) {
  size_t n;
  char *s = dump_opts(g, AN_FORMAT_SVG, NULL, &n);
  CHECK(n > 1000);
  CHECK(xml_ok(s, n));
  CHECK(strstr(s, "<svg") != NULL);
  CHECK(strstr(s, "Smith &amp; Sons &lt;Ltd&gt;") != NULL);
  free(s);
  s = dump_opts(g, AN_FORMAT_PNG, NULL, &n);
  CHECK(n > 1000 && memcmp(s, "\x89PNG\r\n\x1a\n", 8) == 0);
  free(s);
  an_export_opts o = {.engine = "no-such-engine"};
  char *buf = NULL;
  size_t len = 0;
  FILE *mf = open_memstream(&buf, &len);
  an_error err;
  CHECK_INT(an_render(g, &o, AN_FORMAT_SVG, mf, &err), AN_EGRAPH);
  fclose(mf);
  free(buf);
}

/* igraph C reads the GraphML back: same counts, weights and labels. */
static void test_igraph_roundtrip(const an_graph *g) {
  char path[] = "/tmp/an_export_XXXXXX.graphml";
  int fd = mkstemps(path, 8);
  CHECK(fd >= 0);
  close(fd);
  CHECK_INT(an_export_path(g, NULL, AN_FORMAT_NONE, path, NULL), AN_OK);
  igraph_set_attribute_table(&igraph_cattribute_table); /* test process only */
  igraph_set_error_handler(igraph_error_handler_printignore);
  FILE *f = fopen(path, "r");
  igraph_t ig;
  CHECK_INT(igraph_read_graph_graphml(&ig, f, 0), IGRAPH_SUCCESS);
  fclose(f);
  CHECK_INT(igraph_vcount(&ig), (long)g->n_nodes);
  CHECK_INT(igraph_ecount(&ig), (long)g->n_edges);
  CHECK(igraph_is_directed(&ig));
  for (size_t e = 0; e < g->n_edges; e++) {
    CHECK_INT((long)EAN(&ig, "weight", (igraph_integer_t)e), (long)an_gedge_weight(&g->edges[e]));
    CHECK_STR(EAS(&ig, "relation", (igraph_integer_t)e), g->edges[e].relation);
    igraph_integer_t from, to;
    igraph_edge(&ig, (igraph_integer_t)e, &from, &to);
    CHECK_INT(from, (long)g->edges[e].source);
    CHECK_INT(to, (long)g->edges[e].target);
  }
  for (size_t i = 0; i < g->n_nodes; i++) {
    CHECK_STR(VAS(&ig, "label", (igraph_integer_t)i), g->nodes[i].label);
    CHECK_INT((long)VAN(&ig, "degree", (igraph_integer_t)i), g->nodes[i].degree);
  }
  igraph_destroy(&ig);
  unlink(path);
}

static void test_dir_output(const an_graph *g) {
  char dir[] = "/tmp/an_export_dir_XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  char out[128];
  snprintf(out, sizeof out, "%s/all/", dir);
  CHECK_INT(an_export_path(g, NULL, AN_FORMAT_NONE, out, NULL), AN_OK);
  const char *files[] = {"graph.graphml", "graph.gexf", "graph.dot", "graph.json", "nodes.csv", "edges.csv"};
  for (size_t i = 0; i < 6; i++) {
    char p[256];
    snprintf(p, sizeof p, "%s%s", out, files[i]);
    CHECK(access(p, R_OK) == 0);
    unlink(p);
  }
  DIR *d = opendir(out); /* nothing else: no temporary file left */
  struct dirent *de;
  int others = 0;
  while (d && (de = readdir(d)))
    if (de->d_name[0] != '.') others++;
  if (d) closedir(d);
  CHECK_INT(others, 0);
  rmdir(out);
  /* A file in a missing directory fails (I/O or not found) and leaves nothing. */
  snprintf(out, sizeof out, "%s/missing/graph.json", dir);
  an_error err;
  an_status st = an_export_path(g, NULL, AN_FORMAT_NONE, out, &err);
  CHECK(st == AN_EIO || st == AN_ENOTFOUND);
  snprintf(out, sizeof out, "%s/graph.unknown", dir);
  CHECK_INT(an_export_path(g, NULL, AN_FORMAT_NONE, out, &err), AN_EINVAL);
  rmdir(dir);
  CHECK_INT(an_format_from_path("x/nodes.csv"), AN_FORMAT_CSV_NODES);
  CHECK_INT(an_format_from_path("x/edges.csv"), AN_FORMAT_CSV_EDGES);
  CHECK_INT(an_format_from_path("g.GraphML"), AN_FORMAT_GRAPHML);
  CHECK_INT(an_format_from_path("g.gv"), AN_FORMAT_DOT);
  CHECK_INT(an_format_from_path("noext"), AN_FORMAT_NONE);
}

int main(void) {
  an_model *m = NULL;
  an_graph *g = NULL;
  an_error err;
  CHECK_INT(an_model_new(&m, NULL), AN_OK);
  CHECK_INT(an_model_add_file(m, DATA, &err), AN_OK);
  CHECK_INT(an_graph_build(m, NULL, &g, &err), AN_OK);
  if (!g) return 1;
  test_xml(g);
  test_json(g);
  test_csv_dot(g);
  test_render(g);
  test_dir_output(g);
  test_igraph_roundtrip(g);
  /* The event multigraph carries each event's sentence and id. */
  an_graph_opts o;
  an_graph_opts_init(&o);
  o.flags = AN_GRAPH_EVENTS;
  an_graph *ge = NULL;
  CHECK_INT(an_graph_build(m, &o, &ge, &err), AN_OK);
  char *s = dump(ge, AN_FORMAT_GRAPHML);
  CHECK(strstr(s, "attr.name=\"sentence\"") != NULL);
  CHECK(strstr(s, "The Alliance accused Smith &amp; Sons &lt;Ltd&gt; of &quot;dumping&quot; waste.") != NULL);
  free(s);
  s = dump(g, AN_FORMAT_GRAPHML);
  CHECK(strstr(s, "attr.name=\"sentence\"") == NULL);
  free(s);
  an_graph_free(ge);
  an_graph_free(g);
  an_model_free(m);
  return TEST_DONE();
}
