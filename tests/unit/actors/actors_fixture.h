/* actors_fixture.h: the shared harness of the actor tests that run the real
 * text stage and the shipped data/ gazetteer on sentences of our own: one
 * document at a time (run), and lookups of its actors and of the mention at
 * a given place in the text. One test executable per file, so the state
 * below is per test. */
#ifndef AN_TEST_ACTORS_FIXTURE_H
#define AN_TEST_ACTORS_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "actornet/text.h"
#include "actors/actors.h"
#include "actors/gazetteer.h"
#include "harness.h"

static an_gazetteer *G;
static an_text *TX;
static an_doc_actors *A;

/* Loads data/'s gazetteer; 0 (and a message) if it fails. */
static inline int fx_actors_load(void) {
  an_error err;
  if (an_gazetteer_load(AN_DATA_SOURCE_DIR, NULL, &G, &err) != AN_OK) {
    fprintf(stderr, "load: %s\n", err.msg);
    return 0;
  }
  return 1;
}

static inline void fx_actors_free(void) {
  an_doc_actors_free(A);
  an_text_free(TX);
  an_gazetteer_free(G);
}

/* Replaces the current document with s and finds its actors. */
static inline void run(const char *s) {
  an_doc_actors_free(A);
  an_text_free(TX);
  A = NULL;
  TX = NULL;
  CHECK_INT(an_text_new(s, strlen(s), &TX, NULL), AN_OK);
  if (TX) CHECK_INT(an_actors_find(G, TX, &A, NULL), AN_OK);
}

static inline const an_doc_actor *actor(const char *label) {
  for (size_t i = 0; A && i < A->n_actors; i++)
    if (strcmp(A->actors[i].label, label) == 0) return &A->actors[i];
  return NULL;
}

/* The actor with this label has this kind (-1: there is no such actor). */
static inline int kind_of(const char *label) {
  const an_doc_actor *a = actor(label);
  return a ? (int)a->kind : -1;
}

/* The mention that starts at the nth (0-based) occurrence of s, or NULL. */
static inline const an_mention *mention_at(const char *s, int nth) {
  const char *base = TX ? an_text_str(TX, NULL) : "", *p = base;
  for (int k = 0;; k++) {
    p = strstr(p, s);
    if (!p) return NULL;
    if (k == nth) break;
    p++;
  }
  size_t off = (size_t)(p - base);
  const an_token *tok = an_text_tokens(TX, NULL);
  for (size_t i = 0; A && i < A->n_mentions; i++)
    if (tok[A->mentions[i].tok_first].start == off) return &A->mentions[i];
  return NULL;
}

/* The label of the actor of that mention, or NULL. */
static inline const char *label_at(const char *s, int nth) {
  const an_mention *m = mention_at(s, nth);
  return m ? A->actors[m->actor].label : NULL;
}

#endif
