/* test_extract.c: the whole stage through the public API (extract.h) on
 * the built-in data: text, actors, rules, dates, JSON Lines; offsets point
 * into the original bytes even where normalization changed the text. */
#include <stdlib.h>
#include <string.h>

#include "actornet/extract.h"
#include "harness.h"

static char *jsonl(const an_result *r) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (!f) return NULL;
  if (an_result_write_jsonl(r, f, NULL) != AN_OK) {
    fclose(f);
    free(buf);
    return NULL;
  }
  fclose(f);
  return buf;
}

int main(void) {
  an_resources *res = NULL;
  an_workspace *ws = NULL;
  an_error err;
  if (an_resources_load(AN_DATA_SOURCE_DIR, NULL, &res, &err) != AN_OK) {
    fprintf(stderr, "load: %s: %s\n", err.path, err.msg);
    return 1;
  }
  CHECK(an_workspace_new(res, &ws, &err) == AN_OK);

  /* curly quotes (3 bytes each) become plain ones: offsets must still be
   * those of the original text */
  const char *text =
      "\xe2\x80\x9c" "A new start," "\xe2\x80\x9d" " the minister wrote.\n\n"
      "Emmanuel Macron met Olaf Scholz in Paris on Monday.\n\n"
      "Scholz did not meet Giorgia Meloni.\n";
  an_doc doc;
  memset(&doc, 0, sizeof doc);
  doc.id = (char *)"e2e";
  doc.text = (char *)text;
  doc.len = strlen(text);
  doc.date = (char *)"2024-03-06";
  an_result *r = NULL;
  CHECK(an_extract_doc(res, ws, &doc, 0, &r, &err) == AN_OK);
  CHECK_INT(an_result_event_count(r), 1);
  CHECK(an_result_actor_count(r) >= 3);
  char *out = r ? jsonl(r) : NULL;
  CHECK(out != NULL);
  if (out) {
    const char *start = strstr(text, "Emmanuel");
    char want[64];
    snprintf(want, sizeof want, "\"offsets\":[%d,%d]", (int)(start - text),
             (int)(strstr(text, "Monday.") + 7 - text));
    if (!strstr(out, want)) fprintf(stderr, "want %s in %s\n", want, out);
    CHECK(strstr(out, want) != NULL);
    CHECK(strstr(out, "\"type\":\"meet\"") != NULL);
    CHECK(strstr(out, "\"date\":\"2024-03-04\"") != NULL);
    CHECK(strstr(out, "\"record\":\"document\",\"id\":\"e2e\",\"date\":\"2024-03-06\"") != NULL);
    CHECK(strstr(out, "Meloni\"") == NULL || strstr(out, "\"type\":\"meet\",\"source\":{\"id\":\"olaf") == NULL);
  }
  free(out);
  an_result_free(r);

  /* modal kept and marked with AN_OPT_KEEP_MODAL */
  r = NULL;
  CHECK(an_extract_doc(res, ws, &doc, AN_OPT_KEEP_MODAL, &r, &err) == AN_OK);
  CHECK_INT(an_result_event_count(r), 2);
  out = r ? jsonl(r) : NULL;
  CHECK(out && strstr(out, "\"modal\":true") != NULL);
  free(out);
  an_result_free(r);

  /* same input, same output (ids included) */
  an_result *a = NULL, *b = NULL;
  CHECK(an_extract_doc(res, ws, &doc, 0, &a, &err) == AN_OK);
  CHECK(an_extract_doc(res, ws, &doc, 0, &b, &err) == AN_OK);
  char *ja = a ? jsonl(a) : NULL, *jb = b ? jsonl(b) : NULL;
  CHECK(ja && jb && strcmp(ja, jb) == 0);
  free(ja);
  free(jb);
  an_result_free(a);
  an_result_free(b);

  /* an empty document is fine: a document record, no events */
  doc.text = (char *)"";
  doc.len = 0;
  r = NULL;
  CHECK(an_extract_doc(res, ws, &doc, 0, &r, &err) == AN_OK);
  CHECK_INT(an_result_event_count(r), 0);
  an_result_free(r);

  an_workspace_free(ws);
  an_resources_free(res);
  an_result_free(NULL);
  an_workspace_free(NULL);
  an_resources_free(NULL);
  return TEST_DONE();
}
