/* json.c: the graph as JSON. Node-link by default (networkx node_link_graph,
 * d3): {"directed","multigraph","graph":{meta},"nodes":[{"id",...}],
 * "links":[{"source","target","key",...,"events":[...]}]}, with typed values
 * (numbers, booleans, arrays of strings) and every edge's events with their
 * provenance. --json-style graphology or cytoscape re-map the same data
 * (formats.md section 4). */
#include <string.h>

#include <cjson/cJSON.h>

#include "actornet/version.h"
#include "export/attrs.h"
#include "export/export_internal.h"

static int add_val(cJSON *obj, const char *name, const an_attr_val *v, an_attr_type t) {
  cJSON *x = NULL;
  if (!v->present) return 1;
  switch (t) {
  case AN_AT_STRING: x = cJSON_CreateString(v->s); break;
  case AN_AT_INT: x = cJSON_CreateNumber((double)v->i); break;
  case AN_AT_DOUBLE: x = cJSON_CreateNumber(v->d); break;
  case AN_AT_BOOL: x = cJSON_CreateBool(v->b); break;
  case AN_AT_LIST:
    x = cJSON_CreateArray();
    for (size_t i = 0; x && i < v->n; i++) {
      cJSON *s = cJSON_CreateString(v->list[i]);
      if (!s || !cJSON_AddItemToArray(x, s)) {
        cJSON_Delete(s);
        cJSON_Delete(x);
        return 0;
      }
    }
    break;
  }
  if (!x) return 0;
  if (!cJSON_AddItemToObject(obj, name, x)) {
    cJSON_Delete(x);
    return 0;
  }
  return 1;
}

/* Lists are kept even when empty in JSON (an array is its own "no value"). */
static int add_list_always(cJSON *obj, const char *name, const an_attr_val *v) {
  if (v->present) return add_val(obj, name, v, AN_AT_LIST);
  return cJSON_AddArrayToObject(obj, name) != NULL;
}

static int str_or_null(cJSON *o, const char *k, const char *s) {
  return (s ? cJSON_AddStringToObject(o, k, s) : cJSON_AddNullToObject(o, k)) != NULL;
}

static cJSON *event_json(const an_graph *g, const an_mevent *ev) {
  const an_model *m = g->model;
  cJSON *o = cJSON_CreateObject();
  if (!o) return NULL;
  size_t di = ev->doc ? an_strmap_get(&m->doc_index, ev->doc) : (size_t)-1;
  const an_mdoc *d = di != (size_t)-1 ? &m->docs[di] : NULL;
  size_t s = an_model_actor_of(m, ev->src_obs), t = an_model_actor_of(m, ev->tgt_obs);
  int ok = cJSON_AddStringToObject(o, "id", ev->id) && str_or_null(o, "doc", ev->doc) &&
           str_or_null(o, "date", ev->date) && str_or_null(o, "date_text", ev->date_text) &&
           str_or_null(o, "source", s != (size_t)-1 ? m->actors[s].id : ev->source) &&
           str_or_null(o, "target", t != (size_t)-1 ? m->actors[t].id : ev->target) &&
           str_or_null(o, "outlet", ev->outlet ? ev->outlet : d ? d->outlet : NULL) &&
           str_or_null(o, "url", ev->url ? ev->url : d ? d->url : NULL) &&
           str_or_null(o, "attributed_to", ev->attributed_to) && str_or_null(o, "sentence", ev->sentence);
  if (ok && ev->off_start >= 0) {
    cJSON *a = cJSON_AddArrayToObject(o, "offsets");
    ok = a && cJSON_AddItemToArray(a, cJSON_CreateNumber((double)ev->off_start)) &&
         cJSON_AddItemToArray(a, cJSON_CreateNumber((double)ev->off_end));
  }
  if (ok) ok = str_or_null(o, "trigger", ev->trigger);
  if (ok && ev->confidence >= 0) ok = cJSON_AddNumberToObject(o, "confidence", ev->confidence) != NULL;
  if (ok) ok = str_or_null(o, "cameo", ev->cameo) && str_or_null(o, "plover", ev->plover);
  if (!ok) {
    cJSON_Delete(o);
    return NULL;
  }
  return o;
}

static int node_attrs(const an_graph *g, size_t i, cJSON *o) {
  for (size_t k = 0; k < an_node_attr_count; k++) {
    if (!an_attr_applies(g, &an_node_attrs[k], AN_IN_JSON)) continue;
    an_attr_val v;
    an_node_attr(g, i, k, &v);
    int ok = an_node_attrs[k].type == AN_AT_LIST ? add_list_always(o, an_node_attrs[k].name, &v)
                                                  : add_val(o, an_node_attrs[k].name, &v, an_node_attrs[k].type);
    if (!ok) return 0;
  }
  return 1;
}

static int edge_attrs(const an_graph *g, size_t i, cJSON *o) {
  an_buf lab;
  an_buf_init(&lab);
  int ok = an_edge_label(g, i, &lab) == AN_OK && cJSON_AddStringToObject(o, "label", lab.data);
  an_buf_free(&lab);
  for (size_t k = 0; ok && k < an_edge_attr_count; k++) {
    if (!an_attr_applies(g, &an_edge_attrs[k], AN_IN_JSON)) continue;
    an_attr_val v;
    an_edge_attr(g, i, k, &v);
    ok = an_edge_attrs[k].type == AN_AT_LIST ? add_list_always(o, an_edge_attrs[k].name, &v)
                                              : add_val(o, an_edge_attrs[k].name, &v, an_edge_attrs[k].type);
  }
  cJSON *evs = ok ? cJSON_AddArrayToObject(o, "events") : NULL;
  if (!evs) return 0;
  /* the events are read back from the model's spill one edge at a time */
  an_evlist list;
  if (an_graph_edge_events(g, i, &list, NULL) != AN_OK) return 0;
  for (size_t k = 0; k < list.n; k++) {
    cJSON *x = event_json(g, list.v[k]);
    if (!x || !cJSON_AddItemToArray(evs, x)) {
      cJSON_Delete(x);
      an_evlist_free(&list);
      return 0;
    }
  }
  an_evlist_free(&list);
  return 1;
}

static cJSON *meta(const an_graph *g) {
  cJSON *o = cJSON_CreateObject();
  if (!o) return NULL;
  int ok = cJSON_AddStringToObject(o, "generator", an_generator()) &&
           cJSON_AddStringToObject(o, "version", AN_VERSION_STRING) &&
           cJSON_AddStringToObject(o, "view", g->events_mode ? "events" : "aggregate") &&
           cJSON_AddNumberToObject(o, "docs", (double)g->n_docs) &&
           cJSON_AddNumberToObject(o, "nodes", (double)g->n_nodes) &&
           cJSON_AddNumberToObject(o, "edges", (double)g->n_edges) &&
           cJSON_AddNumberToObject(o, "events", (double)g->n_events);
  /* Large graphs: betweenness estimated from this many source nodes. */
  if (ok && g->betweenness_sources)
    ok = cJSON_AddNumberToObject(o, "betweenness_sources", (double)g->betweenness_sources) != NULL;
  if (!ok) {
    cJSON_Delete(o);
    return NULL;
  }
  return o;
}

static cJSON *node_item(const an_graph *g, size_t i, an_json_style style) {
  cJSON *n = cJSON_CreateObject(), *attrs = n;
  int ok = n != NULL;
  if (ok && style == AN_JSON_NODE_LINK) ok = cJSON_AddStringToObject(n, "id", g->nodes[i].id) != NULL;
  else if (ok && style == AN_JSON_GRAPHOLOGY)
    ok = cJSON_AddStringToObject(n, "key", g->nodes[i].id) && (attrs = cJSON_AddObjectToObject(n, "attributes"));
  else if (ok)
    ok = (attrs = cJSON_AddObjectToObject(n, "data")) && cJSON_AddStringToObject(attrs, "id", g->nodes[i].id) &&
         cJSON_AddStringToObject(attrs, "value", g->nodes[i].id) &&
         cJSON_AddStringToObject(attrs, "name", g->nodes[i].label);
  if (ok) ok = node_attrs(g, i, attrs);
  if (!ok) {
    cJSON_Delete(n);
    return NULL;
  }
  return n;
}

static cJSON *link_item(const an_graph *g, size_t i, an_json_style style, int mixed) {
  const an_gedge *e = &g->edges[i];
  char key[32];
  snprintf(key, sizeof key, "e%zu", i);
  cJSON *l = cJSON_CreateObject(), *attrs = l;
  int ok = l != NULL;
  cJSON *ids = ok && style == AN_JSON_CYTOSCAPE ? (attrs = cJSON_AddObjectToObject(l, "data")) : l;
  ok = ok && ids != NULL;
  if (ok && style == AN_JSON_GRAPHOLOGY) ok = cJSON_AddStringToObject(ids, "key", key) != NULL;
  if (ok && style == AN_JSON_CYTOSCAPE) /* "key": networkx's cytoscape_graph keys parallel edges by it */
    ok = cJSON_AddStringToObject(ids, "id", key) && cJSON_AddStringToObject(ids, "key", key);
  ok = ok && cJSON_AddStringToObject(ids, "source", g->nodes[e->source].id) &&
       cJSON_AddStringToObject(ids, "target", g->nodes[e->target].id);
  if (ok && style == AN_JSON_NODE_LINK) ok = cJSON_AddStringToObject(l, "key", key) != NULL;
  if (ok && style == AN_JSON_GRAPHOLOGY)
    ok = cJSON_AddBoolToObject(l, "undirected", mixed && e->symmetric) &&
         (attrs = cJSON_AddObjectToObject(l, "attributes"));
  ok = ok && edge_attrs(g, i, attrs);
  if (!ok) {
    cJSON_Delete(l);
    return NULL;
  }
  return l;
}

/* Prints a cJSON item compactly and frees it; 0 on failure. */
static int put_item(FILE *out, cJSON *item, const char *before) {
  if (!item) return 0;
  char *text = cJSON_PrintUnformatted(item);
  cJSON_Delete(item);
  if (!text) return 0;
  int ok = fputs(before, out) != EOF && fputs(text, out) != EOF;
  cJSON_free(text);
  return ok;
}

/* Streams the document: the whole graph is never one cJSON tree (memory
 * stays one node or link), and each node and link is one line, which
 * keeps diffs of committed graphs readable. */
an_status an_export_json(const an_graph *g, const an_export_opts *o, FILE *out, an_error *err) {
  const an_json_style style = o ? o->json_style : AN_JSON_NODE_LINK;
  const int mixed = o && (o->flags & AN_EXPORT_MIXED);
  int ok = 1;
  const char *nodes_open, *links_open, *close;
  if (style == AN_JSON_NODE_LINK) {
    ok = fputs("{\"directed\": true, \"multigraph\": true, \"graph\": ", out) != EOF && put_item(out, meta(g), "");
    nodes_open = ",\n\"nodes\": [";
    links_open = "\n],\n\"links\": [";
    close = "\n]}\n";
  } else if (style == AN_JSON_GRAPHOLOGY) {
    ok = fputs("{\"attributes\": ", out) != EOF && put_item(out, meta(g), "") &&
         fprintf(out, ", \"options\": {\"type\": \"%s\", \"multi\": true, \"allowSelfLoops\": true}",
                 mixed ? "mixed" : "directed") > 0;
    nodes_open = ",\n\"nodes\": [";
    links_open = "\n],\n\"edges\": [";
    close = "\n]}\n";
  } else {
    ok = fputs("{\"data\": ", out) != EOF && put_item(out, meta(g), "") &&
         fputs(", \"directed\": true, \"multigraph\": true", out) != EOF;
    nodes_open = ",\n\"elements\": {\"nodes\": [";
    links_open = "\n],\n\"edges\": [";
    close = "\n]}}\n";
  }
  ok = ok && fputs(nodes_open, out) != EOF;
  for (size_t i = 0; ok && i < g->n_nodes; i++) ok = put_item(out, node_item(g, i, style), i ? ",\n" : "\n");
  ok = ok && fputs(links_open, out) != EOF;
  for (size_t i = 0; ok && i < g->n_edges; i++) ok = put_item(out, link_item(g, i, style, mixed), i ? ",\n" : "\n");
  ok = ok && fputs(close, out) != EOF;
  if (ferror(out)) return an_error_set(err, AN_EIO, NULL, 0, -1, "cannot write JSON");
  if (!ok) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory writing JSON");
  return AN_OK;
}
