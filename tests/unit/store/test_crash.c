/* test_crash.c: killing a writer at any moment leaves a consistent store,
 * and a re-run completes the work with no duplicates (issue 8, "the kill
 * test"). A child process stores a synthetic corpus in batches the way
 * `actornet extract --db` does (look up, skip what is stored, add in
 * batches) and is SIGKILLed after a random delay; the parent then checks:
 *   - PRAGMA integrity_check and foreign_key_check are clean;
 *   - every stored document has exactly the actors and events of one
 *     version of it (never a mix, never a part), matching its hash;
 *   - every batch the child reported committed before it died is there;
 *   - re-running (itself killed again, then to the end) gives the complete
 *     corpus, each event once.
 * The same is then done for a second pass in which a third of the documents
 * changed (replacement must be atomic too). Fixed seed: the delays differ
 * between rounds but not between runs. */
#include <signal.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "actornet/store.h"
#include "core/core.h"
#include "harness.h"

#define NDOCS 1500
#define BATCH 20
#define ROUNDS 6

static char tmpdir[256];

/* Version 2 changes every third document. */
static int doc_changes(int i) { return i % 3 == 1; }

static int n_events(int i, int version) { return (i * 7 + (version == 2 && doc_changes(i))) % 5; }
static int n_actors(int i) { return 1 + i % 3; }

static void doc_hash(int i, int version, char *out, size_t cap) {
  snprintf(out, cap, "v%d-%d", version == 2 && doc_changes(i) ? 2 : 1, i);
}

static void event_id(int i, int version, int j, char out[17]) {
  int v = version == 2 && doc_changes(i) ? 2 : 1;
  uint64_t h = an_hash64(&i, sizeof i, 0x9e3779b97f4a7c15ull);
  h = an_hash64(&v, sizeof v, h);
  h = an_hash64(&j, sizeof j, h);
  snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* The JSONL of document i at a version: our own filler sentences, long
 * enough that batches take real I/O. */
static void make_doc(int i, int version, an_buf *b) {
  int v = version == 2 && doc_changes(i) ? 2 : 1;
  an_buf_clear(b);
  an_buf_printf(b,
                "{\"record\":\"document\",\"id\":\"k%05d\",\"date\":\"2024-%02d-%02d\","
                "\"outlet\":\"Test Wire\",\"url\":null,\"title\":\"Item %d v%d\",\"actors\":[",
                i, 1 + i % 12, 1 + i % 28, i, v);
  for (int a = 0; a < n_actors(i); a++)
    an_buf_printf(b,
                  "%s{\"id\":\"actor-%d\",\"label\":\"Actor %d\",\"kind\":\"person\","
                  "\"country\":null,\"aliases\":[\"Actor %d\"],\"mentions\":%d,\"key\":null}",
                  a ? "," : "", (i + a) % 97, (i + a) % 97, (i + a) % 97, a + 1);
  an_buf_puts(b, "],\"affiliations\":[]}\n");
  for (int j = 0; j < n_events(i, version); j++) {
    char id[17];
    event_id(i, version, j, id);
    an_buf_printf(b,
                  "{\"record\":\"event\",\"id\":\"%s\",\"doc\":\"k%05d\",\"type\":\"meet\","
                  "\"source\":{\"id\":\"actor-%d\",\"label\":\"Actor %d\",\"kind\":\"person\"},"
                  "\"target\":{\"id\":\"actor-%d\",\"label\":\"Actor %d\",\"kind\":\"person\"},"
                  "\"directed\":false,\"date\":null,\"date_text\":null,\"outlet\":\"Test Wire\","
                  "\"url\":null,\"attributed_to\":null,\"sentence\":\"In version %d, actor %d met"
                  " actor %d for talk number %d about the weather, the harvest and the roads.\","
                  "\"offsets\":[%d,%d],\"trigger\":\"met\",\"confidence\":0.8,\"cameo\":\"043\","
                  "\"plover\":\"CONSULT\"}\n",
                  id, i, i % 97, i % 97, (i + j + 1) % 97, (i + j + 1) % 97, v, i % 97,
                  (i + j + 1) % 97, j, j * 100, j * 100 + 90);
  }
}

/* What extract --db does: skip stored documents, add the rest in batches.
 * Reports each committed batch's last document index on fd (if >= 0). */
static int run_writer(const char *path, int version, int report_fd) {
  an_store *st = NULL;
  an_error err;
  an_buf b;
  an_buf_init(&b);
  if (an_store_open(path, 0, &st, &err) != AN_OK) {
    fprintf(stderr, "writer: open: %s\n", err.msg);
    return 1;
  }
  int in_batch = 0, rc = 0;
  for (int i = 0; i < NDOCS && !rc; i++) {
    char hash[32];
    an_store_state state;
    doc_hash(i, version, hash, sizeof hash);
    char id[16];
    snprintf(id, sizeof id, "k%05d", i);
    if (an_store_has_doc(st, id, hash, &state, &err) != AN_OK) rc = 1;
    if (rc || state == AN_STORE_SAME) continue;
    if (!in_batch && an_store_begin(st, &err) != AN_OK) rc = 1;
    make_doc(i, version, &b);
    if (!rc && an_store_add_doc(st, hash, b.data, b.len, NULL, &err) != AN_OK) rc = 1;
    if (!rc && ++in_batch == BATCH) {
      if (an_store_commit(st, &err) != AN_OK) rc = 1;
      in_batch = 0;
      if (report_fd >= 0 && write(report_fd, &i, sizeof i) != (ssize_t)sizeof i) rc = 1;
    }
  }
  if (!rc && in_batch && an_store_commit(st, &err) != AN_OK) rc = 1;
  if (rc) fprintf(stderr, "writer: %s\n", err.msg);
  an_store_free(st);
  an_buf_free(&b);
  return rc;
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t rng = 0x5eed0001ull;
static double uniform(void) {
  rng = rng * 6364136223846793005ull + 1442695040888963407ull;
  return (double)(rng >> 11) / 9007199254740992.0;
}

/* Runs the writer in a child and kills it after delay seconds (< 0: let it
 * finish). Returns the last committed index the child reported (-1 none)
 * and whether it was killed. */
static int child_run(const char *path, int version, double delay, int *killed) {
  int fds[2];
  if (pipe(fds) != 0) return -2;
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    _exit(run_writer(path, version, fds[1]));
  }
  close(fds[1]);
  if (delay >= 0) {
    struct timespec ts = {(time_t)delay, (long)((delay - (double)(time_t)delay) * 1e9)};
    nanosleep(&ts, NULL);
    kill(pid, SIGKILL);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  *killed = WIFSIGNALED(status);
  if (!*killed) CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  int last = -1, v;
  while (read(fds[0], &v, sizeof v) == (ssize_t)sizeof v) last = v;
  close(fds[0]);
  return last;
}

static const char *col_text(sqlite3_stmt *s, int i) {
  const char *t = (const char *)sqlite3_column_text(s, i);
  return t ? t : "";
}

/* Checks the store after a crash; returns the number of documents in it.
 * committed: every document index <= committed of this version must be
 * there. complete: all NDOCS at this version. */
static int check_store(const char *path, int version, int committed, int complete) {
  /* Open through the library first: that is what recovers the WAL, as the
   * next actornet run would. */
  an_store *st = NULL;
  an_error err;
  CHECK_INT(an_store_open(path, 0, &st, &err), AN_OK);
  an_store_free(st);

  sqlite3 *db = NULL;
  sqlite3_stmt *s = NULL, *e = NULL, *a = NULL;
  int docs = 0, bad = 0;
  char *seen = an_calloc(NDOCS, 1);
  CHECK_INT(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL);
  CHECK(sqlite3_step(s) == SQLITE_ROW && strcmp(col_text(s, 0), "ok") == 0);
  sqlite3_finalize(s);
  sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &s, NULL);
  CHECK_INT(sqlite3_step(s), SQLITE_DONE);
  sqlite3_finalize(s);
  /* No event or actor without its document (foreign_key_check covers it
   * only if the keys were enforced; check directly too). */
  sqlite3_prepare_v2(db,
                     "SELECT (SELECT count(*) FROM events WHERE doc NOT IN (SELECT seq FROM"
                     " documents)) + (SELECT count(*) FROM actors WHERE doc NOT IN (SELECT seq"
                     " FROM documents))",
                     -1, &s, NULL);
  CHECK(sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == 0);
  sqlite3_finalize(s);

  sqlite3_prepare_v2(db, "SELECT seq, id, hash FROM documents ORDER BY seq", -1, &s, NULL);
  sqlite3_prepare_v2(db, "SELECT id FROM events WHERE doc = ?1 ORDER BY ord", -1, &e, NULL);
  sqlite3_prepare_v2(db, "SELECT count(*) FROM actors WHERE doc = ?1", -1, &a, NULL);
  while (sqlite3_step(s) == SQLITE_ROW) {
    int i = -1, v = 0, hi = -1;
    docs++;
    if (sscanf(col_text(s, 1), "k%d", &i) != 1 || i < 0 || i >= NDOCS ||
        sscanf(col_text(s, 2), "v%d-%d", &v, &hi) != 2 || hi != i || seen[i]) {
      bad++;
      continue;
    }
    seen[i] = (char)v;
    /* The hash says which version; the rows must be exactly that one. */
    int as = v == 2 ? 2 : 1;
    sqlite3_reset(e);
    sqlite3_bind_int64(e, 1, sqlite3_column_int64(s, 0));
    int j = 0;
    while (sqlite3_step(e) == SQLITE_ROW) {
      char want[17];
      event_id(i, as, j, want);
      if (j >= n_events(i, as) || strcmp(col_text(e, 0), want) != 0) bad++;
      j++;
    }
    if (j != n_events(i, as)) bad++;
    sqlite3_reset(a);
    sqlite3_bind_int64(a, 1, sqlite3_column_int64(s, 0));
    if (sqlite3_step(a) != SQLITE_ROW || sqlite3_column_int(a, 0) != n_actors(i)) bad++;
  }
  sqlite3_finalize(s);
  sqlite3_finalize(e);
  sqlite3_finalize(a);
  CHECK_INT(bad, 0);
  for (int i = 0; i <= committed && i < NDOCS; i++)
    if (!seen[i] || (version == 2 && doc_changes(i) && seen[i] != 2)) {
      fprintf(stderr, "document %d was committed but is missing or old\n", i);
      bad++;
      break;
    }
  CHECK_INT(bad, 0);
  if (complete) {
    long long want_events = 0;
    for (int i = 0; i < NDOCS; i++) want_events += n_events(i, version);
    CHECK_INT(docs, NDOCS);
    sqlite3_prepare_v2(db, "SELECT count(*), count(DISTINCT id) FROM events", -1, &s, NULL);
    CHECK(sqlite3_step(s) == SQLITE_ROW);
    CHECK_INT(sqlite3_column_int64(s, 0), want_events);
    CHECK_INT(sqlite3_column_int64(s, 1), want_events);
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  an_free(seen);
  return docs;
}

int main(void) {
  const char *base = getenv("TMPDIR");
  snprintf(tmpdir, sizeof tmpdir, "%s/an_crash_XXXXXX", base && *base ? base : "/tmp");
  if (!mkdtemp(tmpdir)) {
    perror("mkdtemp");
    return 2;
  }
  char path[300], cmd[1024];
  snprintf(path, sizeof path, "%s/crash.db", tmpdir);

  /* Calibrate: how long one full uninterrupted run takes here (a sanitizer
   * build is slower), so the kills land inside the run. */
  int killed = 0;
  double full[3], t0 = now_s();
  child_run(path, 1, -1, &killed);
  full[1] = now_s() - t0;
  check_store(path, 1, NDOCS, 1);
  t0 = now_s();
  child_run(path, 2, -1, &killed);
  full[2] = now_s() - t0;
  check_store(path, 2, NDOCS, 1);
  fprintf(stderr, "full runs: %.3f s (%d documents), %.3f s (changes)\n", full[1], NDOCS,
          full[2]);

  int kills = 0;
  for (int round = 0; round < ROUNDS && !test_failures; round++) {
    snprintf(cmd, sizeof cmd, "rm -f '%s' '%s-wal' '%s-shm'", path, path, path);
    if (system(cmd) != 0) return 2;
    for (int version = 1; version <= 2; version++) {
      /* Killed once, resumed and killed again, then run to the end. */
      for (int attempt = 0; attempt < 2; attempt++) {
        /* From 0 (killed while opening or creating the store) to most of a
         * run. */
        double delay = full[version] * 0.85 * uniform();
        int last = child_run(path, version, delay, &killed);
        kills += killed;
        int docs = check_store(path, version, last, 0);
        fprintf(stderr, "round %d v%d: killed=%d after %.3f s, committed up to %d, %d docs\n",
                round, version, killed, delay, last, docs);
      }
      CHECK_INT(run_writer(path, version, -1), 0);
      check_store(path, version, NDOCS, 1);
      /* A further run adds nothing. */
      an_store *st = NULL;
      an_error err;
      size_t before = 0, after = 0;
      if (an_store_open(path, 0, &st, &err) == AN_OK) {
        an_store_counts(st, NULL, NULL, &before, &err);
        an_store_free(st);
      }
      CHECK_INT(run_writer(path, version, -1), 0);
      if (an_store_open(path, 0, &st, &err) == AN_OK) {
        an_store_counts(st, NULL, NULL, &after, &err);
        an_store_free(st);
      }
      CHECK_INT(after, before);
    }
  }
  /* Two writers on one store at once (two `extract --db` runs over the
   * same corpus): both finish, each document and event is stored once. */
  snprintf(cmd, sizeof cmd, "rm -f '%s' '%s-wal' '%s-shm'", path, path, path);
  if (system(cmd) != 0) return 2;
  pid_t w[2];
  for (int k = 0; k < 2; k++) {
    fflush(NULL);
    if ((w[k] = fork()) == 0) _exit(run_writer(path, 1, -1));
  }
  for (int k = 0; k < 2; k++) {
    int status = 0;
    waitpid(w[k], &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  check_store(path, 1, NDOCS, 1);

  /* The test means nothing if no kill landed mid-run. */
  CHECK(kills >= ROUNDS);
  fprintf(stderr, "%d kills\n", kills);
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
  if (!test_failures && system(cmd) != 0) fprintf(stderr, "could not remove %s\n", tmpdir);
  return TEST_DONE();
}
