/* resources.h: the bodies of an_resources (immutable, shared by threads:
 * gazetteer, rule lexicon, compiled PCRE2 patterns) and an_workspace (one
 * thread's scratch: PCRE2 match data). */
#ifndef AN_EXTRACT_RESOURCES_H
#define AN_EXTRACT_RESOURCES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "actornet/extract.h"
#include "extract/lexicon.h"

struct an_gazetteer;

struct an_resources {
  struct an_gazetteer *gaz; /* NULL only in tests (an_resources_from_lexicon) */
  an_lexicon *lex;
  pcre2_code **outlet_re; /* lex->outlet_regex, compiled (JIT where available) */
  size_t n_outlet_re;
  pcre2_code **docdate_re;
  size_t n_docdate_re;
};

struct an_workspace {
  const an_resources *res;
  pcre2_match_data *md;
  pcre2_match_context *mctx; /* match limits: no pattern runs away */
  struct an_actors_cache *acache; /* the actors stage's words seen before */
  an_lower_memo *lmemo;           /* the word ids of tokens seen before */
  struct an_text *text;           /* the last document's text, its buffers reused (or NULL) */
};

/* Builds resources around an already loaded lexicon (tests; the gazetteer
 * stays NULL). Owns: *out on AN_OK; takes lex in every case. */
an_status an_resources_from_lexicon(an_lexicon *lex, an_resources **out, an_error *err);

/* First match of re in s[0..len): the first capture group's span (or the
 * whole match). Returns 1 if it matched. */
int an_regex_find(const pcre2_code *re, an_workspace *ws, const char *s, size_t len, size_t *a, size_t *b);

#endif
