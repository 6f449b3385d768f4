/* scan_cases.h: the checks of core/scan.h, shared by test_core (the
 * 16-byte path on x86-64) and test_scan_words (the 8-byte word path). */
#ifndef AN_TEST_SCAN_CASES_H
#define AN_TEST_SCAN_CASES_H

#include <stdint.h>

#include "core/scan.h"
#include "harness.h"

/* The scanners of scan.h agree with plain loops at every length and
 * offset (the 16- and 8-byte steps and the byte tails). */
static void test_scan(void) {
  static const unsigned char pool[] = {'a', 'z', 'm', 'A', ' ', '"', '\\', 0, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xC3, 0xFF, 'q'};
  unsigned char buf[80];
  uint32_t r = 12345;
  for (int round = 0; round < 4000; round++) {
    size_t n = (size_t)(round % 70);
    for (size_t i = 0; i < n; i++) {
      r = r * 1103515245u + 12345u;
      /* mostly plain letters, so that long runs occur */
      buf[i] = (r >> 16) % 4 ? (unsigned char)('a' + (r >> 20) % 26) : pool[(r >> 20) % sizeof pool];
    }
    const char *s = (const char *)buf;
    size_t want = n;
    for (size_t i = 0; i < n && want == n; i++)
      if (buf[i] == '"' || buf[i] == '\\') want = i;
    CHECK_INT(an_find2(s, n, '"', '\\'), want);
    want = n;
    for (size_t i = 0; i < n && want == n; i++)
      if (buf[i] == '\\' || buf[i] == 0) want = i;
    CHECK_INT(an_find2(s, n, '\\', 0), want);
    want = n;
    for (size_t i = 0; i < n && want == n; i++)
      if (buf[i] < 0x20 || buf[i] == '"' || buf[i] == '\\') want = i;
    CHECK_INT(an_find_json_escape(s, n), want);
    want = n;
    for (size_t i = 0; i < n && want == n; i++)
      if (buf[i] < 'a' || buf[i] > 'z') want = i;
    CHECK_INT(an_find_outside(s, n, 'a', 'z'), want);
    want = n;
    for (size_t i = 0; i < n && want == n; i++)
      if (buf[i] < 0x20 || buf[i] > 0x7E) want = i;
    CHECK_INT(an_find_outside(s, n, 0x20, 0x7E), want);
  }
}

#endif
