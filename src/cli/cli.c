/* cli.c: messages, exit codes and option pieces shared by the subcommands. */
#include <errno.h>
#include <stdarg.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"

void an_cli_report(const an_cli *cli, const an_error *err) {
  const char *prog = cli && cli->prog ? cli->prog : "actornet";
  fprintf(stderr, "%s: ", prog);
  if (err->path[0]) {
    fputs(err->path, stderr);
    if (err->line > 0) fprintf(stderr, ":%ld", err->line);
    else if (err->offset >= 0) fprintf(stderr, ": byte %ld", err->offset);
    fputs(": ", stderr);
  }
  fprintf(stderr, "%s\n", err->msg[0] ? err->msg : an_status_str(err->code));
}

void an_cli_warn(const an_cli *cli, const an_error *w) {
  const char *prog = cli && cli->prog ? cli->prog : "actornet";
  fprintf(stderr, "%s: ", prog);
  if (w->path[0]) {
    fputs(w->path, stderr);
    if (w->line > 0) fprintf(stderr, ":%ld", w->line);
    fputs(": ", stderr);
  }
  fprintf(stderr, "warning: %s\n", w->msg[0] ? w->msg : an_status_str(w->code));
}

void an_cli_usage_error(const an_cli *cli, const char *cmd, const char *fmt, ...) {
  const char *prog = cli && cli->prog ? cli->prog : "actornet";
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "%s %s: ", prog, cmd);
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\nTry '%s %s --help'.\n", prog, cmd);
  va_end(ap);
}

int an_cli_exit_code(an_status st) {
  switch (st) {
  case AN_OK: return AN_EXIT_OK;
  case AN_EDATA:
  case AN_EINVAL:
  case AN_ENOTFOUND:
  case AN_ELIMIT: return AN_EXIT_INPUT;
  default: return AN_EXIT_INTERNAL;
  }
}

void an_cli_hold_signals(const char *output, sigset_t *saved) {
  sigemptyset(saved);
  if (!output || strcmp(output, "-") == 0) {
    pthread_sigmask(SIG_SETMASK, NULL, saved); /* release restores it as is */
    return;
  }
  sigset_t hold;
  sigemptyset(&hold);
  sigaddset(&hold, SIGINT);
  sigaddset(&hold, SIGTERM);
  sigaddset(&hold, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &hold, saved);
}

void an_cli_release_signals(const sigset_t *saved) { pthread_sigmask(SIG_SETMASK, saved, NULL); }

int an_cli_parse_jobs(const an_cli *cli, const char *cmd, const char *arg, long *jobs) {
  char *end;
  errno = 0;
  long n = strtol(arg, &end, 10);
  if (errno || *end || end == arg || n < 0 || n > AN_CLI_MAX_JOBS) {
    an_cli_usage_error(cli, cmd, "--jobs wants a number from 0 to %d, not '%s'", AN_CLI_MAX_JOBS, arg);
    return -1;
  }
  if (n == 0) {
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    n = cpus > 0 ? cpus : 1;
  }
  *jobs = n;
  return 0;
}

static double seconds_on(clockid_t clock) {
  struct timespec ts;
  if (clock_gettime(clock, &ts) != 0) return 0;
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double an_cli_wall_now(void) { return seconds_on(CLOCK_MONOTONIC); }

double an_cli_cpu_now(void) { return seconds_on(CLOCK_PROCESS_CPUTIME_ID); }
