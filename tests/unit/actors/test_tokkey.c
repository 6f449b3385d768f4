/* test_tokkey.c: core/scan.h's short-token keys, which the actors' token
 * memo and the lexicon's word-id memo key words by: a token's key is its
 * bytes alone (whatever follows it in the text, read 16 bytes at once or
 * copied near the text's end), two tokens that differ in a byte differ in
 * key, and the slot lies in the table. */
#include <stdint.h>
#include <string.h>

#include "core/scan.h"
#include "harness.h"

int main(void) {
  unsigned seed = 2024;
  char tok[AN_TOKKEY_MAX], text[64], other[64];
  for (int it = 0; it < 2000; it++) {
    seed = seed * 1103515245u + 12345u;
    size_t n = (seed >> 8) % (AN_TOKKEY_MAX + 1);
    for (size_t k = 0; k < n; k++) {
      seed = seed * 1103515245u + 12345u;
      tok[k] = (char)(1 + (seed >> 16) % 255); /* (no NUL: tokens have none) */
    }
    /* the token with different bytes after it, and at the end of a buffer */
    memset(text, 'x', sizeof text);
    memset(other, 'y', sizeof other);
    memcpy(text + 3, tok, n);
    memcpy(other + 5, tok, n);
    char *end = other + sizeof other - n;
    memcpy(end, tok, n);
    uint64_t a0, a1, b0, b1, c0, c1;
    an_tokkey(text + 3, n, sizeof text - 3, &a0, &a1);
    an_tokkey(other + 5, n, sizeof other - 5, &b0, &b1);
    an_tokkey(end, n, n, &c0, &c1); /* room for the token only: the copy */
    CHECK(a0 == b0 && a1 == b1);
    CHECK(a0 == c0 && a1 == c1);
    /* the bytes themselves, zero padded */
    unsigned char want[AN_TOKKEY_MAX] = {0};
    memcpy(want, tok, n);
    uint64_t w0, w1;
    memcpy(&w0, want, 8);
    memcpy(&w1, want + 8, 8);
    CHECK(a0 == w0 && a1 == w1);
    size_t slot = an_tokkey_slot(a0, a1, n, 13);
    CHECK(slot == an_tokkey_slot(c0, c1, n, 13));
    if (n) { /* one byte changed: another key */
      size_t k = (seed >> 4) % n;
      memcpy(text + 3, tok, n);
      text[3 + k] = (char)(text[3 + k] == 'a' ? 'b' : 'a');
      uint64_t d0, d1;
      an_tokkey(text + 3, n, sizeof text - 3, &d0, &d1);
      CHECK(d0 != a0 || d1 != a1);
    }
  }
  return TEST_DONE();
}
