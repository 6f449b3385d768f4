#!/bin/bash
# GraphML: well-formed (xmllint), valid against tests/export/graphml.rng,
# unique ids and declared endpoints, typed keys; networkx.read_graphml and
# python-igraph Read_GraphML load it with the model's counts, weights and
# attribute types (the model's numbers come from the JSON export).
. "$(dirname "$0")/lib.sh"
need_py networkx
need_py igraph
command -v xmllint >/dev/null || skip "no xmllint"
"$ACTORNET" build "$EV" -o "$W/g.graphml" || fail "build graphml"
"$ACTORNET" build "$EV" -o "$W/g.json" || fail "build json"
xmllint --noout "$W/g.graphml" || fail "not well-formed"
xmllint --noout --relaxng "$SRCDIR/tests/export/graphml.rng" "$W/g.graphml" 2>"$W/rng.log" || { cat "$W/rng.log"; fail "RELAX NG"; }
# The schema must be able to fail: an id with a space is not an NMTOKEN.
sed 's/<node id="VRD"/<node id="Verdia Land"/' "$W/g.graphml" >"$W/bad.graphml"
grep -q 'Verdia Land' "$W/bad.graphml" || fail "test edit did not apply"
xmllint --noout --relaxng "$SRCDIR/tests/export/graphml.rng" "$W/bad.graphml" 2>/dev/null && fail "schema accepted a bad id"
# Mixed (Gephi-only) output is valid GraphML too.
"$ACTORNET" build --mixed "$EV" -o "$W/mixed.graphml" || fail "build --mixed"
xmllint --noout --relaxng "$SRCDIR/tests/export/graphml.rng" "$W/mixed.graphml" 2>/dev/null || fail "mixed: RELAX NG"
grep -q 'directed="false"' "$W/mixed.graphml" || fail "mixed: no undirected edge"
"$PY" - "$W/g.graphml" "$W/g.json" <<'PYEOF' || fail "python checks"
import sys, json
import xml.etree.ElementTree as ET
import networkx as nx, igraph
gml, js = sys.argv[1], json.load(open(sys.argv[2]))
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(gml).getroot()
keys = {k.get("id"): (k.get("for"), k.get("attr.type")) for k in root.findall("g:key", ns)}
assert not any(f == "graph" for f, _ in keys.values()), "graph keys"
assert keys["v_mentions"] == ("node", "int") and keys["e_weight"] == ("edge", "double")
assert keys["e_symmetric"] == ("edge", "boolean") and keys["v_label"] == ("node", "string")
graph = root.find("g:graph", ns)
nodes = [n.get("id") for n in graph.findall("g:node", ns)]
assert len(nodes) == len(set(nodes)), "duplicate node ids"
edges = graph.findall("g:edge", ns)
assert [e.get("id") for e in edges] == ["e%d" % i for i in range(len(edges))], "edge ids"
for e in edges:
    assert e.get("source") in nodes and e.get("target") in nodes, "undeclared endpoint"
for el in graph.iter():
    if el.tag.endswith("data"):
        parent_for = keys[el.get("key")][0]
        assert parent_for in ("node", "edge")
n_nodes, n_edges = len(js["nodes"]), len(js["links"])
assert js["graph"]["nodes"] == n_nodes and js["graph"]["edges"] == n_edges
weights = sorted(l["weight"] for l in js["links"])
# networkx
G = nx.read_graphml(gml)
assert G.number_of_nodes() == n_nodes and G.number_of_edges() == n_edges, (G.number_of_nodes(), G.number_of_edges())
assert sorted(d["weight"] for _, _, d in G.edges(data=True)) == weights
labels = {d["label"] for _, d in G.nodes(data=True)}
for name in ["Smith & Sons <Ltd>", 'Quote "Q" Corp', "Back\\N\\slash Group", "🚀 Rocket Club 火箭", "محمد علي", "Дмитрий Орлов"]:
    assert name in labels, name
for _, d in G.nodes(data=True):
    assert isinstance(d["mentions"], int) and isinstance(d["degree"], int) and isinstance(d["community"], int)
    assert isinstance(d["pagerank"], float) and isinstance(d["label"], str)
for _, _, d in G.edges(data=True):
    assert isinstance(d["symmetric"], bool) and isinstance(d["weight"], float) and isinstance(d["docs"], int)
    assert d["relation"] and d["label"]
sym = [d for _, _, d in G.edges(data=True) if d["symmetric"]]
assert sorted(d["relation"] for d in sym) == ["call", "meet"], sym
assert any(d["relation"] == "affiliation" and d.get("role") == "chairman" for _, _, d in G.edges(data=True))
# python-igraph
I = igraph.Graph.Read_GraphML(gml)
assert I.vcount() == n_nodes and I.ecount() == n_edges
assert sorted(I.es["weight"]) == weights
assert I.is_directed()
assert set(I.vs["label"]) == {n["label"] for n in js["nodes"]}
print("graphml ok:", n_nodes, "nodes", n_edges, "edges")
PYEOF
exit 0
