/* export_internal.h: what the exporters share besides the attribute table:
 * the Graphviz graph both DOT and render start from, edge labels, and
 * output files written through a temporary file. */
#ifndef AN_EXPORT_INTERNAL_H
#define AN_EXPORT_INTERNAL_H

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "core/core.h"
#include "graph/graph_internal.h"

/* "meet (3)" for interactions, "affiliation: leader" for affiliations. */
an_status an_edge_label(const an_graph *g, size_t e, an_buf *out);

/* A styled cgraph graph of g (dot.c). for_render adds layout settings
 * chosen for engine. Owns: *out (agclose). Declared with void to keep
 * Graphviz headers out of the other exporters. */
an_status an_dot_build(const an_graph *g, const char *engine, void **out, an_error *err);
/* The engine for a graph of this size: dot < 50 nodes, neato <= 300, sfdp. */
const char *an_dot_engine_for(const an_graph *g);

/* libxml2 reports a failed write (a full disk) by printing "I/O error :
 * ..." to stderr itself: nothing below src/cli may print. Its error handler
 * is a per-thread global in libxml2 2.9 (xmlSetStructuredErrorFunc; the
 * output buffer and text writer take no handler of their own), so an XML
 * exporter installs this one around its writes and restores the previous
 * handler after; other threads are not affected. The first message is kept
 * for the error the exporter returns. Declared with void * to keep libxml2
 * headers out of the other exporters. */
typedef struct an_xml_errors {
  char msg[160];
  void *old_fn, *old_ctx;
} an_xml_errors;
void an_xml_errors_catch(an_xml_errors *x);
void an_xml_errors_release(an_xml_errors *x);

/* The bulk of an XML document (the nodes and edges of GraphML and GEXF)
 * goes to its xmlTextWriter as a few large raw chunks instead of five
 * writer calls (each with a malloc and a strdup for the element stack) per
 * <data> or <attvalue>: the exporters assemble the elements here, in the
 * layout the writer gives with indentation on (nesting, two spaces a
 * level), and escape values exactly as the writer would: text as
 * xmlEncodeSpecialChars, attribute values as xmlAttrSerializeTxtContent
 * (what xmlTextWriterWriteString uses in each state). Values with nothing
 * to escape, most of them, are copied as they are; any other goes through
 * those libxml2 functions, so the bytes are libxml2's either way. */
typedef struct an_xraw {
  void *abuf;   /* xmlBufferPtr for escaped attribute values; Owns */
  void *doc;    /* xmlDocPtr with encoding UTF-8, as the writer's; Owns */
  an_buf b;     /* pending XML */
  an_status st; /* first failure: AN_ENOMEM */
} an_xraw;

void an_xraw_init(an_xraw *x); /* empty: a worker's state, filled between an_xraw_begin and an_xraw_end */
/* Appends to out (emptied) until an_xraw_end, which gives it back and
 * returns x->st: a worker's chunk (an_par_run). */
void an_xraw_begin(an_xraw *x, an_buf *out);
an_status an_xraw_end(an_xraw *x, an_buf *out);
/* Frees x; returns x->st. */
an_status an_xraw_finish(an_xraw *x);
void an_xraw_put_slow(an_xraw *x, const char *s, size_t n);
/* as it is; inline: called for every few bytes of output */
static inline void an_xraw_put(an_xraw *x, const char *s, size_t n) {
  if (x->b.data && n < x->b.cap - x->b.len) {
    memcpy(x->b.data + x->b.len, s, n);
    x->b.len += n;
    x->b.data[x->b.len] = '\0';
  } else {
    an_xraw_put_slow(x, s, n);
  }
}
void an_xraw_puts(an_xraw *x, const char *s);          /* as it is */
#define AN_XRAW_LIT(x, lit) an_xraw_put((x), "" lit, sizeof(lit) - 1) /* a string literal, as it is */
void an_xraw_ll(an_xraw *x, long long v);              /* in decimal */
void an_xraw_text(an_xraw *x, const char *s);          /* escaped as element text */
void an_xraw_attr(an_xraw *x, const char *name, const char *value); /* ' name="value"', value escaped */
void an_xraw_attr_value(an_xraw *x, const char *value);             /* part of an attribute value, escaped */

/* Records (nodes, edges) first .. first + n - 1 formatted in chunks of
 * `chunk` on `jobs` worker threads and written in order by the calling
 * thread: the output is the same bytes for any jobs (jobs <= 1: no
 * thread, chunk after chunk). format appends records [begin, end) to out,
 * on worker `worker` (0 .. jobs - 1: its own scratch); write takes a
 * formatted chunk. The first failure stops the run and is returned. */
typedef struct an_par_job {
  size_t n, chunk, jobs;
  void *ctx;
  an_status (*format)(void *ctx, size_t worker, size_t begin, size_t end, an_buf *out);
  an_status (*write)(void *ctx, const char *data, size_t len);
  size_t first;
} an_par_job;
an_status an_par_run(const an_par_job *job);

/* The bulk of a large export (the records an_par_run formats) on its way
 * to a regular file: gathered into aligned blocks of AN_XSINK_BLOCK bytes,
 * written with O_DIRECT by a writer thread while the records go on being
 * formatted. Writing gigabytes through the page cache cost more system
 * time than formatting them (each new page cache page is fresh memory,
 * and the output is not read back), and the fsync before the rename then
 * waited for all of it. Small outputs (under one block), pipes and
 * devices are written as before: through the FILE. Between an_xsink_begin
 * (which flushes f) and an_xsink_end (which writes the rest and leaves f
 * at the end of what was written) nothing else writes to f; an_xsink_end
 * must follow every begin. AN_EIO with errno set on a failed write. */
#define AN_XSINK_BLOCK ((size_t)8 << 20)
#define AN_XSINK_NBUF 3
typedef struct an_xsink {
  FILE *f;
  int fd;              /* -1: through f */
  char *buf[AN_XSINK_NBUF]; /* aligned in mem[] */
  void *mem[AN_XSINK_NBUF];
  size_t tail, used;   /* the block being filled, and its bytes */
  size_t head, queued; /* the blocks waiting for the writer (under mu) */
  int started, direct, threaded, stop;
  int err, werr;       /* errno of the first failure: the caller's, the writer's (under mu) */
  pthread_t thread;
  pthread_mutex_t mu;
  pthread_cond_t cv;
} an_xsink;
an_status an_xsink_begin(an_xsink *s, FILE *f);
an_status an_xsink_write(an_xsink *s, const void *data, size_t len);
an_status an_xsink_end(an_xsink *s);

/* Output through io.h's an_outfile: a temporary file in the target's
 * directory, renamed over the target on commit ("-" = stdout). */
typedef struct an_xout {
  FILE *f;
  void *of; /* the an_outfile */
} an_xout;

an_status an_xout_open(an_xout *o, const char *path, an_error *err);
an_status an_xout_commit(an_xout *o, an_error *err);
void an_xout_abort(an_xout *o);

#endif
