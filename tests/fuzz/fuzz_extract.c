/* fuzz_extract.c: extraction end to end, an_extract_doc on fuzz text with
 * the real data/ resources, then an_result_write_jsonl.
 * fuzz-requires: src/extract src/actors
 * The first byte picks options (AN_OPT_KEEP_MODAL, AN_OPT_NO_COREF) and
 * document metadata (date, outlet). Checks: the output is JSON Lines, a
 * document record first and then events; every event has a 16-hex id, the
 * document's id, a known type, source and target with ids and kinds,
 * `directed` false exactly for call and meet, offsets inside the original
 * text, and valid UTF-8 evidence; and extraction is pure per document
 * (extract.h): the same document after another one gives the same bytes. */
#include <cjson/cJSON.h>

#include "actornet/extract.h"
#include "fuzz.h"

static an_resources *res;
static an_workspace *ws;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  an_error err;
  if (an_resources_load(AN_DATA_SOURCE_DIR, NULL, &res, &err) != AN_OK ||
      an_workspace_new(res, &ws, &err) != AN_OK) {
    fprintf(stderr, "cannot load %s: %s:%ld: %s\n", AN_DATA_SOURCE_DIR, err.path, err.line, err.msg);
    abort();
  }
  return 0;
}

static const char *const types[] = {"call",   "meet",    "praise", "accuse",  "criticize",
                                    "threaten", "support", "message", "brief", "attack"};

static int known_type(const char *t) {
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
    if (strcmp(t, types[i]) == 0) return 1;
  return 0;
}

static int known_kind(const char *k) {
  return strcmp(k, "person") == 0 || strcmp(k, "organization") == 0 || strcmp(k, "country") == 0;
}

static const char *str(const cJSON *o, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void check_endpoint(const cJSON *ev, const char *key) {
  const cJSON *o = cJSON_GetObjectItemCaseSensitive(ev, key);
  FUZZ_CHECK(cJSON_IsObject(o));
  const char *id = str(o, "id"), *kind = str(o, "kind"), *label = str(o, "label");
  FUZZ_CHECK(id && id[0] && label && kind && known_kind(kind));
}

/* Extracts doc; returns the JSONL (free) or NULL if it was rejected. */
static char *extract(const an_doc *doc, unsigned opts, size_t *len) {
  an_result *r = NULL;
  an_error err;
  an_status st = an_extract_doc(res, ws, doc, opts, &r, &err);
  fuzz_status_ok(st, &err);
  if (st != AN_OK) {
    FUZZ_CHECK(r == NULL);
    return NULL;
  }
  char *buf = NULL;
  FILE *f = open_memstream(&buf, len);
  FUZZ_CHECK(f != NULL);
  st = an_result_write_jsonl(r, f, &err);
  fuzz_status_ok(st, &err);
  FUZZ_CHECK(st == AN_OK);
  FUZZ_CHECK(fclose(f) == 0);
  an_result_free(r);
  return buf;
}

static void check_jsonl(const char *s, size_t len, const an_doc *doc) {
  FUZZ_CHECK(fuzz_valid_utf8(s, len));
  FUZZ_CHECK(len > 0 && s[len - 1] == '\n');
  size_t pos = 0, line = 0;
  while (pos < len) {
    const char *nl = memchr(s + pos, '\n', len - pos);
    FUZZ_CHECK(nl != NULL);
    size_t n = (size_t)(nl - (s + pos));
    const char *end = NULL;
    cJSON *o = cJSON_ParseWithLengthOpts(s + pos, n, &end, 0);
    if (!cJSON_IsObject(o)) fprintf(stderr, "not a JSON object: %.*s\n", (int)n, s + pos);
    FUZZ_CHECK(cJSON_IsObject(o));
    FUZZ_CHECK(end == s + pos + n); /* one object, nothing after it */
    const char *rec = str(o, "record");
    FUZZ_CHECK(rec != NULL);
    if (line == 0) {
      FUZZ_CHECK(strcmp(rec, "document") == 0 && strcmp(str(o, "id"), doc->id) == 0);
      FUZZ_CHECK(cJSON_GetObjectItemCaseSensitive(o, "doc") == NULL);
      FUZZ_CHECK(cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(o, "actors")));
    } else {
      FUZZ_CHECK(strcmp(rec, "event") == 0);
      const char *id = str(o, "id"), *d = str(o, "doc"), *type = str(o, "type");
      FUZZ_CHECK(id && strlen(id) == 16 && strspn(id, "0123456789abcdef") == 16);
      FUZZ_CHECK(d && strcmp(d, doc->id) == 0);
      FUZZ_CHECK(type && known_type(type));
      check_endpoint(o, "source");
      check_endpoint(o, "target");
      const cJSON *dir = cJSON_GetObjectItemCaseSensitive(o, "directed");
      FUZZ_CHECK(cJSON_IsBool(dir));
      int sym = strcmp(type, "call") == 0 || strcmp(type, "meet") == 0;
      FUZZ_CHECK(cJSON_IsTrue(dir) == !sym);
      const cJSON *off = cJSON_GetObjectItemCaseSensitive(o, "offsets");
      FUZZ_CHECK(cJSON_IsArray(off) && cJSON_GetArraySize(off) == 2);
      double a = cJSON_GetArrayItem(off, 0)->valuedouble, b = cJSON_GetArrayItem(off, 1)->valuedouble;
      if (!(0 <= a && a < b && b <= (double)doc->len))
        fprintf(stderr, "offsets [%g, %g] outside the %zu-byte text\n", a, b, doc->len);
      FUZZ_CHECK(0 <= a && a < b && b <= (double)doc->len);
      const char *sent = str(o, "sentence");
      FUZZ_CHECK(sent != NULL);
      const cJSON *conf = cJSON_GetObjectItemCaseSensitive(o, "confidence");
      FUZZ_CHECK(cJSON_IsNumber(conf) && conf->valuedouble >= 0 && conf->valuedouble <= 1);
    }
    cJSON_Delete(o);
    pos += n + 1;
    line++;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_cursor c = {data, size};
  unsigned o = fuzz_byte(&c);
  unsigned opts = (o & 1 ? AN_OPT_KEEP_MODAL : 0) | (o & 2 ? AN_OPT_NO_COREF : 0);
  /* The reader hands out NUL-terminated text (io.h); so do we. */
  char *text = malloc(c.n + 1);
  FUZZ_CHECK(text != NULL);
  memcpy(text, c.p, c.n);
  text[c.n] = '\0';
  char id[] = "fz1", date[] = "2024-03-04", outlet[] = "Test Wire", path[] = "fuzz.txt";
  an_doc doc = {.id = id, .text = text, .len = c.n, .path = path,
                .date = (o & 4) ? date : NULL, .outlet = (o & 8) ? outlet : NULL};

  size_t n1 = 0, n2 = 0, n3 = 0;
  char *out1 = extract(&doc, opts, &n1);
  if (out1) {
    if (getenv("AN_FUZZ_VERBOSE")) fwrite(out1, 1, n1, stderr);
    check_jsonl(out1, n1, &doc);
    /* Purity: another document in between changes nothing. */
    char other_text[] = "Foreign Minister Ana Ruiz of Spain spoke with Omar Haddad on Monday. "
                        "She later criticized the council.";
    char other_id[] = "fz0";
    an_doc other = {.id = other_id, .text = other_text, .len = sizeof other_text - 1, .path = path};
    free(extract(&other, opts ^ AN_OPT_NO_COREF, &n3));
    char *out2 = extract(&doc, opts, &n2);
    FUZZ_CHECK(out2 != NULL);
    FUZZ_CHECK(n1 == n2 && memcmp(out1, out2, n1) == 0);
    free(out2);
  }
  free(out1);
  free(text);
  return 0;
}
