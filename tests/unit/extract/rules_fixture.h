/* rules_fixture.h: builds a document view for the rule tests without the
 * text and actors stages: a small tokenizer (words, punctuation, "'s") and
 * mentions found by exact token match against a test actor table, the way
 * src/actors marks them (possessive before "'s", modifier before a title and
 * a name). Sentences we write ourselves (style.md: no corpus text). */
#ifndef AN_TEST_RULES_FIXTURE_H
#define AN_TEST_RULES_FIXTURE_H

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "extract/dates.h"
#include "extract/resources.h"
#include "extract/result.h"
#include "extract/rules.h"

typedef struct fx_actor {
  const char *surface; /* as written, tokens separated by spaces */
  const char *id;      /* actor id: several surfaces may share one */
  an_actor_kind kind;
  an_mention_how how;
  const char *country; /* ISO-like code or NULL */
} fx_actor;

typedef struct fx_doc {
  an_token tok[512];
  size_t ntok;
  an_sentence sent[32];
  size_t nsent;
} fx_doc;

static void fx_tokenize(const char *s, fx_doc *d) {
  size_t n = strlen(s), i = 0;
  d->ntok = 0;
  d->nsent = 0;
  uint32_t para = 0, sent_first = 0, sent_start = 0;
  int newsent = 1;
  while (i < n && d->ntok < 512) {
    if (s[i] == '\n' && i + 1 < n && s[i + 1] == '\n') {
      if (!newsent) { /* a blank line ends a sentence */
        an_sentence se = {sent_start, (uint32_t)i, sent_first, (uint32_t)d->ntok - sent_first, para, 0};
        d->sent[d->nsent++] = se;
        newsent = 1;
      }
      para++;
    }
    if (isspace((unsigned char)s[i])) {
      i++;
      continue;
    }
    an_token t = {(uint32_t)i, 0, 0};
    if (s[i] == '\'' && i + 1 < n && s[i + 1] == 's' && (i + 2 >= n || !isalnum((unsigned char)s[i + 2]))) {
      t.len = 2;
      t.shape = AN_SHAPE_POSSESSIVE;
    } else if (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80) {
      size_t j = i;
      while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '-' || (unsigned char)s[j] >= 0x80 ||
                       (s[j] == '\'' && j + 1 < n && s[j + 1] == 't')))
        j++;
      t.len = (uint32_t)(j - i);
      if (isupper((unsigned char)s[i])) t.shape |= AN_SHAPE_UPPER_INITIAL;
      int up = 1, low = 1, dig = 0;
      for (size_t k = i; k < j; k++) {
        if (islower((unsigned char)s[k])) up = 0;
        if (isupper((unsigned char)s[k])) low = 0;
        if (isdigit((unsigned char)s[k])) dig = 1;
      }
      if (up && t.len > 1 && !dig) t.shape |= AN_SHAPE_ALL_UPPER;
      if (low) t.shape |= AN_SHAPE_ALL_LOWER;
      if (dig) t.shape |= AN_SHAPE_HAS_DIGIT;
      else t.shape |= AN_SHAPE_ALPHA;
    } else {
      t.len = 1;
      t.shape = AN_SHAPE_PUNCT;
      if (s[i] == '"') t.shape |= AN_SHAPE_QUOTE;
    }
    if (newsent) {
      sent_first = (uint32_t)d->ntok;
      sent_start = t.start;
      newsent = 0;
    }
    d->tok[d->ntok++] = t;
    i += t.len;
    int end = t.len == 1 && (s[t.start] == '.' || s[t.start] == '?' || s[t.start] == '!');
    if (end && i < n && s[i] == '"') { /* closing quote belongs to the sentence */
      an_token q = {(uint32_t)i, 1, AN_SHAPE_PUNCT | AN_SHAPE_QUOTE};
      d->tok[d->ntok++] = q;
      i++;
    }
    if (end || i >= n) {
      an_sentence se = {sent_start, (uint32_t)i, sent_first, (uint32_t)d->ntok - sent_first, para, 0};
      d->sent[d->nsent++] = se;
      newsent = 1;
    }
  }
  if (!newsent) {
    an_sentence se = {sent_start, (uint32_t)n, sent_first, (uint32_t)d->ntok - sent_first, para, 0};
    d->sent[d->nsent++] = se;
  }
}

static int fx_is_title(const char *s, size_t len) {
  static const char *const t[] = {"leader", "minister", "president", "chief", "spokesman", "envoy", "head", NULL};
  for (int i = 0; t[i]; i++)
    if (strlen(t[i]) == len && strncmp(t[i], s, len) == 0) return 1;
  return 0;
}

/* The strings of an an_doc_actors live in one block (a->strings) and the
 * alias pointers in another (a->alias_block), as src/actors allocates them
 * and an_doc_actors_free frees them: fx_str copies s to the block's next
 * free byte (the block is sized for all of them up front). */
static size_t fx_str_used;
static char *fx_str(an_doc_actors *a, const char *s) {
  size_t n = strlen(s) + 1;
  char *d = a->strings + fx_str_used;
  memcpy(d, s, n);
  fx_str_used += n;
  return d;
}

typedef struct fx_aff fx_aff;
static const fx_aff *fx_next_aff;
static size_t fx_aff_bytes(const fx_aff *af);

/* Finds the actors' surfaces in the tokens (longest first) and fills an
 * an_doc_actors allocated like src/actors does. */
static an_doc_actors *fx_mentions(const char *s, const fx_doc *d, const fx_actor *ac) {
  an_doc_actors *a = an_calloc(1, sizeof *a);
  size_t na = 0, bytes = 1;
  while (ac[na].surface) {
    bytes += strlen(ac[na].id) + 1 + 2 * (strlen(ac[na].surface) + 1);
    na++;
  }
  if (fx_next_aff) bytes += fx_aff_bytes(fx_next_aff);
  a->actors = an_calloc(na + 1, sizeof(an_doc_actor));
  a->mentions = an_calloc(d->ntok + 1, sizeof(an_mention));
  a->strings = an_malloc(bytes);
  a->alias_block = an_calloc(na + 1, sizeof(char *));
  fx_str_used = 0;
  for (size_t i = 0; i < d->ntok;) {
    size_t best_len = 0, best = 0;
    for (size_t k = 0; k < na; k++) {
      const char *p = ac[k].surface;
      size_t j = i, ok = 1;
      while (*p && ok) {
        const char *sp = strchr(p, ' ');
        size_t wl = sp ? (size_t)(sp - p) : strlen(p);
        if (j >= d->ntok || d->tok[j].len != wl || strncmp(s + d->tok[j].start, p, wl) != 0) ok = 0;
        j++;
        p += wl;
        while (*p == ' ') p++;
      }
      if (ok && j - i > best_len) {
        best_len = j - i;
        best = k;
      }
    }
    if (!best_len) {
      i++;
      continue;
    }
    /* actor index by id */
    uint32_t ai = 0;
    while (ai < a->n_actors && strcmp(a->actors[ai].id, ac[best].id) != 0) ai++;
    if (ai == a->n_actors) {
      an_doc_actor *x = &a->actors[a->n_actors++];
      x->id = fx_str(a, ac[best].id);
      x->label = fx_str(a, ac[best].surface);
      x->kind = ac[best].kind;
      if (ac[best].country) snprintf(x->country, sizeof x->country, "%s", ac[best].country);
      x->aliases = &a->alias_block[ai];
      x->aliases[0] = fx_str(a, ac[best].surface);
      x->n_aliases = 1;
    }
    a->actors[ai].mentions++;
    an_mention *m = &a->mentions[a->n_mentions++];
    m->tok_first = (uint32_t)i;
    m->tok_count = (uint32_t)best_len;
    m->actor = ai;
    m->how = (uint8_t)ac[best].how;
    size_t e = i + best_len;
    if (e < d->ntok && (d->tok[e].shape & AN_SHAPE_POSSESSIVE)) m->flags |= AN_MENTION_POSSESSIVE;
    if (e + 1 < d->ntok && fx_is_title(s + d->tok[e].start, d->tok[e].len) &&
        (d->tok[e + 1].shape & AN_SHAPE_UPPER_INITIAL))
      m->flags |= AN_MENTION_MODIFIER;
    i = e;
  }
  return a;
}

typedef struct fx {
  an_resources *res;
  an_workspace *ws;
} fx;

static size_t fx_identity(const void *ctx, size_t off) {
  (void)ctx;
  return off;
}

struct fx_aff {
  const char *person, *org, *role;
};

/* Affiliations the actors stage would have stated (NULL-terminated), for
 * the next fx_run only (fx_next_aff, declared above). */

/* the bytes of their roles (fx_mentions sizes the string block with them) */
static size_t fx_aff_bytes(const fx_aff *af) {
  size_t n = 0;
  for (size_t i = 0; af[i].person; i++) n += af[i].role ? strlen(af[i].role) + 1 : 0;
  return n;
}

static void fx_add_aff(an_doc_actors *a, const fx_aff *af) {
  size_t n = 0;
  while (af[n].person) n++;
  a->affiliations = an_calloc(n + 1, sizeof(an_affiliation));
  for (size_t i = 0; i < n; i++) {
    uint32_t p = 0, o = 0;
    while (p < a->n_actors && strcmp(a->actors[p].id, af[i].person) != 0) p++;
    while (o < a->n_actors && strcmp(a->actors[o].id, af[i].org) != 0) o++;
    if (p == a->n_actors || o == a->n_actors) continue;
    an_affiliation *f = &a->affiliations[a->n_affiliations++];
    f->person = p;
    f->org = o;
    f->role = af[i].role ? fx_str(a, af[i].role) : NULL; /* (fx_mentions made room) */
  }
}

/* For the next fx_run only: its first sentence is a headline (the text
 * stage's AN_SENT_HEADLINE: a title line above the article). */
static int fx_next_headline = 0;

/* Runs the whole extract stage (rules, dates, sources) on text; with
 * AN_TEST_DUMP set, prints the events it found. */
static an_result *fx_run(const fx *f, const char *text, const fx_actor *ac, const char *date, const char *outlet,
                         unsigned opts) {
  static fx_doc d;
  fx_tokenize(text, &d);
  if (fx_next_headline && d.nsent) d.sent[0].flags |= AN_SENT_HEADLINE;
  fx_next_headline = 0;
  an_doc_actors *acts = fx_mentions(text, &d, ac);
  if (fx_next_aff) fx_add_aff(acts, fx_next_aff);
  fx_next_aff = NULL;
  an_xview v;
  if (an_xview_init(&v, f->res->lex, text, strlen(text), d.tok, d.ntok, d.sent, d.nsent, acts, NULL) != AN_OK) return NULL;
  an_doc doc;
  memset(&doc, 0, sizeof doc);
  doc.id = (char *)"t";
  doc.text = (char *)text;
  doc.len = strlen(text);
  doc.date = (char *)date;
  doc.outlet = (char *)outlet;
  an_result *r = NULL;
  an_status st = an_result_build(f->res, f->ws, &doc, &v, acts, fx_identity, NULL, opts, &r, NULL);
  an_xview_clear(&v);
  if (st != AN_OK) return NULL;
  if (getenv("AN_TEST_DUMP")) /* each result's events, for debugging a test */
    for (size_t i = 0; i < r->n_ev; i++)
      fprintf(stderr, "  %s %s -> %s [%s]\n", r->ev[i].type, r->acts->actors[r->ev[i].src].id,
              r->acts->actors[r->ev[i].dst].id, r->ev[i].trigger);
  return r;
}

/* The event (type, source id, target id) or NULL; call/meet either way. */
static const an_revent *fx_find(const an_result *r, const char *type, const char *s, const char *t) {
  for (size_t i = 0; r && i < r->n_ev; i++) {
    const an_revent *e = &r->ev[i];
    const char *es = r->acts->actors[e->src].id, *et = r->acts->actors[e->dst].id;
    if (strcmp(e->type, type) != 0) continue;
    if (strcmp(es, s) == 0 && strcmp(et, t) == 0) return e;
    if (!e->directed && strcmp(es, t) == 0 && strcmp(et, s) == 0) return e;
  }
  return NULL;
}

/* One sentence and what the rules must make of it: events written
 * "type source target" that must be found (want) and that must not
 * (deny), and the number of events (n; -1: not checked). Most rule tests
 * are lists of these (FX_CASES). */
typedef struct fx_case {
  const char *text;
  const char *want[4];
  const char *deny[4];
  int n;
} fx_case;

/* Checks one "type source target" against r: a failure names the case. */
static inline void fx_expect(const an_result *r, const char *text, const char *ev, int present, const char *file, int line) {
  char type[32], s[64], t[64];
  test_checks++;
  if (sscanf(ev, "%31s %63s %63s", type, s, t) != 3 || (fx_find(r, type, s, t) != NULL) != present) {
    test_failures++;
    fprintf(stderr, "%s:%d: \"%s\": %s %s\n", file, line, text, present ? "no event" : "unwanted event", ev);
  }
}

/* Runs each case (actors ac, document date or NULL) and checks it. */
static inline void fx_cases(const fx *f, const fx_actor *ac, const char *date, const fx_case *cs, size_t n, const char *file,
                     int line) {
  for (size_t i = 0; i < n; i++) {
    an_result *r = fx_run(f, cs[i].text, ac, date, NULL, 0);
    test_checks++;
    if (!r) {
      test_failures++;
      fprintf(stderr, "%s:%d: \"%s\": no result\n", file, line, cs[i].text);
      continue;
    }
    for (int k = 0; k < 4 && cs[i].want[k]; k++) fx_expect(r, cs[i].text, cs[i].want[k], 1, file, line);
    for (int k = 0; k < 4 && cs[i].deny[k]; k++) fx_expect(r, cs[i].text, cs[i].deny[k], 0, file, line);
    if (cs[i].n >= 0 && an_result_event_count(r) != (size_t)cs[i].n) {
      test_failures++;
      fprintf(stderr, "%s:%d: \"%s\": %zu events, want %d\n", file, line, cs[i].text, an_result_event_count(r),
              cs[i].n);
    }
    an_result_free(r);
  }
}
#define FX_CASES(f, ac, date, cases) fx_cases((f), (ac), (date), (cases), sizeof(cases) / sizeof *(cases), __FILE__, __LINE__)

/* The lexicon, resources and a workspace from data/ into f; 0, with a
 * message, when they cannot be loaded. */
static int fx_load(fx *f) {
  an_lexicon *lex = NULL;
  if (an_lexicon_load(AN_DATA_SOURCE_DIR, &lex, NULL) != AN_OK || an_resources_from_lexicon(lex, &f->res, NULL) != AN_OK ||
      an_workspace_new(f->res, &f->ws, NULL) != AN_OK) {
    fprintf(stderr, "cannot load %s\n", AN_DATA_SOURCE_DIR);
    return 0;
  }
  return 1;
}

/* Frees what fx_load made. */
static void fx_free(fx *f) {
  an_workspace_free(f->ws);
  an_resources_free(f->res);
}

#endif
