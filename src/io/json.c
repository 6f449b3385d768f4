/* json.c: see json.h. Mirrors cJSON 1.7.15 (as Debian 12 patches it) parse_value / parse_string /
 * parse_number rule for rule, so that build's loader and extract's document
 * reader read every line as they did through cJSON, at a fraction of the cost (no malloc per value, no
 * tree to free). */
#include "io/json.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "core/scan.h"

#define NESTING_LIMIT 1000 /* cJSON's CJSON_NESTING_LIMIT */

void an_jreader_init(an_jreader *r) { memset(r, 0, sizeof *r); }

#define CHUNK 1024 /* nodes: chunks, so that pointers stay put */

void an_jreader_free(an_jreader *r) {
  if (!r) return;
  for (size_t i = 0; i < r->n_chunks; i++) an_free(r->chunks[i]);
  an_free(r->chunks);
  an_free(r->text);
  memset(r, 0, sizeof *r);
}

void an_jreader_trim(an_jreader *r, size_t keep) {
  if (r->cap_text <= keep) return;
  an_free(r->text);
  r->text = NULL;
  r->cap_text = r->text_len = 0;
}

typedef struct pstate {
  an_jreader *r;
  const unsigned char *s; /* input */
  size_t n, pos;
  int depth;
  int nomem;
} pstate;

static void skip_ws(pstate *p) {
  while (p->pos < p->n && p->s[p->pos] <= 32) p->pos++;
}

/* NULL on ENOMEM (p->nomem set). */
static an_jv *new_node(pstate *p) {
  an_jreader *r = p->r;
  if (r->used == CHUNK || !r->n_chunks) {
    if (r->cur + 1 >= r->n_chunks) {
      an_jv *c = an_malloc(CHUNK * sizeof *c);
      if (!c || an_grow((void **)&r->chunks, &r->cap_chunks, r->n_chunks + 1, sizeof *r->chunks) != AN_OK) {
        an_free(c);
        p->nomem = 1;
        return NULL;
      }
      r->chunks[r->n_chunks++] = c;
    }
    if (r->used == CHUNK) r->cur++;
    r->used = 0;
  }
  an_jv *v = &r->chunks[r->cur][r->used++];
  v->key = NULL, v->key_len = 0;
  v->child = v->next = NULL;
  return v;
}

static unsigned hex4(const unsigned char *h) {
  unsigned v = 0;
  for (int i = 0; i < 4; i++) {
    unsigned char c = h[i];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
    else if (c >= 'A' && c <= 'F') v |= (unsigned)(10 + c - 'A');
    else if (c >= 'a' && c <= 'f') v |= (unsigned)(10 + c - 'a');
    else return 0; /* cJSON's parse_hex4 fails as 0 */
  }
  return v;
}

/* cJSON's utf16_literal_to_utf8: 0 on failure, else the input consumed. */
static size_t utf16_to_utf8(const unsigned char *in, const unsigned char *end, char **out) {
  if (end - in < 6) return 0;
  unsigned long cp;
  unsigned first = hex4(in + 2);
  size_t len;
  if (first >= 0xDC00 && first <= 0xDFFF) return 0;
  if (first >= 0xD800 && first <= 0xDBFF) {
    const unsigned char *second = in + 6;
    if (end - second < 6) return 0;
    if (second[0] != '\\' || second[1] != 'u') return 0;
    unsigned sc = hex4(second + 2);
    if (sc < 0xDC00 || sc > 0xDFFF) return 0;
    cp = 0x10000 + (((first & 0x3FF) << 10) | (sc & 0x3FF));
    len = 12;
  } else {
    cp = first;
    len = 6;
  }
  unsigned char buf[4];
  int n;
  if (cp < 0x80) {
    buf[0] = (unsigned char)cp;
    n = 1;
  } else if (cp < 0x800) {
    buf[0] = (unsigned char)(0xC0 | (cp >> 6));
    buf[1] = (unsigned char)(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    buf[0] = (unsigned char)(0xE0 | (cp >> 12));
    buf[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = (unsigned char)(0x80 | (cp & 0x3F));
    n = 3;
  } else if (cp <= 0x10FFFF) {
    buf[0] = (unsigned char)(0xF0 | (cp >> 18));
    buf[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    buf[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    buf[3] = (unsigned char)(0x80 | (cp & 0x3F));
    n = 4;
  } else {
    return 0;
  }
  memcpy(*out, buf, (size_t)n);
  *out += n;
  return len;
}

/* A string at p->pos (a '"'): its bytes in the input when they need no
 * decoding, else decoded into the arena. */
static int parse_string(pstate *p, const char **str, size_t *len) {
  const unsigned char *s = p->s, *start = s + p->pos + 1, *end = start;
  const unsigned char *lim = s + p->n;
  if (p->pos >= p->n || s[p->pos] != '"') return 0;
  /* 16 bytes a step to the next quote, backslash or control byte (the
   * scan stops at every control byte; only a NUL matters) */
  int plain = 1;
  for (;;) {
    end += an_find_json_escape((const char *)end, (size_t)(lim - end));
    if (end >= lim || *end == '"') break;
    if (*end == '\\') {
      if (end + 1 >= lim) return 0; /* a backslash last */
      plain = 0;
      end += 2;
      continue;
    }
    if (!*end) plain = 0; /* a raw NUL cuts the C string */
    end++;
  }
  if (end >= lim) return 0; /* no closing quote */
  if (plain) {
    *str = (const char *)start;
    *len = (size_t)(end - start);
    p->pos = (size_t)(end - s) + 1;
    return 1;
  }
  an_jreader *r = p->r;
  char *out = r->text + r->text_len, *o = out;
  {
    for (const unsigned char *q = start; q < end;) {
      if (*q != '\\') { /* the run up to the next escape, at once */
        const unsigned char *bs = memchr(q, '\\', (size_t)(end - q));
        size_t k = bs ? (size_t)(bs - q) : (size_t)(end - q);
        memcpy(o, q, k);
        o += k, q += k;
        continue;
      }
      size_t step = 2;
      switch (q[1]) {
      case 'b': *o++ = '\b'; break;
      case 'f': *o++ = '\f'; break;
      case 'n': *o++ = '\n'; break;
      case 'r': *o++ = '\r'; break;
      case 't': *o++ = '\t'; break;
      case '"':
      case '\\':
      case '/': *o++ = (char)q[1]; break;
      case 'u':
        step = utf16_to_utf8(q, end, &o);
        if (!step) return 0;
        break;
      default: return 0;
      }
      q += step;
    }
  }
  *o = '\0';
  *str = out;
  *len = strlen(out); /* a decoded NUL ends the string, as in cJSON */
  r->text_len += (size_t)(o - out) + 1;
  p->pos = (size_t)(end - s) + 1;
  return 1;
}

static const double pow10_tab[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* cJSON's parse_number (Debian's 1.7.15-1+deb12u3 and later, CVE-2023-26819:
 * no length limit): the characters [0-9+-eE.] through strtod. Plain decimals ("-12", "0.8") are computed directly: a mantissa
 * below 2^53 over an exact power of ten is one correctly rounded division,
 * which is what strtod returns for them. */
static int parse_number(pstate *p, double *out) {
  const unsigned char *s = p->s + p->pos;
  size_t avail = p->n - p->pos, k = 0;
  int simple = 1, neg = 0, seen_dot = 0, digits = 0, frac = 0;
  uint64_t mant = 0;
  for (; k < avail; k++) {
    unsigned char c = s[k];
    if (c >= '0' && c <= '9') {
      if (digits < 19) mant = mant * 10 + (uint64_t)(c - '0');
      digits++;
      frac += seen_dot;
    } else if (c == '.') {
      if (seen_dot || digits == 0) simple = 0;
      seen_dot = 1;
    } else if (c == '-') {
      if (k != 0) simple = 0;
      neg = 1;
    } else if (c == '+' || c == 'e' || c == 'E') {
      simple = 0;
    } else {
      break;
    }
  }
  /* simple: -?digits(.digits)? with every character taken by strtod */
  if (simple && digits > 0 && digits <= 15 && frac <= 22 && k < 64 && !(seen_dot && s[k - 1] == '.') &&
      !(neg && k > 1 && s[1] == '.')) {
    double v = (double)mant;
    if (frac) v /= pow10_tab[frac];
    *out = neg ? -v : v;
    p->pos += k;
    return 1;
  }
  char small[64], *buf = k < sizeof small ? small : an_malloc(k + 1);
  if (!buf) {
    p->nomem = 1;
    return 0;
  }
  for (size_t i = 0; i < k; i++) buf[i] = s[i] == '.' ? p->r->decimal_point : (char)s[i];
  buf[k] = '\0';
  char *after = NULL;
  double v = strtod(buf, &after);
  size_t used = (size_t)(after - buf);
  if (buf != small) an_free(buf);
  if (!used) return 0;
  *out = v;
  p->pos += used;
  return 1;
}

static int parse_value(pstate *p, an_jv *v);

/* An array or object: members until ']' / '}' (cJSON's loops). */
static int parse_members(pstate *p, an_jv *v, int object) {
  if (p->depth >= NESTING_LIMIT) return 0;
  p->depth++;
  unsigned char close = object ? '}' : ']';
  v->type = object ? AN_J_OBJECT : AN_J_ARRAY;
  p->pos++; /* the opening bracket */
  skip_ws(p);
  if (p->pos < p->n && p->s[p->pos] == close) {
    p->pos++;
    p->depth--;
    return 1;
  }
  if (p->pos >= p->n) return 0;
  an_jv *last = NULL;
  for (;;) {
    an_jv *m = new_node(p);
    if (!m) return 0;
    if (last) last->next = m;
    else v->child = m;
    last = m;
    if (object) {
      size_t kl;
      if (!parse_string(p, &m->key, &kl)) return 0;
      m->key_len = (uint32_t)kl;
      skip_ws(p);
      if (p->pos >= p->n || p->s[p->pos] != ':') return 0;
      p->pos++;
      skip_ws(p);
    }
    if (!parse_value(p, m)) return 0;
    skip_ws(p);
    if (p->pos < p->n && p->s[p->pos] == ',') {
      p->pos++;
      skip_ws(p);
      continue;
    }
    break;
  }
  if (p->pos >= p->n || p->s[p->pos] != close) return 0;
  p->pos++;
  p->depth--;
  return 1;
}

static int parse_value(pstate *p, an_jv *v) {
  const unsigned char *s = p->s + p->pos;
  size_t avail = p->n - p->pos;
  if (avail >= 4 && memcmp(s, "null", 4) == 0) {
    v->type = AN_J_NULL;
    p->pos += 4;
    return 1;
  }
  if (avail >= 5 && memcmp(s, "false", 5) == 0) {
    v->type = AN_J_FALSE;
    p->pos += 5;
    return 1;
  }
  if (avail >= 4 && memcmp(s, "true", 4) == 0) {
    v->type = AN_J_TRUE;
    p->pos += 4;
    return 1;
  }
  if (!avail) return 0;
  if (s[0] == '"') {
    v->type = AN_J_STRING;
    return parse_string(p, &v->str, &v->len);
  }
  if (s[0] == '-' || (s[0] >= '0' && s[0] <= '9')) {
    v->type = AN_J_NUMBER;
    return parse_number(p, &v->num);
  }
  if (s[0] == '[') return parse_members(p, v, 0);
  if (s[0] == '{') return parse_members(p, v, 1);
  return 0;
}

void an_jreader_reset(an_jreader *r) {
  r->cur = r->used = 0;
  r->text_len = 0;
}

/* Decoded strings with their NULs fit in their input's length plus one:
 * one reservation keeps every string pointer stable. */
an_status an_jreader_reserve(an_jreader *r, size_t bytes) {
  size_t need = r->text_len + bytes + 1;
  if (need > r->cap_text) {
    if (r->text_len) return AN_EINTERNAL; /* would move strings already handed out */
    char *x = an_realloc(r->text, need);
    if (!x) return AN_ENOMEM;
    r->text = x, r->cap_text = need;
  }
  return AN_OK;
}

an_status an_jreader_parse(an_jreader *r, const char *s, size_t n, const an_jv **root) {
  *root = NULL;
  an_jreader_reset(r);
  an_status st = an_jreader_reserve(r, n + 1);
  return st != AN_OK ? st : an_jreader_parse_next(r, s, n, root);
}

an_status an_jreader_parse_next(an_jreader *r, const char *s, size_t n, const an_jv **root) {
  *root = NULL;
  if (!s || !n) return AN_EDATA;
  if (r->text_len + n + 1 > r->cap_text) return AN_EINTERNAL;
  if (!r->decimal_point) {
    const struct lconv *lc = localeconv();
    r->decimal_point = lc && lc->decimal_point && lc->decimal_point[0] ? lc->decimal_point[0] : '.';
  }
  pstate p = {.r = r, .s = (const unsigned char *)s, .n = n};
  if (n >= 5 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) p.pos = 3; /* cJSON's skip_utf8_bom */
  skip_ws(&p);
  an_jv *v = new_node(&p);
  if (!v || !parse_value(&p, v)) return p.nomem ? AN_ENOMEM : AN_EDATA;
  *root = v;
  r->end = p.pos;
  return AN_OK;
}

const an_jv *an_jget(const an_jv *obj, const char *key, size_t key_len) {
  if (!obj) return NULL;
  for (const an_jv *c = obj->child; c && c->key; c = c->next)
    if (c->key_len == key_len && memcmp(c->key, key, key_len) == 0) return c;
  return NULL;
}

size_t an_jcount(const an_jv *v) {
  size_t n = 0;
  for (const an_jv *c = v ? v->child : NULL; c; c = c->next) n++;
  return n;
}
