/* store.c: the incremental SQLite store (include/actornet/store.h). The
 * layout is documented in src/store/schema.sql; MIGRATIONS below builds it
 * step by step, so an older store is brought up to date on open. */
#include "actornet/store.h"

#include <cjson/cJSON.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "store/sha256.h"

/* PRAGMA application_id: "anet". Tells our stores from other databases. */
#define AN_STORE_APP_ID 0x616e6574

/* MIGRATIONS[v] takes a store from user_version v to v + 1. Append only:
 * a released step never changes (stores in the field ran it already). */
static const char *const MIGRATIONS[AN_STORE_SCHEMA_VERSION] = {
    /* 0 -> 1: documents, actors, events. */
    "CREATE TABLE documents (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
    " hash TEXT NOT NULL, date TEXT, outlet TEXT, url TEXT, title TEXT,"
    " added TEXT NOT NULL, json TEXT NOT NULL);"
    "CREATE TABLE actors (doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,"
    " ord INTEGER NOT NULL, id TEXT NOT NULL, label TEXT NOT NULL, kind TEXT NOT NULL,"
    " country TEXT, aliases TEXT NOT NULL DEFAULT '[]', mentions INTEGER NOT NULL DEFAULT 0,"
    " key TEXT, PRIMARY KEY (doc, ord)) WITHOUT ROWID;"
    "CREATE INDEX actors_id ON actors(id);"
    "CREATE TABLE events (id TEXT PRIMARY KEY,"
    " doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,"
    " ord INTEGER NOT NULL, type TEXT NOT NULL, source_id TEXT NOT NULL, source_label TEXT,"
    " source_kind TEXT, target_id TEXT NOT NULL, target_label TEXT, target_kind TEXT,"
    " directed INTEGER, date TEXT, date_text TEXT, outlet TEXT, url TEXT, attributed_to TEXT,"
    " sentence TEXT, off_start INTEGER, off_end INTEGER, trigger TEXT, confidence REAL,"
    " cameo TEXT, plover TEXT, json TEXT NOT NULL, UNIQUE (doc, ord));",
    /* 1 -> 2: affiliations, backfilled from the document records already
     * stored (their json keeps the "affiliations" array). No indexes on
     * events beyond (doc, ord) and id: each would cost a tenth of the
     * insert time, and reading back goes by document. */
    "CREATE TABLE affiliations (doc INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,"
    " ord INTEGER NOT NULL, person TEXT NOT NULL, org TEXT NOT NULL, role TEXT,"
    " PRIMARY KEY (doc, ord)) WITHOUT ROWID;"
    "CREATE INDEX affiliations_person ON affiliations(person);"
    "INSERT INTO affiliations (doc, ord, person, org, role)"
    " SELECT d.seq, a.key, json_extract(a.value, '$.person'), json_extract(a.value, '$.org'),"
    "        json_extract(a.value, '$.role')"
    " FROM documents d, json_each(d.json, '$.affiliations') a"
    " WHERE json_type(a.value, '$.person') = 'text' AND json_type(a.value, '$.org') = 'text';",
};

/* Prepared once per store, on first use. */
enum {
  Q_FIND_DOC,
  Q_INSERT_DOC,
  Q_UPDATE_DOC,
  Q_DELETE_ACTORS,
  Q_DELETE_AFFIL,
  Q_DELETE_EVENTS,
  Q_INSERT_ACTOR,
  Q_INSERT_AFFIL,
  Q_INSERT_EVENT,
  Q_SCAN_DOCS,
  Q_SCAN_EVENTS,
  Q_COUNT_
};

static const char *const QUERIES[Q_COUNT_] = {
    [Q_FIND_DOC] = "SELECT seq, hash FROM documents WHERE id = ?1",
    [Q_INSERT_DOC] = "INSERT INTO documents (id, hash, date, outlet, url, title, added, json)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                     " strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?7)",
    [Q_UPDATE_DOC] = "UPDATE documents SET hash = ?2, date = ?3, outlet = ?4, url = ?5,"
                     " title = ?6, added = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), json = ?7"
                     " WHERE seq = ?1",
    [Q_DELETE_ACTORS] = "DELETE FROM actors WHERE doc = ?1",
    [Q_DELETE_AFFIL] = "DELETE FROM affiliations WHERE doc = ?1",
    [Q_DELETE_EVENTS] = "DELETE FROM events WHERE doc = ?1",
    [Q_INSERT_ACTOR] = "INSERT INTO actors (doc, ord, id, label, kind, country, aliases,"
                       " mentions, key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    [Q_INSERT_AFFIL] = "INSERT INTO affiliations (doc, ord, person, org, role)"
                       " VALUES (?1, ?2, ?3, ?4, ?5)",
    [Q_INSERT_EVENT] = "INSERT INTO events (id, doc, ord, type, source_id, source_label,"
                       " source_kind, target_id, target_label, target_kind, directed, date,"
                       " date_text, outlet, url, attributed_to, sentence, off_start, off_end,"
                       " trigger, confidence, cameo, plover, json) VALUES (?1, ?2, ?3, ?4,"
                       " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
                       " ?19, ?20, ?21, ?22, ?23, ?24)",
    [Q_SCAN_DOCS] = "SELECT seq, json FROM documents"
                    " WHERE ?1 IS NULL OR id IN (SELECT value FROM json_each(?1))"
                    " ORDER BY seq",
    /* Dates compare on the precision both sides have: substr to the shorter. */
    [Q_SCAN_EVENTS] =
        "SELECT json FROM events WHERE doc = ?1"
        " AND (?2 IS NULL OR type IN (SELECT value FROM json_each(?2)))"
        " AND (?3 IS NULL OR (date IS NOT NULL AND substr(date, 1, min(length(date), length(?3)))"
        "      >= substr(?3, 1, min(length(date), length(?3)))))"
        " AND (?4 IS NULL OR (date IS NOT NULL AND substr(date, 1, min(length(date), length(?4)))"
        "      <= substr(?4, 1, min(length(date), length(?4)))))"
        " ORDER BY ord",
};

struct an_store {
  sqlite3 *db;
  char path[256];
  unsigned flags;
  int version;
  int in_batch;
  sqlite3_stmt *q[Q_COUNT_];
};

/* Copies sqlite3_errmsg at once: the next call on the connection would
 * overwrite it (style.md section 7). */
static an_status db_fail(an_store *st, an_error *err, const char *what) {
  return an_error_set(err, AN_EDB, st->path, 0, -1, "%s: %s", what, sqlite3_errmsg(st->db));
}

static an_status exec(an_store *st, const char *sql, an_error *err) {
  if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK) return db_fail(st, err, sql);
  return AN_OK;
}

static an_status stmt(an_store *st, int which, sqlite3_stmt **out, an_error *err) {
  if (!st->q[which] &&
      sqlite3_prepare_v3(st->db, QUERIES[which], -1, SQLITE_PREPARE_PERSISTENT, &st->q[which],
                         NULL) != SQLITE_OK)
    return db_fail(st, err, "preparing a statement");
  sqlite3_reset(st->q[which]);
  sqlite3_clear_bindings(st->q[which]);
  *out = st->q[which];
  return AN_OK;
}

/* Runs a statement that returns no rows. */
static an_status step_done(an_store *st, sqlite3_stmt *s, const char *what, an_error *err) {
  int rc = sqlite3_step(s);
  an_status r = rc == SQLITE_DONE ? AN_OK : db_fail(st, err, what);
  sqlite3_reset(s);
  return r;
}

/* Reads one integer; what names the step in an error ("cannot read the
 * store: file is not a database"). */
static an_status pragma_int(an_store *st, const char *sql, const char *what, int *out,
                            an_error *err) {
  sqlite3_stmt *s = NULL;
  if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) return db_fail(st, err, what);
  int rc = sqlite3_step(s);
  an_status r = AN_OK;
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int(s, 0);
  else
    r = db_fail(st, err, what);
  sqlite3_finalize(s);
  return r;
}

/* Switches the store to WAL (a persistent setting, so only the first open
 * of a new store changes anything). Switching needs the file to itself and
 * SQLite does not wait for it under the busy timeout: two processes
 * creating one store at once would see "database is locked". So retry. */
static an_status set_wal(an_store *st, an_error *err) {
  for (int waited = 0;; waited += 10) {
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(st->db, "PRAGMA journal_mode = WAL", -1, &s, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_step(s);
    int wal = rc == SQLITE_ROW && sqlite3_stricmp((const char *)sqlite3_column_text(s, 0), "wal") == 0;
    sqlite3_finalize(s);
    if (wal) return AN_OK;
    if (rc == SQLITE_ROW)
      return an_error_set(err, AN_EDB, st->path, 0, -1,
                          "cannot switch the store to WAL mode (a file system without"
                          " shared memory?)");
    if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED) {
      return db_fail(st, err, "cannot switch the store to WAL mode");
    }
    if (waited >= AN_STORE_BUSY_MS) return db_fail(st, err, "cannot switch the store to WAL mode");
    sqlite3_sleep(10);
  }
}

/* Checks that the file is ours (or empty) and brings its schema to the
 * current version, in one write transaction so two processes opening a new
 * store at once do not both migrate. */
static an_status check_and_migrate(an_store *st, an_error *err) {
  int app = 0, ver = 0, objects = 0;
  int writable = !(st->flags & AN_STORE_READONLY);
  an_status r = AN_OK;
  /* A store another process is writing waits here, up to AN_STORE_BUSY_MS. */
  if (writable && (r = exec(st, "BEGIN IMMEDIATE", err)) != AN_OK) return r;
  if ((r = pragma_int(st, "PRAGMA application_id", "cannot read the store", &app, err)) ||
      (r = pragma_int(st, "PRAGMA user_version", "cannot read the store", &ver, err)) ||
      (r = pragma_int(st, "SELECT count(*) FROM sqlite_schema", "cannot read the store",
                      &objects, err)))
    goto done;
  if (app != AN_STORE_APP_ID && (app != 0 || objects != 0 || ver != 0)) {
    r = an_error_set(err, AN_EDB, st->path, 0, -1,
                     "not an actornet store (an SQLite database of another application)");
    goto done;
  }
  if (ver > AN_STORE_SCHEMA_VERSION) {
    r = an_error_set(err, AN_EDB, st->path, 0, -1,
                     "store schema version %d is newer than this actornet's (%d)", ver,
                     AN_STORE_SCHEMA_VERSION);
    goto done;
  }
  if (!writable) {
    if (ver == 0)
      r = an_error_set(err, AN_EDB, st->path, 0, -1, "empty database, not an actornet store");
    st->version = ver; /* every version can be read: scans use version 1 columns */
    goto done;
  }
  for (; ver < AN_STORE_SCHEMA_VERSION; ver++) {
    char sql[96];
    if ((r = exec(st, MIGRATIONS[ver], err)) != AN_OK) goto done;
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", ver + 1);
    if ((r = exec(st, sql, err)) != AN_OK) goto done;
  }
  if (app != AN_STORE_APP_ID) {
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d", AN_STORE_APP_ID);
    if ((r = exec(st, sql, err)) != AN_OK) goto done;
  }
  st->version = ver;
  r = exec(st, "COMMIT", err);
done:
  if (r != AN_OK && writable) sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
  return r;
}

an_status an_store_open(const char *path, unsigned flags, an_store **out, an_error *err) {
  *out = NULL;
  if (!path || !*path) return an_error_set(err, AN_EINVAL, NULL, 0, -1, "no store path given");
  an_store *st = an_calloc(1, sizeof *st);
  if (!st) return an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
  snprintf(st->path, sizeof st->path, "%s", path);
  st->flags = flags;
  int ro = (flags & AN_STORE_READONLY) != 0;
  an_status r = AN_OK;
  if (ro) {
    FILE *f = fopen(path, "rb");
    if (!f) {
      r = an_error_set(err, AN_ENOTFOUND, path, 0, -1, "cannot open store: no such file");
      goto done;
    }
    fclose(f);
  }
  /* EXRESCODE: extended result codes in errors; NOFOLLOW is not used so a
   * symlinked store works. */
  int oflags = (ro ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
               SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  if (sqlite3_open_v2(path, &st->db, oflags, NULL) != SQLITE_OK) {
    r = st->db ? db_fail(st, err, "cannot open store")
               : an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
    goto done;
  }
  sqlite3_busy_timeout(st->db, AN_STORE_BUSY_MS);
  sqlite3_extended_result_codes(st->db, 1);
  if ((r = exec(st, "PRAGMA foreign_keys = ON", err)) != AN_OK) goto done;
  if (!ro) {
    /* WAL: a killed writer leaves the last committed state; readers (build)
     * do not block the writer. NORMAL sync is durable against process death,
     * and against power loss loses at most the last batches, never
     * consistency. */
    int app = 0;
    /* Read something first so a non-database file fails here with "file is
     * not a database" rather than after switching journal mode. */
    if ((r = pragma_int(st, "PRAGMA application_id", "cannot read the store", &app, err)))
      goto done;
    if ((r = set_wal(st, err)) != AN_OK) goto done;
    if ((r = exec(st, "PRAGMA synchronous = NORMAL", err)) != AN_OK) goto done;
    /* Each insert in a batch keeps a statement journal of the pages it
     * changes (so a failing constraint undoes only that statement); on disk
     * that was two writes per page, three quarters of all writes. */
    if ((r = exec(st, "PRAGMA temp_store = MEMORY", err)) != AN_OK) goto done;
  }
  r = check_and_migrate(st, err);
done:
  if (r != AN_OK) {
    an_store_free(st);
    return r;
  }
  *out = st;
  return AN_OK;
}

void an_store_free(an_store *st) {
  if (!st) return;
  for (int i = 0; i < Q_COUNT_; i++) sqlite3_finalize(st->q[i]);
  if (st->db) {
    if (st->in_batch) sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(st->db);
  }
  an_free(st);
}

int an_store_schema_version(const an_store *st) { return st ? st->version : 0; }

static void hash_field(an_sha256 *h, const char *s, size_t len, int present) {
  /* A length prefix (and a marker for NULL) keeps fields apart. */
  unsigned char pre[9];
  uint64_t n = present ? (uint64_t)len : 0;
  pre[0] = present ? 1 : 0;
  for (int i = 0; i < 8; i++) pre[1 + i] = (unsigned char)(n >> (8 * i));
  an_sha256_update(h, pre, sizeof pre);
  if (present && len) an_sha256_update(h, s, len);
}

void an_store_doc_hash_salted(const an_doc *doc, const char *salt,
                              char out[AN_STORE_HASH_LEN + 1]) {
  an_sha256 h;
  an_sha256_init(&h);
  hash_field(&h, doc->text, doc->text ? doc->len : 0, doc->text != NULL);
  const char *meta[4] = {doc->date, doc->outlet, doc->url, doc->title};
  for (int i = 0; i < 4; i++) hash_field(&h, meta[i], meta[i] ? strlen(meta[i]) : 0, meta[i] != NULL);
  /* No salt adds nothing, so unsalted hashes stay what they were. */
  if (salt) hash_field(&h, salt, strlen(salt), 1);
  an_sha256_final_hex(&h, out);
}

void an_store_doc_hash(const an_doc *doc, char out[AN_STORE_HASH_LEN + 1]) {
  an_store_doc_hash_salted(doc, NULL, out);
}

an_status an_store_has_doc(an_store *st, const char *doc_id, const char *hash,
                           an_store_state *state, an_error *err) {
  sqlite3_stmt *s = NULL;
  *state = AN_STORE_ABSENT;
  an_status r = stmt(st, Q_FIND_DOC, &s, err);
  if (r != AN_OK) return r;
  sqlite3_bind_text(s, 1, doc_id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) {
    const char *h = (const char *)sqlite3_column_text(s, 1);
    *state = !hash || (h && strcmp(h, hash) == 0) ? AN_STORE_SAME : AN_STORE_CHANGED;
  } else if (rc != SQLITE_DONE) {
    r = db_fail(st, err, "looking up a document");
  }
  sqlite3_reset(s);
  return r;
}

an_status an_store_begin(an_store *st, an_error *err) {
  if (st->in_batch)
    return an_error_set(err, AN_EINVAL, st->path, 0, -1, "a batch is already open");
  /* IMMEDIATE: take the write lock now, so a busy store waits here (under
   * the busy timeout) instead of failing halfway through a batch. */
  an_status r = exec(st, "BEGIN IMMEDIATE", err);
  if (r == AN_OK) st->in_batch = 1;
  return r;
}

an_status an_store_commit(an_store *st, an_error *err) {
  if (!st->in_batch) return an_error_set(err, AN_EINVAL, st->path, 0, -1, "no batch is open");
  an_status r = exec(st, "COMMIT", err);
  if (r != AN_OK) {
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
  }
  st->in_batch = 0;
  return r;
}

void an_store_rollback(an_store *st) {
  if (!st || !st->in_batch) return;
  sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
  st->in_batch = 0;
}

/* ---- parsing one document's records ---- */

/* Reads an optional string member: NULL when absent or null. */
static an_status opt_str(const cJSON *obj, const char *key, const char **out, const char *doc,
                         long line, an_error *err) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  *out = NULL;
  if (!v || cJSON_IsNull(v)) return AN_OK;
  if (!cJSON_IsString(v))
    return an_error_set(err, AN_EDATA, NULL, line, -1, "document %s: \"%s\" is not a string",
                        doc, key);
  *out = v->valuestring;
  return AN_OK;
}

static an_status req_str(const cJSON *obj, const char *key, const char **out, const char *doc,
                         long line, an_error *err) {
  an_status r = opt_str(obj, key, out, doc, line, err);
  if (r == AN_OK && (!*out || !**out))
    r = an_error_set(err, AN_EDATA, NULL, line, -1, "document %s: missing \"%s\"", doc, key);
  return r;
}

/* A JSON number as an integer column: NaN, infinities and values beyond
 * int64 (possible in hand-made input) are clamped, never undefined. */
static sqlite3_int64 to_i64(double v) {
  if (!(v == v)) return 0;
  if (v >= 9.2e18) return INT64_MAX;
  if (v <= -9.2e18) return INT64_MIN;
  return (sqlite3_int64)v;
}

/* A record line, whatever its length (bind_text takes an int). */
static void bind_line(sqlite3_stmt *s, int i, const char *p, size_t n) {
  sqlite3_bind_text64(s, i, p, (sqlite3_uint64)n, SQLITE_STATIC, SQLITE_UTF8);
}

static void bind_opt(sqlite3_stmt *s, int i, const char *v) {
  if (v)
    sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null(s, i);
}

/* Parses one line; AN_EDATA with the position cJSON reports. */
static an_status parse_line(const char *p, size_t n, long line, cJSON **out, an_error *err) {
  const char *end = NULL;
  *out = cJSON_ParseWithLengthOpts(p, n, &end, 0);
  if (!*out) {
    long off = end && end >= p ? (long)(end - p) : -1;
    return an_error_set(err, AN_EDATA, NULL, line, off, "broken JSON record at column %ld", off + 1);
  }
  if (!cJSON_IsObject(*out)) {
    cJSON_Delete(*out);
    *out = NULL;
    return an_error_set(err, AN_EDATA, NULL, line, 0, "record is not a JSON object");
  }
  return AN_OK;
}

static const char *record_kind(const cJSON *o) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "record");
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

static an_status add_actors(an_store *st, sqlite3_int64 seq, const cJSON *rec, const char *doc,
                            an_error *err) {
  const cJSON *arr = cJSON_GetObjectItemCaseSensitive(rec, "actors");
  an_status r = AN_OK;
  if (!arr || cJSON_IsNull(arr)) return AN_OK;
  if (!cJSON_IsArray(arr))
    return an_error_set(err, AN_EDATA, NULL, 1, -1, "document %s: \"actors\" is not an array",
                        doc);
  int ord = 0;
  for (const cJSON *a = arr->child; a; a = a->next, ord++) {
    const char *id, *label, *kind, *country, *key;
    sqlite3_stmt *s = NULL;
    if (!cJSON_IsObject(a))
      return an_error_set(err, AN_EDATA, NULL, 1, -1, "document %s: actor %d is not an object",
                          doc, ord);
    if ((r = req_str(a, "id", &id, doc, 1, err)) || (r = req_str(a, "label", &label, doc, 1, err)) ||
        (r = req_str(a, "kind", &kind, doc, 1, err)) ||
        (r = opt_str(a, "country", &country, doc, 1, err)) ||
        (r = opt_str(a, "key", &key, doc, 1, err)))
      return r;
    const cJSON *aliases = cJSON_GetObjectItemCaseSensitive(a, "aliases");
    const cJSON *mentions = cJSON_GetObjectItemCaseSensitive(a, "mentions");
    if (aliases && !cJSON_IsArray(aliases) && !cJSON_IsNull(aliases))
      return an_error_set(err, AN_EDATA, NULL, 1, -1,
                          "document %s: actor %s: \"aliases\" is not an array", doc, id);
    if (mentions && !cJSON_IsNumber(mentions) && !cJSON_IsNull(mentions))
      return an_error_set(err, AN_EDATA, NULL, 1, -1,
                          "document %s: actor %s: \"mentions\" is not a number", doc, id);
    char *aliases_json = cJSON_IsArray(aliases) ? cJSON_PrintUnformatted(aliases) : NULL;
    if (cJSON_IsArray(aliases) && !aliases_json)
      return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
    if ((r = stmt(st, Q_INSERT_ACTOR, &s, err)) == AN_OK) {
      sqlite3_bind_int64(s, 1, seq);
      sqlite3_bind_int(s, 2, ord);
      sqlite3_bind_text(s, 3, id, -1, SQLITE_STATIC);
      sqlite3_bind_text(s, 4, label, -1, SQLITE_STATIC);
      sqlite3_bind_text(s, 5, kind, -1, SQLITE_STATIC);
      bind_opt(s, 6, country);
      sqlite3_bind_text(s, 7, aliases_json ? aliases_json : "[]", -1, SQLITE_STATIC);
      sqlite3_bind_int64(s, 8, cJSON_IsNumber(mentions) ? to_i64(mentions->valuedouble) : 0);
      bind_opt(s, 9, key);
      r = step_done(st, s, "storing an actor", err);
    }
    cJSON_free(aliases_json);
    if (r != AN_OK) return r;
  }
  return AN_OK;
}

static an_status add_affiliations(an_store *st, sqlite3_int64 seq, const cJSON *rec,
                                  const char *doc, an_error *err) {
  const cJSON *arr = cJSON_GetObjectItemCaseSensitive(rec, "affiliations");
  an_status r = AN_OK;
  if (!arr || cJSON_IsNull(arr)) return AN_OK;
  if (!cJSON_IsArray(arr))
    return an_error_set(err, AN_EDATA, NULL, 1, -1,
                        "document %s: \"affiliations\" is not an array", doc);
  int ord = 0;
  for (const cJSON *a = arr->child; a; a = a->next, ord++) {
    const char *person, *org, *role;
    sqlite3_stmt *s = NULL;
    if (!cJSON_IsObject(a))
      return an_error_set(err, AN_EDATA, NULL, 1, -1,
                          "document %s: affiliation %d is not an object", doc, ord);
    if ((r = req_str(a, "person", &person, doc, 1, err)) ||
        (r = req_str(a, "org", &org, doc, 1, err)) ||
        (r = opt_str(a, "role", &role, doc, 1, err)) ||
        (r = stmt(st, Q_INSERT_AFFIL, &s, err)))
      return r;
    sqlite3_bind_int64(s, 1, seq);
    sqlite3_bind_int(s, 2, ord);
    sqlite3_bind_text(s, 3, person, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, org, -1, SQLITE_STATIC);
    bind_opt(s, 5, role);
    if ((r = step_done(st, s, "storing an affiliation", err)) != AN_OK) return r;
  }
  return AN_OK;
}

/* Reads the "source"/"target" object of an event. */
static an_status endpoint(const cJSON *ev, const char *key, const char *f[3], const char *doc,
                          long line, an_error *err) {
  const cJSON *o = cJSON_GetObjectItemCaseSensitive(ev, key);
  an_status r;
  if (!cJSON_IsObject(o))
    return an_error_set(err, AN_EDATA, NULL, line, -1, "document %s: event \"%s\" is not an object",
                        doc, key);
  if ((r = req_str(o, "id", &f[0], doc, line, err)) ||
      (r = opt_str(o, "label", &f[1], doc, line, err)) ||
      (r = opt_str(o, "kind", &f[2], doc, line, err)))
    return r;
  return AN_OK;
}

static an_status add_event(an_store *st, sqlite3_int64 seq, int ord, const cJSON *ev,
                           const char *doc, const char *line_text, size_t line_len, long line,
                           an_error *err) {
  const char *id, *evdoc, *type, *src[3], *tgt[3], *date, *date_text, *outlet, *url, *attr,
      *sentence, *trigger, *cameo, *plover;
  an_status r;
  if ((r = req_str(ev, "id", &id, doc, line, err)) || (r = req_str(ev, "doc", &evdoc, doc, line, err)))
    return r;
  if (strcmp(evdoc, doc) != 0)
    return an_error_set(err, AN_EDATA, NULL, line, -1,
                        "event %s belongs to document %s, not to %s before it", id, evdoc, doc);
  if ((r = req_str(ev, "type", &type, doc, line, err)) ||
      (r = endpoint(ev, "source", src, doc, line, err)) ||
      (r = endpoint(ev, "target", tgt, doc, line, err)) ||
      (r = opt_str(ev, "date", &date, doc, line, err)) ||
      (r = opt_str(ev, "date_text", &date_text, doc, line, err)) ||
      (r = opt_str(ev, "outlet", &outlet, doc, line, err)) ||
      (r = opt_str(ev, "url", &url, doc, line, err)) ||
      (r = opt_str(ev, "attributed_to", &attr, doc, line, err)) ||
      (r = opt_str(ev, "sentence", &sentence, doc, line, err)) ||
      (r = opt_str(ev, "trigger", &trigger, doc, line, err)) ||
      (r = opt_str(ev, "cameo", &cameo, doc, line, err)) ||
      (r = opt_str(ev, "plover", &plover, doc, line, err)))
    return r;
  const cJSON *directed = cJSON_GetObjectItemCaseSensitive(ev, "directed");
  const cJSON *conf = cJSON_GetObjectItemCaseSensitive(ev, "confidence");
  const cJSON *offs = cJSON_GetObjectItemCaseSensitive(ev, "offsets");
  const cJSON *o0 = cJSON_IsArray(offs) ? cJSON_GetArrayItem(offs, 0) : NULL;
  const cJSON *o1 = cJSON_IsArray(offs) ? cJSON_GetArrayItem(offs, 1) : NULL;
  if (offs && !cJSON_IsNull(offs) && !(cJSON_IsNumber(o0) && cJSON_IsNumber(o1)))
    return an_error_set(err, AN_EDATA, NULL, line, -1,
                        "document %s: event %s: \"offsets\" is not [start, end]", doc, id);
  sqlite3_stmt *s = NULL;
  if ((r = stmt(st, Q_INSERT_EVENT, &s, err)) != AN_OK) return r;
  sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64(s, 2, seq);
  sqlite3_bind_int(s, 3, ord);
  sqlite3_bind_text(s, 4, type, -1, SQLITE_STATIC);
  for (int i = 0; i < 3; i++) {
    bind_opt(s, 5 + i, src[i]);
    bind_opt(s, 8 + i, tgt[i]);
  }
  if (cJSON_IsBool(directed))
    sqlite3_bind_int(s, 11, cJSON_IsTrue(directed));
  else
    sqlite3_bind_null(s, 11);
  bind_opt(s, 12, date);
  bind_opt(s, 13, date_text);
  bind_opt(s, 14, outlet);
  bind_opt(s, 15, url);
  bind_opt(s, 16, attr);
  bind_opt(s, 17, sentence);
  if (o0 && o1) {
    sqlite3_bind_int64(s, 18, to_i64(o0->valuedouble));
    sqlite3_bind_int64(s, 19, to_i64(o1->valuedouble));
  }
  bind_opt(s, 20, trigger);
  if (cJSON_IsNumber(conf)) sqlite3_bind_double(s, 21, conf->valuedouble);
  bind_opt(s, 22, cameo);
  bind_opt(s, 23, plover);
  bind_line(s, 24, line_text, line_len);
  int rc = sqlite3_step(s);
  if (rc == SQLITE_DONE) {
    sqlite3_reset(s);
    return AN_OK;
  }
  if (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE) {
    sqlite3_reset(s);
    return an_error_set(err, AN_EDATA, NULL, line, -1,
                        "document %s: event id %s is already stored (duplicate event)", doc, id);
  }
  r = db_fail(st, err, "storing an event");
  sqlite3_reset(s);
  return r;
}

/* Next line of [p, end): sets line and n, without the "\n" or "\r\n". */
static int next_line(const char **p, const char *end, const char **line, size_t *n) {
  if (*p >= end) return 0;
  const char *nl = memchr(*p, '\n', (size_t)(end - *p));
  const char *stop = nl ? nl : end;
  *line = *p;
  *n = (size_t)(stop - *p);
  if (*n && (*line)[*n - 1] == '\r') (*n)--;
  *p = nl ? nl + 1 : end;
  return 1;
}

static int blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t') return 0;
  return 1;
}

/* Stores the document whose lines are [text, text + len), inside the
 * caller's savepoint. */
static an_status add_doc_records(an_store *st, const char *hash, const char *text, size_t len,
                                 an_store_added *added, an_error *err) {
  const char *p = text, *end = text + len, *line = NULL;
  size_t n = 0;
  long lineno = 0;
  cJSON *rec = NULL;
  an_status r = AN_OK;
  sqlite3_stmt *s = NULL;
  const char *id = NULL, *date, *outlet, *url, *title;

  while (next_line(&p, end, &line, &n) && (lineno++, blank(line, n))) continue;
  if (!line || blank(line, n))
    return an_error_set(err, AN_EDATA, NULL, lineno, -1, "no document record");
  if ((r = parse_line(line, n, lineno, &rec, err)) != AN_OK) return r;
  const char *kind = record_kind(rec);
  if (!kind || strcmp(kind, "document") != 0) {
    r = an_error_set(err, AN_EDATA, NULL, lineno, -1,
                     "expected a \"document\" record first, found \"%s\"", kind ? kind : "?");
    goto done;
  }
  if ((r = req_str(rec, "id", &id, "?", lineno, err)) ||
      (r = opt_str(rec, "date", &date, id, lineno, err)) ||
      (r = opt_str(rec, "outlet", &outlet, id, lineno, err)) ||
      (r = opt_str(rec, "url", &url, id, lineno, err)) ||
      (r = opt_str(rec, "title", &title, id, lineno, err)))
    goto done;

  /* Same id: same hash is a no-op; another hash replaces in place. */
  sqlite3_int64 seq = 0;
  int exists = 0;
  if ((r = stmt(st, Q_FIND_DOC, &s, err)) != AN_OK) goto done;
  sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) {
    const char *h = (const char *)sqlite3_column_text(s, 1);
    exists = 1;
    seq = sqlite3_column_int64(s, 0);
    if (h && strcmp(h, hash) == 0) {
      sqlite3_reset(s);
      if (added) *added = AN_STORE_UNCHANGED;
      goto done;
    }
  } else if (rc != SQLITE_DONE) {
    r = db_fail(st, err, "looking up a document");
  }
  sqlite3_reset(s);
  if (r != AN_OK) goto done;
  if (exists) {
    static const int dels[] = {Q_DELETE_EVENTS, Q_DELETE_ACTORS, Q_DELETE_AFFIL};
    for (int i = 0; i < 3; i++) {
      if ((r = stmt(st, dels[i], &s, err)) != AN_OK) goto done;
      sqlite3_bind_int64(s, 1, seq);
      if ((r = step_done(st, s, "removing a document's old records", err)) != AN_OK) goto done;
    }
  }
  if ((r = stmt(st, exists ? Q_UPDATE_DOC : Q_INSERT_DOC, &s, err)) != AN_OK) goto done;
  if (exists)
    sqlite3_bind_int64(s, 1, seq);
  else
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text(s, 2, hash, -1, SQLITE_STATIC);
  bind_opt(s, 3, date);
  bind_opt(s, 4, outlet);
  bind_opt(s, 5, url);
  bind_opt(s, 6, title);
  bind_line(s, 7, line, n);
  if ((r = step_done(st, s, "storing a document", err)) != AN_OK) goto done;
  if (!exists) seq = sqlite3_last_insert_rowid(st->db);
  if ((r = add_actors(st, seq, rec, id, err)) != AN_OK) goto done;
  if ((r = add_affiliations(st, seq, rec, id, err)) != AN_OK) goto done;

  int ord = 0;
  while (next_line(&p, end, &line, &n)) {
    cJSON *ev = NULL;
    lineno++;
    if (blank(line, n)) continue;
    if ((r = parse_line(line, n, lineno, &ev, err)) != AN_OK) goto done;
    kind = record_kind(ev);
    if (!kind || strcmp(kind, "event") != 0)
      r = an_error_set(err, AN_EDATA, NULL, lineno, -1,
                       "document %s: expected an \"event\" record, found \"%s\"", id,
                       kind ? kind : "?");
    else
      r = add_event(st, seq, ord++, ev, id, line, n, lineno, err);
    cJSON_Delete(ev);
    if (r != AN_OK) goto done;
  }
  if (added) *added = exists ? AN_STORE_REPLACED : AN_STORE_INSERTED;
done:
  cJSON_Delete(rec);
  return r;
}

an_status an_store_add_doc(an_store *st, const char *hash, const char *jsonl, size_t len,
                           an_store_added *added, an_error *err) {
  char own[AN_STORE_HASH_LEN + 1];
  if (added) *added = AN_STORE_UNCHANGED;
  if (st->flags & AN_STORE_READONLY)
    return an_error_set(err, AN_EINVAL, st->path, 0, -1, "store is open read-only");
  if (!hash) {
    an_sha256 h;
    an_sha256_init(&h);
    an_sha256_update(&h, jsonl, len);
    an_sha256_final_hex(&h, own);
    hash = own;
  }
  /* A savepoint per document: all of it or none, and a failed document
   * leaves the caller's batch usable. Outside a batch it is the
   * transaction. */
  an_status r = exec(st, "SAVEPOINT an_doc", err);
  if (r != AN_OK) return r;
  r = add_doc_records(st, hash, jsonl, len, added, err);
  if (r != AN_OK) {
    sqlite3_exec(st->db, "ROLLBACK TO an_doc", NULL, NULL, NULL);
    sqlite3_exec(st->db, "RELEASE an_doc", NULL, NULL, NULL);
    if (added) *added = AN_STORE_UNCHANGED;
    return r;
  }
  r = exec(st, "RELEASE an_doc", err);
  if (r != AN_OK) {
    sqlite3_exec(st->db, "ROLLBACK TO an_doc", NULL, NULL, NULL);
    sqlite3_exec(st->db, "RELEASE an_doc", NULL, NULL, NULL);
    if (added) *added = AN_STORE_UNCHANGED;
  }
  return r;
}

an_status an_store_import_jsonl(an_store *st, FILE *in, const char *path, size_t batch,
                                size_t *inserted, size_t *replaced, an_error *err) {
  an_buf doc;
  char *line = NULL;
  /* Counts become final when their batch commits (a failed commit rolls
   * the batch back). */
  size_t cap = 0, in_batch = 0, ins = 0, rep = 0, pend_ins = 0, pend_rep = 0;
  long lineno = 0, doc_line = 0;
  ssize_t got;
  an_status r = AN_OK;
  int own_batch = !st->in_batch;
  if (!batch) batch = 500;
  an_buf_init(&doc);

  /* Stores the buffered document and counts it. */
#define FLUSH_DOC()                                                                  \
  do {                                                                              \
    an_store_added a_;                                                              \
    if (doc.len) {                                                                  \
      if (own_batch && !st->in_batch && (r = an_store_begin(st, err)) != AN_OK) goto done; \
      if ((r = an_store_add_doc(st, NULL, doc.data, doc.len, &a_, err)) != AN_OK) {  \
        if (err) {                                                                  \
          err->line += doc_line - 1;                                                \
          snprintf(err->path, sizeof err->path, "%s", path ? path : "");           \
        }                                                                           \
        goto done;                                                                  \
      }                                                                             \
      pend_ins += a_ == AN_STORE_INSERTED;                                          \
      pend_rep += a_ == AN_STORE_REPLACED;                                          \
      an_buf_clear(&doc);                                                           \
      if (own_batch && ++in_batch >= batch) {                                       \
        in_batch = 0;                                                               \
        if ((r = an_store_commit(st, err)) != AN_OK) goto done;                     \
        ins += pend_ins, rep += pend_rep, pend_ins = pend_rep = 0;                  \
      }                                                                             \
    }                                                                               \
  } while (0)

  while ((got = getline(&line, &cap, in)) > 0) {
    lineno++;
    size_t n = (size_t)got;
    /* A document record starts a new document. Parsing just the "record"
     * member would need a JSON scanner; the full parse is cheap next to the
     * inserts. */
    const char *end = NULL;
    cJSON *o = cJSON_ParseWithLengthOpts(line, n, &end, 0);
    const char *kind = o ? record_kind(o) : NULL;
    int is_doc = kind && strcmp(kind, "document") == 0;
    cJSON_Delete(o);
    if (is_doc) {
      FLUSH_DOC();
      doc_line = lineno;
    } else if (!doc.len && !blank(line, n - (line[n - 1] == '\n'))) {
      r = an_error_set(err, AN_EDATA, path, lineno, -1,
                       "expected a \"document\" record before this record");
      goto done;
    }
    if (doc.len || is_doc) {
      if ((r = an_buf_append(&doc, line, n)) != AN_OK) {
        an_error_set(err, r, path, lineno, -1, "out of memory");
        goto done;
      }
    }
  }
  if (ferror(in)) {
    r = an_error_set(err, AN_EIO, path, lineno, -1, "read error");
    goto done;
  }
  FLUSH_DOC();
  if (own_batch && st->in_batch) r = an_store_commit(st, err);
  /* Inside the caller's batch the caller's commit decides; count them. */
  if (r == AN_OK) ins += pend_ins, rep += pend_rep;
#undef FLUSH_DOC
done:
  if (r != AN_OK && own_batch) an_store_rollback(st);
  free(line);
  an_buf_free(&doc);
  if (inserted) *inserted = ins;
  if (replaced) *replaced = rep;
  return r;
}

/* ---- reading back ---- */

/* A NULL-terminated list as a JSON array string for json_each. */
static an_status list_json(const char *const *list, char **out, an_error *err) {
  *out = NULL;
  if (!list) return AN_OK;
  cJSON *arr = cJSON_CreateArray();
  for (size_t i = 0; arr && list[i]; i++) {
    cJSON *s = cJSON_CreateString(list[i]);
    if (!s || !cJSON_AddItemToArray(arr, s)) {
      cJSON_Delete(s);
      cJSON_Delete(arr);
      arr = NULL;
    }
  }
  *out = arr ? cJSON_PrintUnformatted(arr) : NULL;
  cJSON_Delete(arr);
  if (!*out) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  return AN_OK;
}

an_status an_store_scan(an_store *st, const an_store_filter *filter, an_store_line_fn fn,
                        void *ctx, an_error *err) {
  an_store_filter none = {0};
  const an_store_filter *f = filter ? filter : &none;
  char *docs_json = NULL, *types_json = NULL;
  sqlite3_stmt *ds = NULL, *es = NULL;
  an_status r;
  if ((r = list_json(f->doc_ids, &docs_json, err)) != AN_OK ||
      (r = list_json(f->types, &types_json, err)) != AN_OK)
    goto free_lists;
  /* One read transaction: a consistent snapshot while a writer goes on. */
  if ((r = exec(st, "SAVEPOINT an_scan", err)) != AN_OK) goto free_lists;
  if ((r = stmt(st, Q_SCAN_DOCS, &ds, err)) != AN_OK) goto done;
  bind_opt(ds, 1, docs_json);
  int rc;
  while ((rc = sqlite3_step(ds)) == SQLITE_ROW) {
    sqlite3_int64 seq = sqlite3_column_int64(ds, 0);
    const char *line = (const char *)sqlite3_column_text(ds, 1);
    if (fn(ctx, line ? line : "", (size_t)sqlite3_column_bytes(ds, 1))) {
      r = an_error_set(err, AN_EINTR, st->path, 0, -1, "reading the store was stopped");
      goto done;
    }
    if ((r = stmt(st, Q_SCAN_EVENTS, &es, err)) != AN_OK) goto done;
    sqlite3_bind_int64(es, 1, seq);
    bind_opt(es, 2, types_json);
    bind_opt(es, 3, f->since);
    bind_opt(es, 4, f->until);
    while ((rc = sqlite3_step(es)) == SQLITE_ROW) {
      const char *ev = (const char *)sqlite3_column_text(es, 0);
      if (fn(ctx, ev ? ev : "", (size_t)sqlite3_column_bytes(es, 0))) {
        r = an_error_set(err, AN_EINTR, st->path, 0, -1, "reading the store was stopped");
        goto done;
      }
    }
    if (rc != SQLITE_DONE) {
      r = db_fail(st, err, "reading events");
      goto done;
    }
    sqlite3_reset(es);
  }
  if (rc != SQLITE_DONE) r = db_fail(st, err, "reading documents");
done:
  if (es) sqlite3_reset(es);
  if (ds) sqlite3_reset(ds);
  sqlite3_exec(st->db, "RELEASE an_scan", NULL, NULL, NULL);
free_lists:
  cJSON_free(docs_json);
  cJSON_free(types_json);
  return r;
}

static int write_line(void *ctx, const char *line, size_t len) {
  FILE *out = ctx;
  return fwrite(line, 1, len, out) != len || putc('\n', out) == EOF;
}

an_status an_store_export_jsonl(an_store *st, const an_store_filter *filter, FILE *out,
                                an_error *err) {
  an_status r = an_store_scan(st, filter, write_line, out, err);
  if (r == AN_EINTR || (r == AN_OK && ferror(out)))
    return an_error_set(err, AN_EIO, NULL, 0, -1, "cannot write the exported events");
  return r;
}

an_status an_store_counts(an_store *st, size_t *docs, size_t *actors, size_t *events,
                          an_error *err) {
  sqlite3_stmt *s = NULL;
  if (sqlite3_prepare_v2(st->db,
                         "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM actors),"
                         " (SELECT count(*) FROM events)",
                         -1, &s, NULL) != SQLITE_OK)
    return db_fail(st, err, "counting");
  an_status r = AN_OK;
  if (sqlite3_step(s) == SQLITE_ROW) {
    if (docs) *docs = (size_t)sqlite3_column_int64(s, 0);
    if (actors) *actors = (size_t)sqlite3_column_int64(s, 1);
    if (events) *events = (size_t)sqlite3_column_int64(s, 2);
  } else {
    r = db_fail(st, err, "counting");
  }
  sqlite3_finalize(s);
  return r;
}
