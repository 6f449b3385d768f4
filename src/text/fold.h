/* fold.h: code-point folds shared by the text stage and by every matcher
 * (gazetteer, lexicon, scorer): the look-alike letter table, the
 * punctuation/space policy of normalization, script classes, and
 * an_fold_key(), the lowercase accent-free key that matchers compare.
 * All functions are pure, allocation-free and thread-safe. */
#ifndef AN_TEXT_FOLD_H
#define AN_TEXT_FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "actornet/text.h"

/* Writes into out (cap bytes) the matching key of s[0..len): NFKD, marks
 * stripped, case-folded to lower case, look-alike Cyrillic/Greek letters
 * folded to Latin (unconditionally: both sides of a match go through it),
 * typographic quotes and dashes made ASCII, zero-width characters dropped.
 * "Nakhalá" -> "nakhala", "Tеhran" (Cyrillic е) -> "tehran", "U.S." -> "u.s.".
 * Truncates at a character boundary to fit cap-1 bytes and NUL-terminates
 * (cap == 0 writes nothing). Invalid UTF-8 bytes are skipped.
 * Returns the key's length. Borrows: s; out is the caller's. */
size_t an_fold_key(const char *s, size_t len, char *out, size_t cap);

/* The normalization policy for one code point: an ASCII byte to write instead
 * (quotes -> ' or ", dashes -> '-', exotic spaces and control characters ->
 * ' ', line/paragraph separators -> '\n'), AN_PUNCT_DROP for characters that
 * are removed (zero-width, soft hyphen, BOM, bidi controls, variation
 * selectors), or 0 to keep cp as it is. '\n' itself maps to 0 (kept); CR is
 * the caller's business (CRLF is one line break). */
#define AN_PUNCT_DROP (-1)
int an_punct_map(int32_t cp);

/* Script class of a letter, for the look-alike fold. */
enum { AN_SCRIPT_OTHER = 0, AN_SCRIPT_LATIN = 1, AN_SCRIPT_CYRGREEK = 2 };
int an_script_of(int32_t cp);

#endif
