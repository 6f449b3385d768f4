/* test_store.c: the incremental store (include/actornet/store.h): create,
 * add, idempotent re-add, replacement on changed content, byte-exact export,
 * filters, batches, migration of an older schema, and the errors a user
 * meets (a non-database file, another program's database, an unwritable
 * path, a schema from the future). */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actornet/store.h"
#include "core/core.h"
#include "harness.h"
#include "store/sha256.h"

static char tmpdir[256];

static const char *tmp_path(const char *name) {
  static char buf[4][512];
  static int next = 0;
  char *p = buf[next++ % 4];
  snprintf(p, 512, "%s/%s", tmpdir, name);
  return p;
}

/* Three documents as extraction writes them (our own sentences). */
#define DOC1                                                                                     \
  "{\"record\":\"document\",\"id\":\"d01\",\"date\":\"2024-03-04\",\"outlet\":\"Example "      \
  "News\",\"url\":null,\"title\":\"Ministers talk\",\"actors\":[{\"id\":\"jane-roe\","         \
  "\"label\":\"Jane Roe\",\"kind\":\"person\",\"country\":\"NLD\",\"aliases\":[\"Jane "         \
  "Roe\",\"Roe\"],\"mentions\":3,\"key\":\"roe|jane\"},{\"id\":\"FRA\",\"label\":\"France\","   \
  "\"kind\":\"country\",\"country\":\"FRA\",\"aliases\":[\"France\",\"Paris\"],\"mentions\":2,"  \
  "\"key\":null}],\"affiliations\":[{\"person\":\"jane-roe\",\"org\":\"NLD\",\"role\":"        \
  "\"minister\"}]}\n"                                                                           \
  "{\"record\":\"event\",\"id\":\"00000000000000a1\",\"doc\":\"d01\",\"type\":\"call\","       \
  "\"source\":{\"id\":\"jane-roe\",\"label\":\"Jane Roe\",\"kind\":\"person\"},\"target\":"     \
  "{\"id\":\"FRA\",\"label\":\"France\",\"kind\":\"country\"},\"directed\":false,\"date\":"     \
  "\"2024-03-04\",\"date_text\":\"on Monday\",\"outlet\":\"Example News\",\"url\":null,"        \
  "\"attributed_to\":null,\"sentence\":\"Roe spoke with Paris on Monday.\",\"offsets\":[10,41],"\
  "\"trigger\":\"spoke with\",\"confidence\":0.8,\"cameo\":\"040\",\"plover\":\"CONSULT\"}\n"    \
  "{\"record\":\"event\",\"id\":\"00000000000000a2\",\"doc\":\"d01\",\"type\":\"praise\","     \
  "\"source\":{\"id\":\"FRA\",\"label\":\"France\",\"kind\":\"country\"},\"target\":{\"id\":"   \
  "\"jane-roe\",\"label\":\"Jane Roe\",\"kind\":\"person\"},\"directed\":true,\"date\":"        \
  "\"2024-02\",\"date_text\":null,\"outlet\":\"Example News\",\"url\":null,\"attributed_to\":"  \
  "\"Agency X\",\"sentence\":\"Paris thanked Roe in February.\",\"offsets\":[42,73],\"trigger\":"\
  "\"thanked\",\"confidence\":0.7,\"cameo\":\"051\",\"plover\":\"COOPERATE\"}\n"

#define DOC2                                                                                   \
  "{\"record\":\"document\",\"id\":\"d02\",\"date\":null,\"outlet\":null,\"url\":null,"     \
  "\"title\":null,\"actors\":[],\"affiliations\":[]}\n"

#define DOC3                                                                                   \
  "{\"record\":\"document\",\"id\":\"d03\",\"date\":\"2023-12-30\",\"outlet\":null,\"url\":"  \
  "\"https://example.org/3\",\"title\":null,\"actors\":[{\"id\":\"acme\",\"label\":\"Acme\","  \
  "\"kind\":\"organization\",\"country\":null,\"aliases\":[\"Acme\"],\"mentions\":1,\"key\":"  \
  "null}],\"affiliations\":[]}\n"                                                             \
  "{\"record\":\"event\",\"id\":\"00000000000000c1\",\"doc\":\"d03\",\"type\":\"accuse\","   \
  "\"source\":{\"id\":\"acme\",\"label\":\"Acme\",\"kind\":\"organization\"},\"target\":"     \
  "{\"id\":\"FRA\",\"label\":\"France\",\"kind\":\"country\"},\"directed\":true,\"date\":"    \
  "\"2023-12-30\",\"date_text\":null,\"outlet\":null,\"url\":\"https://example.org/3\","      \
  "\"attributed_to\":null,\"sentence\":\"Acme accused France.\",\"offsets\":[0,20],"          \
  "\"trigger\":\"accused\",\"confidence\":0.9,\"cameo\":\"112\",\"plover\":\"ACCUSE\"}\n"

/* d01 again, its text changed: one event, a new id. */
#define DOC1B                                                                                   \
  "{\"record\":\"document\",\"id\":\"d01\",\"date\":\"2024-03-05\",\"outlet\":\"Example "     \
  "News\",\"url\":null,\"title\":\"Ministers meet\",\"actors\":[],\"affiliations\":[]}\n"      \
  "{\"record\":\"event\",\"id\":\"00000000000000b1\",\"doc\":\"d01\",\"type\":\"meet\","      \
  "\"source\":{\"id\":\"jane-roe\",\"label\":\"Jane Roe\",\"kind\":\"person\"},\"target\":"    \
  "{\"id\":\"FRA\",\"label\":\"France\",\"kind\":\"country\"},\"directed\":false,\"date\":"    \
  "null,\"date_text\":null,\"outlet\":null,\"url\":null,\"attributed_to\":null,\"sentence\":"  \
  "\"Roe met Paris.\",\"offsets\":[0,14],\"trigger\":\"met\",\"confidence\":0.8,\"cameo\":"    \
  "\"043\",\"plover\":\"CONSULT\"}\n"

static an_status add(an_store *st, const char *hash, const char *jsonl, an_store_added *added,
                     an_error *err) {
  return an_store_add_doc(st, hash, jsonl, strlen(jsonl), added, err);
}

/* Exports into a malloc'd string. */
static char *export_str(an_store *st, const an_store_filter *f) {
  char *data = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&data, &len);
  an_error err;
  an_status r = an_store_export_jsonl(st, f, m, &err);
  fclose(m);
  if (r != AN_OK) {
    fprintf(stderr, "export: %s\n", err.msg);
    free(data);
    return NULL;
  }
  return data;
}

static long long query_int(const char *path, const char *sql) {
  sqlite3 *db = NULL;
  sqlite3_stmt *s = NULL;
  long long v = -1;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
    v = sqlite3_column_int64(s, 0);
  else
    fprintf(stderr, "query %s: %s\n", sql, sqlite3_errmsg(db));
  sqlite3_finalize(s);
  sqlite3_close(db);
  return v;
}

static int exec_sql(const char *path, const char *sql) {
  sqlite3 *db = NULL;
  char *msg = NULL;
  int rc = sqlite3_open(path, &db);
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
  if (rc != SQLITE_OK) fprintf(stderr, "exec: %s\n", msg ? msg : sqlite3_errmsg(db));
  sqlite3_free(msg);
  sqlite3_close(db);
  return rc;
}

static void test_sha256(void) {
  static const struct {
    const char *in, *hex;
  } v[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      /* 63 bytes: the padding takes a second block. */
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmjklmnklmnolmnopmnopnopq",
       "282151602870a0064ce975dd3961716971ece56aff7ed98d0e239bcdc3910f48"},
  };
  for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
    an_sha256 h;
    char hex[65];
    an_sha256_init(&h);
    an_sha256_update(&h, v[i].in, strlen(v[i].in));
    an_sha256_final_hex(&h, hex);
    CHECK_STR(hex, v[i].hex);
  }
  /* One million 'a', fed in uneven pieces: the streaming edges. */
  an_sha256 h;
  char hex[65], chunk[997];
  memset(chunk, 'a', sizeof chunk);
  an_sha256_init(&h);
  size_t left = 1000000, step = 1;
  while (left) {
    size_t n = step < left ? step : left;
    an_sha256_update(&h, chunk, n);
    left -= n;
    step = step * 7 % 997 + 1;
  }
  an_sha256_final_hex(&h, hex);
  CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void test_doc_hash(void) {
  char a[AN_STORE_HASH_LEN + 1], b[AN_STORE_HASH_LEN + 1];
  char text[] = "Roe spoke with Paris.";
  an_doc d = {.id = "x", .text = text, .len = strlen(text), .date = "2024-01-02"};
  an_store_doc_hash(&d, a);
  CHECK_INT(strlen(a), AN_STORE_HASH_LEN);
  an_store_doc_hash(&d, b);
  CHECK_STR(a, b);
  /* The id is not content: the same text under another id hashes alike. */
  d.id = "y";
  an_store_doc_hash(&d, b);
  CHECK_STR(a, b);
  /* Metadata is: extraction dates events from it. */
  d.date = "2024-01-03";
  an_store_doc_hash(&d, b);
  CHECK(strcmp(a, b) != 0);
  /* Moving bytes from one field to the next changes the hash. */
  an_doc e1 = {.text = "ab", .len = 2, .outlet = "c"};
  an_doc e2 = {.text = "a", .len = 1, .outlet = "bc"};
  an_store_doc_hash(&e1, a);
  an_store_doc_hash(&e2, b);
  CHECK(strcmp(a, b) != 0);
  /* A salt changes the hash; no salt is the plain hash. */
  char c[AN_STORE_HASH_LEN + 1];
  an_doc g = {.text = "a", .len = 1};
  an_store_doc_hash(&g, a);
  an_store_doc_hash_salted(&g, NULL, b);
  CHECK_STR(a, b);
  an_store_doc_hash_salted(&g, "0.1.0|opts=0", b);
  an_store_doc_hash_salted(&g, "0.1.0|opts=1", c);
  CHECK(strcmp(a, b) != 0 && strcmp(b, c) != 0);
  an_store_doc_hash_salted(&g, "", c);
  CHECK(strcmp(a, c) != 0);
  /* An empty outlet is not a missing one. */
  an_doc f1 = {.text = "a", .len = 1, .outlet = ""};
  an_doc f2 = {.text = "a", .len = 1};
  an_store_doc_hash(&f1, a);
  an_store_doc_hash(&f2, b);
  CHECK(strcmp(a, b) != 0);
}

static void test_basic(void) {
  const char *path = tmp_path("basic.db");
  an_store *st = NULL;
  an_error err;
  an_store_added added;
  an_store_state state;
  size_t docs, actors, events;

  CHECK_INT(an_store_open(path, 0, &st, &err), AN_OK);
  if (!st) return;
  CHECK_INT(an_store_schema_version(st), AN_STORE_SCHEMA_VERSION);
  CHECK_INT(an_store_counts(st, &docs, &actors, &events, &err), AN_OK);
  CHECK_INT(docs + actors + events, 0);
  CHECK_INT(an_store_has_doc(st, "d01", "h1", &state, &err), AN_OK);
  CHECK_INT(state, AN_STORE_ABSENT);

  CHECK_INT(add(st, "h1", DOC1, &added, &err), AN_OK);
  CHECK_INT(added, AN_STORE_INSERTED);
  CHECK_INT(add(st, "h2", DOC2, &added, &err), AN_OK);
  CHECK_INT(add(st, "h3", DOC3, &added, &err), AN_OK);
  CHECK_INT(an_store_counts(st, &docs, &actors, &events, &err), AN_OK);
  CHECK_INT(docs, 3);
  CHECK_INT(actors, 3);
  CHECK_INT(events, 3);
  CHECK_INT(an_store_has_doc(st, "d01", "h1", &state, &err), AN_OK);
  CHECK_INT(state, AN_STORE_SAME);
  CHECK_INT(an_store_has_doc(st, "d01", "other", &state, &err), AN_OK);
  CHECK_INT(state, AN_STORE_CHANGED);
  CHECK_INT(an_store_has_doc(st, "d01", NULL, &state, &err), AN_OK);
  CHECK_INT(state, AN_STORE_SAME);

  /* Export gives back exactly what went in, in storage order. */
  char *out = export_str(st, NULL);
  CHECK_STR(out, DOC1 DOC2 DOC3);
  free(out);

  /* Re-adding the same documents adds nothing. */
  CHECK_INT(add(st, "h1", DOC1, &added, &err), AN_OK);
  CHECK_INT(added, AN_STORE_UNCHANGED);
  CHECK_INT(add(st, "h3", DOC3, &added, &err), AN_OK);
  CHECK_INT(added, AN_STORE_UNCHANGED);
  CHECK_INT(an_store_counts(st, &docs, &actors, &events, &err), AN_OK);
  CHECK_INT(docs, 3);
  CHECK_INT(events, 3);

  /* Changed content replaces the old records and keeps the place. */
  CHECK_INT(add(st, "h1b", DOC1B, &added, &err), AN_OK);
  CHECK_INT(added, AN_STORE_REPLACED);
  out = export_str(st, NULL);
  CHECK_STR(out, DOC1B DOC2 DOC3);
  free(out);
  CHECK_INT(an_store_counts(st, &docs, &actors, &events, &err), AN_OK);
  CHECK_INT(docs, 3);
  CHECK_INT(actors, 1);
  CHECK_INT(events, 2);
  CHECK_INT(an_store_has_doc(st, "d01", "h1b", &state, &err), AN_OK);
  CHECK_INT(state, AN_STORE_SAME);
  an_store_free(st);

  /* The columns hold the fields (what SQL users query). */
  CHECK_INT(query_int(path, "SELECT count(*) FROM events WHERE id = '00000000000000a1'"), 0);
  CHECK_INT(query_int(path, "SELECT off_end FROM events WHERE id = '00000000000000c1'"), 20);
  CHECK_INT(query_int(path, "SELECT directed FROM events WHERE id = '00000000000000b1'"), 0);
  CHECK_INT(query_int(path, "SELECT count(*) FROM events WHERE type = 'accuse' AND source_id ="
                            " 'acme' AND target_kind = 'country' AND confidence = 0.9 AND plover"
                            " = 'ACCUSE' AND url = 'https://example.org/3'"),
            1);
  CHECK_INT(query_int(path, "SELECT count(*) FROM documents WHERE id = 'd01' AND date ="
                            " '2024-03-05' AND title = 'Ministers meet' AND added LIKE '20%Z'"),
            1);
  CHECK_INT(query_int(path, "PRAGMA user_version"), AN_STORE_SCHEMA_VERSION);
  CHECK_INT(query_int(path, "PRAGMA application_id"), 0x616e6574);

  /* Reopen: the data is durable and re-adding still adds nothing. */
  CHECK_INT(an_store_open(path, 0, &st, &err), AN_OK);
  if (!st) return;
  CHECK_INT(add(st, "h2", DOC2, &added, &err), AN_OK);
  CHECK_INT(added, AN_STORE_UNCHANGED);
  out = export_str(st, NULL);
  CHECK_STR(out, DOC1B DOC2 DOC3);
  free(out);
  an_store_free(st);
}

static void test_actor_columns(void) {
  const char *path = tmp_path("actors.db");
  an_store *st = NULL;
  an_error err;
  CHECK_INT(an_store_open(path, 0, &st, &err), AN_OK);
  if (!st) return;
  CHECK_INT(add(st, NULL, DOC1, NULL, &err), AN_OK);
  an_store_free(st);
  CHECK_INT(query_int(path, "SELECT mentions FROM actors WHERE id = 'jane-roe'"), 3);
  CHECK_INT(query_int(path, "SELECT count(*) FROM actors WHERE id = 'jane-roe' AND country ="
                            " 'NLD' AND key = 'roe|jane' AND json_array_length(aliases) = 2"),
            1);
  CHECK_INT(query_int(path, "SELECT ord FROM actors WHERE id = 'FRA' AND key IS NULL"), 1);
  CHECK_INT(query_int(path, "SELECT count(*) FROM affiliations WHERE person = 'jane-roe' AND"
                            " org = 'NLD' AND role = 'minister'"),
            1);
}

static void test_filters(void) {
  const char *path = tmp_path("filters.db");
  an_store *st = NULL;
  an_error err;
  CHECK_INT(an_store_open(path, 0, &st, &err), AN_OK);
  if (!st) return;
  CHECK_INT(add(st, NULL, DOC1 , NULL, &err), AN_OK);
  CHECK_INT(add(st, NULL, DOC2, NULL, &err), AN_OK);
  CHECK_INT(add(st, NULL, DOC3, NULL, &err), AN_OK);

  const char *types[] = {"accuse", "praise", NULL};
  an_store_filter f = {.types = types};
  char *out = export_str(st, &f);
  /* Documents stay; only the selected events follow them. */
  CHECK(out && strstr(out, "\"id\":\"00000000000000a2\""));
  CHECK(out && strstr(out, "\"id\":\"00000000000000c1\""));
  CHECK(out && !strstr(out, "\"id\":\"00000000000000a1\""));
  CHECK(out && strstr(out, "\"id\":\"d02\""));
  free(out);

  const char *ids[] = {"d03", NULL};
  an_store_filter g = {.doc_ids = ids};
  out = export_str(st, &g);
  CHECK_STR(out, DOC3);
  free(out);

  /* since 2024-02-15: a2 (2024-02, month precision) overlaps, a1 is after,
   * c1 (2023-12-30) is before. */
  an_store_filter h = {.since = "2024-02-15"};
  out = export_str(st, &h);
  CHECK(out && strstr(out, "00000000000000a1") && strstr(out, "00000000000000a2"));
  CHECK(out && !strstr(out, "00000000000000c1"));
  free(out);
  an_store_filter k = {.since = "2023", .until = "2024-02-29"};
  out = export_str(st, &k);
  CHECK(out && !strstr(out, "00000000000000a1") && strstr(out, "00000000000000a2"));
  CHECK(out && strstr(out, "00000000000000c1"));
  free(out);
  an_store_free(st);
}

static void test_bad_records(void) {
  const char *path = tmp_path("bad.db");
  an_store *st = NULL;
  an_error err;
  an_store_added added;
  size_t docs, events;
  CHECK_INT(an_store_open(path, 0, &st, &err), AN_OK);
  if (!st) return;

  /* A broken last event: the whole document stays out. */
  const char *broken = DOC3 "{\"record\":\"event\",\"id\":\"x\",";
  CHECK_INT(add(st, NULL, broken, &added, &err), AN_EDATA);
  CHECK_INT(err.line, 3);
  CHECK_INT(added, AN_STORE_UNCHANGED);
  CHECK_INT(an_store_counts(st, &docs, NULL, &events, &err), AN_OK);
  CHECK_INT(docs + events, 0);

  /* An event that names another document. */
  const char *misplaced =
      DOC2 "{\"record\":\"event\",\"id\":\"e9\",\"doc\":\"d07\",\"type\":\"call\",\"source\":"
           "{\"id\":\"a\"},\"target\":{\"id\":\"b\"}}\n";
  CHECK_INT(add(st, NULL, misplaced, NULL, &err), AN_EDATA);
  CHECK(strstr(err.msg, "d07") != NULL);
  /* Events first, no document record. */
  CHECK_INT(add(st, NULL, strchr(DOC3, '\n') + 1, NULL, &err), AN_EDATA);
  CHECK_INT(add(st, NULL, "\n  \n", NULL, &err), AN_EDATA);
  CHECK_INT(add(st, NULL, "[1,2]\n", NULL, &err), AN_EDATA);
  /* A required field missing, a field of the wrong type. */
  CHECK_INT(add(st, NULL, "{\"record\":\"document\"}\n", NULL, &err), AN_EDATA);
  CHECK_INT(add(st, NULL, "{\"record\":\"document\",\"id\":\"q\",\"date\":20240101}\n", NULL, &err),
            AN_EDATA);
  CHECK(strstr(err.msg, "date") != NULL);
  CHECK_INT(an_store_counts(st, &docs, NULL, &events, &err), AN_OK);
  CHECK_INT(docs + events, 0);

  /* A duplicate event id (in another document) is refused, atomically. */
  CHECK_INT(add(st, NULL, DOC1, NULL, &err), AN_OK);
  char dup[4096];
  snprintf(dup, sizeof dup, "%s%s", DOC2,
           "{\"record\":\"event\",\"id\":\"00000000000000a1\",\"doc\":\"d02\",\"type\":\"call\","
           "\"source\":{\"id\":\"a\"},\"target\":{\"id\":\"b\"}}\n");
  CHECK_INT(add(st, NULL, dup, NULL, &err), AN_EDATA);
  CHECK(strstr(err.msg, "00000000000000a1") != NULL);
  an_store_state state;
  CHECK_INT(an_store_has_doc(st, "d02", NULL, &state, &err), AN_OK);
  CHECK_INT(state, AN_STORE_ABSENT);

  /* Blank lines and CRLF endings are accepted; the stored line has no CR. */
  const char *crlf = "\r\n{\"record\":\"document\",\"id\":\"d05\"}\r\n\r\n";
  CHECK_INT(add(st, NULL, crlf, &added, &err), AN_OK);
  CHECK_INT(added, AN_STORE_INSERTED);
  const char *ids[] = {"d05", NULL};
  an_store_filter f = {.doc_ids = ids};
  char *out = export_str(st, &f);
  CHECK_STR(out, "{\"record\":\"document\",\"id\":\"d05\"}\n");
  free(out);
  an_store_free(st);
}

static void test_batches(void) {
  const char *path = tmp_path("batch.db");
  an_store *st = NULL;
  an_error err;
  size_t docs;
  CHECK_INT(an_store_open(path, 0, &st, &err), AN_OK);
  if (!st) return;
  CHECK_INT(an_store_commit(st, &err), AN_EINVAL);
  CHECK_INT(an_store_begin(st, &err), AN_OK);
  CHECK_INT(an_store_begin(st, &err), AN_EINVAL);
  CHECK_INT(add(st, NULL, DOC1, NULL, &err), AN_OK);
  CHECK_INT(add(st, NULL, DOC2, NULL, &err), AN_OK);
  an_store_rollback(st);
  an_store_rollback(st); /* no batch: a no-op */
  CHECK_INT(an_store_counts(st, &docs, NULL, NULL, &err), AN_OK);
  CHECK_INT(docs, 0);

  /* A failing document inside a batch does not spoil the batch. */
  CHECK_INT(an_store_begin(st, &err), AN_OK);
  CHECK_INT(add(st, NULL, DOC1, NULL, &err), AN_OK);
  CHECK_INT(add(st, NULL, DOC2 "{broken\n", NULL, &err), AN_EDATA);
  CHECK_INT(add(st, NULL, DOC3, NULL, &err), AN_OK);
  /* Another connection sees nothing before the commit. */
  CHECK_INT(query_int(path, "SELECT count(*) FROM documents"), 0);
  CHECK_INT(an_store_commit(st, &err), AN_OK);
  CHECK_INT(query_int(path, "SELECT count(*) FROM documents"), 2);
  char *out = export_str(st, NULL);
  CHECK_STR(out, DOC1 DOC3);
  free(out);

  /* Freeing the store with a batch open rolls it back. */
  CHECK_INT(an_store_begin(st, &err), AN_OK);
  CHECK_INT(add(st, NULL, DOC2, NULL, &err), AN_OK);
  an_store_free(st);
  CHECK_INT(query_int(path, "SELECT count(*) FROM documents"), 2);
}

static void test_import(void) {
  const char *src = tmp_path("in.jsonl");
  const char *path = tmp_path("import.db");
  FILE *f = fopen(src, "w");
  fputs(DOC1 DOC2 "\n" DOC3, f);
  fclose(f);
  an_store *st = NULL;
  an_error err;
  size_t ins = 0, rep = 0;
  CHECK_INT(an_store_open(path, 0, &st, &err), AN_OK);
  if (!st) return;
  f = fopen(src, "r");
  CHECK_INT(an_store_import_jsonl(st, f, src, 2, &ins, &rep, &err), AN_OK);
  fclose(f);
  CHECK_INT(ins, 3);
  CHECK_INT(rep, 0);
  char *out = export_str(st, NULL);
  CHECK_STR(out, DOC1 DOC2 DOC3);
  free(out);
  /* Again: nothing new. */
  f = fopen(src, "r");
  CHECK_INT(an_store_import_jsonl(st, f, src, 0, &ins, &rep, &err), AN_OK);
  fclose(f);
  CHECK_INT(ins + rep, 0);

  /* An error names the file and the line in it. */
  f = fopen(src, "w");
  fputs(DOC1 DOC3 "{\"record\":\"event\",\"id\":\"zz\",\"doc\":\"d03\"}\n", f);
  fclose(f);
  f = fopen(src, "r");
  CHECK_INT(an_store_import_jsonl(st, f, src, 0, &ins, &rep, &err), AN_EDATA);
  fclose(f);
  CHECK_STR(err.path, src);
  CHECK_INT(err.line, 6); /* DOC1 is lines 1-3, DOC3 4-5 */
  an_store_free(st);
}

/* The v1 layout, as an older actornet wrote it (MIGRATIONS[0] of store.c,
 * copied on purpose: a store in the field keeps what the old code made). */
static const char *V1 =
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
    " cameo TEXT, plover TEXT, json TEXT NOT NULL, UNIQUE (doc, ord));"
    "PRAGMA user_version = 1; PRAGMA application_id = 1634624884;";

static void test_migration(void) {
  const char *path = tmp_path("v1.db");
  /* A version 1 store holding d01 (its record lists one affiliation). */
  CHECK_INT(exec_sql(path, V1), SQLITE_OK);
  char sql[8192];
  const char *doc_line_end = strchr(DOC1, '\n');
  snprintf(sql, sizeof sql,
           "INSERT INTO documents (id, hash, added, json) VALUES ('d01', 'h1',"
           " '2020-01-01T00:00:00Z', '%.*s');",
           (int)(doc_line_end - DOC1), DOC1);
  CHECK_INT(exec_sql(path, sql), SQLITE_OK);
  CHECK_INT(query_int(path, "PRAGMA user_version"), 1);

  /* Read-only: readable as it is, not migrated. */
  an_store *st = NULL;
  an_error err;
  CHECK_INT(an_store_open(path, AN_STORE_READONLY, &st, &err), AN_OK);
  CHECK_INT(an_store_schema_version(st), 1);
  char *out = st ? export_str(st, NULL) : NULL;
  CHECK(out && strncmp(out, DOC1, (size_t)(doc_line_end - DOC1) + 1) == 0);
  free(out);
  an_store_free(st);
  CHECK_INT(query_int(path, "PRAGMA user_version"), 1);

  /* Writable: migrated, affiliations backfilled from the stored record. */
  CHECK_INT(an_store_open(path, 0, &st, &err), AN_OK);
  if (!st) return;
  CHECK_INT(an_store_schema_version(st), AN_STORE_SCHEMA_VERSION);
  an_store_state state;
  CHECK_INT(an_store_has_doc(st, "d01", "h1", &state, &err), AN_OK);
  CHECK_INT(state, AN_STORE_SAME);
  CHECK_INT(add(st, NULL, DOC3, NULL, &err), AN_OK);
  an_store_free(st);
  CHECK_INT(query_int(path, "PRAGMA user_version"), AN_STORE_SCHEMA_VERSION);
  CHECK_INT(query_int(path, "SELECT count(*) FROM affiliations WHERE person = 'jane-roe' AND"
                            " org = 'NLD' AND role = 'minister' AND ord = 0"),
            1);
  CHECK_INT(query_int(path, "SELECT count(*) FROM sqlite_schema WHERE name ="
                            " 'affiliations_person'"),
            1);
  CHECK_INT(query_int(path, "SELECT count(*) FROM events"), 1);
  CHECK_INT(query_int(path, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check"
                            " = 'ok'"),
            1);
}

/* The documented schema (src/store/schema.sql) is the one a new store has:
 * same tables, columns (name, type, not null, key), indexes. */
static char *describe(sqlite3 *db) {
  an_buf b;
  an_buf_init(&b);
  sqlite3_stmt *t = NULL, *c = NULL;
  sqlite3_prepare_v2(db,
                     "SELECT type, name, tbl_name FROM sqlite_schema WHERE name NOT LIKE"
                     " 'sqlite_%' ORDER BY type, name",
                     -1, &t, NULL);
  while (t && sqlite3_step(t) == SQLITE_ROW) {
    const char *type = (const char *)sqlite3_column_text(t, 0);
    const char *name = (const char *)sqlite3_column_text(t, 1);
    an_buf_printf(&b, "%s %s on %s:", type, name, (const char *)sqlite3_column_text(t, 2));
    char q[256];
    snprintf(q, sizeof q, strcmp(type, "table") == 0 ? "PRAGMA table_info(%s)"
                                                     : "PRAGMA index_info(%s)", name);
    sqlite3_prepare_v2(db, q, -1, &c, NULL);
    while (c && sqlite3_step(c) == SQLITE_ROW) {
      if (strcmp(type, "table") == 0)
        an_buf_printf(&b, " %s %s%s%s", sqlite3_column_text(c, 1), sqlite3_column_text(c, 2),
                      sqlite3_column_int(c, 3) ? " notnull" : "",
                      sqlite3_column_int(c, 5) ? " key" : "");
      else
        an_buf_printf(&b, " %s", sqlite3_column_text(c, 2));
    }
    sqlite3_finalize(c);
    an_buf_putc(&b, '\n');
  }
  sqlite3_finalize(t);
  return an_buf_steal(&b, NULL);
}

static void test_schema_doc(void) {
  const char *path = tmp_path("schema.db");
  an_store *st = NULL;
  an_error err;
  CHECK_INT(an_store_open(path, 0, &st, &err), AN_OK);
  an_store_free(st);
  char *sql = NULL;
  size_t len = 0;
  CHECK_INT(an_file_slurp(AN_SOURCE_DIR "/src/store/schema.sql", &sql, &len, &err), AN_OK);
  sqlite3 *doc = NULL, *real = NULL;
  sqlite3_open(":memory:", &doc);
  CHECK_INT(sqlite3_exec(doc, sql ? sql : "", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_open_v2(path, &real, SQLITE_OPEN_READONLY, NULL);
  char *want = describe(doc), *got = describe(real);
  CHECK_STR(got, want);
  CHECK(got && strstr(got, "table events on events:") != NULL);
  an_free(want);
  an_free(got);
  an_free(sql);
  sqlite3_close(doc);
  sqlite3_close(real);
}

static void test_open_errors(void) {
  an_store *st = NULL;
  an_error err;

  /* Not a database at all. */
  const char *junk = tmp_path("junk.db");
  FILE *f = fopen(junk, "w");
  fputs("This is a text file, not a database. It is long enough to hold a"
        " header of one hundred bytes, which SQLite reads first to decide.\n", f);
  fclose(f);
  CHECK_INT(an_store_open(junk, 0, &st, &err), AN_EDB);
  CHECK(st == NULL);
  CHECK_STR(err.path, junk);
  CHECK(strstr(err.msg, "not a database") != NULL);
  CHECK_INT(an_store_open(junk, AN_STORE_READONLY, &st, &err), AN_EDB);

  /* Another program's SQLite database: refused, untouched. */
  const char *other = tmp_path("other.db");
  CHECK_INT(exec_sql(other, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');"),
            SQLITE_OK);
  CHECK_INT(an_store_open(other, 0, &st, &err), AN_EDB);
  CHECK(strstr(err.msg, "not an actornet store") != NULL);
  CHECK_INT(query_int(other, "SELECT count(*) FROM sqlite_schema"), 1);
  CHECK_INT(query_int(other, "PRAGMA user_version"), 0);

  /* A store from a newer actornet. */
  const char *newer = tmp_path("newer.db");
  CHECK_INT(an_store_open(newer, 0, &st, &err), AN_OK);
  an_store_free(st);
  CHECK_INT(exec_sql(newer, "PRAGMA user_version = 99"), SQLITE_OK);
  CHECK_INT(an_store_open(newer, 0, &st, &err), AN_EDB);
  CHECK(strstr(err.msg, "newer") != NULL);
  CHECK_INT(an_store_open(newer, AN_STORE_READONLY, &st, &err), AN_EDB);

  /* A path that cannot be created (even as root: /proc takes no files). */
  CHECK_INT(an_store_open("/proc/self/no-such-dir/x.db", 0, &st, &err), AN_EDB);
  CHECK(st == NULL);
  CHECK_STR(err.path, "/proc/self/no-such-dir/x.db");
  CHECK(err.msg[0] != '\0');
  CHECK_INT(an_store_open(tmp_path("missing.db"), AN_STORE_READONLY, &st, &err), AN_ENOTFOUND);
  CHECK(access(tmp_path("missing.db"), F_OK) != 0);
  CHECK_INT(an_store_open("", 0, &st, &err), AN_EINVAL);

  /* Read-only: reads work, writes are refused. */
  const char *ro = tmp_path("ro.db");
  CHECK_INT(an_store_open(ro, 0, &st, &err), AN_OK);
  CHECK_INT(add(st, NULL, DOC3, NULL, &err), AN_OK);
  an_store_free(st);
  CHECK_INT(an_store_open(ro, AN_STORE_READONLY, &st, &err), AN_OK);
  if (!st) return;
  CHECK_INT(add(st, NULL, DOC2, NULL, &err), AN_EINVAL);
  char *out = export_str(st, NULL);
  CHECK_STR(out, DOC3);
  free(out);
  an_store_free(st);

  /* An empty file opened read-only is not a store. */
  const char *empty = tmp_path("empty.db");
  f = fopen(empty, "w");
  fclose(f);
  CHECK_INT(an_store_open(empty, AN_STORE_READONLY, &st, &err), AN_EDB);
}

static void test_export_write_error(void) {
  const char *path = tmp_path("full.db");
  an_store *st = NULL;
  an_error err;
  CHECK_INT(an_store_open(path, 0, &st, &err), AN_OK);
  if (!st) return;
  CHECK_INT(add(st, NULL, DOC1, NULL, &err), AN_OK);
  FILE *full = fopen("/dev/full", "w");
  if (full) {
    setvbuf(full, NULL, _IONBF, 0);
    CHECK_INT(an_store_export_jsonl(st, NULL, full, &err), AN_EIO);
    fclose(full);
  }
  an_store_free(st);
}

/* Mangled records (bytes flipped, cut, duplicated; deterministic) are
 * stored whole or refused with AN_EDATA: never a crash, never a part. */
static void test_mutations(void) {
  const char *path = tmp_path("mut.db");
  an_store *st = NULL;
  an_error err;
  CHECK_INT(an_store_open(path, 0, &st, &err), AN_OK);
  if (!st) return;
  const char *base = DOC1;
  size_t n = strlen(base);
  char *buf = malloc(2 * n + 16);
  uint64_t r = 42;
  int ok = 0, refused = 0, other = 0;
  for (int it = 0; it < 3000; it++) {
    memcpy(buf, base, n + 1);
    size_t len = n;
    for (int k = 0; k < 1 + it % 4; k++) {
      r = r * 6364136223846793005ull + 1442695040888963407ull;
      size_t at = (size_t)(r >> 33) % len;
      static const char junk[] = "{}[]\",:0-9en\n\xff\x00";
      switch ((r >> 20) % 6) {
      case 4: /* a letter for a letter: still JSON, other ids and values */
      case 5:
        if ((buf[at] | 32) >= 'a' && (buf[at] | 32) <= 'z') buf[at] = (char)('a' + (r >> 40) % 26);
        break;
      case 0: buf[at] = junk[(r >> 8) % (sizeof junk - 1)]; break;  /* flip */
      case 1: len = at; break;                                        /* cut */
      case 2: memmove(buf + at, buf + at + 1, len - at); len--; break; /* drop */
      default:                                                         /* repeat */
        if (len + 8 < 2 * n) {
          memmove(buf + at + 8, buf + at, len - at);
          len += 8;
        }
      }
      if (!len) break;
    }
    an_status rc = an_store_add_doc(st, NULL, buf, len, NULL, &err);
    ok += rc == AN_OK;
    refused += rc == AN_EDATA;
    other += rc != AN_OK && rc != AN_EDATA;
    if (rc != AN_OK && rc != AN_EDATA) fprintf(stderr, "mutation %d: %d %s\n", it, rc, err.msg);
  }
  free(buf);
  CHECK_INT(other, 0);
  CHECK(refused > 0);
  fprintf(stderr, "mutations: %d stored, %d refused\n", ok, refused);
  an_store_free(st);
  /* Whatever was stored is whole: every event's document is there. */
  CHECK_INT(query_int(path, "SELECT count(*) FROM events WHERE doc NOT IN (SELECT seq FROM"
                            " documents)"),
            0);
  CHECK_INT(query_int(path, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check"
                            " = 'ok'"),
            1);
}

int main(void) {
  const char *base = getenv("TMPDIR");
  snprintf(tmpdir, sizeof tmpdir, "%s/an_store_XXXXXX", base && *base ? base : "/tmp");
  if (!mkdtemp(tmpdir)) {
    perror("mkdtemp");
    return 2;
  }
  test_sha256();
  test_doc_hash();
  test_basic();
  test_actor_columns();
  test_filters();
  test_bad_records();
  test_batches();
  test_import();
  test_migration();
  test_schema_doc();
  test_open_errors();
  test_export_write_error();
  test_mutations();
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
  if (!test_failures && system(cmd) != 0) fprintf(stderr, "could not remove %s\n", tmpdir);
  return TEST_DONE();
}
