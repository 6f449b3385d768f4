/* attrs.c: the attribute table, palette and small helpers every exporter
 * shares. Adding an attribute here adds it to every format that its
 * `where` bits name. */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "actornet/version.h"
#include "export/attrs.h"

enum {
  N_LABEL, N_KIND, N_COUNTRY, N_ALIASES, N_AFFIL, N_MENTIONS, N_DOCS, N_FIRST, N_LAST, N_DEGREE, N_IN, N_OUT,
  N_STRENGTH, N_PAGERANK, N_BETWEEN, N_COMMUNITY, N_R, N_G, N_B, N_SIZE
};

const an_attr_def an_node_attrs[] = {
    [N_LABEL] = {"label", AN_AT_STRING, AN_IN_GRAPHML | AN_IN_JSON | AN_IN_CSV},
    [N_KIND] = {"kind", AN_AT_STRING, AN_IN_ALL},
    [N_COUNTRY] = {"country", AN_AT_STRING, AN_IN_ALL},
    [N_ALIASES] = {"aliases", AN_AT_LIST, AN_IN_GRAPHML | AN_IN_GEXF | AN_IN_JSON | AN_IN_CSV},
    [N_AFFIL] = {"affiliations", AN_AT_LIST, AN_IN_GRAPHML | AN_IN_GEXF | AN_IN_JSON | AN_IN_CSV},
    [N_MENTIONS] = {"mentions", AN_AT_INT, AN_IN_ALL},
    [N_DOCS] = {"docs", AN_AT_INT, AN_IN_ALL},
    [N_FIRST] = {"first_date", AN_AT_STRING, AN_IN_ALL},
    [N_LAST] = {"last_date", AN_AT_STRING, AN_IN_ALL},
    [N_DEGREE] = {"degree", AN_AT_INT, AN_IN_ALL},
    [N_IN] = {"indegree", AN_AT_INT, AN_IN_GRAPHML | AN_IN_GEXF | AN_IN_JSON | AN_IN_CSV},
    [N_OUT] = {"outdegree", AN_AT_INT, AN_IN_GRAPHML | AN_IN_GEXF | AN_IN_JSON | AN_IN_CSV},
    [N_STRENGTH] = {"strength", AN_AT_DOUBLE, AN_IN_GRAPHML | AN_IN_GEXF | AN_IN_JSON | AN_IN_CSV},
    [N_PAGERANK] = {"pagerank", AN_AT_DOUBLE, AN_IN_ALL},
    [N_BETWEEN] = {"betweenness", AN_AT_DOUBLE, AN_IN_GRAPHML | AN_IN_GEXF | AN_IN_JSON | AN_IN_CSV},
    [N_COMMUNITY] = {"community", AN_AT_INT, AN_IN_ALL},
    /* Gephi reads r/g/b/size GraphML keys as the node's colour and size. */
    [N_R] = {"r", AN_AT_INT, AN_IN_GRAPHML},
    [N_G] = {"g", AN_AT_INT, AN_IN_GRAPHML},
    [N_B] = {"b", AN_AT_INT, AN_IN_GRAPHML},
    [N_SIZE] = {"size", AN_AT_DOUBLE, AN_IN_GRAPHML},
};
const size_t an_node_attr_count = sizeof an_node_attrs / sizeof an_node_attrs[0];

enum {
  E_LABEL, E_RELATION, E_KIND, E_ROLE, E_SYMMETRIC, E_WEIGHT, E_EVENTS, E_DOCS, E_FIRST, E_LAST, E_DATES,
  E_OUTLETS, E_DOC_IDS, E_ATTRIB, E_CAMEO, E_QUAD, E_PLOVER, E_EVENT_ID, E_DATE_TEXT, E_TRIGGER, E_CONF,
  E_SENTENCE, E_OFF_START, E_OFF_END
};

const an_attr_def an_edge_attrs[] = {
    [E_LABEL] = {"label", AN_AT_STRING, AN_IN_GRAPHML | AN_IN_CSV},
    [E_RELATION] = {"relation", AN_AT_STRING, AN_IN_ALL},
    [E_KIND] = {"kind", AN_AT_STRING, AN_IN_ALL},
    [E_ROLE] = {"role", AN_AT_LIST, AN_IN_ALL},
    [E_SYMMETRIC] = {"symmetric", AN_AT_BOOL, AN_IN_GRAPHML | AN_IN_GEXF | AN_IN_JSON | AN_IN_CSV},
    [E_WEIGHT] = {"weight", AN_AT_DOUBLE, AN_IN_GRAPHML | AN_IN_JSON | AN_IN_CSV},
    /* In JSON "events" is the list of events itself (json.c). */
    [E_EVENTS] = {"events", AN_AT_INT, AN_IN_GRAPHML | AN_IN_GEXF | AN_IN_CSV | AN_IN_DOT},
    [E_DOCS] = {"docs", AN_AT_INT, AN_IN_ALL},
    [E_FIRST] = {"first_date", AN_AT_STRING, AN_IN_ALL},
    [E_LAST] = {"last_date", AN_AT_STRING, AN_IN_ALL},
    [E_DATES] = {"dates", AN_AT_LIST, AN_IN_GRAPHML | AN_IN_GEXF | AN_IN_JSON | AN_IN_CSV},
    [E_OUTLETS] = {"outlets", AN_AT_LIST, AN_IN_ALL},
    [E_DOC_IDS] = {"doc_ids", AN_AT_LIST, AN_IN_ALL},
    [E_ATTRIB] = {"attributed_to", AN_AT_LIST, AN_IN_ALL},
    [E_CAMEO] = {"cameo", AN_AT_LIST, AN_IN_ALL},
    [E_QUAD] = {"quadclass", AN_AT_INT, AN_IN_ALL},
    [E_PLOVER] = {"plover", AN_AT_LIST, AN_IN_ALL},
    [E_EVENT_ID] = {"event_id", AN_AT_STRING, AN_IN_ALL | AN_EVENTS_ONLY},
    [E_DATE_TEXT] = {"date_text", AN_AT_STRING, AN_IN_ALL | AN_EVENTS_ONLY},
    [E_TRIGGER] = {"trigger", AN_AT_STRING, AN_IN_ALL | AN_EVENTS_ONLY},
    [E_CONF] = {"confidence", AN_AT_DOUBLE, AN_IN_ALL | AN_EVENTS_ONLY},
    [E_SENTENCE] = {"sentence", AN_AT_STRING, AN_IN_GRAPHML | AN_IN_GEXF | AN_IN_CSV | AN_EVENTS_ONLY},
    [E_OFF_START] = {"offset_start", AN_AT_INT, AN_IN_GRAPHML | AN_IN_GEXF | AN_IN_CSV | AN_EVENTS_ONLY},
    [E_OFF_END] = {"offset_end", AN_AT_INT, AN_IN_GRAPHML | AN_IN_GEXF | AN_IN_CSV | AN_EVENTS_ONLY},
};
const size_t an_edge_attr_count = sizeof an_edge_attrs / sizeof an_edge_attrs[0];

int an_attr_applies(const an_graph *g, const an_attr_def *def, unsigned where) {
  if (!(def->where & where)) return 0;
  return !(def->where & AN_EVENTS_ONLY) || g->events_mode;
}

an_status an_attr_keys_choose(const an_graph *g, unsigned where, const char *node_prefix,
                              const char *edge_prefix, const char *suffix, an_attr_keys *ks) {
  for (int edge = 0; edge < 2; edge++) {
    const an_attr_def *defs = edge ? an_edge_attrs : an_node_attrs;
    size_t nd = edge ? an_edge_attr_count : an_node_attr_count, n = 0;
    an_attr_key *out = edge ? ks->edge : ks->node;
    for (size_t k = 0; k < nd; k++) {
      if (!an_attr_applies(g, &defs[k], where)) continue;
      if (n == 32 || defs[k].name[strspn(defs[k].name, "abcdefghijklmnopqrstuvwxyz_")]) return AN_EINTERNAL;
      int len = snprintf(out[n].open, sizeof out[n].open, "%s%s%s", edge ? edge_prefix : node_prefix,
                         defs[k].name, suffix);
      if (len < 0 || (size_t)len >= sizeof out[n].open) return AN_EINTERNAL;
      out[n].k = k, out[n].type = defs[k].type, out[n].open_len = (size_t)len;
      out[n].label = edge && strcmp(defs[k].name, "label") == 0;
      n++;
    }
    if (edge) ks->n_edge = n;
    else ks->n_node = n;
  }
  return AN_OK;
}

static void str_val(an_attr_val *v, const char *s) {
  v->present = s != NULL && s[0] != '\0';
  v->s = s;
}
static void int_val(an_attr_val *v, long long i) {
  v->present = 1;
  v->i = i;
}
static void dbl_val(an_attr_val *v, double d) {
  v->present = !isnan(d);
  v->d = d;
}
static void list_val(an_attr_val *v, an_strlist l) {
  v->present = l.n > 0;
  v->list = l.v;
  v->n = l.n;
}

void an_node_attr(const an_graph *g, size_t i, size_t k, an_attr_val *v) {
  memset(v, 0, sizeof *v);
  const an_gnode *n = &g->nodes[i];
  an_rgb c = an_kind_color(n->kind);
  switch (k) {
  case N_LABEL: str_val(v, n->label); break;
  case N_KIND: str_val(v, n->kind); break;
  case N_COUNTRY: str_val(v, n->country); break;
  case N_ALIASES: list_val(v, (an_strlist){n->actor->aliases, n->actor->n_aliases}); break;
  case N_AFFIL: list_val(v, (an_strlist){n->actor->affiliations, n->actor->n_affiliations}); break;
  case N_MENTIONS: int_val(v, n->actor->mentions); break;
  case N_DOCS: int_val(v, (long long)n->actor->n_docs); break;
  case N_FIRST: str_val(v, n->first_date); break;
  case N_LAST: str_val(v, n->last_date); break;
  case N_DEGREE: int_val(v, n->degree); break;
  case N_IN: int_val(v, n->indegree); break;
  case N_OUT: int_val(v, n->outdegree); break;
  case N_STRENGTH: dbl_val(v, n->strength); break;
  case N_PAGERANK: dbl_val(v, n->pagerank); break;
  case N_BETWEEN: dbl_val(v, n->betweenness); break;
  case N_COMMUNITY: int_val(v, n->community); break;
  case N_R: int_val(v, c.r); break;
  case N_G: int_val(v, c.g); break;
  case N_B: int_val(v, c.b); break;
  case N_SIZE: dbl_val(v, an_node_size(n)); break;
  default: break;
  }
}

void an_edge_attr(const an_graph *g, size_t i, size_t k, an_attr_val *v) {
  memset(v, 0, sizeof *v);
  const an_gedge *e = &g->edges[i];
  const an_mevent *ev = g->evptr ? g->evptr[i] : NULL; /* multigraph only */
  switch (k) {
  case E_LABEL: str_val(v, e->relation); break; /* exporters append the count (label_of) */
  case E_RELATION: str_val(v, e->relation); break;
  case E_KIND: str_val(v, e->affiliation ? "affiliation" : "interaction"); break;
  case E_ROLE: list_val(v, an_gedge_list(e, AN_EL_ROLES)); break;
  case E_SYMMETRIC: v->present = 1, v->b = e->symmetric; break;
  case E_WEIGHT: dbl_val(v, (double)an_gedge_weight(e)); break;
  case E_EVENTS: int_val(v, (long long)e->n_events); break;
  case E_DOCS: int_val(v, (long long)an_gedge_docs(e)); break;
  case E_FIRST: str_val(v, an_gedge_first_date(e)); break;
  case E_LAST: str_val(v, an_gedge_last_date(e)); break;
  case E_DATES: list_val(v, an_gedge_list(e, AN_EL_DATES)); break;
  case E_OUTLETS: list_val(v, an_gedge_list(e, AN_EL_OUTLETS)); break;
  case E_DOC_IDS: list_val(v, an_gedge_list(e, AN_EL_DOC_IDS)); break;
  case E_ATTRIB: list_val(v, an_gedge_list(e, AN_EL_ATTRIB)); break;
  case E_CAMEO: list_val(v, an_gedge_list(e, AN_EL_CAMEO)); break;
  case E_QUAD:
    int_val(v, e->quadclass);
    v->present = e->quadclass > 0;
    break;
  case E_PLOVER: list_val(v, an_gedge_list(e, AN_EL_PLOVER)); break;
  case E_EVENT_ID: str_val(v, ev ? ev->id : NULL); break;
  case E_DATE_TEXT: str_val(v, ev ? ev->date_text : NULL); break;
  case E_TRIGGER: str_val(v, ev ? ev->trigger : NULL); break;
  case E_CONF:
    dbl_val(v, ev ? ev->confidence : NAN);
    v->present = ev && ev->confidence >= 0;
    break;
  case E_SENTENCE: str_val(v, ev ? ev->sentence : NULL); break;
  case E_OFF_START:
    int_val(v, ev ? ev->off_start : -1);
    v->present = ev && ev->off_start >= 0;
    break;
  case E_OFF_END:
    int_val(v, ev ? ev->off_end : -1);
    v->present = ev && ev->off_end >= 0;
    break;
  default: break;
  }
}

const char *an_attr_graphml_type(an_attr_type t) {
  switch (t) {
  case AN_AT_INT: return "int";
  case AN_AT_DOUBLE: return "double";
  case AN_AT_BOOL: return "boolean";
  default: return "string";
  }
}

const char *an_attr_gexf_type(an_attr_type t) {
  switch (t) {
  case AN_AT_INT: return "integer";
  case AN_AT_DOUBLE: return "double";
  case AN_AT_BOOL: return "boolean";
  default: return "string";
  }
}

size_t an_fmt_ll(char out[24], long long v) {
  char tmp[24];
  size_t n = 0, len = 0;
  /* unsigned arithmetic: -LLONG_MIN does not fit a long long */
  unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
  do {
    tmp[n++] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (v < 0) out[len++] = '-';
  while (n) out[len++] = tmp[--n];
  out[len] = '\0';
  return len;
}

size_t an_fmt_double(char out[32], double d) {
  if (isnan(d) || isinf(d)) {
    strcpy(out, "0");
    return 1;
  }
  /* Whole numbers as %.0f would print them; -0.0 keeps its sign there. */
  if (d == floor(d) && fabs(d) < 1e15 && !(d == 0 && signbit(d))) return an_fmt_ll(out, (long long)d);
  int n = snprintf(out, 32, "%.10g", d);
  for (char *p = out; *p; p++) /* the locale's decimal point, whatever it is, becomes '.' */
    if (*p == ',') *p = '.';
  return n > 0 ? (size_t)n : 0;
}

an_status an_attr_text(const an_attr_val *v, an_attr_type t, an_buf *b) {
  an_buf_clear(b);
  an_status st = an_buf_reserve(b, 16);
  if (st != AN_OK) return st;
  b->data[0] = '\0';
  if (!v->present) return AN_OK;
  char num[32];
  switch (t) {
  case AN_AT_STRING: return an_buf_puts(b, v->s);
  case AN_AT_INT: return an_buf_append(b, num, an_fmt_ll(num, v->i));
  case AN_AT_DOUBLE: return an_buf_append(b, num, an_fmt_double(num, v->d));
  case AN_AT_BOOL: return an_buf_puts(b, v->b ? "true" : "false");
  case AN_AT_LIST:
    for (size_t i = 0; i < v->n && st == AN_OK; i++) {
      if (i) st = an_buf_puts(b, "; ");
      if (st == AN_OK) st = an_buf_puts(b, v->list[i]);
    }
    return st;
  }
  return AN_OK;
}

/* ---- palette ---- */

static an_rgb rgb(const char *hex) {
  an_rgb c = {0, 0, 0, hex};
  unsigned long v = strtoul(hex + 1, NULL, 16);
  c.r = (int)((v >> 16) & 255), c.g = (int)((v >> 8) & 255), c.b = (int)(v & 255);
  return c;
}

an_rgb an_kind_color(const char *kind) {
  if (kind && strcmp(kind, "person") == 0) return rgb("#F5C76B");  /* light orange */
  if (kind && strcmp(kind, "country") == 0) return rgb("#7FCDB4"); /* light green */
  return rgb("#8FC9EA");                                            /* organizations: light blue */
}

an_rgb an_relation_color(const char *r) {
  static const struct {
    const char *rel, *hex;
  } map[] = {
      {"call", "#0072B2"},     {"meet", "#56B4E9"},     {"message", "#6A6A9F"},  {"brief", "#8C8C8C"},
      {"praise", "#009E73"},   {"support", "#4DAF4A"},  {"accuse", "#E69F00"},   {"criticize", "#CC79A7"},
      {"threaten", "#D55E00"}, {"attack", "#A50F15"},   {"affiliation", "#B0B0B0"},
  };
  for (size_t i = 0; r && i < sizeof map / sizeof map[0]; i++)
    if (strcmp(map[i].rel, r) == 0) return rgb(map[i].hex);
  return rgb("#555555");
}

const char *an_kind_shape(const char *kind) {
  if (kind && strcmp(kind, "person") == 0) return "ellipse";
  if (kind && strcmp(kind, "country") == 0) return "hexagon";
  return "box";
}

const char *an_kind_gexf_shape(const char *kind) {
  if (kind && strcmp(kind, "person") == 0) return "disc";
  if (kind && strcmp(kind, "country") == 0) return "diamond";
  return "square";
}

double an_node_size(const an_gnode *n) { return 10.0 + 6.0 * sqrt(n->strength); }

an_status an_nmtoken(const char *id, an_buf *b) {
  an_buf_clear(b);
  an_status st = an_buf_reserve(b, strlen(id) + 1);
  for (const unsigned char *p = (const unsigned char *)id; st == AN_OK && *p; p++) {
    unsigned char c = *p;
    int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    st = ok ? an_buf_putc(b, (char)c) : an_buf_printf(b, "_%02X", c);
  }
  if (st == AN_OK && b->len == 0) st = an_buf_puts(b, "_");
  return st;
}

static an_status collect(const an_graph *g, int kinds, const char ***out, size_t *n) {
  size_t cap = kinds ? g->n_nodes : g->n_edges;
  const char **v = an_calloc(cap + 1, sizeof *v);
  if (!v) return AN_ENOMEM;
  for (size_t i = 0; i < cap; i++) v[i] = kinds ? g->nodes[i].kind : g->edges[i].relation;
  *n = an_strset_sort(v, cap);
  *out = v;
  return AN_OK;
}

an_status an_graph_relations(const an_graph *g, const char ***out, size_t *n) { return collect(g, 0, out, n); }
an_status an_graph_kinds(const an_graph *g, const char ***out, size_t *n) { return collect(g, 1, out, n); }

const char *an_generator(void) { return "actornet " AN_VERSION_STRING; }
