/* xmlerr.c: libxml2's messages during one XML export, caught instead of
 * printed (export_internal.h). */
#include <string.h>

#include <libxml/xmlerror.h>
#include <libxml/globals.h>

#include "export/export_internal.h"

/* Keeps the first message, without its newline (an I/O error names the
 * errno text, "No space left on device"). */
static void keep_first(void *ctx, xmlErrorPtr e) {
  an_xml_errors *x = ctx;
  if (x->msg[0] || !e || !e->message) return;
  snprintf(x->msg, sizeof x->msg, "%s", e->message);
  size_t n = strlen(x->msg);
  while (n && (x->msg[n - 1] == '\n' || x->msg[n - 1] == ' ')) x->msg[--n] = '\0';
}

void an_xml_errors_catch(an_xml_errors *x) {
  x->msg[0] = '\0';
  x->old_fn = (void *)xmlStructuredError; /* this thread's, see the header */
  x->old_ctx = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(x, keep_first);
}

void an_xml_errors_release(an_xml_errors *x) {
  xmlSetStructuredErrorFunc(x->old_ctx, (xmlStructuredErrorFunc)x->old_fn);
}
