/* actornet.h: the whole public API of libactornet.
 *
 *   io.h       read documents (text files, folders, JSONL, stdin)
 *   text.h     normalize text, split sentences and tokens, map offsets back
 *   extract.h  resources, per-document extraction of actors and events
 *   graph.h    the igraph model built from events, filters, metrics
 *   export.h   writers: GraphML, GEXF, DOT, JSON, CSV; rendering
 *   store.h    the incremental SQLite store of documents, actors and events
 *
 * Conventions: functions return an_status (0 = AN_OK) and take an_error *err
 * last; _new/_free pairs; the caller owns what it asked for unless a
 * comment says "Borrows". */
#ifndef ACTORNET_H
#define ACTORNET_H

#include "actornet/version.h"
#include "error.h"
#include "io.h"
#include "text.h"
#include "extract.h"
#include "graph.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Run-time version, equal to AN_VERSION / AN_VERSION_STRING of the headers
 * the library was built with. */
AN_EXPORT int an_version(void);
AN_EXPORT const char *an_version_string(void);

#ifdef __cplusplus
}
#endif
#endif
