/* test_scale.c: a gazetteer of 250 000 aliases and a document with
 * thousands of distinct names: loading and recognition stay linear (issue
 * 4: "must stay fast with a gazetteer of 1 million aliases"), and matches
 * are still right at that size. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "actors/actors.h"
#include "actors/gazetteer.h"
#include "core/core.h"
#include "harness.h"
#include "tinydata.h"
#include "actornet/text.h"

static void syllables(unsigned x, char *out, size_t cap) {
  static const char *const syl[] = {"ka", "ri", "mo", "ta", "len", "vor", "sa", "bel",
                                    "dun", "mir", "zo", "pe", "qua", "nix", "tor", "al"};
  size_t o = 0;
  for (int k = 0; k < 4; k++) {
    const char *s = syl[(x >> (4 * k)) & 15];
    o += (size_t)snprintf(out + o, cap - o, "%s", s);
  }
  out[0] = (char)(out[0] - 32);
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void) {
  char dir[] = "/tmp/an-scale-XXXXXX";
  if (tiny_data(dir) != 0) return 1;
  char path[600];
  snprintf(path, sizeof path, "%s/gazetteer/people.json", dir);
  FILE *f = fopen(path, "w");
  if (!f) return 1;
  fputs("[\n", f);
  char a[32], b[32], c[32];
  const unsigned n = 50000;
  for (unsigned i = 0; i < n; i++) {
    syllables(i * 2654435761u, a, sizeof a);
    syllables(i * 40503u + 7, b, sizeof b);
    syllables(i * 69069u + 3, c, sizeof c);
    fprintf(f, "%s{\"id\": \"p%u\", \"label\": \"%s %s\", \"kind\": \"person\", \"aliases\": "
               "[\"%s %s %s\", \"%s-%s\", \"%s %s\", \"P%u Q%u\"]}\n",
            i ? "," : "", i, a, b, a, c, b, a, b, c, b, i, i);
  }
  fputs("]\n", f);
  fclose(f);

  double t0 = now();
  an_gazetteer *g = NULL;
  an_error err;
  CHECK_INT(an_gazetteer_load(dir, NULL, &g, &err), AN_OK);
  double t1 = now();
  fprintf(stderr, "load: %u entries, %.2f s\n", n, t1 - t0);
  if (!g) return TEST_DONE();
  CHECK(an_gazetteer_count(g) >= n);
  /* an alias of entry 12345 is found whole */
  CHECK(an_trie_find(an_gazetteer_aliases(g), "p12345 q12345") != AN_TRIE_NONE);
  CHECK(an_gazetteer_find_id(g, "p12345") >= 0);

  /* a document naming 2000 gazetteer people by alias, and 2000 unknown
   * people with a cue */
  an_buf doc;
  an_buf_init(&doc);
  for (unsigned i = 0; i < 2000; i++) {
    unsigned e = i * 7;
    syllables(e * 2654435761u, a, sizeof a);
    syllables(e * 40503u + 7, b, sizeof b);
    an_buf_printf(&doc, "%s %s met the envoy. ", a, b);
    syllables(i * 97u + 11, a, sizeof a);
    syllables(i * 31u + 5, b, sizeof b);
    an_buf_printf(&doc, "%s %s said the talks went well. ", a, b);
  }
  size_t found_gz = 0, found_new = 0, len = doc.len;
  double t2 = now();
  an_text *t = NULL;
  an_doc_actors *da = NULL;
  CHECK_INT(an_text_new(doc.data, doc.len, &t, NULL), AN_OK);
  if (t) CHECK_INT(an_actors_find(g, t, &da, NULL), AN_OK);
  for (size_t k = 0; da && k < da->n_actors; k++) {
    if (da->actors[k].id[0] == 'p' && da->actors[k].id[1] >= '0' && da->actors[k].id[1] <= '9') found_gz++;
    else if (da->actors[k].kind == AN_KIND_PERSON) found_new++;
  }
  an_doc_actors_free(da);
  an_text_free(t);
  double t3 = now();
  fprintf(stderr, "find: %zu bytes, %.2f s; %zu gazetteer, %zu new people\n", len, t3 - t2, found_gz, found_new);
  CHECK(found_gz >= 1990);
  CHECK(found_new >= 1900);
  /* generous bounds (sanitizer builds are slow): a quadratic step would blow them */
  CHECK(t1 - t0 < 60);
  CHECK(t3 - t2 < 30);
  an_buf_free(&doc);
  an_gazetteer_free(g);
  tiny_cleanup(dir);
  return TEST_DONE();
}
