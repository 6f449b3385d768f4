/* fuzz_text.c: raw bytes -> an_text_new. Whatever the bytes (invalid UTF-8,
 * NULs, CRs, combining marks, look-alikes), the text stage must give valid
 * NUL-free-terminated UTF-8, an offset map that is monotonic and ends at the
 * input length, tokens inside the text in order without overlap, sentences
 * that cover their tokens contiguously, repairs inside the input, and the
 * same answer twice (no hidden state). */
#include "actornet/text.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  return 0;
}

static void check_text(const an_text *t, size_t in_len) {
  size_t len = 0, nt = 0, ns = 0, nr = 0;
  const char *s = an_text_str(t, &len);
  FUZZ_CHECK(s != NULL);
  FUZZ_CHECK(s[len] == '\0');
  FUZZ_CHECK(fuzz_valid_utf8(s, len));

  /* Offset map: monotonic, within the input, whole text maps to whole input. */
  size_t prev = 0;
  for (size_t i = 0; i <= len; i++) {
    size_t o = an_text_orig_offset(t, i);
    FUZZ_CHECK(o >= prev && o <= in_len);
    prev = o;
  }
  FUZZ_CHECK(an_text_orig_offset(t, len) == in_len);
  if (len > 0) FUZZ_CHECK(an_text_orig_offset(t, 0) <= in_len);

  const an_token *tk = an_text_tokens(t, &nt);
  FUZZ_CHECK(nt == 0 || tk != NULL);
  for (size_t i = 0; i < nt; i++) {
    FUZZ_CHECK(tk[i].len > 0);
    FUZZ_CHECK((size_t)tk[i].start + tk[i].len <= len);
    if (i) FUZZ_CHECK(tk[i].start >= tk[i - 1].start + tk[i - 1].len); /* ordered, no overlap */
    /* A token starts and ends on a character boundary. */
    FUZZ_CHECK(((unsigned char)s[tk[i].start] & 0xC0) != 0x80);
    FUZZ_CHECK(tk[i].start + tk[i].len == len || ((unsigned char)s[tk[i].start + tk[i].len] & 0xC0) != 0x80);
    size_t oa = 0, ob = 0;
    an_text_orig_span(t, tk[i].start, tk[i].start + tk[i].len, &oa, &ob);
    FUZZ_CHECK(oa < ob && ob <= in_len); /* never an empty evidence span */
  }

  const an_sentence *se = an_text_sentences(t, &ns);
  FUZZ_CHECK(ns == 0 || se != NULL);
  for (size_t i = 0; i < ns; i++) {
    FUZZ_CHECK(se[i].tok_count > 0);
    FUZZ_CHECK((size_t)se[i].tok_first + se[i].tok_count <= nt);
    const an_token *a = &tk[se[i].tok_first], *z = &tk[se[i].tok_first + se[i].tok_count - 1];
    FUZZ_CHECK(se[i].start == a->start && se[i].end == z->start + z->len);
    FUZZ_CHECK(se[i].start < se[i].end && se[i].end <= len);
    if (i) {
      FUZZ_CHECK(se[i].tok_first >= se[i - 1].tok_first + se[i - 1].tok_count);
      FUZZ_CHECK(se[i].start >= se[i - 1].end);
      FUZZ_CHECK(se[i].paragraph >= se[i - 1].paragraph);
    }
  }

  const an_repair *r = an_text_repairs(t, &nr);
  FUZZ_CHECK(nr == 0 || r != NULL);
  for (size_t i = 0; i < nr; i++) {
    FUZZ_CHECK(r[i].len > 0 && r[i].orig_offset + r[i].len <= in_len);
    if (i) FUZZ_CHECK(r[i].orig_offset >= r[i - 1].orig_offset + r[i - 1].len);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  an_error err;
  an_text *t = NULL;
  an_status st = an_text_new((const char *)data, size, &t, &err);
  fuzz_status_ok(st, &err);
  if (st != AN_OK) {
    FUZZ_CHECK(t == NULL);
    return 0;
  }
  FUZZ_CHECK(t != NULL);
  check_text(t, size);
  /* Valid UTF-8 input needs no repair. */
  size_t nr = 0;
  an_text_repairs(t, &nr);
  if (fuzz_valid_utf8((const char *)data, size)) FUZZ_CHECK(nr == 0);

  /* Deterministic: a second run gives the same text, tokens and sentences. */
  an_text *t2 = NULL;
  FUZZ_CHECK(an_text_new((const char *)data, size, &t2, NULL) == AN_OK);
  size_t l1, l2, n1, n2, s1, s2;
  const char *a = an_text_str(t, &l1), *b = an_text_str(t2, &l2);
  FUZZ_CHECK(l1 == l2 && memcmp(a, b, l1) == 0);
  const an_token *k1 = an_text_tokens(t, &n1), *k2 = an_text_tokens(t2, &n2);
  FUZZ_CHECK(n1 == n2 && (n1 == 0 || memcmp(k1, k2, n1 * sizeof *k1) == 0));
  const an_sentence *e1 = an_text_sentences(t, &s1), *e2 = an_text_sentences(t2, &s2);
  FUZZ_CHECK(s1 == s2 && (s1 == 0 || memcmp(e1, e2, s1 * sizeof *e1) == 0));
  an_text_free(t2);
  an_text_free(t);
  return 0;
}
