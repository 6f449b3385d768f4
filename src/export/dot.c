/* dot.c: the Graphviz view of a graph through cgraph, written as DOT with
 * agwrite (which quotes and escapes ids and values). Node shape and colour
 * by kind, edge colour by relation, pen width by weight, dir=none for
 * symmetric relations, a legend as an HTML-table graph label (works in
 * every engine). The event count goes in a custom `events` attribute, never
 * in `weight`, which the layout engines read (formats.md section 5). */
#include <math.h>
#include <stdlib.h>
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
 * flatten line breaks (news text may carry them). *out is s itself when
 * nothing changes (most values), else b's copy. */
static an_status dot_label(const char *s, an_buf *b, const char **out) {
  if (!s[strcspn(s, "\\\n\r\t")]) {
    *out = s;
    return AN_OK;
  }
  an_buf_clear(b);
  an_status st = an_buf_reserve(b, strlen(s) + 8);
  for (; st == AN_OK && *s; s++) {
    if (*s == '\\') st = an_buf_puts(b, "\\\\");
    else if (*s == '\n' || *s == '\r' || *s == '\t') st = an_buf_putc(b, ' ');
    else st = an_buf_putc(b, *s);
  }
  *out = b->data;
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

/* agsafeset(obj, name, value, "") with the attribute's symbol looked up (or
 * declared with default "", as agsafeset does) once per graph instead of
 * once per call: kinds are AGNODE or AGEDGE. */
typedef struct symcache {
  Agraph_t *G;
  const char *name[64];
  int kind[64];
  Agsym_t *sym[64];
  size_t n;
} symcache;

static void set(symcache *c, void *obj, int kind, const char *name, const char *value) {
  Agsym_t *a = NULL;
  for (size_t i = 0; i < c->n; i++)
    if (c->name[i] == name && c->kind[i] == kind) {
      a = c->sym[i];
      break;
    }
  if (!a) {
    if (!(a = agattr(c->G, kind, (char *)name, NULL))) a = agattr(c->G, kind, (char *)name, (char *)"");
    if (a && c->n < 64) c->name[c->n] = name, c->kind[c->n] = kind, c->sym[c->n++] = a;
  }
  if (a) agxset(obj, a, (char *)value);
}

static void gset(void *obj, const char *name, const char *value) { agsafeset(obj, (char *)name, (char *)value, ""); }

/* Node and edge defaults, declared once so statements only carry what
 * differs (agwrite leaves out a value equal to its default). */
static const char *const node_defaults[][2] = {{"label", "\\N"},   {"style", "filled"}, {"fontname", "Helvetica"},
                                               {"fontsize", "10"}, {"shape", "box"},    {"fillcolor", "#8FC9EA"}};
static const char *const edge_defaults[][2] = {
    {"arrowsize", "0.7"}, {"color", "#555555"}, {"penwidth", "1"}, {"fontname", "Helvetica"}};
#define N_NODE_DEFAULTS (sizeof node_defaults / sizeof node_defaults[0])
#define N_EDGE_DEFAULTS (sizeof edge_defaults / sizeof edge_defaults[0])

/* The graph with its attributes and defaults, no nodes or edges yet. */
static Agraph_t *dot_open(const an_graph *g, const char *engine, Agdisc_t *disc) {
  Agraph_t *G = agopen((char *)"actors", Agdirected, disc);
  if (!G) return NULL;
  char num[32];
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
  for (size_t k = 0; k < N_NODE_DEFAULTS; k++)
    agattr(G, AGNODE, (char *)node_defaults[k][0], (char *)node_defaults[k][1]);
  for (size_t k = 0; k < N_EDGE_DEFAULTS; k++)
    agattr(G, AGEDGE, (char *)edge_defaults[k][0], (char *)edge_defaults[k][1]);
  return G;
}

/* The legend as the graph's HTML label. */
static an_status dot_legend(const an_graph *g, Agraph_t *G, an_buf *b) {
  an_status st = legend(g, b);
  if (st != AN_OK) return st;
  char *h = agstrdup_html(G, b->data);
  if (!h) return AN_ENOMEM;
  gset(G, "label", h); /* agxset keeps the HTML mark of an agstrdup_html string */
  agstrfree(G, h);
  return AN_OK;
}

/* Where the attributes of one node or edge go: a cgraph object (layout and
 * the fallback writer) or a list the streaming writer prints. */
typedef struct sink sink;
struct sink {
  void (*set)(sink *s, const char *name, const char *value);
};

typedef struct cgsink {
  sink base;
  symcache *sc;
  void *obj;
  int kind;
} cgsink;

static void cg_set(sink *s, const char *name, const char *value) {
  cgsink *c = (cgsink *)s;
  set(c->sc, c->obj, c->kind, name, value);
}

/* Per-edge scratch: pen widths of the common small weights, formatted once. */
typedef struct dotscratch {
  an_buf b, v;
  char num[32];
  char pwtext[64][32];
} dotscratch;

static an_status node_attrs(const an_graph *g, size_t i, sink *s, dotscratch *x) {
  const an_gnode *n = &g->nodes[i];
  const char *lab;
  an_status st = dot_label(n->label, &x->b, &lab);
  if (st != AN_OK) return st;
  s->set(s, "label", lab);
  s->set(s, "shape", an_kind_shape(n->kind));
  s->set(s, "fillcolor", an_kind_color(n->kind).hex);
  snprintf(x->num, sizeof x->num, "%.0f", fmin(22.0, 10.0 + 2.0 * log2(1.0 + (double)n->degree)));
  s->set(s, "fontsize", x->num);
  for (size_t k = 0; st == AN_OK && k < an_node_attr_count; k++) {
    if (!an_attr_applies(g, &an_node_attrs[k], AN_IN_DOT)) continue;
    an_attr_val val;
    an_node_attr(g, i, k, &val);
    if (!val.present) continue;
    if ((st = an_attr_text(&val, an_node_attrs[k].type, &x->v)) == AN_OK) s->set(s, an_node_attrs[k].name, x->v.data);
  }
  an_buf_clear(&x->v);
  if (st == AN_OK)
    st = an_buf_printf(&x->v, "%s (%s%s%s): %ld mentions in %zu documents, %ld connections", n->label, n->kind,
                       n->country ? ", " : "", n->country ? n->country : "", n->actor->mentions, n->actor->n_docs,
                       n->degree);
  if (st == AN_OK && (st = dot_label(x->v.data, &x->b, &lab)) == AN_OK) s->set(s, "tooltip", lab);
  return st;
}

static an_status edge_attrs(const an_graph *g, size_t i, sink *s, dotscratch *x) {
  const an_gedge *e = &g->edges[i];
  const size_t weight = an_gedge_weight(e);
  const char *first_date = an_gedge_first_date(e), *last_date = an_gedge_last_date(e);
  const char *lab;
  an_status st = AN_OK;
  /* Log scale up to the heaviest edge, but never less than 5 events, so a
   * graph of single events is drawn with thin lines, not all-heavy ones. */
  char *pwt = weight < 64 ? x->pwtext[weight] : x->num;
  if (pwt == x->num || !pwt[0]) {
    double pw = 1.0 + 4.0 * log1p((double)weight) / log1p(g->max_weight > 5 ? g->max_weight : 5);
    an_fmt_double(pwt, round(pw * 100) / 100);
  }
  s->set(s, "penwidth", pwt);
  s->set(s, "color", an_relation_color(e->relation).hex);
  if (e->symmetric) s->set(s, "dir", "none");
  if (e->affiliation) {
    s->set(s, "style", "dashed");
    s->set(s, "arrowhead", "odot");
  }
  for (size_t k = 0; st == AN_OK && k < an_edge_attr_count; k++) {
    if (!an_attr_applies(g, &an_edge_attrs[k], AN_IN_DOT)) continue;
    an_attr_val val;
    an_edge_attr(g, i, k, &val);
    if (!val.present) continue;
    if ((st = an_attr_text(&val, an_edge_attrs[k].type, &x->v)) != AN_OK) break;
    if ((st = dot_label(x->v.data, &x->b, &lab)) == AN_OK) s->set(s, an_edge_attrs[k].name, lab);
  }
  an_buf_clear(&x->v);
  if (st == AN_OK) {
    if (e->affiliation) st = an_edge_label(g, i, &x->v);
    else { /* "%s: %zu event%s, %s..%s" or "..., undated", without printf */
      size_t nl = an_fmt_ll(x->num, (long long)weight);
      st = an_buf_puts(&x->v, e->relation ? e->relation : "(null)");
      if (st == AN_OK) st = an_buf_append(&x->v, ": ", 2);
      if (st == AN_OK) st = an_buf_append(&x->v, x->num, nl);
      if (st == AN_OK) st = an_buf_puts(&x->v, weight == 1 ? " event, " : " events, ");
      if (st == AN_OK && first_date) {
        st = an_buf_puts(&x->v, first_date);
        if (st == AN_OK) st = an_buf_append(&x->v, "..", 2);
        if (st == AN_OK) st = an_buf_puts(&x->v, last_date ? last_date : "(null)");
      } else if (st == AN_OK) {
        st = an_buf_puts(&x->v, "undated");
      }
    }
  }
  if (st == AN_OK && (st = dot_label(x->v.data, &x->b, &lab)) == AN_OK) s->set(s, "tooltip", lab);
  return st;
}

an_status an_dot_build(const an_graph *g, const char *engine, void **out, an_error *err) {
  *out = NULL;
  Agraph_t *G = dot_open(g, engine, NULL);
  if (!G) return an_error_set(err, AN_EGRAPH, NULL, 0, -1, "cgraph: cannot create a graph");
  dotscratch *x = an_calloc(1, sizeof *x);
  Agnode_t **nodes = an_calloc(g->n_nodes + 1, sizeof *nodes);
  an_status st = x && nodes ? AN_OK : AN_ENOMEM;
  symcache sc;
  memset(&sc, 0, sizeof sc);
  sc.G = G;
  cgsink cs = {{cg_set}, &sc, NULL, AGNODE};
  for (size_t i = 0; st == AN_OK && i < g->n_nodes; i++) {
    Agnode_t *N = agnode(G, (char *)g->nodes[i].id, 1);
    if (!N) {
      st = AN_EGRAPH;
      break;
    }
    nodes[i] = N;
    cs.obj = N;
    st = node_attrs(g, i, &cs.base, x);
  }
  cs.kind = AGEDGE;
  for (size_t i = 0; st == AN_OK && i < g->n_edges; i++) {
    const an_gedge *e = &g->edges[i];
    Agedge_t *E = agedge(G, nodes[e->source], nodes[e->target], NULL, 1); /* NULL name: no key= in output */
    if (!E) {
      st = AN_EGRAPH;
      break;
    }
    cs.obj = E;
    st = edge_attrs(g, i, &cs.base, x);
  }
  if (st == AN_OK) st = dot_legend(g, G, &x->b);
  an_free(nodes);
  if (x) {
    an_buf_free(&x->b);
    an_buf_free(&x->v);
    an_free(x);
  }
  if (st != AN_OK) {
    agclose(G);
    return an_error_set(err, st, NULL, 0, -1, st == AN_ENOMEM ? "out of memory" : "cgraph failed");
  }
  *out = G;
  return AN_OK;
}

/* ---- streaming DOT ----
 *
 * A graph of millions of edges is not built in cgraph to be written: the
 * header (graph attributes, node and edge defaults, legend) is agwrite's
 * output for the graph without nodes and edges, and the statements follow
 * in agwrite's layout and order (Graphviz 2.42 lib/cgraph/write.c), each
 * name and value quoted by cgraph's own agcanon. Memory stays a few arrays
 * over the nodes. The result is byte for byte agwrite's (tested against
 * it, tests/unit/export). */

/* The attributes of one object, in the order they are set. */
typedef struct pairs {
  sink base;
  /* agcanon of the attribute names seen so far (a fixed set): by pointer */
  const char *cname[64];
  char *canon[64];
  size_t n_canon;
  const char *name[48];
  size_t off[48]; /* into text */
  size_t n;
  an_buf text;
  an_status st;
} pairs;

static void pairs_set(sink *s, const char *name, const char *value) {
  pairs *p = (pairs *)s;
  size_t k = 0;
  /* set again: the last value wins, as in cgraph */
  while (k < p->n && (p->name[k] != name && (p->name[k][0] != name[0] || strcmp(p->name[k], name) != 0))) k++;
  if (k == sizeof p->name / sizeof p->name[0]) {
    p->st = AN_EINTERNAL;
    return;
  }
  p->off[k] = p->text.len;
  if (an_buf_append(&p->text, value, strlen(value) + 1) != AN_OK) p->st = AN_ENOMEM;
  if (k == p->n) p->name[p->n++] = name;
}

static void pairs_clear(pairs *p) {
  p->n = 0;
  an_buf_clear(&p->text);
}

/* agwrite's text of a name or value. agcanon's buffer is cgraph's static
 * one (agwrite's too), so the text is copied at once. */
static int put_canon(FILE *out, const char *s) { return fputs(agcanon((char *)s, 0), out) != EOF; }

/* An attribute name as agcanon writes it, kept for the next objects. */
static int put_name(FILE *out, pairs *p, const char *name) {
  for (size_t k = 0; k < p->n_canon; k++)
    if (p->cname[k] == name) return fputs(p->canon[k], out) != EOF;
  const char *c = agcanon((char *)name, 0);
  if (p->n_canon < sizeof p->cname / sizeof p->cname[0]) {
    char *copy = an_strdup(c);
    if (copy) p->cname[p->n_canon] = name, p->canon[p->n_canon++] = copy;
  }
  return fputs(c, out) != EOF;
}

/* The default of attribute name (defs, else ""). */
static const char *default_of(const char *name, const char *const (*defs)[2], size_t ndefs) {
  for (size_t d = 0; d < ndefs; d++)
    if (defs[d][0][0] == name[0] && strcmp(defs[d][0], name) == 0) return defs[d][1];
  return "";
}

static int by_name(const void *a, const void *b) {
  return strcmp(**(const char *const *const *)a, **(const char *const *const *)b);
}

/* " [a=1,\n\t\tb=2]" for the values that differ from their defaults, sorted
 * by name (agwrite's order: the attribute dictionary's). */
static int put_attrs(FILE *out, pairs *p, const char *const (*defs)[2], size_t ndefs) {
  const char **order[48];
  size_t n = 0;
  for (size_t k = 0; k < p->n; k++)
    if (strcmp(default_of(p->name[k], defs, ndefs), p->text.data + p->off[k]) != 0) order[n++] = &p->name[k];
  if (!n) return 1;
  qsort(order, n, sizeof order[0], by_name);
  int ok = fputs("\t[", out) != EOF;
  for (size_t k = 0; ok && k < n; k++) {
    size_t at = (size_t)(order[k] - p->name);
    ok = (k == 0 || fputs(",\n\t\t", out) != EOF) && put_name(out, p, p->name[at]) && fputc('=', out) != EOF &&
         put_canon(out, p->text.data + p->off[at]);
  }
  return ok && fputc(']', out) != EOF;
}

/* Whether any value differs from its default (not_default_attrs). */
static int nondefault(const pairs *p, const char *const (*defs)[2], size_t ndefs) {
  for (size_t k = 0; k < p->n; k++)
    if (strcmp(default_of(p->name[k], defs, ndefs), p->text.data + p->off[k]) != 0) return 1;
  return 0;
}

/* write_node: the name, and the attributes the first time only. */
static int put_node(FILE *out, const char *name, pairs *p, int with_attrs) {
  return fputc('\t', out) != EOF && fputs(name, out) != EOF &&
         (!with_attrs || put_attrs(out, p, node_defaults, N_NODE_DEFAULTS)) && fputs(";\n", out) != EOF;
}

static an_status stream_dot(const an_graph *g, FILE *out, const size_t *by_src, const char *hdr, size_t hlen) {
  size_t nn = g->n_nodes, ne = g->n_edges;
  /* Per node: the lowest tail among its in-edges (agwrite writes a head
   * before an edge only while no lower node points at it), whether it has
   * edges, whether its attributes were written; and its quoted name. */
  size_t *minpred = an_malloc((nn + 1) * sizeof *minpred);
  unsigned char *flags = an_calloc(nn + 1, 1);
  size_t *name_at = an_malloc((nn + 1) * sizeof *name_at);
  size_t *first = by_src ? an_calloc(nn + 2, sizeof *first) : NULL;
  an_buf names;
  an_buf_init(&names);
  dotscratch *x = an_calloc(1, sizeof *x);
  pairs p;
  memset(&p, 0, sizeof p);
  p.base.set = pairs_set;
  an_buf_init(&p.text);
  an_status st = minpred && flags && name_at && x && (first || !by_src) ? AN_OK : AN_ENOMEM;
  enum { HAS_EDGES = 1, ATTRS_WRITTEN = 2 };
  for (size_t i = 0; st == AN_OK && i < nn; i++) {
    minpred[i] = SIZE_MAX;
    name_at[i] = names.len;
    st = an_buf_puts(&names, agcanon((char *)g->nodes[i].id, 0));
    if (st == AN_OK) st = an_buf_putc(&names, '\0');
  }
  for (size_t i = 0; st == AN_OK && i < ne; i++) {
    const an_gedge *e = &g->edges[i];
    if (e->source < minpred[e->target]) minpred[e->target] = e->source;
    flags[e->source] |= HAS_EDGES, flags[e->target] |= HAS_EDGES;
    if (first) first[e->source + 1]++;
  }
  for (size_t i = 0; first && i < nn; i++) first[i + 1] += first[i];
  int ok = fwrite(hdr, 1, hlen, out) == hlen;
  size_t next = 0; /* edges sorted by source: the next out-edge */
  for (size_t n = 0; ok && st == AN_OK && n < nn; n++) {
    /* write_body: the node (write_node_test: no in-edge from below it, and
     * a singleton or with attributes), then each out-edge, its head first
     * when that head passes write_node_test for n. */
    if (minpred[n] >= n) {
      pairs_clear(&p);
      if ((st = node_attrs(g, n, &p.base, x)) != AN_OK || (st = p.st) != AN_OK) break;
      if (!(flags[n] & HAS_EDGES) || nondefault(&p, node_defaults, N_NODE_DEFAULTS)) {
        ok = put_node(out, names.data + name_at[n], &p, !(flags[n] & ATTRS_WRITTEN));
        flags[n] |= ATTRS_WRITTEN;
      }
    }
    size_t prev = n;
    size_t lo = first ? first[n] : next, hi = first ? first[n + 1] : ne;
    for (size_t k = lo; ok && st == AN_OK && k < hi; k++) {
      size_t ei = first ? by_src[k] : k;
      const an_gedge *e = &g->edges[ei];
      if (!first && e->source != n) break;
      if (!first) next = k + 1;
      size_t h = e->target;
      if (prev != h && h >= n && minpred[h] >= n) {
        pairs_clear(&p);
        if ((st = node_attrs(g, h, &p.base, x)) != AN_OK || (st = p.st) != AN_OK) break;
        if (nondefault(&p, node_defaults, N_NODE_DEFAULTS)) { /* h has an edge: written for its attributes */
          ok = put_node(out, names.data + name_at[h], &p, !(flags[h] & ATTRS_WRITTEN));
          flags[h] |= ATTRS_WRITTEN;
          prev = h;
        }
      }
      pairs_clear(&p);
      if ((st = edge_attrs(g, ei, &p.base, x)) != AN_OK || (st = p.st) != AN_OK) break;
      ok = ok && fputc('\t', out) != EOF && fputs(names.data + name_at[e->source], out) != EOF &&
           fputs(" -> ", out) != EOF && fputs(names.data + name_at[h], out) != EOF &&
           put_attrs(out, &p, edge_defaults, N_EDGE_DEFAULTS) && fputs(";\n", out) != EOF;
    }
  }
  ok = ok && fputs("}\n", out) != EOF;
  an_free(minpred);
  an_free(flags);
  an_free(name_at);
  an_free(first);
  an_buf_free(&names);
  an_buf_free(&p.text);
  for (size_t k = 0; k < p.n_canon; k++) an_free(p.canon[k]);
  if (x) {
    an_buf_free(&x->b);
    an_buf_free(&x->v);
    an_free(x);
  }
  if (st == AN_OK && !ok) st = AN_EIO;
  return st;
}

/* agwrite's output collected in an an_buf (the channel). */
static int buf_putstr(void *chan, const char *str) { return an_buf_puts(chan, str) == AN_OK ? 0 : EOF; }
static int buf_flush(void *chan) {
  (void)chan;
  return 0;
}

an_status an_export_dot(const an_graph *g, const an_export_opts *o, FILE *out, an_error *err) {
  (void)o;
  /* Two nodes of one id would be one cgraph node: leave that to cgraph. */
  an_strmap ids;
  an_strmap_init(&ids);
  int unique = 1;
  an_status st = AN_OK;
  for (size_t i = 0; st == AN_OK && unique && i < g->n_nodes; i++) {
    if (an_strmap_get(&ids, g->nodes[i].id) != (size_t)-1) unique = 0;
    else st = an_strmap_put(&ids, g->nodes[i].id, i);
  }
  an_strmap_free(&ids);
  if (st != AN_OK) return an_error_set(err, st, NULL, 0, -1, "out of memory");
  if (!unique) {
    void *G = NULL;
    if ((st = an_dot_build(g, NULL, &G, err)) != AN_OK) return st;
    int rc = agwrite((Agraph_t *)G, out);
    agclose((Agraph_t *)G);
    if (rc == EOF || ferror(out)) return an_error_set(err, AN_EIO, NULL, 0, -1, "cannot write DOT");
    return AN_OK;
  }
  /* The header: agwrite of the graph without nodes and edges, less "}\n". */
  Agiodisc_t io = {AgIoDisc.afread, buf_putstr, buf_flush};
  Agdisc_t disc = {&AgMemDisc, &AgIdDisc, &io};
  an_buf hdr;
  an_buf_init(&hdr);
  Agraph_t *G = dot_open(g, NULL, &disc);
  if (!G) return an_error_set(err, AN_EGRAPH, NULL, 0, -1, "cgraph: cannot create a graph");
  an_buf b;
  an_buf_init(&b);
  st = dot_legend(g, G, &b);
  an_buf_free(&b);
  if (st == AN_OK && (agwrite(G, &hdr) == EOF || hdr.len < 2)) st = AN_ENOMEM;
  agclose(G);
  /* agwrite takes a node's out-edges in the order of cgraph's edge set: by
   * head, then by creation. The graph's edges are sorted by source and
   * target already; else an index in that order (two stable counting
   * sorts: by target, then by source). */
  size_t *by_src = NULL;
  int sorted = 1;
  for (size_t i = 1; sorted && i < g->n_edges; i++) {
    const an_gedge *a = &g->edges[i - 1], *e = &g->edges[i];
    sorted = a->source < e->source || (a->source == e->source && a->target <= e->target);
  }
  if (st == AN_OK && !sorted) {
    size_t *cnt = an_malloc((g->n_nodes + 1) * sizeof *cnt);
    size_t *tmp = an_malloc((g->n_edges + 1) * sizeof *tmp);
    by_src = an_malloc((g->n_edges + 1) * sizeof *by_src);
    if (!cnt || !tmp || !by_src) st = AN_ENOMEM;
    for (int pass = 0; st == AN_OK && pass < 2; pass++) {
      memset(cnt, 0, (g->n_nodes + 1) * sizeof *cnt);
      for (size_t i = 0; i < g->n_edges; i++) {
        const an_gedge *e = &g->edges[i];
        cnt[(pass ? e->source : e->target) + 1]++;
      }
      for (size_t i = 0; i < g->n_nodes; i++) cnt[i + 1] += cnt[i];
      for (size_t i = 0; i < g->n_edges; i++) {
        size_t ei = pass ? tmp[i] : i;
        const an_gedge *e = &g->edges[ei];
        (pass ? by_src : tmp)[cnt[pass ? e->source : e->target]++] = ei;
      }
    }
    an_free(cnt);
    an_free(tmp);
  }
  if (st == AN_OK) st = stream_dot(g, out, by_src, hdr.data, hdr.len - 2);
  an_free(by_src);
  an_buf_free(&hdr);
  if (st == AN_EIO || ferror(out)) return an_error_set(err, AN_EIO, NULL, 0, -1, "cannot write DOT");
  if (st != AN_OK) return an_error_set(err, st, NULL, 0, -1, st == AN_ENOMEM ? "out of memory" : "cgraph failed");
  return AN_OK;
}
