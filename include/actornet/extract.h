/* extract.h: from a document to actors and events.
 *
 * an_resources holds everything read-only (gazetteer, trigger lexicon,
 * titles, date words, compiled patterns); load it once and share it between
 * threads. an_workspace holds one thread's scratch (match data, buffers).
 * an_extract_doc is pure per document: same document and resources, same
 * result, whatever ran before; that is what makes -j N and shard-and-merge
 * runs equal to one run. */
#ifndef ACTORNET_EXTRACT_H
#define ACTORNET_EXTRACT_H

#include <stdio.h>
#include "error.h"
#include "export.h"
#include "io.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct an_resources an_resources;
typedef struct an_workspace an_workspace;
typedef struct an_result an_result;

/* Extraction options: bits, 0 = defaults (style.md C3). */
#define AN_OPT_KEEP_MODAL (1u << 0) /* also emit negated/planned/hypothetical events, marked "modal" */
#define AN_OPT_NO_COREF (1u << 1)   /* no pronoun/description resolution (for diagnosis) */

/* The built-in data directory: $ACTORNET_DATA if set, else the installed
 * one, else the source tree's data/ (for running from a build tree).
 * Borrows: static storage or the environment. */
AN_EXPORT const char *an_default_data_dir(void);

/* Loads data_dir (gazetteer/, lexicon/) and, if not NULL, the user's
 * actors file, whose entries add to or override built-in ones by id.
 * Owns: *out on AN_OK (an_resources_free); NULL otherwise. Immutable. */
AN_EXPORT an_status an_resources_load(const char *data_dir, const char *user_actors,
                                      an_resources **out, an_error *err);
AN_EXPORT void an_resources_free(an_resources *res);

/* Owns: *out on AN_OK (an_workspace_free). One per thread. */
AN_EXPORT an_status an_workspace_new(const an_resources *res, an_workspace **out, an_error *err);
AN_EXPORT void an_workspace_free(an_workspace *ws);

/* Extracts the actors, affiliations and events of one document.
 * Owns: *out on AN_OK (an_result_free). */
AN_EXPORT an_status an_extract_doc(const an_resources *res, an_workspace *ws, const an_doc *doc,
                                   unsigned opts, an_result **out, an_error *err);
AN_EXPORT void an_result_free(an_result *r);

/* Writes the result as JSON Lines: one "document" record (actors and
 * affiliations of the document) followed by one "event" record per event,
 * in text order (README, "Event records"). */
AN_EXPORT an_status an_result_write_jsonl(const an_result *r, FILE *out, an_error *err);

/* Counts, for progress and tests. */
AN_EXPORT size_t an_result_event_count(const an_result *r);
AN_EXPORT size_t an_result_actor_count(const an_result *r);

#ifdef __cplusplus
}
#endif
#endif
