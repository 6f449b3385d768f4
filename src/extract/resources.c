/* resources.c: loading the shared, read-only resources and per-thread
 * workspaces (extract.h, resources.h). */
#include "extract/resources.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/core.h"

#include "actors/gazetteer.h"

static int is_dir(const char *p) {
  struct stat st;
  return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *an_default_data_dir(void) {
  const char *env = getenv("ACTORNET_DATA");
  if (env && *env) return env;
#ifdef AN_DATA_INSTALL_DIR
  if (is_dir(AN_DATA_INSTALL_DIR "/lexicon")) return AN_DATA_INSTALL_DIR;
#endif
#ifdef AN_DATA_SOURCE_DIR
  return AN_DATA_SOURCE_DIR;
#else
  return "data";
#endif
}

static an_status compile_all(char **src, size_t n, pcre2_code ***out, size_t *nout, const char *what,
                             an_error *err) {
  *out = NULL;
  *nout = 0;
  if (n == 0) return AN_OK;
  *out = an_calloc(n, sizeof(pcre2_code *));
  if (!*out) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  const char *nj = getenv("ACTORNET_NO_JIT");
  int no_jit = nj && *nj && strcmp(nj, "0") != 0;
  for (size_t i = 0; i < n; i++) {
    int ec = 0;
    PCRE2_SIZE eo = 0;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)src[i], PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_MULTILINE, &ec,
                                   &eo, NULL);
    if (!re) {
      PCRE2_UCHAR msg[120];
      pcre2_get_error_message(ec, msg, sizeof msg);
      return an_error_set(err, AN_EDATA, "lexicon", 0, (long)eo, "%s pattern %zu: %s", what, i, (char *)msg);
    }
    /* JIT, unless ACTORNET_NO_JIT is set: memcheck cannot follow JIT code
     * (false "uninitialised value" reports; scripts/check-valgrind.sh sets
     * it). Without JIT the interpreter gives the same matches. */
    if (!no_jit) (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
    (*out)[i] = re;
    *nout = i + 1;
  }
  return AN_OK;
}

void an_resources_free(an_resources *res) {
  if (!res) return;
  an_gazetteer_free(res->gaz);
  an_lexicon_free(res->lex);
  for (size_t i = 0; i < res->n_outlet_re; i++) pcre2_code_free(res->outlet_re[i]);
  for (size_t i = 0; i < res->n_docdate_re; i++) pcre2_code_free(res->docdate_re[i]);
  an_free(res->outlet_re);
  an_free(res->docdate_re);
  an_free(res);
}

an_status an_resources_from_lexicon(an_lexicon *lex, an_resources **out, an_error *err) {
  *out = NULL;
  an_resources *res = an_calloc(1, sizeof *res);
  if (!res) {
    an_lexicon_free(lex);
    return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  }
  res->lex = lex;
  an_status st = compile_all(lex->outlet_regex, lex->n_outlet_regex, &res->outlet_re, &res->n_outlet_re,
                             "outlet", err);
  if (st == AN_OK)
    st = compile_all(lex->docdate_regex, lex->n_docdate_regex, &res->docdate_re, &res->n_docdate_re,
                     "document date", err);
  if (st != AN_OK) {
    an_resources_free(res);
    return st;
  }
  *out = res;
  return AN_OK;
}

an_status an_resources_load(const char *data_dir, const char *user_actors, an_resources **out, an_error *err) {
  *out = NULL;
  if (!data_dir) data_dir = an_default_data_dir();
  an_lexicon *lex = NULL;
  an_status st = an_lexicon_load(data_dir, &lex, err);
  if (st != AN_OK) return st;
  an_resources *res = NULL;
  st = an_resources_from_lexicon(lex, &res, err);
  if (st != AN_OK) return st;
  st = an_gazetteer_load(data_dir, user_actors, &res->gaz, err);
  if (st != AN_OK) {
    an_resources_free(res);
    return st;
  }
  *out = res;
  return AN_OK;
}

an_status an_workspace_new(const an_resources *res, an_workspace **out, an_error *err) {
  *out = NULL;
  an_workspace *ws = an_calloc(1, sizeof *ws);
  if (!ws) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  ws->res = res;
  ws->md = pcre2_match_data_create(10, NULL);
  ws->mctx = pcre2_match_context_create(NULL);
  ws->acache = an_actors_cache_new();
  ws->lmemo = an_lower_memo_new();
  if (!ws->md || !ws->mctx || !ws->acache || !ws->lmemo) {
    an_workspace_free(ws);
    return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  }
  pcre2_set_match_limit(ws->mctx, 1000000);
  *out = ws;
  return AN_OK;
}

void an_workspace_free(an_workspace *ws) {
  if (!ws) return;
  pcre2_match_data_free(ws->md);
  pcre2_match_context_free(ws->mctx);
  an_actors_cache_free(ws->acache);
  an_lower_memo_free(ws->lmemo);
  an_text_free(ws->text);
  an_free(ws);
}

int an_regex_find(const pcre2_code *re, an_workspace *ws, const char *s, size_t len, size_t *a, size_t *b) {
  int rc = pcre2_match(re, (PCRE2_SPTR)s, len, 0, PCRE2_NO_UTF_CHECK, ws->md, ws->mctx);
  if (rc <= 0) return 0;
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ws->md);
  int g = rc > 1 && ov[2] != PCRE2_UNSET ? 1 : 0;
  *a = ov[2 * g];
  *b = ov[2 * g + 1];
  return 1;
}
