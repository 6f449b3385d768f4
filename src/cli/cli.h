/* cli.h: what every subcommand shares: exit codes, messages, the data
 * directory option. Only src/cli prints or exits (style.md section 6).
 *
 * Exit codes (issue 3, documented in --help and the man page):
 *   0  success
 *   1  bad input or usage (unknown flag, missing argument, skipped input)
 *   2  internal or I/O error (cannot write output, out of memory, a bug) */
#ifndef AN_CLI_H
#define AN_CLI_H

#include <signal.h>

#include "actornet/error.h"

enum { AN_EXIT_OK = 0, AN_EXIT_INPUT = 1, AN_EXIT_INTERNAL = 2 };

/* Global settings every subcommand sees (parsed by main.c before it). */
typedef struct an_cli {
  const char *prog;     /* "actornet" */
  int quiet;            /* --quiet: no progress, no warnings summary */
  int verbose;          /* --verbose */
} an_cli;

/* Each subcommand: argv[0] is its name; returns an exit code. */
typedef int (*an_cmd_fn)(const an_cli *cli, int argc, char **argv);

int an_cmd_extract(const an_cli *cli, int argc, char **argv);
int an_cmd_build(const an_cli *cli, int argc, char **argv);
int an_cmd_render(const an_cli *cli, int argc, char **argv);
int an_cmd_actors(const an_cli *cli, int argc, char **argv);
int an_cmd_eval(const an_cli *cli, int argc, char **argv);

/* "actornet: PATH:LINE: MSG" (parts that are unknown are left out). */
void an_cli_report(const an_cli *cli, const an_error *err);
/* "actornet: PATH:LINE: warning: MSG" for a skipped or repaired input. */
void an_cli_warn(const an_cli *cli, const an_error *w);
/* "actornet CMD: MSG" plus "Try 'actornet CMD --help'." on stderr. */
void an_cli_usage_error(const an_cli *cli, const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Holds SIGINT, SIGTERM and SIGHUP while an output file is written
 * through a temporary file and renamed (an_outfile, an_export_path): a
 * signal that comes meanwhile lands after the commit or abort, so it never
 * leaves a temporary file or half an output (the process still dies of
 * it). Not for "-": a stalled reader of stdout must stay interruptible.
 * release restores the mask hold saved. */
void an_cli_hold_signals(const char *output, sigset_t *saved);
void an_cli_release_signals(const sigset_t *saved);

/* Exit code for a status: data problems -> 1, everything else -> 2. */
int an_cli_exit_code(an_status st);

/* -j/--jobs N of extract and build: 0 .. AN_CLI_MAX_JOBS threads, 0 = one
 * per online CPU. Returns 0 with *jobs set (>= 1), or -1 after a usage
 * error for cmd. */
#define AN_CLI_MAX_JOBS 256
int an_cli_parse_jobs(const an_cli *cli, const char *cmd, const char *arg, long *jobs);

/* Wall-clock seconds on a monotonic clock (progress lines, --verbose
 * phase times); 0 if the clock fails. */
double an_cli_wall_now(void);

/* CPU seconds of the process so far (--verbose phase times); 0 if the
 * clock fails. */
double an_cli_cpu_now(void);

#endif
