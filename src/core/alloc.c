/* alloc.c: the one allocation point (style.md C1, S3). Fault injection is
 * per thread, so parallel extraction tests do not disturb each other. */
#include <stddef.h>
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

/* ---- arena ---- */

struct an_arena_blk {
  an_arena_blk *next;
  size_t cap;
  _Alignas(max_align_t) unsigned char data[];
};

#define ARENA_BLOCK 4096

void an_arena_init(an_arena *a) {
  a->head = NULL;
  a->used = a->cap = 0;
}

void an_arena_free(an_arena *a) {
  an_arena_blk *b = a->head;
  while (b) {
    an_arena_blk *next = b->next;
    an_free(b);
    b = next;
  }
  an_arena_init(a);
}

void *an_arena_alloc(an_arena *a, size_t n) {
  const size_t al = _Alignof(max_align_t);
  size_t at = (a->used + al - 1) & ~(al - 1);
  if (!a->head || at > a->cap || n > a->cap - at) {
    /* a new block: the usual size, or one of its own for a large request */
    int big = n > ARENA_BLOCK / 4;
    size_t cap = big ? n : ARENA_BLOCK;
    if (cap > SIZE_MAX - sizeof(an_arena_blk)) return NULL;
    an_arena_blk *b = an_malloc(sizeof *b + cap);
    if (!b) return NULL;
    b->cap = cap;
    if (big && a->head) {
      /* keep filling the current block: the large one goes behind it */
      b->next = a->head->next;
      a->head->next = b;
      return b->data;
    }
    b->next = a->head;
    a->head = b;
    a->cap = cap;
    at = 0;
  }
  a->used = at + n;
  return a->head->data + at;
}

char *an_arena_strndup(an_arena *a, const char *s, size_t n) {
  char *d = an_arena_alloc(a, n + 1);
  if (!d) return NULL;
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

char *an_arena_strdup(an_arena *a, const char *s) { return s ? an_arena_strndup(a, s, strlen(s)) : NULL; }
