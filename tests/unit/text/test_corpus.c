/* test_corpus.c: invariants of the text stage on the shared evaluation
 * articles ($SHARED/corpus or ../shared/corpus; skipped when absent): sentences and tokens are
 * consistent, every token's original span normalizes back to it, and no
 * look-alike letter survives in these English articles. Nothing from the
 * articles is stored here. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "actornet/text.h"
#include "core/core.h"
#include "harness.h"
#include "text/fold.h"

static int docs = 0;

static void check_doc(const char *path) {
  char *d = NULL;
  size_t n;
  if (an_file_slurp(path, &d, &n, NULL) != AN_OK) {
    CHECK(!"unreadable corpus file");
    return;
  }
  an_text *t = NULL;
  CHECK_INT(an_text_new(d, n, &t, NULL), AN_OK);
  if (!t) {
    an_free(d);
    return;
  }
  docs++;
  size_t nt, ns, len;
  const an_token *tk = an_text_tokens(t, &nt);
  const an_sentence *se = an_text_sentences(t, &ns);
  const char *s = an_text_str(t, &len);
  CHECK(nt > 0 && ns > 0);
  size_t covered = 0;
  for (size_t i = 0; i < ns; i++) {
    CHECK((size_t)se[i].tok_first + se[i].tok_count <= nt);
    if (i) CHECK(se[i].tok_first >= se[i - 1].tok_first + se[i - 1].tok_count);
    covered += se[i].tok_count;
  }
  CHECK(covered <= nt && covered + 64 >= nt); /* only bullet markers stay outside */
  int bad = 0;
  for (size_t i = 0; i < nt && bad < 5; i++) {
    size_t o0, o1;
    an_text_orig_span(t, tk[i].start, tk[i].start + tk[i].len, &o0, &o1);
    if (!(o0 < o1 && o1 <= n)) {
      CHECK(!"token maps outside the original");
      bad++;
      continue;
    }
    an_text *u = NULL;
    if (an_text_new(d + o0, o1 - o0, &u, NULL) != AN_OK) continue;
    size_t ul;
    const char *us = an_text_str(u, &ul);
    /* Alone, a word of look-alikes lacks its document's context: compare keys. */
    char k1[256], k2[256];
    an_fold_key(us, ul, k1, sizeof k1);
    an_fold_key(s + tk[i].start, tk[i].len, k2, sizeof k2);
    if (strcmp(k1, k2) != 0) {
      fprintf(stderr, "%s: token %zu \"%.*s\" maps to \"%.*s\"\n", path, i, (int)tk[i].len, s + tk[i].start,
              (int)(o1 - o0), d + o0);
      CHECK(!"token does not round-trip");
      bad++;
    }
    an_text_free(u);
  }
  /* English articles: no Cyrillic letter may survive (U+0400..U+04FF). */
  for (size_t i = 0; i + 1 < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0xD0 || c == 0xD1 || c == 0xD2 || c == 0xD3) {
      fprintf(stderr, "%s: Cyrillic left at %zu\n", path, i);
      CHECK(!"Cyrillic letter left");
      break;
    }
  }
  an_text_free(t);
  an_free(d);
}

static void check_dir(const char *dir) {
  DIR *dh = opendir(dir);
  if (!dh) return;
  struct dirent *e;
  while ((e = readdir(dh)) != NULL) {
    size_t l = strlen(e->d_name);
    if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0) continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    check_doc(path);
  }
  closedir(dh);
}

int main(void) {
  /* $SHARED (as the shell tests get it) or the checkout's ../shared. */
  const char *shared = getenv("SHARED");
  char dir[1024];
  snprintf(dir, sizeof dir, "%s/corpus/dev", shared ? shared : AN_SOURCE_DIR "/../shared");
  check_dir(dir);
  snprintf(dir, sizeof dir, "%s/corpus/seeds", shared ? shared : AN_SOURCE_DIR "/../shared");
  check_dir(dir);
  if (docs == 0) {
    fprintf(stderr, "../shared/corpus absent: skipped\n");
    return 77;
  }
  return TEST_DONE();
}
