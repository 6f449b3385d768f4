/* graphml.c: GraphML through libxml2's xmlTextWriter (escaping, encoding
 * and well-formedness come from the library). Follows formats.md's
 * recommended spec: typed keys with NMTOKEN ids v_* / e_*, no for="graph"
 * keys (Gephi rejects them), a <desc> with generator and counts, node ids =
 * actor ids made NMTOKEN-safe, edge ids e0..eN, edgedefault="directed" with
 * symmetric relations marked by data (networkx refuses mixed graphs; with
 * AN_EXPORT_MIXED they get directed="false" for Gephi). The writer writes
 * the prologue and the keys; nodes and edges go to it as raw chunks
 * escaped as it escapes (an_xraw, export_internal.h), the same bytes at a
 * tenth of the cost. */
#include <string.h>

#include <libxml/xmlwriter.h>

#include "export/attrs.h"
#include "export/export_internal.h"

#define W(call)             \
  do {                      \
    if ((call) < 0) ok = 0; \
  } while (0)

/* A value as <data> text: lists "; "-joined (escaping each item is
 * escaping the joined string: the separator has nothing to escape). */
static void put_value(an_xraw *x, const an_attr_val *v, an_attr_type t) {
  char num[32];
  switch (t) {
  case AN_AT_STRING: an_xraw_text(x, v->s); break;
  case AN_AT_INT: an_xraw_ll(x, v->i); break;
  case AN_AT_DOUBLE: an_xraw_put(x, num, an_fmt_double(num, v->d)); break;
  case AN_AT_BOOL: v->b ? AN_XRAW_LIT(x, "true") : AN_XRAW_LIT(x, "false"); break;
  case AN_AT_LIST:
    for (size_t i = 0; i < v->n; i++) {
      if (i) AN_XRAW_LIT(x, "; ");
      an_xraw_text(x, v->list[i]);
    }
    break;
  }
}

/* The <data> children of a node or edge; the element's start tag is open
 * (no '>' yet). Closes it as the writer would: "/>" when it has no
 * children. */
static void put_data(an_xraw *x, const an_graph *g, size_t i, const an_attr_keys *ks, int edge) {
  const an_attr_key *keys = edge ? ks->edge : ks->node;
  size_t nk = edge ? ks->n_edge : ks->n_node;
  int any = 0;
  for (size_t q = 0; q < nk; q++) {
    const an_attr_key *key = &keys[q];
    an_attr_val v;
    if (edge) an_edge_attr(g, i, key->k, &v);
    else an_node_attr(g, i, key->k, &v);
    if (!v.present) continue; /* Gephi skips empty data anyway; igraph reads it as NaN/"" */
    if (!any) AN_XRAW_LIT(x, ">");
    any = 1;
    an_xraw_put(x, key->open, key->open_len);
    if (key->label) { /* "meet (3)", as an_edge_label */
      const an_gedge *e = &g->edges[i];
      if (e->affiliation) {
        AN_XRAW_LIT(x, "affiliation");
        an_strlist roles = an_gedge_list(e, AN_EL_ROLES);
        for (size_t r = 0; r < roles.n; r++) {
          an_xraw_put(x, r ? ", " : ": ", 2);
          an_xraw_text(x, roles.v[r]);
        }
      } else {
        an_xraw_text(x, e->relation);
        AN_XRAW_LIT(x, " (");
        an_xraw_ll(x, (long long)an_gedge_weight(e));
        AN_XRAW_LIT(x, ")");
      }
    } else {
      put_value(x, &v, key->type);
    }
    AN_XRAW_LIT(x, "</data>");
  }
  if (!any) AN_XRAW_LIT(x, "/>\n");
  else if (edge) AN_XRAW_LIT(x, "\n    </edge>\n");
  else AN_XRAW_LIT(x, "\n    </node>\n");
}

/* What the chunks of nodes and edges are formatted from. */
typedef struct gm {
  const an_graph *g;
  unsigned flags;
  const char *ids;  /* node ids as NMTOKENs, NUL-separated */
  const size_t *at; /* where node i's is */
  an_xraw *x;       /* one per worker */
  an_xsink *out;
  an_attr_keys keys;
} gm;

/* Records [begin, end) of nodes then edges. */
static an_status gm_format(void *ctx, size_t w, size_t begin, size_t end, an_buf *out) {
  gm *c = ctx;
  const an_graph *g = c->g;
  an_xraw *x = &c->x[w];
  an_xraw_begin(x, out);
  for (size_t r = begin; x->st == AN_OK && r < end; r++) {
    if (r < g->n_nodes) {
      AN_XRAW_LIT(x, "    <node");
      an_xraw_attr(x, "id", c->ids + c->at[r]);
      put_data(x, g, r, &c->keys, 0);
      continue;
    }
    size_t i = r - g->n_nodes;
    const an_gedge *e = &g->edges[i];
    AN_XRAW_LIT(x, "    <edge id=\"e");
    an_xraw_ll(x, (long long)i);
    AN_XRAW_LIT(x, "\"");
    an_xraw_attr(x, "source", c->ids + c->at[e->source]);
    an_xraw_attr(x, "target", c->ids + c->at[e->target]);
    if ((c->flags & AN_EXPORT_MIXED) && e->symmetric) AN_XRAW_LIT(x, " directed=\"false\"");
    put_data(x, g, i, &c->keys, 1);
  }
  return an_xraw_end(x, out);
}

static an_status put_file(void *ctx, const char *data, size_t len) {
  gm *c = ctx;
  return an_xsink_write(c->out, data, len);
}

/* Nodes and edges, inside <graph> (whose start tag the writer has open),
 * formatted on jobs threads and written straight to out after what the
 * writer holds. */
static an_status write_body(const an_graph *g, unsigned flags, size_t jobs, xmlTextWriterPtr w, FILE *out) {
  /* Node ids as NMTOKENs, once: each edge names two. */
  size_t *at = an_malloc((g->n_nodes + 1) * sizeof *at);
  an_buf ids, id;
  an_buf_init(&ids);
  an_buf_init(&id);
  an_status st = at ? AN_OK : AN_ENOMEM;
  for (size_t i = 0; st == AN_OK && i < g->n_nodes; i++) {
    at[i] = ids.len;
    if ((st = an_nmtoken(g->nodes[i].id, &id)) == AN_OK) st = an_buf_append(&ids, id.data, id.len + 1);
  }
  an_buf_free(&id);
  if (jobs < 1) jobs = 1;
  an_xraw *xs = st == AN_OK ? an_calloc(jobs, sizeof *xs) : NULL;
  if (st == AN_OK && !xs) st = AN_ENOMEM;
  for (size_t k = 0; xs && k < jobs; k++) an_xraw_init(&xs[k]);
  /* the writer adds the '>' of <graph ...>; then it hands over what it holds */
  if (st == AN_OK && (xmlTextWriterWriteRawLen(w, BAD_CAST "\n", 1) < 0 || xmlTextWriterFlush(w) < 0)) st = AN_EIO;
  if (st == AN_OK) {
    gm c;
    an_xsink sink;
    memset(&c, 0, sizeof c);
    c.g = g, c.flags = flags, c.ids = ids.data, c.at = at, c.x = xs, c.out = &sink;
    st = an_attr_keys_choose(g, AN_IN_GRAPHML, "\n      <data key=\"v_", "\n      <data key=\"e_", "\">", &c.keys);
    an_par_job job = {g->n_nodes + g->n_edges, 1024, jobs, &c, gm_format, put_file, 0};
    if (st == AN_OK && (st = an_xsink_begin(&sink, out)) == AN_OK) {
      st = an_par_run(&job);
      an_status es = an_xsink_end(&sink);
      if (st == AN_OK) st = es;
    }
  }
  /* the indentation of </graph>, which the writer writes next */
  if (st == AN_OK && xmlTextWriterWriteRawLen(w, BAD_CAST "  ", 2) < 0) st = AN_EIO;
  for (size_t k = 0; xs && k < jobs; k++) an_xraw_finish(&xs[k]);
  an_free(xs);
  an_free(at);
  an_buf_free(&ids);
  return st;
}

an_status an_export_graphml(const an_graph *g, const an_export_opts *o, FILE *out, an_error *err) {
  const unsigned flags = o ? o->flags : 0;
  an_xml_errors xe;
  an_xml_errors_catch(&xe);
  xmlOutputBufferPtr ob = xmlOutputBufferCreateFile(out, NULL);
  if (!ob) {
    an_xml_errors_release(&xe);
    return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "cannot create an XML writer");
  }
  xmlTextWriterPtr w = xmlNewTextWriter(ob); /* owns ob from here */
  if (!w) {
    xmlOutputBufferClose(ob);
    an_xml_errors_release(&xe);
    return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "cannot create an XML writer");
  }
  int ok = 1;
  char desc[256];
  W(xmlTextWriterSetIndent(w, 1));
  W(xmlTextWriterSetIndentString(w, BAD_CAST "  "));
  W(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
  W(xmlTextWriterStartElement(w, BAD_CAST "graphml"));
  W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST "http://graphml.graphdrawing.org/xmlns"));
  W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xsi", BAD_CAST "http://www.w3.org/2001/XMLSchema-instance"));
  W(xmlTextWriterWriteAttribute(w, BAD_CAST "xsi:schemaLocation",
                                BAD_CAST "http://graphml.graphdrawing.org/xmlns "
                                         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"));
  snprintf(desc, sizeof desc, "%s: %zu nodes, %zu edges, %zu events, %zu documents%s", an_generator(), g->n_nodes,
           g->n_edges, g->n_events, g->n_docs, g->events_mode ? " (event multigraph)" : "");
  W(xmlTextWriterWriteElement(w, BAD_CAST "desc", BAD_CAST desc));
  for (int edge = 0; edge < 2; edge++) {
    const an_attr_def *defs = edge ? an_edge_attrs : an_node_attrs;
    size_t nd = edge ? an_edge_attr_count : an_node_attr_count;
    for (size_t k = 0; k < nd; k++) {
      if (!an_attr_applies(g, &defs[k], AN_IN_GRAPHML)) continue;
      char kid[64];
      snprintf(kid, sizeof kid, "%s_%s", edge ? "e" : "v", defs[k].name);
      W(xmlTextWriterStartElement(w, BAD_CAST "key"));
      W(xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST kid));
      W(xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST(edge ? "edge" : "node")));
      W(xmlTextWriterWriteAttribute(w, BAD_CAST "attr.name", BAD_CAST defs[k].name));
      W(xmlTextWriterWriteAttribute(w, BAD_CAST "attr.type", BAD_CAST an_attr_graphml_type(defs[k].type)));
      W(xmlTextWriterEndElement(w));
    }
  }
  W(xmlTextWriterStartElement(w, BAD_CAST "graph"));
  W(xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "G"));
  W(xmlTextWriterWriteAttribute(w, BAD_CAST "edgedefault", BAD_CAST "directed"));
  an_status st = AN_OK;
  if (ok && (g->n_nodes || g->n_edges)) st = write_body(g, flags, o ? o->jobs : 1, w, out);
  if (st == AN_EIO) ok = 0;
  W(xmlTextWriterEndDocument(w)); /* closes graph and graphml */
  W(xmlTextWriterFlush(w));
  xmlFreeTextWriter(w); /* flushes and closes ob: may report a write error */
  an_xml_errors_release(&xe);
  if (st != AN_OK && st != AN_EIO) return an_error_set(err, st, NULL, 0, -1, "out of memory writing GraphML");
  if (!ok || ferror(out))
    return an_error_set(err, AN_EIO, NULL, 0, -1, "cannot write GraphML%s%s", xe.msg[0] ? ": " : "", xe.msg);
  return AN_OK;
}
