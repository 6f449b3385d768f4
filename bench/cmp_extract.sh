#!/bin/bash
# cmp_extract.sh OLD NEW [SHARED]: runs `extract` of two actornet binaries on
# the same inputs and compares the outputs byte for byte (a speed change must
# not change a byte): the examples, the fuzz seed texts, the seeds + dev
# documents (when SHARED is given), and the generated corpora cached in
# bench/corpus/ (bench/run makes them); events with -j 1 and -j 2, and the
# sentences with their tokens (--sentences --tokens). Exit 1 on a difference.
set -u
OLD=$1 NEW=$2 SHARED=${3:-}
SRC=$(cd "$(dirname "$0")/.." && pwd)
export ACTORNET_DATA=${ACTORNET_DATA:-$SRC/data}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
inputs=()
for d in "$SRC"/examples/articles "$SRC"/examples/*/articles "$SRC"/tests/fuzz/corpus/extract "$SRC"/tests/fuzz/corpus/text; do
  [ -d "$d" ] && inputs+=("$d")
done
if [ -n "$SHARED" ] && [ -d "$SHARED/corpus" ]; then
  inputs+=("$SHARED/corpus/seeds" "$SHARED/corpus/dev")
fi
for c in "$SRC"/bench/corpus/corpus-*.jsonl; do
  [ -f "$c" ] || continue
  # the 100 MB and 1 GB corpora take minutes: only when asked (CMP_BIG=1)
  [ "$(stat -L -c %s "$c")" -gt 20000000 ] && [ "${CMP_BIG:-0}" != 1 ] && continue
  inputs+=("$c")
done
bad=0 n=0
for in in "${inputs[@]}"; do
  for mode in "-j 1" "-j 2" "--sentences --tokens"; do
    # the token dump of a big corpus is large and adds nothing to the events
    case "$mode" in --sent*) [ -f "$in" ] && [ "$(stat -L -c %s "$in")" -gt 20000000 ] && continue ;; esac
    for b in old new; do
      bin=$OLD; [ $b = new ] && bin=$NEW
      # shellcheck disable=SC2086
      "$bin" extract -q $mode "$in" -o "$T/$b.out" 2>"$T/$b.err"
      echo "exit $?" >>"$T/$b.err"
    done
    n=$((n + 1))
    if ! cmp -s "$T/old.out" "$T/new.out" || ! cmp -s "$T/old.err" "$T/new.err"; then
      echo "DIFFER: $in [$mode]"
      bad=1
    fi
  done
done
[ $bad = 0 ] && echo "all extract outputs identical ($n runs: ${#inputs[@]} inputs)"
exit $bad
