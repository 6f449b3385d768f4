/* jsonl.c: one JSONL line to one document; ISO date checks; the --meta
 * table. Lines are parsed by the arena reader of io/json.h (the values
 * cJSON would give, without a tree to allocate and free); a line it
 * refuses goes to cJSON_ParseWithLengthOpts for the error position, taken
 * from its out-parameter, never the process-wide cJSON_GetErrorPtr()
 * (design.md: readers may run in several threads). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "core/scan.h"
#include "io/io_internal.h"
#include "io/json.h"

void an_doc_free(an_doc *doc) {
  if (!doc) return;
  an_free(doc->id);
  an_free(doc->text);
  an_free(doc->date);
  an_free(doc->outlet);
  an_free(doc->url);
  an_free(doc->title);
  an_free(doc->path);
  an_free(doc);
}

int an_blank(const char *p, size_t n) {
  const unsigned char *s = (const unsigned char *)p;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
    if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF) { i += 2; continue; } /* U+FEFF */
    if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) { i += 1; continue; }                     /* U+00A0 */
    return 0;
  }
  return 1;
}

static int digits(const char *s, int n) {
  for (int i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

static int num(const char *s, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
  return v;
}

int an_iso_date_check(const char *s, char out[11]) {
  size_t n = strlen(s);
  size_t dlen;
  if (n >= 4 && digits(s, 4) && (n == 4 || s[4] != '-')) dlen = 4;
  else if (n >= 7 && digits(s, 4) && s[4] == '-' && digits(s + 5, 2) && (n == 7 || s[7] != '-')) dlen = 7;
  else if (n >= 10 && digits(s, 4) && s[4] == '-' && digits(s + 5, 2) && s[7] == '-' && digits(s + 8, 2)) dlen = 10;
  else return 0;
  /* After the date only a time may follow ("T10:00:00Z" or " 10:00"). */
  if (n > dlen && !(dlen == 10 && (s[10] == 'T' || s[10] == ' ') && n > 11 && s[11] >= '0' && s[11] <= '9'))
    return 0;
  int year = num(s, 4);
  if (year < 1) return 0;
  if (dlen >= 7) {
    int month = num(s + 5, 2);
    if (month < 1 || month > 12) return 0;
    if (dlen == 10) {
      static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      int day = num(s + 8, 2);
      int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      if (day < 1 || day > mdays[month - 1] || (month == 2 && day == 29 && !leap)) return 0;
    }
  }
  memcpy(out, s, dlen);
  out[dlen] = '\0';
  return 1;
}

/* 1 if the raw JSON holds the escape \u0000 (a real one, not "\\u0000"):
 * cJSON cuts strings there, so the text would silently lose its end. */
static int has_escaped_nul(const char *p, size_t n) {
  /* from backslash to backslash, 16 bytes a step (inline: text lines
   * hold an escape every hundred bytes or so, too close for a call each) */
  for (size_t i = 0; i + 5 < n; i++) {
    i += an_find2(p + i, n - 5 - i, '\\', '\\');
    if (i + 5 >= n) return 0;
    if (p[i + 1] == 'u' && p[i + 2] == '0' && p[i + 3] == '0' && p[i + 4] == '0' && p[i + 5] == '0')
      return 1;
    i++; /* skip the escaped character, so "\\u0000" is not taken for one */
  }
  return 0;
}

static const char *type_name(const an_jv *j) {
  switch (j->type) {
  case AN_J_STRING: return "a string";
  case AN_J_NUMBER: return "a number";
  case AN_J_FALSE:
  case AN_J_TRUE: return "a boolean";
  case AN_J_NULL: return "null";
  case AN_J_ARRAY: return "an array";
  case AN_J_OBJECT: return "an object";
  }
  return "invalid";
}

/* Length of the valid UTF-8 sequence at s[0..n) (1-4), or 0 if s starts
 * with an invalid one (overlong, surrogate, past U+10FFFF, truncated). */
static size_t utf8_seq(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  if (c < 0x80) return 1;
  size_t k;
  unsigned cp, min;
  if (c >= 0xC2 && c <= 0xDF) k = 1, cp = c & 0x1F, min = 0x80;
  else if (c >= 0xE0 && c <= 0xEF) k = 2, cp = c & 0x0F, min = 0x800;
  else if (c >= 0xF0 && c <= 0xF4) k = 3, cp = c & 0x07, min = 0x10000;
  else return 0;
  if (k >= n) return 0;
  for (size_t i = 1; i <= k; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return k + 1;
}

/* Copy of s with each invalid UTF-8 byte replaced by U+FFFD; *bad is set
 * when there was one. cJSON passes raw bytes through unchecked, and these
 * fields go verbatim into JSON/XML output, which must stay valid UTF-8
 * (the text field is repaired later, by src/text, with an offset map). */
char *an_utf8_dup(const char *s, int *bad) { return an_utf8_dupn(s, strlen(s), bad); }

char *an_utf8_dupn(const char *s, size_t n, int *bad) {
  size_t i = 0, extra = 0;
  while (i < n && (unsigned char)s[i] < 0x80) i++;
  if (i == n) return an_strndup(s, n); /* ASCII: nothing to repair */
  while (i < n) {
    size_t k = utf8_seq((const unsigned char *)s + i, n - i);
    if (!k) extra += 2, k = 1; /* 1 byte -> 3 */
    i += k;
  }
  char *out = an_malloc(n + extra + 1);
  if (!out) return NULL;
  size_t o = 0;
  for (i = 0; i < n;) {
    size_t k = utf8_seq((const unsigned char *)s + i, n - i);
    if (k) {
      memcpy(out + o, s + i, k);
      o += k, i += k;
    } else {
      memcpy(out + o, "\xEF\xBF\xBD", 3);
      o += 3, i++;
      if (bad) *bad = 1;
    }
  }
  out[o] = '\0';
  return out;
}

int an_utf8_prefix(const char *s, int max) {
  int n = 0;
  while (s[n] && n < max) {
    size_t k = utf8_seq((const unsigned char *)s + n, strlen(s + n));
    if (!k) k = 1; /* invalid byte: counts as one (callers pass repaired text) */
    if (n + (int)k > max) break;
    n += (int)k;
  }
  return n;
}

void an_utf8_trim_tail(char *s) {
  size_t n = strlen(s), i = n;
  while (i > 0 && n - i < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) i--;
  if (i > 0 && (unsigned char)s[i - 1] >= 0xC0 && !utf8_seq((const unsigned char *)s + i - 1, n - i + 1))
    s[i - 1] = '\0'; /* a sequence cut by a fixed-size buffer */
}

/* Optional string field: absent or null -> NULL; a string -> copy (invalid
 * UTF-8 replaced, *bad set); else a type error (AN_EDATA). */
static an_status opt_string(const an_jv *obj, const char *key, char **out, const char *path, long lineno,
                            an_error *warn, int *bad) {
  const an_jv *j = an_jget(obj, key, strlen(key));
  *out = NULL;
  if (!j || j->type == AN_J_NULL) return AN_OK;
  if (j->type != AN_J_STRING)
    return an_error_set(warn, AN_EDATA, path, lineno, -1, "\"%s\" must be a string or null, not %s", key,
                        type_name(j));
  if (!j->len) return AN_OK; /* "" means unknown */
  if (!(*out = an_utf8_dupn(j->str, j->len, bad)))
    return an_error_set(warn, AN_ENOMEM, path, lineno, -1, "out of memory");
  return AN_OK;
}

/* A line the reader refused: cJSON, which refuses the same lines, says
 * where (its error position, as messages always gave it). */
static an_status broken(const char *line, size_t len, const char *path, long lineno, an_error *warn) {
  const char *end = NULL;
  cJSON *cj = cJSON_ParseWithLengthOpts(line, len, &end, 0);
  cJSON_Delete(cj); /* NULL, unless the two readers disagree */
  long col = end && end >= line ? (long)(end - line) : 0;
  return an_error_set(warn, AN_EDATA, path, lineno, col, "broken JSON at column %ld; line skipped", col + 1);
}

/* Lines longer than this give the reader's string arena back after they
 * are read (its node chunks, bounded by the largest line, are kept). */
#define KEEP_ARENA ((size_t)1 << 20)

static an_status parse_root(an_jreader *jr, const char *line, size_t len, int kind, const char *path,
                            long lineno, an_doc **out, an_error *warn, char note[256]);

an_status an_jsonl_parse_line(an_jreader *jr, const char *line, size_t len, int kind, const char *path,
                              long lineno, an_doc **out, an_error *warn, char note[256]) {
  an_jreader local;
  if (!jr) an_jreader_init(jr = &local);
  an_status st = parse_root(jr, line, len, kind, path, lineno, out, warn, note);
  if (jr == &local) an_jreader_free(jr);
  else an_jreader_trim(jr, KEEP_ARENA);
  return st;
}

static an_status parse_root(an_jreader *jr, const char *line, size_t len, int kind, const char *path,
                            long lineno, an_doc **out, an_error *warn, char note[256]) {
  *out = NULL;
  note[0] = '\0';
  const an_jv *root = NULL;
  an_status st = an_jreader_parse(jr, line, len, &root);
  if (st == AN_ENOMEM) return an_error_set(warn, AN_ENOMEM, path, lineno, -1, "out of memory");
  if (st != AN_OK) return broken(line, len, path, lineno, warn);
  an_doc *doc = NULL;
  size_t end = jr->end; /* where the value ended, as cJSON's parse end */
  if (!an_blank(line + end, len - end)) {
    long col = (long)end;
    st = an_error_set(warn, AN_EDATA, path, lineno, col,
                      "text after the JSON object at column %ld; line skipped", col + 1);
    goto done;
  }
  if (root->type != AN_J_OBJECT) {
    st = an_error_set(warn, AN_EDATA, path, lineno, -1, "a line must be a JSON object, not %s; line skipped",
                      type_name(root));
    goto done;
  }
  if (!(doc = an_calloc(1, sizeof *doc))) {
    st = an_error_set(warn, AN_ENOMEM, path, lineno, -1, "out of memory");
    goto done;
  }
  int bad_utf8 = 0; /* a metadata string held invalid UTF-8 (repaired) */
  const an_jv *id = an_jget(root, "id", 2);
  if (id && id->type == AN_J_STRING && id->len) {
    doc->id = an_utf8_dupn(id->str, id->len, &bad_utf8);
  } else if (id && id->type == AN_J_NUMBER && fabs(id->num) < 9e15 && /* cast defined only in range */
             id->num == (double)(long long)id->num) {
    char tmp[32]; /* integer ids are common in exported corpora */
    snprintf(tmp, sizeof tmp, "%lld", (long long)id->num);
    doc->id = an_strdup(tmp);
  } else {
    st = an_error_set(warn, AN_EDATA, path, lineno, -1, "%s; line skipped",
                      !id                          ? "no \"id\""
                      : id->type == AN_J_STRING ? "empty \"id\""
                                                   : "\"id\" must be a string");
    goto done;
  }
  if (!doc->id) goto oom;
  if (kind == AN_LINE_DOC) {
    const an_jv *text = an_jget(root, "text", 4);
    if (!text) {
      st = an_error_set(warn, AN_EDATA, path, lineno, -1, "document \"%s\" has no \"text\"; line skipped",
                        doc->id);
      goto done;
    }
    if (text->type != AN_J_STRING) {
      st = an_error_set(warn, AN_EDATA, path, lineno, -1,
                        "document \"%s\": \"text\" must be a string, not %s; line skipped", doc->id,
                        type_name(text));
      goto done;
    }
    doc->len = text->len;
    if (!(doc->text = an_strndup(text->str, doc->len))) goto oom;
    if (has_escaped_nul(line, len))
      snprintf(note, 256, "document \"%s\": \"text\" holds \\u0000; the text ends there", doc->id);
  }
  if ((st = opt_string(root, "outlet", &doc->outlet, path, lineno, warn, &bad_utf8)) != AN_OK ||
      (st = opt_string(root, "url", &doc->url, path, lineno, warn, &bad_utf8)) != AN_OK ||
      (st = opt_string(root, "title", &doc->title, path, lineno, warn, &bad_utf8)) != AN_OK)
    goto fielderr;
  if (bad_utf8 && !note[0])
    snprintf(note, 256, "document \"%s\": invalid UTF-8 in its id, outlet, url or title replaced by U+FFFD",
             doc->id);
  char *date = NULL;
  int bad_date = 0;
  if ((st = opt_string(root, "date", &date, path, lineno, warn, &bad_date)) != AN_OK) goto fielderr;
  if (date) {
    char iso[11];
    if (an_iso_date_check(date, iso)) {
      doc->date = an_strdup(iso);
      an_free(date);
      if (!doc->date) goto oom;
    } else {
      snprintf(note, 256, "document \"%.*s\": date \"%.*s\" is not YYYY, YYYY-MM or YYYY-MM-DD; date ignored",
               an_utf8_prefix(doc->id, 60), doc->id, an_utf8_prefix(date, 60), date);
      an_free(date);
    }
  }
  goto done;
fielderr:
  if (st == AN_EDATA) { /* name the document in the message */
    char msg[sizeof warn->msg];
    snprintf(msg, sizeof msg, "%s", warn ? warn->msg : "");
    an_error_set(warn, AN_EDATA, path, lineno, -1, "document \"%.*s\": %s; line skipped", an_utf8_prefix(doc->id, 60),
                 doc->id, msg);
  }
  goto done;
oom:
  st = an_error_set(warn, AN_ENOMEM, path, lineno, -1, "out of memory");
done:
  if (st != AN_OK) {
    an_doc_free(doc);
    doc = NULL;
  }
  *out = doc;
  return st;
}

/* ---- metadata table: open addressing on the id hash ---- */

struct an_meta {
  an_doc **slots;
  size_t cap, count;
};

an_meta *an_meta_new(void) { return an_calloc(1, sizeof(an_meta)); }

void an_meta_free(an_meta *m) {
  if (!m) return;
  for (size_t i = 0; i < m->cap; i++) an_doc_free(m->slots[i]);
  an_free(m->slots);
  an_free(m);
}

size_t an_meta_count(const an_meta *m) { return m ? m->count : 0; }

static size_t meta_find(an_doc **slots, size_t cap, const char *id) {
  size_t i = (size_t)an_hash64(id, strlen(id), 0) & (cap - 1);
  while (slots[i] && strcmp(slots[i]->id, id) != 0) i = (i + 1) & (cap - 1);
  return i;
}

an_status an_meta_put(an_meta *m, an_doc *rec) {
  if ((m->count + 1) * 2 > m->cap) {
    size_t ncap = m->cap ? m->cap * 2 : 64;
    an_doc **ns = an_calloc(ncap, sizeof *ns);
    if (!ns) {
      an_doc_free(rec);
      return AN_ENOMEM;
    }
    for (size_t i = 0; i < m->cap; i++)
      if (m->slots[i]) ns[meta_find(ns, ncap, m->slots[i]->id)] = m->slots[i];
    an_free(m->slots);
    m->slots = ns;
    m->cap = ncap;
  }
  size_t i = meta_find(m->slots, m->cap, rec->id);
  if (m->slots[i]) an_doc_free(m->slots[i]);
  else m->count++;
  m->slots[i] = rec;
  return AN_OK;
}

static an_status fill(char **dst, const char *src) {
  if (*dst || !src) return AN_OK;
  return (*dst = an_strdup(src)) ? AN_OK : AN_ENOMEM;
}

an_status an_meta_apply(const an_meta *m, an_doc *doc) {
  if (!m || !m->count || !doc->id) return AN_OK;
  const an_doc *r = m->slots[meta_find(m->slots, m->cap, doc->id)];
  if (!r) return AN_OK;
  if (fill(&doc->date, r->date) || fill(&doc->outlet, r->outlet) || fill(&doc->url, r->url) ||
      fill(&doc->title, r->title))
    return AN_ENOMEM;
  return AN_OK;
}
