/* json.c: the graph as JSON. Node-link by default (networkx node_link_graph,
 * d3): {"directed","multigraph","graph":{meta},"nodes":[{"id",...}],
 * "links":[{"source","target","key",...,"events":[...]}]}, with typed values
 * (numbers, booleans, arrays of strings) and every edge's events with their
 * provenance. --json-style graphology or cytoscape re-map the same data
 * (formats.md section 4).
 *
 * Speed (millions of links and events): a node or link is one cJSON tree,
 * printed here exactly as cJSON_PrintPreallocated prints it (jprint: the
 * few item types this file makes) straight into its chunk, and its items
 * come from an arena reused from tree to tree instead of a malloc and a
 * free each (cJSON_InitHooks would be process-wide); strings are
 * references to the graph's (or to the events read back for the link) and
 * keys constants, as cJSON_CreateStringReference and
 * cJSON_AddItemToObjectCS make them; numbers are raw items holding the
 * text cJSON prints for them: whole ones formatted by hand, the others
 * printed by cJSON itself, once per value. */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "actornet/version.h"
#include "export/attrs.h"
#include "core/scan.h"
#include "export/export_internal.h"

/* What one export reuses from tree to tree. */
typedef struct jw {
  an_buf *dst; /* the chunk being formatted */
  an_buf lab; /* the link's label */
  an_evlist evs; /* the link's events */
  an_buf evtext; /* and their array, printed */
  char *pbuf; /* print buffer */
  size_t pcap;
  /* Items of the tree being built: chunks, reused per tree. */
  cJSON **chunks;
  size_t n_chunks, cap_chunks, chunk, used;
  /* Texts of its raw number items: fixed blocks (an item points into
   * them until the tree is printed), reused per tree. */
  char **blocks;
  size_t n_blocks, cap_blocks, cur, cur_used;
  /* cJSON's text of recent non-whole numbers, by bit pattern. */
  struct {
    uint64_t bits;
    int full;
    char text[32];
  } dcache[64];
} jw;

#define JW_ITEMS 1024
#define JW_BLOCK 4096

static void jw_free(jw *w) {
  an_buf_free(&w->lab);
  an_evlist_free(&w->evs);
  an_buf_free(&w->evtext);
  for (size_t i = 0; i < w->n_chunks; i++) an_free(w->chunks[i]);
  an_free(w->chunks);
  for (size_t i = 0; i < w->n_blocks; i++) an_free(w->blocks[i]);
  an_free(w->blocks);
  an_free(w->pbuf);
}

/* The tree has been printed: its items and number texts are free again. */
static void jw_reset(jw *w) { w->chunk = w->used = w->cur = w->cur_used = 0; }

/* A zeroed item of the given type, or NULL (out of memory). */
static cJSON *jnew(jw *w, int type) {
  if (w->chunk < w->n_chunks && w->used == JW_ITEMS) w->chunk++, w->used = 0;
  if (w->chunk == w->n_chunks) {
    if (an_grow((void **)&w->chunks, &w->cap_chunks, w->n_chunks + 1, sizeof *w->chunks) != AN_OK) return NULL;
    if (!(w->chunks[w->n_chunks] = an_malloc(JW_ITEMS * sizeof(cJSON)))) return NULL;
    w->n_chunks++;
    w->used = 0;
  }
  cJSON *x = &w->chunks[w->chunk][w->used++];
  memset(x, 0, sizeof *x);
  x->type = type;
  return x;
}

/* Appends to parent's children as cJSON does: a list whose head's prev is
 * its tail. Printing follows child and next. */
static void append(cJSON *parent, cJSON *item) {
  cJSON *head = parent->child;
  item->next = NULL;
  if (!head) {
    parent->child = item;
    item->prev = item;
  } else {
    head->prev->next = item;
    item->prev = head->prev;
    head->prev = item;
  }
}

/* Adds x under the constant key k; 0 if x is NULL (failed). */
static int add(cJSON *o, const char *k, cJSON *x) {
  if (!o || !x) return 0;
  x->string = (char *)k;
  x->type |= cJSON_StringIsConst;
  append(o, x);
  return 1;
}

static int push(cJSON *a, cJSON *x) {
  if (!a || !x) return 0;
  append(a, x);
  return 1;
}

/* A string item referencing s (NULL: failure, as cJSON_CreateString). */
static cJSON *jstr(jw *w, const char *s) {
  cJSON *x = s ? jnew(w, cJSON_String | cJSON_IsReference) : NULL;
  if (x) x->valuestring = (char *)s;
  return x;
}


/* A copy of text (at most 31 bytes) that lives until the tree is printed. */
static const char *num_store(jw *w, const char *text, size_t n) {
  if (w->cur < w->n_blocks && w->cur_used + n + 1 > JW_BLOCK) w->cur++, w->cur_used = 0;
  if (w->cur == w->n_blocks) {
    if (an_grow((void **)&w->blocks, &w->cap_blocks, w->n_blocks + 1, sizeof *w->blocks) != AN_OK) return NULL;
    if (!(w->blocks[w->n_blocks] = an_malloc(JW_BLOCK))) return NULL;
    w->n_blocks++;
    w->cur_used = 0;
  }
  char *p = w->blocks[w->cur] + w->cur_used;
  memcpy(p, text, n);
  p[n] = '\0';
  w->cur_used += n + 1;
  return p;
}

/* n bytes onto b; inline: called for every few bytes of a tree. */
static inline an_status jput(an_buf *b, const char *s, size_t n) {
  if (b->data && n < b->cap - b->len) {
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return AN_OK;
  }
  return an_buf_append(b, s, n);
}

/* A string as cJSON's print_string_ptr writes it: " \\ \b \f \n \r \t
 * escaped by letter, other bytes below 32 as \u00xx, the rest as they are. */
static an_status jstring(an_buf *b, const char *s) {
  size_t n = strlen(s);
  if (n > (SIZE_MAX - 3) / 6 || an_buf_reserve(b, 6 * n + 2) != AN_OK) return AN_ENOMEM;
  char *o = b->data + b->len;
  *o++ = '"';
  const char *p = s, *end = s + n;
  while (p < end) {
    size_t k = an_find_json_escape(p, (size_t)(end - p)); /* the plain run, copied whole */
    memcpy(o, p, k);
    o += k, p += k;
    if (p == end) break;
    unsigned char c = (unsigned char)*p++;
    *o++ = '\\';
    switch (c) {
    case '"': *o++ = '"'; break;
    case '\\': *o++ = '\\'; break;
    case '\b': *o++ = 'b'; break;
    case '\f': *o++ = 'f'; break;
    case '\n': *o++ = 'n'; break;
    case '\r': *o++ = 'r'; break;
    case '\t': *o++ = 't'; break;
    default:
      *o++ = 'u', *o++ = '0', *o++ = '0';
      *o++ = "0123456789abcdef"[c >> 4], *o++ = "0123456789abcdef"[c & 15];
    }
  }
  *o++ = '"';
  *o = '\0';
  b->len = (size_t)(o - b->data);
  return AN_OK;
}

/* An item printed as the text (raw). */
static cJSON *raw_ref(jw *w, const char *text) {
  cJSON *x = text ? jnew(w, cJSON_Raw | cJSON_IsReference) : NULL;
  if (x) x->valuestring = (char *)text;
  return x;
}

/* d as cJSON prints a number, into text (32 bytes); its length, 0 on
 * failure: "%1.15g" (or "%1.17g" when that does not read back), '.' as
 * the decimal point, null for NaN and infinities. Whole numbers below
 * 1e15 print as their digits; the others are printed by cJSON itself,
 * once per value. */
static size_t num_text(jw *w, double d, char *text) {
  if (d == floor(d) && fabs(d) < 1e15 && !(d == 0 && signbit(d))) return an_fmt_ll(text, (long long)d);
  uint64_t bits;
  memcpy(&bits, &d, sizeof bits);
  size_t h = (size_t)((bits * 0x9E3779B97F4A7C15ull) >> 58);
  if (!w->dcache[h].full || w->dcache[h].bits != bits) {
    cJSON *x = cJSON_CreateNumber(d);
    int ok = x && cJSON_PrintPreallocated(x, w->dcache[h].text, (int)sizeof w->dcache[h].text, 0);
    cJSON_Delete(x);
    if (!ok) {
      w->dcache[h].full = 0;
      return 0;
    }
    w->dcache[h].bits = bits, w->dcache[h].full = 1;
  }
  size_t n = strlen(w->dcache[h].text);
  memcpy(text, w->dcache[h].text, n + 1);
  return n;
}

static cJSON *jnum(jw *w, double d) {
  char text[32];
  size_t n = num_text(w, d, text);
  return n ? raw_ref(w, num_store(w, text, n)) : NULL;
}

static cJSON *list(jw *w, const an_attr_val *v) {
  cJSON *x = jnew(w, cJSON_Array);
  for (size_t i = 0; x && v->present && i < v->n; i++)
    if (!push(x, jstr(w, v->list[i]))) return NULL;
  return x;
}

/* An attribute value; lists are kept even when empty (an array is its own
 * "no value"), other types only when present. */
static int add_val(jw *w, cJSON *obj, const char *name, const an_attr_val *v, an_attr_type t) {
  if (t == AN_AT_LIST) return add(obj, name, list(w, v));
  if (!v->present) return 1;
  switch (t) {
  case AN_AT_STRING: return add(obj, name, jstr(w, v->s));
  case AN_AT_INT: return add(obj, name, jnum(w, (double)v->i));
  case AN_AT_DOUBLE: return add(obj, name, jnum(w, v->d));
  case AN_AT_BOOL: return add(obj, name, jnew(w, v->b ? cJSON_True : cJSON_False));
  default: return 0;
  }
}

/* What the chunks of nodes and links are formatted from. */
typedef struct jctx {
  const an_graph *g;
  an_json_style style;
  int mixed;
  jw *w; /* one per worker */
  an_xsink *out;
  const uint32_t *doc_at; /* a document's index in the model by its id's pool number (UINT32_MAX: none), or NULL */
  const an_evbatch *batch; /* the links' events */
  int read_failed; /* reading them back from the spill failed */
} jctx;

/* A string, or null. */
static an_status put_str_or_null(an_buf *b, const char *s) { return s ? jstring(b, s) : jput(b, "null", 4); }

/* key (a literal with its quotes and colon) and a string or null after a comma. */
#define PUT_KV(b, st, key, s)                                     \
  do {                                                            \
    if (st == AN_OK) st = jput(b, "" key, sizeof(key) - 1);       \
    if (st == AN_OK) st = put_str_or_null(b, s);                  \
  } while (0)

static an_status put_num(jw *w, an_buf *b, double d) {
  char text[32];
  size_t n = num_text(w, d, text);
  return n ? jput(b, text, n) : AN_ENOMEM;
}

/* An event as cJSON prints the object {"id", "doc", ..., "plover"} (the
 * keys in this order; offsets and confidence only when known), printed
 * straight onto b: events are most of a large JSON export, and a tree
 * of items for each cost more than its printing. */
static an_status put_event(jw *w, an_buf *b, const an_graph *g, const uint32_t *doc_at, const an_mevent *ev) {
  const an_model *m = g->model;
  const an_mdoc *d = NULL;
  if (ev->doc && (!ev->outlet || !ev->url)) { /* the document's */
    size_t di = doc_at && ev->doc_ix ? doc_at[ev->doc_ix] : an_strmap_get(&m->doc_index, ev->doc);
    d = di != UINT32_MAX && di != (size_t)-1 ? &m->docs[di] : NULL;
  }
  size_t s = an_model_actor_of(m, ev->src_obs), t = an_model_actor_of(m, ev->tgt_obs);
  if (!ev->id) return AN_EINTERNAL; /* as a failed item */
  an_status st = jput(b, "{\"id\":", 6);
  if (st == AN_OK) st = jstring(b, ev->id);
  PUT_KV(b, st, ",\"doc\":", ev->doc);
  PUT_KV(b, st, ",\"date\":", ev->date);
  PUT_KV(b, st, ",\"date_text\":", ev->date_text);
  PUT_KV(b, st, ",\"source\":", s != (size_t)-1 ? m->actors[s].id : ev->source);
  PUT_KV(b, st, ",\"target\":", t != (size_t)-1 ? m->actors[t].id : ev->target);
  PUT_KV(b, st, ",\"outlet\":", ev->outlet ? ev->outlet : d ? d->outlet : NULL);
  PUT_KV(b, st, ",\"url\":", ev->url ? ev->url : d ? d->url : NULL);
  PUT_KV(b, st, ",\"attributed_to\":", ev->attributed_to);
  PUT_KV(b, st, ",\"sentence\":", ev->sentence);
  if (st == AN_OK && ev->off_start >= 0) {
    st = jput(b, ",\"offsets\":[", 12);
    if (st == AN_OK) st = put_num(w, b, (double)ev->off_start);
    if (st == AN_OK) st = jput(b, ",", 1);
    if (st == AN_OK) st = put_num(w, b, (double)ev->off_end);
    if (st == AN_OK) st = jput(b, "]", 1);
  }
  PUT_KV(b, st, ",\"trigger\":", ev->trigger);
  if (st == AN_OK && ev->confidence >= 0) {
    st = jput(b, ",\"confidence\":", 14);
    if (st == AN_OK) st = put_num(w, b, ev->confidence);
  }
  PUT_KV(b, st, ",\"cameo\":", ev->cameo);
  PUT_KV(b, st, ",\"plover\":", ev->plover);
  if (st == AN_OK) st = jput(b, "}", 1);
  return st;
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

/* The link's attributes and events; the events stay in *evs (decoded
 * from the batch of records read back from the model's spill) until the
 * link is printed. */
static int edge_attrs(jw *w, const jctx *c, size_t i, cJSON *o, an_buf *lab, an_evlist *evs) {
  const an_graph *g = c->g;
  int ok = an_edge_label(g, i, lab) == AN_OK && add(o, "label", jstr(w, lab->data));
  for (size_t k = 0; ok && k < an_edge_attr_count; k++) {
    if (!an_attr_applies(g, &an_edge_attrs[k], AN_IN_JSON)) continue;
    an_attr_val v;
    an_edge_attr(g, i, k, &v);
    ok = add_val(w, o, an_edge_attrs[k].name, &v, an_edge_attrs[k].type);
  }
  if (!ok || an_evbatch_edge_events(g, c->batch, i, evs) != AN_OK) return 0;
  /* the events array printed here (put_event), the tree holding its text as a raw item */
  an_buf *t = &w->evtext;
  an_buf_clear(t);
  an_status st = jput(t, "[", 1);
  for (size_t k = 0; st == AN_OK && k < evs->n; k++) {
    if (k) st = jput(t, ",", 1);
    if (st == AN_OK) st = put_event(w, t, g, c->doc_at, evs->v[k]);
  }
  if (st == AN_OK) st = jput(t, "]", 1);
  return st == AN_OK && add(o, "events", raw_ref(w, t->data));
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

/* A tree of this file's items (strings, raw numbers, literals, arrays,
 * objects) as cJSON_PrintPreallocated prints it unformatted, straight into
 * the chunk: 1 ok, 0 out of memory, -1 an item of another type. */
static int jprint(an_buf *b, const cJSON *item) {
  an_status st = AN_OK;
  switch (item->type & 0xFF) {
  case cJSON_NULL: st = jput(b, "null", 4); break;
  case cJSON_False: st = jput(b, "false", 5); break;
  case cJSON_True: st = jput(b, "true", 4); break;
  case cJSON_Raw:
    if (!item->valuestring) return -1;
    st = jput(b, item->valuestring, strlen(item->valuestring));
    break;
  case cJSON_String:
    if (!item->valuestring) return -1;
    st = jstring(b, item->valuestring);
    break;
  case cJSON_Array:
  case cJSON_Object: {
    const int obj = (item->type & 0xFF) == cJSON_Object;
    st = jput(b, obj ? "{" : "[", 1);
    for (const cJSON *c = item->child; st == AN_OK && c; c = c->next) {
      if (obj) {
        if (!c->string) return -1;
        if ((st = jstring(b, c->string)) == AN_OK) st = jput(b, ":", 1);
        if (st != AN_OK) break;
      }
      int r = jprint(b, c);
      if (r <= 0) return r;
      if (c->next) st = jput(b, ",", 1);
    }
    if (st == AN_OK) st = jput(b, obj ? "}" : "]", 1);
    break;
  }
  default: return -1;
  }
  return st == AN_OK;
}

/* A tree of cJSON's own: through cJSON's printer. */
static int put_tree_cjson(jw *w, cJSON *item, const char *before) {
  if (!item) return 0;
  for (;;) {
    if (w->pcap && cJSON_PrintPreallocated(item, w->pbuf, (int)w->pcap, 0)) break;
    size_t cap = w->pcap ? w->pcap * 2 : 64 * 1024;
    if (cap > INT_MAX) return 0;
    char *p = an_realloc(w->pbuf, cap);
    if (!p) return 0;
    w->pbuf = p, w->pcap = cap;
  }
  return an_buf_puts(w->dst, before) == AN_OK && an_buf_puts(w->dst, w->pbuf) == AN_OK;
}

/* Appends a tree, printed compactly, to the chunk after `before`; 0 on
 * failure. Printed here as cJSON would; a tree this file did not build
 * goes through cJSON's printer into the reused buffer. */
static int put_tree(jw *w, cJSON *item, const char *before) {
  if (!item) return 0;
  size_t mark = w->dst->len;
  if (an_buf_puts(w->dst, before) != AN_OK) return 0;
  int r = jprint(w->dst, item);
  if (r >= 0) return r;
  w->dst->len = mark;
  w->dst->data[mark] = '\0';
  return put_tree_cjson(w, item, before);
}

/* The graph's metadata: a tree of cJSON's own, printed once. */
static int put_meta(jw *w, const an_graph *g, FILE *out) {
  cJSON *m = meta(g);
  an_buf b;
  an_buf_init(&b);
  w->dst = &b;
  int ok = put_tree_cjson(w, m, "") && fwrite(b.data, 1, b.len, out) == b.len;
  w->dst = NULL;
  an_buf_free(&b);
  cJSON_Delete(m);
  return ok;
}

static int put_node(jw *w, const an_graph *g, size_t i, an_json_style style, const char *before) {
  cJSON *n = jnew(w, cJSON_Object), *attrs = n;
  int ok = n != NULL;
  if (ok && style == AN_JSON_NODE_LINK) ok = add(n, "id", jstr(w, g->nodes[i].id));
  else if (ok && style == AN_JSON_GRAPHOLOGY)
    ok = add(n, "key", jstr(w, g->nodes[i].id)) && add(n, "attributes", attrs = jnew(w, cJSON_Object));
  else if (ok)
    ok = add(n, "data", attrs = jnew(w, cJSON_Object)) && add(attrs, "id", jstr(w, g->nodes[i].id)) &&
         add(attrs, "value", jstr(w, g->nodes[i].id)) && add(attrs, "name", jstr(w, g->nodes[i].label));
  ok = ok && node_attrs(w, g, i, attrs) && put_tree(w, n, before);
  jw_reset(w);
  return ok;
}

static int put_link(jw *w, const jctx *c, size_t i, const char *before) {
  const an_graph *g = c->g;
  const an_json_style style = c->style;
  const int mixed = c->mixed;
  const an_gedge *e = &g->edges[i];
  char key[32];
  key[0] = 'e';
  an_fmt_ll(key + 1, (long long)i);
  cJSON *l = jnew(w, cJSON_Object), *attrs = l, *ids = l;
  int ok = l != NULL;
  if (ok && style == AN_JSON_CYTOSCAPE) ok = add(l, "data", attrs = ids = jnew(w, cJSON_Object));
  if (ok && style == AN_JSON_GRAPHOLOGY) ok = add(ids, "key", jstr(w, key));
  if (ok && style == AN_JSON_CYTOSCAPE) /* "key": networkx's cytoscape_graph keys parallel edges by it */
    ok = add(ids, "id", jstr(w, key)) && add(ids, "key", jstr(w, key));
  ok = ok && add(ids, "source", jstr(w, g->nodes[e->source].id)) && add(ids, "target", jstr(w, g->nodes[e->target].id));
  if (ok && style == AN_JSON_NODE_LINK) ok = add(l, "key", jstr(w, key));
  if (ok && style == AN_JSON_GRAPHOLOGY)
    ok = add(l, "undirected", jnew(w, mixed && e->symmetric ? cJSON_True : cJSON_False)) &&
         add(l, "attributes", attrs = jnew(w, cJSON_Object));
  ok = ok && edge_attrs(w, c, i, attrs, &w->lab, &w->evs) && put_tree(w, l, before);
  jw_reset(w);
  return ok;
}


static an_status node_chunk(void *ctx, size_t wk, size_t begin, size_t end, an_buf *out) {
  jctx *c = ctx;
  jw *w = &c->w[wk];
  w->dst = out;
  int ok = 1;
  for (size_t i = begin; ok && i < end; i++) ok = put_node(w, c->g, i, c->style, i ? ",\n" : "\n");
  w->dst = NULL;
  return ok ? AN_OK : AN_ENOMEM;
}

static an_status link_chunk(void *ctx, size_t wk, size_t begin, size_t end, an_buf *out) {
  jctx *c = ctx;
  jw *w = &c->w[wk];
  w->dst = out;
  int ok = 1;
  for (size_t i = begin; ok && i < end; i++) ok = put_link(w, c, i, i ? ",\n" : "\n");
  w->dst = NULL;
  return ok ? AN_OK : AN_ENOMEM;
}

static an_status put_file(void *ctx, const char *data, size_t len) {
  jctx *c = ctx;
  return an_xsink_write(c->out, data, len);
}

/* The links a batch of edges at a time: the batch's events read back from
 * the spill in one pass (an_evbatch), then its links formatted on the
 * threads. */
static an_status put_links(jctx *c, size_t jobs) {
  const an_graph *g = c->g;
  const an_model *m = g->model;
  an_evbatch batch;
  an_evbatch_init(&batch);
  c->batch = &batch;
  an_status st = AN_OK;
  /* events name their document by pool number: its outlet and url found
   * by index, not by the id's hash (without the memory: by the hash) */
  uint32_t *doc_at = g->n_events ? an_malloc((m->pool.n + 1) * sizeof *doc_at) : NULL;
  if (doc_at) {
    memset(doc_at, 0xff, (m->pool.n + 1) * sizeof *doc_at);
    for (size_t d = 0; d < m->n_docs && d < UINT32_MAX; d++) {
      size_t ix = an_strmap_get(&m->pool.map, m->docs[d].id); /* its number - 1 */
      if (ix != (size_t)-1) doc_at[ix + 1] = (uint32_t)d;
    }
  }
  c->doc_at = doc_at;
  for (size_t begin = 0, end; st == AN_OK && begin < g->n_edges; begin = end) {
    end = an_evbatch_plan(g, begin, 0);
    if ((st = an_evbatch_load(g, begin, end, jobs, &batch)) != AN_OK) {
      c->read_failed = st != AN_ENOMEM;
      break;
    }
    an_par_job links = {end - begin, 512, jobs, c, link_chunk, put_file, begin};
    st = an_par_run(&links);
  }
  c->batch = NULL;
  c->doc_at = NULL;
  an_free(doc_at);
  an_evbatch_free(&batch);
  return st;
}

/* Streams the document: the whole graph is never one cJSON tree (memory
 * stays a chunk of nodes or links per thread), and each node and link is
 * one line, which keeps diffs of committed graphs readable. Nodes and links
 * are formatted in chunks on o->jobs threads and written in order. */
an_status an_export_json(const an_graph *g, const an_export_opts *o, FILE *out, an_error *err) {
  const an_json_style style = o ? o->json_style : AN_JSON_NODE_LINK;
  const int mixed = o && (o->flags & AN_EXPORT_MIXED);
  const size_t jobs = o && o->jobs > 1 ? o->jobs : 1;
  jw *ws = an_calloc(jobs, sizeof *ws);
  if (!ws) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory writing JSON");
  jw *w = &ws[0];
  int ok = 1;
  const char *nodes_open, *links_open, *close;
  if (style == AN_JSON_NODE_LINK) {
    ok = fputs("{\"directed\": true, \"multigraph\": true, \"graph\": ", out) != EOF && put_meta(w, g, out);
    nodes_open = ",\n\"nodes\": [";
    links_open = "\n],\n\"links\": [";
    close = "\n]}\n";
  } else if (style == AN_JSON_GRAPHOLOGY) {
    ok = fputs("{\"attributes\": ", out) != EOF && put_meta(w, g, out) &&
         fprintf(out, ", \"options\": {\"type\": \"%s\", \"multi\": true, \"allowSelfLoops\": true}",
                 mixed ? "mixed" : "directed") > 0;
    nodes_open = ",\n\"nodes\": [";
    links_open = "\n],\n\"edges\": [";
    close = "\n]}\n";
  } else {
    ok = fputs("{\"data\": ", out) != EOF && put_meta(w, g, out) &&
         fputs(", \"directed\": true, \"multigraph\": true", out) != EOF;
    nodes_open = ",\n\"elements\": {\"nodes\": [";
    links_open = "\n],\n\"edges\": [";
    close = "\n]}}\n";
  }
  an_status st = ok ? AN_OK : AN_ENOMEM;
  an_xsink sink;
  jctx c = {g, style, mixed, ws, &sink, NULL, NULL, 0};
  an_par_job nodes = {g->n_nodes, 1024, jobs, &c, node_chunk, put_file, 0};
  if (st == AN_OK && (st = an_xsink_begin(&sink, out)) == AN_OK) { /* the rest through the sink */
    st = put_file(&c, nodes_open, strlen(nodes_open));
    if (st == AN_OK) st = an_par_run(&nodes);
    if (st == AN_OK) st = put_file(&c, links_open, strlen(links_open));
    if (st == AN_OK) st = put_links(&c, jobs);
    if (st == AN_OK) st = put_file(&c, close, strlen(close));
    an_status es = an_xsink_end(&sink);
    if (st == AN_OK) st = es;
  }
  for (size_t k = 0; k < jobs; k++) jw_free(&ws[k]);
  an_free(ws);
  if (c.read_failed) return an_error_set(err, AN_EIO, NULL, 0, -1, "cannot read the events' temporary file");
  if (ferror(out) || st == AN_EIO) return an_error_set(err, AN_EIO, NULL, 0, -1, "cannot write JSON");
  if (st != AN_OK) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory writing JSON");
  return AN_OK;
}
