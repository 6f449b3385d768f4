/* json.c: the graph as JSON. Node-link by default (networkx node_link_graph,
 * d3): {"directed","multigraph","graph":{meta},"nodes":[{"id",...}],
 * "links":[{"source","target","key",...,"events":[...]}]}, with typed values
 * (numbers, booleans, arrays of strings) and every edge's events with their
 * provenance. --json-style graphology or cytoscape re-map the same data
 * (formats.md section 4).
 *
 * Speed (millions of links and events): every string in the output lives
 * in the graph or in the events read back for the link being written, so
 * items reference them (cJSON_CreateStringReference) and keys are
 * constants (cJSON_AddItemToObjectCS) instead of copies; numbers are
 * formatted once into raw items, whole ones by hand and the others by
 * cJSON itself (cached), so the text is the one cJSON_CreateNumber would
 * print; and each item is printed into one reused buffer. */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "actornet/version.h"
#include "export/attrs.h"
#include "export/export_internal.h"

/* What one export reuses from item to item. */
typedef struct jw {
  FILE *out;
  char *pbuf; /* print buffer */
  size_t pcap;
  /* Texts of the raw number items of the item being built: fixed blocks
   * (an item points into them until it is printed), reused per item. */
  char **blocks;
  size_t n_blocks, cap_blocks, cur, used;
  /* cJSON's text of recent non-whole numbers, by bit pattern. */
  struct {
    uint64_t bits;
    int full;
    char text[32];
  } dcache[64];
} jw;

#define JW_BLOCK 4096

static void jw_free(jw *w) {
  for (size_t i = 0; i < w->n_blocks; i++) an_free(w->blocks[i]);
  an_free(w->blocks);
  an_free(w->pbuf);
}

/* A copy of text (at most 31 bytes) that lives until the item is printed. */
static const char *num_store(jw *w, const char *text, size_t n) {
  if (w->cur < w->n_blocks && w->used + n + 1 > JW_BLOCK) w->cur++, w->used = 0;
  if (w->cur == w->n_blocks) {
    if (an_grow((void **)&w->blocks, &w->cap_blocks, w->n_blocks + 1, sizeof *w->blocks) != AN_OK) return NULL;
    if (!(w->blocks[w->n_blocks] = an_malloc(JW_BLOCK))) return NULL;
    w->n_blocks++;
    w->used = 0;
  }
  char *p = w->blocks[w->cur] + w->used;
  memcpy(p, text, n);
  p[n] = '\0';
  w->used += n + 1;
  return p;
}

/* An item printed as its text (a reference: the text is not freed with it). */
static cJSON *raw_ref(const char *text) {
  cJSON *x = text ? cJSON_CreateStringReference(text) : NULL;
  if (x) x->type = cJSON_Raw | cJSON_IsReference;
  return x;
}

/* d as cJSON prints a number: "%1.15g" (or "%1.17g" when that does not
 * read back), '.' as the decimal point, null for NaN and infinities. Whole
 * numbers below 1e15 print as their digits; the others are printed by
 * cJSON itself, once per value. */
static cJSON *jnum(jw *w, double d) {
  char text[32];
  size_t n;
  if (d == floor(d) && fabs(d) < 1e15 && !(d == 0 && signbit(d))) {
    n = an_fmt_ll(text, (long long)d);
    return raw_ref(num_store(w, text, n));
  }
  uint64_t bits;
  memcpy(&bits, &d, sizeof bits);
  size_t h = (size_t)((bits * 0x9E3779B97F4A7C15ull) >> 58);
  if (!w->dcache[h].full || w->dcache[h].bits != bits) {
    cJSON *x = cJSON_CreateNumber(d);
    int ok = x && cJSON_PrintPreallocated(x, w->dcache[h].text, (int)sizeof w->dcache[h].text, 0);
    cJSON_Delete(x);
    if (!ok) {
      w->dcache[h].full = 0;
      return NULL;
    }
    w->dcache[h].bits = bits, w->dcache[h].full = 1;
  }
  return raw_ref(num_store(w, w->dcache[h].text, strlen(w->dcache[h].text)));
}

static cJSON *jstr(const char *s) { return s ? cJSON_CreateStringReference(s) : NULL; }

/* Adds x under the constant key k; 0 (and x freed) on failure. */
static int add(cJSON *o, const char *k, cJSON *x) {
  if (!x) return 0;
  if (!cJSON_AddItemToObjectCS(o, k, x)) {
    cJSON_Delete(x);
    return 0;
  }
  return 1;
}

static int push(cJSON *a, cJSON *x) {
  if (!x) return 0;
  if (!cJSON_AddItemToArray(a, x)) {
    cJSON_Delete(x);
    return 0;
  }
  return 1;
}

static cJSON *str_or_null(const char *s) { return s ? cJSON_CreateStringReference(s) : cJSON_CreateNull(); }

static cJSON *list(const an_attr_val *v) {
  cJSON *x = cJSON_CreateArray();
  for (size_t i = 0; x && v->present && i < v->n; i++)
    if (!push(x, jstr(v->list[i]))) {
      cJSON_Delete(x);
      return NULL;
    }
  return x;
}

/* An attribute value; lists are kept even when empty (an array is its own
 * "no value"), other types only when present. */
static int add_val(jw *w, cJSON *obj, const char *name, const an_attr_val *v, an_attr_type t) {
  if (t == AN_AT_LIST) return add(obj, name, list(v));
  if (!v->present) return 1;
  switch (t) {
  case AN_AT_STRING: return add(obj, name, jstr(v->s));
  case AN_AT_INT: return add(obj, name, jnum(w, (double)v->i));
  case AN_AT_DOUBLE: return add(obj, name, jnum(w, v->d));
  case AN_AT_BOOL: return add(obj, name, cJSON_CreateBool(v->b));
  default: return 0;
  }
}

static cJSON *event_json(jw *w, const an_graph *g, const an_mevent *ev) {
  const an_model *m = g->model;
  cJSON *o = cJSON_CreateObject();
  if (!o) return NULL;
  const an_mdoc *d = NULL;
  if (ev->doc && (!ev->outlet || !ev->url)) {
    size_t di = an_strmap_get(&m->doc_index, ev->doc);
    d = di != (size_t)-1 ? &m->docs[di] : NULL;
  }
  size_t s = an_model_actor_of(m, ev->src_obs), t = an_model_actor_of(m, ev->tgt_obs);
  int ok = add(o, "id", jstr(ev->id)) && add(o, "doc", str_or_null(ev->doc)) && add(o, "date", str_or_null(ev->date)) &&
           add(o, "date_text", str_or_null(ev->date_text)) &&
           add(o, "source", str_or_null(s != (size_t)-1 ? m->actors[s].id : ev->source)) &&
           add(o, "target", str_or_null(t != (size_t)-1 ? m->actors[t].id : ev->target)) &&
           add(o, "outlet", str_or_null(ev->outlet ? ev->outlet : d ? d->outlet : NULL)) &&
           add(o, "url", str_or_null(ev->url ? ev->url : d ? d->url : NULL)) &&
           add(o, "attributed_to", str_or_null(ev->attributed_to)) && add(o, "sentence", str_or_null(ev->sentence));
  if (ok && ev->off_start >= 0) {
    cJSON *a = cJSON_CreateArray();
    ok = add(o, "offsets", a) && push(a, jnum(w, (double)ev->off_start)) && push(a, jnum(w, (double)ev->off_end));
  }
  if (ok) ok = add(o, "trigger", str_or_null(ev->trigger));
  if (ok && ev->confidence >= 0) ok = add(o, "confidence", jnum(w, ev->confidence));
  if (ok) ok = add(o, "cameo", str_or_null(ev->cameo)) && add(o, "plover", str_or_null(ev->plover));
  if (!ok) {
    cJSON_Delete(o);
    return NULL;
  }
  return o;
}

static int node_attrs(jw *w, const an_graph *g, size_t i, cJSON *o) {
  for (size_t k = 0; k < an_node_attr_count; k++) {
    if (!an_attr_applies(g, &an_node_attrs[k], AN_IN_JSON)) continue;
    an_attr_val v;
    an_node_attr(g, i, k, &v);
    if (!add_val(w, o, an_node_attrs[k].name, &v, an_node_attrs[k].type)) return 0;
  }
  return 1;
}

/* The link's attributes and events; the events stay in *evs (read back
 * from the model's spill one edge at a time) until the link is printed. */
static int edge_attrs(jw *w, const an_graph *g, size_t i, cJSON *o, an_buf *lab, an_evlist *evs) {
  int ok = an_edge_label(g, i, lab) == AN_OK && add(o, "label", jstr(lab->data));
  for (size_t k = 0; ok && k < an_edge_attr_count; k++) {
    if (!an_attr_applies(g, &an_edge_attrs[k], AN_IN_JSON)) continue;
    an_attr_val v;
    an_edge_attr(g, i, k, &v);
    ok = add_val(w, o, an_edge_attrs[k].name, &v, an_edge_attrs[k].type);
  }
  cJSON *a = ok ? cJSON_CreateArray() : NULL;
  if (!add(o, "events", a)) return 0;
  if (an_graph_edge_events(g, i, evs, NULL) != AN_OK) return 0;
  for (size_t k = 0; k < evs->n; k++)
    if (!push(a, event_json(w, g, evs->v[k]))) return 0;
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

/* Prints a cJSON item compactly into the reused buffer, writes it after
 * `before` and frees it; 0 on failure. */
static int put_item(jw *w, cJSON *item, const char *before) {
  if (!item) return 0;
  int ok = 0;
  for (;;) {
    if (w->pcap && cJSON_PrintPreallocated(item, w->pbuf, (int)w->pcap, 0)) {
      ok = 1;
      break;
    }
    /* too small: twice the size, and print again */
    size_t cap = w->pcap ? w->pcap * 2 : 64 * 1024;
    if (cap > INT_MAX) break;
    char *p = an_realloc(w->pbuf, cap);
    if (!p) break;
    w->pbuf = p, w->pcap = cap;
  }
  cJSON_Delete(item);
  w->cur = w->used = 0; /* the item's number texts are free again */
  size_t n = ok ? strlen(w->pbuf) : 0;
  return ok && fputs(before, w->out) != EOF && fwrite(w->pbuf, 1, n, w->out) == n;
}

static int put_node(jw *w, const an_graph *g, size_t i, an_json_style style, const char *before) {
  cJSON *n = cJSON_CreateObject(), *attrs = n;
  int ok = n != NULL;
  if (ok && style == AN_JSON_NODE_LINK) ok = add(n, "id", jstr(g->nodes[i].id));
  else if (ok && style == AN_JSON_GRAPHOLOGY)
    ok = add(n, "key", jstr(g->nodes[i].id)) && add(n, "attributes", attrs = cJSON_CreateObject());
  else if (ok)
    ok = add(n, "data", attrs = cJSON_CreateObject()) && add(attrs, "id", jstr(g->nodes[i].id)) &&
         add(attrs, "value", jstr(g->nodes[i].id)) && add(attrs, "name", jstr(g->nodes[i].label));
  if (ok) ok = node_attrs(w, g, i, attrs);
  if (!ok) {
    cJSON_Delete(n);
    w->cur = w->used = 0;
    return 0;
  }
  return put_item(w, n, before);
}

static int put_link(jw *w, const an_graph *g, size_t i, an_json_style style, int mixed, const char *before) {
  const an_gedge *e = &g->edges[i];
  char key[32];
  key[0] = 'e';
  an_fmt_ll(key + 1, (long long)i);
  an_buf lab;
  an_buf_init(&lab);
  an_evlist evs;
  memset(&evs, 0, sizeof evs);
  cJSON *l = cJSON_CreateObject(), *attrs = l, *ids = l;
  int ok = l != NULL;
  if (ok && style == AN_JSON_CYTOSCAPE) ok = add(l, "data", attrs = ids = cJSON_CreateObject());
  if (ok && style == AN_JSON_GRAPHOLOGY) ok = add(ids, "key", jstr(key));
  if (ok && style == AN_JSON_CYTOSCAPE) /* "key": networkx's cytoscape_graph keys parallel edges by it */
    ok = add(ids, "id", jstr(key)) && add(ids, "key", jstr(key));
  ok = ok && add(ids, "source", jstr(g->nodes[e->source].id)) && add(ids, "target", jstr(g->nodes[e->target].id));
  if (ok && style == AN_JSON_NODE_LINK) ok = add(l, "key", jstr(key));
  if (ok && style == AN_JSON_GRAPHOLOGY)
    ok = add(l, "undirected", cJSON_CreateBool(mixed && e->symmetric)) &&
         add(l, "attributes", attrs = cJSON_CreateObject());
  ok = ok && edge_attrs(w, g, i, attrs, &lab, &evs);
  if (ok) ok = put_item(w, l, before);
  else {
    cJSON_Delete(l);
    w->cur = w->used = 0;
  }
  an_evlist_free(&evs);
  an_buf_free(&lab);
  return ok;
}

/* Streams the document: the whole graph is never one cJSON tree (memory
 * stays one node or link), and each node and link is one line, which
 * keeps diffs of committed graphs readable. */
an_status an_export_json(const an_graph *g, const an_export_opts *o, FILE *out, an_error *err) {
  const an_json_style style = o ? o->json_style : AN_JSON_NODE_LINK;
  const int mixed = o && (o->flags & AN_EXPORT_MIXED);
  jw *w = an_calloc(1, sizeof *w);
  if (!w) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory writing JSON");
  w->out = out;
  int ok = 1;
  const char *nodes_open, *links_open, *close;
  if (style == AN_JSON_NODE_LINK) {
    ok = fputs("{\"directed\": true, \"multigraph\": true, \"graph\": ", out) != EOF && put_item(w, meta(g), "");
    nodes_open = ",\n\"nodes\": [";
    links_open = "\n],\n\"links\": [";
    close = "\n]}\n";
  } else if (style == AN_JSON_GRAPHOLOGY) {
    ok = fputs("{\"attributes\": ", out) != EOF && put_item(w, meta(g), "") &&
         fprintf(out, ", \"options\": {\"type\": \"%s\", \"multi\": true, \"allowSelfLoops\": true}",
                 mixed ? "mixed" : "directed") > 0;
    nodes_open = ",\n\"nodes\": [";
    links_open = "\n],\n\"edges\": [";
    close = "\n]}\n";
  } else {
    ok = fputs("{\"data\": ", out) != EOF && put_item(w, meta(g), "") &&
         fputs(", \"directed\": true, \"multigraph\": true", out) != EOF;
    nodes_open = ",\n\"elements\": {\"nodes\": [";
    links_open = "\n],\n\"edges\": [";
    close = "\n]}}\n";
  }
  ok = ok && fputs(nodes_open, out) != EOF;
  for (size_t i = 0; ok && i < g->n_nodes; i++) ok = put_node(w, g, i, style, i ? ",\n" : "\n");
  ok = ok && fputs(links_open, out) != EOF;
  for (size_t i = 0; ok && i < g->n_edges; i++) ok = put_link(w, g, i, style, mixed, i ? ",\n" : "\n");
  ok = ok && fputs(close, out) != EOF;
  jw_free(w);
  an_free(w);
  if (ferror(out)) return an_error_set(err, AN_EIO, NULL, 0, -1, "cannot write JSON");
  if (!ok) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory writing JSON");
  return AN_OK;
}
