/* test_large.c: linear time and memory on big inputs (style.md: pathological
 * inputs are checked by output; no timing asserts). A few MB of text with
 * look-alike letters, quotes and dashes; one 3 MB line without a space. */
#include <stdlib.h>
#include <string.h>

#include "actornet/text.h"
#include "core/core.h"
#include "harness.h"
#include "text/text_internal.h"

int main(void) {
  /* One unit: 2 sentences, 18 tokens, one paragraph; Cyrillic е in "Tеhran". */
  static const char unit[] =
      "The envoy left T\xD0\xB5hran on Monday. \xE2\x80\x9CWe will return,\xE2\x80\x9D "
      "she said \xE2\x80\x94 briefly.\n\n";
  const size_t reps = 40000; /* about 3.4 MB */
  an_buf b;
  an_buf_init(&b);
  for (size_t i = 0; i < reps; i++) an_buf_append(&b, unit, sizeof unit - 1);
  an_text *t = NULL;
  CHECK_INT(an_text_new(b.data, b.len, &t, NULL), AN_OK);
  if (t) {
    size_t nt, ns, len;
    an_text_tokens(t, &nt);
    const an_sentence *se = an_text_sentences(t, &ns);
    const char *s = an_text_str(t, &len);
    CHECK_INT(nt, 18 * reps);
    CHECK_INT(ns, 2 * reps);
    CHECK_INT(se[ns - 1].paragraph, reps - 1);
    CHECK(strstr(s, "Tehran") != NULL);
    CHECK(strstr(s, "\xD0\xB5") == NULL);
    /* Map: a handful of breakpoints per unit, not one per byte. */
    CHECK(an_text_map_size(t) <= 12 * reps);
    CHECK_INT(an_text_orig_offset(t, len), b.len);
    /* The last "Tehran" maps to its Cyrillic original. */
    size_t last_unit = (reps - 1) * (sizeof unit - 1);
    size_t k = se[ns - 2].start + 15; /* "Tehran" in the last unit's first sentence */
    CHECK(memcmp(s + k, "Tehran", 6) == 0);
    CHECK_INT(an_text_orig_offset(t, k), last_unit + 15);
    CHECK_INT(an_text_orig_offset(t, k + 6), last_unit + 22);
    an_text_free(t);
  }
  an_buf_free(&b);

  /* A 3 MB line with no space: one token, one sentence, one map entry. */
  size_t big = 3u << 20;
  char *line = an_malloc(big);
  CHECK(line != NULL);
  if (line) {
    memset(line, 'a', big);
    CHECK_INT(an_text_new(line, big, &t, NULL), AN_OK);
    if (t) {
      size_t nt, ns;
      an_text_tokens(t, &nt);
      an_text_sentences(t, &ns);
      CHECK_INT(nt, 1);
      CHECK_INT(ns, 1);
      CHECK_INT(an_text_map_size(t), 1);
      an_text_free(t);
    }
    /* The same with punctuation everywhere: one token per mark. */
    for (size_t i = 0; i < big; i++) line[i] = i % 2 ? ',' : 'x';
    CHECK_INT(an_text_new(line, big, &t, NULL), AN_OK);
    if (t) {
      size_t nt, ns;
      an_text_tokens(t, &nt);
      an_text_sentences(t, &ns);
      CHECK_INT(nt, big);
      CHECK_INT(ns, 1);
      an_text_free(t);
    }
    /* 3 MB of combining marks on one letter: bounded pieces, no blow-up. */
    line[0] = 'e';
    for (size_t i = 1; i + 1 < big; i += 2) line[i] = '\xCC', line[i + 1] = '\x81';
    CHECK_INT(an_text_new(line, big - (big % 2 == 0 ? 1 : 0), &t, NULL), AN_OK);
    if (t) {
      size_t len;
      an_text_str(t, &len);
      CHECK(len > big / 2);
      an_text_free(t);
    }
    an_free(line);
  }
  return TEST_DONE();
}
