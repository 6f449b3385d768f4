/* cmd_eval.c: `actornet eval`: scores events against a gold directory
 * (annotation.md §5) and prints the report score.py prints, text or JSON. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "actornet/extract.h"
#include "actornet/io.h"
#include "cli/cli.h"
#include "core/core.h"
#include "extract/eval.h"

static void eval_usage(FILE *out) {
  fputs("Usage: actornet eval --gold DIR [--json] [--graph GRAPH.json] [--pred] EVENTS.jsonl\n"
        "       actornet eval --gold DIR [--json] --extract [--meta FILE] INPUT...\n"
        "\n"
        "Scores extracted events (the events JSONL of `actornet extract`; '-' reads\n"
        "standard input) against a gold directory holding actors.json and\n"
        "events.jsonl, as ../shared/docs/annotation.md section 5 defines and\n"
        "../shared/tools/score.py computes: precision, recall and F1 over all types,\n"
        "the core types (call, meet, praise, accuse) and each type; optional gold\n"
        "events ignored; dates of the found events checked. Only documents named in\n"
        "the gold events are scored.\n"
        "\n"
        "Options:\n"
        "  -g, --gold DIR       gold directory (required)\n"
        "  -p, --pred FILE      the events to score (or give it as the argument)\n"
        "  -G, --graph FILE     also check a node-link JSON graph (actornet build):\n"
        "                       gold actors split over several nodes, nodes merging\n"
        "                       several gold actors\n"
        "      --json           print the report as JSON (as score.py --json)\n"
        "  -x, --extract        the arguments are documents (as for `actornet\n"
        "                       extract`): extract their events first, then score\n"
        "      --meta FILE      with --extract: metadata (id, date, outlet, url) by id\n"
        "      --data-dir DIR   with --extract: the data directory\n"
        "      --actors FILE    with --extract: the user's actors file\n"
        "  -h, --help           show this help\n"
        "\n"
        "Exit status: 0 scored, 1 bad input or usage (with --extract also when an\n"
        "input was skipped; the report is printed all the same), 2 I/O or\n"
        "internal error.\n",
        out);
}

/* Opens path for reading; "-" is standard input. */
static FILE *open_in(const char *path, an_error *err) {
  if (strcmp(path, "-") == 0) return stdin;
  FILE *f = fopen(path, "r");
  if (!f) an_error_set(err, AN_ENOTFOUND, path, 0, -1, "cannot open");
  return f;
}

static void close_in(FILE *f) {
  if (f && f != stdin) fclose(f);
}

static void warn_input(void *ctx, const an_error *warning) {
  const an_cli *cli = ctx;
  if (!cli->quiet) an_cli_report(cli, warning);
}

/* --extract: every document of the inputs through the extractor, its
 * events JSONL written to out (a temporary file), as `actornet extract`
 * writes them. *skipped gets the number of inputs the reader skipped. */
static an_status extract_inputs(const an_cli *cli, char **inputs, int n, const char *meta,
                                const char *data_dir, const char *actors, FILE *out,
                                size_t *skipped, an_error *err) {
  an_reader *rd = NULL;
  an_resources *res = NULL;
  an_workspace *ws = NULL;
  an_reader_opts ro = {warn_input, (void *)cli, 0};
  an_status st = an_reader_new(&ro, &rd, err);
  for (int i = 0; i < n && st == AN_OK; i++) st = an_reader_add_path(rd, inputs[i], err);
  if (st == AN_OK && meta) st = an_reader_load_meta(rd, meta, err);
  if (st == AN_OK)
    st = an_resources_load(data_dir ? data_dir : an_default_data_dir(), actors, &res, err);
  if (st == AN_OK) st = an_workspace_new(res, &ws, err);
  while (st == AN_OK) {
    an_doc *doc = NULL;
    an_result *r = NULL;
    if ((st = an_reader_next(rd, &doc, err)) != AN_OK || !doc) break;
    st = an_extract_doc(res, ws, doc, 0, &r, err);
    if (st == AN_OK) st = an_result_write_jsonl(r, out, err);
    an_result_free(r);
    an_doc_free(doc);
  }
  if (rd) *skipped = an_reader_skipped(rd);
  an_workspace_free(ws);
  an_resources_free(res);
  an_reader_free(rd);
  return st;
}

int an_cmd_eval(const an_cli *cli, int argc, char **argv) {
  enum { OPT_JSON = 256, OPT_META, OPT_DATA_DIR, OPT_ACTORS };
  static const struct option longopts[] = {
      {"gold", required_argument, NULL, 'g'},
      {"pred", required_argument, NULL, 'p'},
      {"graph", required_argument, NULL, 'G'},
      {"json", no_argument, NULL, OPT_JSON},
      {"extract", no_argument, NULL, 'x'},
      {"meta", required_argument, NULL, OPT_META},
      {"data-dir", required_argument, NULL, OPT_DATA_DIR},
      {"actors", required_argument, NULL, OPT_ACTORS},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  const char *gold_dir = NULL, *pred = NULL, *graph = NULL;
  const char *meta = NULL, *data_dir = NULL, *actors = NULL;
  int json = 0, extract = 0, c;
  optind = 0;
  opterr = 0; /* our own message, naming the option */
  while ((c = getopt_long(argc, argv, ":g:p:G:xh", longopts, NULL)) != -1) {
    switch (c) {
    case 'g': gold_dir = optarg; break;
    case 'p': pred = optarg; break;
    case 'G': graph = optarg; break;
    case 'x': extract = 1; break;
    case OPT_JSON: json = 1; break;
    case OPT_META: meta = optarg; break;
    case OPT_DATA_DIR: data_dir = optarg; break;
    case OPT_ACTORS: actors = optarg; break;
    case 'h': eval_usage(stdout); return AN_EXIT_OK;
    case ':': an_cli_usage_error(cli, "eval", "option '%s' needs an argument", argv[optind - 1]); return AN_EXIT_INPUT;
    default: an_cli_usage_error(cli, "eval", "unknown option '%s'", argv[optind - 1]); return AN_EXIT_INPUT;
    }
  }
  if (!gold_dir) {
    an_cli_usage_error(cli, "eval", "--gold DIR is required");
    return AN_EXIT_INPUT;
  }
  if (extract) {
    if (pred || optind >= argc) {
      an_cli_usage_error(cli, "eval", "--extract takes documents as arguments (and no --pred)");
      return AN_EXIT_INPUT;
    }
  } else if (meta || data_dir || actors) {
    an_cli_usage_error(cli, "eval", "--meta, --data-dir and --actors go with --extract");
    return AN_EXIT_INPUT;
  } else if (optind < argc) {
    if (pred || argc - optind > 1) {
      an_cli_usage_error(cli, "eval", "give one events file");
      return AN_EXIT_INPUT;
    }
    pred = argv[optind];
  }
  if (!pred && !extract) {
    an_cli_usage_error(cli, "eval", "no events file to score");
    return AN_EXIT_INPUT;
  }

  an_error err;
  an_error_clear(&err);
  an_eval_gold *gold = NULL;
  an_eval_report *rep = NULL;
  FILE *in = NULL;
  an_buf out;
  an_buf_init(&out);
  size_t skipped = 0;
  an_status st = an_eval_gold_load(gold_dir, &gold, &err);
  if (st == AN_OK && extract) {
    /* the events go through a temporary file, as `extract -o` would write them */
    if (!(in = tmpfile())) st = an_error_set(&err, AN_EIO, NULL, 0, -1, "cannot create a temporary file");
    if (st == AN_OK)
      st = extract_inputs(cli, argv + optind, argc - optind, meta, data_dir, actors, in, &skipped,
                          &err);
    if (st == AN_OK && (fflush(in) != 0 || ferror(in) || fseek(in, 0, SEEK_SET) != 0))
      st = an_error_set(&err, AN_EIO, NULL, 0, -1, "cannot write the temporary events file");
    pred = "(extracted events)";
  } else if (st == AN_OK && (in = open_in(pred, &err)) == NULL) {
    st = err.code;
  }
  if (st == AN_OK) st = an_eval_score(gold, in, pred, &rep, &err);
  if (extract && in) fclose(in);
  else close_in(in);
  in = NULL;
  if (st == AN_OK && graph) {
    if ((in = open_in(graph, &err)) == NULL) st = err.code;
    else st = an_eval_graph(gold, in, graph, rep, &err);
    close_in(in);
  }
  if (st == AN_OK) {
    st = json ? an_eval_report_json(rep, &out) : an_eval_report_text(rep, &out);
    if (st != AN_OK) an_error_set(&err, st, NULL, 0, -1, "%s", an_status_str(st));
  }
  if (st == AN_OK && (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0))
    st = an_error_set(&err, AN_EIO, "-", 0, -1, "cannot write the report");
  if (st != AN_OK) an_cli_report(cli, &err);
  an_buf_free(&out);
  an_eval_report_free(rep);
  an_eval_gold_free(gold);
  if (st == AN_OK && skipped) {
    if (!cli->quiet) fprintf(stderr, "%s eval: %zu input(s) skipped\n", cli->prog, skipped);
    return AN_EXIT_INPUT;
  }
  return an_cli_exit_code(st);
}
