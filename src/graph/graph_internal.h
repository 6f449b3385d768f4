/* graph_internal.h: the model's and the graph view's layouts, shared by
 * src/graph (which fills them) and src/export (which reads them).
 *
 * Every string in a model is interned once (an_strpool): equal strings are
 * equal pointers, so sets of ids, dates and outlets are pointer sets, and
 * memory grows with distinct values, not with events. */
#ifndef AN_GRAPH_INTERNAL_H
#define AN_GRAPH_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "actornet/graph.h"
#include "core/core.h"

/* ---- string map / pool ---- */

/* The maps' hash of n bytes (a word at a time; only table layouts depend
 * on it, never an output). */
static inline uint64_t an_strhash(const char *s, size_t n) {
  uint64_t h = 0x9e3779b97f4a7c15ull ^ ((uint64_t)n * 0xff51afd7ed558ccdull);
  while (n >= 8) {
    uint64_t w;
    memcpy(&w, s, 8);
    h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
    h ^= h >> 29;
    s += 8, n -= 8;
  }
  uint64_t w = 0;
  memcpy(&w, s, n);
  h = (h ^ w) * 0x94d049bb133111ebull;
  return h ^ (h >> 32);
}

/* Open-addressing map from NUL-terminated strings to size_t. Keys are
 * borrowed: the caller keeps them alive (the pool owns its own). A slot
 * holds hash, key and value together: one cache line read per probe on
 * tables far larger than the caches (10M-event models). */
typedef struct an_strslot {
  uint64_t hash; /* compared before the strings */
  const char *key; /* NULL: empty */
  size_t val;
} an_strslot;

typedef struct an_strmap {
  an_strslot *slots;
  size_t cap, count;
} an_strmap;

void an_strmap_init(an_strmap *m);
void an_strmap_free(an_strmap *m);
/* Index stored for key, or (size_t)-1. */
size_t an_strmap_get(const an_strmap *m, const char *key);
an_status an_strmap_put(an_strmap *m, const char *key, size_t val);

/* Interned strings: an_strpool_intern returns the pool's copy (NULL in,
 * NULL out). Strings live until an_strpool_free. */
typedef struct an_strpool {
  an_strmap map;
  char **all;
  size_t n, cap;
  char **blocks; /* the strings' storage: blocks never move */
  size_t n_blocks, cap_blocks, block_used, block_cap;
} an_strpool;

void an_strpool_init(an_strpool *p);
void an_strpool_free(an_strpool *p);
/* Owns: nothing; Borrows: the pooled copy, valid while the pool lives. NULL on ENOMEM sets *st. */
const char *an_strpool_intern(an_strpool *p, const char *s, an_status *st);

/* Like an_strpool_intern, but gives the string's number in the pool plus
 * one (0: s was NULL, or *st set on ENOMEM); an_strpool_at turns it back. */
uint32_t an_strpool_intern_ix(an_strpool *p, const char *s, an_status *st);
/* The pool's copy of the n bytes at s (they hold no NUL), and its number
 * (an_strpool_intern_ix's) in *ix if ix is not NULL. */
const char *an_strpool_intern_n(an_strpool *p, const char *s, size_t n, uint32_t *ix, an_status *st);
/* The same with the bytes' an_strhash h already computed (by a parsing thread). */
const char *an_strpool_intern_nh(an_strpool *p, const char *s, size_t n, uint64_t h, uint32_t *ix, an_status *st);
/* A copy of the n bytes at s in the pool's storage, not interned (strings
 * compared by content only, unique per document: titles, urls). */
const char *an_strpool_store_n(an_strpool *p, const char *s, size_t n, an_status *st);
/* n bytes (8-aligned) of the pool's storage, freed with the pool. */
void *an_strpool_alloc(an_strpool *p, size_t n, an_status *st);
static inline const char *an_strpool_at(const an_strpool *p, uint32_t ix) { return ix ? p->all[ix - 1] : NULL; }

/* Sorts an array of strings (strcmp), dropping NULLs and duplicates
 * (pointer-equal after interning); returns the new count. */
size_t an_strset_sort(const char **v, size_t n);

/* Open-addressing map from a pair of pointers (interned strings) to size_t:
 * no key string is built or stored. Slots as an_strmap's. */
typedef struct an_pairslot {
  const void *a, *b; /* a NULL: empty */
  size_t val;
} an_pairslot;

typedef struct an_pairmap {
  an_pairslot *slots;
  size_t cap, count;
} an_pairmap;

void an_pairmap_init(an_pairmap *m);
void an_pairmap_free(an_pairmap *m);
size_t an_pairmap_get(const an_pairmap *m, const void *a, const void *b); /* (size_t)-1 if absent */
an_status an_pairmap_put(an_pairmap *m, const void *a, const void *b, size_t val);

/* ---- event spill (spill.c) ---- */

/* Events are not kept in memory: each is one binary record appended to a
 * spill, in memory while small, then in an unlinked temporary file. Memory
 * per event is the duplicate-id index entry (16 bytes / load factor); the
 * aggregated graph is built by streaming the spill, and only outputs that
 * list events (JSON, the event multigraph) read records back. */
typedef struct an_spill {
  an_buf mem;     /* the records while size <= limit */
  FILE *f;        /* afterwards, every record (mem moved here) */
  uint64_t size;  /* bytes appended */
  size_t limit;
  int unflushed;  /* f written since the last fflush */
  char *iobuf;    /* f's stdio buffer (owned; glibc ignores a size without one) */
} an_spill;

/* Strings of a record, by pool number (an_strpool_intern_ix). */
enum {
  AN_EV_DOC, AN_EV_TYPE, AN_EV_SOURCE, AN_EV_TARGET, AN_EV_DATE, AN_EV_DATE_TEXT, AN_EV_OUTLET, AN_EV_URL,
  AN_EV_ATTRIB, AN_EV_TRIGGER, AN_EV_CAMEO, AN_EV_PLOVER, AN_EV_NSTR
};
#define AN_EVREC_DIRECTED 1u
#define AN_EVREC_DEAD 2u /* replaced by a repeat of its id with smaller content */

/* A record's fixed part; then id_len bytes of id, sent_len of sentence
 * (UINT32_MAX: none), padded to 8 bytes. */
typedef struct an_evrec {
  uint32_t len, flags;
  uint32_t src_obs, tgt_obs;
  uint32_t str[AN_EV_NSTR];
  int64_t off_start, off_end;
  double confidence;
  uint32_t id_len, sent_len;
} an_evrec;

void an_spill_init(an_spill *s, size_t limit);
void an_spill_free(an_spill *s);
/* Appends len bytes; *off gets where they start. AN_EIO if the temporary file fails. */
an_status an_spill_append(an_spill *s, const void *data, size_t len, uint64_t *off);
/* Reads the record at off into b (b->data holds it, b->len its length):
 * two preads, for a few records (many: an_spill_next, in file order). */
an_status an_spill_read(an_spill *s, uint64_t off, an_buf *b);
/* Sets a record's flags in place. */
an_status an_spill_set_flags(an_spill *s, uint64_t off, uint32_t flags);
/* Sequential reading of every record. */
typedef struct an_spill_iter {
  an_spill *s;
  uint64_t pos;   /* next record */
  an_buf buf;     /* file mode: a window of the file */
  uint64_t base;  /* file offset of buf.data[0] */
  size_t count;   /* records returned: the last one's ordinal + 1 */
  /* with keep_ckpt: the offset of every AN_SPILL_CKPT-th record (ordinal
   * 0, AN_SPILL_CKPT, ...), where a later reading can start */
  int keep_ckpt;
  an_status ckpt_st;
  uint64_t *ckpt;
  size_t n_ckpt, cap_ckpt;
} an_spill_iter;
#define AN_SPILL_CKPT ((size_t)1 << 12)

void an_spill_iter_init(an_spill_iter *it, an_spill *s);
void an_spill_iter_free(an_spill_iter *it);
/* Starts the iteration at the record of ordinal count, at offset off (a
 * checkpoint). */
void an_spill_iter_seek(an_spill_iter *it, uint64_t off, size_t count);
/* Writes what stdio holds of the file: before readers on other threads. */
an_status an_spill_flush(an_spill *s);
/* *rec: the next record (contiguous, valid until the next call), NULL at
 * the end. */
an_status an_spill_next(an_spill_iter *it, const unsigned char **rec);

/* ---- model ---- */

typedef struct an_mdoc {
  const char *id, *date, *outlet, *url, *title;
} an_mdoc;

/* One sighting of an actor: from a document record (has_record = 1) or from
 * an event's source/target object. The cross-document join (an_registry,
 * when it lands; until then the id itself) maps each sighting to an actor. */
typedef struct an_mobs {
  const char *id;   /* the id in the input */
  const char *doc;
  const char *label, *kind, *country, *key;
  const char **aliases;
  size_t n_aliases;
  long mentions;
  int has_record;
} an_mobs;

typedef struct an_maff {
  const char *doc, *person, *org, *role; /* person, org: input actor ids */
  size_t person_obs, org_obs;            /* their sightings in doc */
} an_maff;

/* An event decoded from its spill record: strings from the pool, id and
 * sentence borrowed from the record (or from who copied them). */
typedef struct an_mevent {
  const char *id, *doc, *type, *source, *target; /* source/target: input actor ids */
  size_t src_obs, tgt_obs;                      /* their sightings (an_model.obs) */
  const char *date, *date_text, *outlet, *url, *attributed_to, *trigger, *cameo, *plover;
  const char *sentence;
  long off_start, off_end;
  double confidence;
  int directed;
  uint32_t doc_ix; /* doc's pool number (an_strpool_intern_ix), 0 for none */
} an_mevent;

/* Decodes a record (an_spill_next / an_spill_read). */
void an_mevent_decode(const an_model *m, const unsigned char *rec, an_mevent *ev);

/* Duplicate-id index: id hash -> spill offset of the record that holds the id. */
typedef struct an_evslot {
  uint64_t hash, off; /* off + 1; 0 = empty slot */
} an_evslot;
typedef struct an_evindex {
  an_evslot *slots;
  size_t cap, count;
} an_evindex;

/* A merged actor (after the join). */
typedef struct an_mactor {
  const char *id, *label, *kind, *country;
  const char **aliases;
  size_t n_aliases;
  const char **docs;
  size_t n_docs;
  long mentions;
  const char **affiliations; /* "Org label (role)", sorted: where the person belongs */
  size_t n_affiliations;
} an_mactor;

struct an_model {
  an_strpool pool;
  an_mdoc *docs;
  size_t n_docs, cap_docs;
  an_strmap doc_index;
  an_mobs *obs;
  size_t n_obs, cap_obs;
  an_pairmap obs_index; /* (doc, id) -> obs: one sighting per actor and document */
  an_maff *affs;
  size_t n_affs, cap_affs;
  an_spill spill;       /* the events (records), see an_spill */
  an_evindex ev_index;
  size_t n_events;      /* live records */
  /* Joined actors: rebuilt lazily by an_model_join when obs changed. */
  an_mactor *actors;
  size_t n_actors;
  size_t *obs_actor;     /* sighting -> actors index */
  an_strmap actor_index; /* actor id, and every input id, -> actors index */
  int joined;
  struct an_arrset *alias_sets; /* sightings' alias arrays, interned (model.c): one copy per content */
};

/* Feeding one input in blocks of whole lines, parsed on `jobs` worker
 * threads (jobs <= 1: none) and applied to the model in input order: the
 * model is the same for any jobs. The feeder borrows path and m.
 * an_feeder_push takes the first upto bytes of b (whole lines, following
 * the lines pushed before; the parsing threads count them for error
 * messages) and leaves b holding the rest; errors as an_model_feed's, the
 * first one ending the feed. Lines are in the model only after
 * an_feeder_finish. */
typedef struct an_feeder an_feeder;
an_status an_feeder_new(an_model *m, const char *path, size_t jobs, an_feeder **out, an_error *err);
an_status an_feeder_push(an_feeder *f, an_buf *b, size_t upto, an_error *err);
an_status an_feeder_finish(an_feeder *f, an_error *err);
void an_feeder_free(an_feeder *f);

/* Merges the sightings into actors (sorted by id). Idempotent. */
an_status an_model_join(an_model *m, an_error *err);
/* Actor index of a sighting (after join), or (size_t)-1. */
size_t an_model_actor_of(const an_model *m, size_t obs);

/* ---- graph view ---- */

typedef struct an_gnode {
  const an_mactor *actor;
  const char *id, *label, *kind, *country; /* borrowed from the actor */
  const char *first_date, *last_date;      /* over the node's events in the view */
  long degree, indegree, outdegree;
  double strength, pagerank, betweenness;
  long community;
} an_gnode;

typedef struct an_strlist {
  const char **v;
  size_t n;
} an_strlist;

/* The lists of an aggregated edge, stored back to back (an_gedge.lists). */
enum { AN_EL_DATES, AN_EL_OUTLETS, AN_EL_DOC_IDS, AN_EL_ATTRIB, AN_EL_CAMEO, AN_EL_PLOVER, AN_EL_ROLES, AN_EL_N };

/* 64 bytes (millions of edges): lists, counts and flags packed; weight,
 * first/last date and document count come from them (accessors below). */
typedef struct an_gedge {
  uint32_t source, target; /* node indices */
  const char *relation;    /* event type, or "affiliation" */
  const char **lists;      /* the AN_EL_N sorted lists, back to back, in the graph's storage */
  uint32_t n_events;
  uint32_t n[AN_EL_N];     /* each list's length */
  uint8_t symmetric, affiliation;
  uint8_t quadclass;       /* 1..4 from the CAMEO root code, 0 unknown */
} an_gedge;

static inline an_strlist an_gedge_list(const an_gedge *e, int which) {
  size_t off = 0;
  for (int k = 0; k < which; k++) off += e->n[k];
  an_strlist l = {e->lists ? e->lists + off : NULL, e->n[which]};
  return l;
}
/* Distinct documents. */
static inline size_t an_gedge_docs(const an_gedge *e) { return e->n[AN_EL_DOC_IDS]; }
/* Distinct events; documents for affiliations. */
static inline size_t an_gedge_weight(const an_gedge *e) {
  return e->affiliation ? (e->n[AN_EL_DOC_IDS] ? e->n[AN_EL_DOC_IDS] : 1) : e->n_events;
}
static inline const char *an_gedge_first_date(const an_gedge *e) { return e->n[AN_EL_DATES] ? e->lists[0] : NULL; }
static inline const char *an_gedge_last_date(const an_gedge *e) {
  return e->n[AN_EL_DATES] ? e->lists[e->n[AN_EL_DATES] - 1] : NULL;
}

struct an_graph {
  const an_model *model;
  /* Aggregated view, unless AN_GRAPH_NO_EVENT_LISTS: the edge of each
   * spill record (by its ordinal in the spill; UINT32_MAX: in no edge),
   * and where each edge's events start among all edges' (edge e has
   * ev_start[e + 1] - ev_start[e]). Events are read back a batch of edges
   * at a time (an_evbatch), in one sequential pass over the spill. */
  uint32_t *rec_edge;
  size_t n_recs;
  size_t *ev_start;
  uint64_t *rec_ckpt; /* offset of record k * AN_SPILL_CKPT: where loading threads start */
  size_t n_ckpt;
  /* Event multigraph: the decoded events (ids and sentences copied into ev_text). */
  an_mevent *evs;
  char *ev_text;
  const an_mevent **evptr; /* edge k's event (NULL: an affiliation) */
  /* Storage of the edges' string lists (chunks). */
  const char ***chunks;
  size_t n_chunks, cap_chunks, chunk_used, chunk_cap;
  an_gnode *nodes;
  size_t n_nodes;
  an_gedge *edges;
  size_t n_edges;
  size_t n_docs;   /* documents contributing to the view */
  size_t n_events; /* events in the view */
  int events_mode;
  double max_weight;
  size_t betweenness_sources; /* 0: exact; else estimated from this many sources */
};

/* The events of a range of edges [begin, end), read back from the
 * model's spill in one sequential pass (no seek or page fault per event:
 * events of an edge are scattered over the spill) and kept as records
 * until the next load or an_evbatch_free. Reused from batch to batch. */
#define AN_EVBATCH_PARTS 16 /* loading threads, at most */
typedef struct an_evbatch {
  size_t begin, end;
  an_buf data[AN_EVBATCH_PARTS]; /* the records, each loading thread's */
  uint64_t *at; /* event k of edge e (in no order): at[ev_start[e] - ev_start[begin] + k] = offset << 8 | part */
  size_t cap_at;
  size_t *fill; /* loading: per edge, events placed */
  size_t cap_fill;
} an_evbatch;
void an_evbatch_init(an_evbatch *b);
void an_evbatch_free(an_evbatch *b);
/* The end of a batch from begin whose records take about max_bytes (0: a
 * default that keeps the passes over the spill few; at least one edge). */
size_t an_evbatch_plan(const an_graph *g, size_t begin, size_t max_bytes);
/* Loads edges [begin, end)'s records into b, on up to jobs threads (each
 * a part of the spill, from a checkpoint). AN_EIO / AN_EINTERNAL (the
 * spill), AN_ENOMEM. Not thread-safe for one model (reads its spill). */
an_status an_evbatch_load(const an_graph *g, size_t begin, size_t end, size_t jobs, an_evbatch *b);

/* The events of edge e in event order (date, doc, offset, id): the
 * multigraph's own, else decoded from the batch b holding e (empty when
 * the graph was built with AN_GRAPH_NO_EVENT_LISTS); strings borrowed from
 * b and the model. out is reused: its arrays keep their room; free with
 * an_evlist_free. Thread-safe for one b. */
typedef struct an_evlist {
  const an_mevent **v;
  size_t n, cap;
  an_mevent *store;
  an_evbatch *own; /* an_graph_edge_events' batch */
} an_evlist;
an_status an_evbatch_edge_events(const an_graph *g, const an_evbatch *b, size_t e, an_evlist *out);
/* The same for one edge into a new *out (Owns: an_evlist_free), its
 * batch loaded here: one pass over the spill each call, for single edges
 * (a whole graph goes by batches). */
an_status an_graph_edge_events(const an_graph *g, size_t e, an_evlist *out, an_error *err);
void an_evlist_free(an_evlist *l);
/* Event order in an edge: dated first, then date, doc, offset, id. */
int an_mevent_cmp(const an_mevent *a, const an_mevent *b);

/* Metrics (metrics.c): fills degree..community of every node. */
an_status an_graph_metrics(an_graph *g, an_error *err);

/* Whether an event type is symmetric when the record says nothing. */
int an_relation_symmetric(const char *type);

#endif
