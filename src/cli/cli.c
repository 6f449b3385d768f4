/* cli.c: messages and exit codes shared by the subcommands. */
#include <stdarg.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

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
