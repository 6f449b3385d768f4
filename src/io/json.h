/* json.h: the JSON reader shared by the events loader (src/graph) and the
 * document reader (src/io): one line at a time into a reusable arena (no
 * allocation per value once warm), strings decoded with their lengths. It
 * accepts exactly what cJSON 1.7 (the project's JSON library, 1.7.15 with
 * Debian 12's patches) accepts and gives the same values: keys compared
 * after decoding, the first of a repeated key found, numbers through strtod
 * on the same characters, a string cut at a NUL, bytes <= 32 as white
 * space, a UTF-8 byte order mark skipped, 1000 levels at most, text after
 * the first value ignored. On a failure the caller asks cJSON for its error
 * position (an_jreader_parse says only that it failed), so messages keep
 * cJSON's wording and columns. */
#ifndef AN_IO_JSON_H
#define AN_IO_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "actornet/error.h"

typedef enum an_jtype { AN_J_NULL, AN_J_FALSE, AN_J_TRUE, AN_J_NUMBER, AN_J_STRING, AN_J_ARRAY, AN_J_OBJECT } an_jtype;

typedef struct an_jv an_jv;
struct an_jv {
  an_jtype type;
  uint32_t key_len;  /* members of an object: their key's length */
  const char *key;   /* key_len bytes (not NUL-terminated); NULL in arrays and at the top */
  const char *str;   /* strings: len bytes, not NUL-terminated (in the input, or */
  size_t len;        /* decoded in the arena and cut at a decoded NUL) */
  double num;
  an_jv *child, *next; /* arrays and objects: first member; the following sibling */
};

/* Owns its arena; valid values until the next parse. */
typedef struct an_jreader {
  an_jv **chunks; /* nodes */
  size_t n_chunks, cap_chunks, cur, used;
  char *text;
  size_t text_len, cap_text;
  char decimal_point; /* the locale's, as cJSON uses it for strtod */
  size_t end;         /* after a parse: where its value ended in the input (cJSON's parse end) */
} an_jreader;

void an_jreader_init(an_jreader *r);
void an_jreader_free(an_jreader *r);
/* Gives back the string arena when it grew past keep bytes (after a huge
 * line), so that one such line does not hold its size for the whole run.
 * Values parsed before become invalid. */
void an_jreader_trim(an_jreader *r, size_t keep);

/* Parses the first JSON value of s[0..n). AN_OK and *root, or AN_EDATA
 * (not JSON: ask cJSON where) or AN_ENOMEM. Values are valid until the
 * next parse, and borrow s (strings point into it). */
an_status an_jreader_parse(an_jreader *r, const char *s, size_t n, const an_jv **root);

/* Many values at once (a block of lines): reset, reserve room for inputs
 * of `bytes` bytes in all, then parse_next each; every value stays valid
 * until the next reset. parse_next fails (AN_EINTERNAL) past the reserve. */
void an_jreader_reset(an_jreader *r);
an_status an_jreader_reserve(an_jreader *r, size_t bytes);
an_status an_jreader_parse_next(an_jreader *r, const char *s, size_t n, const an_jv **root);

/* An object's first member named key (cJSON_GetObjectItemCaseSensitive), or NULL. */
const an_jv *an_jget(const an_jv *obj, const char *key, size_t key_len);
/* Children of an array or object (cJSON_GetArraySize). */
size_t an_jcount(const an_jv *v);

#endif
