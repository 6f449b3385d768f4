#!/bin/bash
# test_floors.sh: the quality floors of issue 5, measured with the shared
# scorer on the extractor's output: seeds core F1 >= 0.90 and all >= 0.75;
# dev core F1 >= 0.75 and all >= 0.60. Skipped (77) when ../shared, python3
# or the `extract` subcommand is not there.
set -u
SHARED=${SHARED:-$SRCDIR/../shared}
[ -d "$SHARED/corpus/seeds" ] && [ -f "$SHARED/tools/score.py" ] || { echo "no shared corpus"; exit 77; }
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
"$ACTORNET" extract --help >/dev/null 2>&1 || { echo "no extract subcommand"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ACTORNET_DATA="$SRCDIR/data"

check() { # name gold pred core_floor all_floor
  local out
  out=$(python3 "$SHARED/tools/score.py" --gold "$2" --pred "$3") || { echo "$1: scorer failed"; return 1; }
  local line
  line=$(printf '%s\n' "$out" | tail -1)
  echo "$1: $line"
  python3 - "$line" "$4" "$5" <<'PY'
import re, sys
line, core_floor, all_floor = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
m = re.search(r"core F1: ([0-9.]+)\s+all F1: ([0-9.]+)", line)
if not m:
    sys.exit("cannot read the score line")
core, al = float(m.group(1)), float(m.group(2))
if core < core_floor or al < all_floor:
    sys.exit(f"below the floor: core {core} < {core_floor} or all {al} < {all_floor}")
PY
}

fail=0
"$ACTORNET" extract "$SHARED/corpus/seeds" -o "$tmp/seeds.jsonl" || { echo "extract seeds failed"; exit 1; }
check seeds "$SHARED/gold/seeds" "$tmp/seeds.jsonl" 0.90 0.75 || fail=1
if [ -d "$SHARED/corpus/dev" ]; then
  "$ACTORNET" extract --meta "$SHARED/meta/dev.jsonl" "$SHARED/corpus/dev" -o "$tmp/dev.jsonl" || { echo "extract dev failed"; exit 1; }
  check dev "$SHARED/gold/dev" "$tmp/dev.jsonl" 0.75 0.60 || fail=1
fi
exit $fail
