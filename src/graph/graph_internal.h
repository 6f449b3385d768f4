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

#include "actornet/graph.h"

/* ---- string map / pool ---- */

/* Open-addressing map from NUL-terminated strings to size_t. Keys are
 * borrowed: the caller keeps them alive (the pool owns its own). */
typedef struct an_strmap {
  const char **keys;
  uint64_t *hashes; /* compared before the strings */
  size_t *vals;
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
} an_strpool;

void an_strpool_init(an_strpool *p);
void an_strpool_free(an_strpool *p);
/* Owns: nothing; Borrows: the pooled copy, valid while the pool lives. NULL on ENOMEM sets *st. */
const char *an_strpool_intern(an_strpool *p, const char *s, an_status *st);

/* Sorts an array of strings (strcmp), dropping NULLs and duplicates
 * (pointer-equal after interning); returns the new count. */
size_t an_strset_sort(const char **v, size_t n);

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

typedef struct an_mevent {
  const char *id, *doc, *type, *source, *target; /* source/target: input actor ids */
  size_t src_obs, tgt_obs;                      /* their sightings (an_model.obs) */
  const char *date, *date_text, *outlet, *url, *attributed_to, *trigger, *cameo, *plover;
  char *sentence; /* owned */
  long off_start, off_end;
  double confidence;
  int directed;
} an_mevent;

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
  an_strmap obs_index; /* "doc\x1fid" -> obs: one sighting per actor and document */
  an_maff *affs;
  size_t n_affs, cap_affs;
  an_mevent *events;
  size_t n_events, cap_events;
  an_strmap event_index;
  /* Joined actors: rebuilt lazily by an_model_join when obs changed. */
  an_mactor *actors;
  size_t n_actors;
  size_t *obs_actor;     /* sighting -> actors index */
  an_strmap actor_index; /* actor id, and every input id, -> actors index */
  int joined;
};

/* an_model_feed for a block of a longer input whose first line is line
 * first_line + 1 (errors name the line in the whole input): callers that
 * stream a file feed it block by block, whole lines each. */
an_status an_model_feed_lines(an_model *m, const char *data, size_t len, const char *path, long first_line,
                              an_error *err);

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

typedef struct an_gedge {
  size_t source, target; /* node indices */
  const char *relation;  /* event type, or "affiliation" */
  int symmetric;
  int affiliation;
  const an_mevent **events; /* sorted by date, doc, offset, id */
  size_t n_events;
  size_t weight;            /* distinct events; documents for affiliations */
  size_t n_docs;
  const char *first_date, *last_date;
  an_strlist dates, outlets, doc_ids, attributed_to, cameo, plover, roles;
  long quadclass; /* 1..4 from the CAMEO root code, 0 unknown */
} an_gedge;

struct an_graph {
  const an_model *model;
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

/* Metrics (metrics.c): fills degree..community of every node. */
an_status an_graph_metrics(an_graph *g, an_error *err);

/* Whether an event type is symmetric when the record says nothing. */
int an_relation_symmetric(const char *type);

#endif
