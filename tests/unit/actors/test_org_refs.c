/* test_org_refs.c: organizations named in their own language and the
 * descriptions that refer back to organizations ("the bank", "the court",
 * "the company"), over the shipped data/ lists, on sentences of our own
 * (fictional bodies and people, real countries). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors_fixture.h"
#include "harness.h"

/* fix: a head word of another language ("Banco", "Ministerio", "Confederacao")
 * opens an organization's name, particles (de, la, do) inside it; "the bank"
 * later is that bank */
static void test_own_language_names(void) {
  run("The Ministerio de Hacienda criticized the Banco de la Nacion on Tuesday. The finance minister, Pablo "
      "Rios, said the bank had ignored the ministry.");
  CHECK_INT(kind_of("Ministerio de Hacienda"), AN_KIND_ORGANIZATION);
  CHECK_INT(kind_of("Banco de la Nacion"), AN_KIND_ORGANIZATION);
  CHECK_STR(label_at("bank had", 0), "Banco de la Nacion");
  CHECK_STR(label_at("ministry.", 0), "Ministerio de Hacienda");
  run("A state court fined the Confederacao Nordeste de Voleibol on Friday, and the confederation said it "
      "would appeal.");
  CHECK_INT(kind_of("Confederacao Nordeste de Voleibol"), AN_KIND_ORGANIZATION);
  CHECK_STR(label_at("confederation said", 0), "Confederacao Nordeste de Voleibol");
  /* a head that opens names, "of" and a capitalized word seen in lower case
   * elsewhere: still the body's name */
  run("Joe Banda briefed the committee on health about the Department of Health's plans.");
  CHECK_INT(kind_of("Department of Health"), AN_KIND_ORGANIZATION);
}

/* fix: a description with a class refers back to an organization of that
 * class (or with the word in its name), not to the latest organization of
 * another class; an organization of no known class still fits */
static void test_description_class(void) {
  run("Health Minister Ana Diaz accused Meridian Pharma of overcharging. The Fair Trade Commission said it was "
      "investigating the company.");
  CHECK_STR(label_at("company", 0), "Meridian Pharma");
  run("The Patients Action Campaign praised the minister, and the campaign said prices were too high.");
  CHECK_INT(kind_of("Patients Action Campaign"), AN_KIND_ORGANIZATION);
  CHECK_STR(label_at("campaign said", 0), "Patients Action Campaign");
  /* a bank named before a trade body of no class: "the bank" is the bank */
  run("The Banco del Sur held rates on Monday. The lenders' group Finorte backed the bank.");
  CHECK_STR(label_at("bank.", 0), "Banco del Sur");
  /* a court only for a court: no organization of another or no class */
  run("Vento Networks appealed on Monday, and Karl Olsen criticized the court.");
  CHECK(mention_at("court", 0) == NULL);
  run("The Appeals Court of Lisbon ruled for Vento Networks. Karl Olsen criticized the court.");
  CHECK_STR(label_at("court.", 0), "Appeals Court of Lisbon");
  /* "the group" has no class: the latest organization, as before */
  run("The Green Dawn Movement met the Harbor Workers Union on Monday, and the group said talks went well.");
  CHECK_STR(label_at("group said", 0), "Harbor Workers Union");
}

/* fix: an ampersand between capitalized words joins a firm's name; its
 * first word alone and its initials ("B&L") are the firm later */
static void test_ampersand_firms(void) {
  run("Health Minister Ana Diaz accused Barker & Lowe on Monday of overcharging. Barker said it would appeal, and "
      "B&L shares fell.");
  CHECK_INT(kind_of("Barker & Lowe"), AN_KIND_ORGANIZATION);
  CHECK_STR(label_at("Barker said", 0), "Barker & Lowe");
  CHECK_STR(label_at("B&L", 0), "Barker & Lowe");
  CHECK(!actor("Barker"));
  /* a country's name with an ampersand stays the country */
  run("Trinidad & Tobago thanked Jamaica for the help.");
  CHECK(actor("Trinidad and Tobago") != NULL);
}

int main(void) {
  if (!fx_actors_load()) return 1;
  test_own_language_names();
  test_description_class();
  test_ampersand_firms();
  fx_actors_free();
  return TEST_DONE();
}
