/* actors.c: per-document actor recognition and resolution (see actors.h).
 *
 * Passes, each over the document's tokens (all linear or indexed, so long
 * documents with thousands of names stay fast):
 *  1. spans: places and regions of two words or more (they win longest
 *     match: "South America", "West Bank"), gazetteer matches (longest,
 *     case-checked; acronyms the text defines itself win over the
 *     gazetteer's; a known person's name before an organization head and a
 *     country word before an org-headed name make organizations), titles
 *     and honorifics; then the long forms of defined acronyms;
 *  2. runs: capitalized sequences not covered by a span (particles inside,
 *     sentence-initial function words and words seen in lower case dropped);
 *  3. actors: gazetteer spans and runs with person/organization cues become
 *     actors; partial names join the full name they belong to (the one named
 *     last when two share a surname); headline words only join known names;
 *  4. roles and affiliations from titles before names, appositions after and
 *     before them, relative clauses ("who advises"), then the appositions
 *     that name a role holder ("an adviser to the president"); nationalities
 *     ("the Nordish lawyer X", "X of Nordland") for persons without a country;
 *  5. one forward sweep resolves definite descriptions and pronouns against
 *     what came before (recency, subject, gender, kind, role, side), and a
 *     he/she/his in a fronted clause against the person opening the main
 *     clause ("After he landed, X said");
 *  6. mentions sorted, overlaps dropped, labels, ids, keys and counts filled. */
#include "actors/actors.h"

#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "actors/gazetteer.h"
#include "core/core.h"
#include "core/scan.h"

/* an_grow, called only when the array is full (most pushes find room) */
#define ROOM(arr, cap, need) ((size_t)(need) <= (cap) ? AN_OK : an_grow((void **)&(arr), &(cap), (need), sizeof *(arr)))

enum { SP_GAZ = 1, SP_TITLE = 2, SP_HONOR = 3, SP_NAME = 4, SP_PLACE = 5 /* a place or region: no actor */ };
#define HONOR_BIT 0x800000u /* accept_title: an honorific, low byte its gender */

typedef struct span {
  uint32_t first, count;
  uint8_t type;
  uint8_t dead;   /* superseded */
  uint8_t flags;  /* AN_MENTION_* for the mention it makes */
  uint32_t value; /* gazetteer value or title index; names: 0 or 1 + a country's entry */
  int32_t actor;  /* resolved actor or -1 */
  uint32_t node;  /* gazetteer trie node (several entries may share a form) */
  uint8_t acr;    /* the long form of an acronym the text defines */
} span;

/* tokinfo.al1 before al_first() (node numbers stay below AN_TRIE_NONE - 1) */
#define AL1_UNSET (AN_TRIE_NONE - 1)

/* tokinfo.tf bits */
enum {
  TF_PUNCT = 1,    /* is_punct: punctuation, a quote mark or an empty fold */
  TF_POSS = 2,     /* the clitic "'s" or "'" */
  TF_EMPTY = 4,    /* the fold is empty */
  TF_POSSNEXT = 8, /* the next token is a possessive with a non-empty fold ("'s") */
};

/* Each token is folded and its words hashed once (prepare); the trie walks
 * (longest), the lower-case set and the lexicon reuse the hashes. */
typedef struct tokinfo {
  /* from the token's bytes alone: a tokmemo keeps these five in the same
   * order, and a word seen before copies them as one block (TI_WORD) */
  uint32_t lx1, al1; /* the first word's node under the lexicon / alias trie root (or AN_TRIE_NONE) */
  uint32_t lex;  /* lexicon classes of the whole token */
  int32_t title, pron;
  uint32_t wh, nw; /* its word hashes: doc.wh[wh .. wh + nw) */
  uint64_t posswh; /* TF_POSSNEXT: hash of the last word joined to the possessive's fold ("peoples"); 0 if too long */
  uint32_t sent;
  int32_t span; /* covering span or -1 */
  int32_t ref;  /* actor a description or pronoun here resolved to, or -1 */
  uint8_t quote, headline;
  uint8_t oneword; /* the fold is one word (no space) */
  uint8_t tf;      /* TF_* */
  uint8_t wb;      /* WB_*: from the bytes alone, as the memo keeps them */
} tokinfo;

/* tokinfo.wb bits: the classes below the first word's lexicon node
 * (lxn[lx1].below), for the tests made at nearly every token (longest(),
 * sweep_refs) without a look into the lexicon's nodes */
enum {
  WB_PLACE = 1, /* AN_LX_PLACE */
  WB_TITLE = 2, /* AN_LX_TITLE or AN_LX_HONORIFIC */
  WB_STATE = 4, /* AN_LX_STATE */
  WB_CDESC = 8, /* AN_LX_CDESC */
};

/* an_actors_cache: a direct-mapped table from a short token's bytes to
 * what prepare() (and al_first()) derive from them alone (a slot is overwritten by the
 * next word that maps to it). One cache line a slot. */
#define MEMO_BITS 13
#define MEMO_KEY AN_TOKKEY_MAX /* tokens of at most this many bytes (core/scan.h keys) */
typedef struct tokmemo {
  uint64_t k0, k1; /* the token's bytes, zero padded */
  uint64_t wh;     /* its fold's an_word_hash (of "" when the fold is empty) */
  uint32_t lx1, al1, lex; /* as tokinfo has them, in its order (TI_WORD) */
  int32_t title, pron;
  uint8_t klen; /* 1 + the token's length; 0: an empty slot */
  uint8_t n, nw; /* fold length; words: 0 or 1 */
  uint8_t wb;    /* tokinfo.wb */
  char fold[MEMO_KEY];
} tokmemo;
/* the bytes of tokinfo / tokmemo from lx1 to pron */
#define TI_WORD (offsetof(tokinfo, pron) + sizeof(int32_t) - offsetof(tokinfo, lx1))
_Static_assert(offsetof(tokinfo, pron) - offsetof(tokinfo, lx1) == offsetof(tokmemo, pron) - offsetof(tokmemo, lx1) &&
                   offsetof(tokinfo, lex) - offsetof(tokinfo, lx1) == offsetof(tokmemo, lex) - offsetof(tokmemo, lx1) &&
                   offsetof(tokinfo, al1) - offsetof(tokinfo, lx1) == offsetof(tokmemo, al1) - offsetof(tokmemo, lx1) &&
                   offsetof(tokinfo, title) - offsetof(tokinfo, lx1) == offsetof(tokmemo, title) - offsetof(tokmemo, lx1),
               "tokinfo and tokmemo keep lx1..pron in the same layout");
_Static_assert(sizeof(tokmemo) <= 64, "a tokmemo is one cache line");

/* and the trie steps below the root that phrase walks take (a pair of
 * words such as "prime" "minister" comes back in every document) */
#define STEP_BITS 12
typedef struct stepmemo {
  uint64_t word; /* the word's hash */
  uint32_t tag;  /* 1 + 2 * parent node + (1 for the alias trie); 0: empty */
  uint32_t child;
} stepmemo;

/* a document's work array, kept for the next one (its memory, not its
 * contents: one allocation less each, and no growth from 8 again) */
typedef struct kept {
  void *p;
  size_t cap; /* elements */
} kept;
#define KEEP_MAX ((size_t)1 << 20) /* bytes: a huge document's arrays are freed */

struct an_actors_cache {
  const an_gazetteer *gaz; /* the slots were made with it */
  tokmemo slot[1u << MEMO_BITS];
  stepmemo step[1u << STEP_BITS];
  kept ti, wh, lower, sp, men, wn, act, cued, hist;
};

typedef struct wrole {
  char *role;     /* folded */
  int32_t org;    /* actor or -1 */
  const char *cls; /* borrowed from the gazetteer title, or NULL */
} wrole;

typedef struct wactor {
  long gz;
  an_actor_kind kind;
  char country[4];
  char nat[4]; /* a country the text gives by nationality ("the Nordish lawyer X", "X of Nordland") */
  char intro[24]; /* the organization noun that introduced it ("the group X": "group"), or "" */
  char gender;
  uint32_t ocls; /* organizations: reference classes of its name's heads (an_gazetteer_org_class), once asked */
  char *label;
  char *name; /* folded name words without particles ("ziad nakhala") */
  uint32_t first_tok;
  wrole *roles;
  size_t n_roles, cap_roles;
} wactor;

typedef struct cment {
  uint32_t first, count;
  int32_t actor;
  uint8_t how, flags;
} cment;

typedef struct waff {
  uint32_t person, org, tok;
  char *role;
} waff;

typedef struct acro {
  uint32_t tok;          /* the acronym token inside "( )" */
  uint32_t start, end;   /* its long form [start, end) */
  uint8_t loose;         /* letters that are not the initials ("Corruption Eradication
                            Commission (KPK)"): start == end == the "(" */
} acro;

typedef struct doc {
  const an_gazetteer *gaz;
  an_actors_cache *cache; /* or NULL */
  acro *acr;
  size_t nacr, capacr;
  const char *str;
  size_t len;
  const an_token *tok;
  size_t ntok;
  const an_sentence *sent;
  size_t nsent;
  tokinfo *ti;
  size_t capti;
  an_arena strs; /* the actors' labels and names, roles and affiliation roles */
  an_buf folds;   /* the tokens' folds, each NUL-terminated */
  uint32_t *foff; /* token i's fold: folds.data + foff[i] */
  uint64_t *fh;   /* an_word_hash of token i's whole fold (the word's hash for one word) */
  uint64_t *wh; /* word hashes of all tokens (tokinfo.wh) */
  size_t nwh, capwh;
  const an_trie *lx, *al; /* the gazetteer's lexicon and alias tries */
  const an_lx_node *lxn; /* an_gazetteer_lexicon_nodes */
  uint64_t *lower; /* set of folded-word hashes seen in lower case */
  size_t lowercap, nlower;
  span *sp;
  size_t nsp, capsp;
  wactor *act;
  size_t nact, capact;
  cment *men;
  size_t nmen, capmen;
  waff *aff;
  size_t naff, capaff;
  uint32_t *affix; /* open addressing on (person, org): 1 + index into aff, 0 empty */
  size_t affcap;
  /* index: name word (or gazetteer entry) -> actors, so that lookups do not
   * scan every actor (documents with thousands of names stay linear) */
  int32_t *wbucket;
  size_t wbcap;
  struct wnode *wn;
  size_t nwn, capwn;
  uint64_t *cued; /* single words with a person cue somewhere */
  size_t cuedcap;
  struct pending *pend; /* "an adviser to the president": resolved after all roles */
  struct { char cc[4]; long n; } *tally; /* gazetteer spans per country (choose_entry) */
  size_t ntally;
  size_t npend, cappend;
} doc;

typedef struct pending {
  int32_t person;
  uint32_t role_span, desc_span;
} pending;

typedef struct wnode {
  uint64_t h;
  int32_t actor, next;
} wnode;

const char *an_actor_kind_name(an_actor_kind k) {
  switch (k) {
  case AN_KIND_PERSON: return "person";
  case AN_KIND_ORGANIZATION: return "organization";
  case AN_KIND_COUNTRY: return "country";
  }
  return "unknown";
}

/* ---- token helpers ---- */

static const char *tfold(const doc *d, size_t i) { return d->folds.data + d->foff[i]; }
/* strlen(tfold(d, i)): the folds lie end to end, each with its NUL */
static size_t fold_len(const doc *d, size_t i) {
  return (i + 1 < d->ntok ? d->foff[i + 1] : d->folds.len) - d->foff[i] - 1;
}
static uint32_t shape(const doc *d, size_t i) { return d->tok[i].shape; }
/* (the first letters compared inline: most words differ there) */
static int tis(const doc *d, size_t i, const char *w) {
  if (i >= d->ntok) return 0;
  const char *f = tfold(d, i);
  return f[0] == w[0] && (!w[0] || strcmp(f + 1, w + 1) == 0);
}
static int is_punct(const doc *d, size_t i) { return (d->ti[i].tf & TF_PUNCT) != 0; }
static int tok_char(const doc *d, size_t i, char c) {
  return d->tok[i].len == 1 && d->str[d->tok[i].start] == c;
}
static int is_comma(const doc *d, size_t i) { return i < d->ntok && tok_char(d, i, ','); }
static int is_poss(const doc *d, size_t i) {
  return i < d->ntok && (shape(d, i) & AN_SHAPE_POSSESSIVE);
}
static uint32_t sent_end(const doc *d, uint32_t s) { return d->sent[s].tok_first + d->sent[s].tok_count; }
static int same_sent(const doc *d, size_t a, size_t b) {
  return a < d->ntok && b < d->ntok && d->ti[a].sent == d->ti[b].sent;
}

static uint64_t set_hash(const char *w) { return an_word_hash(w, strlen(w)); }

/* lower_add_hash when the set is half full: doubled, then h added. */
__attribute__((noinline)) static an_status lower_grow_add(doc *d, uint64_t h) {
  /* the set grows with the distinct words, not with the tokens (a
   * 50 MB document has millions of tokens, some ten thousand words) */
  size_t ncap = d->lowercap * 2;
  uint64_t *nl = an_calloc(ncap, sizeof *nl);
  if (!nl) return AN_ENOMEM;
  for (size_t k = 0; k < d->lowercap; k++) {
    if (!d->lower[k]) continue;
    size_t q = (size_t)d->lower[k] & (ncap - 1);
    while (nl[q]) q = (q + 1) & (ncap - 1);
    nl[q] = d->lower[k];
  }
  an_free(d->lower);
  d->lower = nl;
  d->lowercap = ncap;
  size_t mask = ncap - 1, j = (size_t)h & mask;
  while (d->lower[j]) j = (j + 1) & mask;
  d->lower[j] = h;
  d->nlower++;
  return AN_OK;
}

static inline an_status lower_add_hash(doc *d, uint64_t h) {
  uint64_t *lower = d->lower;
  size_t mask = d->lowercap - 1, j = (size_t)h & mask;
  while (lower[j]) {
    if (lower[j] == h) return AN_OK;
    j = (j + 1) & mask;
  }
  if ((d->nlower + 1) * 2 > d->lowercap) return lower_grow_add(d, h);
  lower[j] = h;
  d->nlower++;
  return AN_OK;
}

/* Is token i's fold in the set (its hash is kept: no rehash)? */
static int lower_has_tok(const doc *d, size_t i) {
  uint64_t h = d->fh[i];
  size_t mask = d->lowercap - 1, j = (size_t)h & mask;
  while (d->lower[j]) {
    if (d->lower[j] == h) return 1;
    j = (j + 1) & mask;
  }
  return 0;
}

/* Letters only, between lo and hi of them, the first upper case only if
 * cap ("Ji", "hoon")? */
static int syllable(const char *p, size_t n, int cap, size_t lo, size_t hi) {
  if (n < lo || n > hi) return 0;
  for (size_t k = 0; k < n; k++) {
    char c = p[k];
    int up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
    if (!(k == 0 && cap ? up : low)) return 0;
  }
  return 1;
}

/* "Park Ji-hoon", "Lai Ching-te": an East Asian given name of two
 * syllables joined by a hyphen, right after a short capitalized surname
 * ("the Kremlin-backed", "a US-led" have no surname before them, and an
 * English tail ends in -ed). */
static int hyphenated_given_name(const doc *d, size_t i) {
  const char *p = d->str + d->tok[i].start;
  size_t n = d->tok[i].len;
  const char *dash = memchr(p, '-', n);
  if (!dash || memchr(dash + 1, '-', (size_t)(p + n - dash - 1))) return 0;
  size_t h = (size_t)(dash - p), t = n - h - 1;
  if (!syllable(p, h, 1, 1, 5) || !syllable(dash + 1, t, 0, 1, 5)) return 0;
  if (t >= 2 && dash[t - 1] == 'e' && dash[t] == 'd') return 0;
  if (i == 0 || !same_sent(d, i - 1, i)) return 0;
  const char *q = d->str + d->tok[i - 1].start;
  return syllable(q, d->tok[i - 1].len, 1, 2, 5) && !(d->ti[i - 1].lex & (AN_LX_STOP | AN_LX_TIME | AN_LX_TITLE));
}

/* name_like() of a hyphenated token (s its shape, no punctuation, digit or
 * possessive). */
static int hyphenated_name_like(const doc *d, size_t i, uint32_t s) {
  if ((s & AN_SHAPE_HYPHENATED) && (s & AN_SHAPE_UPPER_INITIAL)) {
    /* "FIFA-listed", "Iranian-backed": an adjective, not a name */
    const char *p = d->str + d->tok[i].start;
    const char *h = p + d->tok[i].len;
    while (h > p && h[-1] != '-') h--;
    if (h > p && h < p + d->tok[i].len && h[0] >= 'a' && h[0] <= 'z') {
      char first[32];
      const char *dash = memchr(p, '-', d->tok[i].len);
      an_word_fold(p, (size_t)(dash - p), first, sizeof first);
      if (!(an_gazetteer_word(d->gaz, first, NULL, NULL) & (AN_LX_PARTICLE | AN_LX_HPARTICLE)) &&
          !hyphenated_given_name(d, i))
        return 0;
    }
  }
  if (s & (AN_SHAPE_UPPER_INITIAL | AN_SHAPE_ALL_UPPER)) return 1;
  if (s & AN_SHAPE_HYPHENATED) {
    const char *p = d->str + d->tok[i].start;
    const char *e = p + d->tok[i].len;
    const char *h = memchr(p, '-', (size_t)(e - p));
    if (h && h + 1 < e && h[1] >= 'A' && h[1] <= 'Z') {
      char buf[32];
      an_word_fold(p, (size_t)(h - p), buf, sizeof buf);
      long t, pr;
      if (an_gazetteer_word(d->gaz, buf, &t, &pr) & (AN_LX_PARTICLE | AN_LX_HPARTICLE)) return 1;
    }
  }
  return 0;
}

/* "d'Etat", "l'Orient": a lower-case letter and an apostrophe before a
 * capital (ASCII or a Latin-1 capital as UTF-8) inside a name */
static inline int elided_name(const doc *d, size_t i) {
  const unsigned char *p = (const unsigned char *)d->str + d->tok[i].start;
  size_t n = d->tok[i].len;
  if (n < 4 || p[1] != '\'' || p[0] < 'a' || p[0] > 'z') return 0;
  return (p[2] >= 'A' && p[2] <= 'Z') || (p[2] == 0xC3 && p[3] >= 0x80 && p[3] <= 0x9E && p[3] != 0x97);
}

/* Could this token be part of a name? Capitalized, or a lower-case particle
 * joined by a hyphen to a capitalized word ("al-Nakhala"). */
static inline int name_like(const doc *d, size_t i) {
  uint32_t s = shape(d, i);
  if ((s & (AN_SHAPE_PUNCT | AN_SHAPE_HAS_DIGIT | AN_SHAPE_POSSESSIVE | AN_SHAPE_QUOTE)) || (d->ti[i].tf & TF_EMPTY))
    return 0;
  if (!(s & AN_SHAPE_HYPHENATED)) return (s & (AN_SHAPE_UPPER_INITIAL | AN_SHAPE_ALL_UPPER)) != 0 || elided_name(d, i);
  return hyphenated_name_like(d, i, s);
}

static int is_particle_tok(const doc *d, size_t i) { return (d->ti[i].lex & AN_LX_PARTICLE) != 0; }

/* ---- growth helpers ---- */

static an_status push_span(doc *d, uint32_t first, uint32_t count, uint8_t type, uint32_t value) {
  an_status st = ROOM(d->sp, d->capsp, d->nsp + 1);
  if (st != AN_OK) return st;
  span *s = &d->sp[d->nsp++];
  s->first = first;
  s->count = count;
  s->type = type;
  s->dead = 0;
  s->flags = 0;
  s->value = value;
  s->actor = -1;
  s->node = AN_TRIE_NONE;
  s->acr = 0;
  return AN_OK;
}

static an_status push_mention(doc *d, uint32_t first, uint32_t count, int32_t actor, uint8_t how,
                              uint8_t flags) {
  an_status st = ROOM(d->men, d->capmen, d->nmen + 1);
  if (st != AN_OK) return st;
  cment *m = &d->men[d->nmen++];
  m->first = first;
  m->count = count;
  m->actor = actor;
  m->how = how;
  m->flags = flags;
  return AN_OK;
}

static an_status add_role(doc *d, int32_t person, const char *role, int32_t org, const char *cls) {
  wactor *a = &d->act[person];
  for (size_t i = 0; i < a->n_roles; i++)
    if (strcmp(a->roles[i].role, role) == 0 && (a->roles[i].org == org || org < 0)) return AN_OK;
  an_status st = ROOM(a->roles, a->cap_roles, a->n_roles + 1);
  if (st != AN_OK) return st;
  wrole *r = &a->roles[a->n_roles];
  if (!(r->role = an_arena_strdup(&d->strs, role))) return AN_ENOMEM;
  r->org = org;
  r->cls = cls;
  a->n_roles++;
  return AN_OK;
}

static size_t aff_slot(uint32_t person, uint32_t org, size_t cap) {
  uint64_t h = ((uint64_t)person << 32 | org) * 0x9E3779B97F4A7C15ULL;
  return (size_t)(h >> 32) & (cap - 1);
}

/* Makes room in the (person, org) index for one more affiliation. */
static an_status aff_index_room(doc *d) {
  if ((d->naff + 1) * 2 <= d->affcap) return AN_OK;
  size_t ncap = d->affcap ? d->affcap * 2 : 64;
  uint32_t *nx = an_calloc(ncap, sizeof *nx);
  if (!nx) return AN_ENOMEM;
  for (size_t i = 0; i < d->naff; i++) {
    size_t j = aff_slot(d->aff[i].person, d->aff[i].org, ncap);
    while (nx[j]) j = (j + 1) & (ncap - 1);
    nx[j] = (uint32_t)i + 1;
  }
  an_free(d->affix);
  d->affix = nx;
  d->affcap = ncap;
  return AN_OK;
}

static an_status add_aff(doc *d, int32_t person, int32_t org, const char *role, uint32_t tok) {
  if (person < 0 || org < 0 || person == org) return AN_OK;
  /* (looked up by the pair, not by a pass over every affiliation: a long
   * document states thousands) */
  an_status st = aff_index_room(d);
  if (st != AN_OK) return st;
  size_t j = aff_slot((uint32_t)person, (uint32_t)org, d->affcap);
  for (; d->affix[j]; j = (j + 1) & (d->affcap - 1)) {
    const waff *f = &d->aff[d->affix[j] - 1];
    if (f->person == (uint32_t)person && f->org == (uint32_t)org && strcmp(f->role, role) == 0) return AN_OK;
  }
  st = ROOM(d->aff, d->capaff, d->naff + 1);
  if (st != AN_OK) return st;
  waff *a = &d->aff[d->naff];
  if (!(a->role = an_arena_strdup(&d->strs, role))) return AN_ENOMEM;
  a->person = (uint32_t)person;
  a->org = (uint32_t)org;
  a->tok = tok;
  d->affix[j] = (uint32_t)d->naff + 1;
  d->naff++;
  return AN_OK;
}

/* ---- pass 0: token info ---- */

an_actors_cache *an_actors_cache_new(void) { return an_calloc(1, sizeof(an_actors_cache)); }

void an_actors_cache_free(an_actors_cache *c) {
  if (!c) return;
  kept *k[] = {&c->ti, &c->wh, &c->lower, &c->sp, &c->men, &c->wn, &c->act, &c->cued, &c->hist};
  for (size_t i = 0; i < sizeof k / sizeof *k; i++) an_free(k[i]->p);
  an_free(c);
}

/* Takes the kept array (if any) as the document's, with its capacity. */
static void keep_take(kept *k, void **arr, size_t *cap) {
  if (!k->p) return;
  *arr = k->p, *cap = k->cap;
  k->p = NULL, k->cap = 0;
}

/* Keeps the document's array for the next one (*arr is then NULL). */
static void keep_give(kept *k, void **arr, size_t cap, size_t elem) {
  if (!*arr || cap * elem > KEEP_MAX) return;
  an_free(k->p);
  k->p = *arr, k->cap = cap;
  *arr = NULL;
}

static inline tokmemo *memo_slot(an_actors_cache *c, uint64_t k0, uint64_t k1, size_t n) {
  return &c->slot[an_tokkey_slot(k0, k1, n, MEMO_BITS)];
}

enum { FOLD_MAX = 512, WORDS_MAX = FOLD_MAX / 2 };

/* prepare() of a token the memo does not have (or without a memo): folded
 * into buf, its words hashed into wh, its classes looked up, and m (when
 * given) filled for the next time. Returns the fold's length; *nwp its
 * words, *fhp the whole fold's hash. (Out of line: the loop over the
 * tokens that the memo knows stays small.) */
__attribute__((noinline)) static size_t prep_new_word(const doc *d, tokinfo *t, const char *tp, size_t tl, char *buf,
                                                       uint64_t *wh, tokmemo *m, uint64_t k0, uint64_t k1,
                                                       size_t *nwp, uint64_t *fhp) {
  size_t nw, n;
  long title = -1, pron = -1; /* as an_gazetteer_word leaves them; n == 0 skips it */
  n = an_word_fold_hash(tp, tl, buf, FOLD_MAX, wh, WORDS_MAX, &nw);
  if (nw > WORDS_MAX) nw = WORDS_MAX; /* (a fold of FOLD_MAX bytes has fewer words) */
  /* (spaces only separate words, or end a fold cut at FOLD_MAX) */
  int one_word = nw == 1 && buf[n - 1] != ' ';
  uint64_t fh = one_word ? wh[0] : an_word_hash(buf, n);
  t->lx1 = nw ? an_trie_step(d->lx, AN_TRIE_ROOT, wh[0]) : AN_TRIE_NONE;
  if (one_word && t->lx1 != AN_TRIE_NONE) { /* an_gazetteer_word_node, read in place */
    const an_lx_node *x = &d->lxn[t->lx1];
    t->lex = x->cls, title = x->title, pron = x->pronoun;
  } else {
    t->lex = !n || one_word ? 0 : an_gazetteer_word(d->gaz, buf, &title, &pron);
  }
  t->title = (int32_t)title;
  t->pron = (int32_t)pron;
  t->oneword = (uint8_t)one_word;
  uint32_t below = t->lx1 != AN_TRIE_NONE ? d->lxn[t->lx1].below : 0;
  t->wb = (uint8_t)((below & AN_LX_PLACE ? WB_PLACE : 0) | (below & (AN_LX_TITLE | AN_LX_HONORIFIC) ? WB_TITLE : 0) |
                    (below & AN_LX_STATE ? WB_STATE : 0) | (below & AN_LX_CDESC ? WB_CDESC : 0));
  t->al1 = AL1_UNSET; /* al_first() */
  if (m && n <= MEMO_KEY && (nw == 0 || one_word)) {
    /* (al1 made now: al_first would make the same, and words seen
     * again skip it) */
    t->al1 = nw ? an_trie_step(d->al, AN_TRIE_ROOT, wh[0]) : AN_TRIE_NONE;
    m->k0 = k0, m->k1 = k1, m->klen = (uint8_t)(tl + 1);
    m->n = (uint8_t)n, m->nw = (uint8_t)nw, m->wb = t->wb;
    memset(m->fold, 0, MEMO_KEY);
    memcpy(m->fold, buf, n);
    m->wh = fh;
    memcpy(&m->lx1, &t->lx1, TI_WORD);
  }
  *nwp = nw;
  *fhp = fh;
  return n;
}

/* "People's": the word before a possessive (token i, its fold pos[0..n))
 * takes its fold ("peoples"), as the aliases write it. */
__attribute__((noinline)) static void prep_possessive(doc *d, size_t i, const char *pos, size_t n) {
  tokinfo *p = &d->ti[i - 1];
  p->tf |= TF_POSSNEXT;
  const char *pf = d->folds.data + d->foff[i - 1];
  size_t pn = strlen(pf);
  const char *e = pf + pn, *lw;
  while (e > pf && e[-1] == ' ') e--; /* (a fold cut at FOLD_MAX may end in a space) */
  for (lw = e; lw > pf && lw[-1] != ' ';) lw--;
  size_t lwn = (size_t)(e - lw);
  char w[96];
  if (lwn && lwn + n < sizeof w) {
    memcpy(w, lw, lwn);
    memcpy(w + lwn, pos, n);
    p->posswh = an_word_hash(w, lwn + n);
  }
}

static an_status prepare(doc *d) {
  an_status st;
  /* every field is set below (no zeroing pass over the array) */
  if (d->cache && d->cache->ti.cap >= (d->ntok ? d->ntok : 1)) {
    keep_take(&d->cache->ti, (void **)&d->ti, &d->capti);
  } else {
    d->capti = d->ntok ? d->ntok : 1;
    d->ti = an_malloc(d->capti * sizeof *d->ti);
  }
  /* the folds' hashes and offsets in one block (the output takes it:
   * fold_off after fold_hash's n_tokens, at least 1, hashes) */
  size_t nt1 = d->ntok ? d->ntok : 1;
  d->fh = an_malloc(nt1 * (sizeof *d->fh + sizeof *d->foff));
  d->foff = d->fh ? (uint32_t *)(void *)(d->fh + nt1) : NULL;
  if (!d->ti || !d->fh) return AN_ENOMEM;
  /* the usual document's spans, mentions and name keys in one allocation
   * each (a few dozen: growth from 8 took three reallocations) */
  if ((st = ROOM(d->sp, d->capsp, d->ntok / 8 + 16)) != AN_OK) return st;
  if ((st = ROOM(d->men, d->capmen, d->ntok / 8 + 16)) != AN_OK) return st;
  if ((st = ROOM(d->wn, d->capwn, 64)) != AN_OK) return st;
  if ((st = ROOM(d->act, d->capact, 16)) != AN_OK) return st;
  d->lowercap = 256;
  d->nlower = 0;
  size_t lcap = 0;
  if (d->cache) keep_take(&d->cache->lower, (void **)&d->lower, &lcap);
  if (d->lower && lcap == d->lowercap)
    memset(d->lower, 0, d->lowercap * sizeof *d->lower);
  else if (an_free(d->lower), !(d->lower = an_calloc(d->lowercap, sizeof *d->lower)))
    return AN_ENOMEM;
  d->lx = an_gazetteer_lexicon(d->gaz);
  d->al = an_gazetteer_aliases(d->gaz);
  d->lxn = an_gazetteer_lexicon_nodes(d->gaz);
  /* folds are about as long as the text (one buffer, not one growth per
   * few tokens); nearly every token is one word */
  if ((st = an_buf_reserve(&d->folds, d->len + d->ntok + 1)) != AN_OK) return st;
  if ((st = an_grow((void **)&d->wh, &d->capwh, d->ntok + WORDS_MAX, sizeof *d->wh)) != AN_OK) return st;
  /* (the loop keeps the buffers' ends in locals: stores through d would
   * make it reload them for every token) */
  uint32_t *foff = d->foff;
  uint64_t *fh = d->fh;
  tokinfo *ti = d->ti;
  const an_token *tok = d->tok;
  an_actors_cache *cache = d->cache;
  char *fdata = d->folds.data;
  size_t flen = d->folds.len, fcap = d->folds.cap;
  uint64_t *wh = d->wh;
  size_t nwh = d->nwh, capwh = d->capwh;
  for (size_t i = 0, ntok = d->ntok; i < ntok; i++) {
    tokinfo *t = &ti[i];
    /* folded straight into the buffer (no copy per token), and each word
     * hashed once: for the lexicon, the lower-case set and every trie walk */
    if (flen + FOLD_MAX + 1 > fcap) {
      d->folds.len = flen;
      if ((st = an_buf_reserve(&d->folds, FOLD_MAX)) != AN_OK) return st;
      fdata = d->folds.data, fcap = d->folds.cap;
    }
    if (nwh + WORDS_MAX > capwh) {
      if ((st = an_grow((void **)&d->wh, &d->capwh, nwh + WORDS_MAX, sizeof *d->wh)) != AN_OK) return st;
      wh = d->wh, capwh = d->capwh;
    }
    char *buf = fdata + flen;
    size_t nw, n;
    uint32_t start = tok[i].start, sh = tok[i].shape;
    size_t tl = tok[i].len;
    const char *tp = d->str + start;
    tokmemo *m = NULL;
    uint64_t k0 = 0, k1 = 0;
    t->wh = (uint32_t)nwh;
    if (cache && tl <= MEMO_KEY) {
      an_tokkey(tp, tl, d->len - start, &k0, &k1);
      m = memo_slot(cache, k0, k1, tl);
      if (m->klen == tl + 1 && m->k0 == k0 && m->k1 == k1) {
        /* a word seen before: its fold, hash and classes as they were made
         * (its word hash stored even when it has none: the next token's
         * goes there then) */
        n = m->n, nw = m->nw;
        memcpy(buf, m->fold, MEMO_KEY);
        buf[n] = '\0';
        wh[nwh] = m->wh;
        fh[i] = m->wh;
        memcpy(&t->lx1, &m->lx1, TI_WORD);
        t->oneword = (uint8_t)nw;
        t->wb = m->wb;
        goto made;
      }
    }
    n = prep_new_word(d, t, tp, tl, buf, wh + nwh, m, k0, k1, &nw, fh + i);
  made:
    foff[i] = (uint32_t)flen;
    flen += n + 1; /* keep the NUL */
    t->nw = (uint32_t)nw;
    nwh += nw;
    t->span = -1;
    t->ref = -1;
    t->sent = 0;
    t->quote = t->headline = 0;
    t->tf = (uint8_t)(((sh & (AN_SHAPE_PUNCT | AN_SHAPE_QUOTE)) || !n ? TF_PUNCT : 0) |
                      (sh & AN_SHAPE_POSSESSIVE ? TF_POSS : 0) | (!n ? TF_EMPTY : 0));
    t->posswh = 0;
    if (i > 0 && (sh & AN_SHAPE_POSSESSIVE) && n) {
      d->folds.len = flen;
      prep_possessive(d, i, buf, n);
    }
    if ((sh & AN_SHAPE_ALL_LOWER) && n && (st = lower_add_hash(d, fh[i])) != AN_OK) return st;
  }
  d->folds.len = flen;
  fdata[flen] = '\0';
  d->nwh = nwh;
  int inq = 0;
  uint32_t para = UINT32_MAX;
  for (size_t s = 0; s < d->nsent; s++) {
    const an_sentence *se = &d->sent[s];
    if (se->paragraph != para) inq = 0, para = se->paragraph;
    int headline = (se->flags & AN_SENT_HEADLINE) != 0;
    size_t lo = se->tok_first, hi = (size_t)se->tok_first + se->tok_count;
    if (hi > d->ntok) hi = d->ntok;
    /* an all-capitals line reads like a headline; the sentence and the
     * quotation state of each token in the same pass */
    size_t words = 0, upper = 0;
    for (size_t i = lo; i < hi; i++) {
      tokinfo *t = &d->ti[i];
      uint32_t sh = shape(d, i);
      t->sent = (uint32_t)s;
      t->quote = (uint8_t)inq;
      if (sh & AN_SHAPE_QUOTE) inq = !inq;
      if (t->tf & TF_PUNCT) continue;
      words++;
      if (sh & AN_SHAPE_ALL_UPPER) upper++;
    }
    if (words >= 3 && upper * 10 >= words * 8) headline = 1;
    /* a line the splitter saw as unpunctuated but that reads as prose (most
     * words in lower case) is prose: only title-case lines are headlines */
    if (headline && !(words >= 3 && upper * 10 >= words * 8)) {
      size_t caps = 0;
      for (size_t i = lo; i < hi; i++)
        if (!is_punct(d, i) && (shape(d, i) & (AN_SHAPE_UPPER_INITIAL | AN_SHAPE_ALL_UPPER))) caps++;
      if (caps * 10 < words * 6) headline = 0;
    }
    if (headline)
      for (size_t i = lo; i < hi; i++) d->ti[i].headline = 1;
  }
  return AN_OK;
}

/* ---- pass 1: gazetteer and title spans ---- */

/* Whether gz_value_ok can take any form starting at token first: not when
 * the word is plain lower case (no capital, no hyphen) outside a headline.
 * find_spans skips the gazetteer walk from those words (most words): keep
 * this in step with gz_value_ok. */
static int gz_may_start(const doc *d, size_t first) {
  uint32_t sh = shape(d, first);
  return d->ti[first].headline || (sh & (AN_SHAPE_UPPER_INITIAL | AN_SHAPE_ALL_UPPER)) ||
         !(sh & AN_SHAPE_ALL_LOWER) || (sh & AN_SHAPE_HYPHENATED);
}

/* Is the text of tokens [first, last] exactly one of e's forms, case and
 * all? Names written with a lower-case initial ("xAI", "eBay", "al-Qaeda")
 * match only so, never as the common words they may look like. */
static int written_as_form(const doc *d, const an_gz_entry *e, size_t first, size_t last) {
  if (!e) return 0;
  const char *p = d->str + d->tok[first].start;
  size_t n = d->tok[last].start + d->tok[last].len - d->tok[first].start;
  /* a lower-case initial alone ("eBay") or a hyphenated particle
   * ("al-Qaeda"): plain lower-case words never match */
  if ((shape(d, first) & AN_SHAPE_ALL_LOWER) && !(shape(d, first) & AN_SHAPE_HYPHENATED)) return 0;
  if (strlen(e->label) == n && memcmp(e->label, p, n) == 0) return 1;
  for (size_t k = 0; k < e->n_aliases; k++)
    if (strlen(e->aliases[k]) == n && memcmp(e->aliases[k], p, n) == 0) return 1;
  return 0;
}

static int gz_value_ok(const doc *d, uint32_t v, size_t first, size_t last) {
  /* "US" is never "us", not even in a headline */
  if (v & AN_GZ_ACRONYM) {
    for (size_t k = first; k <= last; k++)
      if (!(shape(d, k) & AN_SHAPE_ALL_UPPER)) return 0;
    return 1;
  }
  /* "Germán Rios" is no German: a demonym written with letters the form
   * lacks (the fold drops accents) is another word */
  if ((v & AN_GZ_HOW_MASK) == AN_MENTION_DEMONYM && first == last) {
    const unsigned char *p = (const unsigned char *)d->str + d->tok[first].start;
    size_t n = d->tok[first].len, k = 0;
    while (k < n && p[k] < 0x80) k++;
    if (k < n) {
      const an_gz_entry *e = an_gazetteer_entry(d->gaz, AN_GZ_ENTRY(v));
      int same = 0;
      for (size_t q = 0; e && q < e->n_demonyms && !same; q++)
        same = strlen(e->demonyms[q]) == n && memcmp(e->demonyms[q], p, n) == 0;
      if (!same) return 0;
    }
  }
  if (d->ti[first].headline) return 1;
  if (!(shape(d, first) & (AN_SHAPE_UPPER_INITIAL | AN_SHAPE_ALL_UPPER)))
    return written_as_form(d, an_gazetteer_entry(d->gaz, AN_GZ_ENTRY(v)), first, last);
  /* "Jordan Peterson" is not Jordan: a risky form followed by a name */
  if (first == last && (d->ti[first].lex & AN_LX_RISKY) && last + 1 < d->ntok && same_sent(d, last, last + 1) &&
      (shape(d, last + 1) & AN_SHAPE_UPPER_INITIAL) && !is_punct(d, last + 1) &&
      !(d->ti[last + 1].lex & (AN_LX_STOP | AN_LX_TIME | AN_LX_TITLE))) /* "Fed Chair X" is the Fed */
    return 0;
  return 1;
}

/* Token i's first step in the alias trie (a token with words): as
 * al_first() set it, else taken now. */
static uint32_t al1_of(const doc *d, size_t i) {
  const tokinfo *t = &d->ti[i];
  return t->al1 != AL1_UNSET ? t->al1 : an_trie_step(d->al, AN_TRIE_ROOT, d->wh[t->wh]);
}

/* Longest match in trie t starting at token i (within the sentence). Walks
 * the folded words of each token; a match ends at a token end. Returns the
 * node and sets *count, or AN_TRIE_NONE. accept() filters nodes; in the
 * lexicon, need (if not 0) has the classes accept() takes: the walk stops
 * where no form of them lies ahead. */
typedef int (*accept_fn)(const doc *d, const an_trie *t, uint32_t node, size_t first, size_t last,
                         uint32_t *value);

/* an_trie_step through the thread's cache (the lexicon and alias tries
 * only: their tables are large, a step there waits on memory). */
static inline uint32_t walk_step(const doc *d, const an_trie *t, uint32_t node, uint64_t word) {
  if (!d->cache || (t != d->lx && t != d->al) || node >= UINT32_MAX / 2 - 1) return an_trie_step(t, node, word);
  uint32_t tag = 1 + 2 * node + (t == d->al);
  stepmemo *e = &d->cache->step[((word ^ ((uint64_t)tag * 0x9e3779b97f4a7c15ull)) * 0xff51afd7ed558ccdull) >>
                                (64 - STEP_BITS)];
  if (e->tag == tag && e->word == word) return e->child;
  uint32_t c = an_trie_step(t, node, word);
  e->word = word, e->tag = tag, e->child = c;
  return c;
}

/* (not inlined into longest(), which is: it is called for nearly every
 * token, the walk for few) */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static uint32_t longest_walk(const doc *d, const an_trie *t, size_t i, size_t end, accept_fn ok, uint32_t need,
                             uint32_t *count, uint32_t *value) {
  uint32_t node = AN_TRIE_ROOT, best = AN_TRIE_NONE;
  for (size_t j = i; j < end; j++) {
    const tokinfo *tj = &d->ti[j];
    /* "Workers' Party": a bare apostrophe inside a phrase is skipped; "'s"
     * is taken with the word before it (below) */
    if (tj->tf & TF_POSS) {
      if (j == i || !(tj->tf & TF_EMPTY)) break;
      continue;
    }
    if ((tj->tf & TF_PUNCT) || !tj->nw) break;
    const uint64_t *w = d->wh + tj->wh;
    uint32_t prev = node; /* the node before the token's last word */
    size_t k = 0;
    if (j == i && (t == d->lx || t == d->al)) {
      /* the first step from the root was taken in prepare */
      uint32_t first = t == d->lx ? tj->lx1 : al1_of(d, j);
      if (tj->nw == 1) {
        node = first;
        k = 1;
      } else {
        if ((prev = first) == AN_TRIE_NONE) return best;
        k = 1;
      }
    }
    if (k < tj->nw) {
      for (; k + 1 < tj->nw; k++)
        if ((prev = walk_step(d, t, prev, w[k])) == AN_TRIE_NONE) return best;
      node = walk_step(d, t, prev, w[k]);
    }
    uint32_t v;
    int live = node != AN_TRIE_NONE && (!need || (d->lxn[node].below & need));
    if (live && ok(d, t, node, i, j, &v)) {
      best = node;
      *count = (uint32_t)(j - i + 1);
      *value = v;
    }
    /* "Tigray People's Liberation Front": the possessive folds into the
     * word before it ("peoples"), as in the aliases; no match ends there */
    if (j + 1 < end && (tj->tf & TF_POSSNEXT)) {
      if (!tj->posswh) return best;
      node = walk_step(d, t, prev, tj->posswh);
      if (node == AN_TRIE_NONE) return best;
      j++;
      continue;
    }
    if (!live) return best;
  }
  return best;
}

/* longest_walk, without the call where the first token already tells that
 * nothing matches (most tokens start no phrase). Call al_first() first
 * for the alias trie (else its first step is taken at each call). */
static inline uint32_t longest(const doc *d, const an_trie *t, size_t i, size_t end, accept_fn ok,
                               uint32_t need, uint32_t *count, uint32_t *value) {
  if (i >= end) return AN_TRIE_NONE;
  const tokinfo *ti = &d->ti[i];
  if (!(ti->tf & TF_POSSNEXT) && (t == d->lx || t == d->al)) {
    if (ti->tf & (TF_POSS | TF_PUNCT)) return AN_TRIE_NONE;
    /* (the usual classes asked for: the token's WB_ bits tell) */
    uint8_t wb = need == AN_LX_PLACE                       ? WB_PLACE
                 : need == (AN_LX_TITLE | AN_LX_HONORIFIC) ? WB_TITLE
                 : need == AN_LX_STATE                     ? WB_STATE
                 : need == AN_LX_CDESC                     ? WB_CDESC
                                                           : 0;
    if (t == d->lx && wb) {
      if (!(ti->wb & wb)) return AN_TRIE_NONE;
    } else {
      uint32_t first = t == d->lx ? ti->lx1 : al1_of(d, i);
      /* (every node below first has its classes in lxn[first].below) */
      if (first == AN_TRIE_NONE || (need && !(d->lxn[first].below & need))) return AN_TRIE_NONE;
    }
  }
  return longest_walk(d, t, i, end, ok, need, count, value);
}

/* Sets token i's first step in the alias trie (taken only for the tokens a
 * gazetteer walk starts from). */
static void al_first(doc *d, size_t i) {
  tokinfo *t = &d->ti[i];
  if (t->al1 == AL1_UNSET) t->al1 = t->nw ? an_trie_step(d->al, AN_TRIE_ROOT, d->wh[t->wh]) : AN_TRIE_NONE;
}

static int accept_gaz(const doc *d, const an_trie *t, uint32_t node, size_t first, size_t last,
                      uint32_t *value) {
  size_t n;
  const uint32_t *v = an_trie_values(t, node, &n);
  int found = 0;
  for (size_t k = 0; k < n; k++) {
    if (!gz_value_ok(d, v[k], first, last)) continue;
    /* a user's entry wins a form it shares with a built-in one */
    if (an_gazetteer_entry(d->gaz, AN_GZ_ENTRY(v[k]))->user) {
      *value = v[k];
      return 1;
    }
    if (!found) *value = v[k], found = 1;
  }
  return found;
}

static int accept_title(const doc *d, const an_trie *t, uint32_t node, size_t first, size_t last,
                        uint32_t *value) {
  size_t n;
  const uint32_t *v = an_trie_values(t, node, &n);
  /* a role title names the role; a description ("top diplomat") only if
   * nothing else does */
  long desc = -1;
  /* "H.E." and "PM" only as written: not "he", "pm" */
  int lower = 0;
  for (size_t k = first; k <= last; k++)
    if (!(shape(d, k) & (AN_SHAPE_ALL_UPPER | AN_SHAPE_ABBREV))) lower = 1;
  for (size_t k = 0; k < n; k++) {
    uint32_t c = AN_LX_CLASS(v[k]);
    if (c != AN_LX_TITLE || ((v[k] & AN_LX_VALUE_ABBR) && lower)) continue;
    const an_title *ti = an_gazetteer_title(d->gaz, AN_LX_INDEX(v[k]));
    if (ti && ti->description) {
      if (desc < 0) desc = (long)AN_LX_INDEX(v[k]);
      continue;
    }
    *value = AN_LX_INDEX(v[k]);
    return 1;
  }
  if (desc >= 0) {
    *value = (uint32_t)desc;
    return 1;
  }
  for (size_t k = 0; k < n; k++)
    if (AN_LX_CLASS(v[k]) == AN_LX_HONORIFIC && !((v[k] & AN_LX_VALUE_ABBR) && lower)) {
      *value = HONOR_BIT | (v[k] & 0xFFu); /* the gender it implies */
      return 1;
    }
  return 0;
}

static an_status index_key(doc *d, uint64_t h, int32_t actor);
static int32_t index_first(const doc *d, uint64_t h);
static uint64_t word_key(const char *w, size_t n);
/* index keys of defined acronyms (the value is the acro index) */
#define ACR_KEY(fold) ((word_key((fold), strlen(fold)) | 0x4000000000000000ULL))

/* "Iran Front Page (IFP)": an acronym the text defines. Its long form is
 * the run of capitalized words before "(" whose initials spell it. */
static an_status find_acronyms(doc *d) {
  /* (the "(" tokens found from the text's "(" bytes, memchr's pace, and a
   * binary search for the token at each: most text has few) */
  size_t lo = 0;
  for (const char *p = d->str, *e = d->str + d->len; (p = memchr(p, '(', (size_t)(e - p))) != NULL; p++) {
    uint32_t off = (uint32_t)(p - d->str);
    size_t hi = d->ntok;
    while (lo < hi) { /* the first token starting at off or after */
      size_t mid = lo + (hi - lo) / 2;
      if (d->tok[mid].start < off) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= d->ntok) break;
    size_t i = lo;
    if (d->tok[i].start != off || i < 1 || i + 2 >= d->ntok) continue;
    if (!tok_char(d, i, '(') || !tok_char(d, i + 2, ')') || !(shape(d, i + 1) & AN_SHAPE_ALL_UPPER)) continue;
    const char *acr = tfold(d, i + 1);
    size_t al = strlen(acr);
    if (al < 2 || al > 10 || strchr(acr, ' ')) continue;
    /* walk back over capitalized words (and "of", "and", "the", "for") */
    size_t k = i, matched = 0;
    char ini[16], inp[16]; /* initials without and with the particles' */
    size_t n = 0, np = 0;
    while (k > 0 && i - k < 12 && same_sent(d, k - 1, i)) {
      size_t q = k - 1;
      if (tis(d, q, "of") || tis(d, q, "and") || tis(d, q, "the") || tis(d, q, "for")) {
        k = q;
        continue;
      }
      /* "Forces Armées de la République (FAR)", "Movimiento al Socialismo
       * (MAS)": a lower-case name particle inside, its letter counted or not */
      if (n > 0 && is_particle_tok(d, q) && (shape(d, q) & AN_SHAPE_ALL_LOWER) && !(shape(d, q) & AN_SHAPE_HYPHENATED)) {
        if (np + 1 < sizeof inp) {
          memmove(inp + 1, inp, np);
          inp[0] = tfold(d, q)[0];
          np++;
        }
        k = q; /* (a match ends at a capitalized word: the long form opens with one) */
        continue;
      }
      /* "People's Democratic Party (PDP)": over a possessive */
      if (is_poss(d, q) && q > 0 && (shape(d, q - 1) & AN_SHAPE_UPPER_INITIAL) && n > 0) {
        k = q;
        continue;
      }
      if (!(shape(d, q) & (AN_SHAPE_UPPER_INITIAL | AN_SHAPE_ALL_UPPER)) || is_punct(d, q)) break;
      if (n + 1 >= sizeof ini || np + 1 >= sizeof inp) break;
      memmove(ini + 1, ini, n);
      ini[0] = tfold(d, q)[0];
      n++;
      memmove(inp + 1, inp, np);
      inp[0] = ini[0];
      np++;
      k = q;
      if ((n == al && memcmp(ini, acr, al) == 0) || (np == al && memcmp(inp, acr, al) == 0)) {
        matched = 1;
        break;
      }
    }
    /* "the Corruption Eradication Commission (KPK)": an acronym of the
     * name's own language, for whatever name ends before it (taken only
     * where no gazetteer name reads the acronym) */
    int loose = !matched && (shape(d, i - 1) & AN_SHAPE_UPPER_INITIAL) && !is_punct(d, i - 1) && al >= 3;
    if (!matched && !loose) continue;
    an_status st = an_grow((void **)&d->acr, &d->capacr, d->nacr + 1, sizeof *d->acr);
    if (st != AN_OK) return st;
    d->acr[d->nacr] = matched ? (acro){(uint32_t)(i + 1), (uint32_t)k, (uint32_t)i, 0}
                              : (acro){(uint32_t)(i + 1), (uint32_t)i, (uint32_t)i, 1};
    if ((st = index_key(d, ACR_KEY(acr), (int32_t)d->nacr)) != AN_OK) return st;
    d->nacr++;
  }
  return AN_OK;
}

/* The definition of an acronym word, or NULL. */
static const acro *acronym_of(const doc *d, const char *fold) {
  if (!d->nacr) return NULL;
  /* hashed (documents may define thousands); the first definition wins */
  uint64_t key = ACR_KEY(fold);
  const acro *best = NULL;
  for (int32_t n = index_first(d, key); n >= 0; n = d->wn[n].next) {
    if (d->wn[n].h != key) continue;
    const acro *a = &d->acr[d->wn[n].actor];
    if (strcmp(tfold(d, a->tok), fold) == 0 && (!best || a < best)) best = a;
  }
  return best;
}

/* Does gazetteer entry e carry the long form of acronym a? */
static int acronym_is_entry(const doc *d, const acro *a, const an_gz_entry *e) {
  char lf[512], buf[512];
  size_t o = 0;
  for (uint32_t k = a->start; k < a->end; k++) {
    int n = snprintf(lf + o, sizeof lf - o, "%s%s", o ? " " : "", tfold(d, k));
    if (n < 0 || (size_t)n >= sizeof lf - o) break;
    o += (size_t)n;
  }
  an_word_fold(e->label, strlen(e->label), buf, sizeof buf);
  if (strstr(lf, buf)) return 1;
  for (size_t k = 0; k < e->n_aliases; k++) {
    an_word_fold(e->aliases[k], strlen(e->aliases[k]), buf, sizeof buf);
    if (strlen(buf) > 4 && strstr(lf, buf)) return 1;
  }
  return 0;
}

/* A one-word title between two name words is part of the name:
 * "Hossein Amir Abdollahian" (Amir), "Mark Prince Jones". */
/* "Major League Baseball", "General Dynamics Corp": a weak title form
 * starting a capitalized name that an organization head ends is part of
 * that name. */
static int weak_title_in_org(const doc *d, size_t i, uint32_t cnt) {
  if (cnt != 1 || !(d->ti[i].lex & AN_LX_WEAK) || !(shape(d, i) & AN_SHAPE_UPPER_INITIAL)) return 0;
  for (size_t k = i + 1; k < d->ntok && k <= i + 4 && same_sent(d, i, k); k++) {
    if (!name_like(d, k) || (d->ti[k].lex & (AN_LX_STOP | AN_LX_TIME | AN_LX_TITLE | AN_LX_HONORIFIC))) return 0;
    if (d->ti[k].lex & AN_LX_ORGHEAD) return 1;
  }
  return 0;
}

static int title_inside_name(const doc *d, size_t i, uint32_t cnt) {
  if (cnt != 1 || i == 0 || i + 1 >= d->ntok || !same_sent(d, i - 1, i + 1)) return 0;
  /* not after a head word: "House Speaker X" */
  if (d->ti[i - 1].lex & (AN_LX_BARE | AN_LX_ORGHEAD | AN_LX_STATE | AN_LX_GENERIC)) return 0;
  if (!(shape(d, i) & AN_SHAPE_UPPER_INITIAL)) return 0;
  return name_like(d, i - 1) && d->ti[i - 1].span < 0 && !(d->ti[i - 1].lex & (AN_LX_STOP | AN_LX_TIME)) &&
         !(d->ti[i - 1].lex & (AN_LX_TITLE | AN_LX_HONORIFIC)) && name_like(d, i + 1) &&
         !(d->ti[i + 1].lex & (AN_LX_STOP | AN_LX_TIME | AN_LX_TITLE));
}

static int common_initial(const doc *d, size_t i);

static int run_stopper(const doc *d, size_t i);
static int words_within(const char *a, const char *b);

/* A place or region phrase of two or more tokens (names.json stop.places),
 * capitalized as a name: "South America", "West Bank". */
static int accept_place(const doc *d, const an_trie *t, uint32_t node, size_t first, size_t last,
                        uint32_t *value) {
  if (last == first || (!d->ti[first].headline && !(shape(d, first) & (AN_SHAPE_UPPER_INITIAL | AN_SHAPE_ALL_UPPER))))
    return 0;
  size_t n;
  const uint32_t *v = an_trie_values(t, node, &n);
  for (size_t k = 0; k < n; k++)
    if (AN_LX_CLASS(v[k]) == AN_LX_PLACE) {
      *value = 0;
      return 1;
    }
  return 0;
}

/* Does a capitalized name run on into token i from the left ("United
 * Latin...", "Union of Latin...")? */
static int name_word_before(const doc *d, size_t q) {
  return d->ti[q].span < 0 && name_like(d, q) && !run_stopper(d, q) && !common_initial(d, q) &&
         !(d->ti[q].lex & (AN_LX_TITLE | AN_LX_HONORIFIC));
}

static int name_goes_on_before(const doc *d, size_t i, size_t sent_first) {
  if (i <= sent_first) return 0;
  if (name_word_before(d, i - 1)) return 1;
  return i >= sent_first + 2 && (tis(d, i - 1, "of") || tis(d, i - 1, "for")) && name_word_before(d, i - 2) &&
         (d->ti[i - 2].lex & AN_LX_ORGHEAD);
}

/* "Amir Khan": a one-word title that is also a given name, before a name,
 * is the given name, unless a possessor or modifier shows the title
 * ("Qatar's Amir Tamim", "the Amir"). */
static int given_name_title(const doc *d, size_t i, uint32_t cnt, size_t end) {
  if (cnt != 1 || !(d->ti[i].lex & (AN_LX_GIVEN_M | AN_LX_GIVEN_F)) || !(shape(d, i) & AN_SHAPE_UPPER_INITIAL)) return 0;
  if (i + 1 >= end || !name_like(d, i + 1) || run_stopper(d, i + 1) || (d->ti[i + 1].lex & AN_LX_TITLE)) return 0;
  if (i > 0 && same_sent(d, i - 1, i) && (is_poss(d, i - 1) || d->ti[i - 1].span >= 0 || tis(d, i - 1, "the")))
    return 0;
  return 1;
}

/* Is folded word w one of the words of e's label or aliases? */
/* Edit distance of a and b (folded words), capped: > 2 is "far". */
static int near_spelling(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 30 || lb > 30 || (la > lb ? la - lb : lb - la) > 2) return 0;
  int row[32];
  for (size_t j = 0; j <= lb; j++) row[j] = (int)j;
  for (size_t i = 1; i <= la; i++) {
    int diag = row[0];
    row[0] = (int)i;
    for (size_t j = 1; j <= lb; j++) {
      int up = row[j];
      int v = diag + (a[i - 1] != b[j - 1]);
      if (row[j] + 1 < v) v = row[j] + 1;
      if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
      row[j] = v;
      diag = up;
    }
  }
  static const char vowels[] = "aeiouy";
  int same_start = a[0] == b[0] || (strchr(vowels, a[0]) && strchr(vowels, b[0]));
  return row[lb] <= 2 && same_start;
}

/* Is folded word w a word of e's label or aliases, or a spelling variant
 * of one ("mohamed" for "mohammad", "hussein" for "hossein")? */
static int word_in_entry(const an_gz_entry *e, const char *w) {
  char buf[512];
  for (size_t k = 0; k <= e->n_aliases; k++) {
    const char *f = k == 0 ? e->label : e->aliases[k - 1];
    an_word_fold(f, strlen(f), buf, sizeof buf);
    if (words_within(w, buf)) return 1;
    for (const char *p = buf; *p;) {
      const char *sp = strchr(p, ' ');
      size_t n = sp ? (size_t)(sp - p) : strlen(p);
      char word[64];
      if (n < sizeof word && n >= 3 && strlen(w) >= 3) {
        memcpy(word, p, n);
        word[n] = '\0';
        if (near_spelling(w, word)) return 1;
      }
      p += n;
      while (*p == ' ') p++;
    }
  }
  return 0;
}

/* Is token q a capitalized given name, free, that person entry e does
 * not have ("Amir" before "Haddad" of "Fernando Haddad")? */
static int other_given_name(const doc *d, size_t q, const an_gz_entry *e) {
  if (e->kind != AN_KIND_PERSON || d->ti[q].span >= 0 || !(d->ti[q].lex & (AN_LX_GIVEN_M | AN_LX_GIVEN_F)) ||
      !(shape(d, q) & AN_SHAPE_UPPER_INITIAL) || d->ti[q].headline || !name_like(d, q) || run_stopper(d, q))
    return 0;
  if ((d->ti[q].lex & (AN_LX_TITLE | AN_LX_HONORIFIC)) && !given_name_title(d, q, 1, q + 2)) return 0;
  return !word_in_entry(e, tfold(d, q));
}

/* The end of a capitalized name from token k (at most five words, no
 * title, state noun or particle) that an organization head ends ("Farmers
 * Union", "Integration Association"), or 0. */
static int plural_poss_inside(const doc *d, size_t j);

static int org_run_word(const doc *d, size_t k, size_t end) {
  const an_trie *lx = an_gazetteer_lexicon(d->gaz);
  uint32_t tc, tv;
  return k < end && d->ti[k].span < 0 && name_like(d, k) && !run_stopper(d, k) &&
         (shape(d, k) & AN_SHAPE_UPPER_INITIAL) && !d->ti[k].headline &&
         !(d->ti[k].lex & (AN_LX_TITLE | AN_LX_HONORIFIC | AN_LX_STATE)) &&
         /* "Saudi Energy Minister": a title starts here */
         longest(d, lx, k, end, accept_title, AN_LX_TITLE | AN_LX_HONORIFIC, &tc, &tv) == AN_TRIE_NONE;
}

static size_t org_run_end(const doc *d, size_t k, size_t end) {
  size_t k0 = k, org_end = 0;
  int compl = 0;
  while (k < k0 + 7) {
    /* "Nordland Offshore and Shipbuilding Association": "and" before the head */
    if (k > k0 && !org_end && k < end && (tis(d, k, "and") || tok_char(d, k, '&')) && org_run_word(d, k + 1, end)) {
      k++;
      continue;
    }
    /* "the Nordland Governors' Forum" */
    if (k > k0 && k + 1 < end && plural_poss_inside(d, k)) {
      k++;
      continue;
    }
    /* "Nordland Institute for Peace": one complement after the head */
    if (org_end && org_end == k && !compl && (tis(d, k, "of") || tis(d, k, "for")) && org_run_word(d, k + 1, end)) {
      compl = 1;
      k++;
      continue;
    }
    /* "Court of Justice", "Ministry of Justice": a title word as the
     * head's complement, no name after it */
    if (org_end && org_end == k && !compl && tis(d, k, "of") && k + 1 < end && d->ti[k + 1].span < 0 &&
        (shape(d, k + 1) & AN_SHAPE_UPPER_INITIAL) && (d->ti[k + 1].lex & AN_LX_TITLE) && !d->ti[k + 1].headline &&
        !(k + 2 < end && name_like(d, k + 2))) {
      org_end = k + 2;
      k += 2;
      break;
    }
    if (!org_run_word(d, k, end)) break;
    if ((d->ti[k].lex & AN_LX_ORGHEAD) || compl) org_end = k + 1;
    k++;
  }
  /* not "the Nordish Farmers Union leader Omar Salem" cut short: a title
   * after it is fine; a further name word is not */
  if (org_end && org_end < end && org_end == k && name_like(d, org_end) && d->ti[org_end].span < 0 &&
      !run_stopper(d, org_end) && !(d->ti[org_end].lex & AN_LX_TITLE) && !tis(d, org_end, "of"))
    return 0;
  /* "the ruling Nordish Dawn party": a lower-case organization noun ends it */
  if (!org_end && k > k0 && k < end && (shape(d, k) & AN_SHAPE_ALL_LOWER) && (d->ti[k].lex & AN_LX_ORGNOUN) &&
      (d->ti[k].lex & AN_LX_ORGHEAD))
    return k;
  return org_end;
}

/* An organization head at token k that may follow a person's name to name
 * an organization: capitalized, no state noun. */
static int eponym_head(const doc *d, size_t k, size_t end) {
  return k < end && (d->ti[k].lex & AN_LX_ORGHEAD) && !(d->ti[k].lex & AN_LX_STATE) &&
         (shape(d, k) & (AN_SHAPE_UPPER_INITIAL | AN_SHAPE_ALL_UPPER)) && !is_punct(d, k) && !is_poss(d, k) &&
         !d->ti[k].headline;
}

static int accept_state(const doc *d, const an_trie *t, uint32_t node, size_t first, size_t last,
                        uint32_t *value) {
  (void)d, (void)first, (void)last;
  size_t n;
  const uint32_t *v = an_trie_values(t, node, &n);
  for (size_t k = 0; k < n; k++)
    if (AN_LX_CLASS(v[k]) == AN_LX_STATE) {
      *value = 0;
      return 1;
    }
  return 0;
}

static an_status find_spans(doc *d) {
  const an_trie *al = an_gazetteer_aliases(d->gaz), *lx = an_gazetteer_lexicon(d->gaz);
  an_status st = find_acronyms(d);
  if (st != AN_OK) return st;
  for (size_t s = 0; s < d->nsent; s++) {
    if (d->sent[s].flags & AN_SENT_CREDIT) continue;
    size_t end = sent_end(d, (uint32_t)s);
    if (end > d->ntok) end = d->ntok;
    for (size_t i = d->sent[s].tok_first; i < end;) {
      /* (most tokens: punctuation, or a lower-case word that no place,
       * title or gazetteer name starts with; the tests below in brief) */
      const tokinfo *tk = &d->ti[i];
      if ((tk->tf & TF_PUNCT) ||
          (!(tk->tf & TF_POSSNEXT) && !(tk->wb & (WB_PLACE | WB_TITLE)) && !gz_may_start(d, i))) {
        i++;
        continue;
      }
      uint32_t cnt = 0, val = 0;
      uint32_t gnode;
      /* a place or region at least as long as any name here wins: "South
       * America" is not America, "West Bank" no bank */
      uint32_t pcnt = 0, pval = 0;
      /* (not inside a longer name: "League of United Latin American
       * Citizens", "Union of Latin American Growers") */
      if (!is_punct(d, i) && longest(d, lx, i, end, accept_place, AN_LX_PLACE, &pcnt, &pval) != AN_TRIE_NONE &&
          !name_goes_on_before(d, i, d->sent[s].tok_first)) {
        /* "the Latin American Integration Association": a place before a
         * name an organization head ends is part of that name */
        size_t org_end = org_run_end(d, i + pcnt, end);
        if (org_end) {
          if ((st = push_span(d, (uint32_t)i, (uint32_t)(org_end - i), SP_NAME, 0)) != AN_OK) return st;
          for (size_t q = i; q < org_end; q++) d->ti[q].span = (int32_t)(d->nsp - 1);
          i = org_end;
          continue;
        }
        uint32_t gc = 0, gv = 0;
        al_first(d, i);
        if (longest(d, al, i, end, accept_gaz, 0, &gc, &gv) == AN_TRIE_NONE || gc <= pcnt) {
          if ((st = push_span(d, (uint32_t)i, pcnt, SP_PLACE, 0)) != AN_OK) return st;
          for (uint32_t k = 0; k < pcnt; k++) d->ti[i + k].span = (int32_t)(d->nsp - 1);
          i += pcnt;
          continue;
        }
      }
      int may_gaz = !is_punct(d, i) && gz_may_start(d, i);
      if (may_gaz) al_first(d, i);
      if (may_gaz &&
          (gnode = longest(d, al, i, end, accept_gaz, 0, &cnt, &val)) != AN_TRIE_NONE) {
        /* an acronym the text defines otherwise ("Iran Front Page (IFP)")
         * is not the gazetteer's */
        const acro *a = cnt == 1 ? acronym_of(d, tfold(d, i)) : NULL;
        if (a && !a->loose && !acronym_is_entry(d, a, an_gazetteer_entry(d->gaz, AN_GZ_ENTRY(val)))) {
          i++;
          continue;
        }
        /* "Amir Haddad" is not Fernando Haddad: a given name the entry
         * does not have, before a name of a known person, makes another
         * person's name */
        if (i > d->sent[s].tok_first && other_given_name(d, i - 1, an_gazetteer_entry(d->gaz, AN_GZ_ENTRY(val)))) {
          i++;
          continue;
        }
        /* "South American", "Latin American": a capitalized word before a
         * one-word country name or demonym makes another name */
        if (cnt == 1 && i > d->sent[s].tok_first && !d->ti[i].headline && d->ti[i - 1].span < 0 &&
            (shape(d, i - 1) & AN_SHAPE_UPPER_INITIAL) && name_like(d, i - 1) &&
            !(d->ti[i - 1].lex & (AN_LX_STOP | AN_LX_TIME | AN_LX_PRONOUN | AN_LX_TITLE | AN_LX_HONORIFIC |
                                  AN_LX_ADJ | AN_LX_PREFIX | AN_LX_SPEECH)) &&
            !common_initial(d, i - 1) && (val & AN_GZ_HOW_MASK) == AN_MENTION_DEMONYM &&
            an_gazetteer_entry(d->gaz, AN_GZ_ENTRY(val))->kind == AN_KIND_COUNTRY) {
          i++;
          continue;
        }
        const an_gz_entry *ge = an_gazetteer_entry(d->gaz, AN_GZ_ENTRY(val));
        /* "wrote on Twitter", "Facebook posts": a platform where something
         * was posted is a place, not its company */
        if (ge->kind == AN_KIND_ORGANIZATION && (val & AN_GZ_HOW_MASK) == AN_MENTION_NAME &&
            ((i + cnt < end && (shape(d, i + cnt) & AN_SHAPE_ALL_LOWER) && (d->ti[i + cnt].lex & AN_LX_POSTWORD) &&
              !(d->ti[i + cnt].lex & AN_LX_SPEECH)) ||
             (i >= 2 && (tis(d, i - 1, "on") || tis(d, i - 1, "via")) && (shape(d, i - 2) & AN_SHAPE_ALL_LOWER) &&
              (d->ti[i - 2].lex & AN_LX_POSTWORD)))) {
          if ((st = push_span(d, (uint32_t)i, cnt, SP_PLACE, 0)) != AN_OK) return st;
          for (uint32_t k = 0; k < cnt; k++) d->ti[i + k].span = (int32_t)(d->nsp - 1);
          i += cnt;
          continue;
        }
        /* "the Tomas Varga Foundation", "Varga Institute": a person's name
         * before an organization head (not a state noun: "the Varga
         * Administration" is the state) names an organization */
        if (ge->kind == AN_KIND_PERSON && eponym_head(d, i + cnt, end)) {
          /* with the name words before it ("the Amos Okello Varga Foundation":
           * tokens before i have no span yet, runs come later) and the heads
           * after it */
          size_t j0 = i, k = i + cnt + 1;
          while (j0 > d->sent[s].tok_first && name_word_before(d, j0 - 1)) j0--;
          while (k < end && d->ti[k].span < 0 && name_like(d, k) && !run_stopper(d, k) &&
                 (d->ti[k].lex & AN_LX_ORGHEAD))
            k++;
          if ((st = push_span(d, (uint32_t)j0, (uint32_t)(k - j0), SP_NAME, 0)) != AN_OK) return st;
          for (size_t q = j0; q < k; q++) d->ti[q].span = (int32_t)(d->nsp - 1);
          i = k;
          continue;
        }
        /* "Kestrel Heavy Industries" after a known "Kestrel": a known
         * organization's name that more capitalized words and a company or
         * body head run on is another organization (not its organs: "X
         * Political Bureau", "X Executive Board" end in a bare head) */
        if (ge->kind == AN_KIND_ORGANIZATION && (val & AN_GZ_HOW_MASK) == AN_MENTION_NAME && !d->ti[i].headline) {
          size_t oe = org_run_end(d, i + cnt, end);
          if (oe && (d->ti[oe - 1].lex & AN_LX_ORGHEAD) &&
              !(d->ti[oe - 1].lex & (AN_LX_BARE | AN_LX_STATE | AN_LX_MEDIA))) {
            if ((st = push_span(d, (uint32_t)i, (uint32_t)(oe - i), SP_NAME, 0)) != AN_OK) return st;
            for (size_t q = i; q < oe; q++) d->ti[q].span = (int32_t)(d->nsp - 1);
            i = oe;
            continue;
          }
        }
        /* "the Oskarsby Accord", "Nordland Square": a country's name or seat
         * before a capitalized place or thing head names a place or a thing */
        if (ge->kind == AN_KIND_COUNTRY && i + cnt < end && (d->ti[i + cnt].lex & AN_LX_PLACEHEAD) &&
            (shape(d, i + cnt) & (AN_SHAPE_UPPER_INITIAL | AN_SHAPE_ALL_UPPER)) && !is_poss(d, i + cnt) &&
            /* (not "the Ghana Port Authority": an organization head ends it) */
            !org_run_end(d, i + cnt, end)) {
          if ((st = push_span(d, (uint32_t)i, cnt + 1, SP_PLACE, 0)) != AN_OK) return st;
          for (uint32_t k = 0; k <= cnt; k++) d->ti[i + k].span = (int32_t)(d->nsp - 1);
          i += cnt + 1;
          continue;
        }
        /* "the Nordish government", "Nordland's foreign ministry", "Nordish
         * forces": a state noun after a country makes one mention of it */
        if (ge->kind != AN_KIND_PERSON) {
          size_t k = i + cnt;
          if (k < end && is_poss(d, k)) k++;
          uint32_t sc = 0, sv = 0;
          /* (not "Nordland's state news agency", "Nordish state media": a
           * state noun that modifies a medium) */
          if (k < end && !is_punct(d, k) && longest(d, lx, k, end, accept_state, AN_LX_STATE, &sc, &sv) != AN_TRIE_NONE &&
              !(k + sc < end && name_like(d, k + sc) && (d->ti[k + sc - 1].lex & AN_LX_TITLE)) &&
              !(k + sc < end && (shape(d, k + sc) & AN_SHAPE_ALL_LOWER) && (d->ti[k + sc].lex & AN_LX_MEDIA))) {
            cnt = (uint32_t)(k + sc - i);
            val = (val & ~AN_GZ_HOW_MASK) | AN_MENTION_METONYM;
          } else if (ge->kind == AN_KIND_COUNTRY && k > i + cnt && k + 1 < end && (shape(d, k) & AN_SHAPE_ALL_LOWER) &&
                     (shape(d, k + 1) & AN_SHAPE_ALL_LOWER) && d->ti[k].oneword && d->ti[k + 1].oneword &&
                     !(d->ti[k].lex & (AN_LX_STOP | AN_LX_PREP | AN_LX_TITLE | AN_LX_ORGHEAD | AN_LX_ORGNOUN |
                                       AN_LX_PRONOUN | AN_LX_TIME | AN_LX_GENERIC)) &&
                     (d->ti[k + 1].lex & AN_LX_ORGHEAD) &&
                     (an_gazetteer_org_class(d->gaz, d->ti[k + 1].lx1, 0) & an_gazetteer_state_organ_classes(d->gaz))) {
            /* "Kenya's health ministry", "Japan's trade ministry": a
             * country's organ that speaks for it */
            cnt = (uint32_t)(k + 2 - i);
            val = (val & ~AN_GZ_HOW_MASK) | AN_MENTION_METONYM;
          }
        }
        /* "Air Nordland": a company prefix before a country's name or seat
         * names an airline, not the country */
        if (ge->kind == AN_KIND_COUNTRY && i > d->sent[s].tok_first && (val & AN_GZ_HOW_MASK) != AN_MENTION_DEMONYM &&
            (d->ti[i - 1].lex & AN_LX_ORGPREFIX) && d->ti[i - 1].span < 0 &&
            (shape(d, i - 1) & AN_SHAPE_UPPER_INITIAL) && !is_poss(d, i - 1) && !(shape(d, i - 1) & AN_SHAPE_ALL_UPPER)) {
          if ((st = push_span(d, (uint32_t)(i - 1), cnt + 1, SP_NAME, 1 + AN_GZ_ENTRY(val))) != AN_OK) return st;
          for (size_t q = i - 1; q < i + cnt; q++) d->ti[q].span = (int32_t)(d->nsp - 1);
          i += cnt;
          continue;
        }
        /* "Airtel Kenya", "Orange Senegal": a known company's name and a
         * country's after it (no preposition, no name after) are its
         * national unit: the company, not the country */
        if (ge->kind == AN_KIND_ORGANIZATION && (val & AN_GZ_HOW_MASK) == AN_MENTION_NAME && !d->ti[i].headline &&
            i + cnt < end && (shape(d, i + cnt) & AN_SHAPE_UPPER_INITIAL) && !is_poss(d, i + cnt - 1)) {
          uint32_t cc = 0, cv = 0;
          if (longest(d, al, i + cnt, end, accept_gaz, 0, &cc, &cv) != AN_TRIE_NONE &&
              (cv & AN_GZ_HOW_MASK) == AN_MENTION_NAME &&
              an_gazetteer_entry(d->gaz, AN_GZ_ENTRY(cv))->kind == AN_KIND_COUNTRY &&
              !(i + cnt + cc < end && name_like(d, i + cnt + cc) && !is_poss(d, i + cnt + cc)))
            cnt += cc;
        }
        /* "the Democratic Center party", "Republican Farmers Union": an
         * organization's demonym that a capitalized name with an
         * organization head goes on from is another organization's name */
        if (ge->kind == AN_KIND_ORGANIZATION && (val & AN_GZ_HOW_MASK) == AN_MENTION_DEMONYM && !d->ti[i].headline) {
          size_t oe = org_run_end(d, i + cnt, end);
          if (oe) {
            if ((st = push_span(d, (uint32_t)i, (uint32_t)(oe - i), SP_NAME, 0)) != AN_OK) return st;
            for (size_t q = i; q < oe; q++) d->ti[q].span = (int32_t)(d->nsp - 1);
            i = oe;
            continue;
          }
        }
        /* "the Nordish Farmers Union", "Nordland Bar Association", "Oskarsby
         * State University": a country's name, seat or demonym before a
         * capitalized name that an organization head ends is part of it */
        if (ge->kind == AN_KIND_COUNTRY) {
          size_t org_end = org_run_end(d, i + cnt, end);
          if (org_end) {
            /* value: 1 + the country's entry, whose country the organization takes */
            if ((st = push_span(d, (uint32_t)i, (uint32_t)(org_end - i), SP_NAME, 1 + AN_GZ_ENTRY(val))) != AN_OK)
              return st;
            for (size_t q = i; q < org_end; q++) d->ti[q].span = (int32_t)(d->nsp - 1);
            i = org_end;
            continue;
          }
        }
        if ((st = push_span(d, (uint32_t)i, cnt, SP_GAZ, val)) != AN_OK) return st;
        d->sp[d->nsp - 1].node = gnode;
        for (uint32_t k = 0; k < cnt; k++) d->ti[i + k].span = (int32_t)(d->nsp - 1);
        i += cnt;
        continue;
      }
      if (!is_punct(d, i) &&
          longest(d, lx, i, end, accept_title, AN_LX_TITLE | AN_LX_HONORIFIC, &cnt, &val) != AN_TRIE_NONE && !title_inside_name(d, i, cnt) &&
          !weak_title_in_org(d, i, cnt) && !given_name_title(d, i, cnt, end)) {
        if ((st = push_span(d, (uint32_t)i, cnt, (val & HONOR_BIT) ? SP_HONOR : SP_TITLE,
                            (val & HONOR_BIT) ? val & 0xFFu : val)) != AN_OK)
          return st;
        for (uint32_t k = 0; k < cnt; k++) d->ti[i + k].span = (int32_t)(d->nsp - 1);
        i += cnt;
        continue;
      }
      i++;
    }
  }
  return AN_OK;
}

/* "the Alliance for the Defence of Farmers (ADF)": the long form of an
 * acronym the text defines is one name, over the function words, places
 * and demonyms inside it (not over a known person's name, nor when a
 * gazetteer name covers it or runs past it). */
static an_status acronym_long_forms(doc *d) {
  for (size_t n = 0; n < d->nacr; n++) {
    const acro *a = &d->acr[n];
    if (a->end <= a->start + 1) continue;
    int ok = 1;
    for (uint32_t k = a->start; k < a->end && ok; k++) {
      int si = d->ti[k].span;
      if (si < 0) continue;
      const span *o = &d->sp[si];
      if (o->first < a->start || o->first + o->count > a->end) ok = 0;
      else if (o->type == SP_GAZ &&
               (an_gazetteer_entry(d->gaz, AN_GZ_ENTRY(o->value))->kind == AN_KIND_PERSON ||
                (o->first == a->start && o->count == a->end - a->start)))
        ok = 0;
    }
    if (!ok) continue;
    for (uint32_t k = a->start; k < a->end; k++)
      if (d->ti[k].span >= 0) d->sp[d->ti[k].span].dead = 1;
    an_status st = push_span(d, a->start, a->end - a->start, SP_NAME, 0);
    if (st != AN_OK) return st;
    d->sp[d->nsp - 1].acr = 1;
    for (uint32_t k = a->start; k < a->end; k++) d->ti[k].span = (int32_t)(d->nsp - 1);
  }
  return AN_OK;
}

/* ---- pass 2: capitalized runs ---- */

static int run_stopper(const doc *d, size_t i) {
  uint32_t lx = d->ti[i].lex;
  /* "Kestrel Co.": a company head that folds like the role prefix "co-" ends a name, not cuts it */
  if ((lx & AN_LX_PREFIX) && (lx & AN_LX_ORGHEAD) && (shape(d, i) & AN_SHAPE_UPPER_INITIAL)) lx &= ~AN_LX_PREFIX;
  return (lx & (AN_LX_STOP | AN_LX_TIME | AN_LX_PRONOUN | AN_LX_PREFIX)) != 0;
}

static int common_initial(const doc *d, size_t i) {
  /* sentence-initial capital: a name only if never seen in lower case */
  if (!(shape(d, i) & AN_SHAPE_SENT_INITIAL)) return 0;
  /* "Accusing Ruto of ...", "Speaking to ...": a sentence-initial -ing word */
  const char *f = tfold(d, i);
  size_t n = strlen(f);
  if (n > 5 && strcmp(f + n - 3, "ing") == 0 && !(shape(d, i) & AN_SHAPE_ALL_UPPER)) return 1;
  if (run_stopper(d, i)) return 1;
  /* "World Boxing suspended ...", though "world" is written in lower case
   * elsewhere: an organization head right after makes it a name */
  if (lower_has_tok(d, i) && !(d->ti[i].lex & (AN_LX_SPEECH | AN_LX_ADJ | AN_LX_ORGNOUN | AN_LX_ORGHEAD)) &&
      i + 1 < d->ntok && same_sent(d, i, i + 1) && (d->ti[i + 1].lex & AN_LX_ORGHEAD) &&
      !(d->ti[i + 1].lex & (AN_LX_STATE | AN_LX_BARE)) && (shape(d, i + 1) & AN_SHAPE_UPPER_INITIAL) &&
      d->ti[i + 1].span < 0)
    return 0;
  /* "Chipmaker X said": an organization noun opening the sentence */
  return lower_has_tok(d, i) || (d->ti[i].lex & (AN_LX_SPEECH | AN_LX_ADJ | AN_LX_ORGNOUN));
}

static int span_at(const doc *d, size_t i);
static int span_type_at(const doc *d, size_t i);

/* Is token j a plural's bare apostrophe inside a name ("Workers' Union"):
 * a capitalized word before it that ends in "s", one after it? */
static int plural_poss_inside(const doc *d, size_t j) {
  if (j == 0 || j + 1 >= d->ntok || !(d->ti[j].tf & TF_POSS)) return 0;
  const char *f = tfold(d, j - 1);
  size_t n = strlen(f);
  /* "Workers' Union"; "Fishermen's Association", "People's Party": a plural
   * not made with -s takes "'s" */
  int plural = (d->ti[j].tf & TF_EMPTY) ? n > 1 && f[n - 1] == 's'
                                        : (n > 3 && strcmp(f + n - 3, "men") == 0) || strcmp(f, "people") == 0 ||
                                              strcmp(f, "children") == 0;
  return plural && same_sent(d, j - 1, j + 1) && (shape(d, j + 1) & AN_SHAPE_UPPER_INITIAL) &&
         d->ti[j + 1].span < 0 && name_like(d, j + 1) && !run_stopper(d, j + 1);
}

/* Has the run [i, j) an organization head that is no state noun
 * ("Authority", "Court"; not "Government", "Embassy")? */
static int connected_head(const doc *d, size_t i, size_t j) {
  for (size_t q = i; q < j; q++)
    if ((d->ti[q].lex & AN_LX_ORGHEAD) && !(d->ti[q].lex & AN_LX_STATE)) return 1;
  return 0;
}

/* A live gazetteer span of a country's name or seat (no demonym, no state
 * noun taken in) starting at token k: its end, and *value = 1 + the
 * country's entry; else 0. */
static size_t country_span_end(const doc *d, size_t k, size_t end, uint32_t *value) {
  int si = span_at(d, k);
  if (si < 0) return 0;
  const span *o = &d->sp[si];
  if (o->dead || o->type != SP_GAZ || o->first != k || o->first + o->count > end) return 0;
  const an_gz_entry *e = an_gazetteer_entry(d->gaz, AN_GZ_ENTRY(o->value));
  if (e->kind != AN_KIND_COUNTRY || (o->value & AN_GZ_HOW_MASK) == AN_MENTION_DEMONYM) return 0;
  /* (not a span that took a state noun in: "of Kenya's government") */
  for (uint32_t q = o->first; q < o->first + o->count; q++)
    if (is_poss(d, q) || (d->ti[q].lex & AN_LX_STATE)) return 0;
  *value = 1 + AN_GZ_ENTRY(o->value);
  return o->first + o->count;
}

static an_status find_runs(doc *d) {
  for (size_t s = 0; s < d->nsent; s++) {
    if (d->sent[s].flags & AN_SENT_CREDIT) continue;
    size_t end = sent_end(d, (uint32_t)s);
    if (end > d->ntok) end = d->ntok;
    for (size_t i = d->sent[s].tok_first; i < end;) {
      if (d->ti[i].span >= 0 || !name_like(d, i) || run_stopper(d, i) ||
          (is_particle_tok(d, i) && !(shape(d, i) & AN_SHAPE_HYPHENATED)) ||
          (!d->ti[i].headline && common_initial(d, i)) ||
          (shape(d, i) & AN_SHAPE_ALL_UPPER && (d->ti[i].lex & (AN_LX_TITLE | AN_LX_HONORIFIC)))) {
        i++;
        continue;
      }
      size_t j = i + 1, nconn = 0;
      uint32_t country = 0; /* 1 + the entry of a country the name ends in */
      for (;;) {
        if (j < end && d->ti[j].span < 0 && name_like(d, j) && !run_stopper(d, j)) {
          j++;
          continue;
        }
        /* "the Nordic Dockworkers' Union": a plural possessive inside a name */
        if (j + 1 < end && plural_poss_inside(d, j)) {
          j += 2;
          continue;
        }
        /* lower-case particle inside a name: "Osama bin Laden", "Ursula von der Leyen" */
        size_t k = j;
        while (k < end && d->ti[k].span < 0 && is_particle_tok(d, k) && !name_like(d, k) && k - j < 3) k++;
        if (k > j && k < end && d->ti[k].span < 0 && name_like(d, k) && !run_stopper(d, k)) {
          j = k + 1;
          continue;
        }
        /* "Ministry of Foreign Affairs": a connector after an organization head;
         * "Association of Machinists and Aerospace Workers": "and" inside one;
         * "Court of Arbitration for Sport": a second one after the head's
         * complement */
        if (j + 1 < end && (tis(d, j, "of") || tis(d, j, "for")) && d->ti[j + 1].span < 0 && name_like(d, j + 1) &&
            !run_stopper(d, j + 1) &&
            ((d->ti[j - 1].lex & AN_LX_ORGHEAD) || (nconn == 1 && connected_head(d, i, j)))) {
          j += 2;
          nconn++;
          continue;
        }
        /* "Court of Justice", "Ministry of Justice": a one-word title as the
         * head's complement, no name after it (its title span dies) */
        if (j + 1 < end && tis(d, j, "of") && (d->ti[j - 1].lex & AN_LX_ORGHEAD) && span_type_at(d, j + 1) == SP_TITLE &&
            d->sp[d->ti[j + 1].span].count == 1 && (shape(d, j + 1) & AN_SHAPE_UPPER_INITIAL) &&
            !(j + 2 < end && name_like(d, j + 2))) {
          d->sp[d->ti[j + 1].span].dead = 1;
          d->ti[j + 1].span = -1;
          j += 2;
          nconn++;
          continue;
        }
        /* "Central Bank of Nigeria", "Competition Authority of Kenya": an
         * organization head (no state noun: "Government of Kenya" is the
         * state), "of" and a country's name make one organization's name */
        if (j + 1 < end && tis(d, j, "of") && nconn < 2 && connected_head(d, i, j)) {
          uint32_t cv = 0;
          size_t ce = country_span_end(d, j + 1, end, &cv);
          if (ce) {
            d->sp[d->ti[j + 1].span].dead = 1;
            if (!country) country = cv;
            j = ce;
            nconn++;
            continue;
          }
        }
        if (j + 1 < end && (tis(d, j, "and") || tok_char(d, j, '&')) && d->ti[j + 1].span < 0 &&
            name_like(d, j + 1) && !run_stopper(d, j + 1)) {
          /* "Barker & Lowe", "Johnson & Johnson": an ampersand between
           * capitalized words joins a firm's name */
          if (tok_char(d, j, '&') && !(d->ti[j + 1].lex & AN_LX_ORGHEAD)) {
            j += 2;
            continue;
          }
          int org = 0, of = 0;
          for (size_t q = i; q < j; q++) {
            if (d->ti[q].lex & AN_LX_ORGHEAD) org = 1;
            if (tis(d, q, "of") || tis(d, q, "for")) of = 1;
          }
          /* (not "the Ministry of Defence and Karl Olsen": a given name) */
          if (org && of && !(d->ti[j + 1].lex & (AN_LX_GIVEN_M | AN_LX_GIVEN_F))) {
            j += 2;
            continue;
          }
          /* "the Nordic Offshore and Shipbuilding Association": after "the",
           * "and" before the organization head a few words on */
          if (!org && !of && i > 0 && same_sent(d, i - 1, i) && tis(d, i - 1, "the") &&
              !(d->ti[i].lex & (AN_LX_GIVEN_M | AN_LX_GIVEN_F)) && !(d->ti[j + 1].lex & (AN_LX_GIVEN_M | AN_LX_GIVEN_F))) {
            int head = 0;
            for (size_t q = j + 1; q < end && q < j + 4 && d->ti[q].span < 0 && name_like(d, q) && !run_stopper(d, q); q++)
              if ((d->ti[q].lex & AN_LX_ORGHEAD) && !(d->ti[q].lex & AN_LX_STATE)) head = 1;
            if (head) {
              j += 2;
              continue;
            }
          }
        }
        break;
      }
      an_status st = push_span(d, (uint32_t)i, (uint32_t)(j - i), SP_NAME, country);
      if (st != AN_OK) return st;
      for (size_t k = i; k < j; k++) d->ti[k].span = (int32_t)(d->nsp - 1);
      i = j;
    }
  }
  return AN_OK;
}

/* ---- cues ---- */

static unsigned cues_of(const doc *d, const span *s);
static int span_at(const doc *d, size_t i);
static const an_title *title_of(const doc *d, const span *T);
static int appos_title_after(const doc *d, size_t i, int *who);
enum { CUE_PERSON_STRONG = 1, CUE_PERSON = 2, CUE_ORG = 4, CUE_PLACE = 8 };

/* "Israel Katz, the foreign minister": a one-word country or organization
 * name right before a name with a person cue is the person's first name. */
static void merge_name_prefixes(doc *d) {
  for (size_t si = 0; si < d->nsp; si++) {
    span *r = &d->sp[si];
    if (r->dead || r->type != SP_NAME || r->count > 2 || r->first == 0 || d->ti[r->first].headline) continue;
    int gi = span_at(d, r->first - 1);
    if (gi < 0 || d->sp[gi].dead || d->sp[gi].type != SP_GAZ || d->sp[gi].count != 1) continue;
    span *g = &d->sp[gi];
    if ((g->value & AN_GZ_HOW_MASK) != AN_MENTION_NAME) continue;
    if (an_gazetteer_entry(d->gaz, AN_GZ_ENTRY(g->value))->kind == AN_KIND_PERSON) continue;
    if (!same_sent(d, g->first, r->first)) continue;
    /* only a cue after the name counts: one before may be the gazetteer word's */
    size_t b = r->first + r->count;
    int who = 0;
    if (b >= d->ntok || !same_sent(d, r->first, b)) continue;
    if (!(appos_title_after(d, b, &who) >= 0 || who || (d->ti[b].lex & AN_LX_SPEECH))) continue;
    if (cues_of(d, r) & CUE_ORG) continue;
    if (g->first > 0 && same_sent(d, g->first - 1, g->first) && name_like(d, g->first - 1)) continue;
    g->dead = 1;
    r->first = g->first;
    r->count++;
    d->ti[r->first].span = (int32_t)si;
  }
}

static int span_at(const doc *d, size_t i) { return i < d->ntok ? d->ti[i].span : -1; }

static int span_type_at(const doc *d, size_t i) {
  int s = span_at(d, i);
  return s >= 0 && !d->sp[s].dead ? d->sp[s].type : 0;
}


/* Is there a role title in the apposition after token i (", a senior adviser
 * to", ", the leader of", ", who")? Returns the title span or -1; *who set
 * when the apposition is a relative "who". */
static int appos_title_after(const doc *d, size_t i, int *who) {
  *who = 0;
  /* ", the leader of", "[the party's deputy general secretary]", "(a senior aide)" */
  if (!(is_comma(d, i) || tok_char(d, i, '[') || tok_char(d, i, '(')) || !same_sent(d, i, i + 1)) return -1;
  size_t j = i + 1;
  if (tis(d, j, "who")) {
    *who = 1;
    return -1;
  }
  /* only determiners, adjectives and possessor/modifier names may come
   * before the title: ", a senior adviser", ", Turkey's foreign minister" */
  for (size_t n = 0; j < d->ntok && n < 6 && same_sent(d, i, j); n++) {
    int t = span_type_at(d, j);
    if (t == SP_TITLE) {
      /* ", Islamic Jihad Secretary General Ziad": a new titled name, not an apposition */
      size_t e = d->sp[span_at(d, j)].first + d->sp[span_at(d, j)].count;
      while (e < d->ntok && span_type_at(d, e) == SP_HONOR) e = d->sp[span_at(d, e)].first + d->sp[span_at(d, e)].count;
      if (e < d->ntok && same_sent(d, i, e) && name_like(d, e) && !run_stopper(d, e)) return -1;
      return span_at(d, j);
    }
    if (is_poss(d, j)) {
      j++;
      continue;
    }
    /* "the Pakistan Muslim League (PML) supremo": an acronym in brackets */
    if ((tok_char(d, j, '(') || tok_char(d, j, '[')) && j + 2 < d->ntok && !is_punct(d, j + 1) &&
        (tok_char(d, j + 2, ')') || tok_char(d, j + 2, ']'))) {
      j += 3;
      continue;
    }
    if (is_punct(d, j)) return -1;
    /* "the party's": a lower-case organization word before a possessive */
    if ((d->ti[j].lex & AN_LX_ORGHEAD) && (shape(d, j) & AN_SHAPE_ALL_LOWER) && is_poss(d, j + 1)) {
      j++;
      continue;
    }
    if (t == SP_GAZ || t == SP_NAME) {
      j = d->sp[span_at(d, j)].first + d->sp[span_at(d, j)].count;
      continue;
    }
    if (tis(d, j, "a") || tis(d, j, "an") || tis(d, j, "the") || (d->ti[j].lex & (AN_LX_ADJ | AN_LX_PREFIX))) {
      j++;
      continue;
    }
    return -1;
  }
  return -1;
}

/* Title or honorific immediately before token i (over honorifics). */
static int title_before(const doc *d, size_t i) {
  if (i == 0) return -1;
  size_t j = i - 1;
  for (;;) {
    int t = span_type_at(d, j);
    if (t == SP_HONOR) {
      int s = span_at(d, j);
      if (d->sp[s].first == 0) return s;
      size_t p = d->sp[s].first - 1;
      if (span_type_at(d, p) == SP_TITLE || span_type_at(d, p) == SP_HONOR) {
        j = p;
        continue;
      }
      return s;
    }
    if (t == SP_TITLE) return span_at(d, j);
    return -1;
  }
}

static unsigned cues_of(const doc *d, const span *s) {
  unsigned c = 0;
  size_t a = s->first, b = s->first + s->count; /* [a, b) */
  for (size_t k = a; k < b; k++) {
    if (d->ti[k].lex & AN_LX_ORGHEAD) c |= CUE_ORG;
    /* "Barker & Lowe": a firm */
    if (k > a && s->count >= 3 && tok_char(d, k, '&')) c |= CUE_ORG;
  }
  /* "Novacor, a drugmaker based in X,", "Vento, the country's largest
   * airline,": an apposition whose head is an organization noun */
  /* (the noun ends the phrase: not "a union leader", "a party member";
   * no given name: "Anna Berg, a party activist") */
  if (b + 2 < d->ntok && is_comma(d, b) && same_sent(d, a, b + 2) &&
      (tis(d, b + 1, "the") || tis(d, b + 1, "a") || tis(d, b + 1, "an")) &&
      !(d->ti[a].lex & (AN_LX_GIVEN_M | AN_LX_GIVEN_F))) {
    for (size_t k = b + 2; k < b + 8 && k + 1 < d->ntok && same_sent(d, a, k + 1); k++) {
      if (is_comma(d, k) || (d->ti[k].lex & (AN_LX_PREP | AN_LX_SPEECH | AN_LX_TITLE))) break;
      if ((shape(d, k) & AN_SHAPE_ALL_LOWER) && (d->ti[k].lex & (AN_LX_ORGNOUN | AN_LX_DESCNOUN)) &&
          !(d->ti[k].lex & AN_LX_GENERIC)) {
        const char *nf = tfold(d, k + 1);
        size_t nn = strlen(nf);
        if (is_punct(d, k + 1) || (d->ti[k + 1].lex & AN_LX_PREP) ||
            ((shape(d, k + 1) & AN_SHAPE_ALL_LOWER) && nn > 3 && strcmp(nf + nn - 2, "ed") == 0))
          c |= CUE_ORG;
        break;
      }
    }
  }
  /* "Air Nordland" (find_spans) */
  if (s->count > 1 && (d->ti[a].lex & AN_LX_ORGPREFIX) && (shape(d, a) & AN_SHAPE_UPPER_INITIAL)) c |= CUE_ORG;
  if (d->ti[b - 1].lex & AN_LX_PLACEHEAD) c |= CUE_PLACE;
  /* "the Nordish Dawn party", "the Dawn movement": a lower-case
   * organization head after the name */
  /* (not "an AI company": a lone abbreviation tells the kind of company) */
  if (b < d->ntok && same_sent(d, a, b) && (shape(d, b) & AN_SHAPE_ALL_LOWER) &&
      (d->ti[b].lex & AN_LX_ORGNOUN) && (d->ti[b].lex & AN_LX_ORGHEAD) && !is_poss(d, b + 1) &&
      !(s->count == 1 && (shape(d, a) & AN_SHAPE_ALL_UPPER)))
    c |= CUE_ORG;
  /* "Hurricane Milton", "Operation Iron Gate": a thing or an event */
  if ((d->ti[a].lex & AN_LX_THINGPRE) && s->count > 1) c |= CUE_PLACE;
  /* "the rights group Blue Horizon", "the carmaker Volta": an organization
   * noun before a name that does not open with a given name */
  if (a >= 1 && same_sent(d, a - 1, a) &&
      ((shape(d, a - 1) & AN_SHAPE_ALL_LOWER) || (shape(d, a - 1) & AN_SHAPE_SENT_INITIAL)) &&
      (d->ti[a - 1].lex & AN_LX_ORGNOUN) && !(d->ti[a].lex & (AN_LX_GIVEN_M | AN_LX_GIVEN_F)))
    c |= CUE_ORG;
  /* "his party, the SPLM-IO,", "the teachers' union, ABCU,": a name in
   * apposition to an organization noun */
  if (a >= 2 && (is_comma(d, a - 1) || (a >= 3 && is_comma(d, a - 2) && tis(d, a - 1, "the"))) && same_sent(d, a - 2, a)) {
    size_t q = is_comma(d, a - 1) ? a - 1 : a - 2;
    if (q >= 1 && (shape(d, q - 1) & AN_SHAPE_ALL_LOWER) && (d->ti[q - 1].lex & AN_LX_ORGNOUN) &&
        same_sent(d, q - 1, a) && !(d->ti[a].lex & (AN_LX_GIVEN_M | AN_LX_GIVEN_F)))
      c |= CUE_ORG;
  }
  /* a defined acronym's long form of three words or more names a body
   * (unless it opens with a given name: "Grace Wanjiru Njeri (GWN)") */
  if (s->acr && s->count >= 3 && !(d->ti[a].lex & (AN_LX_GIVEN_M | AN_LX_GIVEN_F))) c |= CUE_ORG;
  int tb = title_before(d, a);
  if (tb >= 0 && same_sent(d, a - 1, a)) {
    /* "the country's Official Secrecy Act": a capitalized generic word after
     * a determiner is part of a name, not a title */
    const span *T = &d->sp[tb];
    size_t f = T->first;
    int generic = T->count == 1 && (d->ti[f].lex & AN_LX_GENERIC) && (shape(d, f) & AN_SHAPE_UPPER_INITIAL) &&
                  f > 0 && (is_poss(d, f - 1) || tis(d, f - 1, "the") || tis(d, f - 1, "a"));
    if (!generic) c |= CUE_PERSON_STRONG;
  }
  if (a >= 2 && (tis(d, a - 1, "of") || tis(d, a - 1, "to")) && span_type_at(d, a - 2) == SP_TITLE)
    c |= CUE_ORG;
  /* "representative in Iran Khaled al-Qaddumi" */
  if (a >= 1 && span_type_at(d, a - 1) == SP_GAZ) {
    size_t q = d->sp[span_at(d, a - 1)].first;
    if (q >= 2 && tis(d, q - 1, "in") && span_type_at(d, q - 2) == SP_TITLE) c |= CUE_PERSON_STRONG;
  }
  if (a >= 3 && tis(d, a - 1, "the") && (tis(d, a - 2, "of")) && span_type_at(d, a - 3) == SP_TITLE)
    c |= CUE_ORG;
  /* "the Chelsea manager", "Azimio leader Raila": a name modifying a title
   * (a lone word before "Minister" or "Secretary" is a portfolio: "Tourism
   * Minister X") */
  const an_title *tb_after = b < d->ntok && span_type_at(d, b) == SP_TITLE ? title_of(d, &d->sp[span_at(d, b)]) : NULL;
  int portfolio = s->count == 1 && tb_after && (strcmp(tb_after->role, "minister") == 0 ||
                                                 strcmp(tb_after->role, "secretary") == 0);
  if (b < d->ntok && span_type_at(d, b) == SP_TITLE && !(c & CUE_PERSON_STRONG) && !portfolio) {
    /* at a sentence start ("Nordic envoy talks") only when a name follows
     * the title: "Azimio leader Raila Odinga said" */
    size_t e = d->sp[span_at(d, b)].first + d->sp[span_at(d, b)].count;
    if (!(shape(d, a) & AN_SHAPE_SENT_INITIAL) || (e < d->ntok && same_sent(d, a, e) && name_like(d, e)))
      c |= CUE_ORG;
  }
  int who = 0;
  if (b < d->ntok && appos_title_after(d, b, &who) >= 0) c |= CUE_PERSON_STRONG;
  if (who) c |= CUE_PERSON_STRONG;
  if (b < d->ntok && (d->ti[b].lex & AN_LX_SPEECH) && same_sent(d, a, b)) c |= CUE_PERSON;
  /* "Omar Salem and his counterpart": a name "and his/her" follows */
  if (b + 1 < d->ntok && (d->ti[b + 1].lex & AN_LX_PRONOUN) && tis(d, b, "and") && same_sent(d, a, b + 1) &&
      (tis(d, b + 1, "his") || tis(d, b + 1, "her")))
    c |= CUE_PERSON;
  /* "Putin had said", "Putin also told" */
  for (size_t k = b; k < b + 2 && k + 1 < d->ntok && same_sent(d, a, k + 1); k++) {
    if (!(shape(d, k) & AN_SHAPE_ALL_LOWER) || (d->ti[k].lex & (AN_LX_SPEECH | AN_LX_TITLE | AN_LX_PREP | AN_LX_STOP)))
      break;
    if (d->ti[k + 1].lex & AN_LX_SPEECH) {
      c |= CUE_PERSON;
      break;
    }
  }
  if (b + 1 < d->ntok && is_comma(d, b) && (d->ti[b + 1].lex & AN_LX_SPEECH) && d->ti[b].quote)
    c |= CUE_PERSON;
  if (a >= 1 && (d->ti[a - 1].lex & AN_LX_SPEECH) && same_sent(d, a - 1, a)) c |= CUE_PERSON;
  /* apposition before: "the referee, Mark Clattenburg" */
  if (a >= 2 && is_comma(d, a - 1) && span_type_at(d, a - 2) == SP_TITLE) c |= CUE_PERSON_STRONG;
  if (d->ti[a].lex & (AN_LX_GIVEN_M | AN_LX_GIVEN_F)) c |= CUE_PERSON;
  return c;
}

/* ---- pass 3: actors ---- */

static an_status sort_spans(doc *d);

static void name_words(const doc *d, const span *s, char *out, size_t cap) {
  /* folded words of the span without particles */
  size_t o = 0;
  out[0] = '\0';
  for (size_t k = s->first; k < s->first + s->count; k++) {
    const char *f = tfold(d, k);
    if (d->ti[k].oneword) { /* (nearly every token: its fold whole, no particle to drop) */
      size_t n = fold_len(d, k);
      if (n < 64) {
        if (o && o + 1 < cap) out[o++] = ' ';
        if (o + n < cap) {
          memcpy(out + o, f, n);
          o += n;
        }
      }
      continue;
    }
    while (*f) {
      const char *e = strchr(f, ' ');
      size_t n = e ? (size_t)(e - f) : strlen(f);
      char w[64];
      if (n < sizeof w) {
        memcpy(w, f, n);
        w[n] = '\0';
        long t, p;
        /* a one-word token's classes are its lex (prepare looked it up) */
        uint32_t cls = d->ti[k].oneword ? d->ti[k].lex : an_gazetteer_word(d->gaz, w, &t, &p);
        int part = (cls & (AN_LX_PARTICLE | AN_LX_HPARTICLE)) != 0;
        /* a particle is dropped only before another word: "al-Nakhala" -> nakhala */
        if (!(part && f[n])) {
          if (o && o + 1 < cap) out[o++] = ' ';
          if (o + n < cap) {
            memcpy(out + o, w, n);
            o += n;
          }
        }
      }
      f += n;
      while (*f == ' ') f++;
    }
  }
  out[o < cap ? o : cap - 1] = '\0';
}

/* Removes particle words that precede another word, in place. */
static void drop_particles(const doc *d, char *name) {
  char out[512];
  size_t o = 0;
  const char *p = name;
  while (*p) {
    const char *e = strchr(p, ' ');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    char w[64];
    int part = 0;
    if (n < sizeof w && e) {
      memcpy(w, p, n);
      w[n] = '\0';
      part = (an_gazetteer_word(d->gaz, w, NULL, NULL) & (AN_LX_PARTICLE | AN_LX_HPARTICLE)) != 0;
    }
    if (!part && o + n + 1 < sizeof out) {
      if (o) out[o++] = ' ';
      memcpy(out + o, p, n);
      o += n;
    }
    p += n;
    while (*p == ' ') p++;
  }
  out[o] = '\0';
  if (o) memcpy(name, out, o + 1);
}

static size_t count_words(const char *s) {
  size_t n = 0;
  for (const char *p = s; *p;) {
    while (*p == ' ') p++;
    if (!*p) break;
    n++;
    while (*p && *p != ' ') p++;
  }
  return n;
}

/* Is a (words) a contiguous subsequence of b? */
static int words_within(const char *a, const char *b) {
  size_t la = strlen(a);
  for (const char *p = b; *p;) {
    if (strncmp(p, a, la) == 0 && (p[la] == ' ' || !p[la])) return 1;
    p = strchr(p, ' ');
    if (!p) break;
    p++;
  }
  return 0;
}

static const char *last_word(const char *s) {
  const char *p = strrchr(s, ' ');
  return p ? p + 1 : s;
}

static int first_word_is(const char *s, const char *w) {
  size_t n = strlen(w);
  return strncmp(s, w, n) == 0 && (s[n] == ' ' || !s[n]);
}

#define GZ_KEY(gz) (0x8000000000000000ULL | (uint64_t)(gz))

static an_status index_key(doc *d, uint64_t h, int32_t actor) {
  /* the buckets grow with the keys (most documents index a few dozen);
   * rebuilt in index order, each chain keeps the nodes of one key newest
   * first, as they were */
  if (d->nwn + 1 > d->wbcap && d->wbcap < (1u << 20)) {
    size_t ncap = d->wbcap ? d->wbcap * 2 : 64;
    int32_t *nb = an_malloc(ncap * sizeof *nb);
    if (!nb) return AN_ENOMEM;
    memset(nb, 0xff, ncap * sizeof *nb); /* -1: empty */
    for (size_t k = 0; k < d->nwn; k++) {
      size_t b = (size_t)(d->wn[k].h ^ (d->wn[k].h >> 29)) & (ncap - 1);
      d->wn[k].next = nb[b];
      nb[b] = (int32_t)k;
    }
    an_free(d->wbucket);
    d->wbucket = nb;
    d->wbcap = ncap;
  }
  an_status st = ROOM(d->wn, d->capwn, d->nwn + 1);
  if (st != AN_OK) return st;
  size_t b = (size_t)(h ^ (h >> 29)) & (d->wbcap - 1);
  d->wn[d->nwn] = (wnode){h, actor, d->wbucket[b]};
  d->wbucket[b] = (int32_t)d->nwn++;
  return AN_OK;
}

/* First index node for key h (follow .next, check .h). -1 if none. */
static int32_t index_first(const doc *d, uint64_t h) {
  if (!d->wbucket) return -1;
  return d->wbucket[(size_t)(h ^ (h >> 29)) & (d->wbcap - 1)];
}

/* Index keys: name words have the two top bits clear; bit 63 marks a
 * gazetteer entry (GZ_KEY), bit 62 a defined acronym (ACR_KEY). */
static uint64_t word_key(const char *w, size_t n) { return an_word_hash(w, n) & ~0xC000000000000000ULL; }

/* The key of the first word of a folded name. */
static uint64_t first_word_key(const char *name) {
  const char *e = strchr(name, ' ');
  return word_key(name, e ? (size_t)(e - name) : strlen(name));
}

/* Index keys of a whole folded name (both top bits), so that lookups by
 * exact name do not walk every actor sharing a word with it: every actor is
 * indexed under each name it takes (NAME_KEY, for nonperson_with_name), and
 * persons outside the gazetteer under PNAME_KEY too (person_within). The
 * lookups test kind and name when they look, so a kind that changes later
 * is seen. */
#define NAME_KEY_OF(k) (((k) ^ 0x6A09E667F3BCC909ULL) | 0xC000000000000000ULL)
#define PNAME_KEY_OF(k) (((k) ^ 0x2545F4914F6CDD1DULL) | 0xC000000000000000ULL)
#define NAME_KEY_N(s, n) NAME_KEY_OF(word_key((s), (n)))
#define PNAME_KEY_N(s, n) PNAME_KEY_OF(word_key((s), (n)))

static an_status index_name(doc *d, int32_t actor);
static int nonperson_named(const doc *d, int32_t a, const char *w);

/* Indexes actor a under its current name. */
static an_status index_actor_name(doc *d, int32_t a) {
  const wactor *x = &d->act[a];
  uint64_t k = word_key(x->name, strlen(x->name)); /* (once for both keys) */
  an_status st = index_name(d, a);
  if (st == AN_OK) st = index_key(d, NAME_KEY_OF(k), a);
  if (st == AN_OK && x->kind == AN_KIND_PERSON && x->gz < 0) st = index_key(d, PNAME_KEY_OF(k), a);
  return st;
}

static an_status index_name(doc *d, int32_t actor) {
  const char *p = d->act[actor].name;
  while (*p) {
    const char *e = strchr(p, ' ');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    an_status st = index_key(d, word_key(p, n), actor);
    if (st != AN_OK) return st;
    p += n;
    while (*p == ' ') p++;
  }
  return AN_OK;
}

#define FOR_ACTORS_WITH(d, key, var)                                                     \
  for (int32_t n_##var = index_first(d, key), var = -1; n_##var >= 0; n_##var = (d)->wn[n_##var].next) \
    if ((d)->wn[n_##var].h == (key) && ((var = (d)->wn[n_##var].actor), 1))

static an_status new_actor(doc *d, long gz, an_actor_kind kind, const char *label, const char *name,
                           uint32_t tok, int32_t *out) {
  an_status st = ROOM(d->act, d->capact, d->nact + 1);
  if (st != AN_OK) return st;
  wactor *a = &d->act[d->nact];
  memset(a, 0, sizeof *a);
  a->gz = gz;
  a->kind = kind;
  a->first_tok = tok;
  if (!(a->label = an_arena_strdup(&d->strs, label)) || !(a->name = an_arena_strdup(&d->strs, name)))
    return AN_ENOMEM;
  if (gz >= 0) {
    const an_gz_entry *e = an_gazetteer_entry(d->gaz, (size_t)gz);
    memcpy(a->country, e->country, sizeof a->country);
    a->gender = e->gender;
  }
  if (!a->gender && kind == AN_KIND_PERSON && strchr(name, ' ')) {
    char first[64];
    size_t n = (size_t)(strchr(name, ' ') - name);
    if (n < sizeof first) {
      memcpy(first, name, n);
      first[n] = '\0';
      uint32_t c = an_gazetteer_word(d->gaz, first, NULL, NULL);
      if ((c & AN_LX_GIVEN_M) && !(c & AN_LX_GIVEN_F)) a->gender = 'm';
      if ((c & AN_LX_GIVEN_F) && !(c & AN_LX_GIVEN_M)) a->gender = 'f';
    }
  }
  *out = (int32_t)d->nact++;
  st = index_actor_name(d, *out);
  if (st == AN_OK && gz >= 0) st = index_key(d, GZ_KEY(gz), *out);
  return st;
}

static int32_t actor_of_gz(const doc *d, long gz) {
  FOR_ACTORS_WITH(d, GZ_KEY(gz), a) if (d->act[a].gz == gz) return a;
  return -1;
}

/* The smallest actor index that has word w (first word of w) in its name
 * and satisfies ok(). -1 if none. */
typedef int (*actor_pred)(const doc *d, int32_t a, const char *w);
static int32_t min_actor_with(const doc *d, uint64_t key, const char *w, actor_pred ok) {
  int32_t best = -1;
  FOR_ACTORS_WITH(d, key, a) if ((best < 0 || a < best) && ok(d, a, w)) best = a;
  return best;
}

static int person_containing(const doc *d, int32_t a, const char *w) {
  return d->act[a].kind == AN_KIND_PERSON && words_within(w, d->act[a].name);
}

static int nonperson_named(const doc *d, int32_t a, const char *w) {
  return d->act[a].kind != AN_KIND_PERSON && strcmp(d->act[a].name, w) == 0;
}

/* an organization named w and organization heads after it ("norvale
 * petroleum", "kestrel logistics group") */
static int org_short_named(const doc *d, int32_t a, const char *w) {
  if (d->act[a].kind != AN_KIND_ORGANIZATION) return 0;
  const char *n = d->act[a].name;
  size_t lw = strlen(w);
  if (strncmp(n, w, lw) != 0 || n[lw] != ' ') return 0;
  /* "Barker" after "Barker & Lowe": a firm's first name */
  if (strstr(d->act[a].label, " & ")) return 1;
  for (const char *p = n + lw + 1; *p;) {
    const char *e = strchr(p, ' ');
    size_t k = e ? (size_t)(e - p) : strlen(p);
    char word[64];
    if (k >= sizeof word) return 0;
    memcpy(word, p, k);
    word[k] = '\0';
    if (!(an_gazetteer_word(d->gaz, word, NULL, NULL) & AN_LX_ORGHEAD)) return 0;
    p += k;
    while (*p == ' ') p++;
  }
  return 1;
}

/* an organization found in the text named by a demonym and w ("nordish dawn") */
static int org_demonym_named(const doc *d, int32_t a, const char *w) {
  const wactor *x = &d->act[a];
  if (x->kind != AN_KIND_ORGANIZATION || x->gz >= 0 || !x->country[0]) return 0;
  const char *sp = strchr(x->name, ' ');
  if (!sp || strcmp(sp + 1, w) != 0) return 0;
  char first[64];
  size_t n = (size_t)(sp - x->name);
  if (n >= sizeof first) return 0;
  memcpy(first, x->name, n);
  first[n] = '\0';
  uint32_t node = an_trie_find(an_gazetteer_aliases(d->gaz), first);
  if (node == AN_TRIE_NONE) return 0;
  size_t nv;
  const uint32_t *v = an_trie_values(an_gazetteer_aliases(d->gaz), node, &nv);
  for (size_t k = 0; k < nv; k++)
    if ((v[k] & AN_GZ_HOW_MASK) == AN_MENTION_DEMONYM) return 1;
  return 0;
}

/* a person found in the text (not the gazetteer) with exactly these name
 * words and no role yet */
static int person_named_uncued(const doc *d, int32_t a, const char *w) {
  return d->act[a].kind == AN_KIND_PERSON && d->act[a].gz < 0 && d->act[a].n_roles == 0 &&
         strcmp(d->act[a].name, w) == 0;
}

/* a longer name that contains a known (non-gazetteer) person's name,
 * ending with the same word */
static int person_within(const doc *d, int32_t a, const char *w) {
  return d->act[a].kind == AN_KIND_PERSON && d->act[a].gz < 0 && words_within(d->act[a].name, w) &&
         strcmp(last_word(d->act[a].name), last_word(w)) == 0;
}

/* The smallest non-person actor named exactly w, or -1: the actors indexed
 * under that name (every actor named w is). */
static int32_t nonperson_with_name(const doc *d, const char *w) {
  return min_actor_with(d, NAME_KEY_N(w, strlen(w)), w, nonperson_named);
}

/* min_actor_with(person_within) over the names that can qualify: a person
 * within words ending with words' last word has for name a run of words'
 * words ending with a word equal to that last word, so only those runs are
 * looked up by name (not every actor sharing the surname). Long names (more
 * than 16 words) take the walk over the surname's actors. */
static int32_t min_person_within(const doc *d, const char *words) {
  const char *lw = last_word(words);
  size_t lwn = strlen(lw);
  const char *st[17];
  size_t k = 0;
  for (const char *p = words; *p;) {
    if (k == 16) return min_actor_with(d, first_word_key(lw), words, person_within);
    st[k++] = p;
    p = strchr(p, ' ');
    if (!p) break;
    p++;
  }
  int32_t best = -1;
  for (size_t j = 0; j < k; j++) {
    const char *e = strchr(st[j], ' ');
    size_t n = e ? (size_t)(e - st[j]) : strlen(st[j]);
    if (n != lwn || memcmp(st[j], lw, n) != 0) continue;
    for (size_t i = 0; i <= j; i++) {
      uint64_t key = PNAME_KEY_N(st[i], (size_t)(st[j] + n - st[i]));
      FOR_ACTORS_WITH(d, key, a) if ((best < 0 || a < best) && person_within(d, a, words)) best = a;
    }
  }
  return best;
}

static void span_text(const doc *d, const span *s, char *out, size_t cap) {
  size_t a = d->tok[s->first].start;
  size_t b = d->tok[s->first + s->count - 1].start + d->tok[s->first + s->count - 1].len;
  size_t n = b - a < cap - 1 ? b - a : cap - 1;
  memcpy(out, d->str + a, n);
  out[n] = '\0';
}

/* A person actor whose name contains the words w (contiguous), nearest
 * before token `at` (else nearest after). Surname matches (w ends the name)
 * beat given-name matches. */
/* How person name `name` (not equal to w, containing it) takes the words w:
 * 4 when they end the name, 2 when they start it, else 1. */
static int name_score(const char *name, const char *w) {
  const char *lw = last_word(name);
  size_t lwl = strlen(w), nl = strlen(name);
  if (nl >= lwl && strcmp(name + nl - lwl, w) == 0 && (lw - name) <= (long)(nl - lwl)) return 4; /* ends the name */
  if (first_word_is(name, w)) return 2;
  return 1;
}

static int32_t person_with_words(const doc *d, const char *w, uint32_t at, const int64_t *last) {
  int32_t best = -1;
  int best_score = -1;
  int32_t exact = -1;
  uint64_t key = first_word_key(w);
  FOR_ACTORS_WITH(d, key, i) {
    const wactor *a = &d->act[i];
    if (a->kind != AN_KIND_PERSON || !words_within(w, a->name)) continue;
    if (strcmp(a->name, w) == 0) {
      if (exact < 0 || i < exact) exact = i;
      continue;
    }
    int score = name_score(a->name, w);
    /* "Sharif said" between Nawaz and Shehbaz Sharif: the one named last
     * before (when known), else the one introduced last before */
    int64_t seen = last ? last[i] : (int64_t)a->first_tok;
    int64_t best_seen = best < 0 ? -1 : last ? last[best] : (int64_t)d->act[best].first_tok;
    score = score * 2 + (seen >= 0 && seen < (int64_t)at ? 1 : 0);
    /* ties: the nearest before `at`; then the smaller index (fixed order) */
    if (score > best_score ||
        (score == best_score && ((seen < (int64_t)at && seen > best_seen) || (seen == best_seen && i < best)))) {
      best = i;
      best_score = score;
    }
  }
  return exact >= 0 ? exact : best;
}

/* Has the run a word that can name something? Not if it is only heads,
 * state nouns and words the text also uses in lower case ("the Security
 * Cabinet", "Office", "Occupation Forces"). */
static int has_name_word(const doc *d, const span *s) {
  /* "World Fencing", "Global Logistics": common words that a company or
   * body head (not a bare one: "Security Council", "Foreign Ministry")
   * ends */
  uint32_t last = s->first + s->count - 1;
  if (s->count >= 2 && (d->ti[last].lex & AN_LX_ORGHEAD) &&
      !(d->ti[last].lex & (AN_LX_BARE | AN_LX_STATE | AN_LX_MEDIA)) && (shape(d, s->first) & AN_SHAPE_UPPER_INITIAL))
    return 1;
  /* "accused the Election Commission", "briefed by the Communications
   * Authority": after "the" in mid-sentence, capitalized words and a bare
   * head (no state noun: "the Foreign Ministry" is the state's) are a
   * body's name, though each word is common */
  if (s->count >= 2 && (d->ti[last].lex & AN_LX_BARE) && !(d->ti[last].lex & AN_LX_STATE) && s->first > 0 &&
      tis(d, s->first - 1, "the") && same_sent(d, s->first - 1, s->first) &&
      !(shape(d, s->first - 1) & AN_SHAPE_SENT_INITIAL) && !d->ti[s->first].headline) {
    int words = 1;
    for (uint32_t k = s->first; k < last && words; k++)
      words = (shape(d, k) & AN_SHAPE_UPPER_INITIAL) && !(d->ti[k].lex & (AN_LX_STATE | AN_LX_STOP | AN_LX_TITLE));
    if (words) return 1;
  }
  /* "the Department of Health", "Banco de la Nacion": a head that opens
   * names, then "of" or a particle and a capitalized complement, is a
   * body's proper name though its words are common ones */
  if (s->count >= 3 && (d->ti[s->first].lex & AN_LX_ORGHEAD) && (shape(d, s->first) & AN_SHAPE_UPPER_INITIAL) &&
      !(d->ti[s->first].lex & AN_LX_STATE) && (tis(d, s->first + 1, "of") || is_particle_tok(d, s->first + 1)) &&
      an_gazetteer_org_class(d->gaz, d->ti[s->first].lx1, 1))
    return 1;
  for (uint32_t k = s->first; k < s->first + s->count; k++) {
    uint32_t lx = d->ti[k].lex;
    /* "Department of State Services": a state noun after "of" in a longer name names it */
    if ((lx & AN_LX_STATE) && !(lx & (AN_LX_ORGHEAD | AN_LX_STOP)) && k > s->first &&
        k + 1 < s->first + s->count && tis(d, k - 1, "of") && (s->count >= 4 || !lower_has_tok(d, k)))
      return 1;
    if (lx & (AN_LX_ORGHEAD | AN_LX_BARE | AN_LX_STATE | AN_LX_PARTICLE | AN_LX_STOP)) continue;
    if (lower_has_tok(d, k)) continue;
    if (tis(d, k, "of") || tis(d, k, "for") || tis(d, k, "and") || tis(d, k, "the")) continue;
    return 1;
  }
  return 0;
}

static int span_has_lex(const doc *d, const span *s, uint32_t lx) {
  for (uint32_t k = s->first; k < s->first + s->count; k++)
    if (d->ti[k].lex & lx) return 1;
  return 0;
}

/* Does the word before token i introduce a place or a thing ("in", "at",
 * "the", "of", a possessive, an opening quote)? */
static int thing_context(const doc *d, size_t i) {
  if (i == 0 || !same_sent(d, i - 1, i)) return 0;
  size_t q = i - 1;
  static const char *const before[] = {"the", "in", "at", "near", "from", "into", "across", "of", "on",
                                       "a", "an", "via", "outside", "inside", "toward", "towards"};
  for (size_t k = 0; k < sizeof before / sizeof *before; k++)
    if (tis(d, q, before[k])) return 1;
  return is_poss(d, q) || (shape(d, q) & AN_SHAPE_QUOTE); /* "the “Al-Aqsa Flood” operation" */
}

/* A two- or three-word capitalized name with no cue, in running text, that
 * reads like a person's: no word an organization or place head, none the
 * text also writes in lower case, and not after a word that introduces a
 * place or thing ("in", "at", "the", "of"): "met Omar Salem on Monday". */
static int looks_like_person(const doc *d, const span *s) {
  if (s->count < 2 || s->count > 3 || d->ti[s->first].headline) return 0;
  /* "Nguyen Van Thanh", "Park Min-soo": an East Asian family name first,
   * then one or two capitalized given names (so also at a sentence start;
   * "Park" may be a place head elsewhere) */
  uint32_t k0 = s->first;
  if ((d->ti[k0].lex & AN_LX_SURNAME) && (shape(d, k0) & AN_SHAPE_UPPER_INITIAL) &&
      !(shape(d, k0) & AN_SHAPE_ALL_UPPER))
    k0++;
  /* at a sentence start only with a known given name first ("Taylor Reid and X signed"),
   * or inside a three-word name ("Abdirahman Mohamed Abdullahi was elected") */
  else if ((shape(d, s->first) & AN_SHAPE_SENT_INITIAL) && !(d->ti[s->first].lex & (AN_LX_GIVEN_M | AN_LX_GIVEN_F)) &&
           !(s->count == 3 && (d->ti[s->first + 1].lex & (AN_LX_GIVEN_M | AN_LX_GIVEN_F))))
    return 0;
  for (uint32_t k = k0; k < s->first + s->count; k++) {
    if (d->ti[k].lex & (AN_LX_ORGHEAD | AN_LX_BARE | AN_LX_STATE | AN_LX_TIME | AN_LX_STOP | AN_LX_GENERIC |
                        AN_LX_PLACEHEAD | AN_LX_ADJ | AN_LX_THINGPRE))
      return 0;
    if (lower_has_tok(d, k)) return 0;
    if ((shape(d, k) & AN_SHAPE_ALL_UPPER) || (shape(d, k) & AN_SHAPE_HAS_DIGIT)) return 0;
    const char *f = tfold(d, k);
    if (strlen(f) < 2) return 0;
  }
  /* ("Vietnam's Nguyen Van Thanh": a possessor before such a name is fine) */
  if (thing_context(d, s->first) && !(k0 != s->first && is_poss(d, s->first - 1))) return 0;
  /* "Nordland Street", "Moscow Mayor": a place or demonym nearby makes it a place */
  size_t b = s->first + s->count;
  if (b < d->ntok && same_sent(d, s->first, b) && (d->ti[b].lex & (AN_LX_ORGHEAD | AN_LX_PLACEHEAD))) return 0;
  return 1;
}

/* The cued set holds two kinds of keys: words with a person cue
 * (set_hash) and names with a news-medium cue (MEDIA_KEY). */
#define MEDIA_KEY(w) (set_hash(w) ^ 0x5bd1e9955bd1e995ULL)

static int cued_has_key(const doc *d, uint64_t h) {
  if (!d->cued || !h) return 0;
  size_t mask = d->cuedcap - 1;
  for (size_t j = (size_t)h & mask; d->cued[j]; j = (j + 1) & mask)
    if (d->cued[j] == h) return 1;
  return 0;
}

static int cued_has(const doc *d, const char *w) { return cued_has_key(d, set_hash(w)); }

static void cued_add(doc *d, uint64_t h) {
  if (!h) return;
  size_t mask = d->cuedcap - 1, j = (size_t)h & mask;
  while (d->cued[j] && d->cued[j] != h) j = (j + 1) & mask;
  d->cued[j] = h;
}

static int media_cue_word(const doc *d, size_t i) {
  return i < d->ntok && (shape(d, i) & AN_SHAPE_ALL_LOWER) && (d->ti[i].lex & (AN_LX_MEDIA_CUE | AN_LX_MEDIA));
}

/* Is a news medium's name cued at span s: "X reported", "X quoted him",
 * "the X newspaper", "according to X", "told X", "the news agency, X"? */
static int media_cued_at(const doc *d, const span *s) {
  size_t a = s->first, b = s->first + s->count;
  if (b < d->ntok && same_sent(d, a, b)) {
    size_t k = b;
    if (k + 1 < d->ntok && (shape(d, k) & AN_SHAPE_ALL_LOWER) && (d->ti[k].lex & AN_LX_ADJ)) k++; /* "also" */
    if (media_cue_word(d, k) || ((d->ti[k].lex & AN_LX_SPEECH) && (shape(d, k) & AN_SHAPE_ALL_LOWER))) return 1;
  }
  if (a >= 1 && same_sent(d, a - 1, a)) {
    if (media_cue_word(d, a - 1) || ((d->ti[a - 1].lex & AN_LX_SPEECH) && (shape(d, a - 1) & AN_SHAPE_ALL_LOWER)))
      return 1;
    if (a >= 2 && (tis(d, a - 1, "to") || tis(d, a - 1, "by") || is_comma(d, a - 1) || tis(d, a - 1, "the")) &&
        media_cue_word(d, a - 2))
      return 1;
  }
  return 0;
}

/* Is every organization head of span s a media word ("Media Wire",
 * "Evening Post"), so that only a news-medium cue makes it an actor? */
static int media_only_name(const doc *d, const span *s) {
  int media = 0;
  for (uint32_t k = s->first; k < s->first + s->count; k++) {
    uint32_t lx = d->ti[k].lex;
    if ((lx & AN_LX_ORGHEAD) && !(lx & AN_LX_MEDIA)) return 0;
    if (lx & AN_LX_MEDIA) media = 1;
  }
  return media;
}

/* Single words that have a person cue somewhere ("Qaddumi said"), and
 * names of news media cued somewhere. */
static an_status collect_cued(doc *d) {
  d->cuedcap = 64;
  while (d->cuedcap < d->nsp * 4 + 2) d->cuedcap *= 2;
  /* the last document's table when it is the size (cleared: a memset, not
   * a calloc from the heap) */
  size_t kcap = 0;
  if (d->cache) keep_take(&d->cache->cued, (void **)&d->cued, &kcap);
  if (d->cued && kcap == d->cuedcap)
    memset(d->cued, 0, d->cuedcap * sizeof *d->cued);
  else if (an_free(d->cued), !(d->cued = an_calloc(d->cuedcap, sizeof *d->cued)))
    return AN_ENOMEM;
  char w[512];
  for (size_t k = 0; k < d->nsp; k++) {
    span *o = &d->sp[k];
    if (o->type != SP_NAME || o->dead) continue;
    if (o->count > 1 || media_only_name(d, o)) {
      if (media_only_name(d, o) && media_cued_at(d, o)) {
        name_words(d, o, w, sizeof w);
        if (w[0]) cued_add(d, MEDIA_KEY(w));
      }
      if (o->count > 1) continue;
    }
    if (!(cues_of(d, o) & (CUE_PERSON | CUE_PERSON_STRONG))) continue;
    name_words(d, o, w, sizeof w);
    if (!w[0]) continue;
    cued_add(d, set_hash(w));
  }
  return AN_OK;
}

/* A form several gazetteer entries share ("Congress": the US Congress or
 * India's National Congress): the entry of the country the document names
 * most (counted once per document); ties keep the first match. */
static long country_votes(doc *d, const char *cc) {
  if (!d->tally) {
    d->tally = an_calloc(256, sizeof *d->tally);
    if (!d->tally) return 0;
    for (size_t q = 0; q < d->nsp; q++) {
      const span *o = &d->sp[q];
      if (o->dead || o->type != SP_GAZ) continue;
      size_t nv = 0;
      if (o->node != AN_TRIE_NONE) an_trie_values(an_gazetteer_aliases(d->gaz), o->node, &nv);
      if (nv > 1) continue; /* only forms that name one actor vote */
      const char *c = an_gazetteer_entry(d->gaz, AN_GZ_ENTRY(o->value))->country;
      if (!c[0]) continue;
      size_t k = 0;
      while (k < d->ntally && strcmp(d->tally[k].cc, c) != 0) k++;
      if (k == d->ntally) {
        if (d->ntally == 256) continue;
        memcpy(d->tally[d->ntally++].cc, c, 4);
      }
      d->tally[k].n++;
    }
  }
  for (size_t k = 0; k < d->ntally; k++)
    if (strcmp(d->tally[k].cc, cc) == 0) return d->tally[k].n;
  return 0;
}

static void choose_entry(doc *d, span *s) {
  if (s->node == AN_TRIE_NONE) return;
  size_t n;
  const uint32_t *v = an_trie_values(an_gazetteer_aliases(d->gaz), s->node, &n);
  if (n < 2) return;
  uint32_t best = s->value;
  const an_gz_entry *be = an_gazetteer_entry(d->gaz, AN_GZ_ENTRY(best));
  if (be->user) return;
  long best_votes = be->country[0] ? country_votes(d, be->country) : 0;
  for (size_t k = 0; k < n; k++) {
    if (AN_GZ_ENTRY(v[k]) == AN_GZ_ENTRY(best) || !gz_value_ok(d, v[k], s->first, s->first + s->count - 1)) continue;
    const an_gz_entry *e = an_gazetteer_entry(d->gaz, AN_GZ_ENTRY(v[k]));
    long votes = e->country[0] ? country_votes(d, e->country) : 0;
    if (votes > best_votes) {
      best_votes = votes;
      best = v[k];
    }
  }
  s->value = best;
}

/* A fuller form of a person's name becomes its label (span s's text) and
 * name words, and is indexed. */
static an_status relabel(doc *d, int32_t a, const span *s, const char *words) {
  char text[512];
  span_text(d, s, text, sizeof text);
  char *l = an_arena_strdup(&d->strs, text), *n = an_arena_strdup(&d->strs, words);
  if (!l || !n) return AN_ENOMEM;
  /* the same name again is indexed already: adding it anew at each
   * mention made the index walks quadratic in a long document */
  int same = strcmp(d->act[a].name, n) == 0;
  d->act[a].label = l; /* (the old strings stay in the arena) */
  d->act[a].name = n;
  if (same) return AN_OK;
  return index_actor_name(d, a);
}

/* ---- the single-word pass's person index ----
 * person_with_words for one word w in the single-word pass walks every
 * person with w in the name: in a long document (thousands of Smiths) that
 * is quadratic. Its answer depends on few things, kept per word here: the
 * smallest person named just w; per score class (w ends / starts / is
 * inside the name), the smallest person and the one named last (the pass
 * goes in text order, so the latest `last` is the largest). Then: the
 * exact name, else the best class, and in it the person named last before
 * the span (score bit 1), else the smallest (no one of it named yet). Any
 * other case (a person of the class named at or after the span) takes the
 * walk. Names do not change in the pass; new persons join as they come. */
typedef struct pwrec {
  const char *w; /* the word, borrowed from a name */
  uint32_t n;
  int32_t exact, min[3], recent[3];
} pwrec;

typedef struct pwindex {
  pwrec *rec;
  size_t nrec, caprec;
  uint32_t *slot; /* open addressing on the word: 1 + record, 0 empty */
  size_t cap;
  uint32_t *pairs; /* record << 2 | class (3: the exact name) of each actor's words */
  size_t npairs, cappairs;
  uint32_t *poff; /* actor a's pairs: [poff[a], poff[a + 1]) */
  size_t cappoff;
  size_t nact; /* actors added so far */
  int oom;
} pwindex;

static void pw_free(pwindex *p) {
  an_free(p->rec);
  an_free(p->slot);
  an_free(p->pairs);
  an_free(p->poff);
}

/* The record of word w[0..n), made when make is set; -1 if none (or no memory). */
static long pw_rec(pwindex *p, const char *w, size_t n, int make) {
  if (!p->cap) {
    if (!make) return -1;
    p->cap = 64; /* (grows with the words) */
    if (!(p->slot = an_calloc(p->cap, sizeof *p->slot))) return p->oom = 1, -1;
  }
  size_t j = (size_t)word_key(w, n) & (p->cap - 1);
  for (; p->slot[j]; j = (j + 1) & (p->cap - 1)) {
    const pwrec *r = &p->rec[p->slot[j] - 1];
    if (r->n == n && memcmp(r->w, w, n) == 0) return (long)p->slot[j] - 1;
  }
  if (!make) return -1;
  if (ROOM(p->rec, p->caprec, p->nrec + 1) != AN_OK) return p->oom = 1, -1;
  pwrec *r = &p->rec[p->nrec];
  r->w = w, r->n = (uint32_t)n, r->exact = -1;
  for (int c = 0; c < 3; c++) r->min[c] = r->recent[c] = -1;
  p->slot[j] = (uint32_t)++p->nrec;
  if (p->nrec * 2 > p->cap) { /* grow the slots */
    size_t ncap = p->cap * 2;
    uint32_t *ns = an_calloc(ncap, sizeof *ns);
    if (!ns) return p->oom = 1, -1;
    for (size_t k = 0; k < p->nrec; k++) {
      size_t q = (size_t)word_key(p->rec[k].w, p->rec[k].n) & (ncap - 1);
      while (ns[q]) q = (q + 1) & (ncap - 1);
      ns[q] = (uint32_t)k + 1;
    }
    an_free(p->slot);
    p->slot = ns;
    p->cap = ncap;
  }
  return (long)p->nrec - 1;
}

/* Adds the actors made since the last call (in index order: the first of a
 * class is its smallest). */
static void pw_sync(const doc *d, pwindex *p) {
  for (; p->nact < d->nact && !p->oom; p->nact++) {
    if (ROOM(p->poff, p->cappoff, p->nact + 2) != AN_OK) {
      p->oom = 1;
      return;
    }
    if (p->nact == 0) p->poff[0] = 0;
    const wactor *a = &d->act[p->nact];
    if (a->kind == AN_KIND_PERSON) {
      for (const char *q = a->name; *q;) {
        const char *e = strchr(q, ' ');
        size_t n = e ? (size_t)(e - q) : strlen(q);
        char w[512];
        if (n && n < sizeof w) {
          long ri = pw_rec(p, q, n, 1);
          if (ri < 0) return;
          memcpy(w, q, n);
          w[n] = '\0';
          pwrec *r = &p->rec[ri];
          int sc = strcmp(a->name, w) == 0 ? 0 : name_score(a->name, w); /* (once) */
          int c = !sc ? 3 : sc == 4 ? 0 : sc == 2 ? 1 : 2;
          int32_t ai = (int32_t)p->nact;
          if (c == 3 && r->exact < 0) r->exact = ai;
          if (c < 3 && r->min[c] < 0) r->min[c] = ai;
          if (ROOM(p->pairs, p->cappairs, p->npairs + 1) != AN_OK) {
            p->oom = 1;
            return;
          }
          p->pairs[p->npairs++] = (uint32_t)ri << 2 | (uint32_t)c;
        }
        q += n;
        while (*q == ' ') q++;
      }
    }
    p->poff[p->nact + 1] = (uint32_t)p->npairs;
  }
}

/* last[a] was just set: a is its classes' person named last. */
static void pw_touch(const doc *d, pwindex *p, int32_t a) {
  pw_sync(d, p);
  if (p->oom || a < 0 || (size_t)a >= p->nact) return;
  for (uint32_t k = p->poff[a]; k < p->poff[a + 1]; k++)
    if ((p->pairs[k] & 3) < 3) p->rec[p->pairs[k] >> 2].recent[p->pairs[k] & 3] = a;
}

/* person_with_words(d, w, at, last) for one word w, or -2 when it must
 * take the walk. */
static int32_t pw_person(const doc *d, pwindex *p, const char *w, uint32_t at, const int64_t *last) {
  pw_sync(d, p);
  if (p->oom || strchr(w, ' ')) return -2;
  long ri = pw_rec(p, w, strlen(w), 0);
  if (ri < 0) return -1;
  const pwrec *r = &p->rec[ri];
  if (r->exact >= 0) return r->exact;
  for (int c = 0; c < 3; c++) {
    if (r->recent[c] >= 0) return last[r->recent[c]] < (int64_t)at ? r->recent[c] : -2;
    if (r->min[c] >= 0) return r->min[c];
  }
  return -1;
}

/* Index keys of organizations' initials (bits 63 and 62 set). */
#define INIT_KEY(w) ((word_key((w), strlen(w)) | 0xC000000000000000ULL))

/* The initials of a folded multi-word name, over "of", "and", "the", "for"
 * ("union of coastal fishing nations" -> "ucfn"); "" if under three. */
static void initials_of(const char *name, char *out, size_t cap) {
  size_t o = 0;
  for (const char *p = name; *p && o + 1 < cap;) {
    while (*p == ' ') p++;
    if (!*p) break;
    const char *e = strchr(p, ' ');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    int skip = (n == 2 && memcmp(p, "of", 2) == 0) || (n == 3 && (memcmp(p, "and", 3) == 0 || memcmp(p, "the", 3) == 0 ||
                                                                memcmp(p, "for", 3) == 0));
    if (!skip) out[o++] = *p;
    p += n;
  }
  out[o] = '\0';
  if (o < 3) out[0] = '\0';
}

static an_status index_initials(doc *d) {
  char ini[16];
  for (size_t a = 0; a < d->nact; a++) {
    if (d->act[a].kind != AN_KIND_ORGANIZATION || !strchr(d->act[a].name, ' ')) continue;
    initials_of(d->act[a].name, ini, sizeof ini);
    if (!ini[0]) continue;
    an_status st = index_key(d, INIT_KEY(ini), (int32_t)a);
    if (st != AN_OK) return st;
  }
  return AN_OK;
}

/* "B&L" after "Barker & Lowe": a token of letters joined by an ampersand
 * that spells the initials of one firm the text names with one, or -1. */
/* Are the span's words single letters joined by an ampersand ("B&L")?
 * want gets the letters. */
static int ampersand_letters(const doc *d, const span *s, char *want, size_t cap) {
  /* (the tokenizer splits "B&L" into letter, "&", letter) */
  if (s->count < 3 || !tok_char(d, s->first + 1, '&')) return 0;
  const char *p = d->str + d->tok[s->first].start;
  size_t n = d->tok[s->first + s->count - 1].start + d->tok[s->first + s->count - 1].len - d->tok[s->first].start;
  if (n < 3 || n > 12 || !memchr(p, '&', n)) return 0;
  size_t o = 0;
  for (uint32_t k = s->first; k < s->first + s->count; k++) {
    const char *f = tfold(d, k);
    if (!f[0]) continue;
    if (f[1] || o + 1 >= cap) return 0; /* letters only: "B&L" */
    want[o++] = f[0];
  }
  want[o] = '\0';
  return o >= 2;
}

static int32_t ampersand_initials(const doc *d, const span *s) {
  char want[16], ini[16];
  if (!ampersand_letters(d, s, want, sizeof want)) return -1;
  int32_t found = -1;
  for (size_t a = 0; a < d->nact; a++) {
    const wactor *x = &d->act[a];
    if (x->kind != AN_KIND_ORGANIZATION || !strstr(x->label, " & ")) continue;
    size_t k = 0;
    for (const char *q = x->name; *q && k + 1 < sizeof ini; q++)
      if (q == x->name || q[-1] == ' ') ini[k++] = *q;
    ini[k] = '\0';
    if (strcmp(ini, want) != 0) continue;
    if (found >= 0) return -1;
    found = (int32_t)a;
  }
  return found;
}

/* An all-capitals word that spells the initials of one organization the
 * text names ("UCFN"), or -1 (none, or several). */
static int32_t initials_actor_but(const doc *d, size_t i, int32_t but);
static int32_t initials_actor(const doc *d, size_t i) { return initials_actor_but(d, i, -1); }

/* The same, leaving actor but aside. */
static int32_t initials_actor_but(const doc *d, size_t i, int32_t but) {
  if (!(shape(d, i) & AN_SHAPE_ALL_UPPER) || d->ti[i].headline) return -1;
  const char *w = tfold(d, i);
  size_t n = strlen(w);
  if (n < 3 || n > 10 || strchr(w, ' ')) return -1;
  char ini[16];
  int32_t found = -1;
  uint64_t key = INIT_KEY(w);
  FOR_ACTORS_WITH(d, key, a) {
    if (a == but) continue;
    initials_of(d->act[a].name, ini, sizeof ini);
    if (strcmp(ini, w) != 0) continue;
    if (found >= 0 && found != a) return -1;
    found = a;
  }
  return found;
}

/* "Nordland's Security Council": the organization entry named by the
 * possessor country's demonym and the run's words ("Nordish Security
 * Council"), or -1. */
static long possessed_entry(const doc *d, const span *s, const char *words) {
  if (s->first < 2 || !is_poss(d, s->first - 1)) return -1;
  int ps = span_at(d, s->first - 2);
  if (ps < 0 || d->sp[ps].dead || d->sp[ps].type != SP_GAZ) return -1;
  const an_gz_entry *c = an_gazetteer_entry(d->gaz, AN_GZ_ENTRY(d->sp[ps].value));
  if (c->kind != AN_KIND_COUNTRY) return -1;
  const an_trie *al = an_gazetteer_aliases(d->gaz);
  char buf[600], dem[128];
  for (size_t k = 0; k < c->n_demonyms; k++) {
    an_word_fold(c->demonyms[k], strlen(c->demonyms[k]), dem, sizeof dem);
    snprintf(buf, sizeof buf, "%s %s", dem, words);
    uint32_t node = an_trie_find(al, buf);
    if (node == AN_TRIE_NONE) continue;
    size_t n;
    const uint32_t *v = an_trie_values(al, node, &n);
    for (size_t q = 0; q < n; q++) {
      const an_gz_entry *e = an_gazetteer_entry(d->gaz, AN_GZ_ENTRY(v[q]));
      if (e->kind == AN_KIND_ORGANIZATION && (v[q] & AN_GZ_HOW_MASK) == AN_MENTION_NAME) return (long)AN_GZ_ENTRY(v[q]);
    }
  }
  return -1;
}

/* Does label u extend label p by more words ("Airtel Africa", "Airtel")? */
static int label_extends(const char *u, const char *p) {
  size_t n = strlen(p);
  return strncmp(u, p, n) == 0 && u[n] == ' ' && u[n + 1];
}

/* "Airtel Africa ... Airtel": a known organization's unit whose name
 * extends the organization's (gazetteer "parent") stands in the document
 * for every mention of the organization's name. Collects up to nmax
 * (unit, parent) entry pairs the document names; returns how many. */
static size_t find_units(const doc *d, long *unit, long *parent, size_t nmax) {
  size_t n = 0;
  for (size_t si = 0; si < d->nsp && n < nmax; si++) {
    const span *s = &d->sp[si];
    if (s->dead || s->type != SP_GAZ || (s->value & AN_GZ_HOW_MASK) != AN_MENTION_NAME) continue;
    long u = (long)AN_GZ_ENTRY(s->value);
    const an_gz_entry *e = an_gazetteer_entry(d->gaz, (size_t)u);
    if (e->kind != AN_KIND_ORGANIZATION || !e->parent) continue;
    long p = an_gazetteer_find_id(d->gaz, e->parent);
    if (p < 0) continue;
    const an_gz_entry *pe = an_gazetteer_entry(d->gaz, (size_t)p);
    if (pe->kind != AN_KIND_ORGANIZATION || !label_extends(e->label, pe->label)) continue;
    size_t k = 0;
    while (k < n && parent[k] != p) k++;
    if (k < n) continue; /* the first unit named keeps its parent's name */
    unit[n] = u;
    parent[n++] = p;
  }
  return n;
}

static int actor_span_ending(const doc *d, size_t i);

/* Does folded word w end like an English plural of persons ("-ers",
 * "-ists", "-ians", "-ants", "-ents")? */
static int plural_noun_like(const char *w) {
  static const char *const ends[] = {"ers", "ists", "ians", "ants", "ents"};
  size_t n = strlen(w);
  for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
    size_t m = strlen(ends[k]);
    if (n > m + 2 && strcmp(w + n - m, ends[k]) == 0) return 1;
  }
  return 0;
}

static an_status resolve_names(doc *d) {
  an_status st = collect_cued(d);
  if (st != AN_OK) return st;
  char words[512], text[512];
  long unit[8], uparent[8];
  size_t nunits = find_units(d, unit, uparent, 8);
  /* gazetteer spans and multi-word runs, in text order */
  for (size_t si = 0; si < d->nsp; si++) {
    span *s = &d->sp[si];
    if (s->dead) continue;
    if (s->type == SP_GAZ) {
      choose_entry(d, s);
      for (size_t k = 0; k < nunits; k++)
        if ((long)AN_GZ_ENTRY(s->value) == uparent[k] && (s->value & AN_GZ_HOW_MASK) == AN_MENTION_NAME)
          s->value = (uint32_t)unit[k] << 3 | (s->value & 7u);
      long gz = (long)AN_GZ_ENTRY(s->value);
      int32_t a = actor_of_gz(d, gz);
      if (a < 0) {
        const an_gz_entry *e = an_gazetteer_entry(d->gaz, (size_t)gz);
        char lw[512];
        an_word_fold(e->label, strlen(e->label), lw, sizeof lw);
        /* a person's name words without particles ("ziad nakhala"), as for
         * names found in the text, so that keys and surnames agree */
        if (e->kind == AN_KIND_PERSON) drop_particles(d, lw);
        if ((st = new_actor(d, gz, e->kind, e->label, lw, s->first, &a)) != AN_OK) return st;
      }
      s->actor = a;
      continue;
    }
    if (s->type != SP_NAME || d->ti[s->first].headline) continue;
    name_words(d, s, words, sizeof words);
    if (count_words(words) < 2) continue;
    /* "J&J" after "Johnson & Johnson"; one before it waits for the
     * single words' pass (all long forms known by then) */
    char amp[16];
    if (ampersand_letters(d, s, amp, sizeof amp)) continue;
    unsigned c = cues_of(d, s);
    if (c & CUE_PLACE) continue;
    if (!has_name_word(d, s)) continue;
    /* "the Media Wire section": a name of media words is a news medium
     * only where the text treats it as one ("X reported", "the X daily") */
    if (media_only_name(d, s) && !cued_has_key(d, MEDIA_KEY(words))) continue;
    int32_t a = -1;
    /* a partial or equal form of a person already met joins it */
    if (!(c & CUE_ORG)) a = person_with_words(d, words, s->first, NULL);
    if (a >= 0) {
      /* a fuller form becomes the label */
      if (count_words(words) > count_words(d->act[a].name) && (st = relabel(d, a, s, words)) != AN_OK)
        return st;
      s->actor = a;
      continue;
    }
    /* the same name as an organization already met: that organization;
     * with an organization cue, a person of that exact name found without
     * one becomes it ("Blue Horizon said ... the group Blue Horizon") */
    a = nonperson_with_name(d, words);
    if (a < 0 && (c & CUE_ORG) && !(c & CUE_PERSON_STRONG)) {
      a = min_actor_with(d, first_word_key(words), words, person_named_uncued);
      if (a >= 0) d->act[a].kind = AN_KIND_ORGANIZATION;
    }
    if (a >= 0) {
      s->actor = a;
      continue;
    }
    /* a longer name that contains a known person's name: "Hossein Amir Abdollahian" */
    a = min_person_within(d, words);
    if (a >= 0) {
      if ((st = relabel(d, a, s, words)) != AN_OK) return st;
      s->actor = a;
      continue;
    }
    /* "Nordland's Security Council": the gazetteer's "Nordish Security Council" */
    long pg = possessed_entry(d, s, words);
    if (pg >= 0) {
      s->type = SP_GAZ;
      s->value = (uint32_t)pg << 3 | AN_MENTION_NAME;
      a = actor_of_gz(d, pg);
      if (a < 0) {
        const an_gz_entry *e = an_gazetteer_entry(d->gaz, (size_t)pg);
        char lw[512];
        an_word_fold(e->label, strlen(e->label), lw, sizeof lw);
        if ((st = new_actor(d, pg, e->kind, e->label, lw, s->first, &a)) != AN_OK) return st;
      }
      s->actor = a;
      continue;
    }
    an_actor_kind kind;
    /* "analysts at Control Risks said": a speech verb after a place or a
     * thing is not enough */
    if ((c & CUE_PERSON) && !(c & (CUE_PERSON_STRONG | CUE_ORG)) && thing_context(d, s->first)) c &= ~CUE_PERSON;
    if (c & CUE_ORG) kind = AN_KIND_ORGANIZATION;
    else if (c & (CUE_PERSON | CUE_PERSON_STRONG)) {
      /* "State House said": a speech verb alone makes no person of a
       * name with a bare head or state noun in it */
      if (!(c & CUE_PERSON_STRONG) && span_has_lex(d, s, AN_LX_BARE | AN_LX_STATE)) continue;
      kind = AN_KIND_PERSON;
    } else {
      /* no cue here: a person if the surname alone has one elsewhere */
      int later = cued_has(d, last_word(words));
      /* or if coordinated with a person: "Hassan Nasrallah and Omar Salem" */
      if (!later && s->first >= 2 && (tis(d, s->first - 1, "and") || is_comma(d, s->first - 1))) {
        int ps = span_at(d, s->first - 2);
        if (ps >= 0 && !d->sp[ps].dead && d->sp[ps].actor >= 0 &&
            d->sp[ps].first + d->sp[ps].count == s->first - 1 && d->act[d->sp[ps].actor].kind == AN_KIND_PERSON)
          later = 1;
      }
      if (!later && s->first + s->count + 1 < d->ntok && tis(d, s->first + s->count, "and")) {
        size_t q = s->first + s->count + 1;
        int ps = span_at(d, q);
        if (ps >= 0 && !d->sp[ps].dead && d->sp[ps].first == q && d->sp[ps].type == SP_GAZ &&
            an_gazetteer_entry(d->gaz, AN_GZ_ENTRY(d->sp[ps].value))->kind == AN_KIND_PERSON)
          later = 1;
      }
      if (!later) later = looks_like_person(d, s);
      if (!later) continue;
      kind = AN_KIND_PERSON;
    }
    span_text(d, s, text, sizeof text);
    /* organizations: drop a leading article-like capital ("The") */
    if ((st = new_actor(d, -1, kind, text, words, s->first, &a)) != AN_OK) return st;
    if (s->value && kind == AN_KIND_ORGANIZATION)
      memcpy(d->act[a].country, an_gazetteer_entry(d->gaz, s->value - 1)->country, sizeof d->act[a].country);
    if (kind == AN_KIND_ORGANIZATION && s->first >= 1 && (shape(d, s->first - 1) & AN_SHAPE_ALL_LOWER) &&
        (d->ti[s->first - 1].lex & AN_LX_ORGNOUN) && strlen(tfold(d, s->first - 1)) < sizeof d->act[a].intro)
      strcpy(d->act[a].intro, tfold(d, s->first - 1));
    /* "Nordland's Ministry of Trade": the possessor country's */
    if (kind == AN_KIND_ORGANIZATION && !d->act[a].country[0] && s->first >= 2 && is_poss(d, s->first - 1)) {
      int ps = span_at(d, s->first - 2);
      if (ps >= 0 && !d->sp[ps].dead && d->sp[ps].type == SP_GAZ) {
        const an_gz_entry *pe = an_gazetteer_entry(d->gaz, AN_GZ_ENTRY(d->sp[ps].value));
        if (pe->kind == AN_KIND_COUNTRY) memcpy(d->act[a].country, pe->country, sizeof d->act[a].country);
      }
    }
    s->actor = a;
  }
  /* "UCFN" for a "Union of Coastal Fishing Nations" named in the text */
  if ((st = index_initials(d)) != AN_OK) return st;
  /* "the ICC ... the International Cricket Council said": a gazetteer
   * acronym whose letters spell the initials of the one organization the
   * text names (and the gazetteer's is not named) is that organization */
  if (d->nact) {
    uint8_t *full = NULL; /* actors named otherwise than by a gazetteer acronym */
    for (size_t si = 0; si < d->nsp; si++) {
      span *s = &d->sp[si];
      if (s->dead || s->type != SP_GAZ || s->count != 1 || !(s->value & AN_GZ_ACRONYM) || s->actor < 0) continue;
      if (!full) {
        if (!(full = an_calloc(d->nact, 1))) return AN_ENOMEM;
        for (size_t q = 0; q < d->nsp; q++) {
          const span *o = &d->sp[q];
          if (!o->dead && o->actor >= 0 && (size_t)o->actor < d->nact && !(o->type == SP_GAZ && (o->value & AN_GZ_ACRONYM)))
            full[o->actor] = 1;
        }
      }
      if (full[s->actor]) continue;
      int32_t a = initials_actor_but(d, s->first, s->actor);
      if (a >= 0 && d->act[a].kind == AN_KIND_ORGANIZATION) s->actor = a;
    }
    an_free(full);
  }
  /* single words: a part of a known name, else a new actor on a strong cue */
  /* last[a]: where actor a was last named so far (each span adds at most
   * one actor, so nact + nsp bounds the index) */
  size_t nlast = d->nact + d->nsp + 1;
  int64_t *last = an_malloc(nlast * sizeof *last);
  if (!last) return AN_ENOMEM;
  for (size_t k = 0; k < nlast; k++) last[k] = -1;
  pwindex pw;
  memset(&pw, 0, sizeof pw);
  for (size_t si = 0; si < d->nsp; si++) {
    span *s = &d->sp[si];
    if (!s->dead && s->actor >= 0 && (size_t)s->actor < nlast) {
      last[s->actor] = s->first;
      pw_touch(d, &pw, s->actor);
    }
    if (s->dead || s->type != SP_NAME || s->actor >= 0) continue;
    name_words(d, s, words, sizeof words);
    if (!words[0] || !words[1]) continue; /* a lone letter names nothing */
    size_t nwords = count_words(words); /* (words stays as it is below) */
    /* an acronym the text defined: the actor of its long form */
    const acro *ac = s->count == 1 ? acronym_of(d, tfold(d, s->first)) : NULL;
    if (ac) {
      int ls = ac->loose ? actor_span_ending(d, ac->end - 1) : span_at(d, ac->start);
      if (ls >= 0 && ac->loose && d->act[d->sp[ls].actor].kind != AN_KIND_ORGANIZATION) ls = -1;
      if (ls >= 0 && (ac->loose || (d->sp[ls].first == ac->start && d->sp[ls].first + d->sp[ls].count == ac->end)) &&
          d->sp[ls].actor >= 0) {
        s->actor = d->sp[ls].actor;
        last[s->actor] = s->first;
        pw_touch(d, &pw, s->actor);
        continue;
      }
    }
    /* "the 737 MAX": a word in capitals in prose is no part of a person's
     * name written in mixed case */
    int caps = s->count == 1 && (shape(d, s->first) & AN_SHAPE_ALL_UPPER) && !d->ti[s->first].headline;
    int32_t a = caps ? -1 : pw_person(d, &pw, words, s->first, last);
    if (a == -2) a = person_with_words(d, words, s->first, last);
    if (a < 0 && (!ac || ac->loose) && s->count == 1) a = initials_actor(d, s->first);
    if (a < 0) a = ampersand_initials(d, s);
    /* an organization or gazetteer name written in part ("Nakhala" after a
     * gazetteer "Ziad al-Nakhala" whose aliases lack it); when
     * person_with_words ran and found none, there is none (the same actors,
     * the same test) */
    if (a < 0 && caps) a = min_actor_with(d, first_word_key(words), words, person_containing);
    if (a < 0) a = nonperson_with_name(d, words);
    /* "Norvale" after "Norvale Petroleum": a company's name without its
     * heads; "Dawn" after "Nordish Dawn": without its demonym */
    if (a < 0 && nwords == 1) a = min_actor_with(d, first_word_key(words), words, org_short_named);
    if (a < 0 && nwords == 1) a = min_actor_with(d, first_word_key(words), words, org_demonym_named);
    /* "FLNKS", "SPLM-IO": a word in capitals of three letters or more (an
     * acronym: no person's name is written so) */
    int acr_word = caps && strlen(tfold(d, s->first)) >= 3 && !d->ti[s->first].headline;
    char amp[16];
    int amp_word = a < 0 && ampersand_letters(d, s, amp, sizeof amp);
    if (a < 0 && !d->ti[s->first].headline && (nwords == 1 || acr_word || amp_word)) {
      unsigned c = cues_of(d, s);
      unsigned c0 = c;
      /* an acronym a class noun follows ("FLNKS officials") names a body */
      if (acr_word && s->first + 1 < d->ntok && same_sent(d, s->first, s->first + 1) &&
          (shape(d, s->first + 1) & AN_SHAPE_ALL_LOWER) && (d->ti[s->first + 1].lex & AN_LX_GENERIC))
        c0 |= CUE_ORG;
      /* or one a speech verb follows elsewhere ("the SPLM-IO said" later) */
      if (acr_word && cued_has(d, words)) c0 |= CUE_ORG;
      /* "Police said": at a sentence start a speech verb alone is not enough */
      if ((shape(d, s->first) & AN_SHAPE_SENT_INITIAL) && !(c & (CUE_PERSON_STRONG | CUE_ORG))) c = 0;
      /* "residents of Tyre said": after a place/thing word, a speech verb is not enough */
      if (!(c & (CUE_PERSON_STRONG | CUE_ORG)) && thing_context(d, s->first)) c = 0;
      if (!has_name_word(d, s)) c = 0;
      /* "Broadcasters, who paid", "Residents, who fled": a plural class noun
       * opening the sentence before a relative clause, no name */
      if ((shape(d, s->first) & AN_SHAPE_SENT_INITIAL) && !(c & CUE_ORG) && plural_noun_like(words) &&
          s->first + 2 < d->ntok && is_comma(d, s->first + 1) && tis(d, s->first + 2, "who"))
        c = 0;
      /* "Wire", "Herald": a media word alone is a news medium only where cued */
      if (media_only_name(d, s)) c = cued_has_key(d, MEDIA_KEY(words)) ? CUE_ORG : 0;
      /* "Billboard reported", "Ledger quoted him": a lone word a media verb
       * or noun follows is a news medium */
      size_t b1 = s->first + 1;
      if (!(c & (CUE_PERSON_STRONG | CUE_ORG)) && b1 < d->ntok && same_sent(d, s->first, b1) &&
          media_cue_word(d, b1) && !(d->ti[s->first].lex & (AN_LX_GIVEN_M | AN_LX_GIVEN_F)) &&
          !(shape(d, s->first) & AN_SHAPE_SENT_INITIAL)) /* not "Footage aired by" */
        c = CUE_ORG;
      /* an acronym at a sentence start or after "the" that a speech verb
       * follows ("The FLNKS said") is a body's name all the same */
      if (acr_word && !(c0 & CUE_PLACE) && (c0 & (CUE_ORG | CUE_PERSON | CUE_PERSON_STRONG)) && has_name_word(d, s))
        c = CUE_ORG;
      if (!(c & CUE_PLACE) && (c & (CUE_ORG | CUE_PERSON | CUE_PERSON_STRONG))) {
        span_text(d, s, text, sizeof text);
        an_actor_kind kind = (c & CUE_ORG) && !(c & CUE_PERSON_STRONG) ? AN_KIND_ORGANIZATION : AN_KIND_PERSON;
        if ((st = new_actor(d, -1, kind, text, words, s->first, &a)) != AN_OK) {
          an_free(last);
          pw_free(&pw);
          return st;
        }
      }
    }
    if (a < 0 && nwords >= 2) {
      /* a headline run: its words may name known actors one by one */
      continue;
    }
    s->actor = a;
    if (a >= 0 && (size_t)a < nlast) {
      last[a] = s->first;
      pw_touch(d, &pw, a);
    }
  }
  an_free(last);
  int oom = pw.oom;
  pw_free(&pw);
  if (oom) return AN_ENOMEM;
  /* "the pro-independence FLNKS" before "The FLNKS said": an acronym in
   * capitals with no cue where it first stands is the organization its
   * later cued mention made */
  for (size_t si = 0; si < d->nsp; si++) {
    span *s = &d->sp[si];
    if (s->dead || s->type != SP_NAME || s->actor >= 0 || s->count != 1 || d->ti[s->first].headline ||
        !(shape(d, s->first) & AN_SHAPE_ALL_UPPER) || strlen(tfold(d, s->first)) < 3)
      continue;
    name_words(d, s, words, sizeof words);
    int32_t a = nonperson_with_name(d, words);
    if (a >= 0 && d->act[a].kind == AN_KIND_ORGANIZATION && d->act[a].first_tok > s->first) s->actor = a;
  }
  return AN_OK;
}

/* Headline runs ("Raila Hits Back at Ruto's Offer"): single words that are
 * part of a known person's name become mentions; the rest is ignored. */
static an_status headline_words(doc *d) {
  size_t n = d->nsp;
  for (size_t si = 0; si < n; si++) {
    span *s = &d->sp[si];
    if (s->dead || s->type != SP_NAME || s->actor >= 0 || s->count < 2 || !d->ti[s->first].headline) continue;
    uint32_t first = s->first, count = s->count;
    s->dead = 1;
    for (uint32_t k = first; k < first + count; k++) {
      char w[256];
      span one = {k, 1, SP_NAME, 0, 0, 0, -1, AN_TRIE_NONE, 0};
      name_words(d, &one, w, sizeof w);
      if (!w[0] || strchr(w, ' ')) continue;
      int32_t a = min_actor_with(d, first_word_key(w), w, person_containing);
      if (a < 0) continue;
      an_status st = push_span(d, k, 1, SP_NAME, 0);
      if (st != AN_OK) return st;
      d->sp[d->nsp - 1].actor = a;
      s = &d->sp[si];
    }
  }
  return AN_OK;
}

/* ---- pass 4: roles and affiliations ---- */

/* ---- ordering spans and mentions ----
 * Both go by first token, then the longer first; equal ones keep their
 * order (as glibc's qsort, a merge sort, kept them). They mostly come in
 * text order already, so a check comes first, then a merge sort of
 * (key, index) pairs, and the elements are moved once. */
typedef struct sortkey {
  uint64_t key; /* first << 32 | ~count */
  uint32_t idx;
} sortkey;

static uint64_t start_key(uint32_t first, uint32_t count) { return (uint64_t)first << 32 | (UINT32_MAX - count); }

static int key_before(const sortkey *a, const sortkey *b) {
  return a->key < b->key || (a->key == b->key && a->idx < b->idx);
}

/* Sorts k[0..n) (distinct by idx: the order is total), tmp as scratch: a
 * merge of the sorted runs it finds (the mentions come as two, those of
 * names and those of references). */
static void merge_keys(sortkey *k, sortkey *tmp, size_t n) {
  sortkey *src = k, *dst = tmp;
  for (;;) {
    size_t runs = 0;
    for (size_t lo = 0; lo < n;) {
      size_t mid = lo + 1;
      while (mid < n && key_before(&src[mid - 1], &src[mid])) mid++;
      size_t hi = mid < n ? mid + 1 : n;
      while (hi < n && key_before(&src[hi - 1], &src[hi])) hi++;
      size_t a = lo, b = mid, o = lo;
      while (a < mid && b < hi) dst[o++] = key_before(&src[b], &src[a]) ? src[b++] : src[a++];
      while (a < mid) dst[o++] = src[a++];
      while (b < hi) dst[o++] = src[b++];
      runs++;
      lo = hi;
    }
    sortkey *t = src;
    src = dst;
    dst = t;
    if (runs <= 1) break;
  }
  if (src != k) memcpy(k, src, n * sizeof *k);
}

/* Puts base[0..n) (elements of elem bytes) in the order of k, which holds
 * each element's key at its index. */
static an_status order_by_keys(void *base, size_t n, size_t elem, sortkey *k) {
  sortkey *tmp = an_malloc(n * sizeof *tmp);
  char *copy = an_malloc(n * elem);
  if (!tmp || !copy) {
    an_free(tmp);
    an_free(copy);
    return AN_ENOMEM;
  }
  merge_keys(k, tmp, n);
  memcpy(copy, base, n * elem);
  /* (by the element's type where it is known: a copy, not a memcpy call, each) */
#define PERMUTE_AS(T)                                          \
  do {                                                        \
    T *b = base;                                              \
    const T *c = (const T *)(const void *)copy;               \
    for (size_t i = 0; i < n; i++) b[i] = c[k[i].idx];        \
  } while (0)
  if (elem == sizeof(span))
    PERMUTE_AS(span);
  else if (elem == sizeof(cment))
    PERMUTE_AS(cment);
  else
    for (size_t i = 0; i < n; i++) memcpy((char *)base + i * elem, copy + (size_t)k[i].idx * elem, elem);
#undef PERMUTE_AS
  an_free(tmp);
  an_free(copy);
  return AN_OK;
}

static an_status sort_spans(doc *d) {
  size_t i = 1;
  while (i < d->nsp && start_key(d->sp[i - 1].first, d->sp[i - 1].count) <= start_key(d->sp[i].first, d->sp[i].count))
    i++;
  if (i < d->nsp) {
    sortkey *k = an_malloc(d->nsp * sizeof *k);
    if (!k) return AN_ENOMEM;
    for (size_t q = 0; q < d->nsp; q++) k[q] = (sortkey){start_key(d->sp[q].first, d->sp[q].count), (uint32_t)q};
    an_status st = order_by_keys(d->sp, d->nsp, sizeof *d->sp, k);
    an_free(k);
    if (st != AN_OK) return st;
  }
  /* every token given a span lies in one (spans only grow): those are reset */
  for (size_t si = 0; si < d->nsp; si++)
    for (uint32_t k = 0; k < d->sp[si].count; k++) d->ti[d->sp[si].first + k].span = -1;
  for (size_t si = 0; si < d->nsp; si++) {
    if (d->sp[si].dead) continue;
    for (uint32_t k = 0; k < d->sp[si].count; k++)
      if (d->ti[d->sp[si].first + k].span < 0) d->ti[d->sp[si].first + k].span = (int32_t)si;
  }
  return AN_OK;
}

/* The live actor span ending at token i (inclusive), or -1. */
static int actor_span_ending(const doc *d, size_t i) {
  int s = span_at(d, i);
  if (s < 0 || d->sp[s].dead || d->sp[s].actor < 0) return -1;
  if (d->sp[s].first + d->sp[s].count - 1 != i) return -1;
  return s;
}

static int is_orgish(const doc *d, int32_t a) {
  return a >= 0 && d->act[a].kind != AN_KIND_PERSON;
}

/* The organization/country that modifies title span T from the left:
 * "Hamas leader", "Israeli Prime Minister", "Iran's Supreme Leader",
 * "Islamic Jihad Secretary General", "the Chelsea manager". Marks it. */
/* The last organization named before token tok (for "the party's chief"
 * before descriptions are resolved), or -1. */
static int32_t recent_org_before(const doc *d, size_t tok, const char *head) {
  int32_t any = -1;
  for (size_t k = tok; k-- > 0 && tok - k < 400;) {
    int s = span_at(d, k);
    if (s < 0 || d->sp[s].dead || d->sp[s].actor < 0) continue;
    int32_t a = d->sp[s].actor;
    if (d->act[a].kind != AN_KIND_ORGANIZATION) continue;
    /* "the commission's chair": the last organization named a commission */
    if (!head || words_within(head, d->act[a].name)) return a;
    if (any < 0) any = a;
  }
  return any;
}

static int32_t title_modifier(doc *d, const span *T, int mark) {
  if (T->first == 0) return -1;
  size_t p = T->first - 1;
  int poss = 0;
  /* "China's senior diplomat": adjectives between */
  while (p > 0 && (d->ti[p].lex & (AN_LX_ADJ | AN_LX_PREFIX)) && (shape(d, p) & AN_SHAPE_ALL_LOWER)) p--;
  /* "the party's chief": a lower-case organization word as possessor */
  if (is_poss(d, p) && p > 1 && (d->ti[p - 1].lex & AN_LX_ORGHEAD) && (shape(d, p - 1) & AN_SHAPE_ALL_LOWER) &&
      tis(d, p - 2, "the"))
    return recent_org_before(d, p - 2, tfold(d, p - 1));
  /* "its president": the organization "its" stands for */
  if (d->ti[p].lex & AN_LX_PRONOUN) {
    const an_pronoun *pr = an_gazetteer_pronoun(d->gaz, (size_t)d->ti[p].pron);
    if (pr && pr->possessive && pr->kind == 'o') return recent_org_before(d, p, NULL);
    return -1;
  }
  if (is_poss(d, p) && p > 0) {
    p--;
    poss = 1;
  }
  int s = actor_span_ending(d, p);
  if (s < 0 || !same_sent(d, p, T->first)) return -1;
  int32_t a = d->sp[s].actor;
  if (mark) d->sp[s].flags |= poss ? AN_MENTION_POSSESSIVE : AN_MENTION_MODIFIER;
  return a;
}

static const an_title *title_of(const doc *d, const span *T) {
  return an_gazetteer_title(d->gaz, T->value);
}

static int32_t gz_role_org(const doc *d, int32_t person, const char *role) {
  const wactor *a = &d->act[person];
  if (a->gz < 0) return -1;
  const an_gz_entry *e = an_gazetteer_entry(d->gaz, (size_t)a->gz);
  for (size_t k = 0; k < e->n_roles; k++) {
    if (strcmp(e->roles[k].role, role) != 0 || !e->roles[k].of) continue;
    long g = an_gazetteer_find_id(d->gaz, e->roles[k].of);
    if (g >= 0) return actor_of_gz(d, g);
  }
  /* a title the gazetteer words otherwise ("the premier" for a prime
   * minister, "General" for an army chief): the organization of its first
   * role, when the text names it */
  for (size_t k = 0; k < e->n_roles; k++) {
    if (!e->roles[k].of || !e->roles[k].current) continue;
    long g = an_gazetteer_find_id(d->gaz, e->roles[k].of);
    int32_t o = g >= 0 ? actor_of_gz(d, g) : -1;
    if (o >= 0) return o;
  }
  return -1;
}

/* Actors named in tokens [from, to): a person if there is one, else the
 * last organization or country ("head of the bureau of the movement of
 * Hamas" -> Hamas; "adviser to Iran's Leader Ali Khamenei" -> Khamenei). */
static int32_t clause_target(const doc *d, size_t from, size_t to) {
  int32_t person = -1, org = -1;
  for (size_t k = from; k < to && k < d->ntok; k++) {
    int s = span_at(d, k);
    if (s < 0 || d->sp[s].dead || d->sp[s].actor < 0) continue;
    int32_t a = d->sp[s].actor;
    if (d->act[a].kind == AN_KIND_PERSON) {
      if (person < 0) person = a;
    } else if (!(d->sp[s].type == SP_GAZ && (d->sp[s].value & AN_GZ_HOW_MASK) == AN_MENTION_DEMONYM &&
                 k + 1 < to && !is_punct(d, k + 1))) {
      org = a;
    } else if (org < 0) {
      org = a;
    }
    k = d->sp[s].first + d->sp[s].count - 1;
  }
  return person >= 0 ? person : org;
}

static size_t clause_end(const doc *d, size_t from) {
  size_t k = from;
  while (k < d->ntok && k - from < 25 && same_sent(d, from, k) && !is_comma(d, k) && !tis(d, k, "and") &&
         !tok_char(d, k, ';') && !tok_char(d, k, '.') && !tok_char(d, k, ')') &&
         !(shape(d, k) & AN_SHAPE_QUOTE))
    k++;
  return k;
}

/* The role a verb names: "advises" -> adviser, "leads" -> leader, "heads"
 * -> head, "chairs" -> chair, "manages" -> manager (English agent nouns
 * looked up among the titles). -1 if none. */
static long role_of_verb(const doc *d, const char *v) {
  size_t n = strlen(v);
  if (n < 4 || n > 40 || v[n - 1] != 's') return -1;
  char stem[48], cand[56];
  memcpy(stem, v, n - 1);
  stem[n - 1] = '\0';
  static const char *const suffixes[] = {"er", "r", "", "or", "nt"}; /* presides -> president */
  for (size_t k = 0; k < sizeof suffixes / sizeof *suffixes; k++) {
    long t, p;
    snprintf(cand, sizeof cand, "%s%s", stem, suffixes[k]);
    if ((an_gazetteer_word(d->gaz, cand, &t, &p) & AN_LX_TITLE) && t >= 0) return t;
    /* "advises" -> "advise" -> "adviser" (stem minus the e) */
  }
  return -1;
}

static an_status note_role(doc *d, int32_t person, const span *T, int32_t org, uint32_t tok) {
  const an_title *t = title_of(d, T);
  if (!t) return AN_OK;
  if (t->gender && !d->act[person].gender) d->act[person].gender = t->gender;
  if (org < 0) org = gz_role_org(d, person, t->role);
  an_status st = add_role(d, person, t->role, org, t->cls);
  if (st == AN_OK && org >= 0) st = add_aff(d, person, org, t->label, tok);
  return st;
}

static an_status find_roles(doc *d) {
  an_status st;
  int32_t last_title_org = -1;
  size_t last_title_end = SIZE_MAX;
  for (size_t si = 0; si < d->nsp; si++) {
    span *s = &d->sp[si];
    if (s->dead || s->actor < 0 || d->act[s->actor].kind != AN_KIND_PERSON) continue;
    int32_t person = s->actor;
    size_t a = s->first, b = s->first + s->count;
    /* (a) a title before the name, over honorifics: "Hamas leader X" */
    size_t p = a;
    while (p > 0 && span_type_at(d, p - 1) == SP_HONOR) {
      p = d->sp[span_at(d, p - 1)].first;
      char g = (char)d->sp[span_at(d, p)].value;
      if ((g == 'm' || g == 'f') && !d->act[person].gender) d->act[person].gender = g;
    }
    int ts = -1;
    if (p > 0 && span_type_at(d, p - 1) == SP_TITLE && same_sent(d, p - 1, a)) ts = span_at(d, p - 1);
    /* "representative in Iran X": a title, "in" and a place before the name */
    if (ts < 0 && p >= 3 && span_type_at(d, p - 1) == SP_GAZ && is_orgish(d, d->sp[span_at(d, p - 1)].actor)) {
      size_t q = d->sp[span_at(d, p - 1)].first;
      if (q >= 2 && tis(d, q - 1, "in") && span_type_at(d, q - 2) == SP_TITLE) ts = span_at(d, q - 2);
    }
    if (ts >= 0) {
      span *T = &d->sp[ts];
      int32_t org = title_modifier(d, T, 1);
      if (org < 0 && org != person && T->first >= 1 && tis(d, T->first - 1, "and") &&
          last_title_end == T->first - 1)
        org = last_title_org; /* "Israeli Prime Minister A and Defense Minister B" */
      /* "Lieutenant General X of the US Air Force" */
      if (org < 0 && b + 1 < d->ntok && tis(d, b, "of") && same_sent(d, a, b + 1))
        org = clause_target(d, b + 1, clause_end(d, b + 1));
      if (org == person) org = -1;
      /* "Nordish Energy Minister Prince X": the title before the title */
      if (T->first > 0 && span_type_at(d, T->first - 1) == SP_TITLE && same_sent(d, T->first - 1, a)) {
        span *T2 = &d->sp[span_at(d, T->first - 1)];
        int32_t org2 = title_modifier(d, T2, 1);
        if (org2 == person) org2 = -1;
        if ((st = note_role(d, person, T2, org2, T2->first)) != AN_OK) return st;
        if (org < 0) org = org2;
      }
      if ((st = note_role(d, person, T, org, T->first)) != AN_OK) return st;
      last_title_org = org;
      last_title_end = b;
    }
    /* (b) an apposition after: "X, a senior adviser to Y", "X, the leader of Z" */
    int who;
    int at = b < d->ntok ? appos_title_after(d, b, &who) : -1;
    if (at >= 0) {
      span *T = &d->sp[at];
      int32_t org = -1;
      for (size_t k = b + 1; k < T->first; k++) {
        int q = span_at(d, k);
        if (q >= 0 && !d->sp[q].dead && d->sp[q].actor >= 0 && d->sp[q].actor != person) {
          org = d->sp[q].actor;
          d->sp[q].flags |= is_poss(d, d->sp[q].first + d->sp[q].count) ? AN_MENTION_POSSESSIVE
                                                                        : AN_MENTION_MODIFIER;
          k = d->sp[q].first + d->sp[q].count - 1;
        }
      }
      size_t e = T->first + T->count;
      if (org < 0) org = title_modifier(d, T, 0);
      if (org < 0 && e < d->ntok &&
          (tis(d, e, "of") || tis(d, e, "to") || tis(d, e, "for") || tis(d, e, "at"))) {
        size_t ce = clause_end(d, e + 1);
        org = clause_target(d, e + 1, ce);
        /* "an adviser to the president": the person with that role, once
         * every role of the document is known */
        for (size_t k = e + 1; org < 0 && k < ce; k++)
          if (span_type_at(d, k) == SP_TITLE && k > 0 && tis(d, k - 1, "the")) {
            st = an_grow((void **)&d->pend, &d->cappend, d->npend + 1, sizeof *d->pend);
            if (st != AN_OK) return st;
            d->pend[d->npend++] = (pending){person, (uint32_t)at, (uint32_t)span_at(d, k)};
            break;
          }
      }
      if (org == person) org = -1;
      if ((st = note_role(d, person, T, org, T->first)) != AN_OK) return st;
    }
    /* (c) an apposition before: "the referee, Mark Clattenburg", "the
     * Secretary General of the Green Front, Omar Salem" */
    /* (not "The President, Raila said, refused": a speech tag) */
    /* (and the name closes the apposition: "the new chief, X had ..." is two clauses) */
    int closed = b >= d->ntok || !same_sent(d, a, b) || is_comma(d, b) || tok_char(d, b, '.') ||
                 tok_char(d, b, ';') || tok_char(d, b, ')');
    if (a >= 2 && closed && is_comma(d, a - 1) && same_sent(d, a - 2, a) && !(b < d->ntok && (d->ti[b].lex & AN_LX_SPEECH))) {
      int bts = -1;
      size_t q = a - 2;
      if (span_type_at(d, q) == SP_TITLE) bts = span_at(d, q);
      else
        for (size_t k = q; k > 0 && q - k < 12 && same_sent(d, k - 1, a) && !is_punct(d, k - 1); k--)
          if (tis(d, k, "of") && span_type_at(d, k - 1) == SP_TITLE) {
            bts = span_at(d, k - 1);
            break;
          }
      /* not when that title is itself the apposition of an earlier name
       * ("A, head of the bureau of Z, B, ...") */
      if (bts >= 0) {
        size_t k = d->sp[bts].first;
        while (k > 0 && (tis(d, k - 1, "a") || tis(d, k - 1, "an") || tis(d, k - 1, "the") ||
                         (d->ti[k - 1].lex & (AN_LX_ADJ | AN_LX_PREFIX))))
          k--;
        if (k >= 2 && is_comma(d, k - 1) && actor_span_ending(d, k - 2) >= 0) bts = -1;
      }
      if (bts >= 0) {
        span *T = &d->sp[bts];
        int32_t org = title_modifier(d, T, 1);
        size_t e = T->first + T->count;
        if (org < 0 && e < a - 1 && tis(d, e, "of")) org = clause_target(d, e + 1, a - 1);
        if (org == person) org = -1;
        if ((st = note_role(d, person, T, org, T->first)) != AN_OK) return st;
      }
    }
    /* (d) a relative clause: "X, who advises Y", "X, who leads the Z politburo" */
    if (b + 2 < d->ntok && is_comma(d, b) && (tis(d, b + 1, "who")) && same_sent(d, b, b + 2) &&
        (shape(d, b + 2) & AN_SHAPE_ALL_LOWER)) {
      long t = role_of_verb(d, tfold(d, b + 2));
      /* "who serves as Putin's assistant", "who is the group's leader" (a
       * copula: in "who met the Nordish envoy" the title is the object's) */
      static const char *const copulas[] = {"is", "was", "serves", "served", "became", "becomes", "remains",
                                            "remained", "acts", "acted", "has", "had"};
      int copula = 0;
      for (size_t q = 0; q < sizeof copulas / sizeof *copulas; q++) copula |= tis(d, b + 2, copulas[q]);
      if (t < 0 && copula) {
        size_t k = b + 3;
        if (k < d->ntok && tis(d, k, "as")) k++;
        for (size_t n = 0; k < d->ntok && n < 6 && same_sent(d, b, k); n++) {
          int ts2 = span_at(d, k);
          if (ts2 >= 0 && d->sp[ts2].type == SP_TITLE && !d->sp[ts2].dead) {
            span *T = &d->sp[ts2];
            int32_t org = title_modifier(d, T, 1);
            size_t e = T->first + T->count;
            if (org < 0 && e < d->ntok && (tis(d, e, "of") || tis(d, e, "to") || tis(d, e, "for")))
              org = clause_target(d, e + 1, clause_end(d, e + 1));
            if (org == person) org = -1;
            if ((st = note_role(d, person, T, org, T->first)) != AN_OK) return st;
            break;
          }
          if (is_punct(d, k) && !is_poss(d, k)) break;
          k++;
        }
      }
      if (t >= 0) {
        size_t from = b + 3;
        int32_t org = clause_target(d, from, clause_end(d, from));
        const an_title *ti = an_gazetteer_title(d->gaz, (size_t)t);
        if (org == person) org = -1;
        if ((st = add_role(d, person, ti->role, org, ti->cls)) != AN_OK) return st;
        if (org >= 0 && (st = add_aff(d, person, org, ti->label, (uint32_t)(b + 2))) != AN_OK) return st;
      }
    }
  }
  return AN_OK;
}

/* The country of a gazetteer span that names a country (by name, seat or
 * demonym), or NULL. */
static const char *span_country(const doc *d, int si) {
  if (si < 0 || d->sp[si].dead || d->sp[si].type != SP_GAZ || d->sp[si].actor < 0) return NULL;
  const wactor *c = &d->act[d->sp[si].actor];
  return c->kind == AN_KIND_COUNTRY && c->country[0] ? c->country : NULL;
}

/* Nationalities the text states for persons without a country: a demonym
 * before the name, over lower-case nouns ("Nordish lawyer Omar Salem",
 * "the Nordish Omar Salem"), "of" and a country after it ("Omar Salem of
 * Nordland"), or an apposition ("Omar Salem, a Nordish lawyer,"). */
static void find_nationalities(doc *d) {
  for (size_t si = 0; si < d->nsp; si++) {
    const span *s = &d->sp[si];
    if (s->dead || s->actor < 0 || s->type == SP_TITLE || d->act[s->actor].kind != AN_KIND_PERSON) continue;
    wactor *a = &d->act[s->actor];
    if (a->country[0] || a->nat[0]) continue;
    size_t first = s->first, b = s->first + s->count;
    const char *cc = NULL;
    /* before: a demonym, then at most three lower-case words */
    size_t k = first;
    for (int n = 0; n < 4 && k > 0 && same_sent(d, k - 1, first); n++) {
      int q = span_at(d, k - 1);
      if (q >= 0) {
        if (d->sp[q].type == SP_GAZ && (d->sp[q].value & AN_GZ_HOW_MASK) == AN_MENTION_DEMONYM) cc = span_country(d, q);
        break;
      }
      if (!(shape(d, k - 1) & AN_SHAPE_ALL_LOWER) || (d->ti[k - 1].lex & (AN_LX_STOP | AN_LX_PREP | AN_LX_SPEECH)))
        break;
      k--;
    }
    /* after: "of Nordland" */
    if (!cc && b + 1 < d->ntok && tis(d, b, "of") && same_sent(d, first, b + 1)) {
      int q = span_at(d, b + 1);
      if (q >= 0 && d->sp[q].first == b + 1 && (d->sp[q].value & AN_GZ_HOW_MASK) != AN_MENTION_DEMONYM)
        cc = span_country(d, q);
    }
    /* apposition: ", a Nordish lawyer," */
    if (!cc && b + 2 < d->ntok && is_comma(d, b) && same_sent(d, first, b + 2)) {
      size_t j = b + 1;
      if (tis(d, j, "a") || tis(d, j, "an") || tis(d, j, "the")) j++;
      while (j < d->ntok && (d->ti[j].lex & AN_LX_ADJ) && (shape(d, j) & AN_SHAPE_ALL_LOWER)) j++;
      int q = j < d->ntok ? span_at(d, j) : -1;
      if (q >= 0 && d->sp[q].first == j && (d->sp[q].value & AN_GZ_HOW_MASK) == AN_MENTION_DEMONYM) {
        size_t e = d->sp[q].first + d->sp[q].count;
        /* "a Nordish lawyer", "a Nordish," */
        if (e < d->ntok && (((shape(d, e) & AN_SHAPE_ALL_LOWER) && !(d->ti[e].lex & (AN_LX_STOP | AN_LX_PREP))) ||
                            ((is_comma(d, e) || tok_char(d, e, '.')) && j == b + 2 && !tis(d, b + 1, "the"))))
          cc = span_country(d, q);
      }
    }
    if (cc) memcpy(a->nat, cc, sizeof a->nat);
  }
}

/* ---- pass 5: descriptions and pronouns, in one forward sweep ---- */

typedef struct hist {
  uint32_t tok, sent;
  int32_t actor;
  uint8_t subject;
  uint8_t governed; /* after a preposition: "according to X" */
} hist;

typedef struct sweep {
  int32_t *last_seen; /* per actor: last token, or -1 */
  hist *h;
  size_t nh, caph;
  uint32_t sent_with_subject; /* sentence whose subject is taken */
  /* resolve_org_description: h[0 .. org_scanned) looked at; the latest
   * organization entry without an introducing noun, and per noun */
  size_t org_scanned;
  int32_t plain_org;
  uint32_t plain_tok;
  struct { int32_t actor; uint32_t tok; } *intro_org;
  size_t n_intro, cap_intro;
  int org_oom;
  int ocls_done; /* wactor.ocls filled (org_classes) */
} sweep;

static int role_matches(const char *have, const char *want) {
  if (strcmp(have, want) == 0) return 1;
  /* "supreme leader" answers "leader", "foreign minister" answers "minister" */
  return strcmp(last_word(have), last_word(want)) == 0 && strchr(want, ' ') == NULL;
}

/* Every title the phrase of span T may be (a role, a description). */
typedef struct want {
  const an_title *t[8];
  size_t n;
} want;

static void span_titles(const doc *d, const span *T, want *w) {
  char buf[512];
  size_t o = 0;
  w->n = 0;
  for (uint32_t k = T->first; k < T->first + T->count; k++) {
    const char *f = tfold(d, k);
    if (!*f) continue;
    int n = snprintf(buf + o, sizeof buf - o, "%s%s", o ? " " : "", f);
    if (n < 0 || (size_t)n >= sizeof buf - o) break;
    o += (size_t)n;
  }
  buf[o] = '\0';
  const an_trie *lx = an_gazetteer_lexicon(d->gaz);
  uint32_t node = an_trie_find(lx, buf);
  if (node == AN_TRIE_NONE) return;
  size_t nv;
  const uint32_t *v = an_trie_values(lx, node, &nv);
  for (size_t k = 0; k < nv && w->n < 8; k++)
    if (AN_LX_CLASS(v[k]) == AN_LX_TITLE) {
      const an_title *t = an_gazetteer_title(d->gaz, AN_LX_INDEX(v[k]));
      if (t) w->t[w->n++] = t;
    }
}

static int want_matches(const want *w, const char *have, const char *have_cls) {
  for (size_t i = 0; i < w->n; i++) {
    const an_title *t = w->t[i];
    if (t->n_answers) {
      for (size_t k = 0; k < t->n_answers; k++)
        if (strcmp(have, t->answers[k]) == 0 || role_matches(have, t->answers[k])) return 1;
      continue;
    }
    if (role_matches(have, t->role)) return 1;
    if (t->cls && have_cls && strcmp(t->cls, have_cls) == 0) return 1;
  }
  return 0;
}

static int actor_has_role(const doc *d, int32_t a, const want *t, int32_t org) {
  const wactor *w = &d->act[a];
  for (size_t k = 0; k < w->n_roles; k++) {
    const wrole *r = &w->roles[k];
    if (org >= 0 && r->org != org) continue;
    if (!t || !t->n) return 1;
    if (want_matches(t, r->role, r->cls)) return 1;
  }
  if (w->gz >= 0 && t && t->n) {
    const an_gz_entry *e = an_gazetteer_entry(d->gaz, (size_t)w->gz);
    for (size_t k = 0; k < e->n_roles; k++) {
      /* "the Iranian president": a role held now, not one held in the 1980s */
      if (!e->roles[k].current || !want_matches(t, e->roles[k].role, NULL)) continue;
      if (org < 0) return 1;
      if (e->roles[k].of && d->act[org].gz >= 0 &&
          strcmp(e->roles[k].of, an_gazetteer_entry(d->gaz, (size_t)d->act[org].gz)->id) == 0)
        return 1;
    }
  }
  return 0;
}

/* Does actor a belong to country/org c (its country, or a role's org)? */
static int actor_of_side(const doc *d, int32_t a, int32_t c) {
  const wactor *w = &d->act[a];
  const wactor *cw = &d->act[c];
  if (cw->kind == AN_KIND_COUNTRY && cw->country[0] && strcmp(w->country, cw->country) == 0) return 1;
  for (size_t k = 0; k < w->n_roles; k++) {
    int32_t o = w->roles[k].org;
    if (o < 0) continue;
    if (o == c) return 1;
    if (cw->kind == AN_KIND_COUNTRY && cw->country[0] && strcmp(d->act[o].country, cw->country) == 0) return 1;
  }
  return 0;
}

/* "the Nordish official": a role any member of the side may have */
static int generic_role(const want *w) {
  for (size_t i = 0; i < w->n; i++)
    if (strcmp(w->t[i]->role, "official") == 0 || (w->t[i]->cls && strcmp(w->t[i]->cls, "official") == 0))
      return 1;
  return 0;
}

static an_status hist_push(sweep *w, uint32_t tok, uint32_t sent, int32_t actor, int subject) {
  an_status st = ROOM(w->h, w->caph, w->nh + 1);
  if (st != AN_OK) return st;
  w->h[w->nh].tok = tok;
  w->h[w->nh].sent = sent;
  w->h[w->nh].actor = actor;
  w->h[w->nh].subject = (uint8_t)subject;
  w->h[w->nh].governed = 0;
  w->nh++;
  w->last_seen[actor] = (int32_t)tok;
  return AN_OK;
}

/* Resolves the description whose title span is T; -1 if none fits. */
/* The subject of token i's own clause (the sentence's subject, with no
 * speech verb, "that", "who", ";" or quote edge between), or -1: an
 * object ("X spoke with him", "X thanked the visiting minister") is not
 * it. */
static int32_t clause_subject(const doc *d, const sweep *w, size_t i) {
  uint32_t cur = d->ti[i].sent;
  for (size_t k = w->nh; k-- > 0;) {
    const hist *h = &w->h[k];
    if (h->sent != cur) break;
    /* (the subject of a clause after ", and": "X met Y, and the prime
     * minister thanked ...") */
    size_t b = h->tok;
    if (b > 0 && tis(d, b - 1, "the")) b--;
    int coord = b >= 2 && (tis(d, b - 1, "and") || tis(d, b - 1, "but")) && is_comma(d, b - 2);
    if (!h->subject && !coord) continue;
    for (size_t q = h->tok + 1; q < i; q++) {
      char c0 = tfold(d, q)[0];
      if ((d->ti[q].lex & AN_LX_SPEECH) || d->ti[q].quote != d->ti[i].quote || tok_char(d, q, ';') ||
          (c0 == 't' && tis(d, q, "that")) || (c0 == 'w' && tis(d, q, "who")))
        return -1;
    }
    return h->actor;
  }
  return -1;
}

static int32_t resolve_description(doc *d, sweep *w, const span *T, int32_t *side_out) {
  want wt;
  span_titles(d, T, &wt);
  if (!wt.n) return -1;
  const want *t = &wt;
  /* what stands before the title: "the", adjectives, a possessor, a modifier */
  size_t p = T->first;
  int32_t side = -1, owner = -1;
  int definite = 0, mod = -1;
  for (int n = 0; n < 4 && p > 0; n++) {
    size_t q = p - 1;
    if (!same_sent(d, q, T->first)) break;
    if (tis(d, q, "the")) {
      definite = 1;
      break;
    }
    if (is_poss(d, q) && q > 0) {
      int s = actor_span_ending(d, q - 1);
      if (s >= 0) {
        int32_t a = d->sp[s].actor;
        if (d->act[a].kind == AN_KIND_PERSON) owner = a;
        else side = a;
        definite = 1;
        break;
      }
      /* "the movement's chief", "his adviser": a resolved reference */
      if (d->ti[q - 1].ref >= 0) {
        int32_t a = d->ti[q - 1].ref;
        if (d->act[a].kind == AN_KIND_PERSON) owner = a;
        else side = a;
        definite = 1;
        break;
      }
      /* "the Leader's advisor": a description as possessor */
      int ts = span_at(d, q - 1);
      if (ts >= 0 && d->sp[ts].type == SP_TITLE && d->sp[ts].actor >= 0) {
        owner = d->sp[ts].actor;
        definite = 1;
        break;
      }
      break;
    }
    int s = actor_span_ending(d, q);
    if (s >= 0) {
      int32_t a = d->sp[s].actor;
      if (d->act[a].kind == AN_KIND_PERSON) break;
      side = a;
      mod = s;
      p = d->sp[s].first;
      continue;
    }
    /* a plain adjective ("senior", "top", "former") */
    if ((shape(d, q) & AN_SHAPE_ALL_LOWER) && !(d->ti[q].lex & (AN_LX_STOP | AN_LX_PRONOUN))) {
      p = q;
      continue;
    }
    if (tis(d, q, "his") || tis(d, q, "her") || tis(d, q, "its") || tis(d, q, "their")) break;
    break;
  }
  if (!definite) return -1;
  /* "the head of Z": the organization after "of" */
  size_t e = T->first + T->count;
  if (side < 0 && e + 1 < d->ntok && tis(d, e, "of")) {
    size_t k = e + 1;
    if (tis(d, k, "the")) k++;
    int s = span_at(d, k);
    if (s >= 0 && !d->sp[s].dead && d->sp[s].actor >= 0 && is_orgish(d, d->sp[s].actor))
      side = d->sp[s].actor;
  }
  int32_t best = -1, best_seen = -1;
  int32_t subj = clause_subject(d, w, T->first);
  /* a person with that role (of that side); failing that, for "the Chinese
   * leader", the last person of that side */
  for (int pass = 0; pass < 2 && best < 0; pass++) {
    if (pass == 1 && (side < 0 || owner >= 0)) break;
    for (size_t a = 0; a < d->nact; a++) {
      if (w->last_seen[a] < 0 || d->act[a].kind != AN_KIND_PERSON) continue;
      if ((int32_t)a == owner || (int32_t)a == subj) continue;
      if (owner >= 0 && !actor_has_role(d, (int32_t)a, t, owner)) continue;
      if (side >= 0 && !actor_of_side(d, (int32_t)a, side)) continue;
      if (pass == 0 && owner < 0 && !generic_role(t) && !actor_has_role(d, (int32_t)a, t, -1)) continue;
      if (w->last_seen[a] > best_seen) {
        best_seen = w->last_seen[a];
        best = (int32_t)a;
      }
    }
  }
  /* "the Hamas leader", "the Iranian official": the name only modifies */
  if (best >= 0 && mod >= 0) d->sp[mod].flags |= AN_MENTION_MODIFIER;
  *side_out = generic_role(t) ? -1 : side;
  return best;
}

/* "the movement", "the group": the most recent organization (the one with
 * the latest last_seen), not one the text introduced with another noun
 * ("the company" is not "the group X"). Entries are pushed in token order,
 * one per token: the answer is the latest of the latest organization entry
 * without an introducing noun and the latest with this one. Each entry is
 * looked at once over the sweep (thousands of organizations stay linear). */
/* The reference class of one folded word as an organization head (start:
 * as the first word of a name). */
static uint32_t word_org_class(const doc *d, const char *w, size_t n, int start) {
  char buf[64];
  if (n == 0 || n >= sizeof buf) return 0;
  memcpy(buf, w, n);
  buf[n] = '\0';
  return an_gazetteer_org_class(d->gaz, an_trie_find(d->lx, buf), start);
}

/* Fills wactor.ocls for every organization: the classes of the heads its
 * names in the text end in or open with ("Tribunal de ...", "Acme
 * Holdings"), and of its label's ("European Union"). Asked only when a
 * description with a class is met. */
static void org_classes(doc *d, sweep *w) {
  w->ocls_done = 1;
  for (size_t k = 0; k < d->nsp; k++) {
    const span *s = &d->sp[k];
    if (s->dead || s->actor < 0 || s->type == SP_TITLE || d->act[s->actor].kind != AN_KIND_ORGANIZATION) continue;
    uint32_t last = s->first + s->count - 1;
    d->act[s->actor].ocls |= an_gazetteer_org_class(d->gaz, d->ti[last].lx1, 0);
    if (s->count > 1 && d->ti[s->first].oneword)
      d->act[s->actor].ocls |= an_gazetteer_org_class(d->gaz, d->ti[s->first].lx1, 1);
    /* "Suprema Corte de Justicia": a head before the name's first
     * connector */
    for (uint32_t q = s->first + 1; q < last && !is_particle_tok(d, q) && !tis(d, q, "of") && !tis(d, q, "for"); q++)
      if ((d->ti[q].lex & AN_LX_ORGHEAD) && d->ti[q].oneword)
        d->act[s->actor].ocls |= an_gazetteer_org_class(d->gaz, d->ti[q].lx1, 0);
  }
  for (size_t a = 0; a < d->nact; a++) {
    wactor *x = &d->act[a];
    if (x->kind != AN_KIND_ORGANIZATION || !x->name || !x->name[0]) continue;
    /* "Barker & Lowe": a firm; "the drugmaker Novacor": its noun's class */
    if (strstr(x->label, " & ")) x->ocls |= an_gazetteer_ampersand_class(d->gaz);
    if (x->intro[0]) x->ocls |= an_gazetteer_org_desc(d->gaz, an_trie_find(d->lx, x->intro), NULL);
    /* the label's heads only when the text's names gave none */
    if (x->ocls) continue;
    const char *sp = strchr(x->name, ' ');
    if (!sp) continue;
    const char *lw = strrchr(x->name, ' ') + 1;
    x->ocls |= word_org_class(d, lw, strlen(lw), 0) | word_org_class(d, x->name, (size_t)(sp - x->name), 1);
  }
}

/* "the central bank", "the supreme court": one lower-case modifier
 * between "the" and a head of a strict class (a bank, a court) */
static int strict_head_after_modifier(const doc *d, size_t i) {
  if (i < 2 || !tis(d, i - 2, "the") || !same_sent(d, i - 2, i) || span_at(d, i - 1) >= 0) return 0;
  if (!(shape(d, i - 1) & AN_SHAPE_ALL_LOWER) || is_punct(d, i - 1) ||
      (d->ti[i - 1].lex & (AN_LX_STOP | AN_LX_PREP | AN_LX_STATE | AN_LX_ORGHEAD | AN_LX_PRONOUN | AN_LX_TIME)))
    return 0;
  int strict = 0;
  return d->ti[i].oneword && an_gazetteer_org_desc(d->gaz, d->ti[i].lx1, &strict) && strict;
}

static int32_t resolve_org_description(doc *d, sweep *w, size_t i) {
  for (; w->org_scanned < w->nh && !w->org_oom; w->org_scanned++) {
    const hist *h = &w->h[w->org_scanned];
    const wactor *x = &d->act[h->actor];
    if (x->kind != AN_KIND_ORGANIZATION) continue;
    if (!x->intro[0]) {
      w->plain_org = h->actor, w->plain_tok = h->tok;
      continue;
    }
    size_t k = 0;
    while (k < w->n_intro && strcmp(d->act[w->intro_org[k].actor].intro, x->intro) != 0) k++;
    if (k == w->n_intro) {
      if (an_grow((void **)&w->intro_org, &w->cap_intro, k + 1, sizeof *w->intro_org) != AN_OK) {
        w->org_oom = 1;
        break;
      }
      w->n_intro++;
    }
    w->intro_org[k].actor = h->actor;
    w->intro_org[k].tok = h->tok;
  }
  if (w->org_oom) { /* (no memory for the table: the walk over every actor) */
    int32_t best = -1, best_seen = -1;
    const char *head = tfold(d, i);
    for (size_t a = 0; a < d->nact; a++) {
      if (w->last_seen[a] < 0 || d->act[a].kind != AN_KIND_ORGANIZATION) continue;
      if (d->act[a].intro[0] && strcmp(d->act[a].intro, head) != 0) continue;
      if (w->last_seen[a] > best_seen) {
        best_seen = w->last_seen[a];
        best = (int32_t)a;
      }
    }
    return best;
  }
  const char *head = tfold(d, i);
  /* the head's class ("court", "company"; none for "group") */
  int strict = 0;
  uint32_t hc = d->ti[i].oneword ? an_gazetteer_org_desc(d->gaz, d->ti[i].lx1, &strict) : 0;
  if (hc && !w->ocls_done) org_classes(d, w);
  int32_t best = w->plain_org;
  int64_t best_tok = w->plain_org >= 0 ? (int64_t)w->plain_tok : -1;
  int intro = 0;
  for (size_t k = 0; k < w->n_intro; k++)
    if (strcmp(d->act[w->intro_org[k].actor].intro, head) == 0 && (int64_t)w->intro_org[k].tok > best_tok) {
      best = w->intro_org[k].actor;
      best_tok = w->intro_org[k].tok;
      intro = 1;
    }
  /* "the court" after "the Supreme Federal Court" and "Vibe Networks": an
   * organization whose name has the head word, over one named later
   * without it (not over a later one the text introduced with it) */
  for (size_t k = w->nh, n = 0; k-- > 0 && n < 64; n++) {
    const hist *h = &w->h[k];
    const wactor *x = &d->act[h->actor];
    if (x->kind != AN_KIND_ORGANIZATION || !x->name ||
        !(words_within(head, x->name) || (hc && (x->ocls & hc))))
      continue;
    if (!intro || (int64_t)h->tok > best_tok) best = h->actor;
    return best;
  }
  /* "the company" after "Acme" and "the Fair Trade Commission": not an
   * organization of another class; the latest of no known class, else
   * none (and none for a strict class: "the court" is a court) */
  if (hc && best >= 0 && !intro && !(d->act[best].ocls & hc) &&
      (d->act[best].ocls || strict)) {
    best = -1;
    for (size_t k = w->nh, n = 0; k-- > 0 && n < 64 && !strict; n++) {
      const wactor *x = &d->act[w->h[k].actor];
      if (x->kind == AN_KIND_ORGANIZATION && !x->ocls) {
        best = w->h[k].actor;
        break;
      }
    }
  }
  /* "blamed the central bank ..., his third attack on the Banco de X":
   * a strict class's description before any organization of its class
   * stands for one the sentence names after it; so does one with no
   * organization before or whose latest is of no known class ("the
   * firm turned down the pay claim, the X Workers' Union said") */
  if (hc && (best < 0 || (!(d->act[best].ocls & hc) && !intro))) {
    size_t e = sent_end(d, d->ti[i].sent);
    for (size_t k = i + 1; k < e && k < d->ntok; k++) {
      int sk = span_at(d, k);
      if (sk < 0 || d->sp[sk].dead || d->sp[sk].first != k || d->sp[sk].actor < 0 || d->sp[sk].type == SP_TITLE) continue;
      const wactor *x = &d->act[d->sp[sk].actor];
      if (x->kind == AN_KIND_ORGANIZATION && (x->ocls & hc)) return d->sp[sk].actor;
    }
  }
  return best;
}

static int gender_ok(const doc *d, int32_t a, char g) {
  if (!g) return 1;
  char ag = d->act[a].gender;
  return !ag || ag == g;
}

/* Is the word before token i a preposition of place ("in", "at")? */
static int locative_before(const doc *d, size_t i) {
  static const char *const loc[] = {"in", "at", "near", "inside", "across", "throughout"};
  if (i == 0 || !same_sent(d, i - 1, i)) return 0;
  for (size_t k = 0; k < sizeof loc / sizeof *loc; k++)
    if (tis(d, i - 1, loc[k])) return 1;
  return 0;
}

static int32_t resolve_pronoun(doc *d, sweep *w, size_t i, const an_pronoun *p) {
  uint32_t cur = d->ti[i].sent;
  if (p->relative) {
    size_t q = i;
    if (q > 0 && is_comma(d, q - 1)) q--;
    if (q == 0) return -1;
    int s = actor_span_ending(d, q - 1);
    /* "X, governor of the Eastern Region, who": the person before an
     * apposition that opens with a title */
    if (p->kind == 'p' && q < i && (s < 0 || d->act[d->sp[s].actor].kind != AN_KIND_PERSON)) {
      size_t c = q - 1;
      while (c > 0 && q - c < 10 && same_sent(d, c, q) && !is_comma(d, c)) c--;
      if (c > 0 && is_comma(d, c) && c + 1 < q && span_type_at(d, c + 1) == SP_TITLE) {
        int ps = actor_span_ending(d, c - 1);
        if (ps >= 0 && d->act[d->sp[ps].actor].kind == AN_KIND_PERSON) s = ps;
      }
    }
    if (s < 0) return -1;
    int32_t a = d->sp[s].actor;
    int person = d->act[a].kind == AN_KIND_PERSON;
    if ((p->kind == 'p' && !person) || (p->kind == 'o' && person)) return -1;
    return a;
  }
  /* "X said (that) he": the speaker */
  size_t sv = i;
  if (sv > 0 && tis(d, sv - 1, "that")) sv--;
  uint32_t speaker_tok = UINT32_MAX;
  if (sv >= 2 && (d->ti[sv - 1].lex & AN_LX_SPEECH) && actor_span_ending(d, sv - 2) >= 0)
    speaker_tok = d->sp[actor_span_ending(d, sv - 2)].first;
  if (sv >= 2 && (d->ti[sv - 1].lex & AN_LX_SPEECH) && d->ti[sv - 2].ref >= 0) speaker_tok = (uint32_t)(sv - 2);
  /* in a quote, "it" and "they" are too often the thing said */
  if (d->ti[i].quote && p->kind != 'p' && !p->gender) return -1;
  /* "X spoke with him", "X backed Y, calling him ...": an object pronoun is
   * not the subject of its own clause (it may be in a reported one: "X
   * said Y had called him"); "her" as an object only before a
   * preposition, punctuation or a name */
  int32_t not_subject = -1;
  if (p->object && !p->plural && (i + 1 >= d->ntok || !same_sent(d, i, i + 1) || is_punct(d, i + 1) ||
                                  (d->ti[i + 1].lex & (AN_LX_PREP | AN_LX_TIME)) || name_like(d, i + 1)))
    not_subject = clause_subject(d, w, i);
  int32_t best = -1;
  long best_score = -1000000;
  for (size_t k = w->nh; k-- > 0;) {
    const hist *h = &w->h[k];
    if (h->sent + 3 < cur) break;
    int32_t a = h->actor;
    if (a == not_subject) continue;
    int person = d->act[a].kind == AN_KIND_PERSON;
    if (p->kind == 'p' && !person) continue;
    if (p->kind == 'o' && person) continue;
    if (p->plural && person) continue;
    /* "it"/"they" stand for an organization or a country only as the
     * subject of this or the last sentence (else they are things) */
    if (!person && !(h->sent == cur || (h->subject && h->sent + 1 == cur))) continue;
    /* "The summit opened in Nordland, and it ...": a place where something
     * happens is not what "it"/"they" stand for ("its" may be: "in Nordland,
     * its government") */
    if (!person && !p->possessive && h->governed && locative_before(d, h->tok)) continue;
    /* "a French minister": an adjective is no antecedent of "it" */
    if (!person && !p->plural) {
      int hs = span_at(d, h->tok);
      if (hs >= 0 && d->sp[hs].first == h->tok && d->sp[hs].type == SP_GAZ &&
          (d->sp[hs].value & AN_GZ_HOW_MASK) == AN_MENTION_DEMONYM)
        continue;
    }
    if (person && !gender_ok(d, a, p->gender)) continue;
    long score = 1000 - 300L * (long)(cur - h->sent);
    if (h->subject) score += 200;
    if (h->tok == speaker_tok) score += 600;
    if (person && p->gender && d->act[a].gender == p->gender) score += 150;
    if (p->possessive && h->sent == cur && i - h->tok <= 5 && !h->governed) score += 400;
    if (!person && h->sent + 1 < cur) score -= 400; /* they/its: keep it close */
    score += (long)(h->tok % 100000) / 1000; /* recency breaks ties */
    if (score > best_score) {
      best_score = score;
      best = a;
    }
  }
  return best;
}

/* "After he landed, Omar Salem said ...": a personal pronoun in a
 * fronted subordinate clause stands for the person who opens the main
 * clause (over a title: ", Foreign Minister Omar Salem said"). -1 if none. */
static int32_t cataphor(const doc *d, size_t i, const an_pronoun *p) {
  if (p->relative || p->plural || p->kind == 'o' || !p->gender || d->ti[i].quote) return -1;
  const an_sentence *se = &d->sent[d->ti[i].sent];
  size_t first = se->tok_first, end = first + se->tok_count;
  if (end > d->ntok) end = d->ntok;
  if (!(shape(d, first) & AN_SHAPE_UPPER_INITIAL)) return -1;
  /* "After he landed, X", and for "his"/"her" also "In his speech, X",
   * "Speaking after her visit, X" */
  const char *f0 = tfold(d, first);
  size_t n0 = strlen(f0);
  int ing = n0 > 5 && strcmp(f0 + n0 - 3, "ing") == 0;
  /* ("her" before a noun is the possessive one) */
  int poss = p->possessive || (i + 1 < end && (shape(d, i + 1) & AN_SHAPE_ALL_LOWER) && !is_punct(d, i + 1));
  if (!(d->ti[first].lex & AN_LX_SUBORD) && !(poss && ((d->ti[first].lex & AN_LX_PREP) || ing))) return -1;
  /* the subject right after the opener, or a possessive: not "After X
   * called him, Y said" (him is not Y) */
  if (!poss && i != first + 1) return -1;
  for (size_t k = first; k < i; k++)
    if (is_comma(d, k) || (shape(d, k) & AN_SHAPE_QUOTE)) return -1;
  size_t k = i + 1;
  while (k < end && k - i < 30 && !is_comma(d, k) && !tok_char(d, k, ';')) k++;
  if (k >= end || !is_comma(d, k)) return -1;
  size_t j = k + 1;
  while (j < end && (span_type_at(d, j) == SP_TITLE || span_type_at(d, j) == SP_HONOR))
    j = d->sp[span_at(d, j)].first + d->sp[span_at(d, j)].count;
  /* "..., Nordish Foreign Minister X": a modifier of the title */
  if (j < end && span_type_at(d, j) == SP_GAZ && d->sp[span_at(d, j)].actor >= 0 &&
      d->act[d->sp[span_at(d, j)].actor].kind != AN_KIND_PERSON) {
    size_t q = d->sp[span_at(d, j)].first + d->sp[span_at(d, j)].count;
    if (q < end && span_type_at(d, q) == SP_TITLE)
      for (j = q; j < end && (span_type_at(d, j) == SP_TITLE || span_type_at(d, j) == SP_HONOR);)
        j = d->sp[span_at(d, j)].first + d->sp[span_at(d, j)].count;
  }
  int s = j < end ? span_at(d, j) : -1;
  if (s < 0 || d->sp[s].dead || d->sp[s].first != j || d->sp[s].actor < 0) return -1;
  int32_t a = d->sp[s].actor;
  if (d->act[a].kind != AN_KIND_PERSON || !gender_ok(d, a, p->gender)) return -1;
  return a;
}

static an_status resolve_pending(doc *d) {
  for (size_t k = 0; k < d->npend; k++) {
    const pending *p = &d->pend[k];
    want wt;
    span_titles(d, &d->sp[p->desc_span], &wt);
    if (!wt.n) continue;
    uint32_t at = d->sp[p->desc_span].first;
    int32_t best = -1;
    long best_dist = LONG_MAX;
    for (size_t a = 0; a < d->nact; a++) {
      if ((int32_t)a == p->person || d->act[a].kind != AN_KIND_PERSON) continue;
      if (!actor_has_role(d, (int32_t)a, &wt, -1)) continue;
      long dist = (long)d->act[a].first_tok - (long)at;
      if (dist < 0) dist = -dist;
      if (dist < best_dist) best_dist = dist, best = (int32_t)a;
    }
    if (best < 0) continue;
    const span *T = &d->sp[p->role_span];
    const an_title *t = title_of(d, T);
    if (!t) continue;
    an_status st = add_role(d, p->person, t->role, best, t->cls);
    if (st == AN_OK) st = add_aff(d, p->person, best, t->label, T->first);
    if (st != AN_OK) return st;
  }
  return AN_OK;
}

static int accept_cdesc(const doc *d, const an_trie *t, uint32_t node, size_t first, size_t last, uint32_t *value) {
  (void)d, (void)first, (void)last;
  size_t n;
  const uint32_t *v = an_trie_values(t, node, &n);
  for (size_t k = 0; k < n; k++)
    if (AN_LX_CLASS(v[k]) == AN_LX_CDESC) {
      *value = AN_LX_INDEX(v[k]);
      return 1;
    }
  return 0;
}

/* Is ISO code cc one of the space-separated codes (all when "")? */
static int code_in(const char *codes, const char *cc) {
  if (!codes[0]) return 1;
  if (!cc[0]) return 0;
  for (const char *p = codes; (p = strstr(p, cc)) != NULL; p++)
    if ((p == codes || p[-1] == ' ') && (p[3] == ' ' || !p[3])) return 1;
  return 0;
}

/* "the kingdom", "the oil-rich Gulf state", "the island nation" at token i
 * ("the" and up to two lower-case words before it): the country named last
 * before it that the description fits (the subject of that sentence
 * first); "the country", "the nation" only for a country of the last three
 * sentences and not after a preposition ("across the country"); none
 * before "of" or a name ("the island nation of X"). Sets *n, the
 * description's tokens. */
static int32_t country_description(const doc *d, const sweep *w, size_t i, uint32_t *n) {
  size_t t = i;
  while (t > 0 && i - t < 3 && same_sent(d, t - 1, i) && !tis(d, t - 1, "the")) {
    size_t q = t - 1;
    if (!(shape(d, q) & AN_SHAPE_ALL_LOWER) || is_punct(d, q) || d->ti[q].span >= 0 ||
        (d->ti[q].lex & (AN_LX_STOP | AN_LX_PREP | AN_LX_PRONOUN | AN_LX_TIME | AN_LX_SPEECH | AN_LX_GENERIC)))
      return -1;
    t = q;
  }
  if (t == 0 || !same_sent(d, t - 1, i) || !tis(d, t - 1, "the")) return -1;
  size_t end = sent_end(d, d->ti[i].sent);
  uint32_t cnt = 0, val = 0;
  if (longest(d, d->lx, i, end, accept_cdesc, AN_LX_CDESC, &cnt, &val) == AN_TRIE_NONE) return -1;
  for (size_t k = i; k < i + cnt; k++) {
    int q = span_at(d, k);
    if (q >= 0 && !d->sp[q].dead && d->sp[q].actor >= 0) return -1;
  }
  size_t e = i + cnt;
  if (e < end && (tis(d, e, "of") || (name_like(d, e) && !is_poss(d, e)))) return -1;
  const char *codes = an_gazetteer_country_desc(d->gaz, val);
  if (!codes) return -1;
  int any = !codes[0];
  /* "the government in Kigali": the country whose seat follows */
  if (e + 1 < end && tis(d, e, "in")) {
    int q = span_at(d, e + 1);
    if (q >= 0 && !d->sp[q].dead && d->sp[q].first == e + 1 && d->sp[q].actor >= 0 && d->sp[q].type == SP_GAZ &&
        (d->sp[q].value & AN_GZ_HOW_MASK) == AN_MENTION_METONYM && d->act[d->sp[q].actor].kind == AN_KIND_COUNTRY &&
        code_in(codes, d->act[d->sp[q].actor].country)) {
      *n = cnt;
      return d->sp[q].actor;
    }
  }
  /* ("across the country", "in the army", "of the government"; "with the
   * government" stays) */
  if (any && t >= 2 && same_sent(d, t - 2, i) && (locative_before(d, t - 1) || tis(d, t - 2, "of") ||
                                                  ((d->ti[t - 2].lex & AN_LX_PREP) && !(d->ti[i].lex & AN_LX_STATE))))
    return -1;
  /* the country the text names most (the story's), else the recent one:
   * the last sentence's subject or its latest fitting country */
  int32_t recent = -1, cand[16];
  uint32_t recent_sent = 0, votes[16];
  size_t nc = 0;
  int recent_done = 0;
  for (size_t k = w->nh; k-- > 0 && w->nh - k <= 64;) {
    const hist *h = &w->h[k];
    if (recent >= 0 && h->sent != recent_sent) recent_done = 1;
    const wactor *x = &d->act[h->actor];
    if (x->kind != AN_KIND_COUNTRY || !code_in(codes, x->country)) continue;
    if (recent < 0) {
      if (any && h->sent + 3 < d->ti[i].sent) return -1;
      recent = h->actor, recent_sent = h->sent;
    } else if (!recent_done && h->subject) {
      recent = h->actor;
    }
    size_t c = 0;
    while (c < nc && cand[c] != h->actor) c++;
    if (c == nc && nc < 16) cand[nc] = h->actor, votes[nc++] = 0;
    if (c < nc) votes[c]++;
  }
  if (recent < 0) return -1;
  int32_t best = recent;
  uint32_t best_votes = 0;
  for (size_t c = 0; c < nc; c++)
    if (cand[c] == recent) best_votes = votes[c];
  for (size_t c = 0; c < nc; c++)
    if (votes[c] > best_votes) best = cand[c], best_votes = votes[c];
  /* "the government", "the country": only where one country stands out
   * (named at least twice as often as any other) */
  if (any)
    for (size_t c = 0; c < nc; c++)
      if (cand[c] != best && 2 * votes[c] > best_votes) return -1;
  *n = cnt;
  return best;
}

/* "Kenya's foreign minister said", "Hamas's leader said", with no person
 * the title resolves to: the country or organization that speaks through
 * the unnamed office holder (as "the Kenyan foreign minister", "a US
 * official" are the country): the possessor's mention takes the title in,
 * as "Kenya's foreign ministry" does a state noun. Not an opposition role. */
static void possessed_title(doc *d, sweep *w, span *T, uint32_t sent, uint32_t *subj_sent) {
  if (T->first < 2 || !is_poss(d, T->first - 1)) return;
  int gi = actor_span_ending(d, T->first - 2);
  if (gi < 0) return;
  span *g = &d->sp[gi];
  if (g->type != SP_GAZ || (g->value & AN_GZ_HOW_MASK) == AN_MENTION_DEMONYM || !same_sent(d, g->first, T->first) ||
      d->act[g->actor].kind == AN_KIND_PERSON)
    return;
  const an_title *ti = title_of(d, T);
  if (!ti || ti->description || strstr(ti->role, "opposition") || d->ti[T->first].headline) return;
  uint32_t end = T->first + T->count;
  /* named a little later: "Nordland's envoy to Sudland, Omar Salem, met" */
  size_t c = end;
  while (c < d->ntok && c < end + 8 && same_sent(d, end, c) && !is_comma(d, c)) c++;
  if (c < d->ntok && c < end + 8 && is_comma(d, c))
    for (size_t k = c + 1; k < d->ntok && k < c + 8 && same_sent(d, c, k) && !is_comma(d, k); k++) {
      int q = span_at(d, k);
      if (q >= 0 && !d->sp[q].dead && d->sp[q].actor >= 0 && d->act[d->sp[q].actor].kind == AN_KIND_PERSON) return;
    }
  /* or anywhere in the document: a person the text gives this role of the possessor */
  want wt;
  span_titles(d, T, &wt);
  for (size_t a = 0; a < d->nact && a < 4096; a++)
    if (d->act[a].kind == AN_KIND_PERSON && d->act[a].n_roles && actor_has_role(d, (int32_t)a, &wt, g->actor)) return;
  for (uint32_t k = g->first + g->count; k < end; k++) d->ti[k].span = gi;
  g->count = end - g->first;
  g->flags &= (uint8_t)~(AN_MENTION_POSSESSIVE | AN_MENTION_MODIFIER);
  g->value = (g->value & ~AN_GZ_HOW_MASK) | AN_MENTION_METONYM;
  T->dead = 1;
  /* the sentence's subject, if it opens it */
  if (*subj_sent != sent && w->nh && w->h[w->nh - 1].tok == g->first && w->h[w->nh - 1].actor == g->actor &&
      !w->h[w->nh - 1].governed) {
    w->h[w->nh - 1].subject = 1;
    *subj_sent = sent;
  }
}

/* "The plan was criticized by X": the agent after "by" and a participle
 * (-ed, -en) is who acts, the subject for a later "he", "his" (when the
 * sentence has no subject before it). */
static int passive_agent(const doc *d, size_t i) {
  if (i < 2 || !tis(d, i - 1, "by") || !same_sent(d, i - 2, i) || !(shape(d, i - 2) & AN_SHAPE_ALL_LOWER)) return 0;
  const char *f = tfold(d, i - 2);
  size_t n = strlen(f);
  return n > 3 && (strcmp(f + n - 2, "ed") == 0 || strcmp(f + n - 2, "en") == 0);
}

/* The one organization person p is affiliated with whose class fits the
 * head at token i ("his group": the group he leads), or -1. */
static int32_t person_org(doc *d, sweep *w, int32_t p, size_t i) {
  uint32_t hc = d->ti[i].oneword ? an_gazetteer_org_desc(d->gaz, d->ti[i].lx1, NULL) : 0;
  if (hc && !w->ocls_done) org_classes(d, w);
  int32_t found = -1;
  for (size_t k = 0; k < d->naff; k++) {
    if ((int32_t)d->aff[k].person != p || d->aff[k].tok > i) continue;
    int32_t o = (int32_t)d->aff[k].org;
    if (d->act[o].kind != AN_KIND_ORGANIZATION || (hc && d->act[o].ocls && !(d->act[o].ocls & hc))) continue;
    if (found >= 0 && found != o) return -1;
    found = o;
  }
  return found;
}

/* The organization of country cc named lately whose name has the head
 * word at token h or whose class fits it, or -1. */
static int32_t national_org(doc *d, sweep *w, const char *cc, size_t h) {
  uint32_t hc = d->ti[h].oneword ? an_gazetteer_org_desc(d->gaz, d->ti[h].lx1, NULL) : 0;
  if (hc && !w->ocls_done) org_classes(d, w);
  const char *head = tfold(d, h);
  for (size_t k = w->nh, n = 0; k-- > 0 && n < 64; n++) {
    const wactor *x = &d->act[w->h[k].actor];
    if (x->kind != AN_KIND_ORGANIZATION || strcmp(x->country, cc) != 0 || !x->name) continue;
    if (words_within(head, x->name) || (hc && (x->ocls & hc))) return w->h[k].actor;
    /* (or the name as the text wrote it: "BCCI" named "Board of Control ...") */
    int sk = span_at(d, w->h[k].tok);
    if (sk >= 0 && d->sp[sk].first == w->h[k].tok && d->sp[sk].type != SP_TITLE)
      for (uint32_t q = d->sp[sk].first; q < d->sp[sk].first + d->sp[sk].count; q++)
        if (d->fh[q] == d->fh[h] && strcmp(tfold(d, q), head) == 0) return w->h[k].actor;
  }
  return -1;
}

static an_status sweep_refs(doc *d) {
  sweep w;
  memset(&w, 0, sizeof w);
  w.plain_org = -1;
  an_status st = AN_OK;
  w.last_seen = an_malloc((d->nact ? d->nact : 1) * sizeof *w.last_seen);
  if (!w.last_seen) return AN_ENOMEM;
  for (size_t a = 0; a < d->nact; a++) w.last_seen[a] = -1;
  /* about one history entry per span (no growth from 8), in the last
   * document's array when there is one */
  if (d->cache) keep_take(&d->cache->hist, (void **)&w.h, &w.caph);
  if ((st = ROOM(w.h, w.caph, d->nsp + 16)) != AN_OK) {
    an_free(w.last_seen);
    an_free(w.h);
    return st;
  }
  uint32_t subj_sent = UINT32_MAX;
  for (size_t i = 0; i < d->ntok && st == AN_OK; i++) {
    /* (most tokens: no span, and no description or pronoun starts there) */
    if (d->ti[i].span < 0 && !(d->ti[i].wb & WB_CDESC) &&
        !(d->ti[i].lex & (AN_LX_ORGHEAD | AN_LX_DESCNOUN | AN_LX_PRONOUN)))
      continue;
    uint32_t sent = d->ti[i].sent;
    if (d->sent[sent].flags & AN_SENT_CREDIT) continue;
    int si = span_at(d, i);
    /* (a description may open with a word of a name without an actor: "the Gulf state") */
    int cdesc_at = (d->ti[i].wb & WB_CDESC) &&
                   (si < 0 || d->sp[si].dead || (d->sp[si].actor < 0 && d->sp[si].type != SP_TITLE));
    if (cdesc_at && si >= 0) si = -1;
    if (si >= 0 && d->sp[si].first == i && !d->sp[si].dead) {
      span *s = &d->sp[si];
      if (s->actor >= 0 && s->type != SP_TITLE) {
        /* the subject: the first name of the sentence that no preposition
         * governs ("Speaking to Nakhala, Velayati said": Velayati) */
        /* "the Bangladeshi board" after "the Bangladesh Cricket Board": a
         * demonym before an organization head (no state noun) is
         * the organization of that country and head named before */
        size_t pe = s->first + s->count;
        if (s->type == SP_GAZ && (s->value & AN_GZ_HOW_MASK) == AN_MENTION_DEMONYM &&
            d->act[s->actor].kind == AN_KIND_COUNTRY && pe < d->ntok && same_sent(d, i, pe) &&
            (shape(d, pe) & AN_SHAPE_ALL_LOWER) && (d->ti[pe].lex & (AN_LX_ORGHEAD | AN_LX_DESCNOUN)) &&
            !(d->ti[pe].lex & AN_LX_STATE) && span_at(d, pe) < 0) {
          int32_t o = national_org(d, &w, d->act[s->actor].country, pe);
          if (o >= 0) {
            s->actor = o;
            s->value = (s->value & ~AN_GZ_HOW_MASK) | AN_MENTION_METONYM;
          }
        }
        /* (nor the owner of a title: "the group's leader, X, ..." has X) */
        int subject = subj_sent != sent && !(s->flags & (AN_MENTION_MODIFIER | AN_MENTION_POSSESSIVE)) &&
                      !(is_poss(d, pe) && span_type_at(d, pe + 1) == SP_TITLE) &&
                      !(s->type == SP_GAZ && (s->value & AN_GZ_HOW_MASK) == AN_MENTION_DEMONYM) &&
                      (!(i > 0 && same_sent(d, i - 1, i) && (d->ti[i - 1].lex & AN_LX_PREP)) || passive_agent(d, i));
        if (subject) subj_sent = sent;
        st = hist_push(&w, (uint32_t)i, sent, s->actor, subject);
        if (st == AN_OK && i > 0 && same_sent(d, i - 1, i) && (d->ti[i - 1].lex & AN_LX_PREP)) w.h[w.nh - 1].governed = 1;
      } else if (s->type == SP_TITLE) {
        /* a title used before a name is not a description */
        size_t e = s->first + s->count;
        size_t q = e;
        while (q < d->ntok && span_type_at(d, q) == SP_HONOR) q = d->sp[span_at(d, q)].first + d->sp[span_at(d, q)].count;
        int named = 0, qs = q < d->ntok ? span_at(d, q) : -1;
        if (qs >= 0 && !d->sp[qs].dead && d->sp[qs].first == q && d->sp[qs].actor >= 0 &&
            d->act[d->sp[qs].actor].kind == AN_KIND_PERSON)
          named = 1;
        /* nor a title an apposition names: "the party's chief, Omar Salem, said"
         * (also after a place: "the ambassador in Oslo, Omar Salem, said") */
        /* (or after a complement: "the president of the region's
         * council, Jonas Weber,") */
        if (!named && q + 2 < d->ntok && !is_comma(d, q) &&
            (tis(d, q, "in") || tis(d, q, "to") || tis(d, q, "at") || tis(d, q, "of"))) {
          size_t r = q + 1;
          while (r < d->ntok && r < q + 7 && same_sent(d, q, r) && !is_comma(d, r) &&
                 (name_like(d, r) || is_poss(d, r) || ((shape(d, r) & AN_SHAPE_ALL_LOWER) && !(d->ti[r].lex & AN_LX_SPEECH))))
            r++;
          if (r > q + 1 && r < d->ntok && is_comma(d, r)) q = r;
        }
        if (!named && q + 2 < d->ntok && is_comma(d, q) && same_sent(d, q, q + 2)) {
          /* (a title of the name's own between: "the group's leader, former
           * president Omar Salem, said") */
          size_t r = q + 1;
          while (r < d->ntok && r < q + 6 && same_sent(d, q, r)) {
            int ts = span_type_at(d, r);
            if (ts == SP_TITLE || ts == SP_HONOR) r = d->sp[span_at(d, r)].first + d->sp[span_at(d, r)].count;
            else if ((d->ti[r].lex & AN_LX_ADJ) && (shape(d, r) & AN_SHAPE_ALL_LOWER)) r++;
            else break;
          }
          int ps = r < d->ntok ? span_at(d, r) : -1;
          if (ps >= 0 && !d->sp[ps].dead && d->sp[ps].first == r && d->sp[ps].actor >= 0 &&
              d->act[d->sp[ps].actor].kind == AN_KIND_PERSON) {
            size_t e2 = d->sp[ps].first + d->sp[ps].count;
            if (e2 >= d->ntok || !same_sent(d, q, e2) || is_comma(d, e2) || tok_char(d, e2, '.') ||
                tok_char(d, e2, ';') || tok_char(d, e2, ')'))
              named = 1;
          }
        }
        /* nor is the title of an apposition right after a name */
        int appos = 0;
        for (size_t b = s->first; b > 0 && s->first - b < 6; b--) {
          /* (", and the prime minister thanked": a clause, no apposition) */
          if (tis(d, b - 1, "and") || tis(d, b - 1, "but")) break;
          if (is_comma(d, b - 1)) {
            appos = b >= 2 && actor_span_ending(d, b - 2) >= 0;
            break;
          }
          if (!same_sent(d, b - 1, s->first)) break;
        }
        /* nor a capitalized title that a capitalized word goes on from: a
         * thing's name ("the country's Official Secrecy Act") */
        if (!named && !appos && q < d->ntok && same_sent(d, s->first, q) && name_like(d, q) && !is_punct(d, q) &&
            (shape(d, s->first) & AN_SHAPE_UPPER_INITIAL) && !(shape(d, s->first) & AN_SHAPE_SENT_INITIAL) &&
            !d->ti[s->first].headline && (qs < 0 || d->sp[qs].dead || d->sp[qs].actor < 0))
          named = 1;
        if (!named && !appos) {
          int32_t side = -1;
          int32_t a = resolve_description(d, &w, s, &side);
          if (a >= 0) {
            s->actor = a;
            /* "the Chinese leader", "Iran's top diplomat" state an affiliation */
            const an_title *ti = title_of(d, s);
            if (side >= 0 && ti && !ti->description && (st = add_aff(d, a, side, ti->label, s->first)) != AN_OK) break;
            if ((st = push_mention(d, s->first, s->count, a, AN_MENTION_DESCRIPTION, 0)) != AN_OK) break;
            int subject = subj_sent != sent;
            if (subject) subj_sent = sent;
            st = hist_push(&w, (uint32_t)i, sent, a, subject);
          } else {
            possessed_title(d, &w, s, sent, &subj_sent);
          }
        }
      }
      continue;
    }
    if (si >= 0) continue;
    /* "the kingdom", "the Gulf state" (tested first on the word: most tokens are none) */
    if (cdesc_at) {
      uint32_t n = 0;
      int32_t a = country_description(d, &w, i, &n);
      if (a >= 0) {
        if ((st = push_mention(d, (uint32_t)i, n, a, AN_MENTION_DESCRIPTION,
                               is_poss(d, i + n) ? AN_MENTION_POSSESSIVE : 0)) != AN_OK)
          break;
        d->ti[i].ref = a;
        int subject = subj_sent != sent && !is_poss(d, i + n) && !(i >= 2 && (d->ti[i - 2].lex & AN_LX_PREP));
        if (subject) subj_sent = sent;
        st = hist_push(&w, (uint32_t)i, sent, a, subject);
        i += n - 1;
        continue;
      }
    }
    /* most tokens are no organization head, noun or pronoun: one test */
    if (!(d->ti[i].lex & (AN_LX_ORGHEAD | AN_LX_DESCNOUN | AN_LX_PRONOUN))) continue;
    /* "the movement", "the group's", "union leadership" (a lower-case head
     * tested first: most tokens are none) */
    int state_after = 0;
    /* "his group", "her party": the organization the person just named
     * leads or belongs to (a title or apposition said so) */
    if ((d->ti[i].lex & (AN_LX_ORGHEAD | AN_LX_DESCNOUN)) && (shape(d, i) & AN_SHAPE_ALL_LOWER) && i > 0 &&
        same_sent(d, i - 1, i) && d->ti[i - 1].ref >= 0 && (d->ti[i - 1].lex & AN_LX_PRONOUN) &&
        d->act[d->ti[i - 1].ref].kind == AN_KIND_PERSON) {
      int32_t a = person_org(d, &w, d->ti[i - 1].ref, i);
      if (a >= 0) {
        if ((st = push_mention(d, (uint32_t)i, 1, a, AN_MENTION_DESCRIPTION,
                               is_poss(d, i + 1) ? AN_MENTION_POSSESSIVE : 0)) != AN_OK)
          break;
        d->ti[i].ref = a;
        int subject = subj_sent != sent;
        if (subject) subj_sent = sent;
        st = hist_push(&w, (uint32_t)i, sent, a, subject);
        continue;
      }
    }
    /* "the drugmaker", "the regulator" (not "the drugmaker Novacor": a name
     * the noun introduces) */
    if ((d->ti[i].lex & AN_LX_DESCNOUN) && !(d->ti[i].lex & AN_LX_ORGHEAD) && (shape(d, i) & AN_SHAPE_ALL_LOWER) &&
        i > 0 && tis(d, i - 1, "the") && !(i + 1 < d->ntok && same_sent(d, i, i + 1) && name_like(d, i + 1))) {
      int32_t a = resolve_org_description(d, &w, i);
      if (a >= 0) {
        if ((st = push_mention(d, (uint32_t)i, 1, a, AN_MENTION_DESCRIPTION,
                               is_poss(d, i + 1) ? AN_MENTION_POSSESSIVE : 0)) != AN_OK)
          break;
        d->ti[i].ref = a;
        st = hist_push(&w, (uint32_t)i, sent, a, 0);
      }
      continue;
    }
    if ((d->ti[i].lex & AN_LX_ORGHEAD) && (shape(d, i) & AN_SHAPE_ALL_LOWER) &&
        ((state_after = i + 1 < d->ntok && same_sent(d, i, i + 1) && (d->ti[i + 1].lex & AN_LX_STATE) &&
                        (shape(d, i + 1) & AN_SHAPE_ALL_LOWER) && span_at(d, i + 1) < 0) ||
         (i > 0 && tis(d, i - 1, "the")) || strict_head_after_modifier(d, i))) {
      /* (not "the aviation authority": the head comes last) */
      if (!state_after && i + 1 < d->ntok && same_sent(d, i, i + 1) && (shape(d, i + 1) & AN_SHAPE_ALL_LOWER) &&
          (d->ti[i + 1].lex & (AN_LX_ORGHEAD | AN_LX_DESCNOUN)) && !is_poss(d, i + 1))
        continue;
      int32_t a = resolve_org_description(d, &w, i);
      if (a >= 0) {
        uint32_t n = state_after ? 2 : 1;
        if ((st = push_mention(d, (uint32_t)i, n, a, AN_MENTION_DESCRIPTION,
                               is_poss(d, i + n) ? AN_MENTION_POSSESSIVE : 0)) != AN_OK)
          break;
        d->ti[i].ref = a;
        st = hist_push(&w, (uint32_t)i, sent, a, 0);
      }
      continue;
    }
    if (d->ti[i].lex & AN_LX_PRONOUN) {
      const an_pronoun *p = an_gazetteer_pronoun(d->gaz, (size_t)d->ti[i].pron);
      if (!p || p->first_second) continue;
      int32_t a = cataphor(d, i, p);
      if (a < 0) a = resolve_pronoun(d, &w, i, p);
      if (a < 0) continue;
      if ((st = push_mention(d, (uint32_t)i, 1, a, AN_MENTION_PRONOUN,
                             p->possessive ? AN_MENTION_POSSESSIVE : 0)) != AN_OK)
        break;
      d->ti[i].ref = a;
      /* "she" tells the gender of an actor whose name did not */
      if (p->gender && !p->relative && d->act[a].kind == AN_KIND_PERSON && !d->act[a].gender &&
          !d->ti[i].quote)
        d->act[a].gender = p->gender;
      int subject = subj_sent != sent && !p->possessive;
      if (subject) subj_sent = sent;
      st = hist_push(&w, (uint32_t)i, sent, a, subject);
    }
  }
  an_free(w.last_seen);
  if (d->cache) keep_give(&d->cache->hist, (void **)&w.h, w.caph, sizeof *w.h);
  an_free(w.h);
  an_free(w.intro_org);
  return st;
}

/* Demonyms before a class noun ("Nordish and Sudlandic groups") are
 * generic; names before one ("Green Front officials") are modifiers. */
static void mark_generic(doc *d) {
  for (size_t si = 0; si < d->nsp; si++) {
    span *s = &d->sp[si];
    if (s->dead || s->type != SP_GAZ || s->actor < 0) continue;
    size_t e = s->first + s->count;
    int demonym = (s->value & AN_GZ_HOW_MASK) == AN_MENTION_DEMONYM;
    for (size_t k = e; k < d->ntok && k < e + 4 && same_sent(d, s->first, k); k++) {
      if (d->ti[k].lex & AN_LX_GENERIC) {
        s->flags |= demonym ? AN_MENTION_GENERIC : AN_MENTION_MODIFIER;
        break;
      }
      if (!demonym) break;
      if (tis(d, k, "and") || tis(d, k, "or") || is_comma(d, k)) continue;
      int t = span_type_at(d, k);
      if (t == SP_GAZ) {
        k = d->sp[span_at(d, k)].first + d->sp[span_at(d, k)].count - 1;
        continue;
      }
      if (!(shape(d, k) & AN_SHAPE_ALL_LOWER) || (d->ti[k].lex & AN_LX_STOP)) break;
    }
  }
}

/* ---- output ---- */


size_t an_doc_mentions_before(const an_doc_actors *A, uint32_t tok) {
  size_t lo = 0, hi = A->n_mentions;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (A->mentions[mid].tok_first < tok)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

void an_doc_actors_free(an_doc_actors *a) {
  if (!a) return;
  /* a record put together elsewhere (tests' fixtures) owns each string */
  for (size_t i = 0; !a->strings && i < a->n_actors; i++) {
    an_doc_actor *x = &a->actors[i];
    an_free(x->id);
    an_free(x->label);
    an_free(x->key);
    for (size_t k = 0; !a->alias_block && k < x->n_aliases; k++) an_free(x->aliases[k]);
    if (!a->alias_block) an_free(x->aliases);
  }
  for (size_t i = 0; !a->strings && i < a->n_affiliations; i++) an_free(a->affiliations[i].role);
  an_free(a->actors);
  an_free(a->mentions);
  an_free(a->affiliations);
  an_free(a->strings);
  an_free(a->alias_block);
  an_free(a->folds);
  if (!a->fold_one_block) an_free(a->fold_off);
  an_free(a->fold_hash);
  an_free(a);
}


/* An alias while the output is built: a span of the text, the next alias
 * of the same actor, and its offset in the string block. */
typedef struct alias_ent {
  uint32_t start, len;
  int32_t next;
  size_t off;
} alias_ent;

/* Appends p[0..n) and a NUL to the string block b (the growth call only
 * when it is full). */
static an_status put_str(an_buf *b, const char *p, size_t n) {
  if (b->len + n + 2 > b->cap) {
    an_status st = an_buf_reserve(b, n + 1);
    if (st != AN_OK) return st;
  }
  memcpy(b->data + b->len, p, n);
  b->len += n + 1;
  b->data[b->len - 1] = b->data[b->len] = '\0';
  return AN_OK;
}

/* Appends the person key, "surname|given" of the folded name words, and its NUL. */
static an_status append_person_key(an_buf *b, const char *name) {
  const char *lw = last_word(name);
  size_t gl = lw != name ? (size_t)(lw - 1 - name) : 0; /* every given word */
  size_t ln = strlen(lw), n = ln + 1 + gl;
  if (b->len + n + 2 > b->cap) {
    an_status st = an_buf_reserve(b, n + 1);
    if (st != AN_OK) return st;
  }
  char *k = b->data + b->len;
  memcpy(k, lw, ln);
  k[ln] = '|';
  memcpy(k + ln + 1, name, gl);
  b->len += n + 1;
  k[n] = k[n + 1] = '\0';
  return AN_OK;
}

static an_status build_output(doc *d, an_doc_actors **out) {
  an_status st = AN_OK;
  an_doc_actors *r = an_calloc(1, sizeof *r);
  if (!r) return AN_ENOMEM;
  /* mentions from spans */
  for (size_t si = 0; si < d->nsp; si++) {
    span *s = &d->sp[si];
    if (s->dead || s->actor < 0 || s->type == SP_TITLE) continue;
    uint8_t how = AN_MENTION_NAME, flags = s->flags;
    if (s->type == SP_GAZ) how = (uint8_t)(s->value & AN_GZ_HOW_MASK);
    if (is_poss(d, s->first + s->count)) flags |= AN_MENTION_POSSESSIVE;
    if ((st = push_mention(d, s->first, s->count, s->actor, how, flags)) != AN_OK) goto fail;
  }
  size_t q = 1;
  while (q < d->nmen && start_key(d->men[q - 1].first, d->men[q - 1].count) <= start_key(d->men[q].first, d->men[q].count))
    q++;
  if (q < d->nmen) {
    sortkey *k = an_malloc(d->nmen * sizeof *k);
    if (!k) {
      st = AN_ENOMEM;
      goto fail;
    }
    for (size_t i = 0; i < d->nmen; i++) k[i] = (sortkey){start_key(d->men[i].first, d->men[i].count), (uint32_t)i};
    st = order_by_keys(d->men, d->nmen, sizeof *d->men, k);
    an_free(k);
    if (st != AN_OK) goto fail;
  }
  /* drop overlaps (longer first at the same start wins) */
  size_t w = 0;
  uint32_t end = 0;
  for (size_t i = 0; i < d->nmen; i++) {
    if (w > 0 && d->men[i].first < end) continue;
    d->men[w++] = d->men[i];
    end = d->men[i].first + d->men[i].count;
  }
  d->nmen = w;
  for (size_t i = 0; i < d->nmen; i++)
    if (d->ti[d->men[i].first].quote) d->men[i].flags |= AN_MENTION_IN_QUOTE;
  /* keep actors with mentions or affiliations, renumbered */
  /* (map and cnt in one block: cnt after map) */
  size_t nact1 = d->nact ? d->nact : 1;
  int32_t *map = an_malloc(nact1 * (sizeof *map + sizeof(uint32_t)));
  if (!map) {
    st = AN_ENOMEM;
    goto fail;
  }
  uint32_t *cnt = (uint32_t *)(void *)(map + nact1);
  memset(cnt, 0, nact1 * sizeof *cnt);
  for (size_t i = 0; i < d->nmen; i++) cnt[d->men[i].actor]++;
  for (size_t i = 0; i < d->naff; i++) cnt[d->aff[i].org] += 0;
  size_t na = 0;
  for (size_t i = 0; i < d->nact; i++) map[i] = cnt[i] ? (int32_t)na++ : -1;
  r->actors = an_calloc(na ? na : 1, sizeof *r->actors);
  if (!r->actors) {
    an_free(map);
    st = AN_ENOMEM;
    goto fail;
  }
  r->n_actors = na;
  /* every string goes into one block (strings), every alias pointer into
   * another (alias_block): offsets while the block grows, pointers at the end */
  an_buf sb;
  an_buf_init(&sb);
  /* room for the usual strings at once (label, id, key per actor; an alias
   * per few mentions; roles), not a growth per few of them */
  if (an_buf_reserve(&sb, na * 96 + d->nmen * 24 + d->naff * 32 + 64) != AN_OK) st = AN_ENOMEM;
  size_t *off = an_malloc((3 * na + d->naff + 1) * sizeof *off); /* label, id, key per actor; roles */
  /* (ahead and atail in one block) */
  int32_t *ahead = an_malloc(2 * (na ? na : 1) * sizeof *ahead), *atail = ahead ? ahead + (na ? na : 1) : NULL;
  alias_ent *ae = NULL;
  size_t nae = 0, capae = 0;
  char **block = NULL;
  if (!off || !ahead || !atail) st = AN_ENOMEM;
  if (st == AN_OK) st = ROOM(ae, capae, d->nmen + 1); /* an alias per mention at most */
  for (size_t i = 0; i < na && st == AN_OK; i++) ahead[i] = atail[i] = -1;
  for (size_t i = 0; i < d->nact && st == AN_OK; i++) {
    if (map[i] < 0) continue;
    wactor *a = &d->act[i];
    size_t xi = (size_t)map[i];
    an_doc_actor *x = &r->actors[xi];
    x->kind = a->kind;
    memcpy(x->country, a->country, sizeof x->country);
    /* a person's country from the first role the text ties to one */
    for (size_t k = 0; k < a->n_roles && !x->country[0] && a->kind == AN_KIND_PERSON; k++)
      if (a->roles[k].org >= 0 && d->act[a->roles[k].org].kind != AN_KIND_PERSON)
        memcpy(x->country, d->act[a->roles[k].org].country, sizeof x->country);
    /* else the nationality the text gives */
    if (!x->country[0] && a->kind == AN_KIND_PERSON) memcpy(x->country, a->nat, sizeof x->country);
    x->mentions = cnt[i];
    off[3 * xi] = sb.len;
    st = put_str(&sb, a->label, strlen(a->label));
    off[3 * xi + 1] = sb.len;
    if (st != AN_OK) break;
    if (a->gz >= 0) {
      const char *id = an_gazetteer_entry(d->gaz, (size_t)a->gz)->id;
      st = put_str(&sb, id, strlen(id));
    } else {
      char slug[512];
      if (an_slugify(a->label, slug, sizeof slug) != AN_OK || !slug[0]) strcpy(slug, "actor");
      st = put_str(&sb, slug, strlen(slug));
    }
    off[3 * xi + 2] = sb.len;
    if (st == AN_OK) st = a->kind == AN_KIND_PERSON ? append_person_key(&sb, a->name)
                                                    : put_str(&sb, a->name, strlen(a->name));
  }
  /* aliases: surface forms of name mentions, in order (distinct per actor) */
  for (size_t i = 0; i < d->nmen && st == AN_OK; i++) {
    cment *m = &d->men[i];
    if (m->how != AN_MENTION_NAME && m->how != AN_MENTION_METONYM) continue;
    uint32_t a = d->tok[m->first].start;
    uint32_t b = d->tok[m->first + m->count - 1].start + d->tok[m->first + m->count - 1].len;
    size_t xi = (size_t)map[m->actor];
    int32_t e = ahead[xi];
    for (; e >= 0; e = ae[e].next)
      if (ae[e].len == b - a && memcmp(d->str + ae[e].start, d->str + a, b - a) == 0) break;
    if (e >= 0) continue;
    if ((st = ROOM(ae, capae, nae + 1)) != AN_OK) break;
    ae[nae] = (alias_ent){a, b - a, -1, 0};
    if (atail[xi] >= 0) ae[atail[xi]].next = (int32_t)nae;
    else ahead[xi] = (int32_t)nae;
    atail[xi] = (int32_t)nae++;
    r->actors[xi].n_aliases++;
  }
  for (size_t k = 0; k < nae && st == AN_OK; k++) {
    ae[k].off = sb.len;
    st = put_str(&sb, d->str + ae[k].start, ae[k].len);
  }
  if (st == AN_OK) {
    r->mentions = an_malloc((d->nmen ? d->nmen : 1) * sizeof *r->mentions);
    r->affiliations = an_calloc(d->naff ? d->naff : 1, sizeof *r->affiliations);
    block = an_malloc((nae ? nae : 1) * sizeof *block);
    if (!r->mentions || !r->affiliations || !block) st = AN_ENOMEM;
  }
  if (st == AN_OK) {
    for (size_t i = 0; i < d->nmen; i++) {
      an_mention *m = &r->mentions[i];
      m->tok_first = d->men[i].first;
      m->tok_count = d->men[i].count;
      m->actor = (uint32_t)map[d->men[i].actor];
      m->how = d->men[i].how;
      m->flags = d->men[i].flags;
    }
    r->n_mentions = d->nmen;
  }
  for (size_t i = 0; i < d->naff && st == AN_OK; i++) {
    waff *f = &d->aff[i];
    if (map[f->person] < 0 || map[f->org] < 0) continue;
    an_affiliation *o = &r->affiliations[r->n_affiliations];
    o->person = (uint32_t)map[f->person];
    o->org = (uint32_t)map[f->org];
    o->tok = f->tok;
    off[3 * na + r->n_affiliations] = sb.len;
    st = put_str(&sb, f->role, strlen(f->role));
    r->n_affiliations++;
  }
  if (st == AN_OK) {
    char *base = an_buf_steal(&sb, NULL);
    if (!base) st = AN_ENOMEM;
    r->strings = base;
    r->alias_block = block;
    block = NULL;
    size_t used = 0;
    for (size_t xi = 0; xi < na && st == AN_OK; xi++) {
      an_doc_actor *x = &r->actors[xi];
      x->label = base + off[3 * xi];
      x->id = base + off[3 * xi + 1];
      x->key = base + off[3 * xi + 2];
      if (!x->n_aliases) continue;
      x->aliases = r->alias_block + used;
      for (int32_t e = ahead[xi]; e >= 0; e = ae[e].next) r->alias_block[used++] = base + ae[e].off;
    }
    for (size_t k = 0; k < r->n_affiliations && st == AN_OK; k++) r->affiliations[k].role = base + off[3 * na + k];
  }
  an_buf_free(&sb);
  an_free(block);
  an_free(off);
  an_free(ahead);
  an_free(ae);
  an_free(map);
  if (st != AN_OK) goto fail;
  /* the tokens' folds and their hashes go with the output (other stages
   * may key words by them instead of folding again) */
  r->n_tokens = d->ntok;
  r->folds = an_buf_steal(&d->folds, NULL);
  r->fold_off = d->foff;
  r->fold_hash = d->fh;
  r->fold_one_block = 1;
  d->foff = NULL;
  d->fh = NULL;
  if (!r->folds) {
    st = AN_ENOMEM;
    goto fail;
  }
  *out = r;
  return AN_OK;
fail:
  /* (no string is set before the blocks are: none to free one by one) */
  for (size_t i = 0; !r->strings && i < r->n_actors; i++) r->actors[i].n_aliases = 0;
  an_doc_actors_free(r);
  return st;
}

static void doc_free(doc *d) {
  an_actors_cache *c = d->cache;
  if (c) {
    keep_give(&c->ti, (void **)&d->ti, d->capti, sizeof *d->ti);
    keep_give(&c->wh, (void **)&d->wh, d->capwh, sizeof *d->wh);
    if (d->lowercap == 256) keep_give(&c->lower, (void **)&d->lower, d->lowercap, sizeof *d->lower);
    keep_give(&c->sp, (void **)&d->sp, d->capsp, sizeof *d->sp);
    keep_give(&c->men, (void **)&d->men, d->capmen, sizeof *d->men);
    keep_give(&c->wn, (void **)&d->wn, d->capwn, sizeof *d->wn);
    keep_give(&c->cued, (void **)&d->cued, d->cuedcap, sizeof *d->cued);
  }
  an_free(d->tally);
  an_free(d->pend);
  an_free(d->wbucket);
  an_free(d->wn);
  an_free(d->cued);
  an_free(d->acr);
  an_free(d->ti);
  an_buf_free(&d->folds);
  an_free(d->fh); /* (and foff, in its block) */
  an_free(d->wh);
  an_free(d->lower);
  an_free(d->sp);
  for (size_t i = 0; i < d->nact; i++) {
    an_free(d->act[i].roles);
  }
  if (c) keep_give(&c->act, (void **)&d->act, d->capact, sizeof *d->act);
  an_free(d->act);
  an_free(d->men);
  an_free(d->aff);
  an_arena_free(&d->strs);
  an_free(d->affix);
}

an_status an_actors_find_tokens(const an_gazetteer *gaz, const char *str, size_t len,
                                const an_token *toks, size_t ntok, const an_sentence *sents,
                                size_t nsent, an_doc_actors **out, an_error *err) {
  return an_actors_find_tokens_cached(gaz, str, len, toks, ntok, sents, nsent, NULL, out, err);
}

an_status an_actors_find_tokens_cached(const an_gazetteer *gaz, const char *str, size_t len,
                                       const an_token *toks, size_t ntok, const an_sentence *sents,
                                       size_t nsent, an_actors_cache *cache, an_doc_actors **out,
                                       an_error *err) {
  *out = NULL;
  doc d;
  memset(&d, 0, sizeof d);
  d.gaz = gaz;
  an_arena_init(&d.strs);
  if (cache && cache->gaz != gaz) { /* made with another gazetteer: forget it */
    memset(cache->slot, 0, sizeof cache->slot);
    memset(cache->step, 0, sizeof cache->step);
    cache->gaz = gaz;
  }
  d.cache = cache;
  if (cache) { /* the last document's arrays */
    keep_take(&cache->wh, (void **)&d.wh, &d.capwh);
    keep_take(&cache->sp, (void **)&d.sp, &d.capsp);
    keep_take(&cache->men, (void **)&d.men, &d.capmen);
    keep_take(&cache->wn, (void **)&d.wn, &d.capwn);
    keep_take(&cache->act, (void **)&d.act, &d.capact);
  }
  d.str = str;
  d.len = len;
  d.tok = toks;
  d.ntok = ntok;
  d.sent = sents;
  d.nsent = nsent;
  an_buf_init(&d.folds);
  an_status st = prepare(&d);
  if (st == AN_OK) st = find_spans(&d);
  if (st == AN_OK) st = acronym_long_forms(&d);
  if (st == AN_OK) st = find_runs(&d);
  if (st == AN_OK) {
    merge_name_prefixes(&d);
    st = sort_spans(&d);
  }
  if (st == AN_OK) st = resolve_names(&d);
  if (st == AN_OK) st = headline_words(&d);
  if (st == AN_OK) st = sort_spans(&d);
  if (st == AN_OK) {
    mark_generic(&d);
    st = find_roles(&d);
    find_nationalities(&d);
    if (st == AN_OK) st = resolve_pending(&d);
  }
  if (st == AN_OK) st = sweep_refs(&d);
  if (st == AN_OK) st = build_output(&d, out);
  doc_free(&d);
  if (st != AN_OK) return an_error_set(err, st, NULL, 0, -1, "actors: %s", an_status_str(st));
  return AN_OK;
}
