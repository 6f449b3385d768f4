/* text.h: the text pipeline. Turns raw document bytes into normalized UTF-8
 * (invalid sequences repaired to U+FFFD, NFKC, look-alike Cyrillic/Greek
 * letters inside Latin words folded to Latin, typographic quotes, dashes and
 * spaces made plain) with a map from every normalized byte back to the byte
 * offset in the original, then splits it into sentences and tokens.
 *
 * Tokens and sentences are spans into the normalized text (libpostal-style):
 * no copies, and an_text_orig_offset() maps any span back to the original. */
#ifndef ACTORNET_TEXT_H
#define ACTORNET_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include "error.h"
#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Token shape bits (an_token.shape). */
#define AN_SHAPE_UPPER_INITIAL (1u << 0) /* first letter is upper case: "Iran" */
#define AN_SHAPE_ALL_UPPER (1u << 1)     /* every letter upper case, >= 2 letters: "UN", "IRNA" */
#define AN_SHAPE_ALL_LOWER (1u << 2)     /* every letter lower case */
#define AN_SHAPE_HAS_DIGIT (1u << 3)
#define AN_SHAPE_ALPHA (1u << 4)         /* letters only (apostrophes/hyphens inside allowed) */
#define AN_SHAPE_PUNCT (1u << 5)         /* a punctuation token: , . " ( ) etc. */
#define AN_SHAPE_SENT_INITIAL (1u << 6)  /* first word token of its sentence */
#define AN_SHAPE_HYPHENATED (1u << 7)    /* contains a hyphen: "al-Nakhala", "Secretary-General" */
#define AN_SHAPE_ABBREV (1u << 8)        /* ends in a period that belongs to it: "Mr.", "U.S." */
#define AN_SHAPE_POSSESSIVE (1u << 9)    /* the token is the clitic "'s" or "'" after a name */
#define AN_SHAPE_HEADLINE (1u << 10)     /* in a line without final punctuation (headline, byline) */
#define AN_SHAPE_QUOTE (1u << 11)        /* the token is a quotation mark */

typedef struct an_token {
  uint32_t start;  /* byte offset in the normalized text */
  uint32_t len;    /* bytes */
  uint32_t shape;  /* AN_SHAPE_* bits */
} an_token;

/* Sentences cover their tokens contiguously and in order. The only tokens
 * outside every sentence are bullet markers ("•", "-", "1.") opening a line.
 * A dateline opening a line ("TEHRAN (Agency) -", "LONDON:") is a sentence
 * of its own, flagged AN_SENT_CREDIT, before the body sentence. */
typedef struct an_sentence {
  uint32_t start, end;     /* byte span in the normalized text, [start, end) */
  uint32_t tok_first;      /* index of its first token */
  uint32_t tok_count;      /* number of tokens */
  uint32_t paragraph;      /* 0-based paragraph: blank-line separated block, or
                              one line when the document has no blank line */
  uint32_t flags;          /* AN_SENT_* bits */
} an_sentence;

#define AN_SENT_HEADLINE (1u << 0) /* a whole line with no final punctuation: title, byline */
#define AN_SENT_BULLET (1u << 1)   /* on a bullet/list line */
#define AN_SENT_CREDIT (1u << 2)   /* "Source »", "By Staff, Agencies", "(Reuters) -" style
                                      line or dateline; a byline has HEADLINE too */

/* One repaired invalid UTF-8 sequence (reported to the user). A run of
 * adjacent invalid sequences is one repair and one U+FFFD. */
typedef struct an_repair {
  size_t orig_offset; /* byte offset of the bad sequence in the original */
  size_t len;         /* bytes replaced */
} an_repair;

typedef struct an_text an_text;

/* Normalizes src[0..len) and splits it. src need not be valid UTF-8 or
 * NUL-terminated. Linear in len.
 * Owns: *out on AN_OK (an_text_free); NULL otherwise. Does not keep src. */
AN_EXPORT an_status an_text_new(const char *src, size_t len, an_text **out, an_error *err);
AN_EXPORT void an_text_free(an_text *t);

/* The normalized text, NUL-terminated; *len (if not NULL) gets its length.
 * Borrows: valid while t lives. */
AN_EXPORT const char *an_text_str(const an_text *t, size_t *len);

/* The byte offset in the original of normalized byte norm_off (norm_off may
 * equal the normalized length: then the original length is returned). A
 * span [a, b) of normalized text maps to [orig(a), orig(b)). */
AN_EXPORT size_t an_text_orig_offset(const an_text *t, size_t norm_off);

/* The original byte span [*oa, *ob) of normalized span [a, b). Unlike
 * [orig(a), orig(b)), a span ending inside a rewritten piece (one of the
 * three dots NFKC makes of U+2026, a ligature) takes in the whole piece, so
 * the span is never empty for a non-empty token. Use it for evidence
 * offsets. oa/ob may be NULL. */
AN_EXPORT void an_text_orig_span(const an_text *t, size_t a, size_t b, size_t *oa, size_t *ob);

/* Tokens and sentences in text order. Borrows: valid while t lives. */
AN_EXPORT const an_token *an_text_tokens(const an_text *t, size_t *count);
AN_EXPORT const an_sentence *an_text_sentences(const an_text *t, size_t *count);

/* Invalid UTF-8 sequences that were replaced by U+FFFD. Borrows. */
AN_EXPORT const an_repair *an_text_repairs(const an_text *t, size_t *count);

/* Folds one code point: look-alike Cyrillic/Greek letter to its Latin
 * letter, else returns cp unchanged. Exposed for tests and for matching. */
AN_EXPORT int32_t an_confusable_fold(int32_t cp);

#ifdef __cplusplus
}
#endif
#endif
