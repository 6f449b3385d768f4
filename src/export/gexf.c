/* gexf.c: GEXF through libxml2's xmlTextWriter, the format for timelines:
 * a dynamic graph (timeformat="date") where each interaction edge carries one
 * spell per event date and each node starts at its first event, so Gephi's
 * timeline plays the network over time. 1.2draft by default (networkx 2.8
 * cannot read 1.3); 1.3 adds the relation as the edge `kind`, which lets
 * Gephi keep parallel edges of different relations. Edge `type` is GEXF's
 * direction, never the relation (formats.md section 1). Nodes and edges go
 * to the writer as raw chunks escaped as it escapes (an_xraw). */
#include <string.h>

#include <libxml/xmlwriter.h>

#include "export/attrs.h"
#include "export/export_internal.h"

#define W(call)             \
  do {                      \
    if ((call) < 0) ok = 0; \
  } while (0)

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* Two or four digits at p, or -1. */
static int digits(const char *p, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (p[i] < '0' || p[i] > '9') return -1;
    v = v * 10 + (p[i] - '0');
  }
  return v;
}

/* "YYYY-MM-DD" of values below 10000, 100 and 100 (printf's %04u-%02u-%02u). */
static void put_ymd(char out[11], unsigned y, unsigned m, unsigned d) {
  out[0] = (char)('0' + y / 1000), out[1] = (char)('0' + y / 100 % 10), out[2] = (char)('0' + y / 10 % 10);
  out[3] = (char)('0' + y % 10), out[4] = '-', out[5] = (char)('0' + m / 10), out[6] = (char)('0' + m % 10);
  out[7] = '-', out[8] = (char)('0' + d / 10), out[9] = (char)('0' + d % 10), out[10] = '\0';
}

/* First and last day of an ISO date at any precision: 2024 ->
 * 2024-01-01..2024-12-31, 2024-02 -> 2024-02-01..2024-02-29. */
static void date_span(const char *d, char lo[11], char hi[11]) {
  unsigned y = 0, m = 0, dd = 0;
  size_t n = strlen(d);
  /* The model's dates are YYYY, YYYY-MM or YYYY-MM-DD: read those by hand
   * (millions of spells), anything else as before with sscanf. */
  int fy = n >= 4 ? digits(d, 4) : -1, fm = n >= 7 ? digits(d + 5, 2) : 0, fd = n >= 10 ? digits(d + 8, 2) : 0;
  if (fy >= 0 && fm >= 0 && fd >= 0 && (n == 4 || n == 7 || n == 10)) {
    y = (unsigned)fy, m = (unsigned)fm, dd = (unsigned)fd;
  } else {
    sscanf(d, "%4u", &y);
    if (n >= 7) sscanf(d + 5, "%2u", &m);
    if (n >= 10) sscanf(d + 8, "%2u", &dd);
  }
  static const unsigned mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  unsigned m0 = m ? m : 1, m1 = m ? m : 12;
  if (m1 < 1 || m1 > 12) m0 = m1 = 1;
  unsigned d1 = dd ? dd : (m1 == 2 && leap((int)y) ? 29 : mdays[m1 - 1]);
  put_ymd(lo, y % 10000u, m0 % 100u, (dd ? dd : 1u) % 100u);
  put_ymd(hi, y % 10000u, m1 % 100u, d1 % 100u);
}

/* A value as an attvalue: lists "; "-joined (escaping each item is
 * escaping the joined string: the separator has nothing to escape). */
static void put_value(an_xraw *x, const an_attr_val *v, an_attr_type t) {
  char num[32];
  switch (t) {
  case AN_AT_STRING: an_xraw_attr(x, "value", v->s); return;
  case AN_AT_INT: AN_XRAW_LIT(x, " value=\""), an_xraw_ll(x, v->i); break;
  case AN_AT_DOUBLE: AN_XRAW_LIT(x, " value=\""), an_xraw_put(x, num, an_fmt_double(num, v->d)); break;
  case AN_AT_BOOL: an_xraw_puts(x, v->b ? " value=\"true" : " value=\"false"); break;
  case AN_AT_LIST:
    AN_XRAW_LIT(x, " value=\"");
    for (size_t i = 0; i < v->n; i++) {
      if (i) AN_XRAW_LIT(x, "; ");
      an_xraw_attr_value(x, v->list[i]);
    }
    break;
  }
  AN_XRAW_LIT(x, "\"");
}

/* <attvalues> of node or edge i, at the layout the writer gives them. */
static void put_attvalues(an_xraw *x, const an_graph *g, size_t i, const an_attr_keys *ks, int edge) {
  int open = 0;
  const an_attr_key *keys = edge ? ks->edge : ks->node;
  size_t nk = edge ? ks->n_edge : ks->n_node;
  for (size_t q = 0; q < nk; q++) {
    an_attr_val v;
    if (edge) an_edge_attr(g, i, keys[q].k, &v);
    else an_node_attr(g, i, keys[q].k, &v);
    if (!v.present) continue;
    if (!open) AN_XRAW_LIT(x, "        <attvalues>\n");
    open = 1;
    an_xraw_put(x, keys[q].open, keys[q].open_len);
    put_value(x, &v, keys[q].type);
    AN_XRAW_LIT(x, "/>\n");
  }
  if (open) AN_XRAW_LIT(x, "        </attvalues>\n");
}

static void put_color(an_xraw *x, an_rgb c) {
  AN_XRAW_LIT(x, "        <viz:color r=\"");
  an_xraw_ll(x, c.r);
  AN_XRAW_LIT(x, "\" g=\"");
  an_xraw_ll(x, c.g);
  AN_XRAW_LIT(x, "\" b=\"");
  an_xraw_ll(x, c.b);
  AN_XRAW_LIT(x, "\"/>\n");
}

static void put_node(an_xraw *x, const an_graph *g, size_t i, const an_attr_keys *ks) {
  const an_gnode *n = &g->nodes[i];
  char num[32], lo[11], hi[11];
  AN_XRAW_LIT(x, "      <node");
  an_xraw_attr(x, "id", n->id);
  an_xraw_attr(x, "label", n->label);
  if (n->first_date) {
    date_span(n->first_date, lo, hi);
    an_xraw_attr(x, "start", lo);
  }
  AN_XRAW_LIT(x, ">\n");
  put_attvalues(x, g, i, ks, 0);
  put_color(x, an_kind_color(n->kind));
  AN_XRAW_LIT(x, "        <viz:size value=\"");
  an_xraw_put(x, num, an_fmt_double(num, an_node_size(n)));
  AN_XRAW_LIT(x, "\"/>\n        <viz:shape");
  an_xraw_attr(x, "value", an_kind_gexf_shape(n->kind));
  AN_XRAW_LIT(x, "/>\n      </node>\n");
}

static void put_edge(an_xraw *x, const an_graph *g, size_t i, unsigned flags, const an_attr_keys *ks) {
  const an_gedge *e = &g->edges[i];
  char num[32], lo[11], hi[11];
  AN_XRAW_LIT(x, "      <edge id=\"e");
  an_xraw_ll(x, (long long)i);
  AN_XRAW_LIT(x, "\"");
  an_xraw_attr(x, "source", g->nodes[e->source].id);
  an_xraw_attr(x, "target", g->nodes[e->target].id);
  if ((flags & AN_EXPORT_MIXED) && e->symmetric) AN_XRAW_LIT(x, " type=\"undirected\"");
  if (flags & AN_EXPORT_GEXF13) an_xraw_attr(x, "kind", e->relation);
  AN_XRAW_LIT(x, " weight=\"");
  an_xraw_ll(x, (long long)an_gedge_weight(e));
  AN_XRAW_LIT(x, "\" label=\"");
  if (e->affiliation) { /* as an_edge_label */
    AN_XRAW_LIT(x, "affiliation");
    an_strlist roles = an_gedge_list(e, AN_EL_ROLES);
    for (size_t r = 0; r < roles.n; r++) {
      an_xraw_puts(x, r ? ", " : ": ");
      an_xraw_attr_value(x, roles.v[r]);
    }
  } else {
    an_xraw_attr_value(x, e->relation);
    AN_XRAW_LIT(x, " (");
    an_xraw_ll(x, (long long)an_gedge_weight(e));
    AN_XRAW_LIT(x, ")");
  }
  AN_XRAW_LIT(x, "\">\n");
  put_attvalues(x, g, i, ks, 1);
  an_strlist dates = an_gedge_list(e, AN_EL_DATES);
  if (!e->affiliation && dates.n) {
    AN_XRAW_LIT(x, "        <spells>\n");
    for (size_t k = 0; k < dates.n; k++) {
      date_span(dates.v[k], lo, hi);
      AN_XRAW_LIT(x, "          <spell start=\"");
      an_xraw_put(x, lo, 10);
      AN_XRAW_LIT(x, "\" end=\"");
      an_xraw_put(x, hi, 10);
      AN_XRAW_LIT(x, "\"/>\n");
    }
    AN_XRAW_LIT(x, "        </spells>\n");
  }
  put_color(x, an_relation_color(e->relation));
  AN_XRAW_LIT(x, "        <viz:thickness value=\"");
  an_xraw_put(x, num, an_fmt_double(num, 1.0 + (double)an_gedge_weight(e)));
  AN_XRAW_LIT(x, "\"/>\n      </edge>\n");
}

typedef struct gx {
  const an_graph *g;
  int edges;
  unsigned flags;
  an_xraw *x; /* one per worker */
  an_xsink *out;
  an_attr_keys keys;
} gx;

static an_status gx_format(void *ctx, size_t w, size_t begin, size_t end, an_buf *out) {
  gx *c = ctx;
  an_xraw *x = &c->x[w];
  an_xraw_begin(x, out);
  for (size_t i = begin; x->st == AN_OK && i < end; i++) {
    if (c->edges) put_edge(x, c->g, i, c->flags, &c->keys);
    else put_node(x, c->g, i, &c->keys);
  }
  return an_xraw_end(x, out);
}

static an_status put_file(void *ctx, const char *data, size_t len) {
  gx *c = ctx;
  return an_xsink_write(c->out, data, len);
}

/* The children of <nodes> or <edges>, whose start tag the writer has open:
 * it adds the '>', and the closing tag after the indentation put here. In
 * between, the records are formatted on jobs threads and written straight
 * to out after what the writer holds. */
static an_status write_items(xmlTextWriterPtr w, FILE *out, const an_graph *g, int edges, unsigned flags, size_t jobs) {
  if (jobs < 1) jobs = 1;
  an_xraw *xs = an_calloc(jobs, sizeof *xs);
  if (!xs) return AN_ENOMEM;
  for (size_t k = 0; k < jobs; k++) an_xraw_init(&xs[k]);
  an_status st = AN_OK;
  if (xmlTextWriterWriteRawLen(w, BAD_CAST "\n", 1) < 0 || xmlTextWriterFlush(w) < 0) st = AN_EIO;
  if (st == AN_OK) {
    gx c;
    an_xsink sink;
    memset(&c, 0, sizeof c);
    c.g = g, c.edges = edges, c.flags = flags, c.x = xs, c.out = &sink;
    an_par_job job = {edges ? g->n_edges : g->n_nodes, 1024, jobs, &c, gx_format, put_file, 0};
    st = an_attr_keys_choose(g, AN_IN_GEXF, "          <attvalue for=\"", "          <attvalue for=\"", "\"", &c.keys);
    if (st == AN_OK && (st = an_xsink_begin(&sink, out)) == AN_OK) {
      st = an_par_run(&job);
      an_status es = an_xsink_end(&sink);
      if (st == AN_OK) st = es;
    }
  }
  if (st == AN_OK && xmlTextWriterWriteRawLen(w, BAD_CAST "    ", 4) < 0) st = AN_EIO;
  for (size_t k = 0; k < jobs; k++) an_xraw_finish(&xs[k]);
  an_free(xs);
  return st;
}

an_status an_export_gexf(const an_graph *g, const an_export_opts *o, FILE *out, an_error *err) {
  const unsigned flags = o ? o->flags : 0;
  const int v13 = (flags & AN_EXPORT_GEXF13) != 0;
  an_xml_errors xe;
  an_xml_errors_catch(&xe);
  xmlOutputBufferPtr ob = xmlOutputBufferCreateFile(out, NULL);
  if (!ob) {
    an_xml_errors_release(&xe);
    return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "cannot create an XML writer");
  }
  xmlTextWriterPtr w = xmlNewTextWriter(ob);
  if (!w) {
    xmlOutputBufferClose(ob);
    an_xml_errors_release(&xe);
    return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "cannot create an XML writer");
  }
  int ok = 1;
  an_status st = AN_OK;
  char desc[256];
  W(xmlTextWriterSetIndent(w, 1));
  W(xmlTextWriterSetIndentString(w, BAD_CAST "  "));
  W(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
  W(xmlTextWriterStartElement(w, BAD_CAST "gexf"));
  W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns",
                                BAD_CAST(v13 ? "http://gexf.net/1.3" : "http://www.gexf.net/1.2draft")));
  W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:viz",
                                BAD_CAST(v13 ? "http://gexf.net/1.3/viz" : "http://www.gexf.net/1.2draft/viz")));
  W(xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xsi", BAD_CAST "http://www.w3.org/2001/XMLSchema-instance"));
  W(xmlTextWriterWriteAttribute(w, BAD_CAST "xsi:schemaLocation",
                                BAD_CAST(v13 ? "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
                                             : "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd")));
  W(xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST(v13 ? "1.3" : "1.2")));
  W(xmlTextWriterStartElement(w, BAD_CAST "meta")); /* no lastmodifieddate: output stays reproducible */
  W(xmlTextWriterWriteElement(w, BAD_CAST "creator", BAD_CAST an_generator()));
  snprintf(desc, sizeof desc, "%zu nodes, %zu edges, %zu events, %zu documents%s", g->n_nodes, g->n_edges,
           g->n_events, g->n_docs, g->events_mode ? " (event multigraph)" : "");
  W(xmlTextWriterWriteElement(w, BAD_CAST "description", BAD_CAST desc));
  W(xmlTextWriterEndElement(w));
  W(xmlTextWriterStartElement(w, BAD_CAST "graph"));
  W(xmlTextWriterWriteAttribute(w, BAD_CAST "mode", BAD_CAST "dynamic"));
  W(xmlTextWriterWriteAttribute(w, BAD_CAST "defaultedgetype", BAD_CAST "directed"));
  W(xmlTextWriterWriteAttribute(w, BAD_CAST "timeformat", BAD_CAST "date"));
  for (int edge = 0; edge < 2; edge++) {
    const an_attr_def *defs = edge ? an_edge_attrs : an_node_attrs;
    size_t nd = edge ? an_edge_attr_count : an_node_attr_count;
    W(xmlTextWriterStartElement(w, BAD_CAST "attributes"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "class", BAD_CAST(edge ? "edge" : "node")));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "mode", BAD_CAST "static"));
    for (size_t k = 0; k < nd; k++) {
      if (!an_attr_applies(g, &defs[k], AN_IN_GEXF)) continue;
      W(xmlTextWriterStartElement(w, BAD_CAST "attribute"));
      W(xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST defs[k].name));
      W(xmlTextWriterWriteAttribute(w, BAD_CAST "title", BAD_CAST defs[k].name));
      W(xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST an_attr_gexf_type(defs[k].type)));
      W(xmlTextWriterEndElement(w));
    }
    W(xmlTextWriterEndElement(w));
  }
  W(xmlTextWriterStartElement(w, BAD_CAST "nodes"));
  if (ok && g->n_nodes) st = write_items(w, out, g, 0, flags, o ? o->jobs : 1);
  W(xmlTextWriterEndElement(w));
  W(xmlTextWriterStartElement(w, BAD_CAST "edges"));
  if (ok && st == AN_OK && g->n_edges) st = write_items(w, out, g, 1, flags, o ? o->jobs : 1);
  if (st == AN_EIO) ok = 0;
  W(xmlTextWriterEndDocument(w));
  W(xmlTextWriterFlush(w));
  xmlFreeTextWriter(w); /* flushes and closes ob: may report a write error */
  an_xml_errors_release(&xe);
  if (st != AN_OK && st != AN_EIO) return an_error_set(err, st, NULL, 0, -1, "out of memory writing GEXF");
  if (!ok || ferror(out))
    return an_error_set(err, AN_EIO, NULL, 0, -1, "cannot write GEXF%s%s", xe.msg[0] ? ": " : "", xe.msg);
  return AN_OK;
}
