/* gexf.c: GEXF through libxml2's xmlTextWriter, the format for timelines:
 * a dynamic graph (timeformat="date") where each interaction edge carries one
 * spell per event date and each node starts at its first event, so Gephi's
 * timeline plays the network over time. 1.2draft by default (networkx 2.8
 * cannot read 1.3); 1.3 adds the relation as the edge `kind`, which lets
 * Gephi keep parallel edges of different relations. Edge `type` is GEXF's
 * direction, never the relation (formats.md section 1). */
#include <string.h>

#include <libxml/xmlwriter.h>

#include "export/attrs.h"
#include "export/export_internal.h"

#define W(call)             \
  do {                      \
    if ((call) < 0) ok = 0; \
  } while (0)

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* First and last day of an ISO date at any precision: 2024 ->
 * 2024-01-01..2024-12-31, 2024-02 -> 2024-02-01..2024-02-29. */
static void date_span(const char *d, char lo[11], char hi[11]) {
  unsigned y = 0, m = 0, dd = 0;
  size_t n = strlen(d);
  sscanf(d, "%4u", &y);
  if (n >= 7) sscanf(d + 5, "%2u", &m);
  if (n >= 10) sscanf(d + 8, "%2u", &dd);
  static const unsigned mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  unsigned m0 = m ? m : 1, m1 = m ? m : 12;
  if (m1 < 1 || m1 > 12) m0 = m1 = 1;
  unsigned d1 = dd ? dd : (m1 == 2 && leap((int)y) ? 29 : mdays[m1 - 1]);
  snprintf(lo, 11, "%04u-%02u-%02u", y % 10000u, m0 % 100u, (dd ? dd : 1u) % 100u);
  snprintf(hi, 11, "%04u-%02u-%02u", y % 10000u, m1 % 100u, d1 % 100u);
}

static int write_attvalues(xmlTextWriterPtr w, const an_graph *g, size_t i, int edge, an_buf *b, an_status *st) {
  int ok = 1, open = 0;
  const an_attr_def *defs = edge ? an_edge_attrs : an_node_attrs;
  size_t nd = edge ? an_edge_attr_count : an_node_attr_count;
  for (size_t k = 0; ok && k < nd; k++) {
    if (!an_attr_applies(g, &defs[k], AN_IN_GEXF)) continue;
    an_attr_val v;
    if (edge) an_edge_attr(g, i, k, &v);
    else an_node_attr(g, i, k, &v);
    if (!v.present) continue;
    if ((*st = an_attr_text(&v, defs[k].type, b)) != AN_OK) return 0;
    if (!open) {
      W(xmlTextWriterStartElement(w, BAD_CAST "attvalues"));
      open = 1;
    }
    W(xmlTextWriterStartElement(w, BAD_CAST "attvalue"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST defs[k].name));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "value", BAD_CAST b->data));
    W(xmlTextWriterEndElement(w));
  }
  if (open) W(xmlTextWriterEndElement(w));
  return ok;
}

static int write_color(xmlTextWriterPtr w, an_rgb c) {
  int ok = 1;
  W(xmlTextWriterStartElement(w, BAD_CAST "viz:color"));
  W(xmlTextWriterWriteFormatAttribute(w, BAD_CAST "r", "%d", c.r));
  W(xmlTextWriterWriteFormatAttribute(w, BAD_CAST "g", "%d", c.g));
  W(xmlTextWriterWriteFormatAttribute(w, BAD_CAST "b", "%d", c.b));
  W(xmlTextWriterEndElement(w));
  return ok;
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
  an_buf b;
  an_buf_init(&b);
  char num[32], desc[256], lo[11], hi[11];
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
  for (size_t i = 0; ok && st == AN_OK && i < g->n_nodes; i++) {
    const an_gnode *n = &g->nodes[i];
    W(xmlTextWriterStartElement(w, BAD_CAST "node"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST n->id));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "label", BAD_CAST n->label));
    if (n->first_date) {
      date_span(n->first_date, lo, hi);
      W(xmlTextWriterWriteAttribute(w, BAD_CAST "start", BAD_CAST lo));
    }
    if (!write_attvalues(w, g, i, 0, &b, &st)) ok = 0;
    if (!write_color(w, an_kind_color(n->kind))) ok = 0;
    an_fmt_double(num, an_node_size(n));
    W(xmlTextWriterStartElement(w, BAD_CAST "viz:size"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "value", BAD_CAST num));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterStartElement(w, BAD_CAST "viz:shape"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "value", BAD_CAST an_kind_gexf_shape(n->kind)));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterEndElement(w));
  }
  W(xmlTextWriterEndElement(w));
  W(xmlTextWriterStartElement(w, BAD_CAST "edges"));
  for (size_t i = 0; ok && st == AN_OK && i < g->n_edges; i++) {
    const an_gedge *e = &g->edges[i];
    snprintf(num, sizeof num, "e%zu", i);
    W(xmlTextWriterStartElement(w, BAD_CAST "edge"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST num));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST g->nodes[e->source].id));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "target", BAD_CAST g->nodes[e->target].id));
    if ((flags & AN_EXPORT_MIXED) && e->symmetric) W(xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST "undirected"));
    if (v13) W(xmlTextWriterWriteAttribute(w, BAD_CAST "kind", BAD_CAST e->relation));
    snprintf(num, sizeof num, "%zu", e->weight);
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "weight", BAD_CAST num));
    if ((st = an_edge_label(g, i, &b)) != AN_OK) break;
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "label", BAD_CAST b.data));
    if (!write_attvalues(w, g, i, 1, &b, &st)) ok = 0;
    if (!e->affiliation && e->dates.n) {
      W(xmlTextWriterStartElement(w, BAD_CAST "spells"));
      for (size_t k = 0; k < e->dates.n; k++) {
        date_span(e->dates.v[k], lo, hi);
        W(xmlTextWriterStartElement(w, BAD_CAST "spell"));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "start", BAD_CAST lo));
        W(xmlTextWriterWriteAttribute(w, BAD_CAST "end", BAD_CAST hi));
        W(xmlTextWriterEndElement(w));
      }
      W(xmlTextWriterEndElement(w));
    }
    if (!write_color(w, an_relation_color(e->relation))) ok = 0;
    an_fmt_double(num, 1.0 + (double)e->weight);
    W(xmlTextWriterStartElement(w, BAD_CAST "viz:thickness"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "value", BAD_CAST num));
    W(xmlTextWriterEndElement(w));
    W(xmlTextWriterEndElement(w));
  }
  W(xmlTextWriterEndDocument(w));
  W(xmlTextWriterFlush(w));
  xmlFreeTextWriter(w); /* flushes and closes ob: may report a write error */
  an_xml_errors_release(&xe);
  an_buf_free(&b);
  if (st != AN_OK) return an_error_set(err, st, NULL, 0, -1, "out of memory writing GEXF");
  if (!ok || ferror(out))
    return an_error_set(err, AN_EIO, NULL, 0, -1, "cannot write GEXF%s%s", xe.msg[0] ? ": " : "", xe.msg);
  return AN_OK;
}
