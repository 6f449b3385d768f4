#!/bin/bash
# graphs/ is what `make graphs` produces: re-run scripts/make-graphs.sh into
# a scratch directory and compare with the committed files (every text
# format and the SVG byte for byte; the PNG must be a PNG, its pixels depend
# on the fonts installed). Skipped until examples/, graphs/ and the extract
# subcommand are all there.
. "$(dirname "$0")/lib.sh"
[ -d "$SRCDIR/examples" ] || skip "no examples/"
[ -f "$SRCDIR/graphs/graph.json" ] || skip "graphs/ not generated yet (make graphs)"
"$ACTORNET" extract --help >/dev/null 2>&1 || skip "actornet has no extract subcommand yet"
sh "$SRCDIR/scripts/make-graphs.sh" "$ACTORNET" "$W/graphs" >/dev/null || fail "make-graphs.sh failed"
for f in events.jsonl graph.graphml graph.gexf graph.dot graph.json nodes.csv edges.csv graph.svg; do
  [ -f "$W/graphs/$f" ] || fail "make-graphs.sh did not write $f"
  cmp -s "$SRCDIR/graphs/$f" "$W/graphs/$f" || {
    diff "$SRCDIR/graphs/$f" "$W/graphs/$f" | head -20 >&2
    fail "graphs/$f is stale: run 'make graphs' and commit"
  }
done
head -c 8 "$W/graphs/graph.png" | od -An -tx1 | tr -d ' \n' | grep -q '^89504e470d0a1a0a$' || fail "graph.png is not a PNG"
[ -f "$SRCDIR/graphs/graph.png" ] || fail "graphs/graph.png missing"
# Run twice: same bytes (no timestamps, stable order).
sh "$SRCDIR/scripts/make-graphs.sh" "$ACTORNET" "$W/again" >/dev/null || fail "second run"
for f in events.jsonl graph.graphml graph.gexf graph.dot graph.json nodes.csv edges.csv graph.svg; do
  cmp -s "$W/graphs/$f" "$W/again/$f" || fail "$f differs between two runs"
done
echo "graphs fresh"
