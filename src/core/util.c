/* util.c: id slugs and stable hashes. */
#include <string.h>

#include <utf8proc.h>

#include "core.h"

an_status an_slugify(const char *label, char *out, size_t cap) {
  if (cap == 0) return AN_ELIMIT;
  size_t o = 0;
  int pending_dash = 0;
  const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)label;
  utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(label);
  while (left > 0) {
    if (*s < 0x80) {
      /* ASCII (most labels): what the decomposition below gives, without it */
      unsigned char c = *s++;
      left--;
      int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum) {
        if (o > 0) pending_dash = 1;
        continue;
      }
      if (o + (size_t)pending_dash + 2 > cap) return AN_ELIMIT;
      if (pending_dash) out[o++] = '-', pending_dash = 0;
      out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(s, left, &cp);
    if (n <= 0) { n = 1; cp = 0xFFFD; }
    s += n, left -= n;
    /* Decompose to drop accents: "é" -> "e" + combining mark. */
    utf8proc_int32_t dec[8];
    utf8proc_ssize_t nd = utf8proc_decompose_char(cp, dec, 8, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, NULL);
    if (nd < 0) nd = 0;
    for (utf8proc_ssize_t i = 0; i < nd && i < 8; i++) {
      utf8proc_int32_t c = dec[i];
      const utf8proc_property_t *p = utf8proc_get_property(c);
      int alnum = (p->category >= UTF8PROC_CATEGORY_LU && p->category <= UTF8PROC_CATEGORY_LO) ||
                  p->category == UTF8PROC_CATEGORY_ND;
      if (!alnum) { if (o > 0) pending_dash = 1; continue; }
      utf8proc_uint8_t enc[4];
      utf8proc_ssize_t ne = utf8proc_encode_char(c, enc);
      if (o + (size_t)pending_dash + (size_t)ne + 1 > cap) return AN_ELIMIT;
      if (pending_dash) out[o++] = '-', pending_dash = 0;
      memcpy(out + o, enc, (size_t)ne);
      o += (size_t)ne;
    }
  }
  out[o] = '\0';
  return AN_OK;
}

uint64_t an_hash64(const void *data, size_t len, uint64_t seed) {
  const unsigned char *p = data;
  uint64_t h = 1469598103934665603ULL ^ seed;
  size_t i = 0;
  /* four bytes a round (the same FNV-1a steps, less loop overhead: event
   * ids and trie words hash every byte) */
  for (; i + 4 <= len; i += 4) {
    h = (h ^ p[i]) * 1099511628211ULL;
    h = (h ^ p[i + 1]) * 1099511628211ULL;
    h = (h ^ p[i + 2]) * 1099511628211ULL;
    h = (h ^ p[i + 3]) * 1099511628211ULL;
  }
  for (; i < len; i++) h = (h ^ p[i]) * 1099511628211ULL;
  return h;
}
