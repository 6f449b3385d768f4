/* sha256.h: SHA-256 (FIPS 180-4), for content hashes that must not collide
 * by accident across millions of documents (a 64-bit FNV would, by the
 * birthday bound, somewhere past a few billion; and FNV is easy to collide
 * on purpose). Streaming: init, update any number of times, final. */
#ifndef AN_STORE_SHA256_H
#define AN_STORE_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct an_sha256 {
  uint32_t h[8];
  uint64_t bytes;     /* message length so far */
  unsigned char buf[64];
  size_t used;        /* bytes waiting in buf */
} an_sha256;

void an_sha256_init(an_sha256 *s);
void an_sha256_update(an_sha256 *s, const void *data, size_t len);
/* Writes the digest as 64 lowercase hex digits and a NUL. */
void an_sha256_final_hex(an_sha256 *s, char out[65]);

#endif
