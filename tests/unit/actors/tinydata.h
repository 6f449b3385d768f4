/* tinydata.h: writes a tiny data folder (gazetteer + lexicon) into a
 * temporary directory for the actors unit tests (style.md L4: tests bring
 * their own data, so they stay put when data/ changes). */
#ifndef AN_TEST_TINYDATA_H
#define AN_TEST_TINYDATA_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int tiny_write(const char *dir, const char *rel, const char *content) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  FILE *f = fopen(path, "w");
  if (!f) return -1;
  fputs(content, f);
  return fclose(f);
}

static const char tiny_countries[] =
    "[\n"
    "{\"id\": \"NRD\", \"label\": \"Nordland\", \"kind\": \"country\", \"aliases\": [\"Republic of Nordland\"],"
    " \"demonyms\": [\"Nordish\"], \"metonyms\": [\"Oskarsby\"], \"country\": \"NRD\"},\n"
    "{\"id\": \"SDL\", \"label\": \"Sudland\", \"kind\": \"country\", \"aliases\": [\"SL\"],"
    " \"demonyms\": [\"Sudlandic\"], \"metonyms\": [\"Portvik\", \"the Amber Palace\"], \"country\": \"SDL\"},\n"
    "{\"id\": \"TRN\", \"label\": \"Tarn\", \"kind\": \"country\", \"demonyms\": [\"Tarnish\"], \"country\": \"TRN\"},\n"
    "{\"id\": \"USA\", \"label\": \"United States\", \"kind\": \"country\", \"aliases\": [\"US\", \"U.S.\"],"
    " \"demonyms\": [\"American\"], \"metonyms\": [\"Washington\"], \"country\": \"USA\"}\n"
    "]\n";

static const char tiny_orgs[] =
    "[\n"
    "{\"id\": \"green-front\", \"label\": \"Green Front\", \"kind\": \"organization\", \"aliases\": [\"GF\"], \"country\": \"NRD\"},\n"
    "{\"id\": \"green-front-news\", \"label\": \"Green Front News Agency\", \"kind\": \"organization\", \"aliases\": [\"GFNA\"], \"country\": \"NRD\"},\n"
    "{\"id\": \"river-league\", \"label\": \"River League\", \"kind\": \"organization\", \"country\": \"SDL\"},\n"
    "{\"id\": \"nordish-assembly\", \"label\": \"Nordish Assembly\", \"kind\": \"organization\", \"aliases\": [\"Assembly\"], \"country\": \"NRD\"},\n"
    "{\"id\": \"sudland-assembly\", \"label\": \"Sudland Assembly\", \"kind\": \"organization\", \"aliases\": [\"Assembly\"], \"country\": \"SDL\"}\n"
    "]\n";

static const char tiny_people[] =
    "[\n"
    "{\"id\": \"tomas-varga\", \"label\": \"Tomas Varga\", \"kind\": \"person\", \"aliases\": [\"Varga\"],"
    " \"country\": \"SDL\", \"gender\": \"m\", \"roles\": [{\"role\": \"foreign minister\", \"of\": \"SDL\"},"
    " {\"role\": \"president\", \"of\": \"SDL\", \"from\": \"1990\", \"to\": \"1994\"}]}\n"
    "]\n";

static const char tiny_titles[] =
    "{\"titles\": [\n"
    " {\"text\": \"president\", \"role\": \"president\", \"class\": \"head of state\"},\n"
    " {\"text\": \"prime minister\", \"role\": \"prime minister\", \"class\": \"head of government\"},\n"
    " {\"text\": \"foreign minister\", \"role\": \"foreign minister\", \"class\": \"diplomat\"},\n"
    " {\"text\": \"minister\", \"role\": \"minister\"},\n"
    " {\"text\": \"diplomat\", \"role\": \"diplomat\", \"class\": \"diplomat\"},\n"
    " {\"text\": \"leader\", \"role\": \"leader\", \"class\": \"leader\"},\n"
    " {\"text\": \"chief\", \"role\": \"leader\", \"class\": \"leader\"},\n"
    " {\"text\": \"head\", \"role\": \"head\", \"class\": \"leader\"},\n"
    " {\"text\": \"secretary general\", \"role\": \"secretary general\", \"class\": \"leader\"},\n"
    " {\"text\": \"adviser\", \"role\": \"adviser\", \"class\": \"adviser\", \"forms\": [\"advisor\"]},\n"
    " {\"text\": \"aide\", \"role\": \"aide\", \"class\": \"adviser\"},\n"
    " {\"text\": \"spokesman\", \"role\": \"spokesman\"},\n"
    " {\"text\": \"official\", \"role\": \"official\", \"class\": \"official\"},\n"
    " {\"text\": \"manager\", \"role\": \"manager\"},\n"
    " {\"text\": \"Sheikh\", \"honorific\": true},\n"
    " {\"text\": \"Mr.\", \"honorific\": true},\n"
    " {\"forms\": [\"His Excellency\", \"H.E.\"], \"kind\": \"courtesy\", \"role\": null},\n"
    " {\"forms\": [\"Emir\", \"emir\"], \"kind\": \"role\", \"role\": \"emir\", \"gender\": \"m\"},\n"
    " {\"forms\": [\"Ayatollah\"], \"kind\": \"honorific\", \"role\": null}\n"
    "],\n"
    " \"descriptions\": [{\"forms\": [\"head of state\"], \"roles\": [\"president\", \"emir\"]}],\n"
    " \"state_nouns\": [\"government\", \"forces\", \"foreign ministry\", \"leadership\"],\n"
    " \"org_cues\": [{\"forms\": [\"Board\"]}, {\"forms\": [\"Forum\"]}, {\"forms\": [\"Union\", \"union\"]},"
    " {\"forms\": [\"League\"]}],\n"
    " \"weak_forms\": [\"Head\", \"Chief\", \"Leader\"]\n"
    "}\n";

static const char tiny_names[] =
    "{\"particles\": [\"al\", \"el\", \"bin\", \"van\", \"de\", {\"form\": \"at-\", \"attach\": \"hyphen\"}],\n"
    " \"stop\": [\"the\", \"a\", \"an\", \"in\", \"on\", \"at\", \"and\", \"but\", \"after\", \"he\", \"she\","
    " \"they\", \"it\", \"this\", \"speaking\", \"according\", \"with\", \"for\", \"of\", \"to\"],\n"
    " \"months\": [\"January\", \"March\", \"May\", \"June\"],\n"
    " \"days\": [\"Monday\", \"Tuesday\", \"Sunday\"],\n"
    " \"org_heads\": [\"Ministry\", \"Party\", \"Movement\", \"Agency\", \"Council\", \"Union\", \"FC\"],\n"
    " \"place_heads\": [\"Square\", \"Strip\", \"Street\"],\n"
    " \"speech_verbs\": [\"said\", \"told\", \"added\", \"says\", \"reports\"],\n"
    " \"prepositions\": [\"to\", \"with\", \"of\", \"by\"],\n"
    " \"generic\": [\"groups\", \"officials\", \"factions\"],\n"
    " \"modifiers\": [{\"forms\": [\"senior\", \"top\", \"former\"]}],\n"
    " \"risky_aliases\": [\"Tarn\"],\n"
    " \"bare_heads\": [\"Council\", \"Board\", \"Ministry\"],\n"
    " \"pronouns\": [\n"
    "  {\"text\": \"he\", \"gender\": \"m\", \"number\": \"sg\", \"kind\": \"person\"},\n"
    "  {\"text\": \"him\", \"gender\": \"m\", \"number\": \"sg\", \"kind\": \"person\"},\n"
    "  {\"text\": \"his\", \"gender\": \"m\", \"number\": \"sg\", \"kind\": \"person\", \"possessive\": true},\n"
    "  {\"text\": \"she\", \"gender\": \"f\", \"number\": \"sg\", \"kind\": \"person\"},\n"
    "  {\"text\": \"her\", \"gender\": \"f\", \"number\": \"sg\", \"kind\": \"person\", \"possessive\": true},\n"
    "  {\"text\": \"they\", \"number\": \"pl\", \"kind\": \"org\"},\n"
    "  {\"text\": \"its\", \"number\": \"sg\", \"kind\": \"org\", \"possessive\": true},\n"
    "  {\"text\": \"it\", \"number\": \"sg\", \"kind\": \"org\"},\n"
    "  {\"text\": \"who\", \"kind\": \"person\", \"relative\": true},\n"
    "  {\"text\": \"whom\", \"kind\": \"person\", \"relative\": true}\n"
    " ],\n"
    " \"given_names\": {\"m\": [\"Anton\", \"Pavel\"], \"f\": [\"Mira\", \"Lena\"]}\n"
    "}\n";

/* Makes dir (a mkdtemp template) hold gazetteer/ and lexicon/. 0 on success. */
static int tiny_data(char *dir) {
  if (!mkdtemp(dir)) return -1;
  char sub[512];
  snprintf(sub, sizeof sub, "%s/gazetteer", dir);
  if (mkdir(sub, 0700) != 0) return -1;
  snprintf(sub, sizeof sub, "%s/lexicon", dir);
  if (mkdir(sub, 0700) != 0) return -1;
  if (tiny_write(dir, "gazetteer/countries.json", tiny_countries) ||
      tiny_write(dir, "gazetteer/organizations.json", tiny_orgs) ||
      tiny_write(dir, "gazetteer/people.json", tiny_people) ||
      tiny_write(dir, "lexicon/titles.json", tiny_titles) ||
      tiny_write(dir, "lexicon/names.json", tiny_names))
    return -1;
  return 0;
}

static void tiny_cleanup(const char *dir) {
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system(cmd) != 0) { /* best effort */
  }
}

#endif
