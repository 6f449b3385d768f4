/* gazetteer.h: the immutable actor resources: every known actor (from
 * data/gazetteer/ *.json plus the user's --actors file, which adds entries or
 * replaces built-in ones by id), one phrase trie over all their aliases,
 * metonyms and demonyms (longest match over token spans, so "Islamic Jihad"
 * beats "Islamic" and "Islamic Republic News Agency" beats "Islamic
 * Republic"), and the name lexicon (titles and roles, honorifics, particles,
 * pronouns, stop words, months and days, organization and place head words,
 * speech verbs, given names) from data/lexicon/{titles,names}.json.
 * Loaded once, then only read: share it between threads.
 *
 * Gazetteer file: a JSON array of entries
 *   {"id", "label", "kind": "person"|"organization"|"country",   (required)
 *    "aliases": [...], "demonyms": [...], "metonyms": [...],
 *    "country": "IRN"|null, "gender": "m"|"f", "roles": [{"role", "of"}]}
 *
 * Lexicon (names.json, titles.json and cues.json, objects): lists of words
 * or phrases (strings, or objects with "text"/"form"/"forms") under these
 * keys (unknown keys are ignored):
 *   titles: [{"forms"|"text", "role", "kind", "gender", "class"?}]  roles;
 *     kind courtesy/honorific (or role null) make honorifics
 *   descriptions: [{"forms", "roles"}]  "top diplomat" -> foreign minister...
 *   org_cues, anonymous_agents (generic), modifiers, role_prefixes,
 *   state_nouns, risky_aliases, stop: {days, months, function_words, ...},
 *   reporting (speech verbs, cues.json),
 *   honorifics: ["Sheikh", "Ayatollah", "Mr"]      precede names, no role
 *   particles, stop (or stopwords), months, days, org_heads, place_heads,
 *   speech_verbs, generic (plural class nouns: "groups", "officials"),
 *   pronouns: [{"text", "gender": "m"|"f"|null, "number": "sg"|"pl",
 *               "kind": "person"|"org"|null, "relative": bool}],
 *   given_names: {"m": [...], "f": [...]},
 *   region_words, thing_heads (names.json: a name ending in one is a region
 *     or a law/event, not an actor; same class as place_heads),
 *   stop.places (also AN_LX_PLACE), media_words (cues.json),
 *   country_descriptions: [{"forms", "countries"?}] ("kingdom": monarchies). */
#ifndef AN_ACTORS_GAZETTEER_H
#define AN_ACTORS_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "actornet/error.h"
#include "actors/actors.h"
#include "actors/trie.h"

typedef struct an_gz_role {
  char *role;  /* folded role words: "foreign minister" */
  char *of;    /* id of the organization/country/person, or NULL */
  int current; /* no "to" date: held when the file was last reviewed */
} an_gz_role;

typedef struct an_gz_entry {
  char *id, *label;
  an_actor_kind kind;
  char country[4];
  char gender; /* 'm', 'f' or 0 */
  char **aliases;
  size_t n_aliases;
  char **demonyms;
  size_t n_demonyms;
  char **metonyms;
  size_t n_metonyms;
  an_gz_role *roles;
  size_t n_roles;
  char *parent;  /* id of the parent actor, or NULL */
  int collapse;  /* its names stand for the parent ("collapse": true) */
  int user;      /* from the user's --actors file: wins a form it shares */
} an_gz_entry;

/* Values stored in the alias trie: entry index << 3 | flags. */
#define AN_GZ_HOW_MASK 3u      /* an_mention_how: NAME, METONYM or DEMONYM */
#define AN_GZ_ACRONYM (1u << 2) /* written in capitals ("US", "WHO"): text must be too */
#define AN_GZ_ENTRY(v) ((v) >> 3)

/* Lexicon word classes (bits; a word may have several). */
enum {
  AN_LX_TITLE = 1u << 0,     /* a role title: value index in titles */
  AN_LX_HONORIFIC = 1u << 1, /* Sheikh, Mr., Ayatollah */
  AN_LX_PARTICLE = 1u << 2,  /* al, bin, de, van */
  AN_LX_STOP = 1u << 3,      /* function words that are capitalized only at sentence start */
  AN_LX_TIME = 1u << 4,      /* months, days */
  AN_LX_ORGHEAD = 1u << 5,   /* Ministry, Party, Agency, FC */
  AN_LX_PLACEHEAD = 1u << 6, /* Strip, Square, Street, Province */
  AN_LX_SPEECH = 1u << 7,    /* said, told, added */
  AN_LX_GIVEN_M = 1u << 8,
  AN_LX_GIVEN_F = 1u << 9,
  AN_LX_PRONOUN = 1u << 10,  /* value index in pronouns */
  AN_LX_GENERIC = 1u << 11,  /* groups, officials, factions */
  AN_LX_ADJ = 1u << 12,      /* former, senior, top: skipped before a title */
  AN_LX_PREFIX = 1u << 13,   /* deputy, vice, acting: prefix a role */
  AN_LX_STATE = 1u << 14,    /* government, regime, forces: "Nordish government" is the state */
  AN_LX_RISKY = 1u << 15,    /* aliases that are also common names: Jordan, Chad */
  AN_LX_BARE = 1u << 16,     /* heads that alone name nothing: Front, Office, Ministry */
  AN_LX_PREP = 1u << 17,     /* prepositions: a name after one is not a subject */
  AN_LX_HPARTICLE = 1u << 18, /* particles written with a hyphen only: "at-", "ad-" */
  AN_LX_WEAK = 1u << 19,     /* title forms that also start names: General, Major, Chief */
  AN_LX_PLACE = 1u << 20,    /* places and regions (stop.places): "West Bank", "South America" win longest match */
  AN_LX_MEDIA = 1u << 21,    /* media head words (cues.json media_words): News, Times, Wire */
  AN_LX_MEDIA_CUE = 1u << 22, /* words by a name that make it a news medium: newspaper, quoted (names.json media_cues) */
  AN_LX_SUBORD = 1u << 23,   /* subordinators that front a clause: After, When, While (names.json subordinators) */
  AN_LX_THINGPRE = 1u << 24, /* words that open a name of a thing or event: Hurricane, Operation (names.json thing_prefixes) */
  AN_LX_ORGNOUN = 1u << 25,  /* common nouns that introduce an organization's name: firm, carmaker (names.json org_nouns) */
  AN_LX_POSTWORD = 1u << 26, /* words that make a platform a place: posts, account, posted (names.json post_words) */
  AN_LX_SURNAME = 1u << 28,  /* East Asian family names written first: Nguyen, Park, Zhang (names.json
                                family_names_first) */
  AN_LX_ORGPREFIX = 1u << 29, /* words that make a company of a country's name after them: "Air India"
                                 (names.json org_prefixes) */
  AN_LX_DESCNOUN = 1u << 30,  /* "the drugmaker", "the regulator": a lower-case noun that refers back to an
                                 organization of its class (names.json description_nouns) */
  AN_LX_CDESC = 1u << 27,    /* "kingdom", "island nation", "Gulf state": a country described (names.json
                                country_descriptions); value index for an_gazetteer_country_desc */
};

typedef struct an_title {
  char *role;     /* canonical role, folded for matching: "foreign minister", "co founder" */
  char *label;    /* the role as the data writes it, for output: "co-founder", "CEO" */
  char *cls;      /* role class ("diplomat", "leader"), folded, or NULL */
  char **answers; /* roles a description stands for ("top diplomat": foreign minister, ...) */
  size_t n_answers;
  char gender;    /* 'm', 'f' or 0 ("spokeswoman") */
  char description; /* from "descriptions": used for reference, not as a role */
} an_title;

typedef struct an_pronoun {
  char gender;      /* 'm', 'f', 0 */
  char plural;      /* 1 for they/them/their */
  char kind;        /* 'p' person, 'o' organization/country, 0 either */
  char relative;    /* who, whom, which */
  char possessive;  /* his, her, their, its, whose */
  char first_second; /* I, we, you: speakers, not resolved */
  char object;      /* him, them, her (case obj): not the subject of its own clause */
} an_pronoun;

typedef struct an_gazetteer an_gazetteer;

/* Loads every data_dir/gazetteer/ *.json (sorted), then user_actors (may be
 * NULL), then data_dir/lexicon/titles.json and names.json (each optional).
 * Errors name the file and, for JSON syntax, the line and byte offset.
 * Owns: *out on AN_OK (an_gazetteer_free); NULL otherwise. Immutable. */
an_status an_gazetteer_load(const char *data_dir, const char *user_actors, an_gazetteer **out,
                            an_error *err);
void an_gazetteer_free(an_gazetteer *gaz);

size_t an_gazetteer_count(const an_gazetteer *gaz);
/* Borrows: valid while gaz lives. */
const an_gz_entry *an_gazetteer_entry(const an_gazetteer *gaz, size_t i);
/* Index of the entry with this id, or -1. */
long an_gazetteer_find_id(const an_gazetteer *gaz, const char *id);
/* The alias trie (values: see AN_GZ_*). Borrows. */
const an_trie *an_gazetteer_aliases(const an_gazetteer *gaz);

/* Lexicon trie values: log2(class) << 24 | flags | index. */
#define AN_LX_VALUE_ABBR 0x400000u /* written with periods or in capitals ("H.E.", "PM"): text must be too */
#define AN_LX_INDEX(v) ((v) & 0x3FFFFFu)
#define AN_LX_CLASS(v) (1u << ((v) >> 24))

/* The lexicon trie: values are log2(class) << 24 | index (index into titles or
 * pronouns for those classes). Borrows. */
const an_trie *an_gazetteer_lexicon(const an_gazetteer *gaz);
/* Classes of one folded word or phrase (0 if unknown); *title and *pronoun
 * (if not NULL) get the title/pronoun index or -1. */
uint32_t an_gazetteer_word(const an_gazetteer *gaz, const char *folded, long *title, long *pronoun);
/* The same for the lexicon trie node of a word or phrase (the actors stage
 * steps each token's word into the lexicon once and reuses the node). */
uint32_t an_gazetteer_word_node(const an_gazetteer *gaz, uint32_t node, long *title, long *pronoun);
/* What the lexicon knows of one trie node, in one place (read for every
 * token): */
typedef struct an_lx_node {
  uint32_t cls;   /* an_gazetteer_word_node's answer */
  uint32_t below; /* classes of the values at the node or any node below it,
                     abbreviation forms included: a walk for a class stops
                     where none lies ahead */
  int32_t title, pronoun; /* as an_gazetteer_word_node sets them */
} an_lx_node;

/* Indexed by lexicon trie node. Borrows. */
const an_lx_node *an_gazetteer_lexicon_nodes(const an_gazetteer *gaz);
const an_title *an_gazetteer_title(const an_gazetteer *gaz, size_t i);
/* The reference classes (titles.json org_cues "class", else "category")
 * of the organization head at lexicon node: a bit each, 0 when it is none
 * or of class "other" (fits any); start: only cues that may open a name
 * ("Bank of X"). "the court" refers back to a court, not to a company. */
#define AN_ORG_CLASSES 24
uint32_t an_gazetteer_org_class(const an_gazetteer *gaz, uint32_t node, int start);
/* The classes marked "strict": "the court" stands only for an organization
 * of its class or with the word in its name, never for one of no known
 * class. */
uint32_t an_gazetteer_org_strict(const an_gazetteer *gaz);
/* The classes a description's head word at lexicon node refers back to
 * (org_cues heads and names.json description_nouns), and *strict (may be
 * NULL) set when it refers only to an organization of its class: "the
 * regulator", "the court". */
uint32_t an_gazetteer_org_desc(const an_gazetteer *gaz, uint32_t node, int *strict);
/* The class of a firm named with an ampersand ("Barker & Lowe"), from
 * names.json ampersand_class; 0 if none. */
uint32_t an_gazetteer_ampersand_class(const an_gazetteer *gaz);
/* The classes of organs that speak for their state after a country's
 * possessive and a modifier ("Kenya's health ministry": Kenya), from
 * names.json state_organ_classes; 0 if none. */
uint32_t an_gazetteer_state_organ_classes(const an_gazetteer *gaz);
const an_pronoun *an_gazetteer_pronoun(const an_gazetteer *gaz, size_t i);
/* The ISO codes a country description may stand for, space-separated
 * ("SAU MAR JOR"), "" for any country, NULL past the end. Borrows. */
const char *an_gazetteer_country_desc(const an_gazetteer *gaz, size_t i);

#endif
