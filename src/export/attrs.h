/* attrs.h: the one table of node and edge attributes every exporter maps to
 * its format (design.md "Graph attribute spec"; names and types chosen for
 * what real clients accept, formats.md: no attribute called id, type or
 * color, names are [a-z_] so GraphML key ids stay NMTOKENs), plus the shared
 * palette, number formatting and id/label helpers. */
#ifndef AN_EXPORT_ATTRS_H
#define AN_EXPORT_ATTRS_H

#include <stddef.h>
#include <stdio.h>

#include "core/core.h"
#include "graph/graph_internal.h"

typedef enum an_attr_type { AN_AT_STRING, AN_AT_INT, AN_AT_DOUBLE, AN_AT_BOOL, AN_AT_LIST } an_attr_type;

/* Where an attribute goes (bits). */
#define AN_IN_GRAPHML (1u << 0)
#define AN_IN_GEXF (1u << 1)   /* as an attvalue (label, weight and viz go elsewhere) */
#define AN_IN_JSON (1u << 2)
#define AN_IN_CSV (1u << 3)
#define AN_IN_DOT (1u << 4)
#define AN_EVENTS_ONLY (1u << 5) /* only in the event multigraph (one event per edge) */
#define AN_IN_ALL (AN_IN_GRAPHML | AN_IN_GEXF | AN_IN_JSON | AN_IN_CSV | AN_IN_DOT)

typedef struct an_attr_def {
  const char *name;
  an_attr_type type;
  unsigned where;
} an_attr_def;

typedef struct an_attr_val {
  int present; /* 0: no value (written as nothing, null or an empty cell) */
  const char *s;
  long long i;
  double d;
  int b;
  const char *const *list;
  size_t n;
} an_attr_val;

extern const an_attr_def an_node_attrs[];
extern const size_t an_node_attr_count;
extern const an_attr_def an_edge_attrs[];
extern const size_t an_edge_attr_count;

/* Value of attribute k (index into the table) of node/edge i. */
void an_node_attr(const an_graph *g, size_t i, size_t k, an_attr_val *out);
void an_edge_attr(const an_graph *g, size_t i, size_t k, an_attr_val *out);

/* Whether attribute def applies to graph g (events-only ones need events mode). */
int an_attr_applies(const an_graph *g, const an_attr_def *def, unsigned where);

/* The attributes one export of g writes (those applying to `where`),
 * chosen once per export, each with its start tag ready: prefix + name +
 * suffix, node_prefix or edge_prefix by kind. Names are [a-z_] (checked):
 * nothing to escape. AN_EINTERNAL if the table outgrows the arrays. */
typedef struct an_attr_key {
  size_t k;          /* index into an_node_attrs / an_edge_attrs */
  an_attr_type type;
  int label;         /* the edge attribute "label" */
  size_t open_len;
  char open[64];
} an_attr_key;

typedef struct an_attr_keys {
  an_attr_key node[32], edge[32];
  size_t n_node, n_edge;
} an_attr_keys;

an_status an_attr_keys_choose(const an_graph *g, unsigned where, const char *node_prefix,
                              const char *edge_prefix, const char *suffix, an_attr_keys *ks);

/* Type names per format. */
const char *an_attr_graphml_type(an_attr_type t); /* string|int|double|boolean */
const char *an_attr_gexf_type(an_attr_type t);    /* string|integer|double|boolean */

/* Formats a value as text ("; "-joined lists, true/false, locale-free
 * numbers) into b (cleared first). */
an_status an_attr_text(const an_attr_val *v, an_attr_type t, an_buf *b);

/* A double as text, always with '.' whatever LC_NUMERIC says (a decimal
 * comma would break XML, CSV and JSON readers), shortest of %.10g.
 * Returns the length. */
size_t an_fmt_double(char out[32], double d);

/* v in decimal, as printf("%lld") would write it, without printf (the
 * exporters format millions of numbers). Returns the length. */
size_t an_fmt_ll(char out[24], long long v);

/* Palette (colour-blind safe, Okabe-Ito based). */
typedef struct an_rgb {
  int r, g, b;
  const char *hex; /* "#RRGGBB" */
} an_rgb;
an_rgb an_kind_color(const char *kind);
an_rgb an_relation_color(const char *relation);
/* Graphviz/GEXF shape of a kind. */
const char *an_kind_shape(const char *kind);
const char *an_kind_gexf_shape(const char *kind);
/* Node size for drawing: grows with weighted degree. */
double an_node_size(const an_gnode *n);

/* An actor id as an XML NMTOKEN ([A-Za-z0-9._-]; any other byte, and '_'
 * itself, as _HH, so the mapping stays one-to-one). */
an_status an_nmtoken(const char *id, an_buf *b);

/* The relations present in the graph, sorted; for legends.
 * Owns: *out (an_free). */
an_status an_graph_relations(const an_graph *g, const char ***out, size_t *n);
an_status an_graph_kinds(const an_graph *g, const char ***out, size_t *n);

/* The generator string: "actornet X.Y.Z". */
const char *an_generator(void);

#endif
