/* cmd_actors.c: `actornet actors INPUT...`: finds the actors of every
 * document, joins them across documents (src/actors/registry.h) and lists
 * them with their aliases, mention and document counts and affiliations. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actornet/extract.h"
#include "actornet/io.h"
#include "actornet/text.h"
#include "actors/actors.h"
#include "actors/gazetteer.h"
#include "actors/registry.h"
#include "cli/cli.h"
#include "core/core.h"

static void usage(FILE *out) {
  fprintf(out,
          "Usage: actornet actors [OPTIONS] INPUT...\n"
          "\n"
          "Lists the actors (people, organizations, countries) named in the input\n"
          "documents, each once however it is spelled or referred to: id, label,\n"
          "kind, aliases seen, number of mentions and of documents, and the\n"
          "affiliations that titles and appositions state (\"Hamas leader X\").\n"
          "\n"
          "INPUT is a .txt file, a folder (searched for .txt and .jsonl), a .jsonl\n"
          "corpus (one {\"id\", \"text\", ...} object a line), or - for standard input.\n"
          "\n"
          "Options:\n"
          "  -f, --format FMT    table (default), json or csv\n"
          "  -o, --output FILE   write there instead of standard output\n"
          "      --actors FILE   extra actors (JSON array, gazetteer format); entries\n"
          "                      replace built-in ones with the same id\n"
          "      --data-dir DIR  gazetteer and lexicon folder (default: the installed\n"
          "                      data, or $ACTORNET_DATA)\n"
          "  -h, --help          show this help and exit\n"
          "\n"
          "Exit status: 0 ok; 1 bad input or usage; 2 internal or I/O error.\n");
}

enum { FMT_TABLE, FMT_JSON, FMT_CSV };

static void warn_cb(void *ctx, const an_error *w) {
  const an_cli *cli = ctx;
  if (cli && cli->quiet) return;
  fprintf(stderr, "%s: ", cli && cli->prog ? cli->prog : "actornet");
  if (w->path[0]) {
    fputs(w->path, stderr);
    if (w->line > 0) fprintf(stderr, ":%ld", w->line);
    fputs(": ", stderr);
  }
  fprintf(stderr, "warning: %s\n", w->msg[0] ? w->msg : an_status_str(w->code));
}

static void json_str(FILE *f, const char *s) {
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    switch (*p) {
    case '"': fputs("\\\"", f); break;
    case '\\': fputs("\\\\", f); break;
    case '\n': fputs("\\n", f); break;
    case '\r': fputs("\\r", f); break;
    case '\t': fputs("\\t", f); break;
    default:
      if (*p < 0x20) fprintf(f, "\\u%04x", *p);
      else fputc(*p, f);
    }
  }
  fputc('"', f);
}

static void csv_str(FILE *f, const char *s) {
  if (!strpbrk(s, ",\"\n\r")) {
    fputs(s, f);
    return;
  }
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"') fputc('"', f);
    fputc(*s, f);
  }
  fputc('"', f);
}

static void write_json(FILE *f, const an_registry *reg) {
  size_t n = an_registry_count(reg), na = an_registry_n_affiliations(reg);
  fputs("{\"actors\": [", f);
  for (size_t i = 0; i < n; i++) {
    size_t nal, nd;
    const char *const *al = an_registry_aliases(reg, i, &nal);
    const char *const *docs = an_registry_docs(reg, i, &nd);
    fputs(i ? ",\n  {" : "\n  {", f);
    fputs("\"id\": ", f);
    json_str(f, an_registry_id(reg, i));
    fputs(", \"label\": ", f);
    json_str(f, an_registry_label(reg, i));
    fprintf(f, ", \"kind\": \"%s\", \"country\": ", an_actor_kind_name(an_registry_kind(reg, i)));
    if (an_registry_country(reg, i)[0]) json_str(f, an_registry_country(reg, i));
    else fputs("null", f);
    fputs(", \"aliases\": [", f);
    for (size_t k = 0; k < nal; k++) {
      if (k) fputs(", ", f);
      json_str(f, al[k]);
    }
    fprintf(f, "], \"mentions\": %llu, \"documents\": %zu, \"docs\": [",
            (unsigned long long)an_registry_mentions(reg, i), nd);
    for (size_t k = 0; k < nd; k++) {
      if (k) fputs(", ", f);
      json_str(f, docs[k]);
    }
    fputs("], \"affiliations\": [", f);
    int first = 1;
    for (size_t k = 0; k < na; k++) {
      const an_reg_affiliation *a = an_registry_affiliation(reg, k);
      if (a->person != i) continue;
      fputs(first ? "{\"org\": " : ", {\"org\": ", f);
      first = 0;
      json_str(f, an_registry_id(reg, a->org));
      fputs(", \"role\": ", f);
      json_str(f, a->role);
      fprintf(f, ", \"documents\": %zu}", a->docs);
    }
    fputs("]}", f);
  }
  fputs(n ? "\n],\n\"affiliations\": [" : "],\n\"affiliations\": [", f);
  for (size_t k = 0; k < na; k++) {
    const an_reg_affiliation *a = an_registry_affiliation(reg, k);
    fputs(k ? ",\n  {\"person\": " : "\n  {\"person\": ", f);
    json_str(f, an_registry_id(reg, a->person));
    fputs(", \"org\": ", f);
    json_str(f, an_registry_id(reg, a->org));
    fputs(", \"role\": ", f);
    json_str(f, a->role);
    fprintf(f, ", \"documents\": %zu}", a->docs);
  }
  fputs(na ? "\n]}\n" : "]}\n", f);
}

static void write_csv(FILE *f, const an_registry *reg) {
  size_t n = an_registry_count(reg), na = an_registry_n_affiliations(reg);
  fputs("id,label,kind,country,mentions,documents,aliases,affiliations\n", f);
  for (size_t i = 0; i < n; i++) {
    size_t nal, nd;
    const char *const *al = an_registry_aliases(reg, i, &nal);
    an_registry_docs(reg, i, &nd);
    csv_str(f, an_registry_id(reg, i));
    fputc(',', f);
    csv_str(f, an_registry_label(reg, i));
    fprintf(f, ",%s,%s,%llu,%zu,", an_actor_kind_name(an_registry_kind(reg, i)), an_registry_country(reg, i),
            (unsigned long long)an_registry_mentions(reg, i), nd);
    an_buf b;
    an_buf_init(&b);
    for (size_t k = 0; k < nal; k++) {
      if (k) an_buf_putc(&b, '|');
      an_buf_puts(&b, al[k]);
    }
    csv_str(f, b.data ? b.data : "");
    fputc(',', f);
    an_buf_clear(&b);
    for (size_t k = 0; k < na; k++) {
      const an_reg_affiliation *a = an_registry_affiliation(reg, k);
      if (a->person != i) continue;
      if (b.len) an_buf_putc(&b, '|');
      an_buf_printf(&b, "%s:%s", a->role, an_registry_id(reg, a->org));
    }
    csv_str(f, b.data ? b.data : "");
    an_buf_free(&b);
    fputc('\n', f);
  }
}

static void write_table(FILE *f, const an_registry *reg) {
  size_t n = an_registry_count(reg), na = an_registry_n_affiliations(reg);
  fprintf(f, "%-32s %-12s %8s %5s  %s\n", "ID", "KIND", "MENTIONS", "DOCS", "LABEL (ALIASES)");
  for (size_t i = 0; i < n; i++) {
    size_t nal, nd;
    const char *const *al = an_registry_aliases(reg, i, &nal);
    an_registry_docs(reg, i, &nd);
    fprintf(f, "%-32s %-12s %8llu %5zu  %s", an_registry_id(reg, i), an_actor_kind_name(an_registry_kind(reg, i)),
            (unsigned long long)an_registry_mentions(reg, i), nd, an_registry_label(reg, i));
    int any = 0;
    for (size_t k = 0; k < nal; k++) {
      if (strcmp(al[k], an_registry_label(reg, i)) == 0) continue;
      fputs(any ? ", " : " (", f);
      fputs(al[k], f);
      any = 1;
    }
    fputs(any ? ")\n" : "\n", f);
  }
  if (na) {
    fputs("\nAFFILIATIONS\n", f);
    for (size_t k = 0; k < na; k++) {
      const an_reg_affiliation *a = an_registry_affiliation(reg, k);
      fprintf(f, "  %s -- %s --> %s  (%zu document%s)\n", an_registry_label(reg, a->person), a->role,
              an_registry_label(reg, a->org), a->docs, a->docs == 1 ? "" : "s");
    }
  }
}

int an_cmd_actors(const an_cli *cli, int argc, char **argv) {
  static const struct option opts[] = {
      {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
      {"actors", required_argument, NULL, 'A'}, {"data-dir", required_argument, NULL, 'D'},
      {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
  };
  const char *output = "-", *user = NULL, *data_dir = NULL;
  int format = FMT_TABLE;
  optind = 0;
  opterr = 0;
  int c;
  while ((c = getopt_long(argc, argv, "f:o:h", opts, NULL)) != -1) {
    switch (c) {
    case 'f':
      if (strcmp(optarg, "table") == 0) format = FMT_TABLE;
      else if (strcmp(optarg, "json") == 0) format = FMT_JSON;
      else if (strcmp(optarg, "csv") == 0) format = FMT_CSV;
      else {
        an_cli_usage_error(cli, "actors", "unknown format '%s' (table, json or csv)", optarg);
        return AN_EXIT_INPUT;
      }
      break;
    case 'o': output = optarg; break;
    case 'A': user = optarg; break;
    case 'D': data_dir = optarg; break;
    case 'h': usage(stdout); return fflush(stdout) == 0 ? AN_EXIT_OK : AN_EXIT_INTERNAL;
    default:
      if (optopt) an_cli_usage_error(cli, "actors", "option '-%c' is unknown or needs a value", optopt);
      else an_cli_usage_error(cli, "actors", "unknown option '%s'", argv[optind - 1]);
      return AN_EXIT_INPUT;
    }
  }
  if (optind >= argc) {
    an_cli_usage_error(cli, "actors", "no input (give files, folders, or - for standard input)");
    return AN_EXIT_INPUT;
  }
  an_error err;
  an_error_clear(&err);
  an_gazetteer *gaz = NULL;
  an_reader *rd = NULL;
  an_registry *reg = NULL;
  an_outfile *of = NULL;
  an_doc *doc = NULL;
  an_status st;
  an_reader_opts ropts = {warn_cb, (void *)cli, 0};
  if ((st = an_gazetteer_load(data_dir ? data_dir : an_default_data_dir(), user, &gaz, &err)) != AN_OK) goto fail;
  if ((st = an_reader_new(&ropts, &rd, &err)) != AN_OK) goto fail;
  for (int i = optind; i < argc; i++)
    if ((st = an_reader_add_path(rd, argv[i], &err)) != AN_OK) goto fail;
  if ((st = an_registry_new(&reg, &err)) != AN_OK) goto fail;
  size_t ndocs = 0;
  while ((st = an_reader_next(rd, &doc, &err)) == AN_OK && doc) {
    an_text *text = NULL;
    an_doc_actors *da = NULL;
    st = an_text_new(doc->text, doc->len, &text, &err);
    if (st == AN_OK) st = an_actors_find(gaz, text, &da, &err);
    if (st == AN_OK) st = an_registry_add_doc(reg, doc->id, da, NULL, &err);
    an_doc_actors_free(da);
    an_text_free(text);
    an_doc_free(doc);
    doc = NULL;
    if (st != AN_OK) goto fail;
    ndocs++;
  }
  if (st != AN_OK) goto fail;
  if ((st = an_registry_finish(reg, &err)) != AN_OK) goto fail;
  sigset_t sigs; /* no temporary file left by Ctrl-C while writing */
  an_cli_hold_signals(output, &sigs);
  if ((st = an_outfile_open(output, &of, &err)) != AN_OK) {
    an_cli_release_signals(&sigs);
    goto fail;
  }
  FILE *f = an_outfile_stream(of);
  if (format == FMT_JSON) write_json(f, reg);
  else if (format == FMT_CSV) write_csv(f, reg);
  else write_table(f, reg);
  st = an_outfile_commit(of, &err);
  of = NULL;
  an_cli_release_signals(&sigs);
  if (st != AN_OK) goto fail;
  if (cli->verbose)
    fprintf(stderr, "%s actors: %zu actors from %zu documents\n", cli->prog, an_registry_count(reg), ndocs);
  size_t skipped = an_reader_skipped(rd);
  an_registry_free(reg);
  an_reader_free(rd);
  an_gazetteer_free(gaz);
  return skipped ? AN_EXIT_INPUT : AN_EXIT_OK;
fail:
  an_cli_report(cli, &err);
  an_doc_free(doc);
  an_outfile_abort(of);
  an_registry_free(reg);
  an_reader_free(rd);
  an_gazetteer_free(gaz);
  return an_cli_exit_code(st);
}
