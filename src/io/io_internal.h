/* io_internal.h: the pieces the reader is built from, exposed to its unit
 * tests: a feed/finish line splitter (style.md C2), the parser that turns a
 * JSONL line into a document, ISO date checks and the metadata table.
 * Nothing here reads files; reader.c does. */
#ifndef AN_IO_INTERNAL_H
#define AN_IO_INTERNAL_H

#include <stddef.h>

#include "actornet/io.h"
#include "core/core.h"
#include "io/json.h"

/* Splits bytes fed in arbitrary pieces into lines. A line split across
 * feeds comes out whole; scanning resumes where it stopped, so one line of
 * tens of MB costs linear time. Lines longer than max_line (0 = no limit)
 * are dropped and reported by an_lines_next as too long. */
typedef struct an_lines {
  an_buf buf;       /* pending bytes; [pos, buf.len) not yet returned */
  size_t pos;       /* start of the unreturned bytes */
  size_t scanned;   /* bytes after pos known to hold no '\n' */
  size_t max_line;
  size_t dropped;   /* bytes of the over-long line being dropped */
  long line;        /* number of the last line returned (1-based) */
  int finished;
} an_lines;

void an_lines_init(an_lines *l, size_t max_line);
void an_lines_free(an_lines *l);
/* Borrows: p is copied. */
an_status an_lines_feed(an_lines *l, const char *p, size_t n);
void an_lines_finish(an_lines *l);
/* Next whole line (without its '\n' or "\r\n"). Returns 1 and sets *line,
 * *len (Borrows: valid until the next feed/next call), 0 when more input is
 * needed (or, after finish, at the end), -1 when the line was longer than
 * max_line and was dropped (*len = its length). l->line is its number. */
int an_lines_next(an_lines *l, const char **line, size_t *len);

/* Checks an ISO date: YYYY, YYYY-MM or YYYY-MM-DD with a real month and
 * day, optionally followed by a time ("2024-03-04T10:00:00Z"), which is
 * dropped. Writes the date part into out (11 bytes). 1 if valid. */
int an_iso_date_check(const char *s, char out[11]);

/* What a JSONL line must hold: a document needs "text"; a metadata record
 * only "id". */
enum { AN_LINE_DOC = 0, AN_LINE_META = 1 };

/* Parses one JSONL line into a document (text and metadata fields set,
 * path/line left to the caller), through jr's arena (NULL: a temporary
 * one; a reader keeps one for all its lines). A line the caller should skip returns
 * AN_EDATA with warn filled (what is wrong, at path:lineno). A date that is
 * a string but not ISO is dropped with a note in *note (the document is kept;
 * note[0] == 0 when nothing was dropped).
 * Owns: *out on AN_OK (an_doc_free). Borrows: jr (NULL: one for this line;
 * its arena is reused by the next line: nothing in *out points into it), line. */
an_status an_jsonl_parse_line(an_jreader *jr, const char *line, size_t len, int kind, const char *path,
                              long lineno, an_doc **out, an_error *warn, char note[256]);

/* Metadata by document id (from --meta). */
typedef struct an_meta an_meta;
an_meta *an_meta_new(void);
void an_meta_free(an_meta *m);
/* Takes ownership of rec's fields (rec itself is freed). Later records
 * with the same id replace earlier ones. */
an_status an_meta_put(an_meta *m, an_doc *rec);
/* Fills doc's NULL date/outlet/url/title from the record with its id. */
an_status an_meta_apply(const an_meta *m, an_doc *doc);
size_t an_meta_count(const an_meta *m);

/* Copy of s with each byte that is not valid UTF-8 replaced by U+FFFD;
 * sets *bad (if not NULL) when one was. NULL when out of memory.
 * Owns: the result (an_free). */
char *an_utf8_dup(const char *s, int *bad);
/* The same for s[0..n) (no NUL needed). */
char *an_utf8_dupn(const char *s, size_t n, int *bad);

/* Bytes of the longest prefix of s of at most max bytes that does not cut
 * a UTF-8 sequence (for "%.*s" in messages). */
int an_utf8_prefix(const char *s, int max);
/* Drops a UTF-8 sequence cut at the end of s (by a fixed-size buffer). */
void an_utf8_trim_tail(char *s);

/* 1 if the bytes are only ASCII white space (and U+FEFF / U+00A0). */
int an_blank(const char *p, size_t n);

#endif
