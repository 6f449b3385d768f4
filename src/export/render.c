/* render.c: lays a graph out and draws it (SVG, PNG) through Graphviz's
 * gvc, from the same styled graph the DOT exporter writes. The engine
 * follows the graph's size (dot for small graphs, neato, then sfdp);
 * overlap removal (prism) keeps labels of a few hundred nodes apart.
 * Graphviz's own messages are captured into the error instead of being
 * printed (nothing below src/cli prints). */
#include <errno.h>
#include <pthread.h>
#include <string.h>

#include <graphviz/gvc.h>

#include "export/attrs.h"
#include "export/export_internal.h"

/* cgraph's error hook takes no context: keep the first message of this
 * thread's render. */
static _Thread_local char gv_msg[200];

static int keep_msg(char *msg) {
  if (!gv_msg[0] && msg) {
    snprintf(gv_msg, sizeof gv_msg, "%s", msg);
    size_t n = strlen(gv_msg);
    while (n && (gv_msg[n - 1] == '\n' || gv_msg[n - 1] == '\r')) gv_msg[--n] = '\0';
  }
  return 0;
}

/* One Graphviz context for the process, never freed. Graphviz 2.42's pango
 * plugin caches a pointer to the last font name, which lives in the
 * context's font table: after gvFreeContext the next render in the same
 * process compares against freed memory (found by ASan). Layout calls are
 * serialized by the caller (one thread draws). */
static GVC_t *shared_gvc;
static pthread_once_t gvc_once = PTHREAD_ONCE_INIT;
static void make_gvc(void) { shared_gvc = gvContext(); }

an_status an_render(const an_graph *g, const an_export_opts *o, an_format fmt, FILE *out, an_error *err) {
  if (fmt != AN_FORMAT_SVG && fmt != AN_FORMAT_PNG)
    return an_error_set(err, AN_EINVAL, NULL, 0, -1, "render: only SVG and PNG");
  const char *engine = o && o->engine ? o->engine : an_dot_engine_for(g);
  void *G = NULL;
  an_status st = an_dot_build(g, engine, &G, err);
  if (st != AN_OK) return st;
  gv_msg[0] = '\0';
  agusererrf old = agseterrf(keep_msg);
  agerrlevel_t oldlevel = agseterr(AGERR);
  pthread_once(&gvc_once, make_gvc);
  GVC_t *gvc = shared_gvc;
  if (!gvc) {
    st = an_error_set(err, AN_EGRAPH, NULL, 0, -1, "Graphviz: no context");
  } else if (gvLayout(gvc, (Agraph_t *)G, engine) != 0) {
    st = an_error_set(err, AN_EGRAPH, NULL, 0, -1, "Graphviz layout (%s) failed%s%s", engine, gv_msg[0] ? ": " : "",
                      gv_msg);
  } else {
    /* Drawn into memory, then written here: Graphviz 2.42 calls exit(1)
     * when a write to its output FILE fails (gvwrite_no_z), which would
     * end the process with no message and leave a temporary file behind. */
    char *pic = NULL;
    unsigned int plen = 0;
    if (gvRenderData(gvc, (Agraph_t *)G, fmt == AN_FORMAT_SVG ? "svg" : "png", &pic, &plen) != 0 || !pic)
      st = an_error_set(err, AN_EGRAPH, NULL, 0, -1, "Graphviz rendering failed%s%s", gv_msg[0] ? ": " : "", gv_msg);
    else if (plen && fwrite(pic, 1, plen, out) != plen)
      st = an_error_set(err, AN_EIO, NULL, 0, -1, "cannot write the picture: %s", strerror(errno));
    gvFreeRenderData(pic);
    gvFreeLayout(gvc, (Agraph_t *)G);
  }
  agclose((Agraph_t *)G);
  agseterr(oldlevel);
  agseterrf(old);
  if (st == AN_OK && (fflush(out) != 0 || ferror(out)))
    st = an_error_set(err, AN_EIO, NULL, 0, -1, "cannot write the picture: %s", errno ? strerror(errno) : "I/O error");
  return st;
}
