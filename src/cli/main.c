/* main.c: global options, then dispatch to a subcommand (git style).
 * Global options stop at the first non-option (optstring "+..."); the
 * subcommand then parses its own options from optind = 0. */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "actornet/actornet.h"
#include "cli/cli.h"

/* One line per subcommand; a command's file adds its line here. */
static const struct {
  const char *name;
  an_cmd_fn fn;
  const char *summary;
} commands[] = {
    {"extract", an_cmd_extract, "read documents, write actors and events as JSON Lines"},
    {"build", an_cmd_build, "build the actor network from events; GraphML, GEXF, DOT, JSON, CSV"},
    {"render", an_cmd_render, "draw the actor network as SVG or PNG (Graphviz)"},
    {"actors", an_cmd_actors, "list the resolved actors: ids, labels, kinds, aliases, counts, affiliations"},
    {"eval", an_cmd_eval, "score events against gold annotations (P/R/F1)"},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *out) {
  fprintf(out,
          "Usage: actornet [--quiet|--verbose] COMMAND [OPTIONS] [ARGS]\n"
          "       actornet --help | --version | help COMMAND\n"
          "\n"
          "Builds networks of who did what to whom from news text.\n"
          "\n"
          "Commands:\n");
  for (size_t i = 0; i < N_COMMANDS; i++) fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
  fprintf(out,
          "\n"
          "Global options:\n"
          "  -q, --quiet    no progress or summary on stderr\n"
          "  -v, --verbose  more detail on stderr\n"
          "  -h, --help     show this help and exit\n"
          "      --version  show the version and exit\n"
          "\n"
          "Run 'actornet COMMAND --help' for a command's options.\n"
          "\n"
          "Exit status: 0 ok; 1 bad input or usage (unknown option, missing file,\n"
          "skipped input); 2 internal or I/O error (e.g. cannot write the output).\n");
}

static an_cmd_fn find_command(const char *name) {
  for (size_t i = 0; i < N_COMMANDS; i++)
    if (strcmp(commands[i].name, name) == 0) return commands[i].fn;
  return NULL;
}

static int unknown_command(const char *name) {
  fprintf(stderr, "actornet: '%s' is not an actornet command.\nCommands:", name);
  for (size_t i = 0; i < N_COMMANDS; i++) fprintf(stderr, " %s", commands[i].name);
  fprintf(stderr, "\nTry 'actornet --help'.\n");
  return AN_EXIT_INPUT;
}

/* The global -q/--quiet and -v/--verbose are also taken after the command
 * name ("actornet build -q ..."), so every subcommand accepts them the same
 * way. They are removed from the subcommand's argv (up to a "--"), which
 * then never sees them. Returns the new argc. */
static int take_global_flags(an_cli *cli, int argc, char **argv) {
  int out = 1;
  int i = 1;
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--") == 0) break;
    if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
      cli->quiet = 1;
      continue;
    }
    if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
      cli->verbose++;
      continue;
    }
    argv[out++] = argv[i];
  }
  for (; i < argc; i++) argv[out++] = argv[i];
  argv[out] = NULL;
  return out;
}

int main(int argc, char **argv) {
  /* JSON, GraphML and igraph's readers need '.' decimals whatever the
   * user's locale (formats.md section 6). */
  setlocale(LC_ALL, "C");
  an_cli cli = {"actornet", 0, 0};
  static const struct option opts[] = {
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},
      {NULL, 0, NULL, 0},
  };
  opterr = 0; /* our own messages, in the usual format */
  int c;
  while ((c = getopt_long(argc, argv, "+hqv", opts, NULL)) != -1) {
    switch (c) {
    case 'h':
      usage(stdout);
      return fflush(stdout) == 0 ? AN_EXIT_OK : AN_EXIT_INTERNAL;
    case 'V':
      printf("actornet %s\n", an_version_string());
      return fflush(stdout) == 0 ? AN_EXIT_OK : AN_EXIT_INTERNAL;
    case 'q':
      cli.quiet = 1;
      break;
    case 'v':
      cli.verbose++;
      break;
    default:
      if (optopt) fprintf(stderr, "actornet: unknown option '-%c'\n", optopt);
      else fprintf(stderr, "actornet: unknown option '%s'\n", argv[optind - 1]);
      fprintf(stderr, "Try 'actornet --help'.\n");
      return AN_EXIT_INPUT;
    }
  }
  if (optind >= argc) {
    usage(stderr);
    return AN_EXIT_INPUT;
  }
  const char *name = argv[optind];
  if (strcmp(name, "help") == 0) {
    if (optind + 1 >= argc) {
      usage(stdout);
      return AN_EXIT_OK;
    }
    an_cmd_fn fn = find_command(argv[optind + 1]);
    if (!fn) return unknown_command(argv[optind + 1]);
    char *hargv[] = {argv[optind + 1], "--help", NULL};
    optind = 0;
    return fn(&cli, 2, hargv);
  }
  an_cmd_fn fn = find_command(name);
  if (!fn) return unknown_command(name);
  int sub_argc = argc - optind;
  char **sub_argv = argv + optind;
  sub_argc = take_global_flags(&cli, sub_argc, sub_argv);
  optind = 0; /* glibc: a full reset for the subcommand's getopt_long */
  return fn(&cli, sub_argc, sub_argv);
}
