/* core.h: allocation, growable buffers and small helpers shared by every
 * stage. No stage logic lives here.
 *
 * All allocation goes through an_malloc/an_calloc/an_realloc/an_free so that
 * fault-injection tests can fail the Nth allocation (an_alloc_fail_after). */
#ifndef AN_CORE_H
#define AN_CORE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "actornet/error.h"

void *an_malloc(size_t n);
void *an_calloc(size_t count, size_t size);
void *an_realloc(void *p, size_t n);
void an_free(void *p);
char *an_strdup(const char *s);
char *an_strndup(const char *s, size_t n);

/* Test hook: make the (n+1)th allocation from now on fail (n = 0 fails the
 * next one); a negative n turns injection off. Per thread. */
void an_alloc_fail_after(long n);

/* Grows *arr (of *cap elements of size elem) so that it holds at least need
 * elements, doubling. Returns AN_ENOMEM (and leaves *arr intact) on failure. */
an_status an_grow(void **arr, size_t *cap, size_t need, size_t elem);

/* A growable byte buffer, always NUL-terminated when data != NULL. */
typedef struct an_buf {
  char *data;
  size_t len, cap;
} an_buf;

void an_buf_init(an_buf *b);
void an_buf_free(an_buf *b);
void an_buf_clear(an_buf *b);
an_status an_buf_reserve(an_buf *b, size_t extra);
an_status an_buf_append(an_buf *b, const void *p, size_t n);
an_status an_buf_puts(an_buf *b, const char *s);
an_status an_buf_putc(an_buf *b, char c);
an_status an_buf_printf(an_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Takes the buffer's data (caller frees with an_free) and resets b. */
char *an_buf_steal(an_buf *b, size_t *len);

/* An arena: many small allocations that die together (one document's
 * strings) taken from a few blocks, freed at once. Blocks come from
 * an_malloc (fault injection applies). */
typedef struct an_arena_blk an_arena_blk;
typedef struct an_arena {
  an_arena_blk *head; /* the block being filled; older ones follow */
  size_t used, cap;   /* of head's data */
} an_arena;

void an_arena_init(an_arena *a);
/* Frees every block (a stays usable, empty). */
void an_arena_free(an_arena *a);
/* n bytes aligned for any type; NULL when out of memory. */
void *an_arena_alloc(an_arena *a, size_t n);
/* NUL-terminated copies. Owns: nothing (the arena does). */
char *an_arena_strndup(an_arena *a, const char *s, size_t n);
char *an_arena_strdup(an_arena *a, const char *s);

/* Reads a whole file ("-" = stdin). Owns: *data (an_free), NUL-terminated. */
an_status an_file_slurp(const char *path, char **data, size_t *len, an_error *err);

/* Writes into out (size cap) a stable id slug of a label: lowercase ASCII
 * letters and digits, accents dropped, other runs of characters as one '-'.
 * "Ali Akbar Velayati" -> "ali-akbar-velayati". Returns AN_ELIMIT if it
 * does not fit. Non-Latin letters are kept as UTF-8. */
an_status an_slugify(const char *label, char *out, size_t cap);

/* 64-bit FNV-1a, for stable ids (event ids, content hashes). */
uint64_t an_hash64(const void *data, size_t len, uint64_t seed);
/* Spreads the bits of a hash built by combining words (splitmix64's
 * finalizer): for table slots, never an output. */
static inline uint64_t an_hash_finish(uint64_t h) {
  h ^= h >> 31;
  h *= 0xbf58476d1ce4e5b9ull;
  return h ^ (h >> 29);
}

#endif
