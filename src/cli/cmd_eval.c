/* cmd_eval.c: `actornet eval`: scores events against a gold directory
 * (annotation.md §5) and prints the report score.py prints, text or JSON. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/core.h"
#include "extract/eval.h"

static void eval_usage(FILE *out) {
  fputs("Usage: actornet eval --gold DIR [--json] [--graph GRAPH.json] [--pred] EVENTS.jsonl\n"
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
        "  -h, --help           show this help\n"
        "\n"
        "Exit status: 0 scored, 1 bad input or usage, 2 I/O or internal error.\n",
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

int an_cmd_eval(const an_cli *cli, int argc, char **argv) {
  static const struct option longopts[] = {
      {"gold", required_argument, NULL, 'g'}, {"pred", required_argument, NULL, 'p'},
      {"graph", required_argument, NULL, 'G'}, {"json", no_argument, NULL, 'j'},
      {"help", no_argument, NULL, 'h'},        {NULL, 0, NULL, 0}};
  const char *gold_dir = NULL, *pred = NULL, *graph = NULL;
  int json = 0, c;
  optind = 0;
  while ((c = getopt_long(argc, argv, "g:p:G:h", longopts, NULL)) != -1) {
    switch (c) {
    case 'g': gold_dir = optarg; break;
    case 'p': pred = optarg; break;
    case 'G': graph = optarg; break;
    case 'j': json = 1; break;
    case 'h': eval_usage(stdout); return AN_EXIT_OK;
    default: an_cli_usage_error(cli, "eval", "unknown or incomplete option"); return AN_EXIT_INPUT;
    }
  }
  if (!gold_dir) {
    an_cli_usage_error(cli, "eval", "--gold DIR is required");
    return AN_EXIT_INPUT;
  }
  if (optind < argc) {
    if (pred || argc - optind > 1) {
      an_cli_usage_error(cli, "eval", "give one events file");
      return AN_EXIT_INPUT;
    }
    pred = argv[optind];
  }
  if (!pred) {
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
  an_status st = an_eval_gold_load(gold_dir, &gold, &err);
  if (st == AN_OK && (in = open_in(pred, &err)) == NULL) st = err.code;
  if (st == AN_OK) st = an_eval_score(gold, in, pred, &rep, &err);
  close_in(in);
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
  return an_cli_exit_code(st);
}
