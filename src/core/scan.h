/* scan.h: finding the next byte of a kind in a buffer, 16 bytes a step
 * (SSE2, which every x86-64 has) or 8 (a word trick), for the loops that
 * walk whole documents: JSON strings, escaping, ASCII runs. The last
 * partial block is read as an overlapping full block (never past the
 * buffer), so short strings cost a step or two, not a byte loop. Each
 * function returns the offset of the first such byte in s[0..n), or n.
 * Also the key of a short token for the per-token memos (an_tokkey). */
#ifndef AN_CORE_SCAN_H
#define AN_CORE_SCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* (AN_SCAN_NO_SSE2: the word path on x86-64 too, for its test) */
#if defined(__SSE2__) && !defined(AN_SCAN_NO_SSE2)
#include <emmintrin.h>
#define AN_SCAN_SSE2 1
#endif
/* The word masks are read lowest byte first: little-endian only. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define AN_SCAN_WORDS 1
#endif

#define AN_ONES8 0x0101010101010101ULL
#define AN_HIGH8 0x8080808080808080ULL

/* ---- word masks: the high bit of byte k set when byte k is of the kind.
 * Only the lowest flagged byte is exact (a borrow can flag bytes above a
 * true one), which is all a search needs. ---- */

static inline uint64_t an_w_eq(uint64_t x, unsigned char c) {
  uint64_t y = x ^ (AN_ONES8 * c);
  return (y - AN_ONES8) & ~y & AN_HIGH8;
}
static inline uint64_t an_w_lt(uint64_t x, unsigned char c) { /* c <= 0x80 */
  return (x - AN_ONES8 * c) & ~x & AN_HIGH8;
}
/* bytes outside lo..hi, for 1 <= lo <= hi < 0x80: exact for every byte */
static inline uint64_t an_w_outside(uint64_t x, unsigned char lo, unsigned char hi) {
  uint64_t x7 = x & ~AN_HIGH8;
  uint64_t in = (x7 + AN_ONES8 * (unsigned char)(0x80 - lo)) & ~(x7 + AN_ONES8 * (unsigned char)(0x7F - hi)) & ~x;
  return ~in & AN_HIGH8;
}

#if AN_SCAN_SSE2
static inline unsigned an_v_eq2(__m128i x, unsigned char a, unsigned char b) {
  return (unsigned)_mm_movemask_epi8(
      _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)a)), _mm_cmpeq_epi8(x, _mm_set1_epi8((char)b))));
}
static inline unsigned an_v_json(__m128i x) {
  __m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x); /* x <= 0x1F, unsigned */
  __m128i hit = _mm_or_si128(ctl, _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
                                               _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))));
  return (unsigned)_mm_movemask_epi8(hit);
}
static inline unsigned an_v_outside(__m128i x, unsigned char lo, unsigned char hi) {
  __m128i in = _mm_cmpeq_epi8(_mm_min_epu8(_mm_max_epu8(x, _mm_set1_epi8((char)lo)), _mm_set1_epi8((char)hi)), x);
  return (unsigned)_mm_movemask_epi8(in) ^ 0xFFFFu;
}
#define AN_LOAD16(p) _mm_loadu_si128((const __m128i *)(const void *)(p))
#endif

static inline uint64_t an_load8(const char *p) {
  uint64_t x;
  memcpy(&x, p, 8);
  return x;
}

/* The search loop, with VMASK(x) the 16-byte mask, WMASK(x) the word mask
 * and BYTE(c) the test of one byte. */
#if AN_SCAN_SSE2
#define AN_SCAN_BODY(VMASK, WMASK, BYTE)                                      \
  size_t i = 0;                                                              \
  if (n >= 16) {                                                             \
    for (; n - i >= 16; i += 16) {                                           \
      unsigned m = VMASK(AN_LOAD16(s + i));                                  \
      if (m) return i + (size_t)__builtin_ctz(m);                            \
    }                                                                        \
    if (i == n) return n;                                                    \
    unsigned m = VMASK(AN_LOAD16(s + n - 16)) >> (i - (n - 16));             \
    return m ? i + (size_t)__builtin_ctz(m) : n;                             \
  }                                                                          \
  if (n >= 8) {                                                              \
    uint64_t m = WMASK(an_load8(s));                                         \
    if (m) return (size_t)__builtin_ctzll(m) >> 3;                           \
    if (n == 8) return n;                                                    \
    m = WMASK(an_load8(s + n - 8)) >> (8 * (16 - n));                        \
    return m ? 8 + ((size_t)__builtin_ctzll(m) >> 3) : n;                    \
  }                                                                          \
  for (; i < n; i++)                                                         \
    if (BYTE((unsigned char)s[i])) return i;                                 \
  return n;
#elif AN_SCAN_WORDS
#define AN_SCAN_BODY(VMASK, WMASK, BYTE)                                      \
  size_t i = 0;                                                              \
  if (n >= 8) {                                                              \
    for (; n - i >= 8; i += 8) {                                             \
      uint64_t m = WMASK(an_load8(s + i));                                   \
      if (m) return i + ((size_t)__builtin_ctzll(m) >> 3);                   \
    }                                                                        \
    if (i == n) return n;                                                    \
    uint64_t m = WMASK(an_load8(s + n - 8)) >> (8 * (i - (n - 8)));          \
    return m ? i + ((size_t)__builtin_ctzll(m) >> 3) : n;                    \
  }                                                                          \
  for (; i < n; i++)                                                         \
    if (BYTE((unsigned char)s[i])) return i;                                 \
  return n;
#else
#define AN_SCAN_BODY(VMASK, WMASK, BYTE)                                      \
  for (size_t i = 0; i < n; i++)                                             \
    if (BYTE((unsigned char)s[i])) return i;                                 \
  return n;
#endif

/* The first byte equal to a or b. */
static inline size_t an_find2(const char *s, size_t n, unsigned char a, unsigned char b) {
#define VM_(x) an_v_eq2(x, a, b)
#define WM_(x) (an_w_eq(x, a) | an_w_eq(x, b))
#define BY_(c) ((c) == a || (c) == b)
  AN_SCAN_BODY(VM_, WM_, BY_)
#undef VM_
#undef WM_
#undef BY_
}

/* The first byte a JSON string must escape: < 0x20, '"' or '\\'. */
static inline size_t an_find_json_escape(const char *s, size_t n) {
#define VM_(x) an_v_json(x)
#define WM_(x) (an_w_lt(x, 0x20) | an_w_eq(x, '"') | an_w_eq(x, '\\'))
#define BY_(c) ((c) < 0x20 || (c) == '"' || (c) == '\\')
  AN_SCAN_BODY(VM_, WM_, BY_)
#undef VM_
#undef WM_
#undef BY_
}

/* The first byte outside lo..hi (1 <= lo <= hi < 0x80). */
static inline size_t an_find_outside(const char *s, size_t n, unsigned char lo, unsigned char hi) {
#define VM_(x) an_v_outside(x, lo, hi)
#define WM_(x) an_w_outside(x, lo, hi)
#define BY_(c) ((c) < lo || (c) > hi)
  AN_SCAN_BODY(VM_, WM_, BY_)
#undef VM_
#undef WM_
#undef BY_
}

/* ---- short-token keys: a token of at most AN_TOKKEY_MAX bytes as two
 * words, its bytes zero padded, and its slot in a direct-mapped table of
 * 2^bits entries. The per-thread memos of what a word's bytes alone give
 * (the actors' token memo, the lexicon's word ids) all key by them. ---- */
#define AN_TOKKEY_MAX 16

/* The key of p[0..n) (n <= AN_TOKKEY_MAX; room: the bytes readable from
 * p, at least n): 16 bytes read at once when there is room for them. */
static inline void an_tokkey(const char *p, size_t n, size_t room, uint64_t *k0, uint64_t *k1) {
#if AN_SCAN_WORDS
  /* the masks keeping the first n bytes of each word (no branch on n) */
  static const uint64_t m0[AN_TOKKEY_MAX + 1] = {
      0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffffull, 0xffffffffffffull, 0xffffffffffffffull,
      ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull};
  static const uint64_t m1[AN_TOKKEY_MAX + 1] = {
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffffull, 0xffffffffffffull,
      0xffffffffffffffull, ~0ull};
  if (room >= AN_TOKKEY_MAX) {
    *k0 = an_load8(p) & m0[n];
    *k1 = an_load8(p + 8) & m1[n];
    return;
  }
#else
  (void)room;
#endif
  unsigned char tmp[AN_TOKKEY_MAX] = {0};
  memcpy(tmp, p, n);
  memcpy(k0, tmp, 8);
  memcpy(k1, tmp + 8, 8);
}

/* The slot of key (k0, k1) of n bytes in a table of 2^bits entries. */
static inline size_t an_tokkey_slot(uint64_t k0, uint64_t k1, size_t n, unsigned bits) {
  uint64_t h = (k0 ^ (k1 * 0x9e3779b97f4a7c15ull) ^ n) * 0xff51afd7ed558ccdull;
  return (size_t)(h >> (64 - bits));
}

#endif
