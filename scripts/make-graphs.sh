#!/bin/sh
# make-graphs.sh: fills graphs/ from examples/ (called by `make graphs`).
#   sh scripts/make-graphs.sh ACTORNET [OUTDIR]
# 1. extracts the articles in examples/articles/ (.txt files and a JSONL
#    corpus), with examples/meta.jsonl as --meta, into OUTDIR/events.jsonl
#    (examples/gold/ is the annotation, not input);
# 2. builds the network in every format into OUTDIR/ (graph.graphml,
#    graph.gexf, graph.dot, graph.json, nodes.csv, edges.csv);
# 3. draws it: OUTDIR/graph.svg and OUTDIR/graph.png.
# With SEEDS=DIR (the shared seed articles, e.g. ../shared/corpus/seeds) it
# also draws OUTDIR/seeds.svg and seeds.png, the README's picture: names and
# counts only, no sentence of those articles.
# OUTDIR defaults to graphs/. Runs from the source root, so document ids and
# paths in the outputs are the same on every machine; the outputs carry no
# timestamps (tests/export/test_graphs_fresh.sh re-runs this and diffs).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$ROOT/build/actornet}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
OUT=${2:-$ROOT/graphs}
case $OUT in /*) ;; *) OUT=$(pwd)/$OUT ;; esac
[ -x "$BIN" ] || { echo "make-graphs: no actornet binary at $BIN (run 'make build')" >&2; exit 2; }
cd "$ROOT"
set -- examples/articles
[ -d examples/articles ] || { echo "make-graphs: no examples/articles/ folder" >&2; exit 1; }
mkdir -p "$OUT"
if [ -f examples/meta.jsonl ]; then
  "$BIN" -q extract --meta examples/meta.jsonl "$@" -o "$OUT/events.jsonl"
else
  "$BIN" -q extract "$@" -o "$OUT/events.jsonl"
fi
"$BIN" -q build "$OUT/events.jsonl" -o "$OUT/"
"$BIN" -q render "$OUT/events.jsonl" -o "$OUT/graph.svg"
"$BIN" -q render "$OUT/events.jsonl" -o "$OUT/graph.png"
if [ -n "${SEEDS:-}" ]; then
  [ -d "$SEEDS" ] || { echo "make-graphs: SEEDS=$SEEDS is not a directory" >&2; exit 1; }
  "$BIN" -q render "$SEEDS" -o "$OUT/seeds.svg"
  "$BIN" -q render "$SEEDS" -o "$OUT/seeds.png"
fi
echo "make-graphs: $(ls "$OUT" | wc -l) files in $OUT"
