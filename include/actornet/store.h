/* store.h: the incremental store. An SQLite database that keeps, per
 * document, exactly the events JSONL `actornet extract` writes (one document
 * record, then its events), so that a corpus can be extracted a piece at a
 * time and built from the whole later.
 *
 * Identity: a document is its id plus a content hash (an_store_doc_hash).
 * Adding a document already stored with the same hash changes nothing;
 * adding one with the same id and another hash replaces its actors,
 * affiliations and events (it keeps its place in the export order).
 *
 * Crash safety: each document is added inside its own savepoint, within the
 * caller's batch transaction (an_store_begin/an_store_commit) if one is
 * open. The database runs in WAL mode, so killing the process at any moment
 * leaves every document either fully stored or absent; a re-run adds what is
 * missing. The schema is versioned (PRAGMA user_version) and migrated on
 * open; src/store/schema.sql documents it.
 *
 * Threads: an an_store is used by one thread at a time. Several processes
 * may open the same file; writers wait up to AN_STORE_BUSY_MS for the lock. */
#ifndef ACTORNET_STORE_H
#define ACTORNET_STORE_H

#include <stddef.h>
#include <stdio.h>
#include "error.h"
#include "export.h"
#include "io.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct an_store an_store;

/* Current schema version (PRAGMA user_version of a store this build writes). */
#define AN_STORE_SCHEMA_VERSION 2
/* How long a writer waits for another process's lock before AN_EDB. */
#define AN_STORE_BUSY_MS 10000
/* Hex digits of a content hash (SHA-256), without the terminating NUL. */
#define AN_STORE_HASH_LEN 64

/* Open flags (style.md C3: 0 = create or open for writing). */
#define AN_STORE_READONLY (1u << 0) /* open an existing store for reading only */

/* Opens the store at path, creating it (unless AN_STORE_READONLY) and
 * migrating an older schema. Fails with AN_ENOTFOUND for a missing file in
 * read-only mode, AN_EDB for a file that is not an actornet store (another
 * SQLite database, a non-database file), a schema newer than this build, or
 * a path that cannot be opened or written. err->path is the store's path.
 * Owns: *out on AN_OK (an_store_free); NULL otherwise. */
AN_EXPORT an_status an_store_open(const char *path, unsigned flags, an_store **out,
                                  an_error *err);
/* Closes the store; an open batch is rolled back. NULL is a no-op. */
AN_EXPORT void an_store_free(an_store *st);

/* Schema version of the open store (AN_STORE_SCHEMA_VERSION after open,
 * unless read-only on an older one). */
AN_EXPORT int an_store_schema_version(const an_store *st);

/* Writes into out (AN_STORE_HASH_LEN + 1 bytes) the lowercase hex SHA-256 of
 * what extraction reads from doc: its text and its date, outlet, url and
 * title (each length-prefixed, so no two documents hash alike by shifting
 * bytes between fields). Never fails. */
AN_EXPORT void an_store_doc_hash(const an_doc *doc, char out[AN_STORE_HASH_LEN + 1]);

/* The same, with salt (NULL = none, equal to an_store_doc_hash) hashed in
 * too: what else decides the records, such as the actornet version, the
 * extraction options and a hash of the --actors file. With a salt, a
 * document is extracted again when any of these changes, instead of being
 * skipped as already stored. */
AN_EXPORT void an_store_doc_hash_salted(const an_doc *doc, const char *salt,
                                        char out[AN_STORE_HASH_LEN + 1]);

/* What the store holds for a document id. */
typedef enum an_store_state {
  AN_STORE_ABSENT = 0,  /* no document with this id */
  AN_STORE_SAME = 1,    /* stored with this content hash: skip it */
  AN_STORE_CHANGED = 2  /* stored with another hash: re-extract and add */
} an_store_state;

/* Looks a document up by id and content hash (hash may be NULL: then any
 * stored document is AN_STORE_SAME). */
AN_EXPORT an_status an_store_has_doc(an_store *st, const char *doc_id, const char *hash,
                                     an_store_state *state, an_error *err);

/* Batches: between begin and commit, added documents become visible and
 * durable together; one transaction per batch (say every 100-1000
 * documents) is much faster than one per document. Without a batch, each
 * an_store_add_doc commits by itself. rollback drops the batch; it is safe
 * to call with no batch open. */
AN_EXPORT an_status an_store_begin(an_store *st, an_error *err);
AN_EXPORT an_status an_store_commit(an_store *st, an_error *err);
AN_EXPORT void an_store_rollback(an_store *st);

/* What an_store_add_doc did. */
typedef enum an_store_added {
  AN_STORE_UNCHANGED = 0, /* same id and hash already stored: nothing written */
  AN_STORE_INSERTED = 1,  /* a new document */
  AN_STORE_REPLACED = 2   /* same id, another hash: old records replaced */
} an_store_added;

/* Adds one document given as the events JSONL extraction writes for it:
 * `len` bytes of lines, first a "document" record, then its "event" records
 * (each with "doc" equal to the document's id; blank lines ignored). Each
 * line is stored verbatim (export gives it back byte for byte) and also
 * split into queryable columns. hash is the document's content hash
 * (an_store_doc_hash); NULL uses the SHA-256 of the lines themselves.
 * All or nothing: on failure (AN_EDATA for a malformed or misplaced
 * record, a duplicate event id; AN_EDB) nothing of the document is stored
 * and an open batch goes on. err->line is the line within jsonl.
 * added may be NULL. */
AN_EXPORT an_status an_store_add_doc(an_store *st, const char *hash, const char *jsonl,
                                     size_t len, an_store_added *added, an_error *err);

/* Adds a whole events JSONL stream (any number of documents, as `actornet
 * extract` writes them) in batches of `batch` documents (0 = 500), each
 * document hashed from its lines. err->line is the line in the stream.
 * Counts (may be NULL) get documents inserted and replaced by committed
 * batches (on failure, the batches before the failing one stay stored). */
AN_EXPORT an_status an_store_import_jsonl(an_store *st, FILE *in, const char *path,
                                          size_t batch, size_t *inserted, size_t *replaced,
                                          an_error *err);

/* Selection for reading events back; NULL or all-zero = everything.
 * Arrays end with a NULL entry. Dates compare at the precision both sides
 * have ("2024-03" is within since "2024-03-15"); an event with no date is
 * left out when since or until is set. Document records are written for
 * every selected document, whether or not any of its events pass. */
typedef struct an_store_filter {
  const char *const *doc_ids; /* only these documents */
  const char *const *types;   /* only events of these types */
  const char *since, *until;  /* ISO dates, inclusive; NULL = open */
} an_store_filter;

/* Called with each stored record line (no newline), documents in the order
 * they were first stored, each followed by its events in their order.
 * Return non-zero to stop: an_store_scan then returns AN_EINTR. fn must not
 * call into the same an_store (its statements are in use).
 * Borrows: line is valid during the call only. */
typedef int (*an_store_line_fn)(void *ctx, const char *line, size_t len);

AN_EXPORT an_status an_store_scan(an_store *st, const an_store_filter *filter,
                                  an_store_line_fn fn, void *ctx, an_error *err);

/* Writes the selected records as events JSONL, one line each: the same
 * bytes extraction wrote, so building from this equals building from the
 * original JSONL files. AN_EIO if a write fails. */
AN_EXPORT an_status an_store_export_jsonl(an_store *st, const an_store_filter *filter,
                                          FILE *out, an_error *err);

/* Totals, for progress and tests (any pointer may be NULL). */
AN_EXPORT an_status an_store_counts(an_store *st, size_t *docs, size_t *actors,
                                    size_t *events, an_error *err);

#ifdef __cplusplus
}
#endif
#endif
