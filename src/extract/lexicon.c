/* lexicon.c: reads the extract stage's rule data (lexicon.h). */
#include "extract/lexicon.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/core.h"
#include "core/scan.h"

/* ---- patterns ---------------------------------------------------------- */

static void lower_ascii(char *s) {
  for (; *s; s++) *s = (char)tolower((unsigned char)*s);
}

static an_status push_alt(an_pword *w, size_t *cap, const char *s, size_t n) {
  if (an_grow((void **)&w->alts, cap, w->n_alts + 1, sizeof(char *)) != AN_OK) return AN_ENOMEM;
  char *c = an_strndup(s, n);
  if (!c) return AN_ENOMEM;
  lower_ascii(c);
  w->alts[w->n_alts++] = c;
  return AN_OK;
}

static int is_vowel(char c) { return strchr("aeiou", c) != NULL; }

/* Regular English inflections of a verb lemma: base, -s, -ed, -ing. */
static an_status push_verb(an_pword *w, size_t *cap, const char *s, size_t n) {
  char buf[96];
  if (n == 0 || n > 60) return AN_EINVAL;
  an_status st = push_alt(w, cap, s, n);
  char last = s[n - 1], prev = n > 1 ? s[n - 2] : 0;
  /* third person */
  if (last == 'y' && !is_vowel(prev))
    snprintf(buf, sizeof buf, "%.*sies", (int)(n - 1), s);
  else if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's')))
    snprintf(buf, sizeof buf, "%.*ses", (int)n, s);
  else
    snprintf(buf, sizeof buf, "%.*ss", (int)n, s);
  if (st == AN_OK) st = push_alt(w, cap, buf, strlen(buf));
  /* past */
  if (last == 'e')
    snprintf(buf, sizeof buf, "%.*sd", (int)n, s);
  else if (last == 'y' && !is_vowel(prev))
    snprintf(buf, sizeof buf, "%.*sied", (int)(n - 1), s);
  else
    snprintf(buf, sizeof buf, "%.*sed", (int)n, s);
  if (st == AN_OK) st = push_alt(w, cap, buf, strlen(buf));
  /* -ing */
  if (last == 'e' && prev != 'e')
    snprintf(buf, sizeof buf, "%.*sing", (int)(n - 1), s);
  else
    snprintf(buf, sizeof buf, "%.*sing", (int)n, s);
  if (st == AN_OK) st = push_alt(w, cap, buf, strlen(buf));
  return st;
}

void an_pattern_clear(an_pattern *p) {
  if (!p) return;
  for (size_t i = 0; i < p->n_words; i++) {
    for (size_t j = 0; j < p->words[i].n_alts; j++) an_free(p->words[i].alts[j]);
    an_free(p->words[i].alts);
    an_free(p->words[i].ids);
  }
  an_free(p->words);
  memset(p, 0, sizeof *p);
}

an_status an_pattern_parse(const char *text, int gap_max, an_pattern *p, an_error *err) {
  size_t cap = 0;
  memset(p, 0, sizeof *p);
  p->gap_max = gap_max > 0 ? gap_max : 6;
  const char *s = text;
  while (*s) {
    while (*s == ' ') s++;
    if (!*s) break;
    const char *e = s;
    while (*e && *e != ' ') e++;
    if (an_grow((void **)&p->words, &cap, p->n_words + 1, sizeof(an_pword)) != AN_OK) goto oom;
    an_pword *w = &p->words[p->n_words++];
    memset(w, 0, sizeof *w);
    size_t wcap = 0;
    size_t len = (size_t)(e - s);
    if (len == 3 && memcmp(s, "...", 3) == 0) {
      w->gap = 1;
    } else {
      if (len > 1 && s[len - 1] == '?') {
        w->optional = 1;
        len--;
      }
      const char *a = s, *end = s + len;
      while (a < end) {
        const char *b = a;
        while (b < end && *b != '|') b++;
        size_t alen = (size_t)(b - a);
        an_status st;
        if (alen > 2 && memcmp(b - 2, ":v", 2) == 0)
          st = push_verb(w, &wcap, a, alen - 2);
        else if (alen > 0)
          st = push_alt(w, &wcap, a, alen);
        else
          st = AN_OK;
        if (st == AN_ENOMEM) goto oom;
        if (st != AN_OK) {
          an_pattern_clear(p);
          return an_error_set(err, AN_EDATA, NULL, 0, (long)(a - text), "bad pattern word in \"%s\"", text);
        }
        a = b + 1;
      }
      if (w->n_alts == 0) {
        an_pattern_clear(p);
        return an_error_set(err, AN_EDATA, NULL, 0, (long)(s - text), "empty pattern word in \"%s\"", text);
      }
    }
    s = e;
  }
  if (p->n_words == 0 || p->words[0].gap || p->words[p->n_words - 1].gap) {
    an_pattern_clear(p);
    return an_error_set(err, AN_EDATA, NULL, 0, 0, "pattern \"%s\" is empty or starts/ends with a gap", text);
  }
  return AN_OK;
oom:
  an_pattern_clear(p);
  return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
}

static int word_is(const an_pword *pw, const char *w) {
  if (!w) return 0;
  for (size_t i = 0; i < pw->n_alts; i++)
    if (strcmp(pw->alts[i], w) == 0) return 1;
  return 0;
}

static int gap_breaker(const char *w) {
  return !w || strcmp(w, ".") == 0 || strcmp(w, ";") == 0 || strcmp(w, ":") == 0 ||
         strcmp(w, "\"") == 0 || strcmp(w, "?") == 0 || strcmp(w, "!") == 0;
}

static uint32_t match_from(const an_pattern *p, size_t wi, const char *const *w, uint32_t i,
                           uint32_t lim, uint32_t *ga, uint32_t *gb) {
  if (wi == p->n_words) return i;
  const an_pword *pw = &p->words[wi];
  if (pw->gap) {
    for (int g = 1; g <= p->gap_max && i + (uint32_t)g <= lim; g++) {
      if (gap_breaker(w[i + (uint32_t)g - 1])) break;
      uint32_t r = match_from(p, wi + 1, w, i + (uint32_t)g, lim, ga, gb);
      if (r) {
        *ga = i;
        *gb = i + (uint32_t)g;
        return r;
      }
    }
    return 0;
  }
  if (i < lim && word_is(pw, w[i])) {
    uint32_t r = match_from(p, wi + 1, w, i + 1, lim, ga, gb);
    if (r) return r;
  }
  if (pw->optional) return match_from(p, wi + 1, w, i, lim, ga, gb);
  return 0;
}

uint32_t an_pattern_match(const an_pattern *p, const char *const *w, uint32_t i, uint32_t lim,
                          uint32_t *gap_a, uint32_t *gap_b) {
  uint32_t ga = 0, gb = 0;
  if (i >= lim) return 0;
  uint32_t r = match_from(p, 0, w, i, lim, &ga, &gb);
  if (r && r > i) {
    if (gap_a) *gap_a = ga;
    if (gap_b) *gap_b = gb;
    return r;
  }
  return 0;
}

uint32_t an_phrases_match(const an_phrases *l, const char *const *w, uint32_t i, uint32_t lim) {
  uint32_t best = 0;
  for (size_t k = 0; k < l->n; k++) {
    uint32_t r = an_pattern_match(&l->p[k], w, i, lim, NULL, NULL);
    if (r > best) best = r;
  }
  return best;
}

/* ---- matching over word ids (the same as above, integers for strings) ---- */

static int word_is_id(const an_pword *pw, uint32_t w) {
  if (!w) return 0; /* a word no pattern names */
  for (size_t i = 0; i < pw->n_alts; i++)
    if (pw->ids[i] == w) return 1;
  return 0;
}

static uint32_t match_from_id(const an_pattern *p, size_t wi, const uint32_t *w, uint32_t i, uint32_t lim,
                              uint32_t *ga, uint32_t *gb) {
  if (wi == p->n_words) return i;
  const an_pword *pw = &p->words[wi];
  if (pw->gap) {
    for (int g = 1; g <= p->gap_max && i + (uint32_t)g <= lim; g++) {
      uint32_t b = w[i + (uint32_t)g - 1];
      if (b >= 1 && b <= AN_WID_NBREAK) break;
      uint32_t r = match_from_id(p, wi + 1, w, i + (uint32_t)g, lim, ga, gb);
      if (r) {
        *ga = i;
        *gb = i + (uint32_t)g;
        return r;
      }
    }
    return 0;
  }
  if (i < lim && word_is_id(pw, w[i])) {
    uint32_t r = match_from_id(p, wi + 1, w, i + 1, lim, ga, gb);
    if (r) return r;
  }
  if (pw->optional) return match_from_id(p, wi + 1, w, i, lim, ga, gb);
  return 0;
}

uint32_t an_pattern_match_id(const an_pattern *p, const uint32_t *w, uint32_t i, uint32_t lim,
                             uint32_t *gap_a, uint32_t *gap_b) {
  uint32_t ga = 0, gb = 0;
  if (i >= lim) return 0;
  if (p->plain) {
    /* a plain word sequence (most cue phrases): what the recursion below
     * gives, in one pass */
    if (!p->n_words || p->n_words > lim - i) return 0;
    for (size_t wi = 0; wi < p->n_words; wi++)
      if (!word_is_id(&p->words[wi], w[i + wi])) return 0;
    if (gap_a) *gap_a = 0;
    if (gap_b) *gap_b = 0;
    return i + (uint32_t)p->n_words;
  }
  if (p->req) {
    uint32_t k = i + p->req_lo, e = lim - i > p->req_hi ? i + p->req_hi + 1 : lim;
    while (k < e && !((p->req >> (w[k] & 63)) & 1)) k++;
    if (k >= e) return 0;
  }
  uint32_t r = match_from_id(p, 0, w, i, lim, &ga, &gb);
  if (r && r > i) {
    if (gap_a) *gap_a = ga;
    if (gap_b) *gap_b = gb;
    return r;
  }
  return 0;
}

/* (without -mpopcnt, __builtin_popcountll is a libgcc call) */
static inline uint32_t popcount64(uint64_t x) {
  x = x - ((x >> 1) & 0x5555555555555555ull);
  x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return (uint32_t)((x * 0x0101010101010101ull) >> 56);
}

/* The longest of the patterns of rank r (those starting with w[i]) and of
 * the wild ones matching at i; r = UINT32_MAX: the wild ones only. */
static __attribute__((noinline)) uint32_t match_ranked(const an_phrases *l, const uint32_t *w, uint32_t i,
                                                        uint32_t lim, uint32_t r) {
  uint32_t best = 0;
  /* (the longest wins, so the order they are tried in does not matter) */
  for (uint32_t k = r == UINT32_MAX ? 0 : l->ix_off[r], end = r == UINT32_MAX ? 0 : l->ix_off[r + 1]; k < end; k++) {
    const an_pattern *p = &l->p[l->ix_pat[k]];
    uint32_t e;
    if (p->plain) { /* (an_pattern_match_id's one pass, here) */
      if (p->n_words > lim - i) continue;
      size_t wi = 1; /* the first word matched: it is the one indexed */
      for (; wi < p->n_words && word_is_id(&p->words[wi], w[i + wi]); wi++)
        ;
      if (wi < p->n_words) continue;
      e = i + (uint32_t)p->n_words;
    } else {
      e = an_pattern_match_id(p, w, i, lim, NULL, NULL);
    }
    if (e > best) best = e;
  }
  for (size_t k = 0; k < l->n_wild; k++) {
    uint32_t e = an_pattern_match_id(&l->p[l->wild[k]], w, i, lim, NULL, NULL);
    if (e > best) best = e;
  }
  return best;
}

uint32_t an_phrases_match_id_at(const an_phrases *l, const uint32_t *w, uint32_t i, uint32_t lim) {
  if (i >= lim) return 0;
  /* only the patterns that can start with this word: most calls end at
   * its bit or at the next word's (a small leaf; the search is apart) */
  uint32_t id = w[i], r = UINT32_MAX;
  if (id < l->n_bits) {
    uint64_t word = l->bits[id >> 6], bit = 1ull << (id & 63);
    if (word & bit) {
      r = l->rank[id >> 6] + popcount64(word & (bit - 1));
      /* no pattern of this word goes on with the next one: none matches */
      if (i + 1 < lim && !((l->ix_next[r] >> (w[i + 1] & 63)) & 1)) r = UINT32_MAX;
    }
  }
  if (r == UINT32_MAX && !l->n_wild) return 0;
  return match_ranked(l, w, i, lim, r);
}

/* ---- JSON helpers --------------------------------------------------------- */

typedef struct jctx {
  const char *path;
  an_error *err;
} jctx;

static an_status load_json(const char *dir, const char *name, cJSON **out, char *path, size_t pcap,
                           an_error *err) {
  char *text = NULL;
  size_t len = 0;
  *out = NULL;
  snprintf(path, pcap, "%s/lexicon/%s", dir, name);
  an_status st = an_file_slurp(path, &text, &len, err);
  if (st != AN_OK) return st;
  const char *end = NULL;
  cJSON *j = cJSON_ParseWithLengthOpts(text, len, &end, 0);
  if (!j) {
    long off = end ? (long)(end - text) : -1;
    long line = 1, col = 1; /* col in characters, as editors count */
    for (long k = 0; k < off && (size_t)k < len; k++) {
      if (text[k] == '\n') line++, col = 1;
      else if (((unsigned char)text[k] & 0xC0) != 0x80) col++;
    }
    an_free(text);
    return an_error_set(err, AN_EDATA, path, line, off, "column %ld: invalid JSON", col);
  }
  an_free(text);
  *out = j;
  return AN_OK;
}

static void phrases_clear(an_phrases *l) {
  for (size_t i = 0; i < l->n; i++) an_pattern_clear(&l->p[i]);
  an_free(l->p);
  an_free(l->ix_id);
  an_free(l->ix_pat);
  an_free(l->wild);
  if (l->pre != l->bits) an_free((void *)l->pre); /* (compared before bits is freed) */
  an_free(l->bits);
  an_free(l->rank);
  an_free(l->ix_off);
  an_free(l->ix_next);
  memset(l, 0, sizeof *l);
}

static an_status phrases_from(const cJSON *arr, an_phrases *l, const jctx *c, const char *what) {
  if (!arr) return AN_OK;
  if (!cJSON_IsArray(arr))
    return an_error_set(c->err, AN_EDATA, c->path, 0, -1, "\"%s\" must be an array of strings", what);
  size_t n = (size_t)cJSON_GetArraySize(arr), k = 0;
  if (n == 0) return AN_OK;
  l->p = an_calloc(n, sizeof(an_pattern));
  if (!l->p) return an_error_set(c->err, AN_ENOMEM, c->path, 0, -1, "out of memory");
  const cJSON *it;
  cJSON_ArrayForEach(it, arr) {
    if (!cJSON_IsString(it))
      return an_error_set(c->err, AN_EDATA, c->path, 0, -1, "\"%s\"[%zu] is not a string", what, k);
    an_status st = an_pattern_parse(it->valuestring, 6, &l->p[k], c->err);
    if (st != AN_OK) {
      if (c->err) snprintf(c->err->path, sizeof c->err->path, "%s", c->path);
      return st;
    }
    k++;
    l->n = k;
  }
  return AN_OK;
}

static an_status strings_from(const cJSON *arr, char ***out, size_t *n, int lower, const jctx *c,
                              const char *what) {
  *out = NULL;
  *n = 0;
  if (!arr) return AN_OK;
  if (!cJSON_IsArray(arr))
    return an_error_set(c->err, AN_EDATA, c->path, 0, -1, "\"%s\" must be an array of strings", what);
  size_t cnt = (size_t)cJSON_GetArraySize(arr);
  if (cnt == 0) return AN_OK;
  *out = an_calloc(cnt, sizeof(char *));
  if (!*out) return an_error_set(c->err, AN_ENOMEM, c->path, 0, -1, "out of memory");
  const cJSON *it;
  cJSON_ArrayForEach(it, arr) {
    if (!cJSON_IsString(it))
      return an_error_set(c->err, AN_EDATA, c->path, 0, -1, "\"%s\" holds a non-string", what);
    char *s = an_strdup(it->valuestring);
    if (!s) return an_error_set(c->err, AN_ENOMEM, c->path, 0, -1, "out of memory");
    if (lower) lower_ascii(s);
    (*out)[(*n)++] = s;
  }
  return AN_OK;
}

static void strings_free(char **s, size_t n) {
  for (size_t i = 0; i < n; i++) an_free(s[i]);
  an_free(s);
}

static const char *jstr(const cJSON *o, const char *k) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

static an_slot slot_of(const char *s, an_slot dflt, int *bad) {
  if (!s) return dflt;
  if (strcmp(s, "subject") == 0) return AN_SLOT_SUBJECT;
  if (strcmp(s, "object") == 0) return AN_SLOT_OBJECT;
  if (strcmp(s, "gap") == 0) return AN_SLOT_GAP;
  if (strcmp(s, "between") == 0) return AN_SLOT_BETWEEN;
  if (strcmp(s, "previous") == 0) return AN_SLOT_PREVIOUS;
  *bad = 1;
  return dflt;
}

static const char *const k_types[] = {"call",     "meet",     "praise",  "accuse", "criticize",
                                      "threaten", "support",  "message", "brief",  "attack"};

static int known_type(const char *t) {
  for (size_t i = 0; i < sizeof k_types / sizeof *k_types; i++)
    if (strcmp(k_types[i], t) == 0) return 1;
  return 0;
}

static void trigger_clear(an_trigger *t) {
  an_free(t->type);
  an_free(t->text);
  an_pattern_clear(&t->pat);
  an_free(t->cameo);
  an_free(t->plover);
  an_free(t->alt_type);
  an_free(t->person_type);
  phrases_clear(&t->alt_cues);
  phrases_clear(&t->stop_after);
  phrases_clear(&t->target_stop);
  strings_free(t->modal_exempt, t->n_modal_exempt);
}

int an_lexicon_may_start(const an_lexicon *lex, const char *w) {
  size_t n = 0;
  an_lexicon_trigs_at(lex, an_lexicon_word_id(lex, w, strlen(w)), &n);
  return n > 0;
}

/* One entry of triggers.json: a type with codes and several patterns
 * expands to one an_trigger per pattern. */
static an_status load_triggers(const cJSON *root, an_lexicon *lex, const jctx *c) {
  const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "triggers");
  if (!cJSON_IsArray(arr))
    return an_error_set(c->err, AN_EDATA, c->path, 0, -1, "missing \"triggers\" array");
  size_t cap = 0, idx = 0;
  const cJSON *e;
  cJSON_ArrayForEach(e, arr) {
    const char *type = jstr(e, "type");
    const cJSON *pats = cJSON_GetObjectItemCaseSensitive(e, "patterns");
    if (!type || !known_type(type) || !cJSON_IsArray(pats))
      return an_error_set(c->err, AN_EDATA, c->path, 0, -1,
                          "trigger entry %zu: needs a known \"type\" and a \"patterns\" array", idx);
    int bad = 0;
    an_slot src = slot_of(jstr(e, "source"), AN_SLOT_SUBJECT, &bad);
    an_slot dst = slot_of(jstr(e, "target"), AN_SLOT_OBJECT, &bad);
    if (bad) return an_error_set(c->err, AN_EDATA, c->path, 0, -1, "trigger entry %zu: bad slot", idx);
    const cJSON *v;
    const cJSON *p;
    cJSON_ArrayForEach(p, pats) {
      if (!cJSON_IsString(p))
        return an_error_set(c->err, AN_EDATA, c->path, 0, -1, "trigger entry %zu: pattern not a string", idx);
      if (an_grow((void **)&lex->trig, &cap, lex->n_trig + 1, sizeof(an_trigger)) != AN_OK)
        return an_error_set(c->err, AN_ENOMEM, c->path, 0, -1, "out of memory");
      an_trigger *t = &lex->trig[lex->n_trig++];
      memset(t, 0, sizeof *t);
      t->source = src;
      t->target = dst;
      t->symmetric = strcmp(type, "call") == 0 || strcmp(type, "meet") == 0;
      v = cJSON_GetObjectItemCaseSensitive(e, "nominal");
      t->nominal = cJSON_IsTrue(v);
      v = cJSON_GetObjectItemCaseSensitive(e, "no_passive");
      t->no_passive = cJSON_IsTrue(v) || t->nominal;
      v = cJSON_GetObjectItemCaseSensitive(e, "reciprocal");
      t->reciprocal = cJSON_IsTrue(v);
      v = cJSON_GetObjectItemCaseSensitive(e, "pairwise");
      t->pairwise = cJSON_IsTrue(v) && t->symmetric;
      v = cJSON_GetObjectItemCaseSensitive(e, "infinitive");
      t->infinitive = cJSON_IsTrue(v);
      v = cJSON_GetObjectItemCaseSensitive(e, "direct");
      t->direct = cJSON_IsTrue(v);
      v = cJSON_GetObjectItemCaseSensitive(e, "partner_with");
      t->partner_with = cJSON_IsTrue(v);
      v = cJSON_GetObjectItemCaseSensitive(e, "max_dist");
      t->max_dist = cJSON_IsNumber(v) ? v->valueint : 0;
      v = cJSON_GetObjectItemCaseSensitive(e, "confidence");
      t->confidence = cJSON_IsNumber(v) ? v->valuedouble : 0.8;
      if (t->confidence < 0 || t->confidence > 1) t->confidence = 0.8;
      v = cJSON_GetObjectItemCaseSensitive(e, "mutual");
      t->mutual = cJSON_IsTrue(v);
      int gap = 6;
      v = cJSON_GetObjectItemCaseSensitive(e, "gap");
      if (cJSON_IsNumber(v) && v->valueint > 0) gap = v->valueint;
      t->type = an_strdup(type);
      t->text = an_strdup(p->valuestring);
      const char *cameo = jstr(e, "cameo"), *plover = jstr(e, "plover"), *alt = jstr(e, "alt_type");
      t->cameo = cameo ? an_strdup(cameo) : NULL;
      t->plover = plover ? an_strdup(plover) : NULL;
      t->alt_type = alt ? an_strdup(alt) : NULL;
      if (!t->type || !t->text || (cameo && !t->cameo) || (plover && !t->plover) || (alt && !t->alt_type))
        return an_error_set(c->err, AN_ENOMEM, c->path, 0, -1, "out of memory");
      const char *pt = jstr(e, "person_type");
      if (pt && (!known_type(pt) || !(t->person_type = an_strdup(pt))))
        return an_error_set(c->err, AN_EDATA, c->path, 0, -1, "trigger entry %zu: bad person_type", idx);
      if (alt && !known_type(alt))
        return an_error_set(c->err, AN_EDATA, c->path, 0, -1, "trigger entry %zu: unknown alt_type", idx);
      an_status st = an_pattern_parse(p->valuestring, gap, &t->pat, c->err);
      if (st != AN_OK) {
        if (c->err) snprintf(c->err->path, sizeof c->err->path, "%s", c->path);
        return st;
      }
      if ((dst == AN_SLOT_GAP) != (strstr(p->valuestring, "...") != NULL) && dst == AN_SLOT_GAP)
        return an_error_set(c->err, AN_EDATA, c->path, 0, -1,
                            "trigger \"%s\": target \"gap\" needs a \"...\" in the pattern", p->valuestring);
      st = phrases_from(cJSON_GetObjectItemCaseSensitive(e, "alt_cues"), &t->alt_cues, c, "alt_cues");
      if (st == AN_OK)
        st = phrases_from(cJSON_GetObjectItemCaseSensitive(e, "stop_after"), &t->stop_after, c, "stop_after");
      if (st == AN_OK)
        st = phrases_from(cJSON_GetObjectItemCaseSensitive(e, "target_stop"), &t->target_stop, c, "target_stop");
      if (st == AN_OK)
        st = strings_from(cJSON_GetObjectItemCaseSensitive(e, "modal_exempt"), &t->modal_exempt,
                          &t->n_modal_exempt, 1, c, "modal_exempt");
      if (st != AN_OK) return st;
    }
    idx++;
  }
  const cJSON *codes = cJSON_GetObjectItemCaseSensitive(root, "type_codes");
  const cJSON *tc;
  cJSON_ArrayForEach(tc, codes) {
    if (lex->n_types >= 16 || !tc->string || !known_type(tc->string)) continue;
    const char *cam = jstr(tc, "cameo"), *plo = jstr(tc, "plover");
    size_t i = lex->n_types++;
    lex->type_names[i] = an_strdup(tc->string);
    lex->type_cameo[i] = cam ? an_strdup(cam) : NULL;
    lex->type_plover[i] = plo ? an_strdup(plo) : NULL;
    if (!lex->type_names[i] || (cam && !lex->type_cameo[i]) || (plo && !lex->type_plover[i]))
      return an_error_set(c->err, AN_ENOMEM, c->path, 0, -1, "out of memory");
  }
  /* Longer patterns first: at one position the longest trigger wins. */
  for (size_t i = 1; i < lex->n_trig; i++) {
    an_trigger tmp = lex->trig[i];
    size_t j = i;
    while (j > 0 && lex->trig[j - 1].pat.n_words < tmp.pat.n_words) {
      lex->trig[j] = lex->trig[j - 1];
      j--;
    }
    lex->trig[j] = tmp;
  }
  return AN_OK;
}

static an_status load_cues(const cJSON *root, an_lexicon *lex, const jctx *c) {
  struct {
    const char *key;
    an_phrases *dst;
  } map[] = {
      {"reciprocal_objects", &lex->reciprocal_objects}, {"each_subjects", &lex->each_subjects},
      {"fronting_preps", &lex->fronting_preps}, {"past_irregular", &lex->past_irregular},
      {"negation", &lex->negation},         {"modal", &lex->modal},
      {"reporting", &lex->reporting},       {"relative", &lex->relative},
      {"subordinators", &lex->subordinators}, {"prepositions", &lex->prepositions},
      {"np_words", &lex->np_words},         {"determiners", &lex->determiners},
      {"media_words", &lex->media_words},   {"clause_end", &lex->clause_end},
      {"passive_aux", &lex->passive_aux},   {"adverbs", &lex->adverbs},
      {"title_words", &lex->title_words}, {"locative", &lex->locative},
      {"person_pronouns", &lex->person_pronouns}, {"nonperson_pronouns", &lex->nonperson_pronouns},
      {"possessive_pronouns", &lex->possessive_pronouns}, {"relative_things", &lex->relative_things},
      {"reason_preps", &lex->reason_preps}, {"coordinators", &lex->coordinators},
      {"light_verbs", &lex->light_verbs}, {"first_person", &lex->first_person},
      {"modal_adjectives", &lex->modal_adjectives}, {"called_off", &lex->called_off},
      {"object_pronouns", &lex->object_pronouns}, {"end_markers", &lex->end_markers},
      {"negation_exceptions", &lex->negation_exceptions},
      {"gerund_subject_preps", &lex->gerund_subject_preps}, {"perfect_aux", &lex->perfect_aux},
      {"wide_modal", &lex->wide_modal}, {"generic_titles", &lex->generic_titles},
      {"indefinites", &lex->indefinites}, {"generic_plurals", &lex->generic_plurals},
      {"government_nouns", &lex->government_nouns}, {"pair_phrases", &lex->pair_phrases},
      {"plural_pronouns", &lex->plural_pronouns},
      {"date_nouns", &lex->date_nouns}, {"group_refs", &lex->group_refs},
      {"statement_nouns", &lex->statement_nouns},
      {"subject_pronouns", &lex->subject_pronouns}, {"company_nouns", &lex->org_heads},
      {"member_nouns", &lex->member_nouns},         {"transparent_nouns", &lex->transparent_nouns},
      {"phone_manner", &lex->phone_manner},         {"country_pairs", &lex->country_pairs},
      {"clause_verbs", &lex->clause_verbs},         {"place_nouns", &lex->place_nouns},
      {"force_nouns", &lex->force_nouns},           {"clause_acts", &lex->clause_acts},
      {"bloc_nouns", &lex->bloc_nouns},             {"speech_objects", &lex->speech_objects},
      {"praise_words", &lex->praise_words},         {"side_pairs", &lex->side_pairs},
      {"head_titles", &lex->head_titles},           {"topic_preps", &lex->topic_preps},
      {"victim_nouns", &lex->victim_nouns},         {"victim_on_nouns", &lex->victim_on_nouns},         {"plural_possessives", &lex->plural_possessives},
      {"address_verbs", &lex->address_verbs},         {"letter_manner", &lex->letter_manner},
      {"counterpart_nouns", &lex->counterpart_nouns},   {"verb_particles", &lex->verb_particles},
      {"call_refs", &lex->call_refs},               {"reaction_words", &lex->reaction_words},
  };
  for (size_t i = 0; i < sizeof map / sizeof *map; i++) {
    an_status st = phrases_from(cJSON_GetObjectItemCaseSensitive(root, map[i].key), map[i].dst, c, map[i].key);
    if (st != AN_OK) return st;
  }
  const cJSON *acts = cJSON_GetObjectItemCaseSensitive(root, "act_nouns"), *it;
  if (acts && !cJSON_IsArray(acts))
    return an_error_set(c->err, AN_EDATA, c->path, 0, -1, "\"act_nouns\" must be an array of objects");
  cJSON_ArrayForEach(it, acts) {
    if (lex->n_acts >= AN_MAX_ACTS)
      return an_error_set(c->err, AN_EDATA, c->path, 0, -1, "\"act_nouns\" has more than %d entries", AN_MAX_ACTS);
    if (!cJSON_IsObject(it))
      return an_error_set(c->err, AN_EDATA, c->path, 0, -1, "\"act_nouns\"[%zu] is not an object", lex->n_acts);
    an_status st = phrases_from(cJSON_GetObjectItemCaseSensitive(it, "nouns"), &lex->act_nouns[lex->n_acts], c,
                                "act_nouns.nouns");
    if (st == AN_OK)
      st = phrases_from(cJSON_GetObjectItemCaseSensitive(it, "verbs"), &lex->act_verbs[lex->n_acts], c,
                        "act_nouns.verbs");
    if (st != AN_OK) return st;
    lex->n_acts++;
  }
  const cJSON *dts = cJSON_GetObjectItemCaseSensitive(root, "description_types");
  if (dts && !cJSON_IsArray(dts))
    return an_error_set(c->err, AN_EDATA, c->path, 0, -1, "\"description_types\" must be an array of objects");
  cJSON_ArrayForEach(it, dts) {
    size_t k = lex->n_dtypes;
    if (k >= AN_MAX_DTYPES)
      return an_error_set(c->err, AN_EDATA, c->path, 0, -1, "\"description_types\" has more than %d entries",
                          AN_MAX_DTYPES);
    if (!cJSON_IsObject(it))
      return an_error_set(c->err, AN_EDATA, c->path, 0, -1, "\"description_types\"[%zu] is not an object", k);
    an_status st = phrases_from(cJSON_GetObjectItemCaseSensitive(it, "heads"), &lex->dtype_heads[k], c,
                                "description_types.heads");
    if (st == AN_OK)
      st = phrases_from(cJSON_GetObjectItemCaseSensitive(it, "require"), &lex->dtype_require[k], c,
                        "description_types.require");
    if (st == AN_OK)
      st = phrases_from(cJSON_GetObjectItemCaseSensitive(it, "forbid"), &lex->dtype_forbid[k], c,
                        "description_types.forbid");
    if (st == AN_OK)
      st = phrases_from(cJSON_GetObjectItemCaseSensitive(it, "plurals"), &lex->dtype_plurals[k], c,
                        "description_types.plurals");
    if (st != AN_OK) return st;
    lex->dtype_countries[k] = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "countries"));
    lex->n_dtypes++;
  }
  return strings_from(cJSON_GetObjectItemCaseSensitive(root, "outside_roles"), &lex->outside_roles,
                      &lex->n_outside_roles, 0, c, "outside_roles");
}

static an_status load_dates(const cJSON *root, an_lexicon *lex, const jctx *c) {
  const cJSON *months = cJSON_GetObjectItemCaseSensitive(root, "months");
  const cJSON *days = cJSON_GetObjectItemCaseSensitive(root, "weekdays");
  if (!cJSON_IsArray(months) || cJSON_GetArraySize(months) != 12 || !cJSON_IsArray(days) ||
      cJSON_GetArraySize(days) != 7)
    return an_error_set(c->err, AN_EDATA, c->path, 0, -1,
                        "\"months\" (12 arrays) and \"weekdays\" (7 arrays, Monday first) are required");
  for (int m = 0; m < 12; m++) {
    const cJSON *names = cJSON_GetArrayItem(months, m);
    int k = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, names) {
      if (!cJSON_IsString(it) || k >= 4) continue;
      lex->months[m][k] = an_strdup(it->valuestring);
      if (!lex->months[m][k]) return an_error_set(c->err, AN_ENOMEM, c->path, 0, -1, "out of memory");
      lower_ascii(lex->months[m][k++]);
    }
  }
  for (int d = 0; d < 7; d++) {
    const cJSON *names = cJSON_GetArrayItem(days, d);
    int k = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, names) {
      if (!cJSON_IsString(it) || k >= 3) continue;
      lex->weekdays[d][k] = an_strdup(it->valuestring);
      if (!lex->weekdays[d][k]) return an_error_set(c->err, AN_ENOMEM, c->path, 0, -1, "out of memory");
      lower_ascii(lex->weekdays[d][k++]);
    }
  }
  const cJSON *rel = cJSON_GetObjectItemCaseSensitive(root, "relative_days");
  const cJSON *it;
  cJSON_ArrayForEach(it, rel) {
    if (!cJSON_IsArray(it) || !it->string) continue;
    int off = atoi(it->string);
    if (off < -4 || off > 3) continue;
    an_status st = phrases_from(it, &lex->rel_day[off + 4], c, "relative_days");
    if (st != AN_OK) return st;
  }
  const char *relk[2] = {"relative_months", "relative_years"};
  for (int r = 0; r < 2; r++) {
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(root, relk[r]);
    cJSON_ArrayForEach(it, o) {
      if (!cJSON_IsArray(it) || !it->string) continue;
      int off = atoi(it->string);
      if (off < -1 || off > 1) continue;
      an_status st = phrases_from(it, r ? &lex->rel_year[off + 1] : &lex->rel_month[off + 1], c, relk[r]);
      if (st != AN_OK) return st;
    }
  }
  an_status st = phrases_from(cJSON_GetObjectItemCaseSensitive(root, "vague"), &lex->vague_dates, c, "vague");
  if (st == AN_OK)
    st = phrases_from(cJSON_GetObjectItemCaseSensitive(root, "day_parts"), &lex->day_parts, c, "day_parts");
  if (st == AN_OK)
    st = strings_from(cJSON_GetObjectItemCaseSensitive(root, "lead_words"), &lex->date_lead, &lex->n_date_lead, 1, c,
                      "lead_words");
  if (st == AN_OK)
    st = strings_from(cJSON_GetObjectItemCaseSensitive(root, "past_words"), &lex->date_past, &lex->n_date_past, 1, c,
                      "past_words");
  if (st == AN_OK)
    st = strings_from(cJSON_GetObjectItemCaseSensitive(root, "next_words"), &lex->date_next, &lex->n_date_next, 1, c,
                      "next_words");
  if (st == AN_OK)
    st = strings_from(cJSON_GetObjectItemCaseSensitive(root, "document_date_patterns"), &lex->docdate_regex,
                      &lex->n_docdate_regex, 0, c, "document_date_patterns");
  return st;
}

static an_status load_attrib(const cJSON *root, an_lexicon *lex, const jctx *c) {
  an_status st = phrases_from(cJSON_GetObjectItemCaseSensitive(root, "before"), &lex->attrib_before, c, "before");
  if (st == AN_OK)
    st = phrases_from(cJSON_GetObjectItemCaseSensitive(root, "after"), &lex->attrib_after, c, "after");
  if (st == AN_OK)
    st = phrases_from(cJSON_GetObjectItemCaseSensitive(root, "media_before"), &lex->attrib_media_before, c,
                      "media_before");
  if (st == AN_OK)
    st = strings_from(cJSON_GetObjectItemCaseSensitive(root, "outlet_patterns"), &lex->outlet_regex,
                      &lex->n_outlet_regex, 0, c, "outlet_patterns");
  if (st == AN_OK)
    st = strings_from(cJSON_GetObjectItemCaseSensitive(root, "media"), &lex->media_names, &lex->n_media_names, 1,
                      c, "media");
  return st;
}

/* Every cue list of the lexicon (not the triggers' own lists). */
#define NLISTS 200
static size_t all_lists(an_lexicon *lex, an_phrases **out) {
  an_phrases *lists[] = {&lex->reciprocal_objects, &lex->each_subjects, &lex->fronting_preps, &lex->past_irregular,
                         &lex->negation,     &lex->modal,        &lex->reporting,   &lex->relative,
                         &lex->subordinators, &lex->prepositions, &lex->np_words,    &lex->determiners,
                         &lex->media_words,  &lex->clause_end,   &lex->passive_aux, &lex->adverbs,
                         &lex->title_words,  &lex->locative,     &lex->person_pronouns, &lex->nonperson_pronouns, &lex->possessive_pronouns, &lex->relative_things, &lex->reason_preps, &lex->coordinators, &lex->light_verbs, &lex->first_person, &lex->modal_adjectives, &lex->called_off, &lex->object_pronouns, &lex->end_markers, &lex->negation_exceptions, &lex->gerund_subject_preps, &lex->perfect_aux,
                         &lex->wide_modal, &lex->generic_titles, &lex->indefinites, &lex->generic_plurals, &lex->government_nouns, &lex->pair_phrases, &lex->plural_pronouns, &lex->date_nouns, &lex->group_refs, &lex->statement_nouns, &lex->subject_pronouns, &lex->org_heads, &lex->member_nouns, &lex->transparent_nouns, &lex->phone_manner, &lex->country_pairs, &lex->clause_verbs, &lex->place_nouns, &lex->force_nouns, &lex->clause_acts, &lex->bloc_nouns, &lex->speech_objects, &lex->praise_words, &lex->side_pairs, &lex->head_titles, &lex->topic_preps, &lex->victim_nouns, &lex->victim_on_nouns, &lex->plural_possessives, &lex->address_verbs, &lex->letter_manner, &lex->counterpart_nouns, &lex->verb_particles, &lex->call_refs, &lex->reaction_words, &lex->vague_dates,  &lex->day_parts,   &lex->attrib_before,
                         &lex->attrib_after, &lex->attrib_media_before};
  _Static_assert(sizeof lists / sizeof *lists + 8 + 6 + 2 * AN_MAX_ACTS + 4 * AN_MAX_DTYPES <= NLISTS,
                 "NLISTS is too small for the lexicon's lists");
  size_t n = 0;
  for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) out[n++] = lists[i];
  for (int i = 0; i < 8; i++) out[n++] = &lex->rel_day[i];
  for (int i = 0; i < 3; i++) {
    out[n++] = &lex->rel_month[i];
    out[n++] = &lex->rel_year[i];
  }
  for (int i = 0; i < AN_MAX_ACTS; i++) {
    out[n++] = &lex->act_nouns[i];
    out[n++] = &lex->act_verbs[i];
  }
  for (int i = 0; i < AN_MAX_DTYPES; i++) {
    out[n++] = &lex->dtype_heads[i];
    out[n++] = &lex->dtype_require[i];
    out[n++] = &lex->dtype_forbid[i];
    out[n++] = &lex->dtype_plurals[i];
  }
  return n;
}

/* ---- word ids ---------------------------------------------------------------- */

/* The word table's hash: 8 bytes a step (a lookup per token; the ids do
 * not depend on it). The mixing steps are shared with
 * an_lexicon_lower_id, which hashes while it lowercases. */
#define VH_SEED(n) (0x51ed270b27e1a2c5ull ^ ((uint64_t)(n) * 0x9E3779B97F4A7C15ull))
static inline uint64_t vh_step(uint64_t h, uint64_t v) {
  h = (h ^ v) * 0xff51afd7ed558ccdull;
  return h ^ (h >> 32);
}
static inline uint64_t vh_last(uint64_t h, uint64_t v) {
  h = (h ^ v) * 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 29);
}
/* the last n < 8 bytes, as one number */
static inline uint64_t tail_bytes(const char *s, size_t n) {
  uint64_t v = 0;
  for (size_t i = 0; i < n; i++) v |= (uint64_t)(unsigned char)s[i] << (8 * i);
  return v;
}

static uint64_t vhash(const char *s, size_t n) {
  uint64_t h = VH_SEED(n);
  while (n >= 8) {
    uint64_t v;
    memcpy(&v, s, 8);
    h = vh_step(h, v);
    s += 8, n -= 8;
  }
  return vh_last(h, tail_bytes(s, n));
}

/* The first 8 bytes of a word (zero padded), kept in its table entry: a
 * word of 8 bytes or less is then compared as one number. */
static inline uint64_t word_head(const char *s, size_t n) {
  if (n < 8) return tail_bytes(s, n);
  uint64_t v;
  memcpy(&v, s, 8);
  return v;
}

static inline uint32_t vocab_find(const an_lexicon *lex, const char *w, size_t len, uint64_t vh, uint64_t head) {
  if (!((lex->vbloom[(vh >> 40) & 1023] >> ((vh >> 34) & 63)) & 1)) return 0;
  size_t mask = lex->vocab_cap - 1;
  for (size_t h = (size_t)vh & mask;; h = (h + 1) & mask) {
    const an_vocab_ent *e = &lex->vocab[h];
    if (!e->s) return 0;
    if (e->head == head && e->len == len && (len <= 8 || memcmp(e->s + 8, w + 8, len - 8) == 0)) return e->id;
  }
}

uint32_t an_lexicon_word_id(const an_lexicon *lex, const char *w, size_t len) {
  if (!lex->vocab_cap) return 0;
  return vocab_find(lex, w, len, vhash(w, len), word_head(w, len));
}

/* 8 bytes at once: ASCII capitals to lowercase (bytes >= 0x80 unchanged) */
static inline uint64_t lower8(uint64_t x) {
  const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  uint64_t low7 = x & ~high;
  uint64_t ge_a = low7 + ones * (0x80 - 'A');     /* high bit: >= 'A' */
  uint64_t gt_z = low7 + ones * (0x80 - 'Z' - 1); /* high bit: > 'Z' */
  return x | (((ge_a & ~gt_z & ~x) & high) >> 2);
}
static inline int has_nul8(uint64_t x) {
  return ((x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull) != 0;
}
static inline char lower1(char c) { return (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c); }

uint32_t an_lexicon_lower_id(const an_lexicon *lex, const char *src, size_t len, size_t avail, char *dst,
                             size_t *n) {
  uint64_t h = VH_SEED(len), head = 0, t = 0;
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t x;
    memcpy(&x, src + i, 8);
    if (has_nul8(x)) goto nul;
    x = lower8(x);
    memcpy(dst + i, &x, 8);
    if (!i) head = x;
    h = vh_step(h, x);
  }
  size_t r = len - i; /* 0..7 bytes left */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (r && i + 8 <= avail) {
    /* the rest in one step too: 8 bytes read, those past the word masked
     * off (the first byte is the lowest: little-endian) */
    uint64_t x, mask = (1ull << (8 * r)) - 1;
    memcpy(&x, src + i, 8);
    if (has_nul8(x | ~mask)) goto nul;
    t = lower8(x & mask);
    memcpy(dst + i, &t, 8); /* the word's NUL and zeros after it */
  } else
#endif
  {
    for (size_t k = 0; k < r; k++) {
      char c = src[i + k];
      if (!c) goto nul;
      c = lower1(c);
      dst[i + k] = c;
      t |= (uint64_t)(unsigned char)c << (8 * k);
    }
    dst[len] = 0;
  }
  *n = len;
  if (!lex || !lex->vocab_cap) return 0;
  if (len < 8) head = t;
  return vocab_find(lex, dst, len, vh_last(h, t), head);
nul: /* a NUL inside the token ends the word: the plain way */
  (void)avail;
  i = 0;
  for (; i < len && src[i]; i++) dst[i] = lower1(src[i]);
  dst[i] = 0;
  *n = i;
  return lex && lex->vocab_cap ? an_lexicon_word_id(lex, dst, i) : 0;
}

/* ---- the per-thread memo of lower-case word ids ---- */

#define LMEMO_BITS 13
#define LMEMO_KEY AN_TOKKEY_MAX /* tokens of at most this many bytes (core/scan.h keys) */
typedef struct lmemo_ent {
  uint64_t k0, k1; /* the token's bytes, zero padded */
  uint32_t id;
  uint32_t klen; /* 1 + the token's length; 0: an empty slot */
  uint64_t pad;  /* (32 bytes: a slot's address is a shift) */
} lmemo_ent;

struct an_lower_memo {
  const an_lexicon *lex; /* the ids came from it */
  lmemo_ent slot[1u << LMEMO_BITS];
};

an_lower_memo *an_lower_memo_new(void) { return an_calloc(1, sizeof(an_lower_memo)); }
void an_lower_memo_free(an_lower_memo *m) { an_free(m); }

/* an_lexicon_lower_ids of a token the memo does not have: its word in
 * dst, its id in *id, and e (if any) keeps them for key (k0, k1). Returns
 * the word's length. (Out of line: the loop over the words the memo knows
 * stays small.) */
__attribute__((noinline)) static size_t lower_new(const an_lexicon *lex, lmemo_ent *e, const char *src, size_t tl,
                                                   size_t avail, char *dst, uint64_t k0, uint64_t k1, uint32_t *id) {
  size_t n = 0;
  *id = an_lexicon_lower_id(lex, src, tl, avail, dst, &n);
  if (e && n == tl) e->k0 = k0, e->k1 = k1, e->klen = (uint32_t)(tl + 1), e->id = *id;
  return n;
}

void an_lexicon_lower_ids(const an_lexicon *lex, an_lower_memo *memo, const char *s, size_t len,
                          const an_token *tok, size_t ntok, char **w, char *wbuf, uint32_t *wid) {
  if (memo && memo->lex != lex) { /* made with another lexicon: forget it */
    memset(memo, 0, sizeof *memo);
    memo->lex = lex;
  }
  char *p = wbuf;
  lmemo_ent *slot = memo ? memo->slot : NULL;
  for (size_t i = 0; i < ntok; i++) {
    uint32_t start = tok[i].start, tl = tok[i].len;
    const char *src = s + start;
    w[i] = p;
    if (slot && tl <= LMEMO_KEY && (size_t)start + LMEMO_KEY <= len) {
      uint64_t k0, k1;
      an_tokkey(src, tl, LMEMO_KEY, &k0, &k1); /* (room checked above) */
      lmemo_ent *e = &slot[an_tokkey_slot(k0, k1, tl, LMEMO_BITS)];
      if (e->klen == tl + 1 && e->k0 == k0 && e->k1 == k1) {
        /* seen before (and without a NUL): lower case 8 bytes a step, the
         * zero padding ending the word (wbuf has 8 bytes to spare); a
         * lower-case word or a punctuation token has no A-Z to lower */
        int low = (tok[i].shape & (AN_SHAPE_ALL_LOWER | AN_SHAPE_PUNCT)) != 0;
        uint64_t x = low ? k0 : lower8(k0);
        memcpy(p, &x, 8);
        if (tl >= 8) {
          x = low ? k1 : lower8(k1);
          memcpy(p + 8, &x, 8);
          p[tl] = '\0';
        }
        wid[i] = e->id;
        p += tl + 1;
        continue;
      }
      p += lower_new(lex, e, src, tl, len - start, p, k0, k1, &wid[i]) + 1;
      continue;
    }
    p += lower_new(lex, NULL, src, tl, start < len ? len - start : 0, p, 0, 0, &wid[i]) + 1;
  }
}

static uint32_t vocab_add(an_lexicon *lex, const char *w) {
  size_t len = strlen(w), mask = lex->vocab_cap - 1;
  uint64_t vh = vhash(w, len), head = word_head(w, len);
  for (size_t h = (size_t)vh & mask;; h = (h + 1) & mask) {
    an_vocab_ent *e = &lex->vocab[h];
    if (!e->s) {
      lex->vbloom[(vh >> 40) & 1023] |= 1ull << ((vh >> 34) & 63);
      e->s = w;
      e->len = (uint32_t)len;
      e->head = head;
      e->id = lex->n_ids++;
      return e->id;
    }
    if (e->head == head && e->len == len && memcmp(e->s, w, len) == 0) return e->id;
  }
}

static an_status intern_pattern(an_lexicon *lex, an_pattern *p) {
  int plain = 1;
  for (size_t wi = 0; wi < p->n_words; wi++) {
    an_pword *pw = &p->words[wi];
    if (pw->gap || pw->optional) plain = 0;
    if (!pw->n_alts) continue;
    pw->ids = an_malloc(pw->n_alts * sizeof(uint32_t));
    if (!pw->ids) return AN_ENOMEM;
    for (size_t a = 0; a < pw->n_alts; a++) pw->ids[a] = vocab_add(lex, pw->alts[a]);
  }
  p->plain = plain;
  /* a pattern with a gap or an optional word: the required word after the
   * first with the fewest spellings (the last of equals: "to blame" ->
   * "blame"), and where it can stand */
  p->req = 0;
  uint32_t lo = 0, hi = 0, best_n = UINT32_MAX;
  for (size_t wi = 0; wi < p->n_words && !plain; wi++) {
    const an_pword *pw = &p->words[wi];
    if (pw->gap) {
      lo += 1;
      hi += (uint32_t)p->gap_max;
      continue;
    }
    if (wi > 0 && !pw->optional && pw->n_alts && pw->n_alts <= best_n) {
      best_n = (uint32_t)pw->n_alts;
      p->req = 0;
      for (size_t a = 0; a < pw->n_alts; a++) p->req |= 1ull << (pw->ids[a] & 63);
      p->req_lo = lo;
      p->req_hi = hi;
    }
    if (!pw->optional) lo++;
    hi++;
  }
  return AN_OK;
}

static size_t count_alts(const an_phrases *l) {
  size_t n = 0;
  for (size_t k = 0; k < l->n; k++)
    for (size_t wi = 0; wi < l->p[k].n_words; wi++) n += l->p[k].words[wi].n_alts;
  return n;
}

/* The ids a pattern's first token can have (with repeats); 1 when that
 * token may be any word (an optional word, then a gap). */
static int first_ids(const an_pattern *p, void (*add)(void *, uint32_t), void *ctx) {
  for (size_t wi = 0; wi < p->n_words; wi++) {
    const an_pword *pw = &p->words[wi];
    if (pw->gap) return 1;
    for (size_t a = 0; a < pw->n_alts; a++) add(ctx, pw->ids[a]);
    if (!pw->optional) break;
  }
  return 0;
}

/* The ids (as bits id & 63) that the token after the first can have in a
 * match of p whose first token has id x; all bits when the match may end
 * after the first token or a gap may hold the next one. */
static uint64_t words_from(const an_pattern *p, size_t wi, uint64_t m) {
  for (; wi < p->n_words; wi++) {
    const an_pword *pw = &p->words[wi];
    if (pw->gap) return ~0ull;
    for (size_t a = 0; a < pw->n_alts; a++) m |= 1ull << (pw->ids[a] & 63);
    if (!pw->optional) return m;
  }
  return ~0ull; /* it may end here */
}
static uint64_t next_mask(const an_pattern *p, uint32_t x) {
  uint64_t m = 0;
  for (size_t wi = 0; wi < p->n_words; wi++) {
    const an_pword *pw = &p->words[wi];
    if (pw->gap) return ~0ull; /* the first token in the gap: anything after it */
    for (size_t a = 0; a < pw->n_alts; a++)
      if (pw->ids[a] == x) {
        m = words_from(p, wi + 1, m);
        break;
      }
    if (!pw->optional) break;
  }
  return m;
}

typedef struct pairs {
  uint32_t (*p)[2];
  size_t n, cap;
  uint32_t cur; /* the pattern (or trigger) being added */
  int oom;
} pairs;

static void pair_add(void *ctx, uint32_t id) {
  pairs *ps = ctx;
  for (size_t k = ps->n; k-- > 0 && ps->p[k][1] == ps->cur;)
    if (ps->p[k][0] == id) return; /* once per pattern */
  if (an_grow((void **)&ps->p, &ps->cap, ps->n + 1, sizeof *ps->p) != AN_OK) {
    ps->oom = 1;
    return;
  }
  ps->p[ps->n][0] = id;
  ps->p[ps->n][1] = ps->cur;
  ps->n++;
}

static int cmp_pair(const void *a, const void *b) {
  const uint32_t *x = a, *y = b;
  if (x[0] != y[0]) return x[0] < y[0] ? -1 : 1;
  return x[1] < y[1] ? -1 : x[1] > y[1];
}

static an_status index_phrases(an_lexicon *lex, an_phrases *l) {
  pairs ps = {0};
  for (size_t k = 0; k < l->n; k++) {
    an_status st = intern_pattern(lex, &l->p[k]);
    if (st != AN_OK) goto oom;
  }
  for (size_t k = 0; k < l->n; k++) {
    ps.cur = (uint32_t)k;
    if (first_ids(&l->p[k], pair_add, &ps)) {
      uint32_t *nw = an_realloc(l->wild, (l->n_wild + 1) * sizeof(uint32_t));
      if (!nw) goto oom;
      l->wild = nw;
      l->wild[l->n_wild++] = (uint32_t)k;
    }
    if (ps.oom) goto oom;
  }
  if (ps.n) {
    qsort(ps.p, ps.n, sizeof *ps.p, cmp_pair);
    l->ix_id = an_malloc(ps.n * sizeof(uint32_t));
    l->ix_pat = an_malloc(ps.n * sizeof(uint32_t));
    if (!l->ix_id || !l->ix_pat) goto oom;
    for (size_t k = 0; k < ps.n; k++) {
      l->ix_id[k] = ps.p[k][0];
      l->ix_pat[k] = ps.p[k][1];
    }
    l->n_ix = ps.n;
  }
  an_free(ps.p);
  return AN_OK;
oom:
  an_free(ps.p);
  return AN_ENOMEM;
}

/* The bits, ranks and offsets of a list's index (an_phrases), once every
 * word has its id (n_ids ids in all). */
static an_status phrases_bits(an_phrases *l, uint32_t n_ids) {
  size_t nw = ((size_t)n_ids + 63) / 64, nd = 0;
  if (l->n_wild) { /* any word may start a match: every id goes on to the patterns */
    uint64_t *all = an_malloc(nw * sizeof(uint64_t));
    if (!all) return AN_ENOMEM;
    memset(all, 0xff, nw * sizeof(uint64_t));
    l->pre = all;
    l->n_pre = n_ids;
  }
  if (!l->n_ix) return AN_OK;
  for (size_t k = 0; k < l->n_ix; k++)
    if (!k || l->ix_id[k] != l->ix_id[k - 1]) nd++;
  l->bits = an_calloc(nw, sizeof(uint64_t));
  l->rank = an_malloc(nw * sizeof(uint32_t));
  l->ix_off = an_malloc((nd + 1) * sizeof(uint32_t));
  l->ix_next = an_calloc(nd + 1, sizeof(uint64_t));
  if (!l->bits || !l->rank || !l->ix_off || !l->ix_next) return AN_ENOMEM;
  size_t r = 0;
  for (size_t k = 0; k < l->n_ix; k++) {
    uint32_t id = l->ix_id[k];
    if (!k || id != l->ix_id[k - 1]) {
      l->ix_off[r++] = (uint32_t)k;
      l->bits[id >> 6] |= 1ull << (id & 63);
    }
    const an_pattern *p = &l->p[l->ix_pat[k]];
    if (!p->plain || p->n_words < 2) {
      l->ix_next[r - 1] = ~0ull;
    } else {
      for (size_t a = 0; a < p->words[1].n_alts; a++) l->ix_next[r - 1] |= 1ull << (p->words[1].ids[a] & 63);
    }
  }
  l->ix_off[nd] = (uint32_t)l->n_ix;
  uint32_t acc = 0;
  for (size_t w = 0; w < nw; w++) {
    l->rank[w] = acc;
    acc += (uint32_t)__builtin_popcountll(l->bits[w]);
  }
  l->n_bits = n_ids;
  if (!l->n_wild) {
    l->pre = l->bits;
    l->n_pre = n_ids;
  }
  return AN_OK;
}

/* Interns every pattern word, indexes each list by first word and builds
 * the table of triggers by first word (after the triggers are sorted). */
static an_status build_index(an_lexicon *lex, an_error *err) {
  static const char *const breakers[AN_WID_NBREAK] = {".", ";", ":", "\"", "?", "!"};
  an_phrases *lists[NLISTS];
  size_t nl = all_lists(lex, lists);
  size_t total = AN_WID_NBREAK + 1;
  for (size_t i = 0; i < nl; i++) total += count_alts(lists[i]);
  for (size_t t = 0; t < lex->n_trig; t++) {
    const an_trigger *tr = &lex->trig[t];
    for (size_t wi = 0; wi < tr->pat.n_words; wi++) total += tr->pat.words[wi].n_alts;
    total += count_alts(&tr->alt_cues) + count_alts(&tr->stop_after) + count_alts(&tr->target_stop);
  }
  total += 12 * 4 + 7 * 3 + lex->n_date_lead + lex->n_date_past + lex->n_date_next + lex->n_media_names;
  size_t cap = 64;
  while (cap < 2 * total) cap *= 2;
  lex->vocab = an_calloc(cap, sizeof(an_vocab_ent));
  if (!lex->vocab) goto oom;
  lex->vocab_cap = cap;
  lex->n_ids = 1; /* 0: unknown */
  for (size_t i = 0; i < AN_WID_NBREAK; i++) vocab_add(lex, breakers[i]);
  for (size_t i = 0; i < nl; i++)
    if (index_phrases(lex, lists[i]) != AN_OK) goto oom;
  for (size_t t = 0; t < lex->n_trig; t++) {
    an_trigger *tr = &lex->trig[t];
    if (intern_pattern(lex, &tr->pat) != AN_OK || index_phrases(lex, &tr->alt_cues) != AN_OK ||
        index_phrases(lex, &tr->stop_after) != AN_OK || index_phrases(lex, &tr->target_stop) != AN_OK)
      goto oom;
  }
  /* date words */
  uint32_t mid[12][4] = {{0}}, did[7][3] = {{0}};
  for (int m = 0; m < 12; m++)
    for (int k = 0; k < 4 && lex->months[m][k]; k++) mid[m][k] = vocab_add(lex, lex->months[m][k]);
  for (int d = 0; d < 7; d++)
    for (int k = 0; k < 3 && lex->weekdays[d][k]; k++) did[d][k] = vocab_add(lex, lex->weekdays[d][k]);
  uint32_t *lid = an_malloc((lex->n_date_lead + lex->n_date_past + lex->n_date_next + lex->n_media_names + 1) *
                            sizeof(uint32_t));
  if (!lid) goto oom;
  size_t nlid = 0;
  for (size_t i = 0; i < lex->n_date_lead; i++) lid[nlid++] = vocab_add(lex, lex->date_lead[i]);
  for (size_t i = 0; i < lex->n_date_past; i++) lid[nlid++] = vocab_add(lex, lex->date_past[i]);
  for (size_t i = 0; i < lex->n_date_next; i++) lid[nlid++] = vocab_add(lex, lex->date_next[i]);
  for (size_t i = 0; i < lex->n_media_names; i++) lid[nlid++] = vocab_add(lex, lex->media_names[i]);
  lex->wmonth = an_calloc(lex->n_ids, 1);
  lex->wday = an_calloc(lex->n_ids, 1);
  lex->wdflag = an_calloc(lex->n_ids, 1);
  lex->wdate_lists = an_calloc(lex->n_ids, sizeof *lex->wdate_lists);
  if (!lex->wmonth || !lex->wday || !lex->wdflag || !lex->wdate_lists) {
    an_free(lid);
    goto oom;
  }
  /* the first month (weekday) naming a word wins, as a scan in order would */
  for (int m = 12; m-- > 0;)
    for (int k = 4; k-- > 0;)
      if (mid[m][k]) lex->wmonth[mid[m][k]] = (uint8_t)(m + 1);
  for (int d = 7; d-- > 0;)
    for (int k = 3; k-- > 0;)
      if (did[d][k]) lex->wday[did[d][k]] = (uint8_t)(d + 1);
  nlid = 0;
  for (size_t i = 0; i < lex->n_date_lead; i++) lex->wdflag[lid[nlid++]] |= AN_WDATE_LEAD;
  for (size_t i = 0; i < lex->n_date_past; i++) lex->wdflag[lid[nlid++]] |= AN_WDATE_PAST;
  for (size_t i = 0; i < lex->n_date_next; i++) lex->wdflag[lid[nlid++]] |= AN_WDATE_NEXT;
  for (size_t i = 0; i < lex->n_media_names; i++) lex->wdflag[lid[nlid++]] |= AN_WMEDIA_NAME;
  for (size_t i = 0; i < lex->media_words.n; i++) {
    const an_pattern *p = &lex->media_words.p[i];
    if (p->n_words != 1) continue;
    for (size_t j = 0; j < p->words[0].n_alts; j++) lex->wdflag[p->words[0].ids[j]] |= AN_WMEDIA_WORD;
  }
  an_free(lid);
  /* words that can start a relative or vague date (dates.c tries those
   * lists only there) */
  {
    an_phrases *dl[16];
    size_t nd = 0;
    for (int i = 0; i < 8; i++) dl[nd++] = &lex->rel_day[i];
    for (int i = 0; i < 3; i++) {
      dl[nd++] = &lex->rel_month[i];
      dl[nd++] = &lex->rel_year[i];
    }
    dl[nd++] = &lex->vague_dates;
    for (size_t i = 0; i < nd; i++) {
      for (size_t k = 0; k < dl[i]->n_ix; k++) lex->wdate_lists[dl[i]->ix_id[k]] |= (uint16_t)(1u << i);
      if (dl[i]->n_wild) lex->date_wild = 1;
    }
  }
  /* every id is known now: the lists' exact first-word sets */
  for (size_t i = 0; i < nl; i++)
    if (phrases_bits(lists[i], lex->n_ids) != AN_OK) goto oom;
  if (!lex->date_wild) { /* (the date lists' second words, by first word) */
    if (!(lex->wdate_next = an_calloc(lex->n_ids, sizeof *lex->wdate_next))) goto oom;
    for (uint32_t id = 1; id < lex->n_ids; id++)
      for (unsigned m = lex->wdate_lists[id]; m; m &= m - 1) {
        int k = __builtin_ctz(m);
        const an_phrases *l = k < 8    ? &lex->rel_day[k]
                              : k < 14 ? ((k - 8) & 1 ? &lex->rel_year[(k - 8) >> 1] : &lex->rel_month[(k - 8) >> 1])
                                       : &lex->vague_dates;
        uint64_t word = l->bits[id >> 6], bit = 1ull << (id & 63);
        lex->wdate_next[id] |= l->ix_next[l->rank[id >> 6] + popcount64(word & (bit - 1))];
      }
  }
  for (size_t t = 0; t < lex->n_trig; t++) {
    an_trigger *tr = &lex->trig[t];
    if (phrases_bits(&tr->alt_cues, lex->n_ids) != AN_OK || phrases_bits(&tr->stop_after, lex->n_ids) != AN_OK ||
        phrases_bits(&tr->target_stop, lex->n_ids) != AN_OK)
      goto oom;
  }
  lex->wattrib = an_calloc(lex->n_ids, 1);
  lex->modal_any = an_calloc(((size_t)lex->n_ids + 63) / 64, sizeof(uint64_t));
  if (!lex->wattrib || !lex->modal_any) goto oom;
  {
    const an_phrases *ml[3] = {&lex->negation, &lex->modal, &lex->wide_modal};
    for (int i = 0; i < 3; i++)
      for (size_t k = 0; ml[i]->n_pre && k < ((size_t)lex->n_ids + 63) / 64; k++) lex->modal_any[k] |= ml[i]->pre[k];
  }
  {
    const an_phrases *al[3] = {&lex->attrib_before, &lex->attrib_media_before, &lex->attrib_after};
    for (int i = 0; i < 3; i++) {
      for (size_t k = 0; k < al[i]->n_ix; k++) lex->wattrib[al[i]->ix_id[k]] |= (uint8_t)(1u << i);
      if (al[i]->n_wild)
        for (uint32_t id = 0; id < lex->n_ids; id++) lex->wattrib[id] |= (uint8_t)(1u << i);
    }
  }
  /* Triggers by first word, in trigger order. A trigger whose first token
   * may be any word is tried wherever some trigger can start (as a plain
   * list of start words did). */
  pairs ps = {0};
  uint8_t *start = an_calloc(lex->n_ids, 1);
  lex->trig_off = an_calloc((size_t)lex->n_ids + 1, sizeof(uint32_t));
  if (!start || !lex->trig_off) {
    an_free(start);
    goto oom;
  }
  for (size_t t = 0; t < lex->n_trig; t++) {
    ps.cur = (uint32_t)t;
    size_t before = ps.n;
    first_ids(&lex->trig[t].pat, pair_add, &ps);
    for (size_t k = before; k < ps.n; k++) start[ps.p[k][0]] = 1;
  }
  pairs all = {0};
  for (size_t t = 0; t < lex->n_trig && !ps.oom; t++) {
    all.cur = (uint32_t)t;
    if (first_ids(&lex->trig[t].pat, pair_add, &all)) {
      for (uint32_t id = 1; id < lex->n_ids; id++)
        if (start[id]) pair_add(&all, id);
    }
  }
  an_free(ps.p);
  an_free(start);
  if (ps.oom || all.oom) {
    an_free(all.p);
    goto oom;
  }
  /* counting sort by id, stable: trigger order within an id */
  lex->trig_list = an_malloc((all.n ? all.n : 1) * sizeof(uint32_t));
  if (!lex->trig_list) {
    an_free(all.p);
    goto oom;
  }
  for (size_t k = 0; k < all.n; k++) lex->trig_off[all.p[k][0] + 1]++;
  for (uint32_t id = 0; id < lex->n_ids; id++) lex->trig_off[id + 1] += lex->trig_off[id];
  uint32_t *fill = an_malloc((size_t)lex->n_ids * sizeof(uint32_t));
  if (!fill) {
    an_free(all.p);
    goto oom;
  }
  memcpy(fill, lex->trig_off, (size_t)lex->n_ids * sizeof(uint32_t));
  lex->trig_next = an_malloc((all.n ? all.n : 1) * sizeof(uint64_t));
  if (!lex->trig_next) {
    an_free(fill);
    an_free(all.p);
    goto oom;
  }
  lex->trig_bits = an_calloc(((size_t)lex->n_ids + 63) / 64, sizeof(uint64_t));
  if (!lex->trig_bits) {
    an_free(fill);
    an_free(all.p);
    goto oom;
  }
  for (size_t k = 0; k < all.n; k++) {
    lex->trig_bits[all.p[k][0] >> 6] |= 1ull << (all.p[k][0] & 63);
    uint32_t at = fill[all.p[k][0]]++;
    lex->trig_list[at] = all.p[k][1];
    lex->trig_next[at] = next_mask(&lex->trig[all.p[k][1]].pat, all.p[k][0]);
  }
  an_free(fill);
  an_free(all.p);
  return AN_OK;
oom:
  return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
}

void an_lexicon_free(an_lexicon *lex) {
  if (!lex) return;
  an_free(lex->vocab); /* its strings belong to the patterns */
  an_free(lex->trig_off);
  an_free(lex->trig_list);
  an_free(lex->trig_next);
  an_free(lex->trig_bits);
  an_free(lex->wmonth);
  an_free(lex->wday);
  an_free(lex->wdflag);
  an_free(lex->wattrib);
  an_free(lex->modal_any);
  an_free(lex->wdate_lists);
  an_free(lex->wdate_next);
  for (size_t i = 0; i < lex->n_trig; i++) trigger_clear(&lex->trig[i]);
  for (size_t i = 0; i < lex->n_types; i++) {
    an_free(lex->type_names[i]);
    an_free(lex->type_cameo[i]);
    an_free(lex->type_plover[i]);
  }
  an_free(lex->trig);
  an_phrases *lists[NLISTS];
  size_t nl = all_lists(lex, lists);
  for (size_t i = 0; i < nl; i++) phrases_clear(lists[i]);
  for (int m = 0; m < 12; m++)
    for (int k = 0; k < 4; k++) an_free(lex->months[m][k]);
  for (int d = 0; d < 7; d++)
    for (int k = 0; k < 3; k++) an_free(lex->weekdays[d][k]);
  strings_free(lex->date_lead, lex->n_date_lead);
  strings_free(lex->date_past, lex->n_date_past);
  strings_free(lex->date_next, lex->n_date_next);
  strings_free(lex->outlet_regex, lex->n_outlet_regex);
  strings_free(lex->docdate_regex, lex->n_docdate_regex);
  strings_free(lex->media_names, lex->n_media_names);
  strings_free(lex->outside_roles, lex->n_outside_roles);
  an_free(lex);
}

an_status an_lexicon_load(const char *data_dir, an_lexicon **out, an_error *err) {
  static const char *const files[] = {"triggers.json", "cues.json", "dates.json", "attribution.json"};
  an_status (*const loaders[])(const cJSON *, an_lexicon *, const jctx *) = {load_triggers, load_cues,
                                                                             load_dates, load_attrib};
  *out = NULL;
  an_lexicon *lex = an_calloc(1, sizeof *lex);
  if (!lex) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  an_status st = AN_OK;
  char path[1024];
  for (size_t i = 0; i < 4 && st == AN_OK; i++) {
    cJSON *root = NULL;
    st = load_json(data_dir, files[i], &root, path, sizeof path, err);
    if (st != AN_OK) break;
    jctx c = {path, err};
    st = loaders[i](root, lex, &c);
    cJSON_Delete(root);
  }
  if (st == AN_OK) st = build_index(lex, err);
  if (st != AN_OK) {
    an_lexicon_free(lex);
    return st;
  }
  *out = lex;
  return AN_OK;
}
