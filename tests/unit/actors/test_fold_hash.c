/* test_fold_hash.c: an_word_fold_hash (the actors stage's one-pass fold and
 * word hashing) gives the same fold as an_word_fold and, for each word, the
 * same hash as an_word_hash: the trie walks depend on it. */
#include <stdint.h>
#include <string.h>

#include "actors/trie.h"
#include "harness.h"

/* The reference: an_word_fold, then an_word_hash of each space-separated word. */
static size_t ref_words(const char *folded, uint64_t *wh, size_t cap) {
  size_t n = 0;
  for (const char *p = folded; *p;) {
    while (*p == ' ') p++;
    if (!*p) break;
    const char *e = p;
    while (*e && *e != ' ') e++;
    if (n < cap) wh[n] = an_word_hash(p, (size_t)(e - p));
    n++;
    p = e;
  }
  return n;
}

/* Checks s[0..len) with fold capacity cap and room for whcap hashes. */
static int same(const char *s, size_t len, size_t cap, size_t whcap) {
  char a[600], b[600];
  uint64_t wa[64], wb[64];
  size_t na = an_word_fold(s, len, a, cap);
  size_t nwb = 0;
  size_t nb = an_word_fold_hash(s, len, b, cap, wb, whcap, &nwb);
  if (na != nb || strcmp(a, b) != 0) return 0;
  size_t nwa = ref_words(a, wa, whcap);
  if (nwa != nwb) return 0;
  for (size_t k = 0; k < nwa && k < whcap; k++)
    if (wa[k] != wb[k]) return 0;
  return 1;
}

static void test_examples(void) {
  static const char *const cases[] = {
      "Iran", "al-Nakhala", "U.S.", "  --", "", "Secretary-General", "co_founder/CEO", "a\tb\nc",
      "Ab\xc3\xa9 Zo\xc3\xab's", "Zo\xc3\xab", "\xe2\x80\x94", "x\xe2\x80\x93y", "'s", "'", "A1-b2 C3",
      "\xef\xac\x81" "nance", /* a ligature: fi */
      "--Leading and trailing--", "...", "M\xc3\xbcnchen-Ost",
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    CHECK(same(cases[i], strlen(cases[i]), 512, 64));
    CHECK(same(cases[i], strlen(cases[i]), 4, 64)); /* cut short */
    CHECK(same(cases[i], strlen(cases[i]), 512, 1)); /* more words than room */
  }
  char buf[64];
  uint64_t wh[4];
  size_t nw = 0;
  CHECK_INT(an_word_fold_hash("Al-Nakhala's", 12, buf, sizeof buf, wh, 4, &nw), 11);
  CHECK_STR(buf, "al nakhalas");
  CHECK_INT(nw, 2);
  CHECK(wh[0] == an_word_hash("al", 2) && wh[1] == an_word_hash("nakhalas", 8));
}

/* Random strings over ASCII letters, separators, dropped characters and a
 * few multi-byte letters and dashes, at several capacities. */
static void test_random(void) {
  static const char *const parts[] = {"a", "Z", "q", "7", " ", "-", "/", ".", "'", "_", "\t",
                                      "\xc3\xa9", "\xc3\x9c", "\xe2\x80\x94", "\xc2\xa0", "\xd0\xb0", "\xff"};
  uint64_t x = 88172645463325252ULL;
  char s[256];
  for (int round = 0; round < 20000; round++) {
    size_t len = 0;
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    size_t nparts = (size_t)(x % 40);
    for (size_t k = 0; k < nparts; k++) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      const char *p = parts[x % (sizeof parts / sizeof *parts)];
      size_t n = strlen(p);
      if (len + n >= sizeof s) break;
      memcpy(s + len, p, n);
      len += n;
    }
    s[len] = '\0';
    size_t cap = round % 3 == 0 ? 512 : round % 3 == 1 ? 1 + (size_t)(x % 24) : len + 1;
    if (!same(s, len, cap, round % 5 == 0 ? 2 : 64)) {
      CHECK(!"an_word_fold_hash differs");
      fprintf(stderr, "  input: \"%s\" cap %zu\n", s, cap);
      break;
    }
  }
  CHECK(1);
}

int main(void) {
  test_examples();
  test_random();
  return TEST_DONE();
}
