/* fuzz_actors.c: a user's --actors file (gazetteer JSON) from fuzz bytes.
 * fuzz-requires: src/actors
 * The first byte picks the data folder: none (the file alone) or a tiny one
 * (one built-in entry the file may override, plus the real lexicon). Checks:
 * loading never crashes; a rejected file is AN_EDATA naming the file, with a
 * line and a column (JSON syntax, invalid UTF-8, or the bad entry or field); an accepted one yields entries
 * with id, label and kind, and finding actors in a text made of their own
 * labels and aliases succeeds with mentions inside the text, sorted and not
 * overlapping, each pointing at an actor. */
#include <errno.h>

#include "actors/actors.h"
#include "actors/gazetteer.h"
#include "actornet/text.h"
#include "core/core.h"
#include "fuzz.h"
#include "tmpfile.h"

static char tiny_dir[512];

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  /* <tmp>/fuzz-<pid>-data/{gazetteer/base.json, lexicon -> real lexicon} */
  char path[600];
  const char *dir = getenv("AN_FUZZ_TMP");
  if (!dir || !*dir) dir = getenv("TMPDIR");
  if (!dir || !*dir) dir = "/tmp";
  mkdir(dir, 0777);
  snprintf(tiny_dir, sizeof tiny_dir, "%s/fuzz-%ld-data", dir, (long)getpid());
  mkdir(tiny_dir, 0777);
  snprintf(path, sizeof path, "%s/gazetteer", tiny_dir);
  mkdir(path, 0777);
  snprintf(path, sizeof path, "%s/lexicon", tiny_dir);
  if (symlink(AN_DATA_SOURCE_DIR "/lexicon", path) != 0 && errno != EEXIST) {
    perror(path);
    abort();
  }
  snprintf(path, sizeof path, "%s/gazetteer/base.json", tiny_dir);
  FILE *f = fopen(path, "w");
  FUZZ_CHECK(f != NULL);
  fputs("[{\"id\":\"nordland\",\"label\":\"Nordland\",\"kind\":\"country\",\"country\":\"NRD\","
        "\"aliases\":[\"Nordland\",\"NL\"],\"demonyms\":[\"Nordish\"],\"metonyms\":[\"Valtor\"]},\n"
        " {\"id\":\"ana-ruiz\",\"label\":\"Ana Ruiz\",\"kind\":\"person\",\"gender\":\"f\","
        "\"roles\":[{\"role\":\"foreign minister\",\"of\":\"nordland\"}]}]\n",
        f);
  FUZZ_CHECK(fclose(f) == 0);
  return 0;
}

static void check_mentions(const an_gazetteer *gz, const char *s, size_t len) {
  an_text *t = NULL;
  FUZZ_CHECK(an_text_new(s, len, &t, NULL) == AN_OK);
  size_t nt = 0;
  an_text_tokens(t, &nt);
  an_doc_actors *a = NULL;
  an_error err;
  an_status st = an_actors_find(gz, t, &a, &err);
  fuzz_status_ok(st, &err);
  FUZZ_CHECK(st == AN_OK && a != NULL);
  for (size_t i = 0; i < a->n_mentions; i++) {
    const an_mention *m = &a->mentions[i];
    FUZZ_CHECK(m->tok_count > 0 && (size_t)m->tok_first + m->tok_count <= nt);
    FUZZ_CHECK(m->actor < a->n_actors);
    if (i) FUZZ_CHECK(m->tok_first >= a->mentions[i - 1].tok_first + a->mentions[i - 1].tok_count);
  }
  for (size_t i = 0; i < a->n_actors; i++) {
    FUZZ_CHECK(a->actors[i].id && a->actors[i].id[0] && a->actors[i].label);
    FUZZ_CHECK(fuzz_valid_utf8(a->actors[i].label, strlen(a->actors[i].label)));
  }
  for (size_t i = 0; i < a->n_affiliations; i++)
    FUZZ_CHECK(a->affiliations[i].person < a->n_actors && a->affiliations[i].org < a->n_actors);
  an_doc_actors_free(a);
  an_text_free(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_cursor c = {data, size};
  unsigned o = fuzz_byte(&c);
  char path[512];
  fuzz_write_file(path, sizeof path, "actors", ".json", c.p, c.n);
  an_gazetteer *gz = NULL;
  an_error err;
  an_error_clear(&err);
  an_status st = an_gazetteer_load((o & 1) ? tiny_dir : NULL, path, &gz, &err);
  fuzz_status_ok(st, &err);
  if (st != AN_OK) {
    FUZZ_CHECK(gz == NULL);
    if (st == AN_EDATA) {
      FUZZ_CHECK(strcmp(err.path, path) == 0); /* the user's file, not ours */
      /* path:line, and the column in the message (issue 8) */
      FUZZ_CHECK(err.line >= 1 && strncmp(err.msg, "column ", 7) == 0);
    }
    unlink(path);
    return 0;
  }
  FUZZ_CHECK(gz != NULL);
  /* A text of every label and alias, in sentences. */
  an_buf b;
  an_buf_init(&b);
  size_t n = an_gazetteer_count(gz);
  for (size_t i = 0; i < n && i < 64; i++) {
    const an_gz_entry *e = an_gazetteer_entry(gz, i);
    FUZZ_CHECK(e && e->id && e->id[0] && e->label);
    FUZZ_CHECK(an_gazetteer_find_id(gz, e->id) == (long)i);
    an_buf_printf(&b, "%s met ", e->label);
    for (size_t k = 0; k < e->n_aliases && k < 4; k++) an_buf_printf(&b, "%s and ", e->aliases[k]);
    for (size_t k = 0; k < e->n_demonyms && k < 2; k++) an_buf_printf(&b, "%s officials ", e->demonyms[k]);
    an_buf_puts(&b, "the minister. He said so.\n");
  }
  /* Labels must come out as valid UTF-8 (they go into JSON): the loader
   * rejects a file that is not (tests/fuzz/corpus/actors/crash-invalid-utf8-label). */
  FUZZ_CHECK(fuzz_valid_utf8((const char *)c.p, c.n));
  if (b.data) check_mentions(gz, b.data, b.len);
  an_buf_free(&b);
  an_gazetteer_free(gz);
  unlink(path);
  return 0;
}
