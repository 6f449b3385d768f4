/* eval.c: the scorer of annotation.md §5, a faithful port of
 * ../shared/tools/score.py. Where score.py's behaviour follows from Python
 * (dict order, max() keeping the first maximum, round(), repr(), json.dumps)
 * the port reproduces it, because the test compares the two outputs byte
 * for byte (tests/eval/test_same_as_score_py.sh). */
#include "extract/eval.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ------------------------------------------------------------------ */
/* A string arena: every string of a gold set or report lives in one.  */

typedef struct block {
  struct block *next;
  size_t used, cap;
  char data[];
} block;

typedef struct arena {
  block *head;
} arena;

static void arena_free(arena *a) {
  block *b = a->head;
  while (b) {
    block *next = b->next;
    an_free(b);
    b = next;
  }
  a->head = NULL;
}

static char *arena_strndup(arena *a, const char *s, size_t n) {
  if (!a->head || a->head->cap - a->head->used < n + 1) {
    size_t cap = n + 1 > 16384 ? n + 1 : 16384;
    block *b = an_malloc(sizeof *b + cap);
    if (!b) return NULL;
    b->next = a->head, b->used = 0, b->cap = cap;
    a->head = b;
  }
  char *p = a->head->data + a->head->used;
  if (n) memcpy(p, s, n);
  p[n] = '\0';
  a->head->used += n + 1;
  return p;
}

static char *arena_strdup(arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }

/* ------------------------------------------------------------------ */
/* Tuples (doc, type, source, target). A NULL type stands for a       */
/* prediction whose "type" is not a string (score.py keeps it as None). */

typedef struct tup {
  const char *doc, *type, *src, *dst;
} tup;

static int cmp_str_null(const char *a, const char *b) {
  if (a == b) return 0;
  if (!a) return -1;
  if (!b) return 1;
  return strcmp(a, b); /* byte order of UTF-8 = Python's code point order */
}

static int tup_cmp(const tup *a, const tup *b) {
  int c = strcmp(a->doc, b->doc);
  if (!c) c = cmp_str_null(a->type, b->type);
  if (!c) c = strcmp(a->src, b->src);
  if (!c) c = strcmp(a->dst, b->dst);
  return c;
}

static int tup_qcmp(const void *a, const void *b) { return tup_cmp(a, b); }

static int is_symmetric(const char *type) {
  return type && (strcmp(type, "call") == 0 || strcmp(type, "meet") == 0);
}

static int is_core(const char *type) {
  return type && (strcmp(type, "call") == 0 || strcmp(type, "meet") == 0 ||
                  strcmp(type, "praise") == 0 || strcmp(type, "accuse") == 0);
}

/* score.py's tuple_of: call and meet are unordered. */
static tup tuple_of(const char *doc, const char *type, const char *src, const char *dst) {
  tup t = {doc, type, src, dst};
  if (is_symmetric(type) && strcmp(src, dst) > 0) t.src = dst, t.dst = src;
  return t;
}

/* Sorts and removes duplicates; returns the new count. */
static size_t tup_unique(tup *v, size_t n) {
  if (!n) return 0;
  qsort(v, n, sizeof *v, tup_qcmp);
  size_t k = 1;
  for (size_t i = 1; i < n; i++)
    if (tup_cmp(&v[i], &v[k - 1]) != 0) v[k++] = v[i];
  return k;
}

static const tup *tup_find(const tup *v, size_t n, const tup *t) {
  return bsearch(t, v, n, sizeof *v, tup_qcmp);
}

/* A tuple with a date and its position in the input, so that "first one
 * wins" (score.py's setdefault) survives sorting. */
typedef struct dated {
  tup t;
  const char *date; /* NULL: no string date */
  int has_date;     /* gold: a truthy "date" (a non-string one never matches) */
  size_t order;
} dated;

static int dated_qcmp(const void *pa, const void *pb) {
  const dated *a = pa, *b = pb;
  int c = tup_cmp(&a->t, &b->t);
  if (c) return c;
  return a->order < b->order ? -1 : a->order > b->order;
}

static int dated_key_cmp(const void *key, const void *elem) {
  return tup_cmp(key, &((const dated *)elem)->t);
}

/* ------------------------------------------------------------------ */
/* JSON helpers                                                        */

/* Python's dict keeps the last of duplicate keys; cJSON would give the first. */
static const cJSON *get_last(const cJSON *obj, const char *key) {
  const cJSON *r = NULL;
  if (!cJSON_IsObject(obj)) return NULL;
  for (const cJSON *c = obj->child; c; c = c->next)
    if (c->string && strcmp(c->string, key) == 0) r = c;
  return r;
}

static const char *get_str(const cJSON *obj, const char *key) {
  const cJSON *v = get_last(obj, key);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Python truthiness of a JSON value (score.py: g.get("optional"), g.get("date")). */
static int py_truthy(const cJSON *v) {
  if (!v || cJSON_IsNull(v) || cJSON_IsFalse(v)) return 0;
  if (cJSON_IsTrue(v)) return 1;
  if (cJSON_IsNumber(v)) return v->valuedouble != 0.0;
  if (cJSON_IsString(v)) return v->valuestring[0] != '\0';
  if (cJSON_IsArray(v) || cJSON_IsObject(v)) return v->child != NULL;
  return 0;
}

/* score.py's label_of: a string, or an object's label, name or id. */
static const char *label_of(const cJSON *actor) {
  if (cJSON_IsString(actor)) return actor->valuestring;
  if (cJSON_IsObject(actor)) {
    static const char *const fields[] = {"label", "name", "id"};
    for (size_t i = 0; i < 3; i++) {
      const char *s = get_str(actor, fields[i]);
      if (s) return s;
    }
  }
  return "";
}

static int is_space(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         (c >= 0x1c && c <= 0x1f);
}

/* Parses one JSON value that must fill [s, s+n) but for white space. */
static cJSON *parse_json(const char *s, size_t n) {
  const char *end = NULL;
  cJSON *v = cJSON_ParseWithLengthOpts(s, n, &end, 0);
  if (!v) return NULL;
  while (end && end < s + n && is_space((unsigned char)*end)) end++;
  if (!end || end != s + n) {
    cJSON_Delete(v);
    return NULL;
  }
  return v;
}

typedef an_status (*line_fn)(void *ctx, const cJSON *obj, const char *name, long line,
                             an_error *err);

/* Reads JSON Lines as score.py's read_jsonl does: universal newlines,
 * blank lines skipped, any other line must be JSON. */
static an_status read_jsonl(FILE *in, const char *name, line_fn fn, void *ctx, an_error *err) {
  an_buf line;
  an_buf_init(&line);
  an_status st = AN_OK;
  long n = 0;
  int c = 0;
  while (st == AN_OK && c != EOF) {
    an_buf_clear(&line);
    while ((c = getc(in)) != EOF && c != '\n' && c != '\r') {
      if ((st = an_buf_putc(&line, (char)c)) != AN_OK) break;
    }
    if (st != AN_OK) break;
    if (c == '\r') {
      int d = getc(in);
      if (d != '\n' && d != EOF) ungetc(d, in);
    }
    if (c == EOF && ferror(in)) {
      st = an_error_set(err, AN_EIO, name, n + 1, -1, "read failed");
      break;
    }
    if (c == EOF && line.len == 0) break;
    n++;
    const char *s = line.data ? line.data : "";
    size_t len = line.len;
    while (len && is_space((unsigned char)*s)) s++, len--;
    while (len && is_space((unsigned char)s[len - 1])) len--;
    if (!len) continue;
    cJSON *obj = parse_json(s, len);
    if (!obj) {
      st = an_error_set(err, AN_EDATA, name, n, -1, "not JSON");
      break;
    }
    if (!cJSON_IsObject(obj)) {
      cJSON_Delete(obj);
      st = an_error_set(err, AN_EDATA, name, n, -1, "not a JSON object");
      break;
    }
    st = fn(ctx, obj, name, n, err);
    cJSON_Delete(obj);
  }
  an_buf_free(&line);
  return st;
}

static an_status read_all(FILE *in, const char *name, an_buf *out, an_error *err) {
  char chunk[8192];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, in)) > 0)
    if (an_buf_append(out, chunk, got) != AN_OK)
      return an_error_set(err, AN_ENOMEM, name, 0, -1, "out of memory");
  if (ferror(in)) return an_error_set(err, AN_EIO, name, 0, -1, "read failed");
  if (!out->data && an_buf_reserve(out, 0) != AN_OK)
    return an_error_set(err, AN_ENOMEM, name, 0, -1, "out of memory");
  return AN_OK;
}

/* ------------------------------------------------------------------ */
/* Normalization (annotation.md §5.1; score.py's normalize)           */

/* Look-alike letters score.py folds: its CONFUSABLES table, verbatim.
 * Deliberately not an_confusable_fold(): the text stage's table
 * (data/text/confusables.tsv) differs from score.py's (it lacks lowercase
 * Cyrillic в к м н т and У, and adds γ υ χ ѡ ү һ ӏ ...), and the scorer
 * must give score.py's numbers. tests/eval/synth.py sweeps every Greek and
 * Cyrillic code point through both scorers. */
static int32_t fold_confusable(int32_t cp) {
  static const int32_t map[][2] = {
      {0x0430, 'a'}, {0x0432, 'b'}, {0x0435, 'e'}, {0x0451, 'e'}, {0x043A, 'k'},
      {0x043C, 'm'}, {0x043D, 'h'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'},
      {0x0442, 't'}, {0x0443, 'y'}, {0x0445, 'x'}, {0x0456, 'i'}, {0x0458, 'j'},
      {0x0455, 's'}, {0x0501, 'd'}, {0x051B, 'q'}, {0x051D, 'w'}, {0x0410, 'A'},
      {0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'}, {0x041D, 'H'},
      {0x041E, 'O'}, {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'}, {0x0423, 'Y'},
      {0x0425, 'X'}, {0x0406, 'I'}, {0x0408, 'J'}, {0x0405, 'S'}, {0x03B1, 'a'},
      {0x03BF, 'o'}, {0x03C1, 'p'}, {0x03BD, 'v'}, {0x03B9, 'i'}, {0x03BA, 'k'},
      {0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0397, 'H'}, {0x0399, 'I'},
      {0x039A, 'K'}, {0x039C, 'M'}, {0x039D, 'N'}, {0x039F, 'O'}, {0x03A1, 'P'},
      {0x03A4, 'T'}, {0x03A7, 'X'}, {0x03A5, 'Y'}, {0x0396, 'Z'},
  };
  if (cp < 0x0391 || cp > 0x051D) return cp;
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (map[i][0] == cp) return map[i][1];
  return cp;
}

/* Scratch reused across labels. */
typedef struct scratch {
  an_buf valid;      /* the label with invalid UTF-8 replaced */
  int32_t *cps;      /* NFKC code points */
  size_t cap_cps;
} scratch;

static void scratch_free(scratch *s) {
  an_buf_free(&s->valid);
  an_free(s->cps);
  s->cps = NULL, s->cap_cps = 0;
}

static an_status normalize_into(scratch *sc, const char *s, size_t len, an_buf *out) {
  an_status st;
  an_buf_clear(&sc->valid);
  /* Invalid sequences become U+FFFD (score.py never sees them: Python
   * would refuse the file; here they must not reach utf8proc). */
  for (size_t i = 0; i < len;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) {
      if ((st = an_buf_append(&sc->valid, "\xEF\xBF\xBD", 3)) != AN_OK) return st;
      i++;
    } else {
      if ((st = an_buf_append(&sc->valid, s + i, (size_t)n)) != AN_OK) return st;
      i += (size_t)n;
    }
  }
  const utf8proc_option_t nfkc = UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE;
  utf8proc_ssize_t n = 0;
  for (;;) {
    n = utf8proc_decompose((const utf8proc_uint8_t *)(sc->valid.data ? sc->valid.data : ""),
                           (utf8proc_ssize_t)sc->valid.len, sc->cps,
                           (utf8proc_ssize_t)sc->cap_cps, nfkc);
    if (n < 0) return AN_EINTERNAL;
    if ((size_t)n <= sc->cap_cps) break;
    if ((st = an_grow((void **)&sc->cps, &sc->cap_cps, (size_t)n, sizeof *sc->cps)) != AN_OK)
      return st;
  }
  if (n > 0) n = utf8proc_normalize_utf32(sc->cps, n, nfkc);
  if (n < 0) return AN_EINTERNAL;

  /* Then: confusables, NFD, marks (Mn) dropped, lowercase, and every run of
   * anything but [0-9a-z] one space. Canonical reordering of the NFD is not
   * needed: it only moves marks, which are dropped or become separators. */
  if ((st = an_buf_putc(out, ' ')) != AN_OK) return st;
  int words = 0, gap = 0;
  for (utf8proc_ssize_t i = 0; i < n; i++) {
    int32_t d[32];
    utf8proc_ssize_t k = utf8proc_decompose_char(fold_confusable(sc->cps[i]), d, 32,
                                                 UTF8PROC_DECOMPOSE, NULL);
    if (k < 0 || k > 32) return AN_EINTERNAL;
    for (utf8proc_ssize_t j = 0; j < k; j++) {
      int32_t c = d[j];
      if (utf8proc_category(c) == UTF8PROC_CATEGORY_MN) continue;
      if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (gap && words && (st = an_buf_putc(out, ' ')) != AN_OK) return st;
        if ((st = an_buf_putc(out, (char)c)) != AN_OK) return st;
        words = 1, gap = 0;
      } else {
        gap = 1;
      }
    }
  }
  return an_buf_putc(out, ' ');
}

an_status an_eval_normalize(const char *label, size_t len, an_buf *out) {
  scratch sc = {0};
  an_buf_init(&sc.valid);
  an_status st = normalize_into(&sc, label, len, out);
  scratch_free(&sc);
  return st;
}

/* ------------------------------------------------------------------ */
/* Gold                                                                */

typedef struct gkey {
  size_t actor;
  const char *norm; /* normalized, with the surrounding spaces */
  size_t len;
} gkey;

struct an_eval_gold {
  arena ar;
  const char **actors;
  size_t n_actors, cap_actors;
  gkey *keys;
  size_t n_keys, cap_keys;
  tup *required, *optional;
  size_t n_required, n_optional;
  dated *dates; /* required tuples with a truthy gold date, first one each */
  size_t n_dates;
  const char **docs; /* sorted, unique */
  size_t n_docs;
};

void an_eval_gold_free(an_eval_gold *g) {
  if (!g) return;
  arena_free(&g->ar);
  an_free(g->actors);
  an_free(g->keys);
  an_free(g->required);
  an_free(g->optional);
  an_free(g->dates);
  an_free(g->docs);
  an_free(g);
}

size_t an_eval_gold_doc_count(const an_eval_gold *g) { return g ? g->n_docs : 0; }

static int str_qcmp(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_gold_doc(const an_eval_gold *g, const char *doc) {
  return bsearch(&doc, g->docs, g->n_docs, sizeof *g->docs, str_qcmp) != NULL;
}

static an_status parse_actors(an_eval_gold *g, const char *text, const char *name,
                              an_error *err) {
  cJSON *root = parse_json(text, strlen(text));
  if (!cJSON_IsObject(root)) {
    cJSON_Delete(root);
    return an_error_set(err, AN_EDATA, name, 0, -1, "actors file is not a JSON object");
  }
  an_status st = AN_OK;
  scratch sc = {0};
  an_buf norm;
  an_buf_init(&norm);
  for (const cJSON *a = root->child; a && st == AN_OK; a = a->next) {
    const cJSON *keys = get_last(a, "keys");
    if (!cJSON_IsArray(keys)) {
      st = an_error_set(err, AN_EDATA, name, 0, -1, "actor \"%s\" has no \"keys\" list",
                        a->string);
      break;
    }
    if ((st = an_grow((void **)&g->actors, &g->cap_actors, g->n_actors + 1,
                      sizeof *g->actors)) != AN_OK)
      break;
    const char *id = arena_strdup(&g->ar, a->string);
    if (!id) {
      st = AN_ENOMEM;
      break;
    }
    size_t actor = g->n_actors++;
    g->actors[actor] = id;
    for (const cJSON *k = keys->child; k; k = k->next) {
      if (!cJSON_IsString(k)) {
        st = an_error_set(err, AN_EDATA, name, 0, -1, "actor \"%s\": a key is not a string", id);
        break;
      }
      an_buf_clear(&norm);
      if ((st = normalize_into(&sc, k->valuestring, strlen(k->valuestring), &norm)) != AN_OK ||
          (st = an_grow((void **)&g->keys, &g->cap_keys, g->n_keys + 1, sizeof *g->keys)) !=
              AN_OK)
        break;
      const char *kn = arena_strndup(&g->ar, norm.data, norm.len);
      if (!kn) {
        st = AN_ENOMEM;
        break;
      }
      g->keys[g->n_keys++] = (gkey){actor, kn, norm.len};
    }
  }
  if (st == AN_ENOMEM || st == AN_EINTERNAL)
    an_error_set(err, st, name, 0, -1, "%s", an_status_str(st));
  an_buf_free(&norm);
  scratch_free(&sc);
  cJSON_Delete(root);
  return st;
}

typedef struct gold_reader {
  an_eval_gold *g;
  tup *all;      /* every gold tuple */
  char *opt;     /* its optional flag */
  size_t n, cap, cap_opt;
  size_t cap_dates;
} gold_reader;

static an_status gold_line(void *ctx, const cJSON *obj, const char *name, long line,
                           an_error *err) {
  gold_reader *r = ctx;
  an_eval_gold *g = r->g;
  static const char *const fields[] = {"doc", "type", "source", "target"};
  const char *v[4];
  for (int i = 0; i < 4; i++) {
    v[i] = get_str(obj, fields[i]);
    if (!v[i])
      return an_error_set(err, AN_EDATA, name, line, -1, "gold event without a string \"%s\"",
                          fields[i]);
  }
  const char *s[4];
  for (int i = 0; i < 4; i++)
    if (!(s[i] = arena_strdup(&g->ar, v[i])))
      return an_error_set(err, AN_ENOMEM, name, line, -1, "out of memory");
  tup t = tuple_of(s[0], s[1], s[2], s[3]);
  int optional = py_truthy(get_last(obj, "optional"));
  if (an_grow((void **)&r->all, &r->cap, r->n + 1, sizeof *r->all) != AN_OK ||
      an_grow((void **)&r->opt, &r->cap_opt, r->n + 1, 1) != AN_OK)
    return an_error_set(err, AN_ENOMEM, name, line, -1, "out of memory");
  r->all[r->n] = t;
  r->opt[r->n] = (char)optional;
  r->n++;
  const cJSON *date = get_last(obj, "date");
  if (!optional && py_truthy(date)) {
    if (an_grow((void **)&g->dates, &r->cap_dates, g->n_dates + 1, sizeof *g->dates) != AN_OK)
      return an_error_set(err, AN_ENOMEM, name, line, -1, "out of memory");
    const char *d = NULL;
    if (cJSON_IsString(date) && !(d = arena_strdup(&g->ar, date->valuestring)))
      return an_error_set(err, AN_ENOMEM, name, line, -1, "out of memory");
    g->dates[g->n_dates] = (dated){t, d, 1, g->n_dates};
    g->n_dates++;
  }
  return AN_OK;
}

static an_status finish_gold(an_eval_gold *g, gold_reader *r, const char *name, an_error *err) {
  /* required = non-optional tuples; optional = optional ones minus required */
  size_t nr = 0, no = 0;
  for (size_t i = 0; i < r->n; i++) {
    if (r->opt[i]) no++;
    else nr++;
  }
  g->required = an_malloc((nr ? nr : 1) * sizeof *g->required);
  g->optional = an_malloc((no ? no : 1) * sizeof *g->optional);
  g->docs = an_malloc((r->n ? r->n : 1) * sizeof *g->docs);
  if (!g->required || !g->optional || !g->docs)
    return an_error_set(err, AN_ENOMEM, name, 0, -1, "out of memory");
  nr = no = 0;
  for (size_t i = 0; i < r->n; i++) {
    if (r->opt[i]) g->optional[no++] = r->all[i];
    else g->required[nr++] = r->all[i];
    g->docs[i] = r->all[i].doc;
  }
  g->n_required = tup_unique(g->required, nr);
  no = tup_unique(g->optional, no);
  size_t k = 0;
  for (size_t i = 0; i < no; i++)
    if (!tup_find(g->required, g->n_required, &g->optional[i])) g->optional[k++] = g->optional[i];
  g->n_optional = k;
  if (r->n) {
    qsort(g->docs, r->n, sizeof *g->docs, str_qcmp);
    k = 1;
    for (size_t i = 1; i < r->n; i++)
      if (strcmp(g->docs[i], g->docs[k - 1]) != 0) g->docs[k++] = g->docs[i];
    g->n_docs = k;
  }
  /* gold_dates.setdefault: the first dated line of each tuple wins */
  if (g->n_dates) {
    qsort(g->dates, g->n_dates, sizeof *g->dates, dated_qcmp);
    k = 1;
    for (size_t i = 1; i < g->n_dates; i++)
      if (tup_cmp(&g->dates[i].t, &g->dates[k - 1].t) != 0) g->dates[k++] = g->dates[i];
    g->n_dates = k;
  }
  return AN_OK;
}

static an_status gold_build(const char *actors_json, const char *actors_name, FILE *events,
                            const char *events_name, an_eval_gold **out, an_error *err) {
  *out = NULL;
  an_eval_gold *g = an_calloc(1, sizeof *g);
  if (!g) return an_error_set(err, AN_ENOMEM, actors_name, 0, -1, "out of memory");
  gold_reader r = {g, NULL, NULL, 0, 0, 0, 0};
  an_status st = parse_actors(g, actors_json, actors_name, err);
  if (st == AN_OK) st = read_jsonl(events, events_name, gold_line, &r, err);
  if (st == AN_OK) st = finish_gold(g, &r, events_name, err);
  an_free(r.all);
  an_free(r.opt);
  if (st != AN_OK) {
    an_eval_gold_free(g);
    return st;
  }
  *out = g;
  return AN_OK;
}

an_status an_eval_gold_parse(const char *actors_json, const char *events_jsonl, const char *name,
                             an_eval_gold **out, an_error *err) {
  *out = NULL;
  FILE *f = fmemopen((void *)events_jsonl, strlen(events_jsonl), "r");
  if (!f && strlen(events_jsonl) == 0) f = fopen("/dev/null", "r");
  if (!f) return an_error_set(err, AN_EIO, name, 0, -1, "cannot read the gold events");
  an_status st = gold_build(actors_json, name, f, name, out, err);
  fclose(f);
  return st;
}

an_status an_eval_gold_load(const char *dir, an_eval_gold **out, an_error *err) {
  *out = NULL;
  an_buf apath, epath, actors;
  an_buf_init(&apath), an_buf_init(&epath), an_buf_init(&actors);
  FILE *af = NULL, *ef = NULL;
  an_status st = AN_OK;
  if (an_buf_printf(&apath, "%s/actors.json", dir) != AN_OK ||
      an_buf_printf(&epath, "%s/events.jsonl", dir) != AN_OK)
    st = an_error_set(err, AN_ENOMEM, dir, 0, -1, "out of memory");
  else if (!(af = fopen(apath.data, "r")))
    st = an_error_set(err, AN_ENOTFOUND, apath.data, 0, -1, "cannot open the gold actors");
  else if (!(ef = fopen(epath.data, "r")))
    st = an_error_set(err, AN_ENOTFOUND, epath.data, 0, -1, "cannot open the gold events");
  else if ((st = read_all(af, apath.data, &actors, err)) == AN_OK)
    st = gold_build(actors.data, apath.data, ef, epath.data, out, err);
  if (af) fclose(af);
  if (ef) fclose(ef);
  an_buf_free(&apath), an_buf_free(&epath), an_buf_free(&actors);
  return st;
}

/* ------------------------------------------------------------------ */
/* Matching (annotation.md §5.2; score.py's Actors.matches/resolve)    */

typedef struct span {
  size_t start, end, actor;
} span;

typedef struct found {
  size_t actor, end;
} found;

typedef struct matcher {
  scratch sc;
  an_buf norm;
  span *spans;
  size_t n_spans, cap_spans;
  found *found;
  size_t n_found, cap_found;
} matcher;

static void matcher_free(matcher *m) {
  scratch_free(&m->sc);
  an_buf_free(&m->norm);
  an_free(m->spans);
  an_free(m->found);
}

/* Fills m->found (in score.py's dict insertion order) and returns the
 * index of the winner in it via *best (SIZE_MAX: unknown label). */
static an_status match_label(const an_eval_gold *g, matcher *m, const char *label, size_t *best) {
  an_status st;
  *best = SIZE_MAX;
  m->n_spans = m->n_found = 0;
  an_buf_clear(&m->norm);
  if ((st = normalize_into(&m->sc, label, strlen(label), &m->norm)) != AN_OK) return st;
  const char *norm = m->norm.data;
  for (size_t i = 0; i < g->n_keys; i++) {
    const gkey *k = &g->keys[i];
    for (const char *at = strstr(norm, k->norm); at; at = strstr(at + 1, k->norm)) {
      if ((st = an_grow((void **)&m->spans, &m->cap_spans, m->n_spans + 1, sizeof *m->spans)) !=
          AN_OK)
        return st;
      size_t s = (size_t)(at - norm);
      m->spans[m->n_spans++] = (span){s, s + k->len, k->actor};
    }
  }
  for (size_t i = 0; i < m->n_spans; i++) {
    const span *a = &m->spans[i];
    int inside = 0;
    for (size_t j = 0; j < m->n_spans && !inside; j++) {
      const span *b = &m->spans[j];
      inside = b->start <= a->start && a->end <= b->end && b->end - b->start > a->end - a->start;
    }
    if (inside) continue;
    size_t f = 0;
    while (f < m->n_found && m->found[f].actor != a->actor) f++;
    if (f == m->n_found) {
      if ((st = an_grow((void **)&m->found, &m->cap_found, m->n_found + 1, sizeof *m->found)) !=
          AN_OK)
        return st;
      m->found[m->n_found++] = (found){a->actor, a->end};
    } else if (a->end > m->found[f].end) {
      m->found[f].end = a->end;
    }
  }
  for (size_t f = 0; f < m->n_found; f++) /* max(): the first of equal maxima */
    if (*best == SIZE_MAX || m->found[f].end > m->found[*best].end) *best = f;
  return AN_OK;
}

an_status an_eval_resolve(const an_eval_gold *g, const char *label, const char **id,
                          size_t *n_matched, an_error *err) {
  matcher m = {0};
  size_t best;
  *id = NULL;
  an_status st = match_label(g, &m, label, &best);
  if (st == AN_OK) {
    if (best != SIZE_MAX) *id = g->actors[m.found[best].actor];
    if (n_matched) *n_matched = m.n_found;
  } else {
    an_error_set(err, st, NULL, 0, -1, "cannot normalize a label");
  }
  matcher_free(&m);
  return st;
}

/* ------------------------------------------------------------------ */
/* Scoring                                                             */

typedef struct named_row {
  const char *name;
  an_eval_row row;
} named_row;

typedef struct frag {
  const char *actor;
  const char **labels;
  size_t n, cap;
} frag;

struct an_eval_report {
  arena ar;
  size_t documents, predicted, unknown;
  named_row all, core;
  named_row *types;
  size_t n_types;
  size_t gold_dated, matched, correct;
  tup *fp, *fn;
  size_t n_fp, n_fn;
  int has_graph;
  size_t nodes, actors_found;
  frag *per_actor; /* in order of first node */
  size_t n_per_actor, cap_per_actor;
  const char **overmerged;
  size_t n_overmerged, cap_overmerged;
};

void an_eval_report_free(an_eval_report *rep) {
  if (!rep) return;
  arena_free(&rep->ar);
  an_free(rep->types);
  an_free(rep->fp);
  an_free(rep->fn);
  for (size_t i = 0; i < rep->n_per_actor; i++) an_free(rep->per_actor[i].labels);
  an_free(rep->per_actor);
  an_free(rep->overmerged);
  an_free(rep);
}

typedef struct pred_reader {
  const an_eval_gold *g;
  an_eval_report *rep;
  matcher m;
  an_buf unk;
  dated *ev;
  size_t n, cap;
} pred_reader;

/* The gold id a label resolves to, or "?" + its normalized form. */
static an_status resolve_side(pred_reader *r, const char *label, const char **out, int *unknown) {
  size_t best;
  an_status st = match_label(r->g, &r->m, label, &best);
  if (st != AN_OK) return st;
  if (best != SIZE_MAX) {
    *out = r->g->actors[r->m.found[best].actor];
    return AN_OK;
  }
  *unknown = 1;
  an_buf_clear(&r->unk);
  /* m.norm is " words " (or "  "): strip the outer spaces */
  const char *n = r->m.norm.data;
  size_t len = r->m.norm.len;
  while (len && *n == ' ') n++, len--;
  while (len && n[len - 1] == ' ') len--;
  if ((st = an_buf_putc(&r->unk, '?')) != AN_OK || (st = an_buf_append(&r->unk, n, len)) != AN_OK)
    return st;
  *out = r->unk.data;
  return AN_OK;
}

static an_status pred_line(void *ctx, const cJSON *obj, const char *name, long line,
                           an_error *err) {
  pred_reader *r = ctx;
  arena *ar = &r->rep->ar;
  const char *doc = get_str(obj, "doc");
  if (!doc || !is_gold_doc(r->g, doc)) return AN_OK;
  const char *src = NULL, *dst = NULL;
  char *src_copy = NULL;
  int unknown = 0;
  an_status st = resolve_side(r, label_of(get_last(obj, "source")), &src, &unknown);
  /* the "?label" of an unknown source lives in r->unk, which the target reuses */
  if (st == AN_OK && unknown && !(src = src_copy = arena_strdup(ar, src))) st = AN_ENOMEM;
  if (st == AN_OK) st = resolve_side(r, label_of(get_last(obj, "target")), &dst, &unknown);
  if (st != AN_OK) return an_error_set(err, st, name, line, -1, "%s", an_status_str(st));
  r->rep->unknown += (size_t)unknown;
  const char *type = get_str(obj, "type");
  const char *date = get_str(obj, "date");
  const char *d = arena_strdup(ar, doc), *t = type ? arena_strdup(ar, type) : NULL;
  const char *s = src_copy ? src_copy : arena_strdup(ar, src), *o = arena_strdup(ar, dst);
  const char *dt = date ? arena_strdup(ar, date) : NULL;
  if (!d || (type && !t) || !s || !o || (date && !dt) ||
      an_grow((void **)&r->ev, &r->cap, r->n + 1, sizeof *r->ev) != AN_OK)
    return an_error_set(err, AN_ENOMEM, name, line, -1, "out of memory");
  r->ev[r->n] = (dated){tuple_of(d, t, s, o), dt, dt != NULL, r->n};
  r->n++;
  return AN_OK;
}

static void count_row(named_row *row, const char *name, const tup *tp, size_t ntp, const tup *fp,
                      size_t nfp, const tup *fn, size_t nfn, int sel) {
  /* sel: 0 all, 1 core, 2 the type `name` */
  row->name = name;
  an_eval_row *r = &row->row;
  r->tp = r->fp = r->fn = 0;
#define KEEP(t) (sel == 0 || (sel == 1 && is_core((t).type)) || \
                 (sel == 2 && (t).type && strcmp((t).type, name) == 0))
  for (size_t i = 0; i < ntp; i++) r->tp += KEEP(tp[i]);
  for (size_t i = 0; i < nfp; i++) r->fp += KEEP(fp[i]);
  for (size_t i = 0; i < nfn; i++) r->fn += KEEP(fn[i]);
#undef KEEP
  /* score.py's prf() and round(x, 3): glibc's %.3f rounds the exact binary
   * value half to even, as Python's round() does. */
  double p = r->tp + r->fp ? (double)r->tp / (double)(r->tp + r->fp) : 0.0;
  double rc = r->tp + r->fn ? (double)r->tp / (double)(r->tp + r->fn) : 0.0;
  double f = p + rc != 0.0 ? 2 * p * rc / (p + rc) : 0.0;
  char tmp[64];
  snprintf(tmp, sizeof tmp, "%.3f", p);
  r->precision = strtod(tmp, NULL);
  snprintf(tmp, sizeof tmp, "%.3f", rc);
  r->recall = strtod(tmp, NULL);
  snprintf(tmp, sizeof tmp, "%.3f", f);
  r->f1 = strtod(tmp, NULL);
}

static an_status score_events(pred_reader *r, an_error *err) {
  const an_eval_gold *g = r->g;
  an_eval_report *rep = r->rep;
  if (r->n) qsort(r->ev, r->n, sizeof *r->ev, dated_qcmp);
  /* predicted: unique tuples (r->ev stays sorted for the date lookup) */
  tup *pred = an_malloc((r->n ? r->n : 1) * sizeof *pred);
  tup *tp = an_malloc((r->n ? r->n : 1) * sizeof *tp);
  rep->fp = an_malloc((r->n ? r->n : 1) * sizeof *rep->fp);
  rep->fn = an_malloc((g->n_required ? g->n_required : 1) * sizeof *rep->fn);
  const char **types = an_malloc((r->n + g->n_required + 1) * sizeof *types);
  an_status st = AN_OK;
  if (!pred || !tp || !rep->fp || !rep->fn || !types) {
    st = an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
    goto done;
  }
  size_t np = 0, ntp = 0;
  for (size_t i = 0; i < r->n; i++)
    if (!np || tup_cmp(&r->ev[i].t, &pred[np - 1]) != 0) pred[np++] = r->ev[i].t;
  rep->predicted = np;
  rep->documents = g->n_docs;
  for (size_t i = 0; i < np; i++) {
    if (tup_find(g->required, g->n_required, &pred[i])) tp[ntp++] = pred[i];
    else if (!tup_find(g->optional, g->n_optional, &pred[i])) rep->fp[rep->n_fp++] = pred[i];
  }
  for (size_t i = 0; i < g->n_required; i++)
    if (!tup_find(pred, np, &g->required[i])) {
      const tup *t = &g->required[i];
      tup c = {arena_strdup(&rep->ar, t->doc), arena_strdup(&rep->ar, t->type),
               arena_strdup(&rep->ar, t->src), arena_strdup(&rep->ar, t->dst)};
      if (!c.doc || !c.type || !c.src || !c.dst) {
        st = an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
        goto done;
      }
      rep->fn[rep->n_fn++] = c;
    }
  /* rows: all, core, then each type of required | predicted, sorted */
  size_t nt = 0;
  for (size_t i = 0; i < g->n_required; i++) types[nt++] = g->required[i].type;
  for (size_t i = 0; i < np; i++)
    if (pred[i].type) types[nt++] = pred[i].type;
  if (nt) {
    qsort(types, nt, sizeof *types, str_qcmp);
    size_t k = 1;
    for (size_t i = 1; i < nt; i++)
      if (strcmp(types[i], types[k - 1]) != 0) types[k++] = types[i];
    nt = k;
  }
  rep->types = an_malloc((nt ? nt : 1) * sizeof *rep->types);
  if (!rep->types) {
    st = an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
    goto done;
  }
  count_row(&rep->all, "all", tp, ntp, rep->fp, rep->n_fp, rep->fn, rep->n_fn, 0);
  count_row(&rep->core, "core", tp, ntp, rep->fp, rep->n_fp, rep->fn, rep->n_fn, 1);
  for (size_t i = 0; i < nt; i++) {
    const char *name = arena_strdup(&rep->ar, types[i]);
    if (!name) {
      st = an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
      goto done;
    }
    count_row(&rep->types[i], name, tp, ntp, rep->fp, rep->n_fp, rep->fn, rep->n_fn, 2);
  }
  rep->n_types = nt;
  /* dates: true positives whose gold event has a date; right when any
   * prediction of the tuple carries the same string */
  rep->gold_dated = g->n_dates;
  for (size_t i = 0; i < ntp; i++) {
    const dated *gd =
        g->n_dates ? bsearch(&tp[i], g->dates, g->n_dates, sizeof *g->dates, dated_key_cmp) : NULL;
    if (!gd) continue;
    rep->matched++;
    if (!gd->date) continue;
    const dated *pe = bsearch(&tp[i], r->ev, r->n, sizeof *r->ev, dated_key_cmp);
    if (!pe) continue;
    while (pe > r->ev && tup_cmp(&pe[-1].t, &tp[i]) == 0) pe--;
    for (; pe < r->ev + r->n && tup_cmp(&pe->t, &tp[i]) == 0; pe++)
      if (pe->date && strcmp(pe->date, gd->date) == 0) {
        rep->correct++;
        break;
      }
  }
done:
  an_free(pred);
  an_free(tp);
  an_free(types);
  return st;
}

an_status an_eval_score(const an_eval_gold *g, FILE *in, const char *name, an_eval_report **out,
                        an_error *err) {
  *out = NULL;
  an_eval_report *rep = an_calloc(1, sizeof *rep);
  if (!rep) return an_error_set(err, AN_ENOMEM, name, 0, -1, "out of memory");
  pred_reader r = {0};
  r.g = g, r.rep = rep;
  an_buf_init(&r.unk);
  an_status st = read_jsonl(in, name, pred_line, &r, err);
  if (st == AN_OK) st = score_events(&r, err);
  matcher_free(&r.m);
  an_buf_free(&r.unk);
  an_free(r.ev);
  if (st != AN_OK) {
    an_eval_report_free(rep);
    return st;
  }
  *out = rep;
  return AN_OK;
}

an_status an_eval_report_row(const an_eval_report *rep, const char *name, an_eval_row *row) {
  if (strcmp(name, "all") == 0) *row = rep->all.row;
  else if (strcmp(name, "core") == 0) *row = rep->core.row;
  else {
    size_t i = 0;
    while (i < rep->n_types && strcmp(rep->types[i].name, name) != 0) i++;
    if (i == rep->n_types) return AN_ENOTFOUND;
    *row = rep->types[i].row;
  }
  return AN_OK;
}

/* ------------------------------------------------------------------ */
/* Graph check (score.py's score_graph)                                */

static an_status graph_node(const an_eval_gold *g, matcher *m, an_eval_report *rep,
                            const char *label_in) {
  size_t best;
  an_status st = match_label(g, m, label_in, &best);
  if (st != AN_OK) return st;
  const char *label = arena_strdup(&rep->ar, label_in);
  if (!label) return AN_ENOMEM;
  if (best != SIZE_MAX) {
    const char *actor = g->actors[m->found[best].actor];
    size_t i = 0;
    while (i < rep->n_per_actor && rep->per_actor[i].actor != actor) i++;
    if (i == rep->n_per_actor) {
      if ((st = an_grow((void **)&rep->per_actor, &rep->cap_per_actor, i + 1,
                        sizeof *rep->per_actor)) != AN_OK)
        return st;
      rep->per_actor[i] = (frag){actor, NULL, 0, 0};
      rep->n_per_actor++;
    }
    frag *f = &rep->per_actor[i];
    if ((st = an_grow((void **)&f->labels, &f->cap, f->n + 1, sizeof *f->labels)) != AN_OK)
      return st;
    f->labels[f->n++] = label;
  }
  if (m->n_found > 1) {
    if ((st = an_grow((void **)&rep->overmerged, &rep->cap_overmerged, rep->n_overmerged + 1,
                      sizeof *rep->overmerged)) != AN_OK)
      return st;
    rep->overmerged[rep->n_overmerged++] = label;
  }
  return AN_OK;
}

an_status an_eval_graph(const an_eval_gold *g, FILE *in, const char *name, an_eval_report *rep,
                        an_error *err) {
  an_buf text;
  an_buf_init(&text);
  matcher m = {0};
  cJSON *root = NULL;
  an_status st = read_all(in, name, &text, err);
  if (st != AN_OK) goto done;
  root = parse_json(text.data, text.len);
  if (!cJSON_IsObject(root)) {
    st = an_error_set(err, AN_EDATA, name, 0, -1, "not a JSON object (node-link graph)");
    goto done;
  }
  const cJSON *nodes = get_last(root, "nodes");
  rep->has_graph = 1;
  rep->nodes = 0;
  if (nodes && !cJSON_IsArray(nodes) && !cJSON_IsObject(nodes)) {
    st = an_error_set(err, AN_EDATA, name, 0, -1, "\"nodes\" is not a list");
    goto done;
  }
  for (const cJSON *n = nodes ? nodes->child : NULL; n && st == AN_OK; n = n->next) {
    rep->nodes++;
    /* iterating a dict gives its keys, which label_of takes as labels */
    const char *label = cJSON_IsObject(nodes) ? n->string : label_of(n);
    st = graph_node(g, &m, rep, label);
  }
  if (st != AN_OK) {
    an_error_set(err, st, name, 0, -1, "%s", an_status_str(st));
    goto done;
  }
  rep->actors_found = rep->n_per_actor;
done:
  cJSON_Delete(root);
  matcher_free(&m);
  an_buf_free(&text);
  return st;
}

/* ------------------------------------------------------------------ */
/* Output, as Python prints it                                         */

/* json.dumps with ensure_ascii: \uXXXX for everything outside ' '..'~'. */
static an_status json_str(an_buf *b, const char *s) {
  an_status st = an_buf_putc(b, '"');
  size_t len = s ? strlen(s) : 0;
  for (size_t i = 0; i < len && st == AN_OK;) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"') st = an_buf_puts(b, "\\\""), i++;
    else if (c == '\\') st = an_buf_puts(b, "\\\\"), i++;
    else if (c == '\n') st = an_buf_puts(b, "\\n"), i++;
    else if (c == '\r') st = an_buf_puts(b, "\\r"), i++;
    else if (c == '\t') st = an_buf_puts(b, "\\t"), i++;
    else if (c == '\b') st = an_buf_puts(b, "\\b"), i++;
    else if (c == '\f') st = an_buf_puts(b, "\\f"), i++;
    else if (c >= 0x20 && c < 0x7f) st = an_buf_putc(b, (char)c), i++;
    else {
      utf8proc_int32_t cp;
      utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                            (utf8proc_ssize_t)(len - i), &cp);
      if (n <= 0) cp = 0xFFFD, n = 1;
      i += (size_t)n;
      if (cp >= 0x10000) {
        cp -= 0x10000;
        st = an_buf_printf(b, "\\u%04x\\u%04x", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
      } else {
        st = an_buf_printf(b, "\\u%04x", (unsigned)cp);
      }
    }
  }
  if (st == AN_OK) st = an_buf_putc(b, '"');
  return st;
}

/* A writer for json.dumps(indent=2): "," after items, ": " after keys,
 * empty containers as {} and []. */
typedef struct jw {
  an_buf *b;
  int depth;
  int empty[16];
  an_status st;
} jw;

static void jw_newline(jw *w) {
  if (w->st == AN_OK) w->st = an_buf_putc(w->b, '\n');
  for (int i = 0; i < w->depth && w->st == AN_OK; i++) w->st = an_buf_puts(w->b, "  ");
}

static void jw_item(jw *w) {
  if (w->depth > 0 && !w->empty[w->depth] && w->st == AN_OK) w->st = an_buf_putc(w->b, ',');
  if (w->depth > 0) {
    w->empty[w->depth] = 0;
    jw_newline(w);
  }
}

static void jw_key(jw *w, const char *key) {
  jw_item(w);
  if (w->st == AN_OK) w->st = json_str(w->b, key);
  if (w->st == AN_OK) w->st = an_buf_puts(w->b, ": ");
}

/* Opens a container: as a list item (key NULL inside a list), or as a
 * key's value. */
static void jw_open(jw *w, const char *key, char c) {
  if (key) jw_key(w, key);
  else jw_item(w);
  if (w->st == AN_OK) w->st = an_buf_putc(w->b, c);
  w->depth++;
  w->empty[w->depth] = 1;
}

static void jw_close(jw *w, char c) {
  int was_empty = w->empty[w->depth];
  w->depth--;
  if (!was_empty) jw_newline(w);
  if (w->st == AN_OK) w->st = an_buf_putc(w->b, c);
}

static void jw_uint(jw *w, const char *key, size_t v) {
  jw_key(w, key);
  if (w->st == AN_OK) w->st = an_buf_printf(w->b, "%zu", v);
}

/* repr() of a float that round(x, 3) made: the 3 decimals without
 * trailing zeros, but at least one ("1.0", "0.667"). */
static void fmt_float(char *out, size_t cap, double v) {
  snprintf(out, cap, "%.3f", v);
  size_t n = strlen(out);
  while (n > 0 && out[n - 1] == '0' && n >= 2 && out[n - 2] != '.') out[--n] = '\0';
}

static void jw_float(jw *w, const char *key, double v) {
  char tmp[64];
  fmt_float(tmp, sizeof tmp, v);
  jw_key(w, key);
  if (w->st == AN_OK) w->st = an_buf_puts(w->b, tmp);
}

static void jw_string(jw *w, const char *key, const char *s) {
  if (key) jw_key(w, key);
  else jw_item(w);
  if (w->st == AN_OK) w->st = s ? json_str(w->b, s) : an_buf_puts(w->b, "null");
}

static void jw_row(jw *w, const named_row *r) {
  jw_open(w, r->name, '{');
  jw_uint(w, "tp", r->row.tp);
  jw_uint(w, "fp", r->row.fp);
  jw_uint(w, "fn", r->row.fn);
  jw_float(w, "precision", r->row.precision);
  jw_float(w, "recall", r->row.recall);
  jw_float(w, "f1", r->row.f1);
  jw_close(w, '}');
}

static void jw_tuples(jw *w, const char *key, const tup *v, size_t n) {
  jw_open(w, key, '[');
  for (size_t i = 0; i < n; i++) {
    jw_open(w, NULL, '[');
    jw_string(w, NULL, v[i].doc);
    jw_string(w, NULL, v[i].type);
    jw_string(w, NULL, v[i].src);
    jw_string(w, NULL, v[i].dst);
    jw_close(w, ']');
  }
  jw_close(w, ']');
}

an_status an_eval_report_json(const an_eval_report *rep, an_buf *out) {
  jw w = {out, 0, {0}, AN_OK};
  jw_open(&w, NULL, '{');
  jw_uint(&w, "documents", rep->documents);
  jw_uint(&w, "predicted", rep->predicted);
  jw_uint(&w, "unknown_actor_events", rep->unknown);
  jw_open(&w, "by_type", '{');
  for (size_t i = 0; i < rep->n_types; i++) jw_row(&w, &rep->types[i]);
  jw_close(&w, '}');
  jw_row(&w, &rep->all);
  jw_row(&w, &rep->core);
  jw_open(&w, "dates", '{');
  jw_uint(&w, "gold_dated", rep->gold_dated);
  jw_uint(&w, "matched", rep->matched);
  jw_uint(&w, "correct", rep->correct);
  jw_close(&w, '}');
  jw_tuples(&w, "false_positives", rep->fp, rep->n_fp);
  jw_tuples(&w, "false_negatives", rep->fn, rep->n_fn);
  if (rep->has_graph) {
    jw_open(&w, "graph", '{');
    jw_uint(&w, "nodes", rep->nodes);
    jw_uint(&w, "gold_actors_found", rep->actors_found);
    jw_open(&w, "fragmented", '{');
    for (size_t i = 0; i < rep->n_per_actor; i++) {
      const frag *f = &rep->per_actor[i];
      if (f->n < 2) continue;
      jw_open(&w, f->actor, '[');
      for (size_t j = 0; j < f->n; j++) jw_string(&w, NULL, f->labels[j]);
      jw_close(&w, ']');
    }
    jw_close(&w, '}');
    jw_open(&w, "overmerged", '[');
    for (size_t i = 0; i < rep->n_overmerged; i++) jw_string(&w, NULL, rep->overmerged[i]);
    jw_close(&w, ']');
    jw_close(&w, '}');
  }
  jw_close(&w, '}');
  if (w.st == AN_OK) w.st = an_buf_putc(out, '\n');
  return w.st;
}

/* Python's str.isprintable() for one code point. */
static int py_printable(int32_t cp) {
  if (cp == ' ') return 1;
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_CC:
  case UTF8PROC_CATEGORY_CF:
  case UTF8PROC_CATEGORY_CS:
  case UTF8PROC_CATEGORY_CO:
  case UTF8PROC_CATEGORY_CN:
  case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP:
  case UTF8PROC_CATEGORY_ZS: return 0;
  default: return 1;
  }
}

/* Python's repr() of a str (score.py prints lists of labels with it). */
static an_status py_repr(an_buf *b, const char *s) {
  char q = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';
  an_status st = an_buf_putc(b, q);
  size_t len = strlen(s);
  for (size_t i = 0; i < len && st == AN_OK;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(len - i), &cp);
    int bad = n <= 0;
    if (bad) cp = 0xFFFD, n = 1;
    if (cp == q || cp == '\\') {
      char esc[2] = {'\\', (char)cp};
      st = an_buf_append(b, esc, 2);
    } else if (cp == '\t') st = an_buf_puts(b, "\\t");
    else if (cp == '\n') st = an_buf_puts(b, "\\n");
    else if (cp == '\r') st = an_buf_puts(b, "\\r");
    else if (cp < 0x20 || cp == 0x7f) st = an_buf_printf(b, "\\x%02x", (unsigned)cp);
    else if (cp < 0x7f) st = an_buf_putc(b, (char)cp);
    else if (py_printable(cp))
      st = bad ? an_buf_puts(b, "\xEF\xBF\xBD") : an_buf_append(b, s + i, (size_t)n);
    else if (cp <= 0xff) st = an_buf_printf(b, "\\x%02x", (unsigned)cp);
    else if (cp <= 0xffff) st = an_buf_printf(b, "\\u%04x", (unsigned)cp);
    else st = an_buf_printf(b, "\\U%08x", (unsigned)cp);
    i += (size_t)n;
  }
  if (st == AN_OK) st = an_buf_putc(b, q);
  return st;
}

/* f"{name:<10}": pads to 10 code points. */
static an_status pad_left(an_buf *b, const char *s, size_t width) {
  size_t cps = 0;
  for (const char *p = s; *p; p++) cps += ((unsigned char)*p & 0xC0) != 0x80;
  an_status st = an_buf_puts(b, s);
  for (; cps < width && st == AN_OK; cps++) st = an_buf_putc(b, ' ');
  return st;
}

static an_status text_row(an_buf *b, const named_row *r) {
  an_status st = pad_left(b, r->name, 10);
  if (st == AN_OK)
    st = an_buf_printf(b, " %4zu %4zu %4zu %6.3f %6.3f %6.3f\n", r->row.tp, r->row.fp, r->row.fn,
                       r->row.precision, r->row.recall, r->row.f1);
  return st;
}

static int frag_qcmp(const void *a, const void *b) {
  return strcmp((*(const frag *const *)a)->actor, (*(const frag *const *)b)->actor);
}

an_status an_eval_report_text(const an_eval_report *rep, an_buf *b) {
  an_status st = an_buf_printf(b, "%-10s %4s %4s %4s %6s %6s %6s\n", "type", "tp", "fp", "fn",
                               "prec", "rec", "f1");
  if (st == AN_OK) st = text_row(b, &rep->all);
  if (st == AN_OK) st = text_row(b, &rep->core);
  for (size_t i = 0; i < rep->n_types && st == AN_OK; i++) st = text_row(b, &rep->types[i]);
  static const char *const what[] = {"missed", "spurious"};
  for (int k = 0; k < 2 && st == AN_OK; k++) {
    const tup *v = k ? rep->fp : rep->fn;
    size_t n = k ? rep->n_fp : rep->n_fn;
    for (size_t i = 0; i < n && st == AN_OK; i++)
      st = an_buf_printf(b, "%s: %s %s %s %s\n", what[k], v[i].doc, v[i].type ? v[i].type : "None",
                         v[i].src, v[i].dst);
  }
  if (st == AN_OK && rep->has_graph) {
    size_t nfrag = 0;
    for (size_t i = 0; i < rep->n_per_actor; i++) nfrag += rep->per_actor[i].n > 1;
    st = an_buf_printf(b,
                       "graph: %zu nodes, %zu gold actors split over several nodes, %zu nodes "
                       "merging several\n",
                       rep->nodes, nfrag, rep->n_overmerged);
    const frag **sorted = an_malloc((nfrag ? nfrag : 1) * sizeof *sorted);
    if (!sorted && st == AN_OK) st = AN_ENOMEM;
    if (st == AN_OK) {
      size_t k = 0;
      for (size_t i = 0; i < rep->n_per_actor; i++)
        if (rep->per_actor[i].n > 1) sorted[k++] = &rep->per_actor[i];
      if (nfrag) qsort(sorted, nfrag, sizeof *sorted, frag_qcmp);
      for (size_t i = 0; i < nfrag && st == AN_OK; i++) {
        st = an_buf_printf(b, "split: %s: [", sorted[i]->actor);
        for (size_t j = 0; j < sorted[i]->n && st == AN_OK; j++) {
          if (j) st = an_buf_puts(b, ", ");
          if (st == AN_OK) st = py_repr(b, sorted[i]->labels[j]);
        }
        if (st == AN_OK) st = an_buf_puts(b, "]\n");
      }
    }
    an_free(sorted);
    for (size_t i = 0; i < rep->n_overmerged && st == AN_OK; i++)
      st = an_buf_printf(b, "merged: %s\n", rep->overmerged[i]);
  }
  if (st == AN_OK)
    st = an_buf_printf(b,
                       "dates: %zu of %zu found events that carry a gold date have it right "
                       "(%zu required gold events carry a date)\n",
                       rep->correct, rep->matched, rep->gold_dated);
  if (st == AN_OK)
    st = an_buf_printf(b, "core F1: %.3f  all F1: %.3f\n", rep->core.row.f1, rep->all.row.f1);
  return st;
}
