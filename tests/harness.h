/* harness.h: a tiny unit-test harness (after cmark's api_test/harness.h).
 * Each CHECK prints the file:line of a failure and counts it; main returns
 * TEST_DONE(), non-zero when anything failed. */
#ifndef AN_TEST_HARNESS_H
#define AN_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

static int test_failures = 0;
static int test_checks = 0;

#define CHECK(cond)                                                          \
  do {                                                                       \
    test_checks++;                                                           \
    if (!(cond)) {                                                           \
      test_failures++;                                                       \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                        \
  } while (0)

#define CHECK_INT(got, want)                                                  \
  do {                                                                        \
    long long g_ = (long long)(got), w_ = (long long)(want);                  \
    test_checks++;                                                            \
    if (g_ != w_) {                                                           \
      test_failures++;                                                        \
      fprintf(stderr, "%s:%d: %s == %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); \
    }                                                                         \
  } while (0)

#define CHECK_STR(got, want)                                                  \
  do {                                                                        \
    const char *g_ = (got), *w_ = (want);                                     \
    test_checks++;                                                            \
    if (!g_ || !w_ ? g_ != w_ : strcmp(g_, w_) != 0) {                        \
      test_failures++;                                                        \
      fprintf(stderr, "%s:%d: %s == \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got, \
              g_ ? g_ : "(null)", w_ ? w_ : "(null)");                        \
    }                                                                         \
  } while (0)

#define TEST_DONE()                                                           \
  (fprintf(stderr, "%d checks, %d failed\n", test_checks, test_failures), test_failures != 0)

#endif
