/* error.c: status texts and the error record (style.md I2, S1). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "actornet/error.h"

/* One entry per an_status, in order; error.h's enum points here. */
static const char *const status_text[AN_STATUS_COUNT_] = {
    "ok",
    "out of memory",
    "input/output error",
    "invalid argument",
    "bad input data",
    "not found",
    "limit exceeded",
    "internal error",
    "graph library error",
    "interrupted",
    "database error",
};

const char *an_status_str(an_status code) {
  if ((int)code < 0 || code >= AN_STATUS_COUNT_) return "unknown status";
  return status_text[code];
}

void an_error_clear(an_error *err) {
  if (!err) return;
  err->code = AN_OK;
  err->path[0] = '\0';
  err->msg[0] = '\0';
  err->line = 0;
  err->offset = -1;
}

an_status an_error_set(an_error *err, an_status code, const char *path, long line,
                       long offset, const char *fmt, ...) {
  if (!err) return code;
  err->code = code;
  snprintf(err->path, sizeof err->path, "%s", path ? path : "");
  err->line = line;
  err->offset = offset;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
  return code;
}
