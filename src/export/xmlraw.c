/* xmlraw.c: raw chunks of XML for an xmlTextWriter, escaped as the writer
 * escapes (export_internal.h, an_xraw). */
#include <string.h>

#include <libxml/tree.h>

#include "export/attrs.h"
#include "export/export_internal.h"

#define AN_XRAW_CHUNK (64 * 1024)

void an_xraw_init(an_xraw *x) {
  memset(x, 0, sizeof *x);
  an_buf_init(&x->b);
}

an_status an_xraw_finish(an_xraw *x) {
  an_buf_free(&x->b);
  if (x->abuf) xmlBufferFree((xmlBufferPtr)x->abuf);
  if (x->doc) xmlFreeDoc((xmlDocPtr)x->doc);
  x->abuf = x->doc = NULL;
  return x->st;
}

void an_xraw_begin(an_xraw *x, an_buf *out) {
  an_buf_free(&x->b);
  x->b = *out;
  an_buf_init(out);
  x->st = an_buf_reserve(&x->b, 2 * AN_XRAW_CHUNK);
}

an_status an_xraw_end(an_xraw *x, an_buf *out) {
  *out = x->b;
  an_buf_init(&x->b);
  return x->st;
}

void an_xraw_put_slow(an_xraw *x, const char *s, size_t n) {
  if (x->st == AN_OK && an_buf_append(&x->b, s, n) != AN_OK) x->st = AN_ENOMEM;
}

void an_xraw_puts(an_xraw *x, const char *s) { an_xraw_put(x, s, strlen(s)); }

void an_xraw_ll(an_xraw *x, long long v) {
  char num[24];
  an_xraw_put(x, num, an_fmt_ll(num, v));
}

/* Bytes that end a run copied as it is (1: in text, 2: in an attribute
 * value; both: the NUL): xmlEncodeSpecialChars rewrites < > & " and CR,
 * xmlAttrSerializeTxtContent in a document with an encoding (non-ASCII
 * stays as it is) TAB LF CR " < > &. A table: one load a byte. */
static const unsigned char special[256] = {
    [0] = 3, ['<'] = 3, ['>'] = 3, ['&'] = 3, ['"'] = 3, ['\r'] = 3, ['\t'] = 2, ['\n'] = 2,
};

void an_xraw_text(an_xraw *x, const char *s) {
  if (!s) return; /* no value: nothing (never a crash) */
  const unsigned char *p = (const unsigned char *)s;
  while (!(special[*p] & 1)) p++;
  if (!*p) {
    an_xraw_put(x, s, (size_t)(p - (const unsigned char *)s));
    return;
  }
  xmlChar *esc = xmlEncodeSpecialChars(NULL, BAD_CAST s);
  if (!esc) {
    if (x->st == AN_OK) x->st = AN_ENOMEM;
    return;
  }
  an_xraw_puts(x, (const char *)esc);
  xmlFree(esc);
}


void an_xraw_attr(an_xraw *x, const char *name, const char *value) {
  an_xraw_put(x, " ", 1);
  an_xraw_puts(x, name);
  an_xraw_put(x, "=\"", 2);
  an_xraw_attr_value(x, value);
  an_xraw_put(x, "\"", 1);
}

void an_xraw_attr_value(an_xraw *x, const char *value) {
  if (!value) return; /* no value: empty */
  const unsigned char *p = (const unsigned char *)value;
  while (!(special[*p] & 2)) p++;
  if (!*p) {
    an_xraw_put(x, value, (size_t)(p - (const unsigned char *)value));
  } else {
    if (!x->abuf) x->abuf = xmlBufferCreate();
    if (!x->doc && (x->doc = xmlNewDoc(NULL)) != NULL) ((xmlDocPtr)x->doc)->encoding = xmlStrdup(BAD_CAST "UTF-8");
    xmlBufferPtr ab = x->abuf;
    if (!ab || !x->doc || !((xmlDocPtr)x->doc)->encoding) {
      if (x->st == AN_OK) x->st = AN_ENOMEM;
      return;
    }
    xmlBufferEmpty(ab);
    /* The writer's own document (xmlNewTextWriter makes one; StartDocument
     * gives it the encoding UTF-8), so no character references. */
    xmlAttrSerializeTxtContent(ab, x->doc, NULL, BAD_CAST value);
    an_xraw_put(x, (const char *)xmlBufferContent(ab), (size_t)xmlBufferLength(ab));
  }
}
