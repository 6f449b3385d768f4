/* scan.h: finding the next byte of a kind in a buffer, 16 bytes a step
 * (SSE2, which every x86-64 has) or 8 (a portable word trick), for the
 * loops that walk whole documents: JSON strings, escaping, ASCII runs.
 * Each returns the offset of the first such byte in s[0..n), or n. */
#ifndef AN_CORE_SCAN_H
#define AN_CORE_SCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#define AN_SCAN_SSE2 1
#endif

#if defined(__GNUC__)
#define AN_CTZ32(x) ((unsigned)__builtin_ctz(x))
#define AN_CTZ64(x) ((unsigned)__builtin_ctzll(x))
#else
static inline unsigned an_ctz64_(uint64_t x) {
  unsigned n = 0;
  while (!(x & 1)) x >>= 1, n++;
  return n;
}
#define AN_CTZ32(x) an_ctz64_(x)
#define AN_CTZ64(x) an_ctz64_(x)
#endif

/* The word trick: byte i of the mask has its high bit set when byte i of x
 * is zero (exact for the lowest such byte, which is all that is used). */
#define AN_ONES8 0x0101010101010101ULL
#define AN_HIGH8 0x8080808080808080ULL
static inline uint64_t an_zero_bytes8(uint64_t x) { return (x - AN_ONES8) & ~x & AN_HIGH8; }

/* Offset of the lowest flagged byte of a word mask (little-endian loads);
 * big-endian machines take the byte loop instead. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define AN_SCAN_WORDS 1
#endif

/* The first byte equal to a or b. */
static inline size_t an_find2(const char *s, size_t n, unsigned char a, unsigned char b) {
  size_t i = 0;
#if AN_SCAN_SSE2
  const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b);
  for (; n - i >= 16; i += 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)));
    if (m) return i + AN_CTZ32(m);
  }
#elif AN_SCAN_WORDS
  for (; n - i >= 8; i += 8) {
    uint64_t x;
    memcpy(&x, s + i, 8);
    uint64_t m = an_zero_bytes8(x ^ (AN_ONES8 * a)) | an_zero_bytes8(x ^ (AN_ONES8 * b));
    if (m) break; /* the byte loop below finds which */
  }
#endif
  for (; i < n; i++)
    if ((unsigned char)s[i] == a || (unsigned char)s[i] == b) return i;
  return n;
}

/* The first byte a JSON string must escape: < 0x20, '"' or '\\'. */
static inline size_t an_find_json_escape(const char *s, size_t n) {
  size_t i = 0;
#if AN_SCAN_SSE2
  const __m128i q = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\'), c1f = _mm_set1_epi8(0x1F);
  for (; n - i >= 16; i += 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    __m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(x, c1f), x); /* x <= 0x1F, unsigned */
    __m128i hit = _mm_or_si128(ctl, _mm_or_si128(_mm_cmpeq_epi8(x, q), _mm_cmpeq_epi8(x, bs)));
    unsigned m = (unsigned)_mm_movemask_epi8(hit);
    if (m) return i + AN_CTZ32(m);
  }
#elif AN_SCAN_WORDS
  for (; n - i >= 8; i += 8) {
    uint64_t x;
    memcpy(&x, s + i, 8);
    uint64_t m = ((x - AN_ONES8 * 0x20) & ~x & AN_HIGH8) | an_zero_bytes8(x ^ (AN_ONES8 * '"')) |
                 an_zero_bytes8(x ^ (AN_ONES8 * '\\'));
    if (m) break;
  }
#endif
  for (; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x20 || c == '"' || c == '\\') return i;
  }
  return n;
}

/* The first byte outside lo..hi (unsigned). */
static inline size_t an_find_outside(const char *s, size_t n, unsigned char lo, unsigned char hi) {
  size_t i = 0;
#if AN_SCAN_SSE2
  const __m128i vlo = _mm_set1_epi8((char)lo), vhi = _mm_set1_epi8((char)hi);
  for (; n - i >= 16; i += 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    __m128i in = _mm_cmpeq_epi8(_mm_min_epu8(_mm_max_epu8(x, vlo), vhi), x); /* lo <= x <= hi */
    unsigned m = (unsigned)_mm_movemask_epi8(in) ^ 0xFFFFu;
    if (m) return i + AN_CTZ32(m);
  }
#endif
  for (; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < lo || c > hi) return i;
  }
  return n;
}

#endif
