/* test_scan_words.c: core/scan.h's word path (8 bytes a step), which
 * x86-64 builds do not otherwise use, held to plain loops. */
#define AN_SCAN_NO_SSE2 1
#include "scan_cases.h"

int main(void) {
#if defined(AN_SCAN_SSE2)
  CHECK(!"the word path was not selected");
#endif
  test_scan();
  return TEST_DONE();
}
