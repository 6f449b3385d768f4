#!/bin/bash
# JSON: networkx.node_link_graph reads the node-link default with the meta
# block, per-edge events and typed values; the cytoscape style reads with
# networkx.cytoscape_graph; the graphology style has its shape.
. "$(dirname "$0")/lib.sh"
need_py networkx
"$ACTORNET" build "$EV" -o "$W/g.json" || fail "build json"
"$ACTORNET" build --json-style cytoscape "$EV" -o "$W/c.json" || fail "build cytoscape"
"$ACTORNET" build --json-style graphology --mixed "$EV" -o "$W/o.json" || fail "build graphology"
"$ACTORNET" build "$EV" --format json -o - >"$W/stdout.json" || fail "json to stdout"
cmp -s "$W/g.json" "$W/stdout.json" || fail "stdout differs from file"
"$PY" - "$W/g.json" "$W/c.json" "$W/o.json" <<'PYEOF' || fail "python checks"
import sys, json
import networkx as nx
d = json.load(open(sys.argv[1]))
G = nx.node_link_graph(d)
assert G.is_directed() and G.is_multigraph()
assert G.number_of_nodes() == d["graph"]["nodes"] == 10 and G.number_of_edges() == d["graph"]["edges"] == 8
assert d["graph"]["generator"].startswith("actornet ") and d["graph"]["docs"] == 3 and d["graph"]["events"] == 9
assert sum(l["weight"] for l in d["links"]) == 11
assert sum(len(l["events"]) for l in d["links"]) == 9
call = [l for l in d["links"] if l["relation"] == "call"][0]
assert call["symmetric"] is True and call["weight"] == 2 and call["docs"] == 2
assert call["first_date"] == "2024-03-04" and call["last_date"] == "2024-03-10"
assert call["outlets"] == ["Harbor Post", "Valley Times"] and call["doc_ids"] == ["d1", "d2"]
assert {e["doc"] for e in call["events"]} == {"d1", "d2"}
assert all(e["sentence"] and len(e["offsets"]) == 2 for e in call["events"])
assert any(e["attributed_to"] == "Valley Wire" for e in call["events"])
n = G.nodes["maria-lopez"]
assert n["label"] == "María López" and n["kind"] == "person" and n["country"] == "ESP"
assert isinstance(n["mentions"], int) and isinstance(n["pagerank"], float) and n["aliases"] == ["López", "María López"]
assert "\x07" not in json.dumps(d)
c = json.load(open(sys.argv[2]))
C = nx.cytoscape_graph(c)
assert C.number_of_nodes() == 10 and C.number_of_edges() == 8
o = json.load(open(sys.argv[3]))
assert o["options"]["type"] == "mixed" and o["options"]["multi"] is True
assert len(o["nodes"]) == 10 and all("key" in x and "attributes" in x for x in o["nodes"])
assert sum(1 for e in o["edges"] if e["undirected"]) == 2
print("json ok")
PYEOF
exit 0
