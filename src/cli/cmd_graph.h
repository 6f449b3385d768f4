/* cmd_graph.h: options and input loading shared by `actornet build` and
 * `actornet render` (both read events, filter, and write a graph). */
#ifndef AN_CMD_GRAPH_H
#define AN_CMD_GRAPH_H

#include "actornet/graph.h"
#include "cli/cli.h"

typedef struct an_graph_cli {
  an_graph_opts gopts;
  an_export_opts eopts;
  const char *output; /* -o; NULL = stdout */
  an_format format;   /* --format; NONE = from the output's extension */
  const char *meta, *data_dir, *actors; /* for raw input that must be extracted first */
  const char *db;     /* --db: read events from this store (besides any inputs) */
  char **inputs;
  int n_inputs;
  long jobs;          /* -j: threads parsing events (1 = none; the model is the same for any) */
} an_graph_cli;

/* Parses argv (argv[0] = the subcommand). Returns -1 to go on, or an exit
 * code (0 after --help). render = 1 for `actornet render`. */
int an_graph_cli_parse(const an_cli *cli, int render, int argc, char **argv, an_graph_cli *out);

/* Reads every input into a new model and builds the graph view.
 * Returns an exit code; on 0, *m and *g are the caller's. */
int an_graph_cli_load(const an_cli *cli, const char *cmd, const an_graph_cli *gc, an_model **m, an_graph **g);

#endif
