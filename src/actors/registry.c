/* registry.c: cross-document actor joining (see registry.h). */
#include "actors/registry.h"

#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include "actors/trie.h"
#include "core/core.h"

typedef struct rec {
  char *doc, *id, *label, *key; /* doc: the smallest of docs */
  char **docs;                  /* an_registry_add_sightings: every document (else NULL, doc alone) */
  size_t n_docs;
  char country[4];
  an_actor_kind kind;
  char **aliases;
  size_t n_aliases;
  uint64_t mentions;
  int gz;       /* the id is a gazetteer id, not the label's slug */
  char *sur;    /* person: surname words (folded) */
  char *given;  /* person: given words, "" if none */
} rec;

typedef struct raff {
  size_t person, org;
  char *role;
  const char *doc; /* the document stating it: doc_copy, the caller's (borrow) or the person record's */
  char *doc_copy;
} raff;

typedef struct fin {
  char *id, *label;
  an_actor_kind kind;
  char country[4];
  char **aliases;
  size_t n_aliases;
  char **docs;
  size_t n_docs;
  uint64_t mentions;
  size_t root; /* smallest member record (content order): the last tie-break */
} fin;

struct an_registry {
  rec *r;
  size_t n, cap;
  raff *af;
  size_t naf, capaf;
  size_t *parent;
  size_t *canon;
  size_t *renum; /* add index -> record index in content order (finish) */
  fin *f;
  size_t nf;
  an_reg_affiliation *faf;
  size_t nfaf;
  int finished;
  int borrow; /* an_registry_borrow_strings: record strings are the caller's */
};

static void strv_free(char **v, size_t n) {
  for (size_t i = 0; i < n; i++) an_free(v[i]);
  an_free(v);
}

an_status an_registry_new(an_registry **out, an_error *err) {
  *out = an_calloc(1, sizeof **out);
  if (!*out) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  return AN_OK;
}

void an_registry_free(an_registry *g) {
  if (!g) return;
  for (size_t i = 0; i < g->n; i++) {
    rec *r = &g->r[i];
    if (!g->borrow) {
      an_free(r->doc);
      an_free(r->id);
      an_free(r->label);
      an_free(r->key);
      strv_free(r->aliases, r->n_aliases);
      strv_free(r->docs, r->n_docs);
    } else {
      an_free(r->aliases);
      an_free(r->docs);
    }
    an_free(r->sur);
    an_free(r->given);
  }
  an_free(g->r);
  for (size_t i = 0; i < g->naf; i++) {
    an_free(g->af[i].role);
    an_free(g->af[i].doc_copy);
  }
  an_free(g->af);
  an_free(g->parent);
  an_free(g->canon);
  an_free(g->renum);
  for (size_t i = 0; i < g->nf; i++) {
    an_free(g->f[i].id);
    an_free(g->f[i].label);
    if (!g->borrow) strv_free(g->f[i].aliases, g->f[i].n_aliases);
    else an_free(g->f[i].aliases); /* the records' strings */
    an_free(g->f[i].docs); /* borrowed strings */
  }
  an_free(g->f);
  an_free(g->faf);
  an_free(g);
}

void an_registry_borrow_strings(an_registry *g) {
  if (!g->n) g->borrow = 1;
}

/* ---- names ---- */

static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w'; }

size_t an_name_skeleton(const char *w, char *out, size_t cap) {
  size_t o = 0;
  if (!cap) return 0;
  for (size_t i = 0; w[i] && o + 1 < cap; i++) {
    char c = w[i], n = w[i + 1];
    char m = c;
    /* digraphs that transliterations write either way */
    if ((c == 'k' || c == 'g' || c == 'd' || c == 't' || c == 's' || c == 'z' || c == 'p' || c == 'c') && n == 'h') {
      /* gh and q are one Persian/Arabic letter: Baghaei / Baqaei */
      m = c == 'p' ? 'f' : c == 'c' ? 's' : c == 'g' ? 'k' : c;
      i++;
    } else if (c == 'q' || c == 'c') {
      m = 'k';
    } else if (c == 'j') {
      m = 'j';
    }
    if (i == 0 || (i == 1 && m != c && o == 0)) {
      if (is_vowel(c)) m = 'a'; /* Esmail / Ismail */
      out[o++] = m;
      continue;
    }
    if (is_vowel(m) || m == 'h' || m == '\'' || m == ' ' || m == '-') continue;
    if (o > 0 && out[o - 1] == m) continue; /* Qassem / Qasem */
    out[o++] = m;
  }
  out[o] = '\0';
  return o;
}

int an_name_distance(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 63) la = 63;
  if (lb > 63) lb = 63;
  int d[64][64];
  for (size_t i = 0; i <= la; i++) d[i][0] = (int)i;
  for (size_t j = 0; j <= lb; j++) d[0][j] = (int)j;
  for (size_t i = 1; i <= la; i++)
    for (size_t j = 1; j <= lb; j++) {
      int cost = a[i - 1] != b[j - 1];
      int v = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
      if (d[i - 1][j - 1] + cost < v) v = d[i - 1][j - 1] + cost;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
        v = d[i - 2][j - 2] + 1;
      d[i][j] = v;
    }
  return d[la][lb];
}

static int tolerance(size_t len) { return len <= 3 ? 0 : len <= 5 ? 1 : 2; }

/* word_close with the words' skeletons made already (NULL: made here). */
static int word_close_sk(const char *a, const char *b, const char *ska, const char *skb) {
  if (strcmp(a, b) == 0) return 1;
  char sa[64], sb[64];
  if (!ska) an_name_skeleton(a, sa, sizeof sa), ska = sa;
  if (!skb) an_name_skeleton(b, sb, sizeof sb), skb = sb;
  if (strcmp(ska, skb) != 0) return 0;
  size_t l = strlen(a) < strlen(b) ? strlen(a) : strlen(b);
  return an_name_distance(a, b) <= tolerance(l);
}

/* Two spellings of one name word (or surname). */
static int word_close(const char *a, const char *b) { return word_close_sk(a, b, NULL, NULL); }

/* Copies at most cap - 1 bytes of s (n of them) and a NUL (snprintf's cut). */
static void copy_cut(char *out, size_t cap, const char *s, size_t n) {
  if (n >= cap) n = cap - 1;
  memcpy(out, s, n);
  out[n] = '\0';
}

/* Given-name words compatible: first words close, an initial, or one list
 * holding a word of the other ("Hossein Amir" / "Amir"). Empty fits all. */
static int given_compatible(const char *ga, const char *gb) {
  if (!*ga || !*gb) return 1;
  char a[256], b[256];
  copy_cut(a, sizeof a, ga, strlen(ga));
  copy_cut(b, sizeof b, gb, strlen(gb));
  char *wa[8], *wb[8];
  size_t na = 0, nb = 0;
  char *save = NULL; /* strtok_r: strtok's state is global (threads) */
  for (char *p = strtok_r(a, " ", &save); p && na < 8; p = strtok_r(NULL, " ", &save)) wa[na++] = p;
  for (char *p = strtok_r(b, " ", &save); p && nb < 8; p = strtok_r(NULL, " ", &save)) wb[nb++] = p;
  if (!na || !nb) return 1;
  if (word_close(wa[0], wb[0])) return 1;
  if ((strlen(wa[0]) == 1 || strlen(wb[0]) == 1) && wa[0][0] == wb[0][0]) return 1;
  for (size_t i = 0; i < na; i++)
    for (size_t j = 0; j < nb; j++)
      if (strlen(wa[i]) > 2 && word_close(wa[i], wb[j])) return 1;
  return 0;
}

/* Surname variants of a record: the surname, and the last given word joined
 * to it ("amir" + "abdollahian"). */
static int surname_variant(const rec *r, int v, char *sur, size_t cap, char *given, size_t gcap) {
  if (v == 0) {
    copy_cut(sur, cap, r->sur, strlen(r->sur));
    copy_cut(given, gcap, r->given, strlen(r->given));
    return 1;
  }
  if (!*r->given) return 0;
  const char *lw = strrchr(r->given, ' ');
  const char *last = lw ? lw + 1 : r->given;
  size_t ll = strlen(last), sl = strlen(r->sur);
  copy_cut(sur, cap, last, ll);
  if (ll < cap - 1) copy_cut(sur + ll, cap - ll, r->sur, sl);
  size_t gl = lw ? (size_t)(lw - r->given) : 0;
  if (gl >= gcap) gl = gcap - 1;
  memcpy(given, r->given, gl);
  given[gl] = '\0';
  return 1;
}

static int names_compatible(const rec *a, const rec *b, int need_given) {
  char sa[2][256], sb[2][256], ga[2][256], gb[2][256];
  int oka[2], okb[2];
  char ka[2][64], kb[2][64]; /* their skeletons, also once */
  for (int v = 0; v < 2; v++) { /* each variant made once, not per pair */
    oka[v] = surname_variant(a, v, sa[v], sizeof sa[v], ga[v], sizeof ga[v]);
    okb[v] = surname_variant(b, v, sb[v], sizeof sb[v], gb[v], sizeof gb[v]);
    if (oka[v]) an_name_skeleton(sa[v], ka[v], sizeof ka[v]);
    if (okb[v]) an_name_skeleton(sb[v], kb[v], sizeof kb[v]);
  }
  for (int va = 0; va < 2; va++) {
    if (!oka[va]) continue;
    for (int vb = 0; vb < 2; vb++) {
      if (!okb[vb]) continue;
      if (!word_close_sk(sa[va], sb[vb], ka[va], kb[vb])) continue;
      if (need_given && (!*ga[va] || !*gb[vb])) continue;
      if (given_compatible(ga[va], gb[vb])) return 1;
    }
  }
  return 0;
}

/* ---- adding ---- */

/* Splits a person's name into folded surname and given words (r->sur,
 * r->given): key "surname|given words", without one the folded label. */
static int person_name(rec *r, const char *label, const char *key) {
  char buf[512];
  if (key && strchr(key, '|')) {
    const char *bar = strchr(key, '|');
    r->sur = an_strndup(key, (size_t)(bar - key));
    r->given = an_strdup(bar + 1);
  } else {
    an_word_fold(label, strlen(label), buf, sizeof buf);
    const char *lw = strrchr(buf, ' ');
    r->sur = an_strdup(lw ? lw + 1 : buf);
    r->given = lw ? an_strndup(buf, (size_t)(lw - buf)) : an_strdup("");
  }
  return r->sur && r->given;
}

int an_registry_bare_name(const char *label, const char *key) {
  rec r;
  memset(&r, 0, sizeof r);
  int bare = person_name(&r, label ? label : "", key) && !r.given[0];
  an_free(r.sur);
  an_free(r.given);
  return bare;
}

/* One record seen in n_docs documents (docs[0] alone when n_docs is 1). */
static an_status add_record(an_registry *g, const char *const *docs, size_t n_docs, const char *id,
                            const char *label, an_actor_kind kind, const char *country, const char *key,
                            const char *const *aliases, size_t n_aliases, uint64_t mentions, size_t *index,
                            an_error *err) {
  if (g->finished) return an_error_set(err, AN_EINVAL, NULL, 0, -1, "registry already finished");
  if (!id || !label || !*id)
    return an_error_set(err, AN_EINVAL, NULL, 0, -1, "registry: an actor needs an id and a label");
  if (!n_docs) return an_error_set(err, AN_EINVAL, NULL, 0, -1, "registry: a record needs a document");
  if (an_grow((void **)&g->r, &g->cap, g->n + 1, sizeof *g->r) != AN_OK)
    return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  rec *r = &g->r[g->n];
  memset(r, 0, sizeof *r);
  r->kind = kind;
  r->mentions = mentions;
  /* The smallest document stands for the record in every order (the
   * record sorts where its first sighting would). */
  const char *doc_id = docs[0] ? docs[0] : "";
  for (size_t i = 1; i < n_docs; i++)
    if (strcmp(docs[i] ? docs[i] : "", doc_id) < 0) doc_id = docs[i] ? docs[i] : "";
  /* ISO 3166 alpha-3 only: anything else (a name, non-ASCII bytes) would be
   * cut mid-character by the 3-byte field and break every exporter's UTF-8. */
  if (country && strlen(country) == 3 && isalpha((unsigned char)country[0]) &&
      isalpha((unsigned char)country[1]) && isalpha((unsigned char)country[2]))
    snprintf(r->country, sizeof r->country, "%s", country);
  int ok;
  if (g->borrow) { /* the caller's strings, kept as they are */
    r->doc = (char *)doc_id;
    r->id = (char *)id;
    r->label = (char *)label;
    r->key = (char *)key;
    ok = 1;
  } else {
    r->doc = an_strdup(doc_id);
    r->id = an_strdup(id);
    r->label = an_strdup(label);
    r->key = key ? an_strdup(key) : NULL;
    ok = r->doc && r->id && r->label && (!key || r->key);
  }
  if (ok && n_docs > 1) {
    r->docs = an_calloc(n_docs, sizeof *r->docs);
    ok = r->docs != NULL;
    for (size_t i = 0; ok && i < n_docs; i++) {
      const char *d = docs[i] ? docs[i] : "";
      if (g->borrow) r->docs[i] = (char *)d;
      else if (!(r->docs[i] = an_strdup(d))) ok = 0;
      if (ok) r->n_docs = i + 1;
    }
  }
  if (ok && n_aliases) {
    r->aliases = an_calloc(n_aliases, sizeof *r->aliases);
    ok = r->aliases != NULL;
    for (size_t i = 0; ok && i < n_aliases; i++) {
      if (g->borrow) r->aliases[i] = (char *)(aliases[i] ? aliases[i] : "");
      else if (!(r->aliases[i] = an_strdup(aliases[i] ? aliases[i] : ""))) ok = 0;
      if (ok) r->n_aliases = i + 1;
    }
  }
  if (ok) {
    char slug[512];
    r->gz = an_slugify(label, slug, sizeof slug) != AN_OK || strcmp(slug, id) != 0;
    if (kind == AN_KIND_PERSON) ok = person_name(r, label, key);
  }
  g->n++; /* freed by an_registry_free even when incomplete */
  if (!ok) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  if (index) *index = g->n - 1;
  return AN_OK;
}

an_status an_registry_add(an_registry *g, const char *doc_id, const char *id, const char *label,
                          an_actor_kind kind, const char *country, const char *key,
                          const char *const *aliases, size_t n_aliases, uint32_t mentions,
                          size_t *index, an_error *err) {
  return add_record(g, &doc_id, 1, id, label, kind, country, key, aliases, n_aliases, mentions, index, err);
}

an_status an_registry_add_sightings(an_registry *g, const char *const *doc_ids, size_t n_docs, const char *id,
                                    const char *label, an_actor_kind kind, const char *country, const char *key,
                                    const char *const *aliases, size_t n_aliases, uint64_t mentions,
                                    size_t *index, an_error *err) {
  return add_record(g, doc_ids, n_docs, id, label, kind, country, key, aliases, n_aliases, mentions, index, err);
}

an_status an_registry_add_affiliation(an_registry *g, size_t person, size_t org, const char *role,
                                      an_error *err) {
  return an_registry_add_affiliation_in(g, person, org, role, NULL, err);
}

an_status an_registry_add_affiliation_in(an_registry *g, size_t person, size_t org, const char *role,
                                         const char *doc, an_error *err) {
  if (person >= g->n || org >= g->n || g->finished)
    return an_error_set(err, AN_EINVAL, NULL, 0, -1, "registry: bad affiliation");
  if (an_grow((void **)&g->af, &g->capaf, g->naf + 1, sizeof *g->af) != AN_OK)
    return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  raff *a = &g->af[g->naf];
  a->person = person;
  a->org = org;
  a->doc = doc && g->borrow ? doc : g->r[person].doc;
  a->doc_copy = NULL;
  if (!(a->role = an_strdup(role ? role : "")))
    return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  if (doc && !g->borrow && !(a->doc = a->doc_copy = an_strdup(doc))) {
    an_free(a->role);
    return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  }
  g->naf++;
  return AN_OK;
}

an_status an_registry_add_doc(an_registry *g, const char *doc_id, const an_doc_actors *da,
                              size_t *first_index, an_error *err) {
  size_t first = g->n;
  for (size_t i = 0; i < da->n_actors; i++) {
    const an_doc_actor *a = &da->actors[i];
    an_status st = an_registry_add(g, doc_id, a->id, a->label, a->kind, a->country, a->key,
                                   (const char *const *)a->aliases, a->n_aliases, a->mentions, NULL, err);
    if (st != AN_OK) return st;
  }
  for (size_t k = 0; k < da->n_affiliations; k++) {
    const an_affiliation *f = &da->affiliations[k];
    an_status st = an_registry_add_affiliation(g, first + f->person, first + f->org, f->role, err);
    if (st != AN_OK) return st;
  }
  if (first_index) *first_index = first;
  return AN_OK;
}

/* ---- joining ---- */

static size_t find(size_t *p, size_t x) {
  while (p[x] != x) {
    p[x] = p[p[x]];
    x = p[x];
  }
  return x;
}

/* The gazetteer id of a cluster (any member's), or NULL; roots carry it. */
static const char *cluster_gz(const an_registry *g, const char **gzof, size_t x) {
  (void)g;
  return gzof[x];
}

static int unite(an_registry *g, const char **gzof, size_t a, size_t b) {
  a = find(g->parent, a);
  b = find(g->parent, b);
  if (a == b) return 1;
  const char *ga = cluster_gz(g, gzof, a), *gb = cluster_gz(g, gzof, b);
  if (ga && gb && strcmp(ga, gb) != 0) return 0; /* two known actors never merge */
  if (g->r[a].kind != g->r[b].kind) return 0;
  /* the smaller index becomes the root: any order gives the same clusters */
  if (b < a) {
    size_t t = a;
    a = b;
    b = t;
  }
  g->parent[b] = a;
  if (!gzof[a]) gzof[a] = gzof[b];
  return 1;
}

static int cmp_recp(const void *x, const void *y) {
  const rec *a = *(const rec *const *)x, *b = *(const rec *const *)y;
  if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
  int c = strcmp(a->id, b->id);
  if (c) return c;
  if ((c = strcmp(a->label, b->label))) return c;
  if ((c = strcmp(a->doc, b->doc))) return c;
  if ((c = strcmp(a->key ? a->key : "", b->key ? b->key : ""))) return c;
  if (a->mentions != b->mentions) return a->mentions < b->mentions ? -1 : 1;
  return a < b ? -1 : a > b;
}

typedef struct skel {
  char s[64];
  size_t rec, rank; /* rank: place in the fixed record order */
} skel;

static int cmp_skel(const void *x, const void *y) {
  const skel *a = x, *b = y;
  int c = strcmp(a->s, b->s);
  if (c) return c;
  return a->rank < b->rank ? -1 : a->rank > b->rank;
}

static int shares_affiliation(const an_registry *g, size_t r, size_t root) {
  for (size_t i = 0; i < g->naf; i++) {
    if (g->af[i].person != r) continue;
    size_t org = find(g->parent, g->af[i].org);
    for (size_t k = 0; k < g->naf; k++)
      if (find(g->parent, g->af[k].person) == root && g->af[k].person != r &&
          find(g->parent, g->af[k].org) == org)
        return 1;
  }
  return 0;
}

typedef struct folded {
  char s[128];
  size_t rec;
} folded;

static int cmp_folded(const void *x, const void *y) {
  const folded *a = x, *b = y;
  int c = strcmp(a->s, b->s);
  if (c) return c;
  return a->rec < b->rec ? -1 : a->rec > b->rec;
}

/* The entries of one skeleton bucket grouped by name (surname, given
 * words): cls[i] is entry a+i's class, rep[c] a class's first entry; memo
 * caches names_compatible per class pair (bit 1: known, bit 2: result) for
 * need_given 0 and 1, when the bucket has few enough names. */
typedef struct nclass {
  size_t *cls, *rep, d, capc, capr;
  unsigned char *memo;
  size_t capm;
  struct nent { const char *sur, *given; size_t ent; } *tmp;
  size_t capt;
} nclass;

static void nclass_free(nclass *nc) {
  an_free(nc->cls);
  an_free(nc->rep);
  an_free(nc->memo);
  an_free(nc->tmp);
}

static int cmp_nent(const void *x, const void *y) {
  const struct nent *a = x, *b = y;
  int c = strcmp(a->sur, b->sur);
  if (!c) c = strcmp(a->given, b->given);
  if (c) return c;
  return a->ent < b->ent ? -1 : a->ent > b->ent;
}

#define NCLASS_MEMO_MAX 2048

static an_status classify(const an_registry *g, const skel *sk, size_t a, size_t b, nclass *nc) {
  size_t k = b - a;
  if (an_grow((void **)&nc->cls, &nc->capc, k + 1, sizeof *nc->cls) != AN_OK ||
      an_grow((void **)&nc->rep, &nc->capr, k + 1, sizeof *nc->rep) != AN_OK ||
      an_grow((void **)&nc->tmp, &nc->capt, k + 1, sizeof *nc->tmp) != AN_OK)
    return AN_ENOMEM;
  for (size_t i = 0; i < k; i++) {
    const rec *r = &g->r[sk[a + i].rec];
    nc->tmp[i] = (struct nent){r->sur, r->given, a + i};
  }
  if (k > 1) qsort(nc->tmp, k, sizeof *nc->tmp, cmp_nent);
  nc->d = 0;
  for (size_t i = 0; i < k; i++) {
    if (i == 0 || strcmp(nc->tmp[i].sur, nc->tmp[i - 1].sur) != 0 || strcmp(nc->tmp[i].given, nc->tmp[i - 1].given) != 0)
      nc->rep[nc->d++] = nc->tmp[i].ent; /* the smallest entry of the class */
    nc->cls[nc->tmp[i].ent - a] = nc->d - 1;
  }
  if (nc->d <= NCLASS_MEMO_MAX && nc->d > 1) {
    if (an_grow((void **)&nc->memo, &nc->capm, nc->d * nc->d, 1) != AN_OK) return AN_ENOMEM;
    memset(nc->memo, 0, nc->d * nc->d);
  }
  return AN_OK;
}

/* names_compatible of two classes' names (a name's entries all share it). */
static int compat(const an_registry *g, const skel *sk, nclass *nc, size_t ci, size_t cj, int need_given) {
  const rec *x = &g->r[sk[nc->rep[ci]].rec], *y = &g->r[sk[nc->rep[cj]].rec];
  if (nc->d > NCLASS_MEMO_MAX || nc->d < 2) return names_compatible(x, y, need_given);
  unsigned char *m = &nc->memo[ci * nc->d + cj];
  unsigned char known = need_given ? 1 : 4, yes = need_given ? 2 : 8;
  if (!(*m & known)) *m |= known | (names_compatible(x, y, need_given) ? yes : 0);
  return (*m & yes) != 0;
}

/* No entry's cluster has a gazetteer id: then no union in the bucket can
 * fail, whatever its order. */
static int bucket_gz_free(const an_registry *g, const skel *sk, size_t a, size_t b, const char **gzof) {
  for (size_t i = a; i < b; i++)
    if (gzof[find(g->parent, sk[i].rec)]) return 0;
  return 1;
}

/* Adds root to the (at most four) distinct candidate roots; *many when a
 * fifth distinct one turns up. */
static void add_candidate(size_t cand[4], size_t *n, int *many, size_t root) {
  for (size_t k = 0; k < *n; k++)
    if (cand[k] == root) return;
  if (*n < 4) cand[(*n)++] = root;
  else *many = 1;
}

static an_status join(an_registry *g, size_t *ord, const char **gzof) {
  /* records in a fixed order, whatever the order of adds */
  const rec **rp = an_malloc((g->n ? g->n : 1) * sizeof *rp);
  if (!rp) return AN_ENOMEM;
  for (size_t i = 0; i < g->n; i++) rp[i] = &g->r[i];
  qsort(rp, g->n, sizeof *rp, cmp_recp);
  for (size_t i = 0; i < g->n; i++) ord[i] = (size_t)(rp[i] - g->r);
  an_free(rp);
  /* 1. same kind and id */
  /* (a bare surname's slug is weak evidence: two "Berg"s may be two people;
   * step 3b decides for them) */
  for (size_t i = 1; i < g->n; i++) {
    const rec *a = &g->r[ord[i - 1]], *b = &g->r[ord[i]];
    if (a->kind != b->kind || strcmp(a->id, b->id) != 0) continue;
    if (a->kind == AN_KIND_PERSON && !a->gz && (!*a->given || !*b->given)) continue;
    unite(g, gzof, ord[i - 1], ord[i]);
  }
  /* 2. organizations and countries sharing a name or alias */
  size_t nf = 0, capf = 0;
  folded *fl = NULL;
  for (size_t i = 0; i < g->n; i++) {
    const rec *r = &g->r[i];
    if (r->kind == AN_KIND_PERSON) continue;
    for (size_t k = 0; k <= r->n_aliases; k++) {
      const char *s = k == 0 ? r->label : r->aliases[k - 1];
      if (an_grow((void **)&fl, &capf, nf + 1, sizeof *fl) != AN_OK) {
        an_free(fl);
        return AN_ENOMEM;
      }
      an_word_fold(s, strlen(s), fl[nf].s, sizeof fl[nf].s);
      /* a short word alone ("US", "Fed") is too weak to join on */
      if (strlen(fl[nf].s) < 3) continue;
      fl[nf].rec = i;
      nf++;
    }
  }
  if (nf) qsort(fl, nf, sizeof *fl, cmp_folded);
  for (size_t i = 1; i < nf; i++)
    if (strcmp(fl[i - 1].s, fl[i].s) == 0) unite(g, gzof, fl[i - 1].rec, fl[i].rec);
  an_free(fl);
  /* 3. people: spelling variants of one name */
  size_t ns = 0, caps = 0;
  skel *sk = NULL;
  for (size_t k = 0; k < g->n; k++) {
    size_t i = ord[k];
    const rec *r = &g->r[i];
    if (r->kind != AN_KIND_PERSON || !*r->sur) continue;
    for (int v = 0; v < 2; v++) {
      char sur[256], given[256];
      if (!surname_variant(r, v, sur, sizeof sur, given, sizeof given)) continue;
      if (an_grow((void **)&sk, &caps, ns + 1, sizeof *sk) != AN_OK) {
        an_free(sk);
        return AN_ENOMEM;
      }
      an_name_skeleton(sur, sk[ns].s, sizeof sk[ns].s);
      sk[ns].rec = i;
      sk[ns].rank = k;
      ns++;
    }
  }
  if (ns) qsort(sk, ns, sizeof *sk, cmp_skel);
  /* 3a. full names (with a given name) that fit each other. A bucket holds
   * one entry per sighting, so popular names make big buckets: entries are
   * grouped by name (names_compatible reads only surname and given words)
   * and each pair of names is compared once. */
  nclass nc = {0};
  an_status st = AN_OK;
  for (size_t a = 0; st == AN_OK && a < ns;) {
    size_t b = a;
    while (b < ns && strcmp(sk[b].s, sk[a].s) == 0) b++;
    if ((st = classify(g, sk, a, b, &nc)) != AN_OK) break;
    if (bucket_gz_free(g, sk, a, b, gzof)) {
      /* Every union succeeds here (one kind, no gazetteer id to clash), so
       * the clusters are the components of the compatibility graph: equal
       * names are compatible, so one union per name and name pair. */
      for (size_t i = a; i < b; i++) {
        size_t c = nc.cls[i - a];
        if (*g->r[sk[i].rec].given) unite(g, gzof, sk[nc.rep[c]].rec, sk[i].rec);
      }
      for (size_t c1 = 0; c1 < nc.d; c1++)
        for (size_t c2 = c1 + 1; c2 < nc.d; c2++) {
          size_t x = sk[nc.rep[c1]].rec, y = sk[nc.rep[c2]].rec;
          if (!*g->r[x].given || !*g->r[y].given) continue;
          if (compat(g, sk, &nc, c1, c2, 1)) unite(g, gzof, x, y);
        }
    } else {
      for (size_t i = a; i < b; i++)
        for (size_t j = i + 1; j < b; j++) {
          const rec *x = &g->r[sk[i].rec], *y = &g->r[sk[j].rec];
          if (!*x->given || !*y->given) continue;
          if (compat(g, sk, &nc, nc.cls[i - a], nc.cls[j - a], 1)) unite(g, gzof, sk[i].rec, sk[j].rec);
        }
    }
    a = b;
  }
  /* 3b. a surname alone joins the one full name it fits (or, among
   * several, the one sharing an affiliation); bare surnames left over join
   * each other */
  unsigned char *placed = st == AN_OK ? an_calloc(g->n ? g->n : 1, 1) : NULL;
  if (!placed) {
    nclass_free(&nc);
    an_free(sk);
    return AN_ENOMEM;
  }
  size_t *croot = NULL, ccap = 0;
  for (size_t a = 0; st == AN_OK && a < ns;) {
    size_t b = a;
    while (b < ns && strcmp(sk[b].s, sk[a].s) == 0) b++;
    if ((st = classify(g, sk, a, b, &nc)) != AN_OK) break;
    int fast = bucket_gz_free(g, sk, a, b, gzof);
    if (fast && (st = an_grow((void **)&croot, &ccap, nc.d + 1, sizeof *croot)) != AN_OK) break;
    /* Without gazetteer ids, the full names of one class are one cluster
     * (3a joined them), so a class's root stands for all its entries. */
    for (size_t c = 0; fast && c < nc.d; c++) croot[c] = SIZE_MAX;
    for (size_t i = a; i < b; i++) {
      size_t r = sk[i].rec;
      if (*g->r[r].given || placed[r]) continue;
      size_t cand[4], nc_ = 0;
      int many = 0;
      if (fast) {
        for (size_t c = 0; c < nc.d; c++) {
          size_t q = sk[nc.rep[c]].rec;
          if (!*g->r[q].given || !compat(g, sk, &nc, nc.cls[i - a], c, 0)) continue;
          add_candidate(cand, &nc_, &many, find(g->parent, q));
        }
      } else {
        for (size_t j = a; j < b; j++) {
          size_t q = sk[j].rec;
          if (!*g->r[q].given || !compat(g, sk, &nc, nc.cls[i - a], nc.cls[j - a], 0)) continue;
          add_candidate(cand, &nc_, &many, find(g->parent, q));
        }
      }
      if (nc_ == 1 && !many) {
        placed[r] = unite(g, gzof, r, cand[0]);
      } else if (nc_ > 1) {
        size_t hit = SIZE_MAX;
        int hits = 0;
        for (size_t k = 0; k < nc_; k++)
          if (shares_affiliation(g, r, cand[k])) hit = cand[k], hits++;
        if (hits == 1 && !many) placed[r] = unite(g, gzof, r, hit);
      }
    }
    if (fast) {
      /* leftover bare surnames: components again; croot[c] is the first
       * unplaced bare entry of class c */
      for (size_t i = a; i < b; i++) {
        size_t r = sk[i].rec, c = nc.cls[i - a];
        if (*g->r[r].given || placed[r]) continue;
        if (croot[c] == SIZE_MAX) croot[c] = r;
        else unite(g, gzof, croot[c], r);
      }
      for (size_t c1 = 0; c1 < nc.d; c1++)
        for (size_t c2 = c1 + 1; c2 < nc.d; c2++)
          if (croot[c1] != SIZE_MAX && croot[c2] != SIZE_MAX && compat(g, sk, &nc, c1, c2, 0))
            unite(g, gzof, croot[c1], croot[c2]);
    } else {
      for (size_t i = a; i < b; i++)
        for (size_t j = i + 1; j < b; j++) {
          size_t r = sk[i].rec, q = sk[j].rec;
          if (*g->r[r].given || *g->r[q].given || placed[r] || placed[q] || r == q) continue;
          if (compat(g, sk, &nc, nc.cls[i - a], nc.cls[j - a], 0)) unite(g, gzof, r, q);
        }
    }
    a = b;
  }
  an_free(croot);
  nclass_free(&nc);
  an_free(placed);
  an_free(sk);
  return st;
}

/* ---- final actors ---- */

static size_t words_in(const char *s) {
  size_t n = 0;
  int in = 0;
  for (; *s; s++) {
    int w = *s != ' ';
    if (w && !in) n++;
    in = w;
  }
  return n;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_fin(const void *a, const void *b) {
  const fin *x = a, *y = b;
  int c = strcmp(x->id, y->id);
  if (c) return c;
  if (x->kind != y->kind) return x->kind < y->kind ? -1 : 1;
  if ((c = strcmp(x->label, y->label))) return c;
  return x->root < y->root ? -1 : x->root > y->root;
}

/* Is label a better canonical name than cur? (fixed rules: a gazetteer
 * label; then more name words; then more mentions; then the smaller
 * string) */
typedef struct lab {
  size_t fin;
  const char *label; /* or the key */
  size_t rec;
} lab;

static int cmp_lab(const void *a, const void *b) {
  const lab *x = a, *y = b;
  if (x->fin != y->fin) return x->fin < y->fin ? -1 : 1;
  int c = strcmp(x->label, y->label);
  if (c) return c;
  return x->rec < y->rec ? -1 : x->rec > y->rec;
}

static size_t name_words_of(const rec *r) {
  return r->kind == AN_KIND_PERSON ? words_in(r->sur) + words_in(r->given) : words_in(r->label);
}

static int better_label(const an_registry *g, size_t ci, size_t ui, const uint64_t *km,
                        const uint64_t *lm) {
  const rec *cand = &g->r[ci], *cur = &g->r[ui];
  if (cand->gz != cur->gz) return cand->gz;
  size_t wc = name_words_of(cand), wu = name_words_of(cur);
  if (cand->kind == AN_KIND_PERSON && wc != wu) return wc > wu;
  if (km[ci] != km[ui]) return km[ci] > km[ui]; /* the most used spelling */
  if (lm[ci] != lm[ui]) return lm[ci] > lm[ui];
  return strcmp(cand->label, cur->label) < 0;
}

static void sum_by(const an_registry *g, lab *labs, uint64_t *out) {
  qsort(labs, g->n, sizeof *labs, cmp_lab);
  for (size_t a = 0; a < g->n;) {
    size_t b = a;
    uint64_t sum = 0;
    while (b < g->n && labs[b].fin == labs[a].fin && strcmp(labs[b].label, labs[a].label) == 0)
      sum += g->r[labs[b].rec].mentions, b++;
    for (size_t k = a; k < b; k++) out[labs[k].rec] = sum;
    a = b;
  }
}

static int cmp_fin_p(const void *a, const void *b) {
  return cmp_fin(*(fin *const *)a, *(fin *const *)b);
}

/* Sorts the final actors (cmp_fin) and renumbers canon. fp, inv: scratch of nf. */
static an_status sort_fins(an_registry *g, fin **fp, size_t *inv) {
  for (size_t f = 0; f < g->nf; f++) fp[f] = &g->f[f];
  qsort(fp, g->nf, sizeof *fp, cmp_fin_p);
  fin *sorted = an_malloc((g->nf ? g->nf : 1) * sizeof *sorted);
  if (!sorted) return AN_ENOMEM;
  for (size_t f = 0; f < g->nf; f++) {
    inv[fp[f] - g->f] = f;
    sorted[f] = *fp[f];
  }
  memcpy(g->f, sorted, g->nf * sizeof *sorted);
  an_free(sorted);
  for (size_t i = 0; i < g->n; i++) g->canon[i] = inv[g->canon[i]];
  return AN_OK;
}

/* Is id a final actor's id? (final actors sorted by id) */
static int fin_has_id(const an_registry *g, const char *id) {
  size_t lo = 0, hi = g->nf;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(g->f[mid].id, id);
    if (!c) return 1;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

static an_status build_finals(an_registry *g, const size_t *ord) {
  size_t n = g->n ? g->n : 1;
  an_status st = AN_OK;
  size_t *root_to_fin = an_malloc(n * sizeof *root_to_fin);
  size_t *best = an_malloc(n * sizeof *best);
  uint64_t *lm = an_calloc(n, sizeof *lm), *km = an_calloc(n, sizeof *km);
  size_t *start = an_calloc(n + 1, sizeof *start);
  size_t *members = an_malloc(n * sizeof *members);
  lab *labs = an_malloc(n * sizeof *labs);
  fin **fp = NULL;
  size_t *inv = NULL;
  g->canon = an_malloc(n * sizeof *g->canon);
  g->f = an_calloc(n, sizeof *g->f);
  if (!root_to_fin || !best || !lm || !km || !start || !members || !labs || !g->canon || !g->f) {
    st = AN_ENOMEM;
    goto done;
  }
  for (size_t i = 0; i < g->n; i++) root_to_fin[i] = SIZE_MAX;
  for (size_t k = 0; k < g->n; k++) {
    size_t i = ord[k];
    size_t root = find(g->parent, i);
    if (root_to_fin[root] == SIZE_MAX) {
      root_to_fin[root] = g->nf++;
      best[root_to_fin[root]] = SIZE_MAX;
      g->f[root_to_fin[root]].root = root;
    }
    g->canon[i] = root_to_fin[root];
  }
  /* members of each final actor, in sorted record order */
  for (size_t i = 0; i < g->n; i++) start[g->canon[i] + 1]++;
  for (size_t f = 0; f < g->nf; f++) start[f + 1] += start[f];
  {
    size_t *fill = root_to_fin; /* reuse: no longer needed */
    for (size_t f = 0; f <= g->nf && f < n; f++) fill[f] = start[f];
    for (size_t k = 0; k < g->n; k++) members[fill[g->canon[ord[k]]]++] = ord[k];
  }
  /* mentions per (final actor, label) and per (final actor, key) */
  for (size_t i = 0; i < g->n; i++) labs[i] = (lab){g->canon[i], g->r[i].label, i};
  sum_by(g, labs, lm);
  for (size_t i = 0; i < g->n; i++) labs[i] = (lab){g->canon[i], g->r[i].key ? g->r[i].key : g->r[i].label, i};
  sum_by(g, labs, km);
  for (size_t k = 0; k < g->n; k++) {
    size_t i = ord[k];
    size_t f = g->canon[i];
    if (best[f] == SIZE_MAX || better_label(g, i, best[f], km, lm)) best[f] = i;
    g->f[f].mentions += g->r[i].mentions;
  }
  for (size_t f = 0; f < g->nf && st == AN_OK; f++) {
    const rec *b = &g->r[best[f]];
    fin *x = &g->f[f];
    x->kind = b->kind;
    memcpy(x->country, b->country, sizeof x->country);
    x->label = an_strdup(b->label);
    if (b->gz) x->id = an_strdup(b->id);
    else {
      char slug[512];
      if (an_slugify(b->label, slug, sizeof slug) != AN_OK || !slug[0]) snprintf(slug, sizeof slug, "%s", b->id);
      x->id = an_strdup(slug);
    }
    if (!x->label || !x->id) {
      st = AN_ENOMEM;
      break;
    }
    size_t na = 0, nd = 0;
    for (size_t k = start[f]; k < start[f + 1]; k++) {
      const rec *r = &g->r[members[k]];
      na += r->n_aliases + 1;
      nd += r->n_docs ? r->n_docs : 1;
      if (!x->country[0] && r->country[0]) memcpy(x->country, r->country, sizeof x->country);
    }
    x->aliases = an_calloc(na ? na : 1, sizeof *x->aliases);
    x->docs = an_calloc(nd ? nd : 1, sizeof *x->docs);
    if (!x->aliases || !x->docs) {
      st = AN_ENOMEM;
      break;
    }
    for (size_t k = start[f]; k < start[f + 1] && st == AN_OK; k++) {
      const rec *r = &g->r[members[k]];
      if (!r->n_docs) x->docs[x->n_docs++] = r->doc;
      for (size_t q = 0; q < r->n_docs; q++) x->docs[x->n_docs++] = r->docs[q];
      for (size_t q = 0; q <= r->n_aliases; q++) {
        const char *a = q == 0 ? r->label : r->aliases[q - 1];
        if (g->borrow) x->aliases[x->n_aliases] = (char *)a;
        else if (!(x->aliases[x->n_aliases] = an_strdup(a))) {
          st = AN_ENOMEM;
          break;
        }
        x->n_aliases++;
      }
    }
    if (st != AN_OK) break;
    qsort(x->aliases, x->n_aliases, sizeof *x->aliases, cmp_str);
    size_t w = 0;
    for (size_t k = 0; k < x->n_aliases; k++) {
      if (w && strcmp(x->aliases[w - 1], x->aliases[k]) == 0) {
        if (!g->borrow) an_free(x->aliases[k]);
        continue;
      }
      x->aliases[w++] = x->aliases[k];
    }
    x->n_aliases = w;
    qsort(x->docs, x->n_docs, sizeof *x->docs, cmp_str);
    w = 0;
    for (size_t k = 0; k < x->n_docs; k++)
      if (!w || strcmp(x->docs[w - 1], x->docs[k]) != 0) x->docs[w++] = x->docs[k];
    x->n_docs = w;
  }
  if (st != AN_OK) goto done;
  /* sort by id and renumber; then make ids unique ("-2", "-3"), and sort
   * again: a suffix can move an id past others ("a-2" > "a!"), and lookups
   * (an_graph_find_node) need strcmp order */
  fp = an_malloc((g->nf ? g->nf : 1) * sizeof *fp);
  inv = an_malloc((g->nf ? g->nf : 1) * sizeof *inv);
  if (!fp || !inv) {
    st = AN_ENOMEM;
    goto done;
  }
  if ((st = sort_fins(g, fp, inv)) != AN_OK) goto done;
  {
    /* names are chosen first and set after: the search needs the ids as sorted */
    char **names = an_calloc(g->nf ? g->nf : 1, sizeof *names);
    if (!names) {
      st = AN_ENOMEM;
      goto done;
    }
    for (size_t a = 0; a < g->nf && st == AN_OK;) {
      size_t b = a + 1;
      while (b < g->nf && strcmp(g->f[b].id, g->f[a].id) == 0) b++;
      /* a run of equal ids: the first keeps it, the others take the
       * smallest free "id-k" (free among all ids: "a-2" may exist) */
      size_t k = 2;
      for (size_t i = a + 1; i < b && st == AN_OK; i++) {
        char buf[600];
        do snprintf(buf, sizeof buf, "%s-%zu", g->f[a].id, k++);
        while (fin_has_id(g, buf));
        if (!(names[i] = an_strdup(buf))) st = AN_ENOMEM;
      }
      a = b;
    }
    for (size_t f = 0; f < g->nf; f++) {
      if (!names[f]) continue;
      an_free(g->f[f].id);
      g->f[f].id = names[f];
    }
    an_free(names);
  }
  if (st == AN_OK) st = sort_fins(g, fp, inv);
done:
  an_free(root_to_fin);
  an_free(best);
  an_free(lm);
  an_free(km);
  an_free(start);
  an_free(members);
  an_free(labs);
  an_free(fp);
  an_free(inv);
  return st;
}

typedef struct afx {
  size_t person, org;
  const char *role, *doc;
} afx;

/* Final actors are sorted by id, so their indexes order like their ids. */
static int cmp_afx_key(const afx *x, const afx *y) {
  if (x->person != y->person) return x->person < y->person ? -1 : 1;
  if (x->org != y->org) return x->org < y->org ? -1 : 1;
  return strcmp(x->role, y->role);
}

static int cmp_afx(const void *a, const void *b) {
  const afx *x = a, *y = b;
  int c = cmp_afx_key(x, y);
  return c ? c : strcmp(x->doc, y->doc);
}

static an_status build_affiliations(an_registry *g) {
  g->faf = an_calloc(g->naf ? g->naf : 1, sizeof *g->faf);
  afx *v = an_malloc((g->naf ? g->naf : 1) * sizeof *v);
  if (!g->faf || !v) {
    an_free(v);
    return AN_ENOMEM;
  }
  size_t nv = 0;
  for (size_t i = 0; i < g->naf; i++) {
    afx a = {g->canon[g->af[i].person], g->canon[g->af[i].org], g->af[i].role, g->af[i].doc};
    if (a.person != a.org) v[nv++] = a;
  }
  if (nv) qsort(v, nv, sizeof *v, cmp_afx);
  for (size_t a = 0; a < nv;) {
    size_t b = a;
    size_t docs = 0;
    while (b < nv && cmp_afx_key(&v[a], &v[b]) == 0) {
      if (b == a || strcmp(v[b - 1].doc, v[b].doc) != 0) docs++;
      b++;
    }
    g->faf[g->nfaf++] = (an_reg_affiliation){v[a].person, v[a].org, v[a].role, docs};
    a = b;
  }
  an_free(v);
  return AN_OK;
}

/* Total order on records by content (every field the join reads), so
 * that records can be renumbered whatever the order of adds. */
static int cmp_rec_content(const rec *a, const rec *b) {
  if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
  int c = strcmp(a->id, b->id);
  if (!c) c = strcmp(a->label, b->label);
  if (!c) c = strcmp(a->doc, b->doc);
  if (!c) c = strcmp(a->key ? a->key : "", b->key ? b->key : "");
  if (!c && !a->key != !b->key) c = a->key ? 1 : -1;
  if (!c && a->mentions != b->mentions) c = a->mentions < b->mentions ? -1 : 1;
  if (!c) c = strcmp(a->country, b->country);
  if (!c && a->n_aliases != b->n_aliases) c = a->n_aliases < b->n_aliases ? -1 : 1;
  for (size_t i = 0; !c && i < a->n_aliases; i++) c = strcmp(a->aliases[i], b->aliases[i]);
  return c;
}

static int cmp_rec_content_p(const void *x, const void *y) {
  const rec *a = *(const rec *const *)x, *b = *(const rec *const *)y;
  int c = cmp_rec_content(a, b);
  return c ? c : (a < b ? -1 : a > b);
}

/* Renumbers the records in content order (renum: add index -> new index)
 * and their affiliations. Every later tie broken by a record index (union
 * roots, first members) is then a tie broken by content: the order of
 * adds cannot show in the result (graph.h: shards in any order). */
static an_status canonical_order(an_registry *g) {
  size_t n = g->n ? g->n : 1;
  const rec **rp = an_malloc(n * sizeof *rp);
  rec *sorted = an_malloc(n * sizeof *sorted);
  g->renum = an_malloc(n * sizeof *g->renum);
  if (!rp || !sorted || !g->renum) {
    an_free(rp);
    an_free(sorted);
    return AN_ENOMEM;
  }
  for (size_t i = 0; i < g->n; i++) rp[i] = &g->r[i];
  qsort(rp, g->n, sizeof *rp, cmp_rec_content_p);
  for (size_t k = 0; k < g->n; k++) {
    g->renum[rp[k] - g->r] = k;
    sorted[k] = *rp[k];
  }
  if (g->n) memcpy(g->r, sorted, g->n * sizeof *sorted);
  for (size_t i = 0; i < g->naf; i++) {
    g->af[i].person = g->renum[g->af[i].person];
    g->af[i].org = g->renum[g->af[i].org];
  }
  an_free(rp);
  an_free(sorted);
  return AN_OK;
}

an_status an_registry_finish(an_registry *g, an_error *err) {
  if (g->finished) return AN_OK;
  an_status st = canonical_order(g);
  if (st != AN_OK) return an_error_set(err, st, NULL, 0, -1, "registry: %s", an_status_str(st));
  st = AN_ENOMEM;
  size_t *ord = an_malloc((g->n ? g->n : 1) * sizeof *ord);
  const char **gzof = an_calloc(g->n ? g->n : 1, sizeof *gzof);
  g->parent = an_malloc((g->n ? g->n : 1) * sizeof *g->parent);
  if (ord && gzof && g->parent) {
    for (size_t i = 0; i < g->n; i++) {
      g->parent[i] = i;
      gzof[i] = g->r[i].gz ? g->r[i].id : NULL;
    }
    st = join(g, ord, gzof);
    if (st == AN_OK) st = build_finals(g, ord);
    if (st == AN_OK) st = build_affiliations(g);
  }
  an_free(ord);
  an_free(gzof);
  if (st != AN_OK) return an_error_set(err, st, NULL, 0, -1, "registry: %s", an_status_str(st));
  g->finished = 1;
  return AN_OK;
}

size_t an_registry_count(const an_registry *g) { return g->finished ? g->nf : 0; }
size_t an_registry_canonical(const an_registry *g, size_t i) {
  return g->finished && i < g->n ? g->canon[g->renum[i]] : SIZE_MAX;
}
const char *an_registry_id(const an_registry *g, size_t i) { return g->f[i].id; }
const char *an_registry_label(const an_registry *g, size_t i) { return g->f[i].label; }
an_actor_kind an_registry_kind(const an_registry *g, size_t i) { return g->f[i].kind; }
const char *an_registry_country(const an_registry *g, size_t i) { return g->f[i].country; }
const char *const *an_registry_aliases(const an_registry *g, size_t i, size_t *n) {
  *n = g->f[i].n_aliases;
  return (const char *const *)g->f[i].aliases;
}
uint64_t an_registry_mentions(const an_registry *g, size_t i) { return g->f[i].mentions; }
const char *const *an_registry_docs(const an_registry *g, size_t i, size_t *n) {
  *n = g->f[i].n_docs;
  return (const char *const *)g->f[i].docs;
}
size_t an_registry_n_affiliations(const an_registry *g) { return g->nfaf; }
const an_reg_affiliation *an_registry_affiliation(const an_registry *g, size_t k) {
  return k < g->nfaf ? &g->faf[k] : NULL;
}
