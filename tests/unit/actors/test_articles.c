/* test_articles.c: whole articles of our own on other regions and topics
 * (tests/unit/actors/articles: Latin American trade, a West African
 * election, East Asian chip makers), over the shipped data/: every named
 * actor is found once, with its kind and country, roles go to the right
 * organization, and nothing else (regions, laws, summits, media sections,
 * capitalized openers) becomes an actor. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actornet/text.h"
#include "actors/actors.h"
#include "actors/gazetteer.h"
#include "core/core.h"
#include "harness.h"

static an_gazetteer *G;
static an_text *TX;
static an_doc_actors *A;

static void run_file(const char *name) {
  an_doc_actors_free(A);
  an_text_free(TX);
  A = NULL;
  TX = NULL;
  char path[1024];
  snprintf(path, sizeof path, "%s/tests/unit/actors/articles/%s", AN_SOURCE_DIR, name);
  char *text = NULL;
  size_t len = 0;
  CHECK_INT(an_file_slurp(path, &text, &len, NULL), AN_OK);
  if (!text) return;
  CHECK_INT(an_text_new(text, len, &TX, NULL), AN_OK);
  if (TX) CHECK_INT(an_actors_find(G, TX, &A, NULL), AN_OK);
  an_free(text);
}

static const an_doc_actor *actor(const char *label) {
  for (size_t i = 0; A && i < A->n_actors; i++)
    if (strcmp(A->actors[i].label, label) == 0) return &A->actors[i];
  return NULL;
}

/* The actor exists with this kind and country ("" for none). */
static int is(const char *label, an_actor_kind kind, const char *country) {
  const an_doc_actor *a = actor(label);
  if (!a) fprintf(stderr, "  missing actor: %s\n", label);
  return a && a->kind == kind && strcmp(a->country, country) == 0;
}

static int has_aff(const char *person, const char *org, const char *role) {
  for (size_t i = 0; A && i < A->n_affiliations; i++) {
    const an_affiliation *f = &A->affiliations[i];
    if (strcmp(A->actors[f->person].label, person) == 0 && strcmp(A->actors[f->org].label, org) == 0 &&
        strcmp(f->role, role) == 0)
      return 1;
  }
  return 0;
}

/* Every actor label is in the allowed list (NULL-terminated). */
static void only(const char *const *allowed) {
  for (size_t i = 0; A && i < A->n_actors; i++) {
    int ok = 0;
    for (size_t k = 0; allowed[k] && !ok; k++) ok = strcmp(A->actors[i].label, allowed[k]) == 0;
    if (!ok) fprintf(stderr, "  unexpected actor: %s\n", A->actors[i].label);
    CHECK(ok);
  }
}

static void test_latam(void) {
  run_file("latam_trade.txt");
  CHECK(is("Dina Boluarte", AN_KIND_PERSON, "PER"));
  CHECK(is("Celinda Sosa", AN_KIND_PERSON, "BOL"));
  CHECK(is("Tomas Ibarra", AN_KIND_PERSON, "CHL"));
  CHECK(is("Marco Antonio Rojas", AN_KIND_PERSON, "BOL"));
  CHECK(is("Union of Andean Growers", AN_KIND_ORGANIZATION, ""));
  CHECK(is("Latin American Integration Association", AN_KIND_ORGANIZATION, ""));
  CHECK(has_aff("Celinda Sosa", "Bolivia", "foreign minister"));
  CHECK(!has_aff("Celinda Sosa", "Chile", "special envoy")); /* "who met Chilean envoy X": X's role */
  CHECK(has_aff("Hernan Quispe", "Union of Andean Growers", "president"));
  CHECK(has_aff("Marco Antonio Rojas", "Bolivia", "opposition leader"));
  static const char *const ok[] = {"Bolivia", "Brazil", "Chile", "Peru", "Uruguay", "Celinda Sosa", "Dina Boluarte",
                                   "Hernan Quispe", "Latin American Integration Association", "Marco Antonio Rojas",
                                   "Tomas Ibarra", "Union of Andean Growers", NULL};
  only(ok);
}

static void test_africa(void) {
  run_file("africa_election.txt");
  CHECK(is("John Mahama", AN_KIND_PERSON, "GHA"));
  CHECK(is("Jean Mensa", AN_KIND_PERSON, ""));
  CHECK(is("National Democratic Congress", AN_KIND_ORGANIZATION, "GHA")); /* a gazetteer party of Ghana since session 3 */
  CHECK(is("Kofi Annan Foundation", AN_KIND_ORGANIZATION, ""));
  CHECK(is("Ghana Bar Association", AN_KIND_ORGANIZATION, "GHA"));
  CHECK(has_aff("Jean Mensa", "Electoral Commission", "chair"));          /* "the commission's chairwoman" */
  CHECK(!has_aff("Jean Mensa", "National Democratic Congress", "chair"));
  CHECK(has_aff("Fifi Kwetey", "National Democratic Congress", "general secretary"));
  CHECK(!has_aff("John Mahama", "National Democratic Congress", "general secretary"));
  CHECK(has_aff("Raila Odinga", "Kenya", "opposition leader"));
  CHECK(!actor("Kofi Annan"));
  CHECK(is("Citinewsroom", AN_KIND_ORGANIZATION, "")); /* "told the Citinewsroom website" */
  static const char *const ok[] = {"Ghana", "Kenya", "African Union", "Economic Community of West African States",
                                   "Electoral Commission", "Fifi Kwetey", "Jean Mensa", "John Mahama",
                                   "Kofi Annan Foundation", "National Democratic Congress", "Raila Odinga",
                                   "Ghana Bar Association", "Citinewsroom", NULL};
  only(ok);
}

static void test_asia(void) {
  run_file("asia_tech.txt");
  CHECK(is("Lee Jae-yong", AN_KIND_PERSON, "KOR"));
  CHECK(is("Yeo Han-koo", AN_KIND_PERSON, ""));
  CHECK(is("Semiconductor Industry Association", AN_KIND_ORGANIZATION, ""));
  CHECK(is("xAI", AN_KIND_ORGANIZATION, "USA"));
  CHECK(is("Ministry of Commerce", AN_KIND_ORGANIZATION, "CHN"));
  CHECK(has_aff("Lee Jae-yong", "Samsung", "chair"));
  CHECK(has_aff("John Neuffer", "Semiconductor Industry Association", "head"));
  CHECK(!actor("Seoul AI Summit"));
  static const char *const ok[] = {
      "China", "South Korea", "Taiwan", "United States", "Cho Jung-tai", "US Commerce Department", "Huawei",
      "Jensen Huang", "Joe Biden", "John Neuffer", "Lee Jae-myung", "Lee Jae-yong", "Ministry of Commerce",
      "Morris Chang", "Nvidia", "OpenAI", "Samsung", "Semiconductor Industry Association", "TSMC", "US Congress",
      "xAI", "Xinhua", "Yeo Han-koo", "Yonhap", NULL};
  only(ok);
}

int main(void) {
  an_error err;
  if (an_gazetteer_load(AN_DATA_SOURCE_DIR, NULL, &G, &err) != AN_OK) {
    fprintf(stderr, "load: %s\n", err.msg);
    return 1;
  }
  test_latam();
  test_africa();
  test_asia();
  an_doc_actors_free(A);
  an_text_free(TX);
  an_gazetteer_free(G);
  return TEST_DONE();
}
