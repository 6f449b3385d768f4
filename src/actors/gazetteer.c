/* gazetteer.c: loading and validating actor entries and the name lexicon,
 * and building the immutable tries (see gazetteer.h). */
#include "actors/gazetteer.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>
#include <utf8proc.h>

#include "core/core.h"

struct an_gazetteer {
  an_gz_entry *entries;
  size_t n_entries, cap_entries;
  long *idmap; /* open addressing: entry index or -1 */
  size_t idcap;
  an_trie *aliases;
  an_trie *lexicon;
  /* per lexicon node (lexicon_index): what an_gazetteer_word_node answers,
   * and the classes of the values at the node or below it */
  an_lx_node *lx_nodes;
  an_title *titles;
  size_t n_titles, cap_titles;
  an_pronoun *pronouns;
  size_t n_pronouns, cap_pronouns;
  char **cdesc; /* country descriptions: the countries each may stand for ("SAU MAR"), "" any */
  size_t n_cdesc, cap_cdesc;
  /* org_cues reference classes ("court", "company"): the ORGHEAD values'
   * index is 1 + a class here (0: "other", fits any), | ORGCLS_START for a
   * cue that may open a name */
  char *orgcls[AN_ORG_CLASSES];
  size_t n_orgcls;
  uint32_t orgcls_strict; /* classes a description refers back to only by class or name ("strict") */
  uint32_t amp_cls;       /* names.json ampersand_class, as a class bit */
  uint32_t organ_cls;     /* names.json state_organ_classes, as class bits */
};
#define ORGCLS_START 0x40u
#define ORGCLS_STRICT 0x80u /* a description noun that refers only to its class */
#define ORGCLS_INDEX(ix) ((ix) & 0x3Fu)

/* ---- entries ---- */

static void strv_free(char **v, size_t n) {
  for (size_t i = 0; i < n; i++) an_free(v[i]);
  an_free(v);
}

static void entry_clear(an_gz_entry *e) {
  an_free(e->id);
  an_free(e->label);
  strv_free(e->aliases, e->n_aliases);
  strv_free(e->demonyms, e->n_demonyms);
  strv_free(e->metonyms, e->n_metonyms);
  for (size_t i = 0; i < e->n_roles; i++) {
    an_free(e->roles[i].role);
    an_free(e->roles[i].of);
  }
  an_free(e->roles);
  an_free(e->parent);
  memset(e, 0, sizeof *e);
}

static void title_clear(an_title *t) {
  an_free(t->role);
  an_free(t->label);
  an_free(t->cls);
  for (size_t i = 0; i < t->n_answers; i++) an_free(t->answers[i]);
  an_free(t->answers);
  memset(t, 0, sizeof *t);
}

void an_gazetteer_free(an_gazetteer *gaz) {
  if (!gaz) return;
  for (size_t i = 0; i < gaz->n_entries; i++) entry_clear(&gaz->entries[i]);
  an_free(gaz->entries);
  an_free(gaz->idmap);
  an_trie_free(gaz->aliases);
  an_trie_free(gaz->lexicon);
  an_free(gaz->lx_nodes);
  for (size_t i = 0; i < gaz->n_titles; i++) title_clear(&gaz->titles[i]);
  an_free(gaz->titles);
  an_free(gaz->pronouns);
  for (size_t i = 0; i < gaz->n_cdesc; i++) an_free(gaz->cdesc[i]);
  an_free(gaz->cdesc);
  for (size_t i = 0; i < gaz->n_orgcls; i++) an_free(gaz->orgcls[i]);
  an_free(gaz);
}

static uint64_t str_hash(const char *s) { return an_hash64(s, strlen(s), 7); }

static an_status idmap_rebuild(an_gazetteer *g) {
  size_t cap = 64;
  while (cap < g->n_entries * 2 + 2) cap *= 2;
  long *m = an_malloc(cap * sizeof *m);
  if (!m) return AN_ENOMEM;
  for (size_t i = 0; i < cap; i++) m[i] = -1;
  for (size_t i = 0; i < g->n_entries; i++) {
    size_t j = (size_t)str_hash(g->entries[i].id) & (cap - 1);
    while (m[j] >= 0) j = (j + 1) & (cap - 1);
    m[j] = (long)i;
  }
  an_free(g->idmap);
  g->idmap = m;
  g->idcap = cap;
  return AN_OK;
}

long an_gazetteer_find_id(const an_gazetteer *g, const char *id) {
  if (!g->idmap || !id) return -1;
  size_t j = (size_t)str_hash(id) & (g->idcap - 1);
  while (g->idmap[j] >= 0) {
    if (strcmp(g->entries[g->idmap[j]].id, id) == 0) return g->idmap[j];
    j = (j + 1) & (g->idcap - 1);
  }
  return -1;
}

/* Line (1-based) and column (1-based, in characters: UTF-8 continuation
 * bytes do not count) of byte off in text; what editors show. */
static void line_col(const char *text, size_t len, size_t off, long *line, long *col) {
  long l = 1, c = 1;
  if (off > len) off = len;
  size_t i0 = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 && off >= 3 ? 3 : 0; /* editors hide a BOM */
  for (size_t i = i0; i < off; i++) {
    unsigned char ch = (unsigned char)text[i];
    if (ch == '\n') l++, c = 1;
    else if ((ch & 0xC0) != 0x80) c++;
  }
  *line = l;
  *col = c;
}

/* Byte offset of the first byte that makes text invalid UTF-8 (overlongs,
 * surrogates, code points past U+10FFFF, truncated sequences) or is a NUL,
 * or -1 if there is none. JSON text must be UTF-8 (RFC 8259); labels go
 * unchanged into JSON, XML and DOT output, which must stay valid. */
static long bad_utf8_at(const char *text, size_t len) {
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text;
  size_t i = 0;
  while (i < len) {
    if (p[i] == 0) return (long)i;
    if (p[i] < 0x80) {
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) return (long)i;
    i += (size_t)n;
  }
  return -1;
}

/* Byte offset of the idx-th element of the top-level JSON array in text
 * (valid JSON), or -1. */
static long entry_offset(const char *text, size_t len, size_t idx) {
  int depth = 0, in_str = 0;
  size_t seen = 0;
  for (size_t i = 0; i < len; i++) {
    char c = text[i];
    if (in_str) {
      if (c == '\\') i++;
      else if (c == '"') in_str = 0;
      continue;
    }
    if (depth == 1 && c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != ',' && c != ']') {
      if (seen == idx) return (long)i;
      seen++; /* then its inside is skipped by the nesting below */
    }
    if (c == '"') in_str = 1;
    else if (c == '[' || c == '{') depth++;
    else if (c == ']' || c == '}') depth--;
  }
  return -1;
}

/* Byte offset of the value of member key in the JSON object that starts at
 * byte at of text (valid JSON), or -1 (absent, or a key written with
 * escapes). Lets a bad field be reported where it is, not where its entry
 * starts. */
static long member_offset(const char *text, size_t len, size_t at, const char *key) {
  if (at >= len || text[at] != '{') return -1;
  size_t klen = strlen(key);
  int depth = 0;
  for (size_t i = at; i < len; i++) {
    char c = text[i];
    if (c == '"') {
      size_t s = i + 1, e = s;
      while (e < len && text[e] != '"') e += text[e] == '\\' ? 2 : 1;
      if (e >= len) return -1;
      i = e;
      if (depth != 1) continue;
      size_t j = e + 1; /* a key is followed by ':' */
      while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r')) j++;
      if (j >= len || text[j] != ':') continue;
      if (e - s == klen && memcmp(text + s, key, klen) == 0) {
        j++;
        while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r')) j++;
        return (long)j;
      }
      i = j;
    } else if (c == '[' || c == '{') {
      depth++;
    } else if (c == ']' || c == '}') {
      if (--depth == 0) return -1;
    }
  }
  return -1;
}

/* Rewrites an entry error in err to name its line and column: the field
 * named by err_field when it can be found, else the entry's first byte.
 * cJSON keeps no positions, so they come from a scan of the text. */
static void locate_entry_error(an_error *err, const char *text, size_t len, size_t idx, const char *field) {
  if (!err) return;
  long off = entry_offset(text, len, idx);
  if (off < 0) return;
  if (field) {
    long f = member_offset(text, len, (size_t)off, field);
    if (f >= 0) off = f;
  }
  long line, col;
  line_col(text, len, (size_t)off, &line, &col);
  char msg[sizeof err->msg], path[sizeof err->path];
  snprintf(msg, sizeof msg, "%s", err->msg);
  snprintf(path, sizeof path, "%s", err->path);
  an_error_set(err, err->code, path, line, off, "column %ld: %s", col, msg);
}

/* Parses a whole JSON file; on failure err names the line and column. */
static an_status parse_json(const char *path, const char *text, size_t len, cJSON **out,
                            an_error *err) {
  long line, col, bad = bad_utf8_at(text, len);
  if (bad >= 0) {
    line_col(text, len, (size_t)bad, &line, &col);
    if (text[bad] == 0)
      return an_error_set(err, AN_EDATA, path, line, bad, "column %ld: NUL byte (not a JSON text file)", col);
    return an_error_set(err, AN_EDATA, path, line, bad,
                        "column %ld: invalid UTF-8 (byte 0x%02X); JSON files must be UTF-8", col,
                        (unsigned char)text[bad]);
  }
  const char *end = NULL;
  cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
  if (!root) {
    size_t off = end && end >= text && end <= text + len ? (size_t)(end - text) : 0;
    line_col(text, len, off, &line, &col);
    size_t rest = off;
    while (rest < len && strchr(" \t\r\n", text[rest])) rest++;
    if (rest >= len)
      return an_error_set(err, AN_EDATA, path, line, (long)off, "column %ld: invalid JSON (unexpected end of file)",
                          col);
    char near[16]; /* what the parser stopped at, printable */
    size_t k = 0;
    for (size_t i = off; i < len && k < 12 && text[i] != '\n'; i++)
      near[k++] = (unsigned char)text[i] < 0x20 ? ' ' : text[i];
    while (k && ((unsigned char)near[k - 1] & 0xC0) == 0x80) k--; /* no cut character */
    if (k && (unsigned char)near[k - 1] >= 0xC0) k--;
    near[k] = '\0';
    return an_error_set(err, AN_EDATA, path, line, (long)off, "column %ld: invalid JSON near '%s'", col, near);
  }
  size_t rest = end && end >= text && end <= text + len ? (size_t)(end - text) : len;
  while (rest < len && strchr(" \t\r\n", text[rest])) rest++;
  if (rest < len) { /* cJSON stops after one value: "[...] [...]" or a stray "]" */
    cJSON_Delete(root);
    line_col(text, len, rest, &line, &col);
    return an_error_set(err, AN_EDATA, path, line, (long)rest, "column %ld: text after the JSON value", col);
  }
  *out = root;
  return AN_OK;
}

/* Copies a JSON array of strings (or null/absent) into *v. */
static an_status str_array(const cJSON *arr, const char *path, size_t idx, const char *field,
                           char ***v, size_t *n, an_error *err) {
  *v = NULL;
  *n = 0;
  if (!arr || cJSON_IsNull(arr)) return AN_OK;
  if (!cJSON_IsArray(arr))
    return an_error_set(err, AN_EDATA, path, 0, -1, "entry %zu: \"%s\" must be an array of strings",
                        idx + 1, field);
  int cnt = cJSON_GetArraySize(arr);
  if (cnt == 0) return AN_OK;
  char **out = an_calloc((size_t)cnt, sizeof *out);
  if (!out) return an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
  size_t k = 0;
  const cJSON *it;
  cJSON_ArrayForEach(it, arr) {
    if (!cJSON_IsString(it)) {
      strv_free(out, k);
      return an_error_set(err, AN_EDATA, path, 0, -1,
                          "entry %zu: \"%s\" must hold only strings", idx + 1, field);
    }
    if (!(out[k] = an_strdup(it->valuestring))) {
      strv_free(out, k);
      return an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
    }
    k++;
  }
  *v = out;
  *n = k;
  return AN_OK;
}

/* On AN_EDATA, *field names the member at fault (NULL: the whole entry). */
static an_status parse_entry(const cJSON *o, const char *path, size_t idx, an_gz_entry *e,
                             const char **field, an_error *err) {
  memset(e, 0, sizeof *e);
  *field = NULL;
  if (!cJSON_IsObject(o))
    return an_error_set(err, AN_EDATA, path, 0, -1, "entry %zu: not an object", idx + 1);
  const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");
  const cJSON *label = cJSON_GetObjectItemCaseSensitive(o, "label");
  const cJSON *kind = cJSON_GetObjectItemCaseSensitive(o, "kind");
  if (!cJSON_IsString(id) || !id->valuestring[0]) {
    *field = "id";
    return an_error_set(err, AN_EDATA, path, 0, -1, "entry %zu: %s", idx + 1,
                        id ? "\"id\" must be a non-empty string" : "missing \"id\" (a non-empty string)");
  }
  *field = "label";
  if (!cJSON_IsString(label) || !label->valuestring[0])
    return an_error_set(err, AN_EDATA, path, 0, -1, "entry %zu (%s): %s", idx + 1, id->valuestring,
                        label ? "\"label\" must be a non-empty string" : "missing \"label\"");
  *field = "kind";
  if (!cJSON_IsString(kind))
    return an_error_set(err, AN_EDATA, path, 0, -1, "entry %zu (%s): %s", idx + 1, id->valuestring,
                        kind ? "\"kind\" must be a string" : "missing \"kind\"");
  if (strcmp(kind->valuestring, "person") == 0) e->kind = AN_KIND_PERSON;
  else if (strcmp(kind->valuestring, "organization") == 0) e->kind = AN_KIND_ORGANIZATION;
  else if (strcmp(kind->valuestring, "country") == 0) e->kind = AN_KIND_COUNTRY;
  else
    return an_error_set(err, AN_EDATA, path, 0, -1,
                        "entry %zu (%s): kind \"%s\" is not person, organization or country",
                        idx + 1, id->valuestring, kind->valuestring);
  const cJSON *country = cJSON_GetObjectItemCaseSensitive(o, "country");
  *field = "country";
  if (country && !cJSON_IsNull(country)) {
    if (!cJSON_IsString(country) || strlen(country->valuestring) > 3)
      return an_error_set(err, AN_EDATA, path, 0, -1,
                          "entry %zu (%s): \"country\" must be an ISO 3166 alpha-3 code or null",
                          idx + 1, id->valuestring);
    strcpy(e->country, country->valuestring);
  }
  *field = NULL;
  const cJSON *parent = cJSON_GetObjectItemCaseSensitive(o, "parent");
  e->collapse = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "collapse"));
  const cJSON *gender = cJSON_GetObjectItemCaseSensitive(o, "gender");
  if (cJSON_IsString(gender) && (gender->valuestring[0] == 'm' || gender->valuestring[0] == 'f'))
    e->gender = gender->valuestring[0];
  an_status st = AN_OK;
  if (!(e->id = an_strdup(id->valuestring)) || !(e->label = an_strdup(label->valuestring)) ||
      (cJSON_IsString(parent) && !(e->parent = an_strdup(parent->valuestring)))) {
    st = an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
    goto fail;
  }
  *field = "aliases";
  st = str_array(cJSON_GetObjectItemCaseSensitive(o, "aliases"), path, idx, "aliases", &e->aliases,
                 &e->n_aliases, err);
  if (st == AN_OK)
    st = str_array(cJSON_GetObjectItemCaseSensitive(o, *field = "demonyms"), path, idx, "demonyms",
                   &e->demonyms, &e->n_demonyms, err);
  if (st == AN_OK)
    st = str_array(cJSON_GetObjectItemCaseSensitive(o, *field = "metonyms"), path, idx, "metonyms",
                   &e->metonyms, &e->n_metonyms, err);
  if (st != AN_OK) goto fail;
  *field = "roles";
  const cJSON *roles = cJSON_GetObjectItemCaseSensitive(o, "roles");
  if (roles && !cJSON_IsNull(roles)) {
    if (!cJSON_IsArray(roles)) {
      st = an_error_set(err, AN_EDATA, path, 0, -1, "entry %zu (%s): \"roles\" must be an array",
                        idx + 1, e->id);
      goto fail;
    }
    int cnt = cJSON_GetArraySize(roles);
    if (cnt > 0) {
      e->roles = an_calloc((size_t)cnt, sizeof *e->roles);
      if (!e->roles) {
        st = an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
        goto fail;
      }
      const cJSON *r;
      cJSON_ArrayForEach(r, roles) {
        const cJSON *role = cJSON_GetObjectItemCaseSensitive(r, "role");
        const cJSON *of = cJSON_GetObjectItemCaseSensitive(r, "of");
        if (!cJSON_IsString(role)) {
          st = an_error_set(err, AN_EDATA, path, 0, -1,
                            "entry %zu (%s): each role needs a \"role\" string", idx + 1, e->id);
          goto fail;
        }
        char buf[256];
        an_word_fold(role->valuestring, strlen(role->valuestring), buf, sizeof buf);
        an_gz_role *gr = &e->roles[e->n_roles++];
        gr->role = an_strdup(buf);
        gr->of = cJSON_IsString(of) ? an_strdup(of->valuestring) : NULL;
        gr->current = !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(r, "to"));
        if (!gr->role || (cJSON_IsString(of) && !gr->of)) {
          st = an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
          goto fail;
        }
      }
    }
  }
  return AN_OK;
fail:
  entry_clear(e);
  return st;
}

/* Adds (or, by id, replaces) the entries of one file. */
static an_status load_entries(an_gazetteer *g, const char *path, int user, an_error *err) {
  char *text = NULL;
  size_t len = 0;
  cJSON *root = NULL;
  an_status st = an_file_slurp(path, &text, &len, err);
  if (st != AN_OK) return st;
  st = parse_json(path, text, len, &root, err);
  if (st != AN_OK) goto done;
  if (!cJSON_IsArray(root)) {
    long off = 0, line, col;
    while ((size_t)off < len && strchr(" \t\r\n", text[off])) off++;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 && off == 0) off = 3; /* after a BOM */
    line_col(text, len, (size_t)off, &line, &col);
    st = an_error_set(err, AN_EDATA, path, line, off,
                      "column %ld: a gazetteer file must be a JSON array of entries, not %s", col,
                      cJSON_IsObject(root) ? "an object" : "a single value");
    goto done;
  }
  size_t idx = 0;
  const cJSON *o;
  cJSON_ArrayForEach(o, root) {
    an_gz_entry e;
    const char *field = NULL;
    st = parse_entry(o, path, idx, &e, &field, err);
    e.user = user;
    if (st != AN_OK) {
      if (st == AN_EDATA) locate_entry_error(err, text, len, idx, field);
      goto done;
    }
    long at = an_gazetteer_find_id(g, e.id);
    if (at >= 0) {
      entry_clear(&g->entries[at]);
      g->entries[at] = e;
    } else {
      st = an_grow((void **)&g->entries, &g->cap_entries, g->n_entries + 1, sizeof *g->entries);
      if (st != AN_OK) {
        entry_clear(&e);
        st = an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
        goto done;
      }
      g->entries[g->n_entries++] = e;
      if (g->n_entries * 2 + 2 > g->idcap) {
        st = idmap_rebuild(g);
      } else {
        size_t j = (size_t)str_hash(e.id) & (g->idcap - 1);
        while (g->idmap[j] >= 0) j = (j + 1) & (g->idcap - 1);
        g->idmap[j] = (long)(g->n_entries - 1);
      }
      if (st != AN_OK) {
        st = an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
        goto done;
      }
    }
    idx++;
  }
done:
  cJSON_Delete(root);
  an_free(text);
  return st;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static an_status load_dir(an_gazetteer *g, const char *dir, an_error *err) {
  DIR *d = opendir(dir);
  if (!d) return an_error_set(err, AN_ENOTFOUND, dir, 0, -1, "cannot open gazetteer folder");
  char **names = NULL;
  size_t n = 0, cap = 0;
  an_status st = AN_OK;
  struct dirent *de;
  while ((de = readdir(d))) {
    size_t l = strlen(de->d_name);
    if (l < 6 || strcmp(de->d_name + l - 5, ".json") != 0 || de->d_name[0] == '.') continue;
    if ((st = an_grow((void **)&names, &cap, n + 1, sizeof *names)) != AN_OK) break;
    if (!(names[n] = an_strdup(de->d_name))) {
      st = AN_ENOMEM;
      break;
    }
    n++;
  }
  closedir(d);
  if (st != AN_OK) {
    strv_free(names, n);
    return an_error_set(err, st, dir, 0, -1, "out of memory");
  }
  if (n) qsort(names, n, sizeof *names, cmp_str);
  an_buf path;
  an_buf_init(&path);
  for (size_t i = 0; i < n && st == AN_OK; i++) {
    an_buf_clear(&path);
    st = an_buf_printf(&path, "%s/%s", dir, names[i]);
    if (st != AN_OK) {
      st = an_error_set(err, st, dir, 0, -1, "out of memory");
      break;
    }
    st = load_entries(g, path.data, 0, err);
  }
  an_buf_free(&path);
  strv_free(names, n);
  return st;
}

/* ---- lexicon ---- */

static int is_acronym(const char *s) {
  int upper = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p >= 'a' && *p <= 'z') return 0;
    if (*p >= 'A' && *p <= 'Z') upper++;
  }
  return upper >= 2 && upper <= 6;
}

static an_status lex_add(an_gazetteer *g, const char *phrase, uint32_t cls, uint32_t index) {
  char buf[512];
  an_word_fold(phrase, strlen(phrase), buf, sizeof buf);
  const char *p = buf;
  /* "the Leader": the article is matched apart, as for aliases */
  if (cls == AN_LX_TITLE && strncmp(p, "the ", 4) == 0) p += 4;
  if (!p[0]) return AN_OK;
  uint32_t abbr = (strchr(phrase, '.') || is_acronym(phrase)) ? AN_LX_VALUE_ABBR : 0;
  return an_trie_add(g->lexicon, p, (uint32_t)__builtin_ctz(cls) << 24 | abbr | AN_LX_INDEX(index));
}

static const char *item_text(const cJSON *it) {
  if (cJSON_IsString(it)) return it->valuestring;
  if (!cJSON_IsObject(it)) return NULL;
  static const char *const keys[] = {"text", "title", "word", "form", "phrase", "name"};
  for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(it, keys[i]);
    if (cJSON_IsString(v)) return v->valuestring;
  }
  const cJSON *forms = cJSON_GetObjectItemCaseSensitive(it, "forms");
  if (cJSON_IsArray(forms) && cJSON_IsString(cJSON_GetArrayItem(forms, 0)))
    return cJSON_GetArrayItem(forms, 0)->valuestring;
  return NULL;
}

/* Other spellings an entry lists ("forms", "variants", "aliases"). */
static const cJSON *item_variants(const cJSON *it) {
  if (!cJSON_IsObject(it)) return NULL;
  static const char *const keys[] = {"forms", "variants", "aliases"};
  for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(it, keys[i]);
    if (cJSON_IsArray(v)) return v;
  }
  return NULL;
}

static char *fold_dup(const char *s) {
  char buf[256];
  an_word_fold(s, strlen(s), buf, sizeof buf);
  return an_strdup(buf);
}

/* A title entry: {"text"|"forms", "role", "class", "kind", "gender"}; a
 * description entry (descriptions=1): {"forms", "roles": [...]}, the roles
 * it may stand for ("top diplomat" -> foreign minister, ...). */
static an_status add_title(an_gazetteer *g, const cJSON *it, int descriptions) {
  const char *text = item_text(it);
  if (!text) return AN_OK;
  const char *role = text, *cls = NULL;
  int honorific = 0;
  char gender = 0;
  const cJSON *roles = NULL;
  if (cJSON_IsObject(it)) {
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(it, "role");
    if (cJSON_IsString(r)) role = r->valuestring;
    if (cJSON_IsNull(r)) honorific = 1;
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(it, "class");
    if (cJSON_IsString(c)) cls = c->valuestring;
    const cJSON *h = cJSON_GetObjectItemCaseSensitive(it, "honorific");
    if (cJSON_IsTrue(h)) honorific = 1;
    const cJSON *k = cJSON_GetObjectItemCaseSensitive(it, "kind");
    if (cJSON_IsString(k) && (strcmp(k->valuestring, "courtesy") == 0 || strcmp(k->valuestring, "honorific") == 0))
      honorific = 1;
    const cJSON *gd = cJSON_GetObjectItemCaseSensitive(it, "gender");
    if (cJSON_IsString(gd) && (gd->valuestring[0] == 'm' || gd->valuestring[0] == 'f')) gender = gd->valuestring[0];
    roles = cJSON_GetObjectItemCaseSensitive(it, "roles");
    if (!cJSON_IsArray(roles)) roles = NULL;
    if (descriptions && roles && cJSON_GetArraySize(roles) == 1 &&
        cJSON_IsString(cJSON_GetArrayItem(roles, 0)))
      role = cJSON_GetArrayItem(roles, 0)->valuestring;
  }
  if (honorific) { /* the value is the gender it implies ("Mrs.": 'f') */
    an_status st = lex_add(g, text, AN_LX_HONORIFIC, (uint32_t)(unsigned char)gender);
    const cJSON *vars = item_variants(it), *v;
    cJSON_ArrayForEach(v, vars) if (st == AN_OK && cJSON_IsString(v)) st =
        lex_add(g, v->valuestring, AN_LX_HONORIFIC, (uint32_t)(unsigned char)gender);
    return st;
  }
  an_status st = an_grow((void **)&g->titles, &g->cap_titles, g->n_titles + 1, sizeof *g->titles);
  if (st != AN_OK) return st;
  an_title *t = &g->titles[g->n_titles];
  memset(t, 0, sizeof *t);
  t->gender = gender;
  t->description = (char)descriptions;
  t->role = fold_dup(role);
  t->label = an_strdup(role);
  if (cls) t->cls = fold_dup(cls);
  if (!t->role || !t->label || (cls && !t->cls)) goto oom;
  if (roles && cJSON_GetArraySize(roles) > 0) {
    t->answers = an_calloc((size_t)cJSON_GetArraySize(roles), sizeof *t->answers);
    if (!t->answers) goto oom;
    const cJSON *r;
    cJSON_ArrayForEach(r, roles) {
      if (!cJSON_IsString(r)) continue;
      if (!(t->answers[t->n_answers] = fold_dup(r->valuestring))) goto oom;
      t->n_answers++;
    }
  }
  uint32_t index = (uint32_t)g->n_titles++;
  st = lex_add(g, text, AN_LX_TITLE, index);
  const cJSON *vars = item_variants(it), *v;
  cJSON_ArrayForEach(v, vars) if (st == AN_OK && cJSON_IsString(v)) st =
      lex_add(g, v->valuestring, AN_LX_TITLE, index);
  return st;
oom:
  title_clear(t);
  return AN_ENOMEM;
}

static an_status add_pronoun(an_gazetteer *g, const char *text, const cJSON *spec) {
  an_status st = an_grow((void **)&g->pronouns, &g->cap_pronouns, g->n_pronouns + 1,
                         sizeof *g->pronouns);
  if (st != AN_OK) return st;
  an_pronoun *p = &g->pronouns[g->n_pronouns];
  memset(p, 0, sizeof *p);
  const cJSON *v;
  if ((v = cJSON_GetObjectItemCaseSensitive(spec, "gender")) && cJSON_IsString(v))
    p->gender = (v->valuestring[0] == 'm' || v->valuestring[0] == 'f') ? v->valuestring[0] : 0;
  if ((v = cJSON_GetObjectItemCaseSensitive(spec, "number")) && cJSON_IsString(v))
    p->plural = v->valuestring[0] == 'p';
  if ((v = cJSON_GetObjectItemCaseSensitive(spec, "kind")) && cJSON_IsString(v))
    p->kind = v->valuestring[0] == 'p' ? 'p' : v->valuestring[0] == 'o' ? 'o' : 0;
  if ((v = cJSON_GetObjectItemCaseSensitive(spec, "relative"))) p->relative = cJSON_IsTrue(v);
  if ((v = cJSON_GetObjectItemCaseSensitive(spec, "possessive"))) p->possessive = cJSON_IsTrue(v);
  if ((v = cJSON_GetObjectItemCaseSensitive(spec, "person"))) {
    if (cJSON_IsNumber(v)) p->first_second = v->valueint == 1 || v->valueint == 2;
    else if (cJSON_IsString(v)) p->first_second = v->valuestring[0] == '1' || v->valuestring[0] == '2' ||
                                                  v->valuestring[0] == 'f' || v->valuestring[0] == 's';
  }
  if ((v = cJSON_GetObjectItemCaseSensitive(spec, "case")) && cJSON_IsString(v)) {
    p->possessive = p->possessive || strncmp(v->valuestring, "poss", 4) == 0;
    p->relative = p->relative || strncmp(v->valuestring, "rel", 3) == 0;
    p->object = strncmp(v->valuestring, "obj", 3) == 0;
  }
  if ((v = cJSON_GetObjectItemCaseSensitive(spec, "kinds")) && cJSON_IsArray(v)) {
    int person = 0, other = 0;
    const cJSON *k;
    cJSON_ArrayForEach(k, v) {
      if (!cJSON_IsString(k)) continue;
      if (strcmp(k->valuestring, "person") == 0) person = 1;
      else other = 1;
    }
    p->kind = person && !other ? 'p' : other && !person ? 'o' : 0;
  } else if (p->gender && !p->kind) {
    p->kind = 'p';
  }
  return lex_add(g, text, AN_LX_PRONOUN, (uint32_t)g->n_pronouns++);
}

/* names.json country_descriptions: {"forms": ["kingdom"], "countries":
 * ["SAU", ...]} (no countries: any country). */
static an_status add_country_desc(an_gazetteer *g, const cJSON *it) {
  const cJSON *forms = cJSON_GetObjectItemCaseSensitive(it, "forms");
  const cJSON *cs = cJSON_GetObjectItemCaseSensitive(it, "countries"), *v;
  if (!cJSON_IsArray(forms)) return AN_OK;
  an_buf b;
  an_buf_init(&b);
  an_status st = AN_OK;
  cJSON_ArrayForEach(v, cs) if (st == AN_OK && cJSON_IsString(v) && strlen(v->valuestring) == 3) {
    if (b.len) st = an_buf_append(&b, " ", 1);
    if (st == AN_OK) st = an_buf_append(&b, v->valuestring, 3);
  }
  char *codes = st == AN_OK ? an_strndup(b.data ? b.data : "", b.len) : NULL;
  an_buf_free(&b);
  if (!codes || (st = an_grow((void **)&g->cdesc, &g->cap_cdesc, g->n_cdesc + 1, sizeof *g->cdesc)) != AN_OK) {
    an_free(codes);
    return AN_ENOMEM;
  }
  uint32_t index = (uint32_t)g->n_cdesc;
  g->cdesc[g->n_cdesc++] = codes;
  cJSON_ArrayForEach(v, forms) if (st == AN_OK && cJSON_IsString(v)) st = lex_add(g, v->valuestring, AN_LX_CDESC, index);
  return st;
}

/* titles.json org_cues: {"forms", "category", "class"?, "where"}. The
 * reference class ("class", else "category"; "other" fits any) goes into
 * the ORGHEAD values so that "the court" can tell a court from a company
 * (an_gazetteer_org_class). */
/* The index (1 + class) of a class name, added if new; 0 for "other" or
 * when the table is full. */
static an_status org_class_index(an_gazetteer *g, const char *name, uint32_t *index) {
  *index = 0;
  if (!name || strcmp(name, "other") == 0) return AN_OK;
  size_t k = 0;
  while (k < g->n_orgcls && strcmp(g->orgcls[k], name) != 0) k++;
  if (k == g->n_orgcls && k < AN_ORG_CLASSES) {
    if (!(g->orgcls[k] = an_strdup(name))) return AN_ENOMEM;
    g->n_orgcls++;
  }
  if (k < g->n_orgcls) *index = (uint32_t)k + 1;
  return AN_OK;
}

/* names.json description_nouns: {"forms", "class", "strict"?}. */
static an_status add_desc_nouns(an_gazetteer *g, const cJSON *arr) {
  const cJSON *it;
  cJSON_ArrayForEach(it, arr) {
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(it, "class");
    uint32_t index = 0;
    an_status st = org_class_index(g, cJSON_IsString(c) ? c->valuestring : NULL, &index);
    if (st != AN_OK) return st;
    if (!index) continue;
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "strict"))) index |= ORGCLS_STRICT;
    const cJSON *forms = item_variants(it), *v;
    cJSON_ArrayForEach(v, forms) if (st == AN_OK && cJSON_IsString(v)) st = lex_add(g, v->valuestring, AN_LX_DESCNOUN, index);
    if (st != AN_OK) return st;
  }
  return AN_OK;
}

static an_status add_org_cues(an_gazetteer *g, const cJSON *arr) {
  const cJSON *it;
  cJSON_ArrayForEach(it, arr) {
    if (!cJSON_IsObject(it)) {
      const char *t = item_text(it);
      an_status st = t ? lex_add(g, t, AN_LX_ORGHEAD, 0) : AN_OK;
      if (st != AN_OK) return st;
      continue;
    }
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(it, "class");
    if (!cJSON_IsString(c)) c = cJSON_GetObjectItemCaseSensitive(it, "category");
    uint32_t index = 0;
    if (cJSON_IsString(c) && strcmp(c->valuestring, "other") != 0) {
      size_t k = 0;
      while (k < g->n_orgcls && strcmp(g->orgcls[k], c->valuestring) != 0) k++;
      if (k == g->n_orgcls && k < AN_ORG_CLASSES) {
        if (!(g->orgcls[k] = an_strdup(c->valuestring))) return AN_ENOMEM;
        g->n_orgcls++;
      }
      if (k < g->n_orgcls) index = (uint32_t)k + 1;
      if (index && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "strict"))) g->orgcls_strict |= 1u << (index - 1);
    }
    const cJSON *where = cJSON_GetObjectItemCaseSensitive(it, "where"), *w;
    cJSON_ArrayForEach(w, where) if (cJSON_IsString(w) && strcmp(w->valuestring, "start") == 0 && index) index |= ORGCLS_START;
    const cJSON *forms = item_variants(it), *v;
    const char *t = item_text(it);
    an_status st = AN_OK;
    if (!forms && t) st = lex_add(g, t, AN_LX_ORGHEAD, index);
    cJSON_ArrayForEach(v, forms) if (st == AN_OK && cJSON_IsString(v)) st = lex_add(g, v->valuestring, AN_LX_ORGHEAD, index);
    if (st != AN_OK) return st;
  }
  return AN_OK;
}

static uint32_t class_of_key(const char *k) {
  static const struct {
    const char *key;
    uint32_t cls;
  } map[] = {
      {"particles", AN_LX_PARTICLE},     {"name_particles", AN_LX_PARTICLE},
      {"stop", AN_LX_STOP},              {"stopwords", AN_LX_STOP},
      {"stop_words", AN_LX_STOP},        {"stoplist", AN_LX_STOP},
      {"months", AN_LX_TIME},            {"days", AN_LX_TIME},
      {"weekdays", AN_LX_TIME},          {"time_words", AN_LX_TIME},
      {"org_heads", AN_LX_ORGHEAD},      {"org_head_words", AN_LX_ORGHEAD},
      {"organization_heads", AN_LX_ORGHEAD}, {"place_heads", AN_LX_PLACEHEAD},
      {"place_head_words", AN_LX_PLACEHEAD}, {"speech_verbs", AN_LX_SPEECH},
      {"person_verbs", AN_LX_SPEECH},    {"honorifics", AN_LX_HONORIFIC},
      {"generic", AN_LX_GENERIC},        {"generic_nouns", AN_LX_GENERIC},
      {"given_names_m", AN_LX_GIVEN_M},  {"given_names_f", AN_LX_GIVEN_F},
      {"org_cues", AN_LX_ORGHEAD},       {"anonymous_agents", AN_LX_GENERIC},
      {"function_words", AN_LX_STOP},    {"page_words", AN_LX_STOP},
      {"reporting", AN_LX_SPEECH},       {"modifiers", AN_LX_ADJ},
      {"role_prefixes", AN_LX_PREFIX},
      {"state_nouns", AN_LX_STATE},      {"risky_aliases", AN_LX_RISKY},
      {"bare_heads", AN_LX_BARE},        {"prepositions", AN_LX_PREP},
      {"weak_forms", AN_LX_WEAK},
      {"region_words", AN_LX_PLACEHEAD}, {"thing_heads", AN_LX_PLACEHEAD},
      {"places", AN_LX_PLACE},           {"media_words", AN_LX_MEDIA},
      {"media_cues", AN_LX_MEDIA_CUE},   {"subordinators", AN_LX_SUBORD},
      {"thing_prefixes", AN_LX_THINGPRE}, {"org_nouns", AN_LX_ORGNOUN},
      {"post_words", AN_LX_POSTWORD},    {"family_names_first", AN_LX_SURNAME},
      {"org_prefixes", AN_LX_ORGPREFIX},
  };
  for (size_t i = 0; i < sizeof map / sizeof *map; i++)
    if (strcasecmp(k, map[i].key) == 0) return map[i].cls;
  return 0;
}

static an_status add_word_list(an_gazetteer *g, const cJSON *arr, uint32_t cls) {
  an_status st = AN_OK;
  const cJSON *it;
  cJSON_ArrayForEach(it, arr) {
    const char *t = item_text(it);
    uint32_t c = cls;
    /* "al-", "at-", "-e-": particles only inside a hyphenated name, not
     * words between names ("Analysts at Control Risks") */
    if (cls == AN_LX_PARTICLE && t && (t[0] == '-' || (t[0] && t[strlen(t) - 1] == '-'))) c = AN_LX_HPARTICLE;
    if (cls == AN_LX_PARTICLE && cJSON_IsObject(it)) {
      const cJSON *at = cJSON_GetObjectItemCaseSensitive(it, "attach");
      if (cJSON_IsString(at) && strcmp(at->valuestring, "space") != 0 && strcmp(at->valuestring, "family") != 0)
        c = AN_LX_HPARTICLE;
    }
    if (t) st = lex_add(g, t, c, 0);
    const cJSON *vars = item_variants(it), *v;
    cJSON_ArrayForEach(v, vars) if (st == AN_OK && cJSON_IsString(v)) st = lex_add(g, v->valuestring, cls, 0);
    if (st != AN_OK) return st;
  }
  return AN_OK;
}

static an_status load_lexicon_obj(an_gazetteer *g, const cJSON *root) {
  an_status st = AN_OK;
  const cJSON *sec;
  if (cJSON_IsArray(root)) { /* a bare array: titles */
    cJSON_ArrayForEach(sec, root) if ((st = add_title(g, sec, 0)) != AN_OK) return st;
    return AN_OK;
  }
  cJSON_ArrayForEach(sec, root) {
    const char *k = sec->string ? sec->string : "";
    int desc = strcasecmp(k, "descriptions") == 0;
    if (strcasecmp(k, "titles") == 0 || strcasecmp(k, "roles") == 0 || desc) {
      const cJSON *it;
      if (cJSON_IsArray(sec)) {
        cJSON_ArrayForEach(it, sec) if ((st = add_title(g, it, desc)) != AN_OK) return st;
      } else if (cJSON_IsObject(sec)) { /* {"Foreign Minister": "foreign minister"} */
        cJSON_ArrayForEach(it, sec) {
          cJSON *tmp = cJSON_CreateObject();
          if (!tmp) return AN_ENOMEM;
          cJSON_AddStringToObject(tmp, "text", it->string);
          if (cJSON_IsString(it)) cJSON_AddStringToObject(tmp, "role", it->valuestring);
          else if (cJSON_IsObject(it)) {
            const cJSON *r = cJSON_GetObjectItemCaseSensitive(it, "role");
            const cJSON *c = cJSON_GetObjectItemCaseSensitive(it, "class");
            if (cJSON_IsString(r)) cJSON_AddStringToObject(tmp, "role", r->valuestring);
            if (cJSON_IsString(c)) cJSON_AddStringToObject(tmp, "class", c->valuestring);
          }
          st = add_title(g, tmp, 0);
          cJSON_Delete(tmp);
          if (st != AN_OK) return st;
        }
      }
    } else if (strcasecmp(k, "pronouns") == 0) {
      const cJSON *it;
      if (cJSON_IsArray(sec)) {
        cJSON_ArrayForEach(it, sec) {
          const char *t = item_text(it);
          if (t && (st = add_pronoun(g, t, it)) != AN_OK) return st;
        }
      } else if (cJSON_IsObject(sec)) {
        cJSON_ArrayForEach(it, sec) if ((st = add_pronoun(g, it->string, it)) != AN_OK) return st;
      }
    } else if (strcasecmp(k, "description_nouns") == 0 && cJSON_IsArray(sec)) {
      if ((st = add_desc_nouns(g, sec)) != AN_OK) return st;
    } else if (strcasecmp(k, "ampersand_class") == 0 && cJSON_IsString(sec)) {
      uint32_t index = 0;
      if ((st = org_class_index(g, sec->valuestring, &index)) != AN_OK) return st;
      g->amp_cls = index ? 1u << (index - 1) : 0;
    } else if (strcasecmp(k, "state_organ_classes") == 0 && cJSON_IsArray(sec)) {
      const cJSON *c;
      cJSON_ArrayForEach(c, sec) if (cJSON_IsString(c)) {
        uint32_t index = 0;
        if ((st = org_class_index(g, c->valuestring, &index)) != AN_OK) return st;
        if (index) g->organ_cls |= 1u << (index - 1);
      }
    } else if (strcasecmp(k, "org_cues") == 0 && cJSON_IsArray(sec)) {
      if ((st = add_org_cues(g, sec)) != AN_OK) return st;
    } else if (strcasecmp(k, "country_descriptions") == 0 && cJSON_IsArray(sec)) {
      const cJSON *it;
      cJSON_ArrayForEach(it, sec) if ((st = add_country_desc(g, it)) != AN_OK) return st;
    } else if (strcasecmp(k, "given_names") == 0 && cJSON_IsObject(sec)) {
      const cJSON *m = cJSON_GetObjectItemCaseSensitive(sec, "m");
      const cJSON *f = cJSON_GetObjectItemCaseSensitive(sec, "f");
      if (m && (st = add_word_list(g, m, AN_LX_GIVEN_M)) != AN_OK) return st;
      if (f && (st = add_word_list(g, f, AN_LX_GIVEN_F)) != AN_OK) return st;
    } else if (strcasecmp(k, "stop") == 0 && cJSON_IsObject(sec)) {
      /* {"days": [...], "months": [...], "function_words": [...]} */
      const cJSON *sub;
      cJSON_ArrayForEach(sub, sec) {
        uint32_t cls = class_of_key(sub->string ? sub->string : "");
        if (!cls) cls = AN_LX_STOP;
        if (cJSON_IsArray(sub) && (st = add_word_list(g, sub, cls)) != AN_OK) return st;
        /* stop.places: stop words that also win longest match over aliases */
        if (cls == AN_LX_PLACE && cJSON_IsArray(sub) && (st = add_word_list(g, sub, AN_LX_STOP)) != AN_OK) return st;
      }
    } else if (cJSON_IsArray(sec)) {
      uint32_t cls = class_of_key(k);
      if (cls && (st = add_word_list(g, sec, cls)) != AN_OK) return st;
    } else if (cJSON_IsObject(sec) && cJSON_GetObjectItemCaseSensitive(sec, "words")) {
      uint32_t cls = class_of_key(k);
      const cJSON *w = cJSON_GetObjectItemCaseSensitive(sec, "words");
      if (cls && cJSON_IsArray(w) && (st = add_word_list(g, w, cls)) != AN_OK) return st;
    }
  }
  return AN_OK;
}

static an_status load_lexicon_file(an_gazetteer *g, const char *path, an_error *err) {
  struct stat sb;
  if (stat(path, &sb) != 0) return AN_OK; /* optional */
  char *text = NULL;
  size_t len = 0;
  cJSON *root = NULL;
  an_status st = an_file_slurp(path, &text, &len, err);
  if (st != AN_OK) return st;
  st = parse_json(path, text, len, &root, err);
  if (st == AN_OK && !cJSON_IsObject(root) && !cJSON_IsArray(root))
    st = an_error_set(err, AN_EDATA, path, 1, 0, "column 1: a lexicon file must be a JSON object");
  if (st == AN_OK && (st = load_lexicon_obj(g, root)) != AN_OK)
    st = an_error_set(err, st, path, 0, -1, "cannot load lexicon");
  cJSON_Delete(root);
  an_free(text);
  return st;
}

/* ---- building ---- */

static an_status add_alias(an_gazetteer *g, const char *phrase, uint32_t entry, uint32_t how) {
  char buf[1024];
  an_word_fold(phrase, strlen(phrase), buf, sizeof buf);
  const char *p = buf;
  /* "the Kremlin": the article is not part of the name in running text */
  if (strncmp(p, "the ", 4) == 0) p += 4;
  if (!*p) return AN_OK;
  uint32_t v = entry << 3 | how | (is_acronym(phrase) ? AN_GZ_ACRONYM : 0u);
  return an_trie_add(g->aliases, p, v);
}

static an_status build(an_gazetteer *g) {
  an_status st = AN_OK;
  for (size_t i = 0; i < g->n_entries && st == AN_OK; i++) {
    const an_gz_entry *e = &g->entries[i];
    uint32_t ix = (uint32_t)i, name = AN_MENTION_NAME;
    /* a collapsed organ ("the Pentagon") names its parent, as a metonym */
    long par = e->collapse ? an_gazetteer_find_id(g, e->parent) : -1;
    if (par >= 0) ix = (uint32_t)par, name = AN_MENTION_METONYM;
    st = add_alias(g, e->label, ix, name);
    for (size_t k = 0; k < e->n_aliases && st == AN_OK; k++)
      st = add_alias(g, e->aliases[k], ix, name);
    for (size_t k = 0; k < e->n_metonyms && st == AN_OK; k++)
      st = add_alias(g, e->metonyms[k], ix, AN_MENTION_METONYM);
    for (size_t k = 0; k < e->n_demonyms && st == AN_OK; k++)
      st = add_alias(g, e->demonyms[k], ix, AN_MENTION_DEMONYM);
  }
  if (st == AN_OK) st = an_trie_freeze(g->aliases);
  return st;
}

/* The per-node answers of the frozen lexicon: a token's classes are one
 * array read (the actors stage asks for every token), and a phrase walk
 * stops where no form of the class it wants lies ahead. */
static an_status lexicon_index(an_gazetteer *g) {
  size_t nn = an_trie_nodes(g->lexicon);
  uint32_t *parent = an_malloc(nn * sizeof *parent);
  g->lx_nodes = an_malloc(nn * sizeof *g->lx_nodes);
  if (!parent || !g->lx_nodes) {
    an_free(parent);
    return AN_ENOMEM;
  }
  for (size_t node = 0; node < nn; node++) {
    size_t n;
    const uint32_t *v = an_trie_values(g->lexicon, (uint32_t)node, &n);
    uint32_t cls = 0, all = 0;
    int32_t title = -1, pron = -1;
    for (size_t i = 0; i < n; i++) {
      uint32_t c = AN_LX_CLASS(v[i]);
      all |= c;
      /* the folded word alone cannot tell "he" from "H.E.": abbreviation
       * forms are left to matchers that see the text's case */
      if (v[i] & AN_LX_VALUE_ABBR) continue;
      cls |= c;
      if (c == AN_LX_TITLE && title < 0) title = (int32_t)AN_LX_INDEX(v[i]);
      if (c == AN_LX_PRONOUN && pron < 0) pron = (int32_t)AN_LX_INDEX(v[i]);
    }
    g->lx_nodes[node] = (an_lx_node){cls, all, title, pron};
  }
  an_trie_parents(g->lexicon, parent);
  for (size_t node = nn; node-- > 1;)
    if (parent[node] != AN_TRIE_NONE) g->lx_nodes[parent[node]].below |= g->lx_nodes[node].below;
  an_free(parent);
  return AN_OK;
}

an_status an_gazetteer_load(const char *data_dir, const char *user_actors, an_gazetteer **out,
                            an_error *err) {
  *out = NULL;
  an_gazetteer *g = an_calloc(1, sizeof *g);
  an_buf path;
  an_buf_init(&path);
  an_status st = AN_ENOMEM;
  if (!g) return an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  if (idmap_rebuild(g) != AN_OK || an_trie_new(&g->aliases) != AN_OK ||
      an_trie_new(&g->lexicon) != AN_OK) {
    st = an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
    goto done;
  }
  if (data_dir) {
    if ((st = an_buf_printf(&path, "%s/gazetteer", data_dir)) != AN_OK) goto oom;
    struct stat sb;
    if (stat(path.data, &sb) == 0 && S_ISDIR(sb.st_mode)) {
      if ((st = load_dir(g, path.data, err)) != AN_OK) goto done;
    } else if (stat(data_dir, &sb) != 0) {
      st = an_error_set(err, AN_ENOTFOUND, data_dir, 0, -1, "data folder not found");
      goto done;
    }
  }
  if (user_actors && (st = load_entries(g, user_actors, 1, err)) != AN_OK) goto done;
  if (data_dir) {
    static const char *const files[] = {"titles.json", "names.json", "cues.json"};
    for (size_t i = 0; i < 3; i++) {
      an_buf_clear(&path);
      if ((st = an_buf_printf(&path, "%s/lexicon/%s", data_dir, files[i])) != AN_OK) goto oom;
      if ((st = load_lexicon_file(g, path.data, err)) != AN_OK) goto done;
    }
  }
  if ((st = an_trie_freeze(g->lexicon)) != AN_OK) goto oom;
  if ((st = lexicon_index(g)) != AN_OK) goto oom;
  if ((st = build(g)) != AN_OK) goto oom;
  st = AN_OK;
  goto done;
oom:
  st = an_error_set(err, st, NULL, 0, -1, "cannot build the gazetteer: %s", an_status_str(st));
done:
  an_buf_free(&path);
  if (st != AN_OK) an_gazetteer_free(g);
  else *out = g;
  return st;
}

size_t an_gazetteer_count(const an_gazetteer *g) { return g->n_entries; }
const an_gz_entry *an_gazetteer_entry(const an_gazetteer *g, size_t i) {
  return i < g->n_entries ? &g->entries[i] : NULL;
}
const an_trie *an_gazetteer_aliases(const an_gazetteer *g) { return g->aliases; }
const an_trie *an_gazetteer_lexicon(const an_gazetteer *g) { return g->lexicon; }
const an_title *an_gazetteer_title(const an_gazetteer *g, size_t i) {
  return i < g->n_titles ? &g->titles[i] : NULL;
}
const an_pronoun *an_gazetteer_pronoun(const an_gazetteer *g, size_t i) {
  return i < g->n_pronouns ? &g->pronouns[i] : NULL;
}

const char *an_gazetteer_country_desc(const an_gazetteer *g, size_t i) {
  return i < g->n_cdesc ? g->cdesc[i] : NULL;
}

uint32_t an_gazetteer_word(const an_gazetteer *g, const char *folded, long *title, long *pronoun) {
  return an_gazetteer_word_node(g, an_trie_find(g->lexicon, folded), title, pronoun);
}

uint32_t an_gazetteer_word_node(const an_gazetteer *g, uint32_t node, long *title, long *pronoun) {
  if (node == AN_TRIE_NONE) {
    if (title) *title = -1;
    if (pronoun) *pronoun = -1;
    return 0;
  }
  if (title) *title = g->lx_nodes[node].title;
  if (pronoun) *pronoun = g->lx_nodes[node].pronoun;
  return g->lx_nodes[node].cls;
}

const an_lx_node *an_gazetteer_lexicon_nodes(const an_gazetteer *g) { return g->lx_nodes; }

uint32_t an_gazetteer_org_strict(const an_gazetteer *g) { return g->orgcls_strict; }
uint32_t an_gazetteer_ampersand_class(const an_gazetteer *g) { return g->amp_cls; }
uint32_t an_gazetteer_state_organ_classes(const an_gazetteer *g) { return g->organ_cls; }

uint32_t an_gazetteer_org_desc(const an_gazetteer *g, uint32_t node, int *strict) {
  size_t n;
  const uint32_t *v = node == AN_TRIE_NONE ? NULL : an_trie_values(g->lexicon, node, &n);
  uint32_t mask = 0;
  int st = 0;
  for (size_t i = 0; v && i < n; i++) {
    uint32_t c = AN_LX_CLASS(v[i]);
    if (c != AN_LX_ORGHEAD && c != AN_LX_DESCNOUN) continue;
    uint32_t ix = AN_LX_INDEX(v[i]), cls = ORGCLS_INDEX(ix);
    if (!cls) continue;
    mask |= 1u << (cls - 1);
    if ((ix & ORGCLS_STRICT) || (g->orgcls_strict & (1u << (cls - 1)))) st = 1;
  }
  if (strict) *strict = st;
  return mask;
}

uint32_t an_gazetteer_org_class(const an_gazetteer *g, uint32_t node, int start) {
  size_t n;
  const uint32_t *v = node == AN_TRIE_NONE ? NULL : an_trie_values(g->lexicon, node, &n);
  uint32_t mask = 0;
  for (size_t i = 0; v && i < n; i++) {
    if (AN_LX_CLASS(v[i]) != AN_LX_ORGHEAD) continue;
    uint32_t ix = AN_LX_INDEX(v[i]);
    if (ORGCLS_INDEX(ix) && (!start || (ix & ORGCLS_START))) mask |= 1u << (ORGCLS_INDEX(ix) - 1);
  }
  return mask;
}
