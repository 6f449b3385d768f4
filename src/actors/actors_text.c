/* actors_text.c: an_actors_find over an an_text (see actors.h). Kept apart
 * from actors.c so that the recognizer itself needs only a token view. */
#include "actors/actors.h"

an_status an_actors_find(const an_gazetteer *gaz, const an_text *text, an_doc_actors **out,
                         an_error *err) {
  return an_actors_find_cached(gaz, text, NULL, out, err);
}

an_status an_actors_find_cached(const an_gazetteer *gaz, const an_text *text, an_actors_cache *cache,
                                an_doc_actors **out, an_error *err) {
  size_t len = 0, ntok = 0, nsent = 0;
  const char *str = an_text_str(text, &len);
  const an_token *toks = an_text_tokens(text, &ntok);
  const an_sentence *sents = an_text_sentences(text, &nsent);
  return an_actors_find_tokens_cached(gaz, str, len, toks, ntok, sents, nsent, cache, out, err);
}
