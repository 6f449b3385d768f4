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
  const an_gedge *e = &g->edges[i];
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
  for (size_t k = 0; k < e->n_events; k++) {
    cJSON *x = event_json(g, e->events[k]);
    if (!x || !cJSON_AddItemToArray(evs, x)) {
      cJSON_Delete(x);
      return 0;
    }
  }
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
  if (!ok) {
    cJSON_Delete(o);
    return NULL;
  }
  return o;
}

static cJSON *build(const an_graph *g, const an_export_opts *opts) {
  const an_json_style style = opts ? opts->json_style : AN_JSON_NODE_LINK;
  const int mixed = opts && (opts->flags & AN_EXPORT_MIXED);
  cJSON *root = cJSON_CreateObject();
  cJSON *nodes = NULL, *links = NULL;
  int ok = root != NULL;
  if (ok && style == AN_JSON_NODE_LINK) {
    ok = cJSON_AddBoolToObject(root, "directed", 1) && cJSON_AddBoolToObject(root, "multigraph", 1);
    cJSON *m = ok ? meta(g) : NULL;
    ok = m && cJSON_AddItemToObject(root, "graph", m);
    nodes = ok ? cJSON_AddArrayToObject(root, "nodes") : NULL;
    links = nodes ? cJSON_AddArrayToObject(root, "links") : NULL;
  } else if (ok && style == AN_JSON_GRAPHOLOGY) {
    cJSON *m = meta(g);
    ok = m && cJSON_AddItemToObject(root, "attributes", m);
    cJSON *op = ok ? cJSON_AddObjectToObject(root, "options") : NULL;
    ok = op && cJSON_AddStringToObject(op, "type", mixed ? "mixed" : "directed") &&
         cJSON_AddBoolToObject(op, "multi", 1) && cJSON_AddBoolToObject(op, "allowSelfLoops", 1);
    nodes = ok ? cJSON_AddArrayToObject(root, "nodes") : NULL;
    links = nodes ? cJSON_AddArrayToObject(root, "edges") : NULL;
  } else if (ok) { /* cytoscape.js; networkx cytoscape_graph wants data/directed/multigraph/elements */
    cJSON *m = meta(g);
    ok = m && cJSON_AddItemToObject(root, "data", m) && cJSON_AddBoolToObject(root, "directed", 1) &&
         cJSON_AddBoolToObject(root, "multigraph", 1);
    cJSON *el = ok ? cJSON_AddObjectToObject(root, "elements") : NULL;
    nodes = el ? cJSON_AddArrayToObject(el, "nodes") : NULL;
    links = nodes ? cJSON_AddArrayToObject(el, "edges") : NULL;
  }
  ok = ok && nodes && links;
  for (size_t i = 0; ok && i < g->n_nodes; i++) {
    cJSON *n = cJSON_CreateObject(), *attrs = n;
    ok = n && cJSON_AddItemToArray(nodes, n);
    if (!ok) {
      cJSON_Delete(n);
      break;
    }
    if (style == AN_JSON_NODE_LINK) ok = cJSON_AddStringToObject(n, "id", g->nodes[i].id) != NULL;
    else if (style == AN_JSON_GRAPHOLOGY)
      ok = cJSON_AddStringToObject(n, "key", g->nodes[i].id) && (attrs = cJSON_AddObjectToObject(n, "attributes"));
    else
      ok = (attrs = cJSON_AddObjectToObject(n, "data")) && cJSON_AddStringToObject(attrs, "id", g->nodes[i].id) &&
           cJSON_AddStringToObject(attrs, "value", g->nodes[i].id) &&
           cJSON_AddStringToObject(attrs, "name", g->nodes[i].label);
    ok = ok && node_attrs(g, i, attrs);
  }
  for (size_t i = 0; ok && i < g->n_edges; i++) {
    const an_gedge *e = &g->edges[i];
    char key[32];
    snprintf(key, sizeof key, "e%zu", i);
    cJSON *l = cJSON_CreateObject(), *attrs = l;
    ok = l && cJSON_AddItemToArray(links, l);
    if (!ok) {
      cJSON_Delete(l);
      break;
    }
    cJSON *ids = style == AN_JSON_CYTOSCAPE ? (attrs = cJSON_AddObjectToObject(l, "data")) : l;
    ok = ids != NULL;
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
  }
  if (!ok) {
    cJSON_Delete(root);
    return NULL;
  }
  return root;
}

an_status an_export_json(const an_graph *g, const an_export_opts *o, FILE *out, an_error *err) {
  cJSON *root = build(g, o);
  if (!root) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory writing JSON");
  char *text = cJSON_Print(root);
  cJSON_Delete(root);
  if (!text) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory writing JSON");
  size_t n = strlen(text);
  int bad = fwrite(text, 1, n, out) != n || fputc('\n', out) == EOF;
  cJSON_free(text);
  if (bad || ferror(out)) return an_error_set(err, AN_EIO, NULL, 0, -1, "cannot write JSON");
  return AN_OK;
}
