#!/usr/bin/env bash
# test_jobs.sh: `actornet build -j N` (events parsed on N threads, applied in
# input order; records of every format but DOT formatted on N threads and
# written in order) writes the same bytes for every N, and reports a broken line
# with the same line, column and message: an events file of several read
# blocks (over 4 MB) from bench/gen_events.py, with escapes and non-ASCII
# text added, in JSON and GraphML.
set -u
: "${ACTORNET:?}" "${SRCDIR:?}"
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/an-jobs-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0

python3 "$SRCDIR/bench/gen_events.py" --events 9000 --actors 300 --seed 3 -o "$work/gen.jsonl" || exit 1
cat >>"$work/gen.jsonl" <<'JSONL'
{"record":"document","id":"x1","date":"2024-05-06T10:00","actors":[{"id":"jos\u00e9-ruiz","label":"Jos\u00e9 \"Pepe\" Ruiz","kind":"person","mentions":3,"key":"ruiz|jos\u00e9","aliases":["Jos\u00e9 Ruiz","Ruiz"]},{"id":"north-front","label":"North Front","kind":"organization","mentions":1}],"affiliations":[{"person":"jos\u00e9-ruiz","org":"north-front","role":"head"}]}
{"record":"event","id":"x1e1","doc":"x1","type":"meet","source":{"id":"jos\u00e9-ruiz","label":"Jos\u00e9 Ruiz"},"target":{"id":"north-front"},"sentence":"Tab\there, \ud83d\ude00 and caf\u00e9.","offsets":[0,1e1],"confidence":1.25E-1}
JSONL
size=$(wc -c <"$work/gen.jsonl")
[ "$size" -gt 4500000 ] || { echo "FAIL: input too small for several blocks ($size bytes)"; exit 1; }

# every format (GraphML, GEXF, JSON and CSV are written by -j threads in
# chunks of records: several chunks here), and the multigraph
for out in json graphml gexf edges.csv nodes.csv dot; do
  "$ACTORNET" build --no-metrics "$work/gen.jsonl" -o "$work/j1.$out" || { echo "FAIL: -j 1 $out"; fail=1; }
  for j in 2 3 0; do
    "$ACTORNET" build -j "$j" --no-metrics "$work/gen.jsonl" -o "$work/j$j.$out" || { echo "FAIL: -j $j $out"; fail=1; }
    cmp -s "$work/j1.$out" "$work/j$j.$out" || { echo "FAIL: -j $j $out differs from -j 1"; fail=1; }
  done
done
for out in json graphml gexf edges.csv; do
  "$ACTORNET" build --events-graph --mixed "$work/gen.jsonl" -o "$work/e1.$out" || { echo "FAIL: events -j 1 $out"; fail=1; }
  "$ACTORNET" build -j 2 --events-graph --mixed "$work/gen.jsonl" -o "$work/e2.$out" || { echo "FAIL: events -j 2 $out"; fail=1; }
  cmp -s "$work/e1.$out" "$work/e2.$out" || { echo "FAIL: --events-graph -j 2 $out differs from -j 1"; fail=1; }
done
# several export chunks, and edges filled on threads (from 4096 edges)
[ "$(grep -c '<edge ' "$work/j1.graphml")" -gt 4096 ] || { echo "FAIL: too few edges for threads"; fail=1; }
grep -q 'Pepe' "$work/j1.json" || { echo "FAIL: the added document is missing"; fail=1; }

# a broken line in the second block: same message whatever -j
python3 - "$work/gen.jsonl" "$work/bad.jsonl" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
lines[len(lines) * 3 // 4] = '{"record":"event","id":"zz","doc": tru}'
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
PY
"$ACTORNET" build "$work/bad.jsonl" -o "$work/bad1.json" 2>"$work/err1"
rc1=$?
"$ACTORNET" build -j 2 "$work/bad.jsonl" -o "$work/bad2.json" 2>"$work/err2"
rc2=$?
[ "$rc1" = 1 ] && [ "$rc2" = 1 ] || { echo "FAIL: exit codes $rc1 $rc2, want 1"; fail=1; }
cmp -s "$work/err1" "$work/err2" || { echo "FAIL: -j 2 reports otherwise:"; cat "$work/err1" "$work/err2"; fail=1; }
grep -q "broken JSON at column" "$work/err1" || { echo "FAIL: no broken-JSON message:"; cat "$work/err1"; fail=1; }

# bad values of -j
"$ACTORNET" build -j x "$work/gen.jsonl" -o "$work/x.json" 2>/dev/null && { echo "FAIL: -j x accepted"; fail=1; }
"$ACTORNET" build -j -1 "$work/gen.jsonl" -o "$work/x.json" 2>/dev/null && { echo "FAIL: -j -1 accepted"; fail=1; }
exit $fail
