/* graphml.c: GraphML through libxml2's xmlTextWriter (escaping, encoding
 * and well-formedness come from the library). Follows formats.md's
 * recommended spec: typed keys with NMTOKEN ids v_* / e_*, no for="graph"
 * keys (Gephi rejects them), a <desc> with generator and counts, node ids =
 * actor ids made NMTOKEN-safe, edge ids e0..eN, edgedefault="directed" with
 * symmetric relations marked by data (networkx refuses mixed graphs; with
 * AN_EXPORT_MIXED they get directed="false" for Gephi). */
#include <string.h>

#include <libxml/xmlwriter.h>

#include "export/attrs.h"
#include "export/export_internal.h"

#define W(call)             \
  do {                      \
    if ((call) < 0) ok = 0; \
  } while (0)

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
  an_buf val, id;
  an_buf_init(&val);
  an_buf_init(&id);
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
  for (size_t i = 0; ok && st == AN_OK && i < g->n_nodes; i++) {
    if ((st = an_nmtoken(g->nodes[i].id, &id)) != AN_OK) break;
    W(xmlTextWriterStartElement(w, BAD_CAST "node"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id.data));
    for (size_t k = 0; ok && k < an_node_attr_count; k++) {
      if (!an_attr_applies(g, &an_node_attrs[k], AN_IN_GRAPHML)) continue;
      an_attr_val v;
      an_node_attr(g, i, k, &v);
      if (!v.present) continue; /* Gephi skips empty data anyway; igraph reads it as NaN/"" */
      if ((st = an_attr_text(&v, an_node_attrs[k].type, &val)) != AN_OK) break;
      char kid[64];
      snprintf(kid, sizeof kid, "v_%s", an_node_attrs[k].name);
      W(xmlTextWriterStartElement(w, BAD_CAST "data"));
      W(xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST kid));
      W(xmlTextWriterWriteString(w, BAD_CAST val.data));
      W(xmlTextWriterEndElement(w));
    }
    W(xmlTextWriterEndElement(w));
  }
  for (size_t i = 0; ok && st == AN_OK && i < g->n_edges; i++) {
    const an_gedge *e = &g->edges[i];
    char eid[32];
    snprintf(eid, sizeof eid, "e%zu", i);
    W(xmlTextWriterStartElement(w, BAD_CAST "edge"));
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST eid));
    if ((st = an_nmtoken(g->nodes[e->source].id, &id)) != AN_OK) break;
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST id.data));
    if ((st = an_nmtoken(g->nodes[e->target].id, &id)) != AN_OK) break;
    W(xmlTextWriterWriteAttribute(w, BAD_CAST "target", BAD_CAST id.data));
    if ((flags & AN_EXPORT_MIXED) && e->symmetric) W(xmlTextWriterWriteAttribute(w, BAD_CAST "directed", BAD_CAST "false"));
    for (size_t k = 0; ok && k < an_edge_attr_count; k++) {
      if (!an_attr_applies(g, &an_edge_attrs[k], AN_IN_GRAPHML)) continue;
      an_attr_val v;
      an_edge_attr(g, i, k, &v);
      if (!v.present) continue;
      if (strcmp(an_edge_attrs[k].name, "label") == 0) st = an_edge_label(g, i, &val);
      else st = an_attr_text(&v, an_edge_attrs[k].type, &val);
      if (st != AN_OK) break;
      char kid[64];
      snprintf(kid, sizeof kid, "e_%s", an_edge_attrs[k].name);
      W(xmlTextWriterStartElement(w, BAD_CAST "data"));
      W(xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST kid));
      W(xmlTextWriterWriteString(w, BAD_CAST val.data));
      W(xmlTextWriterEndElement(w));
    }
    W(xmlTextWriterEndElement(w));
  }
  W(xmlTextWriterEndDocument(w)); /* closes graph and graphml */
  W(xmlTextWriterFlush(w));
  xmlFreeTextWriter(w); /* flushes and closes ob: may report a write error */
  an_xml_errors_release(&xe);
  an_buf_free(&val);
  an_buf_free(&id);
  if (st != AN_OK) return an_error_set(err, st, NULL, 0, -1, "out of memory writing GraphML");
  if (!ok || ferror(out))
    return an_error_set(err, AN_EIO, NULL, 0, -1, "cannot write GraphML%s%s", xe.msg[0] ? ": " : "", xe.msg);
  return AN_OK;
}
