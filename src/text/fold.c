/* fold.c: look-alike table lookup, punctuation policy, script classes and the
 * matching key (fold.h). The look-alike table is generated from
 * data/text/confusables.tsv (tools/gen_text_tables.py). */
#include "fold.h"

#include <utf8proc.h>

typedef struct conf_pair {
  int32_t from, to;
} conf_pair;

static const conf_pair confusables[] = {
#include "confusables.inc"
};

int32_t an_confusable_fold(int32_t cp) {
  /* Every entry is Greek or Cyrillic: skip the search for ASCII/Latin-1. */
  if (cp < 0x0370 || cp > 0x052F) return cp;
  size_t lo = 0, hi = sizeof confusables / sizeof confusables[0];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (confusables[mid].from == cp) return confusables[mid].to;
    if (confusables[mid].from < cp)
      lo = mid + 1;
    else
      hi = mid;
  }
  return cp;
}

int an_punct_map(int32_t cp) {
  if (cp < 0x80) {
    if (cp == '\n') return 0;
    if (cp < 0x20 || cp == 0x7F) return ' '; /* NUL, tab, other C0 controls */
    return 0;
  }
  if (cp < 0xA0) return cp == 0x85 ? '\n' : ' '; /* C1 controls; NEL is a line break */
  switch (cp) {
  case 0x00A0: /* no-break space */
  case 0x1680: case 0x202F: case 0x205F: case 0x3000:
    return ' ';
  case 0x00AD: /* soft hyphen */
  case 0x180E: case 0x200B: case 0x200C: case 0x200D: case 0x200E: case 0x200F:
  case 0x2060: case 0x2061: case 0x2062: case 0x2063: case 0x2064:
  case 0xFEFF: /* BOM / zero-width no-break space */
    return AN_PUNCT_DROP;
  case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035:
  case 0x2039: case 0x203A: case 0x02BC: case 0x00B4: case 0xFF07:
    return '\'';
  case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
  case 0x2033: case 0x2036: case 0x301D: case 0x301E: case 0x301F: case 0xFF02:
    return '"';
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
  case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D: case 0x2E3A: case 0x2E3B:
    return '-';
  case 0x2028: case 0x2029:
    return '\n';
  default:
    break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return ' ';                 /* en/em/thin/hair spaces */
  if (cp >= 0x202A && cp <= 0x202E) return AN_PUNCT_DROP;       /* bidi embeddings */
  if (cp >= 0x2066 && cp <= 0x2069) return AN_PUNCT_DROP;       /* bidi isolates */
  if (cp >= 0xFE00 && cp <= 0xFE0F) return AN_PUNCT_DROP;       /* variation selectors */
  return 0;
}

int an_script_of(int32_t cp) {
  if (cp < 0x80) return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? AN_SCRIPT_LATIN : AN_SCRIPT_OTHER;
  if (cp >= 0x00C0 && cp <= 0x02AF) return (cp == 0xD7 || cp == 0xF7) ? AN_SCRIPT_OTHER : AN_SCRIPT_LATIN;
  if (cp >= 0x0370 && cp <= 0x052F) return AN_SCRIPT_CYRGREEK;
  if (cp >= 0x1C80 && cp <= 0x1C8F) return AN_SCRIPT_CYRGREEK;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return AN_SCRIPT_LATIN;
  if (cp >= 0x1F00 && cp <= 0x1FFF) return AN_SCRIPT_CYRGREEK;
  if (cp >= 0x2C60 && cp <= 0x2C7F) return AN_SCRIPT_LATIN;
  if (cp >= 0x2DE0 && cp <= 0x2DFF) return AN_SCRIPT_CYRGREEK;
  if (cp >= 0xA640 && cp <= 0xA69F) return AN_SCRIPT_CYRGREEK;
  if (cp >= 0xA720 && cp <= 0xA7FF) return AN_SCRIPT_LATIN;
  if (cp >= 0xAB30 && cp <= 0xAB6F) return AN_SCRIPT_LATIN;
  if (cp >= 0xFB00 && cp <= 0xFB06) return AN_SCRIPT_LATIN;
  if ((cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A)) return AN_SCRIPT_LATIN;
  return AN_SCRIPT_OTHER;
}

/* Appends cp's UTF-8 to out if it fits before the terminator. */
static int put_cp(char *out, size_t cap, size_t *o, int32_t cp) {
  utf8proc_uint8_t tmp[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, tmp);
  if (n <= 0 || *o + (size_t)n > cap - 1) return 0;
  for (utf8proc_ssize_t k = 0; k < n; k++) out[(*o)++] = (char)tmp[k];
  return 1;
}

size_t an_fold_key(const char *s, size_t len, char *out, size_t cap) {
  size_t o = 0, i = 0;
  if (cap == 0) return 0;
  const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
  while (i < len) {
    unsigned char c = u[i];
    if (c < 0x80) { /* ASCII fast path: the common case per token */
      char ch = (char)c;
      if (ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
      else if (c < 0x20 || c == 0x7F) ch = ' ';
      if (o + 1 > cap - 1) break;
      out[o++] = ch;
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) { /* invalid byte: skip it */
      i++;
      continue;
    }
    i += (size_t)n;
    int pm = an_punct_map(cp);
    if (pm == AN_PUNCT_DROP) continue;
    if (pm > 0) {
      if (o + 1 > cap - 1) break;
      out[o++] = pm == '\n' ? ' ' : (char)pm;
      continue;
    }
    cp = an_confusable_fold(cp);
    utf8proc_int32_t buf[32];
    utf8proc_ssize_t m = utf8proc_decompose_char(
        cp, buf, 32,
        UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, NULL);
    if (m < 0 || m > 32) continue; /* unassigned error or a huge expansion: drop */
    int full = 0;
    for (utf8proc_ssize_t k = 0; k < m && !full; k++) {
      int32_t d = buf[k];
      int dm = an_punct_map(d);
      if (dm == AN_PUNCT_DROP) continue;
      if (dm > 0) d = dm == '\n' ? ' ' : dm;
      d = utf8proc_tolower(an_confusable_fold(d));
      if (!put_cp(out, cap, &o, d)) full = 1;
    }
    if (full) break;
  }
  out[o] = '\0';
  return o;
}
