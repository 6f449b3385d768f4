/* export.c: format names, dispatch, writing a path or a directory of every
 * format, and the temporary-file-then-rename output. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "actornet/io.h"
#include "export/attrs.h"
#include "export/export_internal.h"

an_format an_format_from_name(const char *name) {
  static const struct {
    const char *name;
    an_format f;
  } names[] = {
      {"graphml", AN_FORMAT_GRAPHML}, {"gexf", AN_FORMAT_GEXF},        {"dot", AN_FORMAT_DOT},
      {"gv", AN_FORMAT_DOT},          {"json", AN_FORMAT_JSON},        {"csv", AN_FORMAT_CSV_EDGES},
      {"edges", AN_FORMAT_CSV_EDGES}, {"nodes", AN_FORMAT_CSV_NODES},  {"svg", AN_FORMAT_SVG},
      {"png", AN_FORMAT_PNG},
  };
  for (size_t i = 0; name && i < sizeof names / sizeof names[0]; i++)
    if (strcasecmp(names[i].name, name) == 0) return names[i].f;
  return AN_FORMAT_NONE;
}

an_format an_format_from_path(const char *path) {
  if (!path) return AN_FORMAT_NONE;
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  if (!dot) return AN_FORMAT_NONE;
  an_format f = an_format_from_name(dot + 1);
  if (f == AN_FORMAT_CSV_EDGES && (strcasecmp(base, "nodes.csv") == 0 || strstr(base, "nodes.csv")))
    f = AN_FORMAT_CSV_NODES;
  return f;
}

an_status an_export(const an_graph *g, const an_export_opts *o, an_format fmt, FILE *out, an_error *err) {
  switch (fmt) {
  case AN_FORMAT_GRAPHML: return an_export_graphml(g, o, out, err);
  case AN_FORMAT_GEXF: return an_export_gexf(g, o, out, err);
  case AN_FORMAT_DOT: return an_export_dot(g, o, out, err);
  case AN_FORMAT_JSON: return an_export_json(g, o, out, err);
  case AN_FORMAT_CSV_NODES: return an_export_csv_nodes(g, o, out, err);
  case AN_FORMAT_CSV_EDGES: return an_export_csv_edges(g, o, out, err);
  case AN_FORMAT_SVG:
  case AN_FORMAT_PNG: return an_render(g, o, fmt, out, err);
  default: return an_error_set(err, AN_EINVAL, NULL, 0, -1, "unknown output format");
  }
}

static an_status write_one(const an_graph *g, const an_export_opts *o, an_format fmt, const char *path, an_error *err) {
  an_xout x;
  an_status st = an_xout_open(&x, path, err);
  if (st != AN_OK) return st;
  errno = 0; /* a failed write leaves its errno: named in the message below */
  st = an_export(g, o, fmt, x.f, err);
  if (st == AN_OK) return an_xout_commit(&x, err);
  if (st == AN_EIO && err && errno && !strchr(err->msg, ':')) {
    size_t n = strlen(err->msg);
    snprintf(err->msg + n, sizeof err->msg - n, ": %s", strerror(errno));
  }
  if (err && !err->path[0]) snprintf(err->path, sizeof err->path, "%s", path);
  an_xout_abort(&x);
  return st;
}

an_status an_export_path(const an_graph *g, const an_export_opts *o, an_format fmt, const char *path, an_error *err) {
  if (!path || !path[0]) return an_error_set(err, AN_EINVAL, NULL, 0, -1, "no output path");
  size_t n = strlen(path);
  struct stat sb;
  int is_dir = path[n - 1] == '/' || (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode));
  if (!is_dir) {
    if (fmt == AN_FORMAT_NONE) fmt = an_format_from_path(path);
    if (fmt == AN_FORMAT_NONE && strcmp(path, "-") == 0) fmt = AN_FORMAT_JSON;
    if (fmt == AN_FORMAT_NONE)
      return an_error_set(err, AN_EINVAL, path, 0, -1, "unknown output format (use --format or an extension)");
    return write_one(g, o, fmt, path, err);
  }
  if (mkdir(path, 0777) != 0 && errno != EEXIST)
    return an_error_set(err, AN_EIO, path, 0, -1, "cannot create directory: %s", strerror(errno));
  static const struct {
    const char *file;
    an_format f;
  } all[] = {
      {"graph.graphml", AN_FORMAT_GRAPHML}, {"graph.gexf", AN_FORMAT_GEXF},   {"graph.dot", AN_FORMAT_DOT},
      {"graph.json", AN_FORMAT_JSON},       {"nodes.csv", AN_FORMAT_CSV_NODES}, {"edges.csv", AN_FORMAT_CSV_EDGES},
  };
  an_buf p;
  an_buf_init(&p);
  an_status st = AN_OK;
  for (size_t i = 0; st == AN_OK && i < sizeof all / sizeof all[0]; i++) {
    if (fmt != AN_FORMAT_NONE && fmt != all[i].f) continue;
    an_buf_clear(&p);
    st = an_buf_printf(&p, "%s%s%s", path, path[n - 1] == '/' ? "" : "/", all[i].file);
    if (st == AN_OK) st = write_one(g, o, all[i].f, p.data, err);
    else an_error_set(err, st, path, 0, -1, "out of memory");
  }
  an_buf_free(&p);
  return st;
}

/* ---- temporary file, then rename ---- */

/* Through io.h's an_outfile (src/io). */
an_status an_xout_open(an_xout *o, const char *path, an_error *err) {
  memset(o, 0, sizeof *o);
  an_outfile *of = NULL;
  an_status st = an_outfile_open(path, &of, err);
  if (st != AN_OK) return st;
  o->of = of;
  o->f = an_outfile_stream(of);
  return AN_OK;
}

an_status an_xout_commit(an_xout *o, an_error *err) {
  an_status st = an_outfile_commit(o->of, err);
  memset(o, 0, sizeof *o);
  return st;
}

void an_xout_abort(an_xout *o) {
  if (!o) return;
  an_outfile_abort(o->of);
  memset(o, 0, sizeof *o);
}

an_status an_edge_label(const an_graph *g, size_t i, an_buf *out) {
  const an_gedge *e = &g->edges[i];
  an_buf_clear(out);
  an_status st;
  if (!e->affiliation) { /* "%s (%zu)" without printf: one label per edge */
    char num[24];
    size_t n = an_fmt_ll(num, (long long)an_gedge_weight(e));
    st = an_buf_puts(out, e->relation ? e->relation : "(null)"); /* as printf had it */
    if (st == AN_OK) st = an_buf_append(out, " (", 2);
    if (st == AN_OK) st = an_buf_append(out, num, n);
    if (st == AN_OK) st = an_buf_append(out, ")", 1);
    return st;
  }
  st = an_buf_puts(out, "affiliation");
  an_strlist roles = an_gedge_list(e, AN_EL_ROLES);
  for (size_t k = 0; st == AN_OK && k < roles.n; k++) {
    st = an_buf_append(out, k ? ", " : ": ", 2);
    if (st == AN_OK) st = an_buf_puts(out, roles.v[k]);
  }
  return st;
}
