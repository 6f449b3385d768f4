/* graph.h: from events to the actor network, and out to files.
 *
 * An an_model collects documents, actors, affiliations and events from any
 * number of events JSONL inputs (the output of `actornet extract`). Adding
 * inputs in any order, or split into any shards, gives byte-identical graphs
 * (tests/unit/graph/test_order.c, tests/graph/test_shard_order.sh): every
 * merge is an order-free rule, never "first wins":
 *  - an event id seen twice is one event; if the two records differ, the
 *    smaller content (field by field) is kept;
 *  - a document id seen twice merges: its metadata come from the record with
 *    more fields set (then the smaller date, outlet, url, title), its actors
 *    and affiliations are the union, one record per actor id (more mentions,
 *    then the smaller label, kind, country, key, aliases);
 *  - an affiliation counts when both its ends are listed in the "actors" of a
 *    record of its document (checked when every input is in);
 *  - the cross-document join (src/actors/registry.h) numbers its records by
 *    content before joining; actors that end with one id get "-2", "-3"...
 *    (the smallest free), and nodes stay in strcmp order of their ids.
 *
 * Memory grows with documents, actor sightings and aggregated edges, not
 * with events: events are kept as binary records in a spill (in memory up to
 * 4 MB, then an unlinked temporary file in $TMPDIR, else /tmp, which needs
 * room for about the events' size). Building the aggregated graph streams the
 * spill once; only the JSON event lists (8 bytes an event of index, unless
 * AN_GRAPH_NO_EVENT_LISTS) and the event multigraph (every event in memory)
 * read events back. What stays in memory per event is its entry in the
 * duplicate-id index (16 bytes, 23-46 with the table's slack); the rest
 * grows with documents and actor sightings (one per actor and document,
 * ~130 bytes with their index; the cross-document join takes one record
 * per distinct actor content, not per sighting), aggregated edges (~220
 * bytes each at the peak: a 64-byte aggregate and its 8-byte table slot, a
 * 16-byte sort key, the 64-byte edge and its lists, 8 bytes a string) and
 * actors.
 *
 * an_graph_build() turns a model into a graph view: filters (types, dates,
 * documents, weight, ego network), then either the aggregated graph (one edge
 * per source, target and relation; symmetric relations call/meet joined
 * whatever the order, the graph itself stays directed) or the event multigraph
 * (one edge per event), plus affiliation edges, plus node metrics computed with
 * igraph (degree, strength, PageRank, betweenness, community). Nodes are sorted
 * by id, edges by source, target, relation: output is deterministic.
 *
 * Exporters write a graph as GraphML, GEXF, DOT, node-link JSON or CSV, and
 * render it through Graphviz as SVG or PNG. All attributes come from one table
 * (src/export/attrs.c), mapped per format to what real clients accept
 * (docs: formats.md).
 *
 * Node attributes: label, kind (person|organization|country), country (ISO
 * alpha-3), aliases, affiliations ("Org (role)"), mentions, docs, first_date,
 * last_date, degree, indegree, outdegree (a symmetric edge counts both ways),
 * strength (summed weights), pagerank, betweenness (undirected, unweighted;
 * estimated from evenly spaced sources on very large graphs), community
 * (multilevel, seeded; 0 = largest); GraphML adds r, g, b, size for Gephi.
 * Edge attributes: label ("meet (3)"), relation (event type or affiliation),
 * kind (interaction|affiliation), role, symmetric, weight (distinct events;
 * documents for affiliations), events, docs, first_date, last_date, dates,
 * outlets, doc_ids, attributed_to, cameo, quadclass, plover; the event
 * multigraph adds event_id, date_text, trigger, confidence, sentence,
 * offset_start, offset_end. Lists are arrays in JSON and "; "-joined text in
 * XML and CSV. JSON links also carry their events (id, doc, date, source,
 * target, outlet, url, attributed_to, sentence, offsets, trigger, ...).
 * The graph is directed; symmetric relations are marked, not undirected
 * (networkx refuses mixed graphs), unless AN_EXPORT_MIXED asks for it. */
#ifndef ACTORNET_GRAPH_H
#define ACTORNET_GRAPH_H

#include <stddef.h>
#include <stdio.h>
#include "error.h"
#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct an_model an_model;
typedef struct an_graph an_graph;

/* ---- Model ---------------------------------------------------------------- */

/* Owns: *out on AN_OK (an_model_free). */
AN_EXPORT an_status an_model_new(an_model **out, an_error *err);
AN_EXPORT void an_model_free(an_model *m);

/* Adds every record of an events JSONL buffer (document and event records;
 * other record kinds are ignored). path names the input in errors. A line
 * that is not a JSON object, or an event without type/source/target, is
 * AN_EDATA with its line number. Strings are cleaned on the way in: invalid
 * UTF-8 becomes U+FFFD, control characters other than tab/newline are
 * dropped (XML cannot carry them). Borrows: data only during the call. */
AN_EXPORT an_status an_model_add_jsonl(an_model *m, const char *data, size_t len,
                                       const char *path, an_error *err);

/* Streaming form (style.md C2): an_model_feed adds records like
 * an_model_add_jsonl but leaves the cross-document join for
 * an_model_finish, so many small inputs (one extracted document at a time,
 * many shards) cost one join, not one per input. an_model_add_jsonl is
 * feed + finish. A model must be finished before an_graph_build. */
AN_EXPORT an_status an_model_feed(an_model *m, const char *data, size_t len, const char *path, an_error *err);
AN_EXPORT an_status an_model_finish(an_model *m, an_error *err);

/* Reads a whole events JSONL file ("-" = stdin) into the model. */
AN_EXPORT an_status an_model_add_file(an_model *m, const char *path, an_error *err);

/* Whether a JSONL buffer holds events (its first record has a "record"
 * field) rather than documents to extract (a "text" field) or plain text. */
AN_EXPORT int an_jsonl_is_events(const char *data, size_t len);

/* Distinct documents, events and actors seen so far. */
AN_EXPORT size_t an_model_doc_count(const an_model *m);
AN_EXPORT size_t an_model_event_count(const an_model *m);
AN_EXPORT size_t an_model_actor_count(const an_model *m);

/* ---- Graph view ------------------------------------------------------------ */

#define AN_GRAPH_NO_AFFILIATIONS (1u << 0) /* drop person -> organization edges */
#define AN_GRAPH_EVENTS (1u << 1)          /* event multigraph: one edge per event */
#define AN_GRAPH_NO_METRICS (1u << 2)      /* skip igraph metrics (all zero) */
/* Aggregated graph without its per-edge event lists: JSON then writes
 * "events":[] (the other formats never list events). Saves 8 bytes per
 * event; `actornet build` sets it when no JSON is written. */
#define AN_GRAPH_NO_EVENT_LISTS (1u << 3)

typedef struct an_graph_opts {
  unsigned flags;      /* AN_GRAPH_* bits */
  const char *types;   /* comma list of relations to keep ("call,meet,affiliation"), NULL = all */
  const char *since;   /* keep events dated on/after (ISO prefix), NULL = no bound */
  const char *until;   /* keep events dated on/before, NULL = no bound */
  const char *docs;    /* comma list of document ids to keep, NULL = all */
  double min_weight;   /* drop aggregated edges lighter than this (0 = keep all) */
  const char *focus;   /* ego network around this actor (id, label or alias), NULL = whole graph */
  int hops;            /* radius of the ego network (default 1) */
  unsigned jobs;       /* threads filling the edges (0, 1: none); the graph is the same for any */
} an_graph_opts;

/* Defaults: everything kept, hops = 1. */
AN_EXPORT void an_graph_opts_init(an_graph_opts *o);

/* Builds a filtered view of m. AN_ENOTFOUND if focus names no actor;
 * AN_EINVAL for a malformed date bound; AN_EGRAPH if igraph fails.
 * Owns: *out on AN_OK (an_graph_free). Borrows: m must outlive the graph. */
AN_EXPORT an_status an_graph_build(const an_model *m, const an_graph_opts *o, an_graph **out,
                                   an_error *err);
AN_EXPORT void an_graph_free(an_graph *g);

AN_EXPORT size_t an_graph_node_count(const an_graph *g);
AN_EXPORT size_t an_graph_edge_count(const an_graph *g);
/* Index of the node with this actor id, or (size_t)-1. */
AN_EXPORT size_t an_graph_find_node(const an_graph *g, const char *id);
/* Borrows: valid while g lives. */
AN_EXPORT const char *an_graph_node_id(const an_graph *g, size_t i);
AN_EXPORT const char *an_graph_node_label(const an_graph *g, size_t i);
AN_EXPORT size_t an_graph_edge_source(const an_graph *g, size_t e);
AN_EXPORT size_t an_graph_edge_target(const an_graph *g, size_t e);
AN_EXPORT const char *an_graph_edge_relation(const an_graph *g, size_t e);
/* Distinct events on the edge (documents stating it, for affiliations). */
AN_EXPORT size_t an_graph_edge_weight(const an_graph *g, size_t e);

/* ---- Exporters ------------------------------------------------------------- */

typedef enum an_format {
  AN_FORMAT_NONE = 0,
  AN_FORMAT_GRAPHML,
  AN_FORMAT_GEXF,
  AN_FORMAT_DOT,
  AN_FORMAT_JSON,
  AN_FORMAT_CSV_NODES,
  AN_FORMAT_CSV_EDGES,
  AN_FORMAT_SVG,
  AN_FORMAT_PNG,
} an_format;

#define AN_EXPORT_MIXED (1u << 0)  /* symmetric edges written undirected (Gephi only; networkx refuses) */
#define AN_EXPORT_GEXF13 (1u << 1) /* GEXF 1.3 (kind on edges) instead of 1.2draft */

typedef enum an_json_style {
  AN_JSON_NODE_LINK = 0, /* networkx node_link_graph / d3 */
  AN_JSON_GRAPHOLOGY = 1,
  AN_JSON_CYTOSCAPE = 2,
} an_json_style;

typedef struct an_export_opts {
  unsigned flags;           /* AN_EXPORT_* bits */
  an_json_style json_style;
  const char *engine;       /* render: "dot", "neato", "sfdp"...; NULL = by size */
  unsigned jobs;            /* threads formatting GraphML, GEXF, JSON, CSV (0, 1: none); same bytes for any */
} an_export_opts;

/* Format from a name ("graphml", "gexf", "dot"/"gv", "json", "csv",
 * "nodes", "edges", "svg", "png") or from a path's extension
 * (nodes.csv -> nodes table, other .csv -> edges table).
 * AN_FORMAT_NONE if unknown. */
AN_EXPORT an_format an_format_from_name(const char *name);
AN_EXPORT an_format an_format_from_path(const char *path);

/* Each writer takes the graph (const), options (NULL = defaults) and an open
 * stream; AN_EIO if a write fails. Nothing is buffered across calls. */
AN_EXPORT an_status an_export_graphml(const an_graph *g, const an_export_opts *o, FILE *out, an_error *err);
AN_EXPORT an_status an_export_gexf(const an_graph *g, const an_export_opts *o, FILE *out, an_error *err);
AN_EXPORT an_status an_export_dot(const an_graph *g, const an_export_opts *o, FILE *out, an_error *err);
AN_EXPORT an_status an_export_json(const an_graph *g, const an_export_opts *o, FILE *out, an_error *err);
AN_EXPORT an_status an_export_csv_nodes(const an_graph *g, const an_export_opts *o, FILE *out, an_error *err);
AN_EXPORT an_status an_export_csv_edges(const an_graph *g, const an_export_opts *o, FILE *out, an_error *err);
/* Lays the graph out with Graphviz (o->engine, else dot under 50 nodes,
 * neato up to 300, sfdp above) and draws it as SVG or PNG. */
AN_EXPORT an_status an_render(const an_graph *g, const an_export_opts *o, an_format fmt, FILE *out,
                              an_error *err);
/* Any of the above by format. */
AN_EXPORT an_status an_export(const an_graph *g, const an_export_opts *o, an_format fmt, FILE *out,
                              an_error *err);

/* Writes to path through a temporary file renamed on success ("-" =
 * stdout). fmt NONE = from the extension. A path ending in '/' or naming a
 * directory gets every format: graph.graphml, graph.gexf, graph.dot,
 * graph.json, nodes.csv, edges.csv (created if missing). */
AN_EXPORT an_status an_export_path(const an_graph *g, const an_export_opts *o, an_format fmt,
                                   const char *path, an_error *err);

#ifdef __cplusplus
}
#endif
#endif
