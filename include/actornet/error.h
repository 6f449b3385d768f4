/* error.h: status codes and the error record every fallible call fills.
 *
 * Every fallible function returns an an_status (AN_OK == 0) and takes an
 * `an_error *err` last, which may be NULL. The function that detects the
 * problem fills err (it knows the path, line and offset); callers pass it up
 * unchanged. Filling an error never allocates. */
#ifndef ACTORNET_ERROR_H
#define ACTORNET_ERROR_H

#include <stddef.h>
#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Append-only: never renumber; each code needs a text in src/core/error.c
 * (the unit test tests/unit/core/test_error.c checks every one has one). */
typedef enum an_status {
  AN_OK = 0,
  AN_ENOMEM = 1,    /* out of memory */
  AN_EIO = 2,       /* read/write failure (disk full, unreadable path) */
  AN_EINVAL = 3,    /* bad argument from the caller */
  AN_EDATA = 4,     /* bad input data (broken JSON, bad gazetteer entry) */
  AN_ENOTFOUND = 5, /* a file, actor or resource that does not exist */
  AN_ELIMIT = 6,    /* input beyond a configured limit */
  AN_EINTERNAL = 7, /* broken invariant: a bug in actornet */
  AN_EGRAPH = 8,    /* igraph or Graphviz failed */
  AN_EINTR = 9,     /* interrupted (SIGINT) */
  AN_EDB = 10,      /* the SQLite store failed */
  AN_STATUS_COUNT_ /* keep last */
} an_status;

typedef struct an_error {
  an_status code;
  char path[256]; /* input file, "-" for stdin, "" if none */
  char msg[256];
  long line;      /* 1-based line, 0 if unknown */
  long offset;    /* byte offset, -1 if unknown */
} an_error;

/* Fixed text for a code ("out of memory"). Borrows: static storage. */
AN_EXPORT const char *an_status_str(an_status code);

/* Clears err to AN_OK with empty path and message. NULL is a no-op. */
AN_EXPORT void an_error_clear(an_error *err);

/* Fills err (if not NULL) and returns code, so callers can write
 * `return an_error_set(err, AN_EDATA, path, line, off, "fmt", ...)`.
 * path may be NULL. Never allocates; the message is truncated to fit. */
AN_EXPORT an_status an_error_set(an_error *err, an_status code, const char *path,
                                 long line, long offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

#ifdef __cplusplus
}
#endif
#endif
