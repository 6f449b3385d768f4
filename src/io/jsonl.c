/* jsonl.c: one JSONL line to one document; ISO date checks; the --meta
 * table. Parsing uses cJSON_ParseWithLengthOpts and takes the error position
 * from its out-parameter, never the process-wide cJSON_GetErrorPtr()
 * (design.md: readers may run in several threads). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "core/scan.h"
#include "io/io_internal.h"

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
  for (size_t i = 0; i + 5 < n; i++) {
    if (p[i] != '\\') continue;
    if (p[i + 1] == 'u' && p[i + 2] == '0' && p[i + 3] == '0' && p[i + 4] == '0' && p[i + 5] == '0')
      return 1;
    i++; /* skip the escaped character, so "\\u0000" is not taken for one */
  }
  return 0;
}

static const char *type_name(const cJSON *j) {
  if (cJSON_IsString(j)) return "a string";
  if (cJSON_IsNumber(j)) return "a number";
  if (cJSON_IsBool(j)) return "a boolean";
  if (cJSON_IsNull(j)) return "null";
  if (cJSON_IsArray(j)) return "an array";
  if (cJSON_IsObject(j)) return "an object";
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
char *an_utf8_dup(const char *s, int *bad) {
  size_t n = strlen(s), i = 0, extra = 0;
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
static an_status opt_string(const cJSON *obj, const char *key, char **out, const char *path,
                            long lineno, an_error *warn, int *bad) {
  const cJSON *j = cJSON_GetObjectItemCaseSensitive(obj, key);
  *out = NULL;
  if (!j || cJSON_IsNull(j)) return AN_OK;
  if (!cJSON_IsString(j))
    return an_error_set(warn, AN_EDATA, path, lineno, -1, "\"%s\" must be a string or null, not %s", key,
                        type_name(j));
  if (!j->valuestring[0]) return AN_OK; /* "" means unknown */
  if (!(*out = an_utf8_dup(j->valuestring, bad)))
    return an_error_set(warn, AN_ENOMEM, path, lineno, -1, "out of memory");
  return AN_OK;
}

/* ---- the fast path ----
 * Nearly every line of a corpus is a flat object of strings. Such a line is
 * parsed here, straight into the document; anything else (a number that is
 * not a plain integer id, a field of the wrong type, a surrogate escape, a
 * missing field, broken JSON, a BOM) is left to cJSON below, which also
 * words the warnings. What this path accepts, cJSON accepts and reads the
 * same: the first of duplicate keys wins, whitespace is any byte <= 32,
 * strings end at their first NUL (a raw one or \u0000). */

enum { F_ID, F_TEXT, F_OUTLET, F_URL, F_TITLE, F_DATE, N_FIELDS };
enum { V_NONE = 0, V_STR, V_NULL, V_INT, V_OTHER };

typedef struct fval {
  int type;
  const char *p; /* V_STR: the raw bytes between the quotes */
  size_t n;
  int esc;       /* they hold a backslash escape */
  int nul_esc;   /* they (or, for an array or object, its strings) hold \u0000 */
  long long num; /* V_INT */
} fval;

static int hexv(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static unsigned hex4(const unsigned char *p) {
  return (unsigned)(hexv(p[0]) << 12 | hexv(p[1]) << 8 | hexv(p[2]) << 4 | hexv(p[3]));
}

/* The string whose opening quote is at s[*i]: its raw span; *i moves past
 * the closing quote. 0 when the fast path does not take it. */
static int fast_string(const unsigned char *s, size_t len, size_t *i, fval *v) {
  size_t k = *i + 1, start = k;
  int esc = 0, nul_esc = 0;
  for (;;) {
    k += an_find2((const char *)s + k, len - k, '"', '\\'); /* up to a quote or a backslash */
    if (k >= len) return 0;
    unsigned char c = s[k];
    if (c == '"') break;
    if (c != '\\') {
      k++;
      continue;
    }
    if (k + 1 >= len) return 0;
    esc = 1;
    c = s[k + 1];
    if (c == 'u') {
      if (len - k < 6 || hexv(s[k + 2]) < 0 || hexv(s[k + 3]) < 0 || hexv(s[k + 4]) < 0 || hexv(s[k + 5]) < 0)
        return 0;
      unsigned u = hex4(s + k + 2);
      if (u >= 0xD800 && u <= 0xDFFF) return 0; /* surrogates: cJSON's business */
      if (u == 0 && memcmp(s + k + 2, "0000", 4) == 0) nul_esc = 1;
      k += 6;
    } else if (c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't' || c == '"' || c == '\\' || c == '/') {
      k += 2;
    } else {
      return 0;
    }
  }
  v->type = V_STR;
  v->p = (const char *)s + start;
  v->n = k - start;
  v->esc = esc;
  v->nul_esc = nul_esc;
  *i = k + 1;
  return 1;
}

/* Decodes a string span checked by fast_string into out (room for n + 1
 * bytes); returns the length up to the first NUL, as cJSON's C string. */
static size_t fast_decode(const fval *v, char *out) {
  const unsigned char *p = (const unsigned char *)v->p, *end = p + v->n;
  size_t o = 0;
  if (!v->esc) {
    const char *nul = memchr(p, '\0', v->n);
    size_t n = nul ? (size_t)(nul - (const char *)p) : v->n;
    memcpy(out, p, n);
    out[n] = '\0';
    return n;
  }
  while (p < end) {
    /* the run up to a backslash or a NUL, copied at once */
    size_t run = an_find2((const char *)p, (size_t)(end - p), '\\', '\0');
    memcpy(out + o, p, run);
    o += run, p += run;
    if (p >= end) break;
    if (*p != '\\') {
      if (!*p) break;
      out[o++] = (char)*p++;
      continue;
    }
    unsigned char c = p[1];
    if (c == 'u') {
      unsigned u = hex4(p + 2);
      p += 6;
      if (u == 0) break;
      if (u < 0x80) {
        out[o++] = (char)u;
      } else if (u < 0x800) {
        out[o++] = (char)(0xC0 | (u >> 6));
        out[o++] = (char)(0x80 | (u & 0x3F));
      } else {
        out[o++] = (char)(0xE0 | (u >> 12));
        out[o++] = (char)(0x80 | ((u >> 6) & 0x3F));
        out[o++] = (char)(0x80 | (u & 0x3F));
      }
      continue;
    }
    p += 2;
    switch (c) {
    case 'b': out[o++] = '\b'; break;
    case 'f': out[o++] = '\f'; break;
    case 'n': out[o++] = '\n'; break;
    case 'r': out[o++] = '\r'; break;
    case 't': out[o++] = '\t'; break;
    default: out[o++] = (char)c; break; /* " \ / */
    }
  }
  out[o] = '\0';
  return o;
}

static int num_char(unsigned char c) {
  return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == 'e' || c == 'E' || c == '.';
}

/* A JSON number at s[*i] in strict form (which strtod reads whole, as
 * cJSON does); an integer of up to 15 digits is kept in v. */
static int fast_number(const unsigned char *s, size_t len, size_t *i, fval *v) {
  size_t k = *i, d0;
  int neg = 0, integer = 1;
  if (k < len && s[k] == '-') neg = 1, k++;
  d0 = k;
  if (k >= len || s[k] < '0' || s[k] > '9') return 0;
  if (s[k] == '0') k++;
  else
    while (k < len && s[k] >= '0' && s[k] <= '9') k++;
  size_t ndig = k - d0;
  if (k < len && s[k] == '.') {
    integer = 0, k++;
    if (k >= len || s[k] < '0' || s[k] > '9') return 0;
    while (k < len && s[k] >= '0' && s[k] <= '9') k++;
  }
  if (k < len && (s[k] == 'e' || s[k] == 'E')) {
    integer = 0, k++;
    if (k < len && (s[k] == '+' || s[k] == '-')) k++;
    if (k >= len || s[k] < '0' || s[k] > '9') return 0;
    while (k < len && s[k] >= '0' && s[k] <= '9') k++;
  }
  if (k - *i > 40 || (k < len && num_char(s[k]))) return 0;
  v->type = V_OTHER;
  if (integer && ndig <= 15) {
    long long n = 0;
    for (size_t q = d0; q < k; q++) n = n * 10 + (s[q] - '0');
    v->type = V_INT;
    v->num = neg ? -n : n;
  }
  *i = k;
  return 1;
}

static void fast_ws(const unsigned char *s, size_t len, size_t *i) {
  while (*i < len && s[*i] <= 32) (*i)++;
}

/* Any value at s[*i] (nested ones only skipped); 0 when not taken. */
static int fast_value(const unsigned char *s, size_t len, size_t *i, fval *v, int depth) {
  memset(v, 0, sizeof *v);
  if (*i >= len) return 0;
  unsigned char c = s[*i];
  if (c == '"') return fast_string(s, len, i, v);
  if (c == '-' || (c >= '0' && c <= '9')) return fast_number(s, len, i, v);
  if (len - *i >= 4 && memcmp(s + *i, "null", 4) == 0) {
    v->type = V_NULL, *i += 4;
    return 1;
  }
  if (len - *i >= 4 && memcmp(s + *i, "true", 4) == 0) {
    v->type = V_OTHER, *i += 4;
    return 1;
  }
  if (len - *i >= 5 && memcmp(s + *i, "false", 5) == 0) {
    v->type = V_OTHER, *i += 5;
    return 1;
  }
  if ((c != '[' && c != '{') || depth > 32) return 0;
  unsigned char close = c == '[' ? ']' : '}';
  int nul_esc = 0;
  (*i)++;
  fast_ws(s, len, i);
  if (*i < len && s[*i] == close) {
    (*i)++;
    v->type = V_OTHER;
    return 1;
  }
  for (;;) {
    fval sub;
    if (close == '}') {
      if (*i >= len || s[*i] != '"' || !fast_string(s, len, i, &sub)) return 0;
      nul_esc |= sub.nul_esc;
      fast_ws(s, len, i);
      if (*i >= len || s[*i] != ':') return 0;
      (*i)++;
      fast_ws(s, len, i);
    }
    if (!fast_value(s, len, i, &sub, depth + 1)) return 0;
    nul_esc |= sub.nul_esc;
    fast_ws(s, len, i);
    if (*i < len && s[*i] == ',') {
      (*i)++;
      fast_ws(s, len, i);
      continue;
    }
    if (*i < len && s[*i] == close) break;
    return 0;
  }
  (*i)++;
  v->type = V_OTHER;
  v->nul_esc = nul_esc;
  return 1;
}

/* A copy of the string value with invalid UTF-8 replaced (opt_string,
 * an_utf8_dup); NULL in *out for "" (unknown). 0 when out of memory. */
static int fast_field(const fval *v, char **out, int *bad) {
  *out = NULL;
  char local[256], *tmp = v->n < sizeof local ? local : an_malloc(v->n + 1);
  if (!tmp) return 0;
  size_t n = fast_decode(v, tmp);
  if (n) *out = an_utf8_dup(tmp, bad);
  if (tmp != local) an_free(tmp);
  return !n || *out;
}

enum { FAST_NO = 0, FAST_OK, FAST_OOM };

static int fast_parse(const char *line, size_t len, int kind, an_doc **out, char note[256]) {
  static const struct {
    const char *key;
    size_t n;
  } keys[N_FIELDS] = {{"id", 2}, {"text", 4}, {"outlet", 6}, {"url", 3}, {"title", 5}, {"date", 4}};
  const unsigned char *s = (const unsigned char *)line;
  fval f[N_FIELDS];
  memset(f, 0, sizeof f);
  size_t i = 0;
  int nul_esc = 0; /* has_escaped_nul(line), learnt on the way */
  if (len && s[0] == 0xEF) return FAST_NO; /* a BOM: cJSON skips it, not this */
  fast_ws(s, len, &i);
  if (i >= len || s[i] != '{') return FAST_NO;
  i++;
  fast_ws(s, len, &i);
  if (i < len && s[i] == '}') return FAST_NO; /* {}: no id */
  for (;;) {
    fval k, v;
    if (i >= len || s[i] != '"' || !fast_string(s, len, &i, &k) || k.esc) return FAST_NO;
    for (size_t q = 0; q < k.n; q++)
      if ((unsigned char)k.p[q] < 0x20) return FAST_NO; /* a NUL would cut the key */
    fast_ws(s, len, &i);
    if (i >= len || s[i] != ':') return FAST_NO;
    i++;
    fast_ws(s, len, &i);
    if (!fast_value(s, len, &i, &v, 0)) return FAST_NO;
    nul_esc |= v.nul_esc;
    for (int q = 0; q < N_FIELDS; q++)
      if (!f[q].type && k.n == keys[q].n && memcmp(k.p, keys[q].key, k.n) == 0) f[q] = v;
    fast_ws(s, len, &i);
    if (i < len && s[i] == ',') {
      i++;
      fast_ws(s, len, &i);
      continue;
    }
    if (i < len && s[i] == '}') break;
    return FAST_NO;
  }
  i++;
  if (!an_blank(line + i, len - i)) return FAST_NO;
  /* what cJSON's path would warn about or skip */
  if (f[F_ID].type != V_STR && f[F_ID].type != V_INT) return FAST_NO;
  if (f[F_ID].type == V_STR && (!f[F_ID].n || (f[F_ID].p[0] == '\0') ||
                                (f[F_ID].n >= 6 && memcmp(f[F_ID].p, "\\u0000", 6) == 0)))
    return FAST_NO; /* empty id */
  if (kind == AN_LINE_DOC && f[F_TEXT].type != V_STR) return FAST_NO;
  for (int q = F_OUTLET; q <= F_DATE; q++)
    if (f[q].type != V_NONE && f[q].type != V_STR && f[q].type != V_NULL) return FAST_NO;

  an_doc *doc = an_calloc(1, sizeof *doc);
  if (!doc) return FAST_OOM;
  int bad_utf8 = 0;
  if (f[F_ID].type == V_INT) {
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%lld", f[F_ID].num);
    doc->id = an_strdup(tmp);
  } else if (!fast_field(&f[F_ID], &doc->id, &bad_utf8)) {
    goto oom;
  }
  if (!doc->id) goto oom;
  if (kind == AN_LINE_DOC) {
    if (!(doc->text = an_malloc(f[F_TEXT].n + 1))) goto oom;
    doc->len = fast_decode(&f[F_TEXT], doc->text);
    if (nul_esc)
      snprintf(note, 256, "document \"%s\": \"text\" holds \\u0000; the text ends there", doc->id);
  }
  if ((f[F_OUTLET].type == V_STR && !fast_field(&f[F_OUTLET], &doc->outlet, &bad_utf8)) ||
      (f[F_URL].type == V_STR && !fast_field(&f[F_URL], &doc->url, &bad_utf8)) ||
      (f[F_TITLE].type == V_STR && !fast_field(&f[F_TITLE], &doc->title, &bad_utf8)))
    goto oom;
  if (bad_utf8 && !note[0])
    snprintf(note, 256, "document \"%s\": invalid UTF-8 in its id, outlet, url or title replaced by U+FFFD",
             doc->id);
  if (f[F_DATE].type == V_STR) {
    char *date = NULL;
    int bad_date = 0;
    if (!fast_field(&f[F_DATE], &date, &bad_date)) goto oom;
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
  }
  *out = doc;
  return FAST_OK;
oom:
  an_doc_free(doc);
  return FAST_OOM;
}

an_status an_jsonl_parse_line(const char *line, size_t len, int kind, const char *path,
                              long lineno, an_doc **out, an_error *warn, char note[256]) {
  *out = NULL;
  note[0] = '\0';
  int fr = fast_parse(line, len, kind, out, note);
  if (fr == FAST_OK) return AN_OK;
  if (fr == FAST_OOM) return an_error_set(warn, AN_ENOMEM, path, lineno, -1, "out of memory");
  note[0] = '\0';
  const char *end = NULL;
  cJSON *root = cJSON_ParseWithLengthOpts(line, len, &end, 0);
  if (!root) {
    long col = end && end >= line ? (long)(end - line) : 0;
    return an_error_set(warn, AN_EDATA, path, lineno, col, "broken JSON at column %ld; line skipped",
                        col + 1);
  }
  an_status st = AN_OK;
  an_doc *doc = NULL;
  if (end && !an_blank(end, len - (size_t)(end - line))) {
    long col = (long)(end - line);
    st = an_error_set(warn, AN_EDATA, path, lineno, col,
                      "text after the JSON object at column %ld; line skipped", col + 1);
    goto done;
  }
  if (!cJSON_IsObject(root)) {
    st = an_error_set(warn, AN_EDATA, path, lineno, -1, "a line must be a JSON object, not %s; line skipped",
                      type_name(root));
    goto done;
  }
  if (!(doc = an_calloc(1, sizeof *doc))) {
    st = an_error_set(warn, AN_ENOMEM, path, lineno, -1, "out of memory");
    goto done;
  }
  int bad_utf8 = 0; /* a metadata string held invalid UTF-8 (repaired) */
  const cJSON *id = cJSON_GetObjectItemCaseSensitive(root, "id");
  if (cJSON_IsString(id) && id->valuestring[0]) {
    doc->id = an_utf8_dup(id->valuestring, &bad_utf8);
  } else if (cJSON_IsNumber(id) && fabs(id->valuedouble) < 9e15 && /* cast defined only in range */
             id->valuedouble == (double)(long long)id->valuedouble) {
    char tmp[32]; /* integer ids are common in exported corpora */
    snprintf(tmp, sizeof tmp, "%lld", (long long)id->valuedouble);
    doc->id = an_strdup(tmp);
  } else {
    st = an_error_set(warn, AN_EDATA, path, lineno, -1, "%s; line skipped",
                      !id ? "no \"id\"" : cJSON_IsString(id) ? "empty \"id\"" : "\"id\" must be a string");
    goto done;
  }
  if (!doc->id) goto oom;
  if (kind == AN_LINE_DOC) {
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(root, "text");
    if (!text) {
      st = an_error_set(warn, AN_EDATA, path, lineno, -1, "document \"%s\" has no \"text\"; line skipped",
                        doc->id);
      goto done;
    }
    if (!cJSON_IsString(text)) {
      st = an_error_set(warn, AN_EDATA, path, lineno, -1,
                        "document \"%s\": \"text\" must be a string, not %s; line skipped", doc->id,
                        type_name(text));
      goto done;
    }
    doc->len = strlen(text->valuestring);
    if (!(doc->text = an_strndup(text->valuestring, doc->len))) goto oom;
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
  cJSON_Delete(root);
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
