/* cmd_render.c: `actornet render [options] EVENTS.jsonl... -o graph.svg`:
 * the graph drawn by Graphviz (SVG or PNG), with the same filters as build. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "actornet/graph.h"
#include "cli/cli.h"
#include "cli/cmd_graph.h"

/* Graphviz 2.42 and fontconfig keep caches they never free (layout and
 * font tables): leaks inside those libraries are theirs, not ours. */
#if defined(__SANITIZE_ADDRESS__)
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) {
  return "leak:libgvc.so\nleak:libcgraph.so\nleak:libfontconfig.so\nleak:libpango\nleak:libcairo.so\n"
         "leak:libglib-2.0.so\nleak:libgobject-2.0.so\nleak:libgvplugin_\nleak:libpathplan.so\n";
}
#endif

int an_cmd_render(const an_cli *cli, int argc, char **argv) {
  an_graph_cli gc;
  int rc = an_graph_cli_parse(cli, 1, argc, argv, &gc);
  if (rc >= 0) return rc;
  const char *out = gc.output ? gc.output : "-";
  an_format fmt = gc.format != AN_FORMAT_NONE ? gc.format : an_format_from_path(out);
  if (fmt == AN_FORMAT_NONE && strcmp(out, "-") == 0) fmt = AN_FORMAT_SVG;
  if (fmt != AN_FORMAT_SVG && fmt != AN_FORMAT_PNG) {
    an_cli_usage_error(cli, "render", "render writes SVG or PNG (use -o FILE.svg, FILE.png or --format)");
    return AN_EXIT_INPUT;
  }
  if (fmt == AN_FORMAT_PNG && strcmp(out, "-") == 0 && isatty(STDOUT_FILENO)) {
    an_cli_usage_error(cli, "render", "refusing to write PNG to a terminal (use -o FILE.png)");
    return AN_EXIT_INPUT;
  }
  an_model *m = NULL;
  an_graph *g = NULL;
  rc = an_graph_cli_load(cli, "render", &gc, &m, &g);
  if (rc != AN_EXIT_OK) return rc;
  an_error err;
  an_error_clear(&err);
  sigset_t sigs; /* no temporary file left by Ctrl-C while writing */
  an_cli_hold_signals(out, &sigs);
  an_status st = an_export_path(g, &gc.eopts, fmt, out, &err);
  an_cli_release_signals(&sigs);
  if (st != AN_OK) an_cli_report(cli, &err);
  an_graph_free(g);
  an_model_free(m);
  return an_cli_exit_code(st);
}
