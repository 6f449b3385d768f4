/* io.h: reading documents. An an_reader takes input paths (a .txt file, a
 * folder searched recursively for .txt and .jsonl in sorted order, a .jsonl
 * corpus, or "-" for standard input, text or JSONL detected) and yields one
 * an_doc at a time, so memory does not grow with the number of documents.
 *
 * Problems that only skip a document (an empty document, a broken JSONL line)
 * are reported through the warning callback and counted; the reader goes on.
 * Problems that stop the run (an unreadable path) are returned as errors. */
#ifndef ACTORNET_IO_H
#define ACTORNET_IO_H

#include <stddef.h>
#include <stdio.h>
#include "error.h"
#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A document. Strings are NUL-terminated UTF-8 as read (text is not yet
 * normalized or validated); optional fields are NULL when absent. */
typedef struct an_doc {
  char *id;      /* file name without extension, or the JSONL "id" */
  char *text;    /* raw bytes as read; may hold invalid UTF-8 or NULs */
  size_t len;    /* bytes in text */
  char *date;    /* ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or NULL */
  char *outlet;  /* publisher or NULL */
  char *url;     /* NULL if unknown */
  char *title;   /* NULL if unknown */
  char *path;    /* where it came from ("-" for stdin) */
  long line;     /* 1-based JSONL line, 0 for a text file */
} an_doc;

AN_EXPORT void an_doc_free(an_doc *doc);

/* Called for each skipped or repaired input; `err` names file, line and
 * offset. May be NULL in an_reader_opts (then warnings are only counted). */
typedef void (*an_warn_fn)(void *ctx, const an_error *warning);

typedef struct an_reader an_reader;

typedef struct an_reader_opts {
  an_warn_fn warn;
  void *warn_ctx;
  size_t max_doc_bytes; /* 0 = no limit; larger documents are skipped with a warning */
  size_t chunk_size;    /* bytes per read(); 0 = 64 KiB. Tests vary it: documents
                         * must come out the same whatever it is. */
} an_reader_opts;

/* Owns: *out on AN_OK (an_reader_free). */
AN_EXPORT an_status an_reader_new(const an_reader_opts *opts, an_reader **out, an_error *err);
AN_EXPORT void an_reader_free(an_reader *rd);

/* Adds an input path ("-" = stdin). Checks that it exists and is readable;
 * folders are listed lazily. */
AN_EXPORT an_status an_reader_add_path(an_reader *rd, const char *path, an_error *err);

/* Leaves the file at path out of folder walks (by device and inode): the
 * output of a previous run inside an input folder is not read back as
 * input. A path that does not exist yet is ignored. */
AN_EXPORT an_status an_reader_exclude(an_reader *rd, const char *path, an_error *err);

/* Metadata by document id from a JSONL file of {"id","date","outlet","url","title"}:
 * applied to documents that lack those fields. */
AN_EXPORT an_status an_reader_load_meta(an_reader *rd, const char *path, an_error *err);

/* Next document, in input order. End of input: AN_OK with *doc == NULL.
 * Owns: *doc (an_doc_free). */
AN_EXPORT an_status an_reader_next(an_reader *rd, an_doc **doc, an_error *err);

/* Number of inputs skipped (broken lines, empty documents) so far. */
AN_EXPORT size_t an_reader_skipped(const an_reader *rd);
/* Bytes read so far (for progress). */
AN_EXPORT size_t an_reader_bytes(const an_reader *rd);

/* Output written to a temporary file beside the target and renamed over it
 * on commit, so a failed run never leaves a half-written file. path "-"
 * writes to stdout directly. */
typedef struct an_outfile an_outfile;
/* Owns: *out (an_outfile_commit or an_outfile_abort frees it). */
AN_EXPORT an_status an_outfile_open(const char *path, an_outfile **out, an_error *err);
/* Borrows: the stream to write to, valid until commit/abort. */
AN_EXPORT FILE *an_outfile_stream(an_outfile *of);
/* The temporary file's path, NULL when writing directly (stdout, a device),
 * so that a signal handler can unlink() it. Borrows: valid until commit/abort. */
AN_EXPORT const char *an_outfile_temp_path(const an_outfile *of);
/* Flushes, fsyncs, renames over the target; checks every write succeeded. */
AN_EXPORT an_status an_outfile_commit(an_outfile *of, an_error *err);
/* Removes the temporary file. NULL is a no-op. */
AN_EXPORT void an_outfile_abort(an_outfile *of);

#ifdef __cplusplus
}
#endif
#endif
