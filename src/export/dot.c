/* dot.c: the Graphviz view of a graph through cgraph, written as DOT with
 * agwrite (which quotes and escapes ids and values). Node shape and colour
 * by kind, edge colour by relation, pen width by weight, dir=none for
 * symmetric relations, a legend as an HTML-table graph label (works in
 * every engine). The event count goes in a custom `events` attribute, never
 * in `weight`, which the layout engines read (formats.md section 5). */
#include <math.h>
#include <string.h>

#include <graphviz/cgraph.h>

#include "export/attrs.h"
#include "export/export_internal.h"

const char *an_dot_engine_for(const an_graph *g) {
  if (g->n_nodes < 50) return "dot";
  if (g->n_nodes <= 300) return "neato";
  return "sfdp";
}

/* Graphviz reads \N, \n, \l ... in labels: double every backslash, and
 * flatten line breaks (news text may carry them). */
static an_status dot_label(const char *s, an_buf *b) {
  an_buf_clear(b);
  an_status st = an_buf_reserve(b, strlen(s) + 8);
  for (; st == AN_OK && *s; s++) {
    if (*s == '\\') st = an_buf_puts(b, "\\\\");
    else if (*s == '\n' || *s == '\r' || *s == '\t') st = an_buf_putc(b, ' ');
    else st = an_buf_putc(b, *s);
  }
  if (st == AN_OK && !b->len) st = an_buf_puts(b, "");
  return st;
}

static an_status html_escape(an_buf *b, const char *s) {
  an_status st = AN_OK;
  for (; st == AN_OK && *s; s++) {
    switch (*s) {
    case '&': st = an_buf_puts(b, "&amp;"); break;
    case '<': st = an_buf_puts(b, "&lt;"); break;
    case '>': st = an_buf_puts(b, "&gt;"); break;
    case '"': st = an_buf_puts(b, "&quot;"); break;
    case '\n': case '\r': case '\t': st = an_buf_putc(b, ' '); break;
    default: st = an_buf_putc(b, *s);
    }
  }
  return st;
}

static an_status legend(const an_graph *g, an_buf *b) {
  const char **kinds = NULL, **rels = NULL;
  size_t nk = 0, nr = 0;
  an_status st = an_graph_kinds(g, &kinds, &nk);
  if (st == AN_OK) st = an_graph_relations(g, &rels, &nr);
  an_buf_clear(b);
  if (st == AN_OK)
    st = an_buf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\">"
                        "<TR><TD COLSPAN=\"2\"><B>actors</B></TD></TR>");
  for (size_t i = 0; st == AN_OK && i < nk; i++) {
    st = an_buf_printf(b, "<TR><TD BGCOLOR=\"%s\" WIDTH=\"24\"> </TD><TD ALIGN=\"LEFT\">", an_kind_color(kinds[i]).hex);
    if (st == AN_OK) st = html_escape(b, kinds[i]);
    if (st == AN_OK) st = an_buf_printf(b, " (%s)</TD></TR>", an_kind_shape(kinds[i]));
  }
  if (st == AN_OK && nr) st = an_buf_puts(b, "<TR><TD COLSPAN=\"2\"><B>relations</B></TD></TR>");
  for (size_t i = 0; st == AN_OK && i < nr; i++) {
    st = an_buf_printf(b, "<TR><TD BGCOLOR=\"%s\" WIDTH=\"24\"> </TD><TD ALIGN=\"LEFT\">", an_relation_color(rels[i]).hex);
    if (st == AN_OK) st = html_escape(b, rels[i]);
    if (st == AN_OK && an_relation_symmetric(rels[i])) st = an_buf_puts(b, " (no arrow: mutual)");
    if (st == AN_OK && strcmp(rels[i], "affiliation") == 0) st = an_buf_puts(b, " (dashed)");
    if (st == AN_OK) st = an_buf_puts(b, "</TD></TR>");
  }
  if (st == AN_OK)
    st = an_buf_printf(b, "<TR><TD COLSPAN=\"2\">line width: number of events; %zu actors, %zu edges</TD></TR></TABLE>",
                       g->n_nodes, g->n_edges);
  an_free(kinds);
  an_free(rels);
  return st;
}

static void set(void *obj, const char *name, const char *value) { agsafeset(obj, (char *)name, (char *)value, ""); }

an_status an_dot_build(const an_graph *g, const char *engine, void **out, an_error *err) {
  *out = NULL;
  Agraph_t *G = agopen((char *)"actors", Agdirected, NULL);
  if (!G) return an_error_set(err, AN_EGRAPH, NULL, 0, -1, "cgraph: cannot create a graph");
  an_status st = AN_OK;
  an_buf b, v;
  an_buf_init(&b);
  an_buf_init(&v);
  char num[32];
  Agnode_t **nodes = an_calloc(g->n_nodes + 1, sizeof *nodes);
  if (!nodes) {
    st = AN_ENOMEM;
    goto done;
  }
  /* Graph defaults: declared once, so statements only carry what differs. */
  agattr(G, AGRAPH, (char *)"fontname", (char *)"Helvetica");
  /* The legend grows with the drawing so it stays readable beside a few
   * hundred nodes. */
  snprintf(num, sizeof num, "%.0f", fmin(30.0, 10.0 + sqrt((double)g->n_nodes)));
  agattr(G, AGRAPH, (char *)"fontsize", num);
  agattr(G, AGRAPH, (char *)"outputorder", (char *)"edgesfirst");
  agattr(G, AGRAPH, (char *)"labelloc", (char *)"b");
  agattr(G, AGRAPH, (char *)"labeljust", (char *)"l");
  agattr(G, AGRAPH, (char *)"overlap", (char *)"prism");
  agattr(G, AGRAPH, (char *)"sep", (char *)"+6");
  /* News graphs fall apart into many small components: pack them in rows
   * instead of one long strip. */
  agattr(G, AGRAPH, (char *)"pack", (char *)"true");
  agattr(G, AGRAPH, (char *)"packmode", (char *)"array_u");
  agattr(G, AGRAPH, (char *)"splines", (char *)(g->n_edges > 500 ? "false" : "true"));
  if (engine && strcmp(engine, "dot") == 0) agattr(G, AGRAPH, (char *)"rankdir", (char *)"LR");
  agattr(G, AGNODE, (char *)"label", (char *)"\\N");
  agattr(G, AGNODE, (char *)"style", (char *)"filled");
  agattr(G, AGNODE, (char *)"fontname", (char *)"Helvetica");
  agattr(G, AGNODE, (char *)"fontsize", (char *)"10");
  agattr(G, AGNODE, (char *)"shape", (char *)"box");
  agattr(G, AGNODE, (char *)"fillcolor", (char *)"#8FC9EA");
  agattr(G, AGEDGE, (char *)"arrowsize", (char *)"0.7");
  agattr(G, AGEDGE, (char *)"color", (char *)"#555555");
  agattr(G, AGEDGE, (char *)"penwidth", (char *)"1");
  agattr(G, AGEDGE, (char *)"fontname", (char *)"Helvetica");
  for (size_t i = 0; st == AN_OK && i < g->n_nodes; i++) {
    const an_gnode *n = &g->nodes[i];
    Agnode_t *N = agnode(G, (char *)n->id, 1);
    if (!N) {
      st = AN_EGRAPH;
      break;
    }
    nodes[i] = N;
    if ((st = dot_label(n->label, &b)) != AN_OK) break;
    set(N, "label", b.data);
    set(N, "shape", an_kind_shape(n->kind));
    set(N, "fillcolor", an_kind_color(n->kind).hex);
    snprintf(num, sizeof num, "%.0f", fmin(22.0, 10.0 + 2.0 * log2(1.0 + (double)n->degree)));
    set(N, "fontsize", num);
    for (size_t k = 0; st == AN_OK && k < an_node_attr_count; k++) {
      if (!an_attr_applies(g, &an_node_attrs[k], AN_IN_DOT)) continue;
      an_attr_val val;
      an_node_attr(g, i, k, &val);
      if (!val.present) continue;
      if ((st = an_attr_text(&val, an_node_attrs[k].type, &v)) == AN_OK) set(N, an_node_attrs[k].name, v.data);
    }
    an_buf_clear(&v);
    if (st == AN_OK)
      st = an_buf_printf(&v, "%s (%s%s%s): %ld mentions in %zu documents, %ld connections", n->label, n->kind,
                         n->country ? ", " : "", n->country ? n->country : "", n->actor->mentions, n->actor->n_docs,
                         n->degree);
    if (st == AN_OK && (st = dot_label(v.data, &b)) == AN_OK) set(N, "tooltip", b.data);
  }
  for (size_t i = 0; st == AN_OK && i < g->n_edges; i++) {
    const an_gedge *e = &g->edges[i];
    Agedge_t *E = agedge(G, nodes[e->source], nodes[e->target], NULL, 1); /* NULL name: no key= in output */
    if (!E) {
      st = AN_EGRAPH;
      break;
    }
    /* Log scale up to the heaviest edge, but never less than 5 events, so a
     * graph of single events is drawn with thin lines, not all-heavy ones. */
    double pw = 1.0 + 4.0 * log1p((double)e->weight) / log1p(g->max_weight > 5 ? g->max_weight : 5);
    an_fmt_double(num, round(pw * 100) / 100);
    set(E, "penwidth", num);
    set(E, "color", an_relation_color(e->relation).hex);
    if (e->symmetric) set(E, "dir", "none");
    if (e->affiliation) {
      set(E, "style", "dashed");
      set(E, "arrowhead", "odot");
    }
    for (size_t k = 0; st == AN_OK && k < an_edge_attr_count; k++) {
      if (!an_attr_applies(g, &an_edge_attrs[k], AN_IN_DOT)) continue;
      an_attr_val val;
      an_edge_attr(g, i, k, &val);
      if (!val.present) continue;
      if ((st = an_attr_text(&val, an_edge_attrs[k].type, &v)) != AN_OK) break;
      if ((st = dot_label(v.data, &b)) == AN_OK) set(E, an_edge_attrs[k].name, b.data);
    }
    an_buf_clear(&v);
    if (st == AN_OK) {
      if (e->affiliation) st = an_edge_label(g, i, &v);
      else if (e->first_date)
        st = an_buf_printf(&v, "%s: %zu event%s, %s..%s", e->relation, e->weight, e->weight == 1 ? "" : "s",
                           e->first_date, e->last_date);
      else st = an_buf_printf(&v, "%s: %zu event%s, undated", e->relation, e->weight, e->weight == 1 ? "" : "s");
    }
    if (st == AN_OK && (st = dot_label(v.data, &b)) == AN_OK) set(E, "tooltip", b.data);
  }
  if (st == AN_OK && (st = legend(g, &b)) == AN_OK) {
    char *h = agstrdup_html(G, b.data);
    if (!h) st = AN_ENOMEM;
    else {
      set(G, "label", h); /* agxset keeps the HTML mark of an agstrdup_html string */
      agstrfree(G, h);
    }
  }
done:
  an_free(nodes);
  an_buf_free(&b);
  an_buf_free(&v);
  if (st != AN_OK) {
    agclose(G);
    return an_error_set(err, st, NULL, 0, -1, st == AN_ENOMEM ? "out of memory" : "cgraph failed");
  }
  *out = G;
  return AN_OK;
}

an_status an_export_dot(const an_graph *g, const an_export_opts *o, FILE *out, an_error *err) {
  (void)o;
  void *G = NULL;
  an_status st = an_dot_build(g, NULL, &G, err);
  if (st != AN_OK) return st;
  int rc = agwrite((Agraph_t *)G, out);
  agclose((Agraph_t *)G);
  if (rc == EOF || ferror(out)) return an_error_set(err, AN_EIO, NULL, 0, -1, "cannot write DOT");
  return AN_OK;
}
