/* csv.c: nodes.csv and edges.csv for Gephi's spreadsheet import and for
 * spreadsheets: RFC 4180 quoting, a header row, Gephi's column names (Id,
 * Label; Source, Target, Type, Id, Label, Weight), lists "; "-joined.
 * Gephi's "Type" column is the edge direction, so the relation has its own
 * column. Rows are formatted in chunks (an_par_run, on worker threads when
 * asked) and written in order. */
#include <string.h>

#include "export/attrs.h"
#include "export/export_internal.h"

/* Quotes a field when it holds a comma, quote, CR or LF (quotes doubled). */
static an_status put_field(an_buf *out, const char *s, int first) {
  an_status st = first ? AN_OK : an_buf_putc(out, ',');
  size_t n = strcspn(s, ",\"\r\n");
  if (!s[n]) return st == AN_OK ? an_buf_append(out, s, n) : st;
  if (st == AN_OK) st = an_buf_putc(out, '"');
  /* runs up to and including each quote, then the quote again */
  for (const char *q; st == AN_OK && (q = strchr(s, '"')); s = q + 1)
    if ((st = an_buf_append(out, s, (size_t)(q - s) + 1)) == AN_OK) st = an_buf_putc(out, '"');
  if (st == AN_OK) st = an_buf_puts(out, s);
  if (st == AN_OK) st = an_buf_putc(out, '"');
  return st;
}

typedef struct csv {
  const an_graph *g;
  int mixed;
  const size_t *cols; /* attribute indexes of the columns after the fixed ones */
  size_t ncols;
  an_buf *scratch;    /* one per worker */
  an_xsink *out;
} csv;

static an_status put_file(void *ctx, const char *data, size_t len) {
  csv *c = ctx;
  return an_xsink_write(c->out, data, len);
}

static an_status node_rows(void *ctx, size_t w, size_t begin, size_t end, an_buf *out) {
  csv *c = ctx;
  const an_graph *g = c->g;
  an_buf *b = &c->scratch[w];
  an_status st = AN_OK;
  for (size_t i = begin; st == AN_OK && i < end; i++) {
    st = put_field(out, g->nodes[i].id, 1);
    for (size_t col = 0; st == AN_OK && col < c->ncols; col++) {
      size_t k = c->cols[col];
      an_attr_val v;
      an_node_attr(g, i, k, &v);
      if ((st = an_attr_text(&v, an_node_attrs[k].type, b)) == AN_OK) st = put_field(out, b->data, 0);
    }
    if (st == AN_OK) st = an_buf_append(out, "\r\n", 2);
  }
  return st;
}

static an_status edge_rows(void *ctx, size_t w, size_t begin, size_t end, an_buf *out) {
  csv *c = ctx;
  const an_graph *g = c->g;
  an_buf *b = &c->scratch[w];
  an_status st = AN_OK;
  char num[32];
  for (size_t i = begin; st == AN_OK && i < end; i++) {
    const an_gedge *e = &g->edges[i];
    num[0] = 'e';
    an_fmt_ll(num + 1, (long long)i);
    st = put_field(out, g->nodes[e->source].id, 1);
    if (st == AN_OK) st = put_field(out, g->nodes[e->target].id, 0);
    if (st == AN_OK) st = put_field(out, c->mixed && e->symmetric ? "Undirected" : "Directed", 0);
    if (st == AN_OK) st = put_field(out, num, 0);
    if (st == AN_OK && (st = an_edge_label(g, i, b)) == AN_OK) st = put_field(out, b->data, 0);
    an_fmt_ll(num, (long long)an_gedge_weight(e));
    if (st == AN_OK) st = put_field(out, num, 0);
    for (size_t col = 0; st == AN_OK && col < c->ncols; col++) {
      size_t k = c->cols[col];
      an_attr_val v;
      an_edge_attr(g, i, k, &v);
      if ((st = an_attr_text(&v, an_edge_attrs[k].type, b)) == AN_OK) st = put_field(out, b->data, 0);
    }
    if (st == AN_OK) st = an_buf_append(out, "\r\n", 2);
  }
  return st;
}

/* The header, then the rows on jobs threads, to out. */
static an_status write_table(csv *c, FILE *out, const an_buf *head, size_t n, size_t jobs,
                             an_status (*rows)(void *, size_t, size_t, size_t, an_buf *)) {
  if (jobs < 1) jobs = 1;
  an_xsink sink;
  an_status st = an_xsink_begin(&sink, out);
  if (st != AN_OK) return st;
  c->out = &sink;
  st = put_file(c, head->data, head->len);
  c->scratch = st == AN_OK ? an_calloc(jobs, sizeof *c->scratch) : NULL;
  if (st == AN_OK && !c->scratch) st = AN_ENOMEM;
  for (size_t k = 0; c->scratch && k < jobs; k++) an_buf_init(&c->scratch[k]);
  if (st == AN_OK) {
    an_par_job job = {n, 2048, jobs, c, rows, put_file, 0};
    st = an_par_run(&job);
  }
  for (size_t k = 0; c->scratch && k < jobs; k++) an_buf_free(&c->scratch[k]);
  an_free(c->scratch);
  an_status es = an_xsink_end(&sink);
  return st != AN_OK ? st : es;
}

static an_status report(an_status st, FILE *out, an_error *err) {
  if (st == AN_OK && !ferror(out)) return AN_OK;
  if (st != AN_OK && st != AN_EIO) return an_error_set(err, st, NULL, 0, -1, "out of memory writing CSV");
  return an_error_set(err, AN_EIO, NULL, 0, -1, "cannot write CSV");
}

/* The columns of the attributes that apply (of count in attrs), chosen
 * once for every row; AN_EINTERNAL if more than fit in cols[64]. */
static an_status pick_columns(const an_graph *g, const an_attr_def *attrs, size_t count, int edges, size_t *cols,
                              size_t *ncols) {
  *ncols = 0;
  if (count > 64) return AN_EINTERNAL;
  for (size_t k = 0; k < count; k++) {
    const char *name = attrs[k].name;
    if (!an_attr_applies(g, &attrs[k], AN_IN_CSV)) continue;
    if (edges && (strcmp(name, "label") == 0 || strcmp(name, "weight") == 0)) continue; /* fixed columns */
    cols[(*ncols)++] = k;
  }
  return AN_OK;
}

an_status an_export_csv_nodes(const an_graph *g, const an_export_opts *o, FILE *out, an_error *err) {
  size_t cols[64], ncols;
  if (pick_columns(g, an_node_attrs, an_node_attr_count, 0, cols, &ncols) != AN_OK)
    return an_error_set(err, AN_EINTERNAL, NULL, 0, -1, "CSV: too many node attributes");
  an_buf head;
  an_buf_init(&head);
  an_status st = put_field(&head, "Id", 1);
  for (size_t col = 0; st == AN_OK && col < ncols; col++) {
    const char *name = an_node_attrs[cols[col]].name;
    st = put_field(&head, strcmp(name, "label") == 0 ? "Label" : name, 0);
  }
  if (st == AN_OK) st = an_buf_append(&head, "\r\n", 2);
  csv c = {g, 0, cols, ncols, NULL, NULL};
  if (st == AN_OK) st = write_table(&c, out, &head, g->n_nodes, o ? o->jobs : 1, node_rows);
  an_buf_free(&head);
  return report(st, out, err);
}

an_status an_export_csv_edges(const an_graph *g, const an_export_opts *o, FILE *out, an_error *err) {
  static const char *const fixed[] = {"Source", "Target", "Type", "Id", "Label", "Weight"};
  size_t cols[64], ncols;
  if (pick_columns(g, an_edge_attrs, an_edge_attr_count, 1, cols, &ncols) != AN_OK)
    return an_error_set(err, AN_EINTERNAL, NULL, 0, -1, "CSV: too many edge attributes");
  an_buf head;
  an_buf_init(&head);
  an_status st = AN_OK;
  for (size_t k = 0; st == AN_OK && k < 6; k++) st = put_field(&head, fixed[k], k == 0);
  for (size_t col = 0; st == AN_OK && col < ncols; col++) st = put_field(&head, an_edge_attrs[cols[col]].name, 0);
  if (st == AN_OK) st = an_buf_append(&head, "\r\n", 2);
  csv c = {g, o && (o->flags & AN_EXPORT_MIXED), cols, ncols, NULL, NULL};
  if (st == AN_OK) st = write_table(&c, out, &head, g->n_edges, o ? o->jobs : 1, edge_rows);
  an_buf_free(&head);
  return report(st, out, err);
}
