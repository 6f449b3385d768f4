/* fuzz_store.c: an events JSONL stream imported into the SQLite store
 * (an_store_import_jsonl, what `actornet extract --db` and importing a
 * JSONL file into a store do) and exported back.
 * fuzz-requires: src/store
 * The first byte picks the batch size (1-8 documents). Checks: import never
 * crashes and fails only with AN_EDATA naming the file and a line inside
 * it (or AN_EDB/AN_ENOMEM with a message); whatever happened, the store
 * stays consistent: its export, imported into a fresh store, exports the
 * same bytes. On success the export is exactly the input's records: for
 * each document id in order of first appearance, the lines of its last
 * version (blank lines dropped, "\r\n" read as "\n"); importing the same
 * input again inserts nothing, and replaces nothing if no id repeats. */
#include <cjson/cJSON.h>

#include "actornet/store.h"
#include "fuzz.h"
#include "tmpfile.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  return 0;
}

static void db_remove(const char *path) {
  char side[600];
  unlink(path);
  snprintf(side, sizeof side, "%s-wal", path);
  unlink(side);
  snprintf(side, sizeof side, "%s-shm", path);
  unlink(side);
  snprintf(side, sizeof side, "%s-journal", path);
  unlink(side);
}

static an_store *fresh_store(const char *path) {
  db_remove(path);
  an_store *st = NULL;
  an_error err;
  an_status r = an_store_open(path, 0, &st, &err);
  fuzz_status_ok(r, &err);
  FUZZ_CHECK(r == AN_OK && st != NULL);
  return st;
}

static char *export_mem(an_store *st, size_t *len) {
  char *buf = NULL;
  FILE *f = open_memstream(&buf, len);
  FUZZ_CHECK(f != NULL);
  an_error err;
  an_status r = an_store_export_jsonl(st, NULL, f, &err);
  fuzz_status_ok(r, &err);
  FUZZ_CHECK(r == AN_OK);
  FUZZ_CHECK(fclose(f) == 0);
  return buf;
}

static an_status import_mem(an_store *st, const char *path, const uint8_t *p, size_t n, size_t batch,
                            size_t *ins, size_t *rep, an_error *err) {
  FILE *f = n ? fmemopen((void *)p, n, "rb") : fopen("/dev/null", "rb");
  FUZZ_CHECK(f != NULL);
  an_status r = an_store_import_jsonl(st, f, path, batch, ins, rep, err);
  fclose(f);
  return r;
}

static int is_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t') return 0;
  return 1;
}

/* What the export should be after a successful import (see the top). */
typedef struct group {
  char *id;
  char *lines; /* "line\n" each */
  size_t len;
} group;

static char *expected(const uint8_t *p, size_t n, size_t *out_len, int *repeats) {
  group *g = NULL;
  size_t ng = 0, cur = (size_t)-1, pos = 0;
  *repeats = 0;
  while (pos < n) {
    const uint8_t *nl = memchr(p + pos, '\n', n - pos);
    size_t full = nl ? (size_t)(nl - (p + pos)) + 1 : n - pos; /* with its '\n' */
    const char *line = (const char *)p + pos;
    size_t len = full - (nl ? 1 : 0);
    if (len && line[len - 1] == '\r') len--;
    pos += full;
    cJSON *o = cJSON_ParseWithLengthOpts(line, full, NULL, 0);
    const cJSON *rec = cJSON_GetObjectItemCaseSensitive(o, "record");
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");
    if (cJSON_IsObject(o) && cJSON_IsString(rec) && strcmp(rec->valuestring, "document") == 0) {
      FUZZ_CHECK(cJSON_IsString(id)); /* else the import fails */
      size_t k = 0;
      while (k < ng && strcmp(g[k].id, id->valuestring) != 0) k++;
      if (k == ng) {
        g = realloc(g, (ng + 1) * sizeof *g);
        FUZZ_CHECK(g != NULL);
        g[ng].id = strdup(id->valuestring);
        g[ng].lines = NULL;
        ng++;
      } else {
        *repeats = 1;
      }
      free(g[k].lines); /* the last version wins */
      g[k].lines = NULL;
      g[k].len = 0;
      cur = k;
    }
    cJSON_Delete(o);
    if (is_blank(line, len)) continue;
    FUZZ_CHECK(cur != (size_t)-1); /* else the import fails */
    g[cur].lines = realloc(g[cur].lines, g[cur].len + len + 1);
    FUZZ_CHECK(g[cur].lines != NULL);
    memcpy(g[cur].lines + g[cur].len, line, len);
    g[cur].lines[g[cur].len + len] = '\n';
    g[cur].len += len + 1;
  }
  char *buf = NULL;
  size_t blen = 0;
  FILE *f = open_memstream(&buf, &blen);
  FUZZ_CHECK(f != NULL);
  for (size_t k = 0; k < ng; k++) {
    if (g[k].len) fwrite(g[k].lines, 1, g[k].len, f);
    free(g[k].id);
    free(g[k].lines);
  }
  free(g);
  FUZZ_CHECK(fclose(f) == 0);
  *out_len = blen;
  return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_cursor c = {data, size};
  size_t batch = 1 + fuzz_byte(&c) % 8;
  size_t lines = 0;
  for (size_t i = 0; i < c.n; i++) lines += c.p[i] == '\n';

  char path[512], path2[512];
  fuzz_write_file(path, sizeof path, "store", ".db", "", 0);
  fuzz_write_file(path2, sizeof path2, "store2", ".db", "", 0);
  an_store *st = fresh_store(path);
  an_error err;
  an_error_clear(&err);
  size_t ins = 0, rep = 0;
  an_status r = import_mem(st, "fuzz.jsonl", c.p, c.n, batch, &ins, &rep, &err), first = r;
  fuzz_status_ok(r, &err);
  if (r == AN_EDATA) {
    FUZZ_CHECK(strcmp(err.path, "fuzz.jsonl") == 0);
    FUZZ_CHECK(err.line >= 1 && (size_t)err.line <= lines + 1);
  }
  size_t n1 = 0, docs = 0;
  char *out1 = export_mem(st, &n1);
  FUZZ_CHECK(an_store_counts(st, &docs, NULL, NULL, &err) == AN_OK);

  /* The export is a store's worth of valid records: it imports as is. */
  an_store *st2 = fresh_store(path2);
  size_t ins2 = 0, rep2 = 0;
  r = import_mem(st2, "export.jsonl", (const uint8_t *)out1, n1, 500, &ins2, &rep2, &err);
  fuzz_status_ok(r, &err);
  if (r != AN_OK) fprintf(stderr, "export does not import: %s:%ld: %s\n", err.path, err.line, err.msg);
  FUZZ_CHECK(r == AN_OK && ins2 == docs && rep2 == 0);
  size_t n2 = 0;
  char *out2 = export_mem(st2, &n2);
  FUZZ_CHECK(n1 == n2 && memcmp(out1, out2, n1) == 0);
  free(out2);
  an_store_free(st2);

  an_error_clear(&err);
  r = import_mem(st, "fuzz.jsonl", c.p, c.n, batch, &ins2, &rep2, &err);
  fuzz_status_ok(r, &err);
  if (first == AN_OK) {
    FUZZ_CHECK(r == AN_OK && ins == docs);
    int repeats = 0;
    size_t ne = 0;
    char *exp = expected(c.p, c.n, &ne, &repeats);
    if (ne != n1 || memcmp(exp, out1, n1) != 0)
      fprintf(stderr, "export differs from the input:\n%.*s---\n%.*s", (int)ne, exp, (int)n1, out1);
    FUZZ_CHECK(ne == n1 && memcmp(exp, out1, n1) == 0);
    FUZZ_CHECK(ins2 == 0); /* nothing new the second time */
    if (!repeats) FUZZ_CHECK(rep2 == 0);
    free(exp);
  }
  free(out1);
  an_store_free(st);
  db_remove(path);
  db_remove(path2);
  return 0;
}
