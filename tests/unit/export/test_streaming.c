/* test_streaming.c: the streaming writers give the bytes of the library
 * writers they replace. DOT: an_export_dot (statements written directly,
 * quoted by agcanon) against agwrite of the whole cgraph graph
 * (an_dot_build), on the hand-written events, the event multigraph, edges
 * out of source order (parallel edges apart), nodes without edges and two
 * nodes of one id. XML: an_xraw's escaping against xmlTextWriter's own
 * WriteString and WriteAttribute on hostile strings. JSON: node and link
 * lines against cJSON's printer. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <cjson/cJSON.h>
#include <libxml/xmlwriter.h>

#include "actornet/graph.h"
#include "core/core.h"
#include "export/attrs.h"
#include "export/export_internal.h"
#include "graph/graph_internal.h"
#include "harness.h"

#if defined(__SANITIZE_ADDRESS__)
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) { return "leak:libcgraph.so\nleak:libgvc.so\n"; }
#endif

#define DATA AN_SOURCE_DIR "/tests/data/graph-events.jsonl"

static char *streamed(const an_graph *g, size_t *n) {
  char *buf = NULL;
  FILE *mf = open_memstream(&buf, n);
  an_error err;
  CHECK_INT(an_export_dot(g, NULL, mf, &err), AN_OK);
  fclose(mf);
  return buf;
}

static char *reference(const an_graph *g, size_t *n) {
  char *buf = NULL;
  FILE *mf = open_memstream(&buf, n);
  void *G = NULL;
  an_error err;
  CHECK_INT(an_dot_build(g, NULL, &G, &err), AN_OK);
  if (G) {
    CHECK(agwrite((Agraph_t *)G, mf) != EOF);
    agclose((Agraph_t *)G);
  }
  fclose(mf);
  return buf;
}

static void same_dot(const an_graph *g, const char *what) {
  size_t n1 = 0, n2 = 0;
  char *a = streamed(g, &n1), *b = reference(g, &n2);
  int same = n1 == n2 && memcmp(a, b, n1) == 0;
  if (!same) {
    size_t i = 0;
    while (i < n1 && i < n2 && a[i] == b[i]) i++;
    fprintf(stderr, "%s: streamed DOT differs from agwrite at byte %zu of %zu/%zu:\n--- streamed\n%.200s\n--- agwrite\n%.200s\n",
            what, i, n1, n2, a + (i > 40 ? i - 40 : 0), b + (i > 40 ? i - 40 : 0));
  }
  CHECK(same);
  CHECK(n1 > 100);
  free(a);
  free(b);
}

static void test_dot(an_graph *g, const char *what) {
  same_dot(g, what);
  /* Edges reversed: out of source order (the index by source), parallel
   * edges of one pair apart, heads below their tails. */
  for (size_t i = 0, j = g->n_edges ? g->n_edges - 1 : 0; i < j; i++, j--) {
    an_gedge t = g->edges[i];
    g->edges[i] = g->edges[j];
    g->edges[j] = t;
  }
  same_dot(g, "reversed");
  /* Half the edges: nodes without edges are written for themselves. */
  size_t ne = g->n_edges;
  g->n_edges = ne / 3;
  same_dot(g, "a third of the edges");
  g->n_edges = 0;
  same_dot(g, "no edges");
  g->n_edges = ne;
  for (size_t i = 0, j = g->n_edges ? g->n_edges - 1 : 0; i < j; i++, j--) {
    an_gedge t = g->edges[i];
    g->edges[i] = g->edges[j];
    g->edges[j] = t;
  }
  /* Two nodes of one id (one cgraph node): written by cgraph itself. */
  if (g->n_nodes > 1) {
    const char *id = g->nodes[1].id;
    g->nodes[1].id = g->nodes[0].id;
    same_dot(g, "duplicate id");
    g->nodes[1].id = id;
  }
}

/* One element and attribute through the writer's own calls or an_xraw. */
static char *xml_of(const char *value, int raw) {
  xmlBufferPtr xb = xmlBufferCreate();
  xmlTextWriterPtr w = xmlNewTextWriterMemory(xb, 0);
  CHECK(w != NULL);
  xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElement(w, BAD_CAST "root");
  if (raw) {
    /* as the exporters use it: a chunk assembled, then written raw */
    an_xraw x;
    an_buf chunk;
    an_buf_init(&chunk);
    an_xraw_init(&x);
    an_xraw_begin(&x, &chunk);
    AN_XRAW_LIT(&x, "<e");
    an_xraw_attr(&x, "a", value);
    AN_XRAW_LIT(&x, ">");
    an_xraw_text(&x, value);
    AN_XRAW_LIT(&x, "</e>");
    CHECK_INT(an_xraw_end(&x, &chunk), AN_OK);
    CHECK(xmlTextWriterWriteRawLen(w, BAD_CAST chunk.data, (int)chunk.len) >= 0);
    an_buf_free(&chunk);
    CHECK_INT(an_xraw_finish(&x), AN_OK);
  } else {
    xmlTextWriterStartElement(w, BAD_CAST "e");
    xmlTextWriterWriteAttribute(w, BAD_CAST "a", BAD_CAST value);
    xmlTextWriterWriteString(w, BAD_CAST value);
    xmlTextWriterEndElement(w);
  }
  xmlTextWriterEndDocument(w);
  xmlFreeTextWriter(w);
  char *s = an_strdup((const char *)xmlBufferContent(xb));
  xmlBufferFree(xb);
  return s;
}

static void test_xraw(void) {
  static const char *const values[] = {
      "plain",
      "",
      "A \"quoted\" & <tagged> name's",
      "tab\there, new\nline, cr\rhere",
      "Ünïcödé, 日本, emoji 😀, Дмитрий",
      "]]> &amp; &#10;",
      "trailing lone byte \xc3",
      "bad \xff\xfe bytes \xed\xa0\x80 surrogate",
  };
  for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
    char *a = xml_of(values[i], 1), *b = xml_of(values[i], 0);
    if (strcmp(a, b) != 0) fprintf(stderr, "an_xraw: %s\nwriter: %s\n", a, b);
    CHECK_STR(a, b);
    an_free(a);
    an_free(b);
  }
  /* Numbers as printf writes them. */
  char num[24];
  an_fmt_ll(num, 0);
  CHECK_STR(num, "0");
  an_fmt_ll(num, -9223372036854775807LL - 1);
  CHECK_STR(num, "-9223372036854775808");
  an_fmt_ll(num, 1234567890123LL);
  CHECK_STR(num, "1234567890123");
}

/* JSON: each node and link line as cJSON prints it. The exporter prints
 * its trees itself (json.c, jprint): a line parsed and printed again by
 * cJSON must give the same bytes, escapes of hostile strings included. */
static void test_json_print(void) {
  static const char events[] =
      "{\"record\":\"document\",\"id\":\"q1\",\"date\":\"2024-02-03\",\"outlet\":\"The \\\"Quote\\\" \\\\ Post\","
      "\"actors\":[{\"id\":\"ctl-a\",\"label\":\"Ctl \\u0001\\u001f\\b\\f\\n\\r\\t A\",\"kind\":\"person\","
      "\"aliases\":[\"A\\u007f\\u0080x\",\"\\ud83d\\ude00 Ünï\"],\"mentions\":2},"
      "{\"id\":\"b-org\",\"label\":\"B </script> & Co\",\"kind\":\"organization\",\"mentions\":1}],"
      "\"affiliations\":[{\"person\":\"ctl-a\",\"org\":\"b-org\",\"role\":\"chief \\\"x\\\"\"}]}\n"
      "{\"record\":\"event\",\"id\":\"q1e1\",\"doc\":\"q1\",\"type\":\"meet\",\"source\":{\"id\":\"ctl-a\"},"
      "\"target\":{\"id\":\"b-org\"},\"sentence\":\"He said \\\"hi\\\\there\\\"\\u0002\\n.\",\"offsets\":[3,40],"
      "\"confidence\":0.123456789012345678,\"attributed_to\":\"\\t\",\"date_text\":\"\\\\\"}\n"
      "{\"record\":\"event\",\"id\":\"q1e2\",\"doc\":\"q1\",\"type\":\"accuse\",\"source\":{\"id\":\"b-org\"},"
      "\"target\":{\"id\":\"ctl-a\"},\"sentence\":null,\"offsets\":[100000000000,100000000007],\"confidence\":1e-7}\n";
  for (int mode = 0; mode < 2; mode++) {
    an_model *m = NULL;
    an_graph *g = NULL;
    an_error err;
    CHECK_INT(an_model_new(&m, NULL), AN_OK);
    CHECK_INT(an_model_add_jsonl(m, events, sizeof events - 1, "q.jsonl", &err), AN_OK);
    an_graph_opts o;
    an_graph_opts_init(&o);
    if (mode) o.flags = AN_GRAPH_EVENTS;
    CHECK_INT(an_graph_build(m, &o, &g, &err), AN_OK);
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    CHECK(f != NULL);
    if (!f || !g) return;
    CHECK_INT(an_export_json(g, NULL, f, &err), AN_OK);
    fclose(f);
    /* (the model drops control characters but line breaks and tabs) */
    CHECK(strstr(buf, "Ctl \\n\\r\\t A") != NULL);
    CHECK(strstr(buf, "\\\"hi\\\\there\\\"") != NULL);
    size_t lines = 0;
    for (char *line = buf, *next; line && *line; line = next) {
      next = strchr(line, '\n');
      if (next) *next++ = '\0';
      size_t len = strlen(line);
      if (len && line[len - 1] == ',') line[--len] = '\0';
      if (line[0] != '{' || strncmp(line, "{\"directed\"", 11) == 0) continue; /* nodes and links */
      cJSON *j = cJSON_Parse(line);
      CHECK(j != NULL);
      char *again = j ? cJSON_PrintUnformatted(j) : NULL;
      if (again && strcmp(again, line) != 0) fprintf(stderr, "exported: %s\ncJSON:    %s\n", line, again);
      CHECK(again && strcmp(again, line) == 0);
      lines++;
      free(again);
      cJSON_Delete(j);
    }
    CHECK_INT(lines, 2 + (mode ? 3 : 3)); /* 2 nodes; meet, accuse, affiliation */
    free(buf);
    an_graph_free(g);
    an_model_free(m);
  }
}

int main(void) {
  an_model *m = NULL;
  an_graph *g = NULL, *ge = NULL;
  an_error err;
  CHECK_INT(an_model_new(&m, NULL), AN_OK);
  CHECK_INT(an_model_add_file(m, DATA, &err), AN_OK);
  CHECK_INT(an_graph_build(m, NULL, &g, &err), AN_OK);
  an_graph_opts o;
  an_graph_opts_init(&o);
  o.flags = AN_GRAPH_EVENTS;
  CHECK_INT(an_graph_build(m, &o, &ge, &err), AN_OK);
  if (g) test_dot(g, "graph");
  if (ge) test_dot(ge, "event multigraph");
  test_xraw();
  test_json_print();
  an_graph_free(ge);
  an_graph_free(g);
  an_model_free(m);
  return TEST_DONE();
}
