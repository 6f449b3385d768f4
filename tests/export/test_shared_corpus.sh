#!/bin/bash
# The issue's acceptance on the shared seed and dev articles: every format
# built from them passes the same client checks as the hand-written set
# (xmllint + RELAX NG, networkx GraphML/GEXF/node-link, python-igraph,
# dot -Tcanon, the engine chosen by size without warnings), and score.py's
# graph check finds no gold actor split over nodes and no node merging
# several. Skipped when ../shared is absent.
. "$(dirname "$0")/lib.sh"
SHARED=${SHARED:-$SRCDIR/../shared}
[ -d "$SHARED/corpus/seeds" ] || skip "no $SHARED/corpus"
"$ACTORNET" extract --help >/dev/null 2>&1 || skip "actornet has no extract subcommand yet"
need_py networkx
need_py igraph
for set in seeds dev; do
  corpus=$SHARED/corpus/$set
  [ -d "$corpus" ] || continue
  meta=(); [ -f "$SHARED/meta/$set.jsonl" ] && meta=(--meta "$SHARED/meta/$set.jsonl")
  "$ACTORNET" -q extract "${meta[@]}" "$corpus" -o "$W/$set.jsonl" || fail "$set: extract"
  "$ACTORNET" -q build "$W/$set.jsonl" -o "$W/$set/" || fail "$set: build"
  xmllint --noout --relaxng "$SRCDIR/tests/export/graphml.rng" "$W/$set/graph.graphml" 2>/dev/null || fail "$set: RELAX NG"
  xmllint --noout "$W/$set/graph.gexf" || fail "$set: GEXF not well-formed"
  dot -Tcanon "$W/$set/graph.dot" >/dev/null || fail "$set: dot -Tcanon"
  "$ACTORNET" -q render "$W/$set.jsonl" -o "$W/$set.svg" 2>"$W/err" || fail "$set: render"
  grep -qiE "warning|error" "$W/err" && { cat "$W/err"; fail "$set: render warned"; }
  xmllint --noout "$W/$set.svg" || fail "$set: SVG"
  "$PY" - "$W/$set" <<'PYEOF' || fail "$set: python clients"
import sys, json
import networkx as nx, igraph
d = sys.argv[1]
js = json.load(open(d + "/graph.json"))
n, m = js["graph"]["nodes"], js["graph"]["edges"]
weights = sorted(l["weight"] for l in js["links"])
G = nx.read_graphml(d + "/graph.graphml")
assert (G.number_of_nodes(), G.number_of_edges()) == (n, m)
assert sorted(x["weight"] for _, _, x in G.edges(data=True)) == weights
X = nx.read_gexf(d + "/graph.gexf")
assert (X.number_of_nodes(), X.number_of_edges()) == (n, m)
J = nx.node_link_graph(js)
assert (J.number_of_nodes(), J.number_of_edges()) == (n, m)
I = igraph.Graph.Read_GraphML(d + "/graph.graphml")
assert (I.vcount(), I.ecount()) == (n, m) and sorted(I.es["weight"]) == weights
print(d, n, "nodes", m, "edges ok")
PYEOF
  if [ -d "$SHARED/gold/$set" ] && [ -f "$SHARED/tools/score.py" ]; then
    "$PY" "$SHARED/tools/score.py" --gold "$SHARED/gold/$set" --pred "$W/$set.jsonl" --graph "$W/$set/graph.json" --json >"$W/score.json" || fail "$set: score.py"
    "$PY" -c 'import json,sys; g=json.load(open(sys.argv[1]))["graph"]; print(sys.argv[2], "graph:", g["nodes"], "nodes,", len(g["fragmented"]), "split,", len(g["overmerged"]), "over-merged"); sys.exit(1 if g["fragmented"] or g["overmerged"] else 0)' "$W/score.json" "$set" || fail "$set: gold actors split or merged in the graph"
  fi
done
echo "shared corpus ok"
