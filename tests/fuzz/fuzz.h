/* fuzz.h: what every libFuzzer harness under tests/fuzz/ shares: the entry
 * point's prototype, an invariant check that aborts (so libFuzzer and the
 * standalone replay both see a crash), a UTF-8 validity check and a cursor
 * that takes option bytes from the front of the input (style.md C6: the
 * first bytes pick options and chunking).
 *
 * A harness only treats as bugs what is one: crashes, sanitizer reports,
 * AN_EINTERNAL, and broken invariants. Bad input rejected with
 * AN_EDATA/AN_ELIMIT/AN_EINVAL is the right answer (style.md P4). */
#ifndef AN_FUZZ_H
#define AN_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actornet/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Each harness defines it (libFuzzer calls it once, as does standalone.c). */
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define FUZZ_CHECK(cond)                                                            \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      abort();                                                                      \
    }                                                                               \
  } while (0)

/* A status from the library: AN_EINTERNAL is a bug; so is an error without
 * a message, since the CLI prints it to the user. */
static inline void fuzz_status_ok(an_status st, const an_error *err) {
  if (st == AN_OK) return;
  if (st == AN_EINTERNAL || st >= AN_STATUS_COUNT_) {
    fprintf(stderr, "internal error %d: %s:%ld: %s\n", (int)st, err ? err->path : "", err ? err->line : 0L,
            err ? err->msg : "");
    abort();
  }
  if (err) FUZZ_CHECK(err->code == st && err->msg[0] != 0);
}

/* Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
static inline int fuzz_valid_utf8(const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < len) {
    unsigned c = p[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t n;
    unsigned cp, min;
    if (c >= 0xC2 && c <= 0xDF) n = 1, cp = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) n = 2, cp = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) n = 3, cp = c & 0x07, min = 0x10000;
    else return 0;
    for (size_t k = 1; k <= n; k++) {
      if (i + k >= len || (p[i + k] & 0xC0) != 0x80) return 0;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    i += n + 1;
  }
  return 1;
}

/* Takes option bytes from the front of the input; past the end, 0. */
typedef struct fuzz_cursor {
  const uint8_t *p;
  size_t n;
} fuzz_cursor;

static inline unsigned fuzz_byte(fuzz_cursor *c) {
  if (c->n == 0) return 0;
  c->n--;
  return *c->p++;
}

#endif
