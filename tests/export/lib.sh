# lib.sh: shared set-up for tests/export/test_*.sh (sourced, not run).
# Gives $W (a scratch directory removed on exit), $EV (the hand-written
# event set), $PY (Debian's python3, which has networkx and igraph) and
# fail/skip helpers. Skips (77) when the CLI has no `build` yet.
set -u
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
ACTORNET=${ACTORNET:-$SRCDIR/build/actornet}
EV=$SRCDIR/tests/data/graph-events.jsonl
PY=/usr/bin/python3
W=$(mktemp -d "${TMPDIR:-/tmp}/an_export.XXXXXX")
trap 'rm -rf "$W"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*" >&2; exit 77; }
[ -x "$ACTORNET" ] || skip "no actornet binary at $ACTORNET"
"$ACTORNET" build --help >/dev/null 2>&1 || skip "actornet has no build subcommand yet"
# Sanitizer builds: no LSan summary of the (suppressed) Graphviz leaks on stderr.
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}print_suppressions=0"
need_py() { "$PY" -c "import $1" 2>/dev/null || skip "$PY lacks $1"; }
