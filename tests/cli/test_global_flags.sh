#!/bin/bash
# test_global_flags.sh: -q/--quiet and -v/--verbose work before and after
# the command name, for every subcommand, and "--" stops their removal.
set -u
: "${ACTORNET:?}"
T=$(mktemp -d "${TMPDIR:-/tmp}/an-flags.XXXXXX")
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
export ACTORNET_DATA=$SRCDIR/data
for c in extract build render actors eval; do
  for f in -q --quiet -v --verbose; do
    "$ACTORNET" $c $f --help >/dev/null 2>"$T/err" || fail "$c $f --help: exit $?: $(cat "$T/err")"
  done
done
printf 'President Ana Ruiz met Prime Minister Lina Berg in Oslo. Ruiz praised Berg.\n' >"$T/a.txt"
# quiet after the command: no summary line on stderr
"$ACTORNET" extract -q "$T/a.txt" -o "$T/ev.jsonl" 2>"$T/err" || fail "extract -q: exit $?"
[ -s "$T/err" ] && fail "extract -q wrote to stderr: $(cat "$T/err")"
"$ACTORNET" extract "$T/a.txt" -o "$T/ev2.jsonl" 2>"$T/err" || fail "extract: exit $?"
[ -s "$T/err" ] || fail "extract without -q printed no summary"
"$ACTORNET" build "$T/ev.jsonl" -q -o "$T/g.json" 2>"$T/err" || fail "build -q: exit $?"
[ -s "$T/err" ] && fail "build -q wrote to stderr: $(cat "$T/err")"
grep -q '"links"' "$T/g.json" || fail "build -q wrote no graph"
# after "--", -q is an operand (here: a missing input file)
"$ACTORNET" extract -o "$T/x.jsonl" -- -q >/dev/null 2>"$T/err" && fail "extract -- -q should fail on the missing file '-q'"
grep -q -- "-q" "$T/err" || fail "missing '-q' file not named: $(cat "$T/err")"
# an unknown flag is still refused after the command
"$ACTORNET" build --no-such-flag 2>/dev/null
[ $? -eq 1 ] || fail "build --no-such-flag: want exit 1"
[ $fails -eq 0 ] && echo "global flags: ok"
exit $((fails > 0))
