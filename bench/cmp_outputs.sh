#!/bin/bash
# cmp_outputs.sh OLD NEW [SHARED]: builds every format of the reference event
# files (and of the seeds + dev documents when SHARED is given) with two
# actornet binaries and compares them byte for byte. Exit 1 on a difference.
set -u
OLD=$1 NEW=$2 SHARED=${3:-}
SRC=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
inputs=("$SRC/graphs/events.jsonl" "$SRC/tests/data/graph-events.jsonl")
if [ -n "$SHARED" ] && [ -d "$SHARED/corpus" ]; then
  "$NEW" extract "$SHARED/corpus/seeds" "$SHARED/corpus/dev" -o "$T/corpus.jsonl" 2>/dev/null
  inputs+=("$T/corpus.jsonl")
fi
bad=0
for i in "${!inputs[@]}"; do
  for opt in "" "--events" "--no-affiliations --min-weight 2"; do
    for b in old new; do
      bin=$OLD; [ $b = new ] && bin=$NEW
      mkdir -p "$T/$b"
      "$bin" build ${opt} "${inputs[$i]}" -o "$T/$b/" 2>/dev/null || echo "build failed: $b $i $opt"
    done
    for f in "$T"/old/*; do
      n=$(basename "$f")
      cmp -s "$f" "$T/new/$n" || { echo "DIFFER: ${inputs[$i]} [$opt] $n"; bad=1; }
    done
    rm -rf "$T/old" "$T/new"
  done
done
[ $bad = 0 ] && echo "all outputs identical (${#inputs[@]} inputs x 3 option sets)"
exit $bad
