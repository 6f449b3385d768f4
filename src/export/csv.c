/* csv.c: nodes.csv and edges.csv for Gephi's spreadsheet import and for
 * spreadsheets: RFC 4180 quoting, a header row, Gephi's column names (Id,
 * Label; Source, Target, Type, Id, Label, Weight), lists "; "-joined.
 * Gephi's "Type" column is the edge direction, so the relation has its own
 * column. */
#include <string.h>

#include "export/attrs.h"
#include "export/export_internal.h"

/* Quotes a field when it holds a comma, quote, CR or LF (quotes doubled). */
static int put_field(FILE *out, const char *s, int first) {
  if (!first && fputc(',', out) == EOF) return 0;
  size_t n = strcspn(s, ",\"\r\n");
  if (!s[n]) return fwrite(s, 1, n, out) == n;
  if (fputc('"', out) == EOF) return 0;
  /* runs up to and including each quote, then the quote again */
  for (const char *q; (q = strchr(s, '"')); s = q + 1)
    if (fwrite(s, 1, (size_t)(q - s) + 1, out) != (size_t)(q - s) + 1 || fputc('"', out) == EOF) return 0;
  n = strlen(s);
  return fwrite(s, 1, n, out) == n && fputc('"', out) != EOF;
}

an_status an_export_csv_nodes(const an_graph *g, const an_export_opts *o, FILE *out, an_error *err) {
  (void)o;
  an_buf b;
  an_buf_init(&b);
  an_status st = AN_OK;
  int ok = put_field(out, "Id", 1);
  for (size_t k = 0; ok && k < an_node_attr_count; k++) {
    if (!an_attr_applies(g, &an_node_attrs[k], AN_IN_CSV)) continue;
    ok = put_field(out, strcmp(an_node_attrs[k].name, "label") == 0 ? "Label" : an_node_attrs[k].name, 0);
  }
  ok = ok && fputs("\r\n", out) != EOF;
  for (size_t i = 0; ok && st == AN_OK && i < g->n_nodes; i++) {
    ok = put_field(out, g->nodes[i].id, 1);
    for (size_t k = 0; ok && k < an_node_attr_count; k++) {
      if (!an_attr_applies(g, &an_node_attrs[k], AN_IN_CSV)) continue;
      an_attr_val v;
      an_node_attr(g, i, k, &v);
      if ((st = an_attr_text(&v, an_node_attrs[k].type, &b)) != AN_OK) break;
      ok = put_field(out, b.data, 0);
    }
    ok = ok && fputs("\r\n", out) != EOF;
  }
  an_buf_free(&b);
  if (st != AN_OK) return an_error_set(err, st, NULL, 0, -1, "out of memory writing CSV");
  if (!ok || ferror(out)) return an_error_set(err, AN_EIO, NULL, 0, -1, "cannot write CSV");
  return AN_OK;
}

an_status an_export_csv_edges(const an_graph *g, const an_export_opts *o, FILE *out, an_error *err) {
  const int mixed = o && (o->flags & AN_EXPORT_MIXED);
  an_buf b;
  an_buf_init(&b);
  an_status st = AN_OK;
  static const char *const fixed[] = {"Source", "Target", "Type", "Id", "Label", "Weight"};
  int ok = 1;
  for (size_t k = 0; ok && k < 6; k++) ok = put_field(out, fixed[k], k == 0);
  /* The columns after the fixed ones, chosen once. */
  size_t cols[64], ncols = 0;
  if (an_edge_attr_count > sizeof cols / sizeof cols[0])
    return an_error_set(err, AN_EINTERNAL, NULL, 0, -1, "CSV: too many edge attributes");
  for (size_t k = 0; k < an_edge_attr_count; k++) {
    const char *name = an_edge_attrs[k].name;
    if (an_attr_applies(g, &an_edge_attrs[k], AN_IN_CSV) && strcmp(name, "label") && strcmp(name, "weight"))
      cols[ncols++] = k;
  }
  for (size_t c = 0; ok && c < ncols; c++) ok = put_field(out, an_edge_attrs[cols[c]].name, 0);
  ok = ok && fputs("\r\n", out) != EOF;
  char num[32];
  for (size_t i = 0; ok && st == AN_OK && i < g->n_edges; i++) {
    const an_gedge *e = &g->edges[i];
    num[0] = 'e';
    an_fmt_ll(num + 1, (long long)i);
    ok = put_field(out, g->nodes[e->source].id, 1) && put_field(out, g->nodes[e->target].id, 0) &&
         put_field(out, mixed && e->symmetric ? "Undirected" : "Directed", 0) && put_field(out, num, 0);
    if (ok && (st = an_edge_label(g, i, &b)) == AN_OK) ok = put_field(out, b.data, 0);
    an_fmt_ll(num, (long long)an_gedge_weight(e));
    ok = ok && st == AN_OK && put_field(out, num, 0);
    for (size_t c = 0; ok && c < ncols; c++) {
      size_t k = cols[c];
      an_attr_val v;
      an_edge_attr(g, i, k, &v);
      if ((st = an_attr_text(&v, an_edge_attrs[k].type, &b)) != AN_OK) break;
      ok = put_field(out, b.data, 0);
    }
    ok = ok && fputs("\r\n", out) != EOF;
  }
  an_buf_free(&b);
  if (st != AN_OK) return an_error_set(err, st, NULL, 0, -1, "out of memory writing CSV");
  if (!ok || ferror(out)) return an_error_set(err, AN_EIO, NULL, 0, -1, "cannot write CSV");
  return AN_OK;
}
