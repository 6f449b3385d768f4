/* model.c: reads events JSONL into an an_model and joins actor sightings
 * across documents. Every merge rule is order-free (sums, sets, then the
 * smallest string on ties), so shards added in any order give one model. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <utf8proc.h>

#include "actors/registry.h"
#include "core/core.h"
#include "core/scan.h"
#include "graph/graph_internal.h"
#include "io/json.h"

#define NONE ((size_t)-1)
/* Event records stay in memory up to this size, then go to a temporary file. */
#define AN_SPILL_MEM_LIMIT ((size_t)4 << 20)

/* A sighting's aliases: the same actor lists the same aliases in document
 * after document, so each content is stored once in the pool (no malloc
 * per sighting) and equal lists are one pointer. */
typedef struct arrslot {
  uint64_t h;
  const char **a; /* NULL: empty */
  size_t n;
} arrslot;

struct an_arrset {
  arrslot *slots;
  size_t cap, count;
};

an_status an_model_new(an_model **out, an_error *err) {
  an_model *m = an_calloc(1, sizeof *m);
  *out = m;
  if (!m) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  an_strpool_init(&m->pool);
  an_strmap_init(&m->doc_index);
  an_spill_init(&m->spill, AN_SPILL_MEM_LIMIT);
  an_strmap_init(&m->actor_index);
  an_pairmap_init(&m->obs_index);
  m->joined = 1;
  return AN_OK;
}

static void free_actors(an_model *m) {
  for (size_t i = 0; i < m->n_actors; i++) {
    an_free(m->actors[i].aliases);
    an_free(m->actors[i].docs);
    an_free(m->actors[i].affiliations);
  }
  an_free(m->actors);
  an_free(m->obs_actor);
  m->actors = NULL;
  m->obs_actor = NULL;
  m->n_actors = 0;
  an_strmap_free(&m->actor_index);
}

void an_model_free(an_model *m) {
  if (!m) return;
  free_actors(m);
  if (m->alias_sets) an_free(m->alias_sets->slots);
  an_free(m->alias_sets);
  an_free(m->obs);
  an_free(m->affs);
  an_spill_free(&m->spill);
  an_free(m->ev_index.slots);
  an_free(m->docs);
  an_strmap_free(&m->doc_index);
  an_pairmap_free(&m->obs_index);
  an_strpool_free(&m->pool);
  an_free(m);
}

size_t an_model_doc_count(const an_model *m) { return m ? m->n_docs : 0; }
size_t an_model_event_count(const an_model *m) { return m ? m->n_events : 0; }
size_t an_model_actor_count(const an_model *m) { return m ? m->n_actors : 0; }

/* ---- string cleaning ---- */

/* Whether the n bytes at s are printable ASCII (then clean as they are). */
static int plain_ascii(const char *s, size_t n) { return an_find_outside(s, n, 0x20, 0x7E) == n; }

/* Copies s into b as valid UTF-8 without C0 controls (but tab, CR, LF),
 * DEL, C1 controls or noncharacters: none of them is allowed in XML 1.0
 * and igraph's writer fails on them (formats.md section 2).
 * s: n bytes, no NUL among them. */
static an_status clean_into(an_buf *b, const char *s, size_t len) {
  an_buf_clear(b);
  /* Fast path: printable ASCII needs no decoding. */
  if (plain_ascii(s, len)) return an_buf_append(b, s, len);
  an_status st = an_buf_reserve(b, len + 1);
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
  utf8proc_ssize_t left = (utf8proc_ssize_t)len;
  while (st == AN_OK && left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      n = 1;
      cp = 0xFFFD;
    }
    p += n, left -= n;
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp < 0xA0) ||
        cp == 0xFFFE || cp == 0xFFFF)
      continue;
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t ne = utf8proc_encode_char(cp, enc);
    st = an_buf_append(b, enc, (size_t)ne);
  }
  if (st == AN_OK) b->data[b->len] = '\0'; /* reserve made room; nothing appended yet maybe */
  return st;
}

/* Everything an event line gives that needs no model: its strings
 * cleaned and hashed, its record (an_evrec) made but for the pool numbers
 * and sightings. Parsing threads digest their lines, so the one thread
 * that applies them to the model only looks strings up and appends. */
typedef struct dstr {
  const char *s; /* the cleaned bytes in the input or the JSON arena; NULL: see off */
  size_t off;    /* s NULL: 0 = no string, else 1 + its offset in the digest's text */
  size_t n;
  uint64_t h; /* an_strhash */
} dstr;

enum { D_DOC, D_TYPE, D_DATE, D_DATE_TEXT, D_OUTLET, D_URL, D_ATTRIB, D_TRIGGER, D_CAMEO, D_PLOVER, D_SID, D_SLABEL,
       D_SKIND, D_TID, D_TLABEL, D_TKIND, D_N };

typedef struct pevent {
  dstr f[D_N];
  size_t rec;       /* its record's offset in the digest's recs (has_type only) */
  uint64_t id_hash; /* an_hash64 of the record's id */
  an_status st;     /* ENOMEM or ELIMIT while digesting */
  int has_type;
} pevent;

/* A document record's actor, affiliation, and the record. */
typedef struct dactor {
  dstr id, label, kind, country, key;
  long mentions;
  size_t alias0, n_aliases; /* its aliases: als[alias0 ..] */
  size_t n_alias_items;     /* the "aliases" array's items (strings or not) */
} dactor;

typedef struct daff {
  dstr person, org, role;
} daff;

typedef struct pdoc {
  dstr id, date, outlet, url, title;
  size_t actor0, n_actors, aff0, n_affs;
  int nomem;
} pdoc;

typedef struct digest {
  an_buf text; /* cleaned strings that are not in the input as they are */
  an_buf recs; /* the records, one after another */
  an_buf tmp;
  pevent *evs;
  size_t n_evs, cap_evs;
  pdoc *docs;
  size_t n_docs, cap_docs;
  dactor *acts;
  size_t n_acts, cap_acts;
  dstr *als;
  size_t n_als, cap_als;
  daff *affs;
  size_t n_affs, cap_affs;
} digest;

/* A loader's cache of recently interned strings (direct-mapped by hash):
 * the few values that repeat on every line (types, dates, outlets, the
 * current document's id and actors) skip the pool's table, which on large
 * inputs is far bigger than the caches. */
#define ICACHE_SMALL 1024     /* one call of an_model_feed (often one document) */
#define ICACHE_LARGE (1u << 16) /* a feeder (a whole file): every actor's strings */
typedef struct icache {
  uint64_t h;
  const char *p; /* the pool's copy; NULL: empty */
  uint32_t n, ix;
} icache;

/* The same for sightings: (actor id, document) -> sighting. An event's
 * endpoints were mostly just listed by its document's record. */
#define SCACHE 4096
typedef struct scache {
  const char *id, *doc; /* id NULL: empty */
  size_t obs;
} scache;

/* Whether the n bytes at a and b are equal (short strings: no call). */
static inline int eq_bytes(const char *a, const char *b, size_t n) {
  while (n >= 8) {
    uint64_t x, y;
    memcpy(&x, a, 8);
    memcpy(&y, b, 8);
    if (x != y) return 0;
    a += 8, b += 8, n -= 8;
  }
  while (n--)
    if (*a++ != *b++) return 0;
  return 1;
}

typedef struct loader {
  icache *ic;    /* NULL: no cache (no memory for it) */
  size_t ic_mask;
  scache sc[SCACHE];
  an_model *m;
  an_jreader json;
  digest dg; /* the line being applied (single-line feeding) */
  const char **alias_tmp; /* an actor's aliases before interning */
  size_t cap_alias_tmp;
  an_buf old; /* a stored record read back (repeated ids) */
  an_status st;
} loader;

/* A string value: its bytes (NUL-terminated) and length; s NULL for none. */
typedef struct sv {
  const char *s;
  size_t n;
} sv;

static const sv NO_SV = {NULL, 0};

static sv sv_of(const an_jv *v) {
  sv r = NO_SV;
  if (v && v->type == AN_J_STRING) r.s = v->str, r.n = v->len;
  return r;
}

static sv sv_nonempty(sv v) { return v.s && v.n ? v : NO_SV; }

static int sv_is(sv v, const char *lit) { return v.s && v.n == strlen(lit) && memcmp(v.s, lit, v.n) == 0; }

static sv sv_c(const char *s) {
  sv r = {s, s ? strlen(s) : 0};
  return r;
}

#define JKEY(k) k, sizeof k - 1
static sv jstr(const an_jv *o, const char *key, size_t klen) { return sv_of(an_jget(o, key, klen)); }
static sv jstr_nonempty(const an_jv *o, const char *key, size_t klen) {
  return sv_nonempty(jstr(o, key, klen));
}

/* An event record's fields, found in one pass over its keys (the first of
 * a repeated key, as cJSON_GetObjectItemCaseSensitive): an event has some
 * twenty keys, and lookups by name would scan them again for each. */
enum { F_RECORD, F_ID, F_DOC, F_TYPE, F_SOURCE, F_TARGET, F_DIRECTED, F_DATE, F_DATE_TEXT, F_OUTLET, F_URL,
       F_ATTRIB, F_SENTENCE, F_OFFSETS, F_TRIGGER, F_CONFIDENCE, F_CAMEO, F_PLOVER, F_N };
static const char *const field_names[F_N] = {"record", "id", "doc", "type", "source", "target", "directed", "date",
                                             "date_text", "outlet", "url", "attributed_to", "sentence", "offsets",
                                             "trigger", "confidence", "cameo", "plover"};

typedef struct fields {
  const an_jv *v[F_N];
} fields;

static const unsigned char field_lens[F_N] = {6, 2, 3, 4, 6, 6, 8, 4, 9, 6, 3, 13, 8, 7, 7, 10, 5, 6};

static void fields_of(const an_jv *o, fields *f) {
  memset(f, 0, sizeof *f);
  for (const an_jv *c = o->child; c && c->key; c = c->next) {
    if (!c->key_len) continue;
    for (int k = 0; k < F_N; k++)
      if (c->key[0] == field_names[k][0] && field_lens[k] == c->key_len &&
          memcmp(c->key, field_names[k], c->key_len) == 0) {
        if (!f->v[k]) f->v[k] = c;
        break;
      }
  }
}

static sv fstr(const fields *f, int k) { return sv_of(f->v[k]); }
static sv fstr_nonempty(const fields *f, int k) { return sv_nonempty(fstr(f, k)); }

int an_relation_symmetric(const char *type) {
  return type && (strcmp(type, "call") == 0 || strcmp(type, "meet") == 0);
}

/* ---- sightings ---- */

/* The sighting of actor `id` in `doc` (both interned), created if new:
 * one per (doc, id). */
static an_mobs *sighting(loader *L, const char *doc, const char *id) {
  an_model *m = L->m;
  uint64_t ch = an_hash_finish((uint64_t)(uintptr_t)id * 0x9e3779b97f4a7c15ull ^ (uint64_t)(uintptr_t)doc);
  scache *c = &L->sc[ch & (SCACHE - 1)];
  if (c->id == id && c->doc == doc) return &m->obs[c->obs];
  size_t i = an_pairmap_get(&m->obs_index, id, doc);
  if (i != NONE) {
    c->id = id, c->doc = doc, c->obs = i;
    return &m->obs[i];
  }
  if ((L->st = an_grow((void **)&m->obs, &m->cap_obs, m->n_obs + 1, sizeof *m->obs)) != AN_OK ||
      (L->st = an_pairmap_put(&m->obs_index, id, doc, m->n_obs)) != AN_OK)
    return NULL;
  c->id = id, c->doc = doc, c->obs = m->n_obs;
  an_mobs *o = &m->obs[m->n_obs++];
  memset(o, 0, sizeof *o);
  o->id = id;
  o->doc = doc;
  m->joined = 0;
  return o;
}

static size_t find_sighting(const an_model *m, const char *doc, const char *id) {
  return an_pairmap_get(&m->obs_index, id, doc);
}

static int nullcmp(const char *a, const char *b) {
  if (a == b) return 0; /* (pool strings: often the same pointer) */
  if (!a || !b) return (a == NULL) - (b == NULL); /* a value sorts before none */
  return strcmp(a, b);
}

/* Order-free choice between two records of one actor in one document: more
 * mentions, then the smaller label, kind, country, key and aliases. */
static int better_record(const an_mobs *a, const an_mobs *b) {
  if (a->mentions != b->mentions) return a->mentions > b->mentions;
  int c = nullcmp(a->label, b->label);
  if (!c) c = nullcmp(a->kind, b->kind);
  if (!c) c = nullcmp(a->country, b->country);
  if (!c) c = nullcmp(a->key, b->key);
  if (!c && a->n_aliases != b->n_aliases) c = a->n_aliases < b->n_aliases ? -1 : 1;
  for (size_t i = 0; !c && i < a->n_aliases; i++) c = strcmp(a->aliases[i], b->aliases[i]);
  return c < 0;
}

/* Order-free choice between two records of one document id: the one with
 * more fields set, then the smaller date, outlet, url, title. */
static int better_doc(const an_mdoc *a, const an_mdoc *b) {
  int na = !!a->date + !!a->outlet + !!a->url + !!a->title, nb = !!b->date + !!b->outlet + !!b->url + !!b->title;
  if (na != nb) return na > nb;
  int c = nullcmp(a->date, b->date);
  if (!c) c = nullcmp(a->outlet, b->outlet);
  if (!c) c = nullcmp(a->url, b->url);
  if (!c) c = nullcmp(a->title, b->title);
  return c < 0;
}

static int cmp_num(double a, double b) { return (a > b) - (a < b); }

/* A total order on event contents (all but the id): picks one of two
 * records that repeat an id. */
static int cmp_event_content(const an_mevent *a, const an_mevent *b) {
  const char *const sa[] = {a->doc, a->type, a->source, a->target, a->date, a->date_text, a->outlet, a->url,
                            a->attributed_to, a->trigger, a->cameo, a->plover, a->sentence};
  const char *const sb[] = {b->doc, b->type, b->source, b->target, b->date, b->date_text, b->outlet, b->url,
                            b->attributed_to, b->trigger, b->cameo, b->plover, b->sentence};
  for (size_t i = 0; i < sizeof sa / sizeof sa[0]; i++) {
    int c = nullcmp(sa[i], sb[i]);
    if (c) return c;
  }
  int c = cmp_num((double)a->off_start, (double)b->off_start);
  if (!c) c = cmp_num((double)a->off_end, (double)b->off_end);
  if (!c) c = cmp_num(a->confidence, b->confidence);
  if (!c) c = a->directed - b->directed;
  if (!c) c = a->src_obs != b->src_obs ? (a->src_obs < b->src_obs ? -1 : 1) : 0; /* same doc and ids: same sighting */
  return c;
}

void an_mevent_decode(const an_model *m, const unsigned char *rec, an_mevent *ev) {
  an_evrec h;
  memcpy(&h, rec, sizeof h);
  const an_strpool *p = &m->pool;
  ev->doc = an_strpool_at(p, h.str[AN_EV_DOC]);
  ev->doc_ix = h.str[AN_EV_DOC];
  ev->type = an_strpool_at(p, h.str[AN_EV_TYPE]);
  ev->source = an_strpool_at(p, h.str[AN_EV_SOURCE]);
  ev->target = an_strpool_at(p, h.str[AN_EV_TARGET]);
  ev->date = an_strpool_at(p, h.str[AN_EV_DATE]);
  ev->date_text = an_strpool_at(p, h.str[AN_EV_DATE_TEXT]);
  ev->outlet = an_strpool_at(p, h.str[AN_EV_OUTLET]);
  ev->url = an_strpool_at(p, h.str[AN_EV_URL]);
  ev->attributed_to = an_strpool_at(p, h.str[AN_EV_ATTRIB]);
  ev->trigger = an_strpool_at(p, h.str[AN_EV_TRIGGER]);
  ev->cameo = an_strpool_at(p, h.str[AN_EV_CAMEO]);
  ev->plover = an_strpool_at(p, h.str[AN_EV_PLOVER]);
  ev->src_obs = h.src_obs;
  ev->tgt_obs = h.tgt_obs;
  ev->id = (const char *)rec + sizeof h;
  ev->sentence = h.sent_len == UINT32_MAX ? NULL : (const char *)rec + sizeof h + h.id_len + 1;
  ev->off_start = (long)h.off_start;
  ev->off_end = (long)h.off_end;
  ev->confidence = h.confidence;
  ev->directed = (h.flags & AN_EVREC_DIRECTED) != 0;
}

/* Appends the record rec (len bytes, its id's an_hash64 hash) to the
 * spill, unless its id is there already: then the smaller content of the
 * two stays (order-free). */
static an_status store_event(loader *L, const unsigned char *rec, size_t len, uint64_t hash) {
  an_model *m = L->m;
  an_evindex *x = &m->ev_index;
  an_evrec h;
  memcpy(&h, rec, sizeof h);
  const char *id = (const char *)rec + sizeof h;
  if ((x->count + 1) * 10 >= x->cap * 7) { /* grow the index */
    size_t ncap = x->cap ? x->cap * 2 : 1024;
    an_evslot *ns = an_calloc(ncap, sizeof *ns);
    if (!ns) return AN_ENOMEM;
    for (size_t i = 0; i < x->cap; i++) {
      if (!x->slots[i].off) continue;
      size_t j = (size_t)x->slots[i].hash & (ncap - 1);
      while (ns[j].off) j = (j + 1) & (ncap - 1);
      ns[j] = x->slots[i];
    }
    an_free(x->slots);
    x->slots = ns, x->cap = ncap;
  }
  size_t i = (size_t)hash & (x->cap - 1);
  for (; x->slots[i].off; i = (i + 1) & (x->cap - 1)) {
    an_evslot *e = &x->slots[i];
    if (e->hash != hash) continue;
    an_status st = an_spill_read(&m->spill, e->off - 1, &L->old);
    if (st != AN_OK) return st;
    an_evrec oh;
    memcpy(&oh, L->old.data, sizeof oh);
    if (oh.id_len != h.id_len || memcmp(L->old.data + sizeof oh, id, h.id_len) != 0) continue;
    /* The same event from another shard, or an id repeated with other
     * content: the smaller content wins, whatever came first. */
    an_mevent a, b;
    an_mevent_decode(m, rec, &a);
    an_mevent_decode(m, (const unsigned char *)L->old.data, &b);
    if (cmp_event_content(&a, &b) >= 0) return AN_OK;
    uint64_t off;
    if ((st = an_spill_set_flags(&m->spill, e->off - 1, oh.flags | AN_EVREC_DEAD)) != AN_OK ||
        (st = an_spill_append(&m->spill, rec, len, &off)) != AN_OK)
      return st;
    e->off = off + 1;
    m->joined = 0;
    return AN_OK;
  }
  uint64_t off;
  an_status st = an_spill_append(&m->spill, rec, len, &off);
  if (st != AN_OK) return st;
  x->slots[i].hash = hash;
  x->slots[i].off = off + 1;
  x->count++;
  m->n_events++;
  m->joined = 0;
  return AN_OK;
}

/* ---- events: digested (pure, on a parsing thread), then applied ---- */

static void digest_init(digest *D) {
  memset(D, 0, sizeof *D);
  an_buf_init(&D->text);
  an_buf_init(&D->recs);
  an_buf_init(&D->tmp);
}

static void digest_free(digest *D) {
  an_buf_free(&D->text);
  an_buf_free(&D->recs);
  an_buf_free(&D->tmp);
  an_free(D->evs);
  an_free(D->docs);
  an_free(D->acts);
  an_free(D->als);
  an_free(D->affs);
}

static void digest_reset(digest *D) {
  an_buf_clear(&D->text);
  an_buf_clear(&D->recs);
  D->n_evs = D->n_docs = D->n_acts = D->n_als = D->n_affs = 0;
}

static int dstr_has(const dstr *d) { return d->s || d->off; }

/* d: the n bytes at s copied into the digest's text. */
static an_status dstr_copy(digest *D, dstr *d, const char *s, size_t n) {
  d->s = NULL;
  d->off = D->text.len + 1;
  d->n = n;
  d->h = an_strhash(s, n);
  return an_buf_append(&D->text, s, n);
}

/* d: v cleaned (clean_into), or no string. */
static an_status dstr_set(digest *D, dstr *d, sv v) {
  memset(d, 0, sizeof *d);
  if (!v.s) return AN_OK;
  if (plain_ascii(v.s, v.n)) {
    d->s = v.s, d->n = v.n, d->h = an_strhash(v.s, v.n);
    return AN_OK;
  }
  an_status st = clean_into(&D->tmp, v.s, v.n);
  return st != AN_OK ? st : dstr_copy(D, d, D->tmp.data, D->tmp.len);
}

static const char *dstr_bytes(const digest *D, const dstr *d) { return d->s ? d->s : D->text.data + d->off - 1; }

/* An ISO date at its precision: YYYY, YYYY-MM or YYYY-MM-DD (a time part
 * is cut off: a prefix of v itself); anything else is no date. */
static void dstr_date(dstr *d, sv v) {
  memset(d, 0, sizeof *d);
  const char *s = v.s;
  if (!s) return;
  size_t n = 0;
  static const char shape[] = "dddd-dd-dd";
  for (; n < 10 && n < v.n; n++)
    if (shape[n] == 'd' ? (s[n] < '0' || s[n] > '9') : s[n] != '-') break;
  if (!(n == 4 || n == 7 || n == 10)) return;
  if (n < v.n && s[n] != 'T' && s[n] != ' ') return;
  d->s = s, d->n = n, d->h = an_strhash(s, n);
}

/* An event endpoint: its "id", else a slug of its label; label and kind. */
static an_status digest_endpoint(digest *D, const an_jv *o, dstr *id, dstr *label, dstr *kind) {
  sv sid = NO_SV, lab = NO_SV, knd = NO_SV;
  if (o && o->type == AN_J_STRING) {
    sid = sv_of(o);
  } else if (o && o->type == AN_J_OBJECT) {
    sid = jstr_nonempty(o, JKEY("id"));
    lab = jstr_nonempty(o, JKEY("label"));
    knd = jstr_nonempty(o, JKEY("kind"));
  }
  memset(id, 0, sizeof *id);
  an_status st = dstr_set(D, label, lab);
  if (st == AN_OK) st = dstr_set(D, kind, knd);
  if (st != AN_OK) return st;
  if ((!sid.s || !sid.n) && lab.s) {
    char slug[256];
    an_buf_clear(&D->tmp); /* the label as a C string */
    if ((st = an_buf_append(&D->tmp, lab.s, lab.n)) != AN_OK) return st;
    if (an_slugify(D->tmp.data, slug, sizeof slug) == AN_OK && slug[0]) {
      size_t n = strlen(slug);
      if (plain_ascii(slug, n)) return dstr_copy(D, id, slug, n);
      if ((st = clean_into(&D->tmp, slug, n)) != AN_OK) return st;
      return dstr_copy(D, id, D->tmp.data, D->tmp.len);
    }
  }
  if (!sid.s || !sid.n) return AN_OK;
  return dstr_set(D, id, sid);
}

/* Appends v, cleaned, and a NUL to the record buffer; *len its cleaned length. */
static an_status rec_append_clean(digest *D, sv v, uint32_t *len) {
  const char *p = v.s;
  size_t n = v.n;
  if (!plain_ascii(v.s, v.n)) {
    an_status st = clean_into(&D->tmp, v.s, v.n);
    if (st != AN_OK) return st;
    p = D->tmp.data, n = D->tmp.len;
  }
  if (n >= UINT32_MAX / 2) return AN_ELIMIT;
  *len = (uint32_t)n;
  an_status st = an_buf_append(&D->recs, p, n);
  return st == AN_OK ? an_buf_putc(&D->recs, '\0') : st;
}

/* Digests an event line (its fields F) into D; NULL on ENOMEM. */
static pevent *digest_event(digest *D, const fields *F) {
  if (an_grow((void **)&D->evs, &D->cap_evs, D->n_evs + 1, sizeof *D->evs) != AN_OK) return NULL;
  pevent *P = &D->evs[D->n_evs++];
  memset(P, 0, sizeof *P);
  an_status st = dstr_set(D, &P->f[D_DOC], fstr_nonempty(F, F_DOC));
  if (st == AN_OK) st = dstr_set(D, &P->f[D_TYPE], fstr_nonempty(F, F_TYPE));
  P->has_type = dstr_has(&P->f[D_TYPE]);
  if (st != AN_OK || !P->has_type) {
    P->st = st;
    return P;
  }
  const an_jv *offs = F->v[F_OFFSETS];
  long o0 = -1, o1 = -1;
  if (offs && offs->type == AN_J_ARRAY && an_jcount(offs) == 2) {
    const an_jv *a = offs->child, *b = offs->child->next;
    /* a range check first: casting an out-of-range double is undefined */
    if (a->type == AN_J_NUMBER && b->type == AN_J_NUMBER && a->num >= 0 && b->num >= 0 && a->num < 9e15 &&
        b->num < 9e15)
      o0 = (long)a->num, o1 = (long)b->num;
  }
  const dstr *dd = &P->f[D_DOC], *dt = &P->f[D_TYPE];
  const char *type = dstr_bytes(D, dt);
  sv id = fstr_nonempty(F, F_ID);
  char hex[17];
  const an_jv *so = F->v[F_SOURCE];
  const an_jv *to = F->v[F_TARGET];
  if (!id.s) { /* the contract's id: a hash of doc, type, source, target, offsets */
    sv sid = so && so->type == AN_J_OBJECT ? jstr(so, JKEY("id")) : NO_SV;
    sv tid = to && to->type == AN_J_OBJECT ? jstr(to, JKEY("id")) : NO_SV;
    an_buf_clear(&D->tmp);
    st = an_buf_printf(&D->tmp, "%.*s|%.*s|%.*s|%.*s|%ld|%ld", (int)dd->n, dstr_has(dd) ? dstr_bytes(D, dd) : "",
                       (int)dt->n, type, (int)sid.n, sid.s ? sid.s : "", (int)tid.n, tid.s ? tid.s : "", o0, o1);
    if (st != AN_OK) {
      P->st = st;
      return P;
    }
    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)an_hash64(D->tmp.data, D->tmp.len, 0));
    id = sv_c(hex);
  }
  if (st == AN_OK) st = digest_endpoint(D, so, &P->f[D_SID], &P->f[D_SLABEL], &P->f[D_SKIND]);
  if (st == AN_OK) st = digest_endpoint(D, to, &P->f[D_TID], &P->f[D_TLABEL], &P->f[D_TKIND]);
  dstr_date(&P->f[D_DATE], fstr(F, F_DATE));
  static const int plain[][2] = {{D_DATE_TEXT, F_DATE_TEXT}, {D_OUTLET, F_OUTLET}, {D_URL, F_URL},
                                 {D_ATTRIB, F_ATTRIB},       {D_TRIGGER, F_TRIGGER}, {D_CAMEO, F_CAMEO},
                                 {D_PLOVER, F_PLOVER}};
  for (size_t k = 0; st == AN_OK && k < sizeof plain / sizeof plain[0]; k++)
    st = dstr_set(D, &P->f[plain[k][0]], fstr_nonempty(F, plain[k][1]));
  an_evrec h;
  memset(&h, 0, sizeof h);
  h.off_start = o0;
  h.off_end = o1;
  const an_jv *conf = F->v[F_CONFIDENCE];
  h.confidence = conf && conf->type == AN_J_NUMBER ? conf->num : -1;
  const an_jv *dir = F->v[F_DIRECTED];
  int is_bool = dir && (dir->type == AN_J_TRUE || dir->type == AN_J_FALSE);
  int sym = dt->n == 4 && (memcmp(type, "call", 4) == 0 || memcmp(type, "meet", 4) == 0); /* an_relation_symmetric */
  if (is_bool ? dir->type == AN_J_TRUE : !sym) h.flags |= AN_EVREC_DIRECTED;
  /* id and sentence, cleaned, after the fixed part (records stay 8-aligned) */
  an_buf *r = &D->recs;
  size_t at = r->len;
  P->rec = at;
  if (st == AN_OK) st = an_buf_reserve(r, sizeof h);
  if (st == AN_OK) {
    r->len += sizeof h;
    st = rec_append_clean(D, id, &h.id_len);
  }
  sv sent = fstr(F, F_SENTENCE);
  h.sent_len = UINT32_MAX;
  if (st == AN_OK && sent.s) st = rec_append_clean(D, sent, &h.sent_len);
  while (st == AN_OK && r->len % 8) st = an_buf_putc(r, '\0');
  if (st == AN_OK && r->len - at > UINT32_MAX) st = AN_ELIMIT;
  if (st == AN_OK) {
    h.len = (uint32_t)(r->len - at);
    memcpy(r->data + at, &h, sizeof h);
    P->id_hash = an_hash64(r->data + at + sizeof h, h.id_len, 0);
  }
  P->st = st;
  return P;
}

/* The pool's copy of a digested string (NULL: none); *ix its number. */
static const char *pool_dstr(loader *L, const digest *D, const dstr *d, uint32_t *ix) {
  if (ix) *ix = 0;
  if (!dstr_has(d) || L->st != AN_OK) return NULL;
  const char *s = dstr_bytes(D, d);
  icache *c = L->ic ? &L->ic[(d->h ^ (d->h >> 23)) & L->ic_mask] : NULL;
  if (c && c->p && c->h == d->h && c->n == d->n && eq_bytes(c->p, s, d->n)) {
    if (ix) *ix = c->ix;
    return c->p;
  }
  uint32_t x = 0;
  const char *p = an_strpool_intern_nh(&L->m->pool, s, d->n, d->h, &x, &L->st);
  if (c && p && d->n < UINT32_MAX) c->h = d->h, c->p = p, c->n = (uint32_t)d->n, c->ix = x;
  if (ix && p) *ix = x;
  return p;
}

/* The sighting of an event endpoint (created if new); NULL without an id. */
static const char *apply_endpoint(loader *L, const digest *D, const dstr *id, const dstr *label, const dstr *kind,
                                  const char *doc, size_t *obs, uint32_t *ix) {
  if (!dstr_has(id)) return NULL;
  const char *iid = pool_dstr(L, D, id, ix);
  an_mobs *s = iid ? sighting(L, doc, iid) : NULL;
  if (!s) return NULL;
  *obs = (size_t)(s - L->m->obs);
  s->mentions += s->has_record ? 0 : 1; /* event-only sightings count events */
  if (!s->has_record) {
    /* Order-free: keep the smallest label/kind an event gives. */
    const char *l = pool_dstr(L, D, label, NULL), *k = pool_dstr(L, D, kind, NULL);
    if (l && (!s->label || strcmp(l, s->label) < 0)) s->label = l;
    if (k && (!s->kind || strcmp(k, s->kind) < 0)) s->kind = k;
  }
  return iid;
}

/* A digested event into the model: the same checks, in the same order,
 * as when one function did both. */
static an_status apply_event(loader *L, digest *D, const pevent *P, const char *path, long line, an_error *err) {
  an_evrec h;
  memset(&h, 0, sizeof h);
  const char *doc = pool_dstr(L, D, &P->f[D_DOC], &h.str[AN_EV_DOC]);
  pool_dstr(L, D, &P->f[D_TYPE], &h.str[AN_EV_TYPE]);
  if (L->st != AN_OK) return an_error_set(err, L->st, path, line, -1, "out of memory");
  if (!P->has_type && P->st == AN_OK)
    return an_error_set(err, AN_EDATA, path, line, -1, "event record without a \"type\"");
  if (P->st == AN_ENOMEM) return an_error_set(err, P->st, path, line, -1, "out of memory");
  size_t so_i = NONE, to_i = NONE;
  const char *src = apply_endpoint(L, D, &P->f[D_SID], &P->f[D_SLABEL], &P->f[D_SKIND], doc, &so_i,
                                   &h.str[AN_EV_SOURCE]);
  const char *tgt = apply_endpoint(L, D, &P->f[D_TID], &P->f[D_TLABEL], &P->f[D_TKIND], doc, &to_i,
                                   &h.str[AN_EV_TARGET]);
  if (L->st != AN_OK) return an_error_set(err, L->st, path, line, -1, "out of memory");
  if (!src || !tgt) return an_error_set(err, AN_EDATA, path, line, -1, "event record without a source or target id");
  if (so_i > UINT32_MAX - 1 || to_i > UINT32_MAX - 1)
    return an_error_set(err, AN_ELIMIT, path, line, -1, "more than 4 billion actor sightings");
  an_status st = P->st;
  if (st == AN_ELIMIT) return an_error_set(err, st, path, line, -1, "event record too large");
  h.src_obs = (uint32_t)so_i;
  h.tgt_obs = (uint32_t)to_i;
  static const int strs[][2] = {{D_DATE, AN_EV_DATE},       {D_DATE_TEXT, AN_EV_DATE_TEXT}, {D_OUTLET, AN_EV_OUTLET},
                                {D_URL, AN_EV_URL},         {D_ATTRIB, AN_EV_ATTRIB},       {D_TRIGGER, AN_EV_TRIGGER},
                                {D_CAMEO, AN_EV_CAMEO},     {D_PLOVER, AN_EV_PLOVER}};
  for (size_t k = 0; k < sizeof strs / sizeof strs[0]; k++) pool_dstr(L, D, &P->f[strs[k][0]], &h.str[strs[k][1]]);
  if (L->st != AN_OK) return an_error_set(err, L->st, path, line, -1, "out of memory");
  /* the record: the digest's, with the pool numbers and sightings */
  unsigned char *rec = (unsigned char *)D->recs.data + P->rec;
  an_evrec dh;
  memcpy(&dh, rec, sizeof dh);
  memcpy(dh.str, h.str, sizeof dh.str);
  dh.src_obs = h.src_obs;
  dh.tgt_obs = h.tgt_obs;
  memcpy(rec, &dh, sizeof dh);
  st = store_event(L, rec, dh.len, P->id_hash);
  if (st == AN_EIO) return an_error_set(err, st, path, line, -1, "cannot write the events' temporary file (in $TMPDIR, else /tmp)");
  if (st != AN_OK) return an_error_set(err, st, path, line, -1, "out of memory");
  return AN_OK;
}

/* ---- document records: digested, then applied ---- */

/* Digests a document line (its object rec) into D; NULL on ENOMEM. */
static pdoc *digest_document(digest *D, const an_jv *rec) {
  if (an_grow((void **)&D->docs, &D->cap_docs, D->n_docs + 1, sizeof *D->docs) != AN_OK) return NULL;
  pdoc *Q = &D->docs[D->n_docs++];
  memset(Q, 0, sizeof *Q);
  an_status st = dstr_set(D, &Q->id, jstr_nonempty(rec, JKEY("id")));
  dstr_date(&Q->date, jstr(rec, JKEY("date")));
  if (st == AN_OK) st = dstr_set(D, &Q->outlet, jstr_nonempty(rec, JKEY("outlet")));
  if (st == AN_OK) st = dstr_set(D, &Q->url, jstr_nonempty(rec, JKEY("url")));
  if (st == AN_OK) st = dstr_set(D, &Q->title, jstr_nonempty(rec, JKEY("title")));
  /* (an object in place of the arrays: its members, as cJSON_ArrayForEach) */
  const an_jv *list = an_jget(rec, JKEY("actors"));
  Q->actor0 = D->n_acts;
  for (const an_jv *it = list ? list->child : NULL; st == AN_OK && it; it = it->next) {
    if (it->type != AN_J_OBJECT) continue;
    if ((st = an_grow((void **)&D->acts, &D->cap_acts, D->n_acts + 1, sizeof *D->acts)) != AN_OK) break;
    dactor *a = &D->acts[D->n_acts++];
    memset(a, 0, sizeof *a);
    Q->n_actors++;
    st = dstr_set(D, &a->id, jstr_nonempty(it, JKEY("id")));
    if (st == AN_OK) st = dstr_set(D, &a->label, jstr_nonempty(it, JKEY("label")));
    if (st == AN_OK) st = dstr_set(D, &a->kind, jstr_nonempty(it, JKEY("kind")));
    if (st == AN_OK) st = dstr_set(D, &a->country, jstr_nonempty(it, JKEY("country")));
    if (st == AN_OK) st = dstr_set(D, &a->key, jstr_nonempty(it, JKEY("key")));
    const an_jv *men = an_jget(it, JKEY("mentions"));
    a->mentions = men && men->type == AN_J_NUMBER && men->num > 0 && men->num < 1e15 ? (long)men->num : 0;
    const an_jv *al = an_jget(it, JKEY("aliases"));
    a->n_alias_items = al && al->type == AN_J_ARRAY ? an_jcount(al) : 0;
    a->alias0 = D->n_als;
    for (const an_jv *x = a->n_alias_items ? al->child : NULL; st == AN_OK && x; x = x->next) {
      if (x->type != AN_J_STRING || !x->len) continue;
      if ((st = an_grow((void **)&D->als, &D->cap_als, D->n_als + 1, sizeof *D->als)) != AN_OK) break;
      st = dstr_set(D, &D->als[D->n_als++], sv_of(x));
      a->n_aliases++;
    }
  }
  list = an_jget(rec, JKEY("affiliations"));
  Q->aff0 = D->n_affs;
  for (const an_jv *it = list ? list->child : NULL; st == AN_OK && it; it = it->next) {
    if (it->type != AN_J_OBJECT) continue;
    if ((st = an_grow((void **)&D->affs, &D->cap_affs, D->n_affs + 1, sizeof *D->affs)) != AN_OK) break;
    daff *f = &D->affs[D->n_affs++];
    Q->n_affs++;
    st = dstr_set(D, &f->person, jstr_nonempty(it, JKEY("person")));
    if (st == AN_OK) st = dstr_set(D, &f->org, jstr_nonempty(it, JKEY("org")));
    if (st == AN_OK) st = dstr_set(D, &f->role, jstr_nonempty(it, JKEY("role")));
  }
  Q->nomem = st != AN_OK;
  return Q;
}

/* ---- interned alias arrays ---- */

static uint64_t arr_hash(const char *const *v, size_t n) {
  uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
  for (size_t i = 0; i < n; i++) h = an_hash_finish(h ^ (uint64_t)(uintptr_t)v[i]);
  return h;
}

/* The model's copy of the n pool strings at v (n > 0); NULL on ENOMEM. */
static const char **intern_aliases(an_model *m, const char **v, size_t n, an_status *st) {
  struct an_arrset *S = m->alias_sets;
  if (!S && !(S = m->alias_sets = an_calloc(1, sizeof *S))) {
    *st = AN_ENOMEM;
    return NULL;
  }
  if ((S->count + 1) * 2 > S->cap) {
    size_t ncap = S->cap ? S->cap * 2 : 1024;
    arrslot *ns = an_calloc(ncap, sizeof *ns);
    if (!ns) {
      *st = AN_ENOMEM;
      return NULL;
    }
    for (size_t i = 0; i < S->cap; i++) {
      if (!S->slots[i].a) continue;
      size_t j = (size_t)S->slots[i].h & (ncap - 1);
      while (ns[j].a) j = (j + 1) & (ncap - 1);
      ns[j] = S->slots[i];
    }
    an_free(S->slots);
    S->slots = ns, S->cap = ncap;
  }
  uint64_t h = arr_hash(v, n);
  size_t j = (size_t)h & (S->cap - 1);
  for (; S->slots[j].a; j = (j + 1) & (S->cap - 1)) {
    const arrslot *e = &S->slots[j];
    if (e->h == h && e->n == n && memcmp(e->a, v, n * sizeof *v) == 0) return e->a;
  }
  const char **copy = an_strpool_alloc(&m->pool, n * sizeof *copy, st);
  if (!copy) return NULL;
  memcpy(copy, v, n * sizeof *v);
  S->slots[j].h = h, S->slots[j].a = copy, S->slots[j].n = n;
  S->count++;
  return copy;
}

/* A document's actor record into its sighting. */
static void apply_actor_record(loader *L, const digest *D, const char *doc, const dactor *a) {
  const char *id = pool_dstr(L, D, &a->id, NULL);
  if (!id) return;
  an_mobs *o = sighting(L, doc, id);
  if (!o) return;
  an_mobs r = {.id = id, .doc = doc, .has_record = 1};
  r.label = pool_dstr(L, D, &a->label, NULL);
  r.kind = pool_dstr(L, D, &a->kind, NULL);
  r.country = pool_dstr(L, D, &a->country, NULL);
  r.key = pool_dstr(L, D, &a->key, NULL);
  r.mentions = a->mentions;
  if (a->n_aliases > 0) {
    if (an_grow((void **)&L->alias_tmp, &L->cap_alias_tmp, a->n_aliases, sizeof *L->alias_tmp) != AN_OK) {
      L->st = AN_ENOMEM;
      return;
    }
    for (size_t k = 0; k < a->n_aliases; k++) {
      const char *s = pool_dstr(L, D, &D->als[a->alias0 + k], NULL);
      if (s) L->alias_tmp[r.n_aliases++] = s;
    }
    if (r.n_aliases && !(r.aliases = intern_aliases(L->m, L->alias_tmp, r.n_aliases, &L->st))) return;
  }
  /* The same actor twice in a document (twice in one record, or in two
   * records of one document id): the better record by content wins,
   * whatever came first. */
  if (o->has_record && !better_record(&r, o)) return;
  *o = r;
}

/* The pool's copy of a digested string that is never looked up by
 * pointer (stored, not interned). */
static const char *store_dstr(loader *L, const digest *D, const dstr *d) {
  if (!dstr_has(d) || L->st != AN_OK) return NULL;
  return an_strpool_store_n(&L->m->pool, dstr_bytes(D, d), d->n, &L->st);
}

static an_status apply_document(loader *L, const digest *D, const pdoc *Q, const char *path, long line,
                                an_error *err) {
  an_model *m = L->m;
  if (Q->nomem) return an_error_set(err, AN_ENOMEM, path, line, -1, "out of memory");
  const char *id = pool_dstr(L, D, &Q->id, NULL);
  if (L->st != AN_OK) return L->st;
  if (!id) return an_error_set(err, AN_EDATA, path, line, -1, "document record without an \"id\"");
  /* A document id seen before (the same document in two shards, or two
   * documents under one id): the records merge whatever their order. The
   * metadata come from the better record (better_doc), actors and
   * affiliations are the union (one record per actor: better_record). */
  an_mdoc d = {.id = id};
  d.date = pool_dstr(L, D, &Q->date, NULL);
  d.outlet = pool_dstr(L, D, &Q->outlet, NULL);
  /* url and title: one per document, printed (url) or compared by content only */
  d.url = store_dstr(L, D, &Q->url);
  d.title = store_dstr(L, D, &Q->title);
  if (L->st != AN_OK) return an_error_set(err, L->st, path, line, -1, "out of memory");
  size_t di = an_strmap_get(&m->doc_index, id);
  if (di == NONE) {
    an_status st = an_grow((void **)&m->docs, &m->cap_docs, m->n_docs + 1, sizeof *m->docs);
    if (st == AN_OK) st = an_strmap_put(&m->doc_index, id, m->n_docs);
    if (st != AN_OK) return an_error_set(err, st, path, line, -1, "out of memory");
    m->docs[m->n_docs++] = d;
  } else if (better_doc(&d, &m->docs[di])) {
    m->docs[di] = d;
  }
  for (size_t k = 0; k < Q->n_actors; k++) apply_actor_record(L, D, id, &D->acts[Q->actor0 + k]);
  for (size_t k = 0; k < Q->n_affs; k++) {
    const daff *f = &D->affs[Q->aff0 + k];
    const char *person = pool_dstr(L, D, &f->person, NULL);
    const char *org = pool_dstr(L, D, &f->org, NULL);
    if (!person || !org || L->st != AN_OK) continue;
    /* Both ends must be actors listed by a record of this document: known
     * only when every input is in, so checked by the join (resolve_affs). */
    if ((L->st = an_grow((void **)&m->affs, &m->cap_affs, m->n_affs + 1, sizeof *m->affs)) != AN_OK) break;
    an_maff *a = &m->affs[m->n_affs++];
    a->doc = id;
    a->person = person;
    a->org = org;
    a->role = pool_dstr(L, D, &f->role, NULL);
    a->person_obs = a->org_obs = NONE;
  }
  m->joined = 0;
  if (L->st != AN_OK) return an_error_set(err, L->st, path, line, -1, "out of memory");
  return AN_OK;
}

an_status an_model_add_jsonl(an_model *m, const char *data, size_t len, const char *path, an_error *err) {
  an_status st = an_model_feed(m, data, len, path, err);
  /* Join even after a bad line: the records before it stay usable. */
  an_status js = m ? an_model_finish(m, st == AN_OK ? err : NULL) : AN_OK;
  return st != AN_OK ? st : js;
}

an_status an_model_finish(an_model *m, an_error *err) {
  if (!m) return an_error_set(err, AN_EINVAL, NULL, 0, -1, "no model");
  return an_model_join(m, err);
}

/* One line, parsed (st: the parse's status, root its value), into the
 * model: the same for the one-thread loop and the feeder's blocks. */
/* What a parsed line holds (the same test for the parsing threads and
 * apply_line): 1 a document, 2 an event, 0 nothing to read. */
static int line_kind(const fields *F) {
  sv kind = fstr(F, F_RECORD);
  if (sv_is(kind, "document")) return 1;
  if (sv_is(kind, "event")) return 2;
  if (!kind.s && F->v[F_TYPE] && F->v[F_SOURCE]) return 2; /* an event written without "record" */
  return 0;
}

/* D, P: the line's digest when a parsing thread made it (an event), else
 * NULL (digested here if it is an event). */
static an_status apply_line(loader *L, const char *s, size_t n, size_t a, long line, an_status st,
                            const an_jv *rec, digest *D, const pevent *P, const pdoc *Q, const char *path,
                            an_error *err) {
  if (st == AN_ENOMEM) return an_error_set(err, st, path, line, -1, "out of memory");
  if (st != AN_OK || rec->type != AN_J_OBJECT) {
    /* The same verdict as cJSON's; its error position, as the document
     * reader reports it. */
    const char *end = NULL;
    cJSON *cj = st == AN_OK ? NULL : cJSON_ParseWithLengthOpts(s, n, &end, 0);
    long off = end ? (long)(end - s) : -1;
    if (st == AN_OK) /* valid JSON, but an array, string... */
      st = an_error_set(err, AN_EDATA, path, line, 0, "column %ld: not a JSON object", (long)a + 1);
    else
      st = an_error_set(err, AN_EDATA, path, line, off, "broken JSON at column %ld", off + 1);
    cJSON_Delete(cj);
    return st;
  }
  if (P) return apply_event(L, D, P, path, line, err);
  if (Q) return apply_document(L, D, Q, path, line, err);
  fields F;
  fields_of(rec, &F);
  int k = line_kind(&F);
  if (k == 0) return AN_OK;
  digest_reset(&L->dg);
  if (k == 1) {
    const pdoc *q = digest_document(&L->dg, rec);
    if (!q) return an_error_set(err, AN_ENOMEM, path, line, -1, "out of memory");
    return apply_document(L, &L->dg, q, path, line, err);
  }
  const pevent *p = digest_event(&L->dg, &F);
  if (!p) return an_error_set(err, AN_ENOMEM, path, line, -1, "out of memory");
  return apply_event(L, &L->dg, p, path, line, err);
}

/* The next line of data[*pos..len): its bytes and length, *a its leading
 * blanks (a == n: a blank line). */
static const char *next_line(const char *data, size_t len, size_t *pos, size_t *n, size_t *a) {
  const char *s = data + *pos;
  const char *nl = memchr(s, '\n', len - *pos);
  *n = nl ? (size_t)(nl - s) : len - *pos;
  *pos += *n + (nl ? 1 : 0);
  size_t b = 0;
  while (b < *n && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) b++;
  *a = b;
  return s;
}

static void loader_init(loader *L, an_model *m, size_t icache_size) {
  memset(L, 0, sizeof *L);
  L->m = m;
  L->ic = an_calloc(icache_size, sizeof *L->ic);
  L->ic_mask = icache_size - 1;
  an_jreader_init(&L->json);
  digest_init(&L->dg);
  an_buf_init(&L->old);
}

static void loader_free(loader *L) {
  an_free(L->ic);
  an_free(L->alias_tmp);
  an_jreader_free(&L->json);
  digest_free(&L->dg);
  an_buf_free(&L->old);
}

an_status an_model_feed(an_model *m, const char *data, size_t len, const char *path, an_error *err) {
  if (!m || (!data && len)) return an_error_set(err, AN_EINVAL, path, 0, -1, "no model or data");
  loader L;
  loader_init(&L, m, ICACHE_SMALL);
  an_status st = AN_OK;
  size_t pos = 0;
  long line = 0;
  while (st == AN_OK && pos < len) {
    size_t n, a;
    const char *s = next_line(data, len, &pos, &n, &a);
    line++;
    if (a == n) continue;
    const an_jv *rec = NULL;
    an_status ps = an_jreader_parse(&L.json, s, n, &rec);
    st = apply_line(&L, s, n, a, line, ps, rec, NULL, NULL, NULL, path, err);
  }
  loader_free(&L);
  return st;
}

/* ---- parallel feeding ---- */

/* A block of whole lines, parsed by a worker, applied by the feeder's
 * caller in block order: parsing is pure (no model), so any number of
 * workers gives the same model. */
typedef struct pline {
  const char *s;
  size_t n, a;
  long line;
  an_status st;
  const an_jv *root;
  size_t ev; /* an event: its digest in the slot's dg.evs; else NONE */
  size_t dc; /* a document: its digest in the slot's dg.docs; else NONE */
} pline;

enum { SLOT_EMPTY, SLOT_QUEUED, SLOT_PARSING, SLOT_PARSED };

typedef struct slot {
  an_buf data;
  long n_lines_read; /* lines in data (parse_block counts them) */
  pline *lines;
  size_t n_lines, cap_lines;
  an_status st; /* ENOMEM while parsing */
  an_jreader json;
  digest dg; /* the block's events, digested */
  int state;
  uint64_t seq;
} slot;

struct an_feeder {
  an_model *m;
  const char *path;
  loader L;
  slot *slots;
  size_t n_slots;
  pthread_t *threads;
  size_t n_threads;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  uint64_t next_push, next_apply;
  long next_line; /* lines applied so far (relative blocks follow them) */
  int stop, sync_ok;
  an_status st; /* the first failure: later pushes do nothing */
};

static void parse_block(slot *b) {
  an_jreader_reset(&b->json);
  digest_reset(&b->dg);
  b->n_lines = 0;
  b->st = an_jreader_reserve(&b->json, 2 * b->data.len + 2);
  size_t pos = 0;
  long line = 0; /* relative: numbered when applied */
  while (b->st == AN_OK && pos < b->data.len) {
    size_t n, a;
    const char *s = next_line(b->data.data, b->data.len, &pos, &n, &a);
    line++;
    if (a == n) continue;
    if ((b->st = an_grow((void **)&b->lines, &b->cap_lines, b->n_lines + 1, sizeof *b->lines)) != AN_OK) break;
    pline *l = &b->lines[b->n_lines++];
    l->s = s, l->n = n, l->a = a, l->line = line, l->root = NULL, l->ev = l->dc = NONE;
    l->st = an_jreader_parse_next(&b->json, s, n, &l->root);
    if (l->st == AN_OK && l->root->type == AN_J_OBJECT) {
      fields F;
      fields_of(l->root, &F);
      /* (a digest that fails for memory is made again when applied) */
      int k = line_kind(&F);
      if (k == 2 && digest_event(&b->dg, &F)) l->ev = b->dg.n_evs - 1;
      if (k == 1 && digest_document(&b->dg, l->root)) l->dc = b->dg.n_docs - 1;
    }
  }
  b->n_lines_read = line;
}

static void *worker(void *arg) {
  an_feeder *f = arg;
  pthread_mutex_lock(&f->mu);
  for (;;) {
    slot *b = NULL;
    for (size_t i = 0; i < f->n_slots && !b; i++)
      if (f->slots[i].state == SLOT_QUEUED) b = &f->slots[i];
    if (!b && f->stop) break;
    if (!b) {
      pthread_cond_wait(&f->cv, &f->mu);
      continue;
    }
    b->state = SLOT_PARSING;
    pthread_mutex_unlock(&f->mu);
    parse_block(b);
    pthread_mutex_lock(&f->mu);
    b->state = SLOT_PARSED;
    pthread_cond_broadcast(&f->cv);
  }
  pthread_mutex_unlock(&f->mu);
  return NULL;
}

static void lock(an_feeder *f) {
  if (f->n_threads) pthread_mutex_lock(&f->mu);
}

static void unlock(an_feeder *f) {
  if (f->n_threads) pthread_mutex_unlock(&f->mu);
}

#define PREFETCH_AHEAD 8

/* Applies the oldest pushed block (waiting for its parse). */
static an_status apply_oldest(an_feeder *f, an_error *err) {
  slot *b = NULL;
  lock(f);
  for (size_t i = 0; i < f->n_slots; i++)
    if (f->slots[i].state != SLOT_EMPTY && f->slots[i].seq == f->next_apply) b = &f->slots[i];
  while (b && f->n_threads && b->state != SLOT_PARSED) pthread_cond_wait(&f->cv, &f->mu);
  unlock(f);
  if (!b) return AN_OK;
  if (!f->n_threads) parse_block(b);
  an_status st = AN_OK;
  long base = f->next_line;
  const an_evindex *x = &f->m->ev_index;
  for (size_t i = 0; st == AN_OK && f->st == AN_OK && i < b->n_lines; i++) {
    const pline *l = &b->lines[i];
    /* The event-id index is random access into a table as large as the
     * events: its slot for an event a few lines ahead is fetched now. */
    const pline *ahead = i + PREFETCH_AHEAD < b->n_lines ? &b->lines[i + PREFETCH_AHEAD] : NULL;
    if (ahead && ahead->ev != NONE && x->cap)
      __builtin_prefetch(&x->slots[(size_t)b->dg.evs[ahead->ev].id_hash & (x->cap - 1)], 1);
    st = apply_line(&f->L, l->s, l->n, l->a, base + l->line, l->st, l->root, &b->dg,
                    l->ev == NONE ? NULL : &b->dg.evs[l->ev], l->dc == NONE ? NULL : &b->dg.docs[l->dc], f->path, err);
  }
  f->next_line += b->n_lines_read;
  if (st == AN_OK && b->st != AN_OK) /* the lines after the failure were never parsed */
    st = an_error_set(err, b->st, f->path, 0, -1, "out of memory");
  lock(f);
  b->state = SLOT_EMPTY;
  unlock(f);
  f->next_apply++;
  return st;
}

an_status an_feeder_new(an_model *m, const char *path, size_t jobs, an_feeder **out, an_error *err) {
  *out = NULL;
  an_feeder *f = an_calloc(1, sizeof *f);
  if (!f) return an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
  f->m = m;
  f->path = path;
  loader_init(&f->L, m, ICACHE_LARGE);
  size_t threads = jobs > 1 ? jobs : 0;
  f->n_slots = threads ? 2 * threads : 1;
  f->slots = an_calloc(f->n_slots, sizeof *f->slots);
  f->threads = threads ? an_calloc(threads, sizeof *f->threads) : NULL;
  if (!f->slots || (threads && !f->threads)) {
    an_feeder_free(f);
    return an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
  }
  for (size_t i = 0; i < f->n_slots; i++) {
    an_buf_init(&f->slots[i].data);
    an_jreader_init(&f->slots[i].json);
    digest_init(&f->slots[i].dg);
  }
  if (threads && pthread_mutex_init(&f->mu, NULL) == 0) {
    if (pthread_cond_init(&f->cv, NULL) == 0) f->sync_ok = 1;
    else pthread_mutex_destroy(&f->mu);
  }
  /* Threads that cannot start leave fewer workers (none: parsing inline). */
  for (size_t i = 0; f->sync_ok && i < threads; i++) {
    if (pthread_create(&f->threads[f->n_threads], NULL, worker, f) != 0) break;
    f->n_threads++;
  }
  *out = f;
  return AN_OK;
}

an_status an_feeder_push(an_feeder *f, an_buf *b, size_t upto, an_error *err) {
  if (f->st != AN_OK) return f->st;
  slot *e = NULL;
  for (;;) {
    lock(f);
    for (size_t i = 0; i < f->n_slots && !e; i++)
      if (f->slots[i].state == SLOT_EMPTY) e = &f->slots[i];
    unlock(f);
    if (e) break;
    if ((f->st = apply_oldest(f, err)) != AN_OK) return f->st;
  }
  /* the slot takes b's storage; b gets the slot's old one and the tail */
  an_buf tail = e->data;
  an_buf_clear(&tail);
  an_status st = an_buf_append(&tail, b->data + upto, b->len - upto);
  if (st != AN_OK) return f->st = an_error_set(err, st, f->path, 0, -1, "out of memory");
  e->data = *b;
  e->data.len = upto;
  *b = tail;
  e->seq = f->next_push++;
  if (f->n_threads) {
    pthread_mutex_lock(&f->mu);
    e->state = SLOT_QUEUED;
    pthread_cond_broadcast(&f->cv);
    pthread_mutex_unlock(&f->mu);
  } else {
    e->state = SLOT_QUEUED;
    f->st = apply_oldest(f, err); /* one slot: parse and apply now */
  }
  return f->st;
}

an_status an_feeder_finish(an_feeder *f, an_error *err) {
  while (f->st == AN_OK && f->next_apply < f->next_push) f->st = apply_oldest(f, err);
  return f->st;
}

void an_feeder_free(an_feeder *f) {
  if (!f) return;
  if (f->sync_ok) {
    pthread_mutex_lock(&f->mu);
    f->stop = 1;
    pthread_cond_broadcast(&f->cv);
    pthread_mutex_unlock(&f->mu);
  }
  for (size_t i = 0; i < f->n_threads; i++) pthread_join(f->threads[i], NULL);
  if (f->sync_ok) {
    pthread_cond_destroy(&f->cv);
    pthread_mutex_destroy(&f->mu);
  }
  for (size_t i = 0; f->slots && i < f->n_slots; i++) {
    an_buf_free(&f->slots[i].data);
    an_free(f->slots[i].lines);
    an_jreader_free(&f->slots[i].json);
    digest_free(&f->slots[i].dg);
  }
  an_free(f->slots);
  an_free(f->threads);
  loader_free(&f->L);
  an_free(f);
}

an_status an_model_add_file(an_model *m, const char *path, an_error *err) {
  char *data = NULL;
  size_t len = 0;
  an_status st = an_file_slurp(path, &data, &len, err);
  if (st == AN_OK) st = an_model_add_jsonl(m, data, len, path, err);
  an_free(data);
  return st;
}

int an_jsonl_is_events(const char *data, size_t len) {
  size_t a = 0;
  while (a < len && (data[a] == ' ' || data[a] == '\t' || data[a] == '\r' || data[a] == '\n')) a++;
  if (a >= len || data[a] != '{') return 0;
  const char *nl = memchr(data + a, '\n', len - a);
  size_t n = nl ? (size_t)(nl - (data + a)) : len - a;
  cJSON *rec = cJSON_ParseWithLengthOpts(data + a, n, NULL, 0);
  if (!rec) { /* a broken first line: still ours if it names a record kind (the loader reports it) */
    for (size_t i = a; i + 8 <= a + n; i++)
      if (memcmp(data + i, "\"record\"", 8) == 0) return 1;
    return 0;
  }
  int yes = cJSON_IsObject(rec) && (cJSON_GetObjectItemCaseSensitive(rec, "record") ||
                                    (cJSON_GetObjectItemCaseSensitive(rec, "source") &&
                                     cJSON_GetObjectItemCaseSensitive(rec, "type") &&
                                     !cJSON_GetObjectItemCaseSensitive(rec, "text")));
  cJSON_Delete(rec);
  return yes;
}

/* ---- join ---- */

/* Sightings join into actors through the cross-document registry
 * (src/actors/registry.h: id, alias and transliteration joins with
 * evidence), which is order-free like everything here. */

static an_status index_inputs(an_model *m) {
  an_status st = AN_OK;
  for (size_t a = 0; st == AN_OK && a < m->n_actors; a++) st = an_strmap_put(&m->actor_index, m->actors[a].id, a);
  /* Input ids that the join renamed still find their actor (--focus).
   * Ids are pool strings: once an id is in the index, its other
   * sightings are passed over by pointer (no string hashing per sighting). */
  an_pairmap done;
  an_pairmap_init(&done);
  for (size_t i = 0; st == AN_OK && i < m->n_obs; i++) {
    const char *id = m->obs[i].id;
    if (an_pairmap_get(&done, id, NULL) != NONE) continue;
    if (an_strmap_get(&m->actor_index, id) != NONE) st = an_pairmap_put(&done, id, NULL, 1);
    else if (m->obs_actor[i] != NONE && (st = an_strmap_put(&m->actor_index, id, m->obs_actor[i])) == AN_OK)
      st = an_pairmap_put(&done, id, NULL, 1);
  }
  an_pairmap_free(&done);
  return st;
}

static an_actor_kind kind_enum(const char *k) {
  if (k && strcmp(k, "person") == 0) return AN_KIND_PERSON;
  if (k && strcmp(k, "country") == 0) return AN_KIND_COUNTRY;
  return AN_KIND_ORGANIZATION;
}

static const char *kind_name(an_actor_kind k) {
  return k == AN_KIND_PERSON ? "person" : k == AN_KIND_COUNTRY ? "country" : "organization";
}

/* What the best sighting of an id gives its id's other sightings. */
typedef struct idbest {
  const char *kind, *label;
  int has_record;
} idbest;

/* Total order on sightings of one id: a document record first, then one
 * with a kind, then the smallest kind and label. Order-free choice. */
static int better_obs(const an_mobs *a, const idbest *b) {
  if (a->has_record != b->has_record) return a->has_record > b->has_record;
  int c = nullcmp(a->kind, b->kind);
  if (!c) c = nullcmp(a->label, b->label);
  return c < 0;
}

/* ---- sightings grouped by content ---- */

/* What a sighting gives the registry, but its document and mentions. */
typedef struct obs_content {
  const char *id, *label, *country, *key;
  const char **aliases;
  size_t n_aliases;
  an_actor_kind kind;
} obs_content;

static uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h;
}

static uint64_t content_hash(const obs_content *c) {
  uint64_t h = mix((uint64_t)c->kind, (uint64_t)(uintptr_t)c->id);
  h = mix(h, (uint64_t)(uintptr_t)c->label);
  h = mix(h, (uint64_t)(uintptr_t)c->country);
  h = mix(h, (uint64_t)(uintptr_t)c->key);
  for (size_t k = 0; k < c->n_aliases; k++) h = mix(h, (uint64_t)(uintptr_t)c->aliases[k]);
  h = mix(h, c->n_aliases);
  return an_hash_finish(h);
}

/* Pool strings: equal content is equal pointers. */
static int content_eq(const obs_content *a, const obs_content *b) {
  if (a->kind != b->kind || a->id != b->id || a->label != b->label || a->country != b->country ||
      a->key != b->key || a->n_aliases != b->n_aliases)
    return 0;
  for (size_t k = 0; k < a->n_aliases; k++)
    if (a->aliases[k] != b->aliases[k]) return 0;
  return 1;
}

static uint64_t group_hash(const obs_content *c) {
  uint64_t h = mix(mix((uint64_t)c->kind, (uint64_t)(uintptr_t)c->id), (uint64_t)(uintptr_t)c->label);
  return an_hash_finish(h);
}

/* Sightings with one content become one registry record listing their
 * documents (an_registry_add_sightings: the same join as one record per
 * sighting, when that content is the only one of its kind, id and label
 * and not a bare surname). cls[i]: the content class of sighting i;
 * *mergeable (n classes): whether the class may be one record. */
typedef struct classes {
  size_t *cls;          /* per sighting */
  size_t *first;        /* per class: its first sighting */
  size_t *count;        /* per class: sightings */
  unsigned char *merge; /* per class */
  size_t n;
} classes;

static void classes_free(classes *c) {
  an_free(c->cls);
  an_free(c->first);
  an_free(c->count);
  an_free(c->merge);
  memset(c, 0, sizeof *c);
}

/* A table of class numbers (+ 1) sized by the classes, not the sightings:
 * millions of sightings fall into a few hundred thousand classes, and a
 * table that stays small stays in the caches. */
typedef struct ctab {
  size_t *t;
  size_t cap;
} ctab;

static an_status ctab_grow(ctab *T, size_t n_classes, const uint64_t *hashes) {
  if (T->cap && (n_classes + 1) * 2 <= T->cap) return AN_OK;
  size_t ncap = T->cap ? T->cap * 2 : 1024;
  while ((n_classes + 1) * 2 > ncap) ncap *= 2;
  size_t *nt = an_calloc(ncap, sizeof *nt);
  if (!nt) return AN_ENOMEM;
  for (size_t i = 0; i < T->cap; i++) {
    if (!T->t[i]) continue;
    size_t j = (size_t)hashes[T->t[i] - 1] & (ncap - 1);
    while (nt[j]) j = (j + 1) & (ncap - 1);
    nt[j] = T->t[i];
  }
  an_free(T->t);
  T->t = nt, T->cap = ncap;
  return AN_OK;
}

static an_status classify_sightings(const obs_content *oc, size_t n_obs, classes *C) {
  memset(C, 0, sizeof *C);
  ctab T = {0};
  uint64_t *ch = NULL; /* per class: its content hash, then its group hash */
  obs_content *cc = NULL; /* per class: its content (dense: no trip to a far sighting) */
  size_t cap_ch = 0, cap_cc = 0, cap_first = 0, cap_count = 0;
  C->cls = an_malloc((n_obs + 1) * sizeof *C->cls);
  an_status st = C->cls ? AN_OK : AN_ENOMEM;
  for (size_t i = 0; st == AN_OK && i < n_obs; i++) {
    uint64_t h = content_hash(&oc[i]);
    size_t j = (size_t)h & (T.cap - 1);
    for (; T.cap && T.t[j]; j = (j + 1) & (T.cap - 1))
      if (ch[T.t[j] - 1] == h && content_eq(&cc[T.t[j] - 1], &oc[i])) break;
    if (!T.cap || !T.t[j]) { /* a new class */
      if ((st = an_grow((void **)&ch, &cap_ch, C->n + 1, sizeof *ch)) != AN_OK ||
          (st = an_grow((void **)&cc, &cap_cc, C->n + 1, sizeof *cc)) != AN_OK ||
          (st = an_grow((void **)&C->first, &cap_first, C->n + 1, sizeof *C->first)) != AN_OK ||
          (st = an_grow((void **)&C->count, &cap_count, C->n + 1, sizeof *C->count)) != AN_OK ||
          (st = ctab_grow(&T, C->n + 1, ch)) != AN_OK)
        break;
      for (j = (size_t)h & (T.cap - 1); T.t[j]; j = (j + 1) & (T.cap - 1)) {}
      ch[C->n] = h;
      cc[C->n] = oc[i];
      C->first[C->n] = i;
      C->count[C->n] = 0;
      T.t[j] = ++C->n;
    }
    C->cls[i] = T.t[j] - 1;
    C->count[T.t[j] - 1]++;
  }
  an_free(T.t);
  memset(&T, 0, sizeof T);
  /* (kind, id, label) with more than one content: none of them merges */
  if (st == AN_OK && !(C->merge = an_malloc(C->n + 1))) st = AN_ENOMEM;
  if (st == AN_OK && (st = an_grow((void **)&C->count, &cap_count, C->n + 1, sizeof *C->count)) == AN_OK &&
      (st = an_grow((void **)&C->first, &cap_first, C->n + 1, sizeof *C->first)) == AN_OK) {
    for (size_t c = 0; c < C->n; c++) ch[c] = group_hash(&oc[C->first[c]]);
    if (C->n) st = ctab_grow(&T, C->n, ch); /* once, to its full size: no rehash below */
  }
  for (size_t c = 0; st == AN_OK && c < C->n; c++) {
    const obs_content *x = &cc[c];
    C->merge[c] = !(x->kind == AN_KIND_PERSON && an_registry_bare_name(x->label, x->key));
    size_t j = (size_t)ch[c] & (T.cap - 1);
    for (; T.t[j]; j = (j + 1) & (T.cap - 1)) {
      const obs_content *y = &cc[T.t[j] - 1];
      if (y->kind == x->kind && y->id == x->id && y->label == x->label) break;
    }
    if (!T.t[j]) T.t[j] = c + 1;
    else C->merge[c] = C->merge[T.t[j] - 1] = 0;
  }
  an_free(T.t);
  an_free(ch);
  an_free(cc);
  return st;
}

static an_status join(an_model *m, an_error *err) {
  an_registry *reg = NULL;
  size_t *rec = m->n_obs ? an_calloc(m->n_obs, sizeof *rec) : NULL;
  obs_content *oc = an_calloc(m->n_obs + 1, sizeof *oc);
  classes C;
  memset(&C, 0, sizeof C);
  size_t *start = NULL;
  uint64_t *msum = NULL;
  const char **docs = NULL;
  an_pairmap best; /* id (a pool string) -> its entry in ib */
  an_pairmap_init(&best);
  idbest *ib = NULL; /* per distinct id, what its best sighting gives: a few
                        thousand entries read in place of millions of sightings */
  size_t n_ib = 0, cap_ib = 0;
  an_status st = (m->n_obs && !rec) || !oc ? AN_ENOMEM : AN_OK;
  /* An affiliation stands when both ends are listed by a record of its
   * document (any record of that id: they merge), whatever came first. */
  for (size_t i = 0; i < m->n_affs; i++) {
    an_maff *a = &m->affs[i];
    size_t po = find_sighting(m, a->doc, a->person), oo = find_sighting(m, a->doc, a->org);
    int ok = po != NONE && oo != NONE && m->obs[po].has_record && m->obs[oo].has_record;
    a->person_obs = ok ? po : NONE;
    a->org_obs = ok ? oo : NONE;
  }
  /* An event endpoint may come without label or kind: it takes them from
   * the best sighting of its id, so the registry does not split one actor
   * by a missing kind. */
  for (size_t i = 0; st == AN_OK && i < m->n_obs; i++) {
    const an_mobs *o = &m->obs[i];
    size_t b = an_pairmap_get(&best, o->id, NULL);
    if (b == NONE) {
      if ((st = an_grow((void **)&ib, &cap_ib, n_ib + 1, sizeof *ib)) != AN_OK ||
          (st = an_pairmap_put(&best, o->id, NULL, n_ib)) != AN_OK)
        break;
      b = n_ib++;
    } else if (!better_obs(o, &ib[b])) {
      continue;
    }
    ib[b].has_record = o->has_record, ib[b].kind = o->kind, ib[b].label = o->label;
  }
  if (st == AN_OK) st = an_registry_new(&reg, err);
  if (st == AN_OK) an_registry_borrow_strings(reg); /* pool strings, alive as long as the model */
  const char *last_kind = NULL;
  an_actor_kind last_enum = AN_KIND_ORGANIZATION;
  for (size_t i = 0; st == AN_OK && i < m->n_obs; i++) {
    const an_mobs *o = &m->obs[i];
    const idbest *b = &ib[an_pairmap_get(&best, o->id, NULL)];
    obs_content *c = &oc[i];
    c->id = o->id;
    c->label = o->label ? o->label : b->label ? b->label : o->id;
    const char *k = o->kind ? o->kind : b->kind;
    if (k != last_kind || !i) last_kind = k, last_enum = kind_enum(k); /* pool strings: few distinct */
    c->kind = last_enum;
    c->country = o->country;
    c->key = o->key;
    c->aliases = o->aliases;
    c->n_aliases = o->n_aliases;
  }
  an_pairmap_free(&best);
  an_free(ib);
  if (st == AN_OK) st = classify_sightings(oc, m->n_obs, &C);
  /* each class's sightings together: their documents */
  if (st == AN_OK) {
    start = an_calloc(C.n + 1, sizeof *start);
    msum = an_calloc(C.n + 1, sizeof *msum);
    docs = an_calloc(m->n_obs + 1, sizeof *docs);
    if (!start || !msum || !docs) st = AN_ENOMEM;
  }
  if (st == AN_OK) {
    for (size_t c = 0; c < C.n; c++) start[c + 1] = start[c] + C.count[c];
    for (size_t c = 0; c < C.n; c++) C.count[c] = 0;
    for (size_t i = 0; i < m->n_obs; i++) docs[start[C.cls[i]] + C.count[C.cls[i]]++] = m->obs[i].doc;
  }
  /* Event-only sightings bring no mention count: a document record's
   * label and aliases win. */
  for (size_t i = 0; st == AN_OK && i < m->n_obs; i++)
    if (C.merge[C.cls[i]]) msum[C.cls[i]] += m->obs[i].has_record ? (uint32_t)m->obs[i].mentions : 0;
  for (size_t c = 0; st == AN_OK && c < C.n; c++) {
    if (!C.merge[c]) continue;
    const obs_content *x = &oc[C.first[c]];
    size_t r = 0;
    st = an_registry_add_sightings(reg, docs + start[c], C.count[c], x->id, x->label, x->kind, x->country, x->key,
                                   x->aliases, x->n_aliases, msum[c], &r, err);
    start[c] = r; /* reused: the class's record */
  }
  for (size_t i = 0; st == AN_OK && i < m->n_obs; i++) {
    const an_mobs *o = &m->obs[i];
    const obs_content *c = &oc[i];
    if (C.merge[C.cls[i]]) rec[i] = start[C.cls[i]];
    else
      st = an_registry_add(reg, o->doc, o->id, c->label, c->kind, o->country, o->key, o->aliases, o->n_aliases,
                           o->has_record ? (uint32_t)o->mentions : 0, &rec[i], err);
  }
  for (size_t i = 0; st == AN_OK && i < m->n_affs; i++)
    if (m->affs[i].person_obs != NONE)
      st = an_registry_add_affiliation_in(reg, rec[m->affs[i].person_obs], rec[m->affs[i].org_obs], m->affs[i].role,
                                          m->affs[i].doc, err);
  classes_free(&C);
  an_free(start);
  an_free(msum);
  an_free(docs);
  an_free(oc);
  if (st == AN_OK) st = an_registry_finish(reg, err);
  size_t n = st == AN_OK ? an_registry_count(reg) : 0;
  if (st == AN_OK) {
    m->actors = an_calloc(n + 1, sizeof *m->actors);
    m->obs_actor = an_calloc(m->n_obs + 1, sizeof *m->obs_actor);
    if (!m->actors || !m->obs_actor) st = AN_ENOMEM;
  }
  for (size_t a = 0; st == AN_OK && a < n; a++) {
    an_mactor *x = &m->actors[m->n_actors++];
    const char *country = an_registry_country(reg, a);
    x->id = an_strpool_intern(&m->pool, an_registry_id(reg, a), &st);
    x->label = an_strpool_intern(&m->pool, an_registry_label(reg, a), &st);
    x->kind = kind_name(an_registry_kind(reg, a));
    x->country = country && country[0] ? an_strpool_intern(&m->pool, country, &st) : NULL;
    x->mentions = (long)an_registry_mentions(reg, a);
    size_t na = 0, nd = 0;
    const char *const *al = an_registry_aliases(reg, a, &na);
    const char *const *dc = an_registry_docs(reg, a, &nd);
    x->aliases = na ? an_calloc(na, sizeof *x->aliases) : NULL;
    x->docs = nd ? an_calloc(nd, sizeof *x->docs) : NULL;
    if ((na && !x->aliases) || (nd && !x->docs)) st = AN_ENOMEM;
    /* borrowed: the pool's own strings (or "" for no document) */
    for (size_t k = 0; st == AN_OK && k < na; k++) x->aliases[x->n_aliases++] = al[k];
    for (size_t k = 0; st == AN_OK && k < nd; k++)
      if (dc[k][0]) x->docs[x->n_docs++] = dc[k];
    if (st == AN_OK) {
      x->n_aliases = an_strset_sort(x->aliases, x->n_aliases);
      x->n_docs = an_strset_sort(x->docs, x->n_docs);
    }
  }
  for (size_t i = 0; st == AN_OK && i < m->n_obs; i++) m->obs_actor[i] = an_registry_canonical(reg, rec[i]);
  if (st == AN_OK) st = index_inputs(m);
  an_registry_free(reg);
  an_free(rec);
  if (st != AN_OK && err && err->code == AN_OK) an_error_set(err, st, NULL, 0, -1, "out of memory joining actors");
  return st;
}


/* Each person's affiliations as "Org label (role)" strings, sorted. */
static an_status collect_affiliations(an_model *m) {
  an_status st = AN_OK;
  size_t *count = an_calloc(m->n_actors + 1, sizeof *count);
  if (!count) return AN_ENOMEM;
  for (size_t i = 0; i < m->n_affs; i++) {
    size_t p = an_model_actor_of(m, m->affs[i].person_obs);
    if (p != NONE) count[p]++;
  }
  for (size_t a = 0; st == AN_OK && a < m->n_actors; a++)
    if (count[a] && !(m->actors[a].affiliations = an_calloc(count[a], sizeof(const char *)))) st = AN_ENOMEM;
  an_buf b;
  an_buf_init(&b);
  for (size_t i = 0; st == AN_OK && i < m->n_affs; i++) {
    const an_maff *af = &m->affs[i];
    size_t p = an_model_actor_of(m, af->person_obs), o = an_model_actor_of(m, af->org_obs);
    if (p == NONE || o == NONE || p == o) continue;
    an_buf_clear(&b);
    st = af->role ? an_buf_printf(&b, "%s (%s)", m->actors[o].label, af->role) : an_buf_puts(&b, m->actors[o].label);
    const char *s = st == AN_OK ? an_strpool_intern(&m->pool, b.data, &st) : NULL;
    if (s) m->actors[p].affiliations[m->actors[p].n_affiliations++] = s;
  }
  an_buf_free(&b);
  for (size_t a = 0; st == AN_OK && a < m->n_actors; a++)
    m->actors[a].n_affiliations = an_strset_sort(m->actors[a].affiliations, m->actors[a].n_affiliations);
  an_free(count);
  return st;
}

/* Gives back an array's growth slack (an_grow doubles): every input is
 * in when the join runs. A failed shrink keeps the array as it is. */
static void shrink(void **arr, size_t *cap, size_t n, size_t elem) {
  if (!n || n >= *cap) return;
  void *p = an_realloc(*arr, n * elem);
  if (p) *arr = p, *cap = n;
}

an_status an_model_join(an_model *m, an_error *err) {
  if (m->joined) return AN_OK;
  shrink((void **)&m->obs, &m->cap_obs, m->n_obs, sizeof *m->obs);
  shrink((void **)&m->docs, &m->cap_docs, m->n_docs, sizeof *m->docs);
  shrink((void **)&m->affs, &m->cap_affs, m->n_affs, sizeof *m->affs);
  free_actors(m);
  an_status st = join(m, err);
  if (st == AN_OK && (st = collect_affiliations(m)) != AN_OK)
    an_error_set(err, st, NULL, 0, -1, "out of memory joining actors");
  if (st != AN_OK) {
    free_actors(m);
    return st;
  }
  m->joined = 1;
  return AN_OK;
}

size_t an_model_actor_of(const an_model *m, size_t obs) {
  return obs < m->n_obs && m->obs_actor ? m->obs_actor[obs] : NONE;
}
