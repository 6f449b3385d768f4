# lib.sh: helpers sourced by the CLI tests (not a test itself: no test_ prefix).
# Each test runs actornet ($ACTORNET) in a fresh scratch folder and checks
# exit status, stdout and stderr; the first failed check is reported and the
# test goes on, exiting 1 at the end if anything failed.
set -u
: "${ACTORNET:?set ACTORNET to the actornet binary}"
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
T=$(mktemp -d "${TMPDIR:-/tmp}/actornet-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
FAILS=0
CHECKS=0

fail() { FAILS=$((FAILS + 1)); echo "FAIL: $*" >&2; }

# run CMD...: runs it, keeping stdout in $T/out, stderr in $T/err, status in $rc.
run() { "$@" >"$T/out" 2>"$T/err"; rc=$?; }

expect_rc() {
  CHECKS=$((CHECKS + 1))
  [ "$rc" -eq "$1" ] || { fail "${2:-command}: exit $rc, want $1"; sed 's/^/  stderr: /' "$T/err" | head -5 >&2; }
}
expect_err() { # grep -E pattern in stderr
  CHECKS=$((CHECKS + 1))
  grep -Eq -- "$1" "$T/err" || { fail "${2:-stderr}: no /$1/ in stderr"; sed 's/^/  stderr: /' "$T/err" | head -5 >&2; }
}
expect_out() { # grep -E pattern in stdout
  CHECKS=$((CHECKS + 1))
  grep -Eq -- "$1" "$T/out" || { fail "${2:-stdout}: no /$1/ in stdout"; head -c 600 "$T/out" | sed 's/^/  stdout: /' >&2; }
}
expect_no_out() {
  CHECKS=$((CHECKS + 1))
  [ ! -s "$T/out" ] || fail "${1:-stdout}: stdout not empty"
}
check() { # check DESCRIPTION CMD...: CMD must succeed
  local what=$1; shift
  CHECKS=$((CHECKS + 1))
  "$@" || fail "$what"
}

# py DESCRIPTION CODE [FILE]: python3 CODE must exit 0; it sees `recs` (the
# JSON records of FILE, default stdout of the last run), `docs` and `sents`.
py() {
  CHECKS=$((CHECKS + 1))
  {
    printf '%s\n' 'import json, sys' \
      'recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]' \
      'docs = [r for r in recs if r.get("record") == "document"]' \
      'sents = [r for r in recs if r.get("record") == "sentence"]'
    printf '%s\n' "$2"
  } >"$T/check.py"
  python3 "$T/check.py" "${3:-$T/out}" >&2 || fail "$1"
}

finish() {
  echo "$CHECKS checks, $FAILS failed" >&2
  [ "$FAILS" -eq 0 ]
  exit $?
}
