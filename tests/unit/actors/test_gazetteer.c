/* test_gazetteer.c: loading, validation, user overrides, the phrase trie and
 * longest matching. */
#include <stdio.h>
#include <string.h>

#include "actors/gazetteer.h"
#include "actors/trie.h"
#include "core/core.h"
#include "harness.h"
#include "tinydata.h"

static void test_fold(void) {
  char buf[64];
  an_word_fold("al-Nakhala", 10, buf, sizeof buf);
  CHECK_STR(buf, "al nakhala");
  an_word_fold("U.S.", 4, buf, sizeof buf);
  CHECK_STR(buf, "us");
  an_word_fold("Ab\xc3\xa9 Zo\xc3\xab's", strlen("Ab\xc3\xa9 Zo\xc3\xab's"), buf, sizeof buf);
  CHECK_STR(buf, "abe zoes");
  an_word_fold("  --", 4, buf, sizeof buf);
  CHECK_STR(buf, "");
}

static void test_trie(void) {
  an_trie *t = NULL;
  CHECK_INT(an_trie_new(&t), AN_OK);
  CHECK_INT(an_trie_add(t, "islamic", 1), AN_OK);
  CHECK_INT(an_trie_add(t, "islamic jihad", 2), AN_OK);
  CHECK_INT(an_trie_add(t, "islamic jihad", 3), AN_OK);
  /* a full grow cycle */
  char w[32];
  for (int i = 0; i < 5000; i++) {
    snprintf(w, sizeof w, "w%d x%d", i, i % 7);
    CHECK(an_trie_add(t, w, (uint32_t)(100 + i)) == AN_OK);
  }
  CHECK_INT(an_trie_freeze(t), AN_OK);
  uint32_t n1 = an_trie_find(t, "islamic");
  uint32_t n2 = an_trie_find(t, "islamic jihad");
  CHECK(n1 != AN_TRIE_NONE && n2 != AN_TRIE_NONE && n1 != n2);
  size_t n;
  const uint32_t *v = an_trie_values(t, n2, &n);
  CHECK_INT(n, 2);
  if (n == 2) {
    CHECK_INT(v[0], 2);
    CHECK_INT(v[1], 3);
  }
  CHECK(an_trie_find(t, "jihad") == AN_TRIE_NONE);
  uint32_t n3 = an_trie_find(t, "w4321 x2");
  v = an_trie_values(t, n3, &n);
  CHECK_INT(n, 1);
  if (n == 1) CHECK_INT(v[0], 4421);
  /* every phrase found after the freeze (the root's filter lets every
   * first word through), none that was not added */
  int found = 0, stray = 0;
  for (int i = 0; i < 5000; i++) {
    snprintf(w, sizeof w, "w%d x%d", i, i % 7);
    uint32_t node = an_trie_find(t, w);
    v = an_trie_values(t, node, &n);
    found += node != AN_TRIE_NONE && n == 1 && v[0] == (uint32_t)(100 + i);
    snprintf(w, sizeof w, "q%d", i);
    stray += an_trie_find(t, w) != AN_TRIE_NONE;
    stray += an_trie_step(t, AN_TRIE_ROOT, an_word_hash(w, strlen(w))) != AN_TRIE_NONE;
  }
  CHECK_INT(found, 5000);
  CHECK_INT(stray, 0);
  an_trie_free(t);
  an_trie_free(NULL);
}

static void test_load(const char *dir) {
  an_gazetteer *g = NULL;
  an_error err;
  an_error_clear(&err);
  CHECK_INT(an_gazetteer_load(dir, NULL, &g, &err), AN_OK);
  if (!g) return;
  CHECK_INT(an_gazetteer_count(g), 10);
  long i = an_gazetteer_find_id(g, "tomas-varga");
  CHECK(i >= 0);
  if (i >= 0) {
    const an_gz_entry *e = an_gazetteer_entry(g, (size_t)i);
    CHECK_STR(e->label, "Tomas Varga");
    CHECK_INT(e->kind, AN_KIND_PERSON);
    CHECK_STR(e->country, "SDL");
    CHECK_INT(e->gender, 'm');
    CHECK_INT(e->n_roles, 2);
    if (e->n_roles == 2) {
      CHECK_STR(e->roles[0].role, "foreign minister");
      CHECK_STR(e->roles[0].of, "SDL");
      CHECK_INT(e->roles[0].current, 1);
      CHECK_INT(e->roles[1].current, 0); /* it has a "to" date */
    }
  }
  CHECK(an_gazetteer_find_id(g, "nope") < 0);
  /* lexicon */
  long t, p;
  uint32_t c = an_gazetteer_word(g, "foreign minister", &t, &p);
  CHECK(c & AN_LX_TITLE);
  CHECK(t >= 0);
  if (t >= 0) {
    CHECK_STR(an_gazetteer_title(g, (size_t)t)->role, "foreign minister");
    CHECK_STR(an_gazetteer_title(g, (size_t)t)->cls, "diplomat");
  }
  c = an_gazetteer_word(g, "advisor", &t, &p);
  CHECK((c & AN_LX_TITLE) && t >= 0 && strcmp(an_gazetteer_title(g, (size_t)t)->role, "adviser") == 0);
  CHECK(an_gazetteer_word(g, "sheikh", NULL, NULL) & AN_LX_HONORIFIC);
  CHECK(an_gazetteer_word(g, "al", NULL, NULL) & AN_LX_PARTICLE);
  CHECK(an_gazetteer_word(g, "monday", NULL, NULL) & AN_LX_TIME);
  CHECK(an_gazetteer_word(g, "ministry", NULL, NULL) & AN_LX_ORGHEAD);
  CHECK(an_gazetteer_word(g, "mira", NULL, NULL) & AN_LX_GIVEN_F);
  c = an_gazetteer_word(g, "his", &t, &p);
  CHECK((c & AN_LX_PRONOUN) && p >= 0);
  if (p >= 0) {
    CHECK_INT(an_gazetteer_pronoun(g, (size_t)p)->gender, 'm');
    CHECK_INT(an_gazetteer_pronoun(g, (size_t)p)->possessive, 1);
  }
  CHECK_INT(an_gazetteer_word(g, "zebra", NULL, NULL), 0);
  /* the classes at or below a lexicon node: "prime" alone is no title,
   * but "prime minister" lies ahead; "monday" leads to no title */
  const an_trie *lx = an_gazetteer_lexicon(g);
  const an_lx_node *nodes = an_gazetteer_lexicon_nodes(g);
  uint32_t pn = an_trie_find(lx, "prime"), pm = an_trie_find(lx, "prime minister");
  CHECK(pn != AN_TRIE_NONE && pm != AN_TRIE_NONE);
  if (pn != AN_TRIE_NONE && pm != AN_TRIE_NONE) {
    CHECK(!(an_gazetteer_word_node(g, pn, NULL, NULL) & AN_LX_TITLE));
    CHECK(nodes[pn].below & AN_LX_TITLE);
    CHECK(nodes[pm].below & AN_LX_TITLE);
    CHECK(nodes[AN_TRIE_ROOT].below & (AN_LX_TITLE | AN_LX_TIME | AN_LX_PRONOUN));
  }
  uint32_t mo = an_trie_find(lx, "monday");
  CHECK(mo != AN_TRIE_NONE && !(nodes[mo].below & AN_LX_TITLE) && (nodes[mo].below & AN_LX_TIME));
  /* the node answer is the word answer */
  long t2, p2;
  CHECK_INT(an_gazetteer_word_node(g, an_trie_find(lx, "his"), &t2, &p2), an_gazetteer_word(g, "his", &t, &p));
  CHECK_INT(p2, p);
  CHECK_INT(an_gazetteer_word_node(g, AN_TRIE_NONE, &t2, &p2), 0);
  CHECK(t2 == -1 && p2 == -1);
  /* aliases: longest match and flags */
  const an_trie *al = an_gazetteer_aliases(g);
  uint32_t n = an_trie_find(al, "green front news agency");
  size_t nv;
  const uint32_t *v = an_trie_values(al, n, &nv);
  CHECK_INT(nv, 1);
  if (nv) CHECK_STR(an_gazetteer_entry(g, AN_GZ_ENTRY(v[0]))->id, "green-front-news");
  n = an_trie_find(al, "amber palace"); /* "the" dropped */
  v = an_trie_values(al, n, &nv);
  CHECK_INT(nv, 1);
  if (nv) CHECK_INT(v[0] & AN_GZ_HOW_MASK, AN_MENTION_METONYM);
  n = an_trie_find(al, "us");
  v = an_trie_values(al, n, &nv);
  CHECK(nv >= 1 && (v[0] & AN_GZ_ACRONYM));
  n = an_trie_find(al, "nordish");
  v = an_trie_values(al, n, &nv);
  CHECK(nv == 1 && (v[0] & AN_GZ_HOW_MASK) == AN_MENTION_DEMONYM);
  an_gazetteer_free(g);
}

static void test_user_override(const char *dir) {
  char path[600];
  snprintf(path, sizeof path, "%s/user.json", dir);
  FILE *f = fopen(path, "w");
  fputs("[{\"id\": \"tomas-varga\", \"label\": \"Tomas J. Varga\", \"kind\": \"person\", \"aliases\": [\"T. Varga\"]},\n"
        " {\"id\": \"blue-bloc\", \"label\": \"Blue Bloc\", \"kind\": \"organization\"}]\n", f);
  fclose(f);
  an_gazetteer *g = NULL;
  CHECK_INT(an_gazetteer_load(dir, path, &g, NULL), AN_OK);
  if (!g) return;
  CHECK_INT(an_gazetteer_count(g), 11);
  long i = an_gazetteer_find_id(g, "tomas-varga");
  CHECK(i >= 0);
  if (i >= 0) {
    CHECK_STR(an_gazetteer_entry(g, (size_t)i)->label, "Tomas J. Varga");
    CHECK_INT(an_gazetteer_entry(g, (size_t)i)->n_roles, 0); /* replaced whole */
  }
  CHECK(an_gazetteer_find_id(g, "blue-bloc") >= 0);
  /* the old alias is gone, the new one is there */
  CHECK(an_trie_find(an_gazetteer_aliases(g), "varga") == AN_TRIE_NONE);
  CHECK(an_trie_find(an_gazetteer_aliases(g), "t varga") != AN_TRIE_NONE);
  an_gazetteer_free(g);
}

static void test_errors(const char *dir) {
  char path[600];
  an_error err;
  an_gazetteer *g = NULL;
  snprintf(path, sizeof path, "%s/bad1.json", dir);
  FILE *f = fopen(path, "w");
  fputs("[\n{\"id\": \"x\", \"label\": \"X\", \"kind\": \"person\"},\n{\"id\": \"y\" \"label\": 1}\n]\n", f);
  fclose(f);
  an_error_clear(&err);
  CHECK_INT(an_gazetteer_load(dir, path, &g, &err), AN_EDATA);
  CHECK(g == NULL);
  CHECK_STR(err.path, path);
  CHECK_INT(err.line, 3);
  CHECK(err.offset > 0);

  static const char three[] =
      "[{\"id\": \"x\", \"label\": \"X\", \"kind\": \"person\", \"aliases\": [\"a]\", \"{b\"]},\n"
      " {\"id\": \"y\", \"label\": \"Y\", \"kind\": \"person\"},\n"
      " {\"id\": \"z\", \"label\": \"Z\", \"kind\": \"planet\"}]";
  f = fopen(path, "w");
  fputs(three, f);
  fclose(f);
  an_error_clear(&err);
  CHECK_INT(an_gazetteer_load(dir, path, &g, &err), AN_EDATA);
  CHECK(strstr(err.msg, "planet") != NULL);
  CHECK(strstr(err.msg, "entry 3") != NULL);
  CHECK_INT(err.line, 3); /* entry 3's bad field, past brackets inside strings */
  CHECK_INT(err.offset, (long)(strstr(three, "\"planet\"") - three));
  CHECK(strncmp(err.msg, "column 36: ", 11) == 0);

  /* a missing member: the entry's first byte; invalid UTF-8: that byte */
  static const char nolabel[] = "[{\"id\": \"x\", \"label\": \"X\", \"kind\": \"person\"},\n  {\"id\": \"y\"}]";
  f = fopen(path, "w");
  fputs(nolabel, f);
  fclose(f);
  an_error_clear(&err);
  CHECK_INT(an_gazetteer_load(dir, path, &g, &err), AN_EDATA);
  CHECK_INT(err.line, 2);
  CHECK_INT(err.offset, (long)(strstr(nolabel, "{\"id\": \"y\"") - nolabel));
  CHECK(strncmp(err.msg, "column 3: entry 2 (y): missing \"label\"", 38) == 0);
  static const char badutf8[] = "[{\"id\": \"x\", \"label\": \"\xc3\xa9\xff\", \"kind\": \"person\"}]";
  f = fopen(path, "w");
  fputs(badutf8, f);
  fclose(f);
  an_error_clear(&err);
  CHECK_INT(an_gazetteer_load(dir, path, &g, &err), AN_EDATA);
  CHECK(g == NULL);
  CHECK_INT(err.line, 1);
  CHECK_INT(err.offset, (long)(strchr(badutf8, '\xff') - badutf8));
  CHECK(strncmp(err.msg, "column 25: invalid UTF-8", 24) == 0); /* é is one column */

  f = fopen(path, "w");
  fputs("[{\"id\": \"x\", \"kind\": \"person\"}]", f);
  fclose(f);
  an_error_clear(&err);
  CHECK_INT(an_gazetteer_load(dir, path, &g, &err), AN_EDATA);
  CHECK(strstr(err.msg, "label") != NULL);

  f = fopen(path, "w");
  fputs("{\"id\": \"x\"}", f);
  fclose(f);
  CHECK_INT(an_gazetteer_load(dir, path, &g, &err), AN_EDATA);

  f = fopen(path, "w");
  fputs("[{\"id\": \"x\", \"label\": \"X\", \"kind\": \"person\", \"aliases\": [1]}]", f);
  fclose(f);
  CHECK_INT(an_gazetteer_load(dir, path, &g, &err), AN_EDATA);
  CHECK(strstr(err.msg, "aliases") != NULL);

  snprintf(path, sizeof path, "%s/missing.json", dir);
  CHECK(an_gazetteer_load(dir, path, &g, &err) != AN_OK);
  CHECK(an_gazetteer_load("/nonexistent/actornet-data", NULL, &g, &err) != AN_OK);
  CHECK(g == NULL);
  an_gazetteer_free(NULL);
}

static void test_oom(const char *dir) {
  /* every allocation failure is reported, with nothing leaked (ASan) */
  for (long n = 0; n < 100000; n++) {
    an_gazetteer *g = NULL;
    an_alloc_fail_after(n);
    an_status st = an_gazetteer_load(dir, NULL, &g, NULL);
    an_alloc_fail_after(-1);
    if (st == AN_OK) {
      an_gazetteer_free(g);
      CHECK(n > 10);
      break;
    }
    CHECK(g == NULL);
    if (st != AN_ENOMEM) {
      CHECK_INT(st, AN_ENOMEM);
      break;
    }
  }
}

int main(void) {
  char dir[] = "/tmp/an-gaz-XXXXXX";
  if (tiny_data(dir) != 0) {
    fprintf(stderr, "cannot make test data\n");
    return 1;
  }
  test_fold();
  test_trie();
  test_load(dir);
  test_user_override(dir);
  test_errors(dir);
  test_oom(dir);
  tiny_cleanup(dir);
  return TEST_DONE();
}
