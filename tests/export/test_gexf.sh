#!/bin/bash
# GEXF: well-formed; networkx.read_gexf reads the 1.2draft default with
# spells on every dated edge, the model's counts and weights; 1.3 carries
# the relation as the edge kind.
. "$(dirname "$0")/lib.sh"
need_py networkx
"$ACTORNET" build "$EV" -o "$W/g.gexf" || fail "build gexf"
"$ACTORNET" build "$EV" -o "$W/g.json" || fail "build json"
"$ACTORNET" build --gexf-version 1.3 "$EV" -o "$W/g13.gexf" || fail "build gexf 1.3"
xmllint --noout "$W/g.gexf" "$W/g13.gexf" || fail "not well-formed"
grep -q 'xmlns="http://gexf.net/1.3"' "$W/g13.gexf" || fail "1.3 namespace"
grep -q 'kind="call"' "$W/g13.gexf" || fail "1.3 edge kind"
"$ACTORNET" build --gexf-version 2 "$EV" -o "$W/x.gexf" 2>/dev/null && fail "accepted --gexf-version 2"
"$PY" - "$W/g.gexf" "$W/g.json" <<'PYEOF' || fail "python checks"
import sys, json
import networkx as nx
G = nx.read_gexf(sys.argv[1])
js = json.load(open(sys.argv[2]))
assert G.graph["mode"] == "dynamic"
assert G.number_of_nodes() == len(js["nodes"]) and G.number_of_edges() == len(js["links"])
assert sorted(d["weight"] for _, _, d in G.edges(data=True)) == sorted(l["weight"] for l in js["links"])
dated = 0
for u, v, d in G.edges(data=True):
    link = next(l for l in js["links"] if l["key"] == d["id"])
    if link["dates"] and link["relation"] != "affiliation":
        dated += 1
        assert len(d["spells"]) == len(link["dates"]), (d, link["dates"])
        for (s, e), day in zip(d["spells"], link["dates"]):
            assert s <= e and s.startswith(day[:7]), (s, e, day)
assert dated >= 6, dated
labels = {d["label"] for _, d in G.nodes(data=True)}
assert "Smith & Sons <Ltd>" in labels and "🚀 Rocket Club 火箭" in labels
starts = [d.get("start") for _, d in G.nodes(data=True)]
assert any(starts), "no node start dates"
print("gexf ok:", G.number_of_nodes(), "nodes", G.number_of_edges(), "edges,", dated, "with spells")
PYEOF
exit 0
