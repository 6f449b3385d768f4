/* test_fold.c: an_fold_key(), the matching key (src/text/fold.h). */
#include <string.h>

#include "harness.h"
#include "text/fold.h"

static void check_key(const char *in, const char *want) {
  char out[64];
  size_t n = an_fold_key(in, strlen(in), out, sizeof out);
  CHECK_STR(out, want);
  CHECK_INT(n, strlen(want));
}

int main(void) {
  check_key("Nakhal\xC3\xA1", "nakhala");
  check_key("T\xD0\xB5hran", "tehran");               /* Cyrillic е */
  check_key("U.S.", "u.s.");
  check_key("Iran\xE2\x80\x99s", "iran's");
  check_key("al\xE2\x80\x91Nakhala", "al-nakhala");   /* non-breaking hyphen */
  check_key("\xC3\x89RDO\xC4\x9E" "AN", "erdogan");      /* ÉRDOĞAN */
  check_key("Ne\xCC\x81gre", "negre");                /* decomposed accent */
  check_key("\xC4\xB0stanbul", "istanbul");           /* dotted capital I */
  check_key("Stra\xC3\x9F" "e", "strasse");
  check_key("\xEF\xBC\xB5\xEF\xBC\xAE", "un");        /* fullwidth UN */
  check_key("Is\xC2\xADra\xE2\x80\x8B" "el", "israel"); /* soft hyphen, zero-width space */
  check_key("\xD0\x96\xD1\x83\xD0\xBA", "\xD0\xB6y\xD0\xBA"); /* Жук: lower case, у folded */
  check_key("a\xFF" "b", "ab");                       /* invalid byte skipped */
  check_key("", "");

  /* Truncation: at a character boundary, always NUL-terminated. */
  char out[8];
  memset(out, 'x', sizeof out);
  CHECK_INT(an_fold_key("ABCDEF", 6, out, 4), 3);
  CHECK_STR(out, "abc");
  CHECK_INT(an_fold_key("\xD0\x96\xD0\x96\xD0\x96", 6, out, 4), 2); /* ЖЖЖ: one ж fits */
  CHECK_STR(out, "\xD0\xB6");
  CHECK_INT(an_fold_key("abc", 3, out, 1), 0);
  CHECK_STR(out, "");
  out[0] = 'x';
  CHECK_INT(an_fold_key("abc", 3, out, 0), 0);
  CHECK(out[0] == 'x');
  /* Length-bounded: bytes after len are not read. */
  CHECK_INT(an_fold_key("Abc", 1, out, sizeof out), 1);
  CHECK_STR(out, "a");
  return TEST_DONE();
}
