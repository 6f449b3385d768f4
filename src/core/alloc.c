/* alloc.c: the one allocation point (style.md C1, S3). Fault injection is
 * per thread, so parallel extraction tests do not disturb each other. */
#include <stdlib.h>
#include <string.h>

#include "core.h"

static _Thread_local long fail_countdown = -1;

void an_alloc_fail_after(long n) { fail_countdown = n; }

static int injected_failure(void) {
  if (fail_countdown < 0) return 0;
  if (fail_countdown == 0) return 1; /* stays failing until reset */
  fail_countdown--;
  return 0;
}

void *an_malloc(size_t n) {
  if (injected_failure()) return NULL;
  return malloc(n ? n : 1);
}

void *an_calloc(size_t count, size_t size) {
  if (injected_failure()) return NULL;
  return calloc(count ? count : 1, size ? size : 1);
}

void *an_realloc(void *p, size_t n) {
  if (injected_failure()) return NULL;
  return realloc(p, n ? n : 1);
}

void an_free(void *p) { free(p); }

char *an_strndup(const char *s, size_t n) {
  char *d = an_malloc(n + 1);
  if (!d) return NULL;
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

char *an_strdup(const char *s) { return s ? an_strndup(s, strlen(s)) : NULL; }

an_status an_grow(void **arr, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return AN_OK;
  size_t ncap = *cap ? *cap : 8;
  while (ncap < need) {
    if (ncap > SIZE_MAX / 2 / elem) return AN_ENOMEM;
    ncap *= 2;
  }
  void *p = an_realloc(*arr, ncap * elem);
  if (!p) return AN_ENOMEM;
  *arr = p;
  *cap = ncap;
  return AN_OK;
}
