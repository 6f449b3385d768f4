/* test_country_descriptions.c: "the kingdom", "the island nation", "the
 * Gulf state", "the country" resolved to the country they describe, over
 * the shipped data/ lists (names.json country_descriptions), and "it" that
 * is no place named before; on sentences of our own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors_fixture.h"
#include "harness.h"

/* fix: a description fits only the countries its list gives ("kingdom":
 * monarchies), so the most recent country is not taken blindly */
static void test_fitting_country(void) {
  run("Jordan received Iraq's prime minister on Tuesday. The kingdom pledged to keep its border open.");
  CHECK_STR(label_at("kingdom", 0), "Jordan");
  run("Qatar hosted envoys from Sudan on Monday. The Gulf state said the talks would resume.");
  CHECK_STR(label_at("Gulf state", 0), "Qatar");
  run("Fiji sent a patrol boat after Australia raised the alarm. The island nation said the vessel was seized.");
  CHECK_STR(label_at("island nation", 0), "Fiji");
  run("Nepal signed a power deal with India. The Himalayan nation will export electricity from June.");
  CHECK_STR(label_at("Himalayan nation", 0), "Nepal");
  /* an adjective between "the" and the noun */
  run("Oman hosted the talks. The tiny sultanate praised both sides.");
  CHECK_STR(label_at("sultanate", 0), "Oman");
}

/* fix: "the country" is the story's country (named most), not the last
 * one named; not after a preposition, not before "of" */
static void test_the_country(void) {
  run("Peru declared an emergency on Monday. Peru asked Chile for help, and the country sent two planes.");
  CHECK_STR(label_at("country", 0), "Peru");
  run("Ghana raised fuel prices. Protests spread across the country on Friday.");
  CHECK(!label_at("country", 0));
  run("Malta praised Italy. The island nation of Cyprus said nothing.");
  CHECK(!label_at("island nation", 0));
  /* "the government", "the army" with no country word: the story's
   * country, where one stands out; none where two are named as often */
  run("Ghana raised fuel prices. Ghana later cut taxes, and the government said it would talk with Togo.");
  CHECK_STR(label_at("government", 0), "Ghana");
  run("Peru accused Chile of spying. The army said two agents were held.");
  CHECK(!label_at("army", 0));
  /* no country named before: nothing to describe */
  run("The kingdom said on Monday that it would respond.");
  CHECK(!label_at("kingdom", 0));
}

/* fix: "it"/"they" do not stand for a place where something happens ("in
 * X", "at X"); "its" may ("in X, its government") */
static void test_it_after_a_place(void) {
  run("The conference opened in Ghana on Monday, and it ended with a joint statement.");
  CHECK(!label_at("it ended", 0));
  run("The Chinese embassy in Nairobi said it had protested to the ministry.");
  CHECK_STR(label_at("it had", 0), "China");
  run("In Peru, its government said the vote would go ahead.");
  CHECK_STR(label_at("its", 0), "Peru");
}

int main(void) {
  if (!fx_actors_load()) return 1;
  test_fitting_country();
  test_the_country();
  test_it_after_a_place();
  fx_actors_free();
  return TEST_DONE();
}
