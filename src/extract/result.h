/* result.h: one document's extraction result (an_result) built from the
 * rule engine's events: dates, outlet and attribution attached, ids
 * computed; and its JSON Lines form (README "Event records"). */
#ifndef AN_EXTRACT_RESULT_H
#define AN_EXTRACT_RESULT_H

#include "actornet/extract.h"
#include "core/core.h"
#include "extract/rules.h"

typedef struct an_revent {
  char id[17];
  const char *type; /* static type name */
  uint32_t src, dst;
  int directed, modal;
  char date[11]; /* "" when none */
  char *date_text, *attributed_to, *sentence, *trigger, *cameo, *plover;
  size_t off_a, off_b;
  double confidence;
} an_revent;

struct an_result {
  char *doc_id, *date, *outlet, *url, *title; /* in arena, as the events' strings */
  an_doc_actors *acts; /* owned */
  an_revent *ev;       /* their strings live in the arena */
  size_t n_ev;
  an_arena arena;      /* every string of the result */
};

/* Maps a normalized byte offset to the original document's. */
typedef size_t (*an_offset_fn)(const void *ctx, size_t norm_off);

/* Builds the result of one document from its view (whose actors the result
 * takes over: acts is freed with the result, even on failure).
 * Owns: *out on AN_OK (an_result_free). */
an_status an_result_build(const an_resources *res, an_workspace *ws, const an_doc *doc, const an_xview *v,
                          an_doc_actors *acts, an_offset_fn orig, const void *orig_ctx, unsigned opts,
                          an_result **out, an_error *err);

/* Appends the result's JSON Lines (what an_result_write_jsonl writes) to
 * out. On failure out is left as it was. Borrows: r. */
an_status an_result_write_buf(const an_result *r, an_buf *out, an_error *err);

/* The document date: metadata, else a date line in the text. iso gets
 * "" when none (>= 11 bytes). */
void an_doc_date(const an_resources *res, an_workspace *ws, const an_doc *doc, const char *norm, size_t len,
                 char *iso);

/* The outlet from a credit line in the text ("Source » X", "(Reuters) -"),
 * or NULL. Owns: the string (an_free). */
char *an_outlet_detect(const an_resources *res, an_workspace *ws, const char *norm, size_t len);

#endif
