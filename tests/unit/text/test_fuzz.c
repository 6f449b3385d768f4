/* test_fuzz.c: random documents built from awkward fragments (look-alike
 * letters, combining marks, invalid bytes, quotes, dashes, CR, NUL,
 * abbreviations, bullets) must keep the text stage's invariants: valid
 * UTF-8 out, monotonic offsets, every token inside a sentence-consistent
 * layout and mapping to a non-empty original span; a text renewed with
 * each document in turn (an_text_renew) equals a new one. Deterministic
 * seed. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "actornet/text.h"
#include "core/core.h"
#include "harness.h"
#include "text/text_internal.h"

/* Same string, tokens, sentences, repairs and offset map. */
static int same_text(const an_text *a, const an_text *b) {
  size_t la, lb, na, nb, sa, sb, ra, rb;
  const char *x = an_text_str(a, &la), *y = an_text_str(b, &lb);
  if (la != lb || memcmp(x, y, la) != 0) return 0;
  const an_token *ta = an_text_tokens(a, &na), *tb = an_text_tokens(b, &nb);
  if (na != nb) return 0;
  for (size_t i = 0; i < na; i++)
    if (ta[i].start != tb[i].start || ta[i].len != tb[i].len || ta[i].shape != tb[i].shape) return 0;
  const an_sentence *ea = an_text_sentences(a, &sa), *eb = an_text_sentences(b, &sb);
  if (sa != sb) return 0;
  for (size_t i = 0; i < sa; i++)
    if (ea[i].tok_first != eb[i].tok_first || ea[i].tok_count != eb[i].tok_count || ea[i].flags != eb[i].flags ||
        ea[i].paragraph != eb[i].paragraph)
      return 0;
  an_text_repairs(a, &ra);
  an_text_repairs(b, &rb);
  if (ra != rb || an_text_map_size(a) != an_text_map_size(b)) return 0;
  for (size_t i = 0; i <= la; i++)
    if (an_text_orig_offset(a, i) != an_text_orig_offset(b, i)) return 0;
  return 1;
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint32_t next_rand(void) {
  rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
  return (uint32_t)(rng >> 16);
}

static const char *frags[] = {
    "The ", "envoy", " met ", "Mr. ", "U.S. ", "Jan. 5", "3.5", "1,000", "...", ". ", "! ", "? ",
    "\"", "'", "'s ", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x99s", "\xE2\x80\x94", "\xC2\xA0",
    "\xD0\xB5", "\xD0\xB0", "\xCE\xBF", "\xD0\x96", "\xCC\x81", "\xCC\x81\xCC\xA3", "\xE2\x80\x8B",
    "\xC2\xAD", "\xEF\xBB\xBF", "\xFF", "\xE2\x82", "\xC0\xAF", "\xED\xA0\x80", "\r\n", "\r", "\n",
    "\n\n", "\t", "\x01", "\xE2\x80\xA2 ", "- ", "1. ", "By Staff\n", "TEHRAN (Agency) - ", "LONDON: ",
    "| ", "(", ")", "al-Nakhala", "O'Brien", "J. R. ", "\xEF\xAC\x81", "\xC2\xBD", "\xE2\x80\xA6",
    "\xEA\xB0\x80", "\xE1\x84\x80\xE1\x85\xA1", "e", "Source \xC2\xBB ", "\xF0\x9F\x98\x80", " ",
};

static int valid_utf8(const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (k <= 0) return 0;
    i += (size_t)k;
  }
  return 1;
}

/* Characters for the NFKC comparison: no look-alikes, nothing the
 * punctuation policy rewrites, at most a few marks in a row. */
static const char *nfkc_frags[] = {
    "a", "e", "o", "N", " ", ".", "\xCC\x81", "\xCC\xA3", "\xCC\x9B", "\xCC\x88", "\xCD\x85",
    "\xC3\xA9", "\xE1\xBB\x87", "\xC3\x85", "\xE2\x84\xAB", "\xEA\xB0\x80", "\xE1\x84\x80",
    "\xE1\x85\xA1", "\xE1\x86\xA8", "\xEF\xAC\x81", "\xEF\xBC\xA1", "\xC2\xB2", "\xE2\x91\xA0",
    "\xE2\x80\xA6", "\xEF\xBB\xB5", "\xE3\x8C\x80", "\xD8\xA7", "\xD9\x8E", "\xE0\xA4\x95",
    "\xE0\xA4\xBC", "\xE2\x84\x83", "\xC7\x85",
};

/* On ordinary text, normalizing piece by piece equals utf8proc's NFKC of
 * the whole string. */
static void test_nfkc_agrees(void) {
  const size_t nf = sizeof nfkc_frags / sizeof nfkc_frags[0];
  an_buf b;
  an_buf_init(&b);
  int bad = 0;
  for (int doc = 0; doc < 3000 && bad < 5; doc++) {
    an_buf_clear(&b);
    an_buf_puts(&b, "");
    int n = 1 + (int)(next_rand() % 30);
    for (int i = 0; i < n; i++) an_buf_puts(&b, nfkc_frags[next_rand() % nf]);
    utf8proc_uint8_t *want = utf8proc_NFKC((const utf8proc_uint8_t *)b.data);
    an_text *t = NULL;
    if (an_text_new(b.data, b.len, &t, NULL) == AN_OK && want) {
      const char *got = an_text_str(t, NULL);
      int same = strcmp(got, (const char *)want) == 0;
      CHECK(same);
      if (!same) {
        bad++;
        fprintf(stderr, "  NFKC differs: in \"%s\" got \"%s\" want \"%s\"\n", b.data, got, (const char *)want);
      }
    } else {
      CHECK(!"normalization failed");
      bad++;
    }
    free(want); /* utf8proc allocates with malloc (no utf8proc_free in 2.8) */
    an_text_free(t);
  }
  an_buf_free(&b);
}

int main(void) {
  test_nfkc_agrees();
  const size_t nfrag = sizeof frags / sizeof frags[0];
  an_buf b;
  an_buf_init(&b);
  int bad = 0;
  an_text *kept = NULL; /* renewed with every document */
  for (int doc = 0; doc < 3000 && bad < 10; doc++) {
    an_buf_clear(&b);
    an_buf_puts(&b, "");
    int n = (int)(next_rand() % 60);
    for (int i = 0; i < n; i++) {
      if (next_rand() % 16 == 0) {
        char c = (char)(next_rand() & 0xFF); /* any byte, NUL included */
        an_buf_append(&b, &c, 1);
      } else {
        an_buf_puts(&b, frags[next_rand() % nfrag]);
      }
    }
    an_text *t = NULL;
    if (an_text_new(b.data, b.len, &t, NULL) != AN_OK || !t) {
      CHECK(!"an_text_new failed");
      bad++;
      continue;
    }
    size_t len, nt, ns;
    const char *s = an_text_str(t, &len);
    const an_token *tk = an_text_tokens(t, &nt);
    const an_sentence *se = an_text_sentences(t, &ns);
    int ok = valid_utf8(s, len) && strlen(s) == len;
    size_t prev = 0;
    for (size_t i = 0; i <= len && ok; i++) {
      size_t o = an_text_orig_offset(t, i);
      if (o < prev || o > b.len) ok = 0;
      prev = o;
    }
    ok = ok && an_text_orig_offset(t, len) == b.len;
    for (size_t i = 0; i < nt && ok; i++) {
      size_t o0, o1;
      an_text_orig_span(t, tk[i].start, tk[i].start + tk[i].len, &o0, &o1);
      if (!(o0 < o1 && o1 <= b.len) || tk[i].len == 0 || tk[i].start + tk[i].len > len) ok = 0;
      if (i && tk[i].start < tk[i - 1].start + tk[i - 1].len) ok = 0;
    }
    for (size_t i = 0; i < ns && ok; i++) {
      if (se[i].tok_count == 0 || (size_t)se[i].tok_first + se[i].tok_count > nt) {
        ok = 0;
        break;
      }
      const an_token *a = &tk[se[i].tok_first], *z = &tk[se[i].tok_first + se[i].tok_count - 1];
      if (se[i].start != a->start || se[i].end != z->start + z->len) ok = 0;
      if (i && (se[i].tok_first < se[i - 1].tok_first + se[i - 1].tok_count || se[i].paragraph < se[i - 1].paragraph))
        ok = 0;
    }
    size_t nr;
    const an_repair *r = an_text_repairs(t, &nr);
    for (size_t i = 0; i < nr && ok; i++)
      if (r[i].len == 0 || r[i].orig_offset + r[i].len > b.len) ok = 0;
    CHECK(ok);
    if (!ok) {
      bad++;
      fprintf(stderr, "  document %d (%zu bytes) broke an invariant\n", doc, b.len);
    }
    if (!kept) {
      CHECK_INT(an_text_new(b.data, b.len, &kept, NULL), AN_OK);
    } else {
      CHECK_INT(an_text_renew(kept, b.data, b.len, NULL), AN_OK);
    }
    if (kept && !same_text(kept, t)) {
      CHECK(!"a renewed text differs from a new one");
      bad++;
    }
    an_text_free(t);
  }
  an_text_free(kept);
  an_buf_free(&b);
  return TEST_DONE();
}
