/* cmd_build.c: `actornet build [options] INPUT... -o OUT`: events JSONL in,
 * a graph out in any format (or every format into a directory). Also the
 * option parsing and input loading `actornet render` shares. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "actornet/extract.h"
#include "actornet/graph.h"
#include "actornet/io.h"
#include "actornet/store.h"
#include "cli/cli.h"
#include "cli/cmd_graph.h"
#include "core/core.h"
#include "graph/graph_internal.h"

static void usage(const an_cli *cli, int render) {
  const char *p = cli && cli->prog ? cli->prog : "actornet";
  if (render)
    printf("Usage: %s render [options] EVENTS.jsonl... -o GRAPH.svg|GRAPH.png\n"
           "Lay out and draw the actor network with Graphviz.\n\n", p);
  else
    printf("Usage: %s build [options] EVENTS.jsonl... [-o OUT]\n"
           "Build the actor network from events (the output of `%s extract`) and\n"
           "write it as GraphML, GEXF, DOT, JSON or CSV. Several inputs are merged:\n"
           "the result equals building from their union.\n\n", p, p);
  printf("Inputs are events JSONL files (from `%s extract`, '-' for stdin);\n"
         "documents (text files, folders, JSONL with \"text\") are extracted first,\n"
         "with --meta, --actors and --data-dir as in `%s extract`.\n\n", p, p);
  printf("Output:\n"
         "  -o, --output PATH      output file (format from its extension), '-' for\n"
         "                         stdout, or a directory (DIR/) for every format:\n"
         "                         graph.graphml graph.gexf graph.dot graph.json\n"
         "                         nodes.csv edges.csv\n"
         "  -f, --format NAME      graphml, gexf, dot, json, csv (edges), nodes, svg, png\n");
  if (render)
    printf("      --engine NAME      Graphviz layout engine (default: dot under 50 nodes,\n"
           "                         neato up to 300, sfdp above)\n");
  printf("      --db FILE          also read the events stored in FILE by\n"
         "                         'actornet extract --db' (then INPUT may be omitted)\n");
  printf("      --events-graph     one edge per event instead of one per\n"
         "                         (source, target, relation)\n"
         "      --no-affiliations  leave out person -> organization edges\n"
         "      --no-metrics       skip degree, PageRank, betweenness and communities\n"
         "                         (faster on very large graphs; written as 0)\n"
         "      --mixed            write symmetric relations (call, meet) as undirected\n"
         "                         edges (for Gephi; networkx cannot read that)\n"
         "      --gexf-version V   1.2 (default, read by networkx) or 1.3\n"
         "      --json-style S     node-link (default), graphology or cytoscape\n"
         "Filters:\n"
         "      --types LIST       relations to keep, comma-separated (call,meet,...,\n"
         "                         affiliation)\n"
         "      --since DATE       events on or after DATE (YYYY[-MM[-DD]])\n"
         "      --until DATE       events on or before DATE\n"
         "      --docs LIST        only these document ids (comma-separated)\n"
         "      --min-weight N     drop edges with fewer than N events\n"
         "      --focus ACTOR      ego network around ACTOR (id, name or alias)\n"
         "      --hops N           radius of the ego network (default 1)\n"
         "Documents:\n"
         "      --meta FILE        metadata JSONL (id, date, outlet, url) for text files\n"
         "      --actors FILE      extra or overriding actors (JSON)\n"
         "      --data-dir DIR     data directory (gazetteer, lexicon)\n"
         "  -j, --jobs N           threads reading events JSONL, filling the graph's edges\n"
         "                         and writing GraphML, GEXF, JSON and CSV (default 1;\n"
         "                         0 = one per CPU); the output is the same for any N\n"
         "  -h, --help             show this help\n\n"
         "Exit status: 0 ok, 1 bad input or usage, 2 internal or I/O error.\n");
}

enum {
  OPT_TYPES = 256, OPT_SINCE, OPT_UNTIL, OPT_DOCS, OPT_MINW, OPT_FOCUS, OPT_HOPS, OPT_NOAFF, OPT_EVENTS,
  OPT_MIXED, OPT_GEXFV, OPT_JSONSTYLE, OPT_ENGINE, OPT_META, OPT_DATA, OPT_ACTORS, OPT_NOMETRICS, OPT_DB
};

int an_graph_cli_parse(const an_cli *cli, int render, int argc, char **argv, an_graph_cli *gc) {
  const char *cmd = render ? "render" : "build";
  static const struct option longopts[] = {
      {"output", required_argument, NULL, 'o'},       {"format", required_argument, NULL, 'f'},
      {"help", no_argument, NULL, 'h'},               {"types", required_argument, NULL, OPT_TYPES},
      {"since", required_argument, NULL, OPT_SINCE},  {"until", required_argument, NULL, OPT_UNTIL},
      {"docs", required_argument, NULL, OPT_DOCS},    {"min-weight", required_argument, NULL, OPT_MINW},
      {"focus", required_argument, NULL, OPT_FOCUS},  {"hops", required_argument, NULL, OPT_HOPS},
      {"no-affiliations", no_argument, NULL, OPT_NOAFF}, {"events-graph", no_argument, NULL, OPT_EVENTS},
      {"mixed", no_argument, NULL, OPT_MIXED},        {"gexf-version", required_argument, NULL, OPT_GEXFV},
      {"json-style", required_argument, NULL, OPT_JSONSTYLE}, {"engine", required_argument, NULL, OPT_ENGINE},
      {"meta", required_argument, NULL, OPT_META},    {"data-dir", required_argument, NULL, OPT_DATA},
      {"actors", required_argument, NULL, OPT_ACTORS}, {"no-metrics", no_argument, NULL, OPT_NOMETRICS},
      {"db", required_argument, NULL, OPT_DB},        {"jobs", required_argument, NULL, 'j'},
      {NULL, 0, NULL, 0},
  };
  memset(gc, 0, sizeof *gc);
  an_graph_opts_init(&gc->gopts);
  gc->jobs = 1;
  optind = 0; /* glibc: full reset for the subcommand's own parse */
  opterr = 0;
  int c;
  char *end;
  while ((c = getopt_long(argc, argv, ":o:f:hj:", longopts, NULL)) != -1) {
    switch (c) {
    case 'j':
      if (an_cli_parse_jobs(cli, cmd, optarg, &gc->jobs) != 0) return AN_EXIT_INPUT;
      break;
    case 'o': gc->output = optarg; break;
    case 'f':
      gc->format = an_format_from_name(optarg);
      if (gc->format == AN_FORMAT_NONE) {
        an_cli_usage_error(cli, cmd, "unknown format '%s'", optarg);
        return AN_EXIT_INPUT;
      }
      break;
    case 'h': usage(cli, render); return AN_EXIT_OK;
    case OPT_TYPES: gc->gopts.types = optarg; break;
    case OPT_SINCE: gc->gopts.since = optarg; break;
    case OPT_UNTIL: gc->gopts.until = optarg; break;
    case OPT_DOCS: gc->gopts.docs = optarg; break;
    case OPT_MINW:
      gc->gopts.min_weight = strtod(optarg, &end);
      if (*end || gc->gopts.min_weight < 0) {
        an_cli_usage_error(cli, cmd, "--min-weight needs a number >= 0, not '%s'", optarg);
        return AN_EXIT_INPUT;
      }
      break;
    case OPT_FOCUS: gc->gopts.focus = optarg; break;
    case OPT_HOPS:
      gc->gopts.hops = (int)strtol(optarg, &end, 10);
      if (*end || gc->gopts.hops < 0) {
        an_cli_usage_error(cli, cmd, "--hops needs a whole number >= 0, not '%s'", optarg);
        return AN_EXIT_INPUT;
      }
      break;
    case OPT_NOAFF: gc->gopts.flags |= AN_GRAPH_NO_AFFILIATIONS; break;
    case OPT_EVENTS: gc->gopts.flags |= AN_GRAPH_EVENTS; break;
    case OPT_NOMETRICS: gc->gopts.flags |= AN_GRAPH_NO_METRICS; break;
    case OPT_MIXED: gc->eopts.flags |= AN_EXPORT_MIXED; break;
    case OPT_GEXFV:
      if (strcmp(optarg, "1.3") == 0) gc->eopts.flags |= AN_EXPORT_GEXF13;
      else if (strcmp(optarg, "1.2") != 0 && strcmp(optarg, "1.2draft") != 0) {
        an_cli_usage_error(cli, cmd, "--gexf-version is 1.2 or 1.3, not '%s'", optarg);
        return AN_EXIT_INPUT;
      }
      break;
    case OPT_JSONSTYLE:
      if (strcmp(optarg, "graphology") == 0) gc->eopts.json_style = AN_JSON_GRAPHOLOGY;
      else if (strcmp(optarg, "cytoscape") == 0) gc->eopts.json_style = AN_JSON_CYTOSCAPE;
      else if (strcmp(optarg, "node-link") != 0 && strcmp(optarg, "nodelink") != 0) {
        an_cli_usage_error(cli, cmd, "--json-style is node-link, graphology or cytoscape, not '%s'", optarg);
        return AN_EXIT_INPUT;
      }
      break;
    case OPT_ENGINE: gc->eopts.engine = optarg; break;
    case OPT_META: gc->meta = optarg; break;
    case OPT_DATA: gc->data_dir = optarg; break;
    case OPT_ACTORS: gc->actors = optarg; break;
    case OPT_DB: gc->db = optarg; break;
    case ':': an_cli_usage_error(cli, cmd, "option '%s' needs an argument", argv[optind - 1]); return AN_EXIT_INPUT;
    default: an_cli_usage_error(cli, cmd, "unknown option '%s'", argv[optind - 1]); return AN_EXIT_INPUT;
    }
  }
  gc->eopts.jobs = (unsigned)gc->jobs;
  gc->gopts.jobs = (unsigned)gc->jobs;
  gc->inputs = argv + optind;
  gc->n_inputs = argc - optind;
  if (gc->n_inputs == 0 && !gc->db) {
    an_cli_usage_error(cli, cmd, "no input (give events JSONL files, '-' for stdin, or --db FILE)");
    return AN_EXIT_INPUT;
  }
  return -1;
}

/* Documents (raw text, folders, JSONL with "text") are extracted first,
 * as `actornet extract` would. */
static void warn_doc(void *ctx, const an_error *w) {
  const an_cli *cli = ctx;
  if (cli && cli->quiet) return;
  fprintf(stderr, "%s: ", cli && cli->prog ? cli->prog : "actornet");
  if (w->path[0] && w->line > 0) fprintf(stderr, "%s:%ld: ", w->path, w->line);
  else if (w->path[0]) fprintf(stderr, "%s: ", w->path);
  fprintf(stderr, "warning: %s\n", w->msg[0] ? w->msg : an_status_str(w->code));
}

/* Extracts every document of paths one at a time into the model (memory
 * stays one document's events), as `actornet extract` would. */
static an_status extract_into(const an_cli *cli, const an_graph_cli *gc, an_model *m, char **paths, int n,
                              an_error *err) {
  an_reader *rd = NULL;
  an_resources *res = NULL;
  an_workspace *ws = NULL;
  an_reader_opts ro = {0};
  ro.warn = warn_doc;
  ro.warn_ctx = (void *)cli;
  an_status st = an_reader_new(&ro, &rd, err);
  for (int i = 0; st == AN_OK && i < n; i++) st = an_reader_add_path(rd, paths[i], err);
  if (st == AN_OK && gc->meta) st = an_reader_load_meta(rd, gc->meta, err);
  if (st == AN_OK)
    st = an_resources_load(gc->data_dir ? gc->data_dir : an_default_data_dir(), gc->actors, &res, err);
  if (st == AN_OK) st = an_workspace_new(res, &ws, err);
  an_doc *doc = NULL;
  while (st == AN_OK && (st = an_reader_next(rd, &doc, err)) == AN_OK && doc) {
    an_result *r = NULL;
    char *mem = NULL;
    size_t len = 0;
    st = an_extract_doc(res, ws, doc, 0, &r, err);
    FILE *f = st == AN_OK ? open_memstream(&mem, &len) : NULL;
    if (st == AN_OK && !f) st = an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
    if (f) {
      st = an_result_write_jsonl(r, f, err);
      if (fclose(f) != 0 && st == AN_OK) st = an_error_set(err, AN_ENOMEM, NULL, 0, -1, "out of memory");
    }
    if (st == AN_OK) st = an_model_feed(m, mem, len, doc->path, err);
    free(mem); /* open_memstream allocates with malloc */
    an_result_free(r);
    an_doc_free(doc);
    doc = NULL;
  }
  an_workspace_free(ws);
  an_resources_free(res);
  an_reader_free(rd);
  return st;
}

/* One input: events JSONL go straight into the model; anything else
 * (text, documents JSONL, a folder) is a document input: *raw = 1.
 * Events are read in blocks of whole lines and fed as they come, so memory
 * holds the model, not the input file. */
#define FEED_BLOCK (4u << 20)

static an_status load_input(an_model *m, const char *path, long jobs, int *raw, an_error *err) {
  *raw = 0;
  struct stat sb;
  if (strcmp(path, "-") != 0 && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
    *raw = 1;
    return AN_OK;
  }
  int is_stdin = strcmp(path, "-") == 0;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) return an_error_set(err, AN_EIO, path, 0, -1, "cannot open: %s", strerror(errno));
  an_buf b;
  an_buf_init(&b);
  an_feeder *feeder = NULL;
  an_status st = an_feeder_new(m, path, (size_t)jobs, &feeder, err);
  int decided = 0, eof = 0;
  size_t skip = 0; /* bytes of b already scanned for the first line's end */
  while (st == AN_OK && !eof) {
    if ((st = an_buf_reserve(&b, FEED_BLOCK)) != AN_OK) {
      an_error_set(err, st, path, 0, -1, "out of memory reading file");
      break;
    }
    size_t n = fread(b.data + b.len, 1, FEED_BLOCK, f);
    b.len += n;
    if (n == 0) {
      if (ferror(f)) {
        st = an_error_set(err, AN_EIO, path, 0, -1, "read error: %s", strerror(errno));
        break;
      }
      eof = 1;
    }
    if (!decided) {
      /* the kind of input shows on its first non-blank line: read until it is whole */
      size_t a = 0;
      while (a < b.len && (b.data[a] == ' ' || b.data[a] == '\t' || b.data[a] == '\r' || b.data[a] == '\n')) a++;
      if (a > skip) skip = a;
      const char *nl = skip < b.len ? memchr(b.data + skip, '\n', b.len - skip) : NULL;
      if (!nl && !eof) {
        skip = b.len;
        continue;
      }
      decided = 1;
      if (b.len && !an_jsonl_is_events(b.data, b.len)) {
        if (is_stdin)
          st = an_error_set(err, AN_EDATA, path, 0, -1, "standard input holds documents, not events: use 'actornet extract - | actornet build -'");
        else *raw = 1;
        break;
      }
    }
    /* feed whole lines; keep a partial last line for the next block */
    size_t upto = b.len;
    if (!eof) {
      while (upto > 0 && b.data[upto - 1] != '\n') upto--;
    }
    if (upto) /* lines numbered by the feeder's threads, not counted here */
      st = an_feeder_push(feeder, &b, upto, err); /* b keeps the partial last line */
  }
  if (st == AN_OK && feeder) st = an_feeder_finish(feeder, err);
  an_feeder_free(feeder);
  if (!is_stdin) fclose(f);
  an_buf_free(&b);
  return st;
}

/* --db: the store's records go into the model as the JSONL they were
 * stored from (an_store_scan gives back the extracted lines byte for byte),
 * so building from a store equals building from the extract output. All in
 * one call, as for a file: an_model_add_jsonl joins the whole model after
 * each call, so many small calls would cost quadratic time. */
static int db_line(void *ctx, const char *line, size_t len) {
  an_buf *b = ctx;
  return an_buf_append(b, line, len) != AN_OK || an_buf_putc(b, '\n') != AN_OK;
}

static an_status load_db(an_model *m, const char *path, an_error *err) {
  an_store *store = NULL;
  an_status st = an_store_open(path, AN_STORE_READONLY, &store, err);
  if (st != AN_OK) return st;
  an_buf b;
  an_buf_init(&b);
  st = an_store_scan(store, NULL, db_line, &b, err);
  if (st == AN_EINTR) st = an_error_set(err, AN_ENOMEM, path, 0, -1, "out of memory");
  an_store_free(store);
  if (st == AN_OK && b.len) st = an_model_add_jsonl(m, b.data, b.len, path, err);
  an_buf_free(&b);
  return st;
}

int an_graph_cli_load(const an_cli *cli, const char *cmd, const an_graph_cli *gc, an_model **mout, an_graph **gout) {
  double t0 = an_cli_cpu_now(), t1 = t0, t2 = t0, w0 = an_cli_wall_now(), w1 = w0, w2 = w0;
  an_error err;
  an_error_clear(&err);
  an_model *m = NULL;
  an_graph *g = NULL;
  char **raw = an_calloc((size_t)gc->n_inputs + 1, sizeof *raw);
  int n_raw = 0;
  an_status st = raw ? an_model_new(&m, &err) : an_error_set(&err, AN_ENOMEM, NULL, 0, -1, "out of memory");
  if (st == AN_OK && gc->db) st = load_db(m, gc->db, &err);
  for (int i = 0; st == AN_OK && i < gc->n_inputs; i++) {
    int is_raw = 0;
    st = load_input(m, gc->inputs[i], gc->jobs, &is_raw, &err);
    if (is_raw) raw[n_raw++] = gc->inputs[i];
  }
  if (st == AN_OK && n_raw) st = extract_into(cli, gc, m, raw, n_raw, &err);
  an_free(raw);
  t1 = an_cli_cpu_now(), w1 = an_cli_wall_now();
  if (st == AN_OK) st = an_model_finish(m, &err); /* one join for all inputs */
  t2 = an_cli_cpu_now(), w2 = an_cli_wall_now();
  an_graph_opts go = gc->gopts;
  if (strcmp(cmd, "render") == 0) go.flags |= AN_GRAPH_NO_EVENT_LISTS; /* pictures list no events */
  if (st == AN_OK) st = an_graph_build(m, &go, &g, &err);
  if (st == AN_OK && cli && cli->verbose)
    fprintf(stderr, "%s %s: cpu seconds: read %.2f, join %.2f, graph %.2f\n", cli->prog ? cli->prog : "actornet", cmd,
            t1 - t0, t2 - t1, an_cli_cpu_now() - t2);
  if (st == AN_OK && cli && cli->verbose)
    fprintf(stderr, "%s %s: wall seconds: read %.2f, join %.2f, graph %.2f\n", cli->prog ? cli->prog : "actornet",
            cmd, w1 - w0, w2 - w1, an_cli_wall_now() - w2);
  if (st != AN_OK) {
    an_cli_report(cli, &err);
    an_graph_free(g);
    an_model_free(m);
    return an_cli_exit_code(st);
  }
  *mout = m;
  *gout = g;
  return AN_EXIT_OK;
}

int an_cmd_build(const an_cli *cli, int argc, char **argv) {
  an_graph_cli gc;
  int rc = an_graph_cli_parse(cli, 0, argc, argv, &gc);
  if (rc >= 0) return rc;
  if (gc.format == AN_FORMAT_SVG || gc.format == AN_FORMAT_PNG) {
    an_cli_usage_error(cli, "build", "pictures are made by 'actornet render'");
    return AN_EXIT_INPUT;
  }
  an_model *m = NULL;
  an_graph *g = NULL;
  const char *out = gc.output ? gc.output : "-";
  an_format fmt = gc.format;
  if (fmt == AN_FORMAT_NONE && strcmp(out, "-") == 0) fmt = AN_FORMAT_JSON;
  /* Only JSON lists each edge's events: other outputs skip keeping them
   * (8 bytes an event). A directory gets JSON too. */
  struct stat sb;
  size_t ol = strlen(out);
  int dir = fmt == AN_FORMAT_NONE && ((ol && out[ol - 1] == '/') || (stat(out, &sb) == 0 && S_ISDIR(sb.st_mode)));
  an_format eff = fmt != AN_FORMAT_NONE ? fmt : an_format_from_path(out);
  if (!dir && eff != AN_FORMAT_JSON) gc.gopts.flags |= AN_GRAPH_NO_EVENT_LISTS;
  rc = an_graph_cli_load(cli, "build", &gc, &m, &g);
  if (rc != AN_EXIT_OK) return rc;
  an_error err;
  an_error_clear(&err);
  double t0 = an_cli_cpu_now(), w0 = an_cli_wall_now();
  sigset_t sigs; /* no temporary file left by Ctrl-C while writing */
  an_cli_hold_signals(out, &sigs);
  an_status st = an_export_path(g, &gc.eopts, fmt, out, &err);
  an_cli_release_signals(&sigs);
  if (st == AN_OK && cli && cli->verbose)
    fprintf(stderr, "%s build: cpu seconds: export %.2f (wall %.2f)\n", cli->prog ? cli->prog : "actornet",
            an_cli_cpu_now() - t0, an_cli_wall_now() - w0);
  if (st != AN_OK) an_cli_report(cli, &err);
  else if (cli && cli->verbose)
    fprintf(stderr, "%s build: %zu actors, %zu edges, %zu events from %zu documents\n",
            cli->prog ? cli->prog : "actornet", an_graph_node_count(g), an_graph_edge_count(g),
            an_model_event_count(m), an_model_doc_count(m));
  an_graph_free(g);
  an_model_free(m);
  return an_cli_exit_code(st);
}
