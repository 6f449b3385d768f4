/* text_internal.h: the layout of an_text, shared by the normalizer (text.c)
 * and the tokenizer/sentence splitter (split.c). Not for other stages: they
 * use include/actornet/text.h. */
#ifndef AN_TEXT_INTERNAL_H
#define AN_TEXT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "actornet/text.h"
#include "core/core.h"

/* One breakpoint of the offset map. From normalized byte `norm` on (up to
 * the next breakpoint) the original offset is orig + (n - norm), or just orig
 * when AN_SEG_FLAT is set in orig (the bytes of one rewritten piece all map
 * to its start). Breakpoints are added only where the delta changes, so plain
 * text costs nothing and a 50 MB document stays small. */
#define AN_SEG_FLAT 0x80000000u
typedef struct an_seg {
  uint32_t norm;
  uint32_t orig; /* | AN_SEG_FLAT */
} an_seg;

struct an_text {
  an_buf out;         /* normalized UTF-8, NUL-terminated */
  size_t orig_len;
  an_seg *segs;
  size_t nsegs, segcap;
  an_repair *reps;
  size_t nreps, repcap;
  an_token *toks;
  size_t ntoks, tokcap;
  an_sentence *sents;
  size_t nsents, sentcap;
  uint8_t *gap; /* the splitter's per-token scratch, kept for an_text_renew */
  size_t gapcap;
};

/* an_text_new into a text made before (its contents replaced; its memory
 * reused, so a thread that keeps one text allocates nothing per document
 * once the buffers are large enough). On failure t is left empty (no
 * tokens), still to be freed. */
an_status an_text_renew(an_text *t, const char *src, size_t len, an_error *err);

/* Bytes the text's buffers hold (their capacity). */
size_t an_text_capacity(const an_text *t);

/* How many breakpoints the offset map holds (tests check it stays small). */
size_t an_text_map_size(const an_text *t);

/* Tokenizes t->out and splits it into sentences (split.c). */
an_status an_text_split(an_text *t, an_error *err);

/* Abbreviation table kinds (data/text/abbreviations.txt). */
enum { AN_ABBR_NONE = 0, AN_ABBR_TITLE, AN_ABBR_ANY, AN_ABBR_STARTER, AN_ABBR_CREDIT, AN_ABBR_JOINER };
/* Kind of the word s[0..len) in the table, AN_ABBR_NONE if absent. */
int an_abbrev_kind(const char *s, size_t len);

#endif
