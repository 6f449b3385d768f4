#!/bin/bash
# test_invariants.sh: metamorphic checks of style.md S4 (results that must
# not change when the run is rewritten), no gold needed:
#  1. extract -j 1, -j 2 and -j 4 write byte-identical output;
#  2. extracting shards and concatenating equals one run, and `build` over
#     the shard outputs, in any order, equals `build` over the one run;
#  3. feeding the same corpus twice changes no event id, and `build` over
#     the doubled events equals `build` over the single run;
#  4. standard input equals the file; a folder equals its files in order;
#  5. GraphML and GEXF read back by igraph/networkx keep the JSON's counts.
# Inputs: a generated corpus (bench/gen_corpus.py, our own templates), a few
# documents of ours, and $SHARED/corpus/dev when present (read only).
set -u
: "${ACTORNET:?set ACTORNET to the actornet binary}"
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
[ -x "$ACTORNET" ] || exit 77
case $ACTORNET in /*) ;; *) ACTORNET=$PWD/$ACTORNET ;; esac
"$ACTORNET" extract --help 2>&1 | grep -q 'Usage: actornet extract' ||
  { echo "no extract subcommand yet: skipped"; exit 77; }
"$ACTORNET" build --help >/dev/null 2>&1 || exit 77
command -v python3 >/dev/null || exit 77

T=$(mktemp -d "${TMPDIR:-/tmp}/actornet-invariants.XXXXXX")
[ -n "${AN_KEEP_TMP:-}" ] || trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
export ACTORNET_DATA=${ACTORNET_DATA:-$SRCDIR/data}
# igraph's PageRank (PRPACK) sums under OpenMP: with several threads its
# last digits vary from run to run (reported; checked at the end).
export OMP_NUM_THREADS=1
FAILS=0
CHECKS=0
fail() { FAILS=$((FAILS + 1)); echo "FAIL: $*" >&2; }
check() { # check DESCRIPTION CMD...
  local what=$1
  shift
  CHECKS=$((CHECKS + 1))
  "$@" || fail "$what"
}
ok() { # ok CMD...: must exit 0 (1 is fine too when input was skipped on purpose)
  "$@" 2>>log || { fail "exit $?: $*"; tail -3 log >&2; }
}
same() { # same A B: byte-identical files
  CHECKS=$((CHECKS + 1))
  cmp -s "$1" "$2" || { fail "$1 and $2 differ"; diff <(head -c 100000 "$1") <(head -c 100000 "$2") | head -6 >&2; }
}

# ---- inputs ----
python3 "$SRCDIR/bench/gen_corpus.py" --size 400K --seed 11 -o gen.jsonl 2>/dev/null ||
  { fail "gen_corpus.py"; exit 1; }
mkdir -p docs
printf 'GENEVA (Wire) - Foreign Minister Ana Ruiz spoke by phone with her Nordish counterpart on Monday.\n\nRuiz later praised the council and criticized its critics.\n' >docs/a1.txt
printf 'President Omar Haddad met Prime Minister Lina Berg in Oslo on Friday. Haddad thanked Berg.\n' >docs/b2.txt
printf 'By Staff\n\n\xe2\x80\xa2 The ministry accused the Blue Front of attacks on Tuesday, its spokesman said.\n\xe2\x80\xa2 Caf\xc3\xa9 \xff talks.\n' >docs/c3.txt
inputs=(gen.jsonl docs/a1.txt docs/b2.txt docs/c3.txt)
if [ -d "${SHARED:-}/corpus/dev" ]; then
  while IFS= read -r f; do inputs+=("$f"); done < <(find "$SHARED/corpus/dev" -name '*.txt' | sort)
fi

# ---- 1. -j N ----
ok "$ACTORNET" -q extract -j 1 "${inputs[@]}" -o j1.jsonl
ok "$ACTORNET" -q extract -j 2 "${inputs[@]}" -o j2.jsonl
ok "$ACTORNET" -q extract -j 4 "${inputs[@]}" -o j4.jsonl
same j1.jsonl j2.jsonl
same j1.jsonl j4.jsonl
check "some events to compare" test "$(grep -c '"record":"event"' j1.jsonl)" -gt 50

# Event ids are unique (they hash doc, type, source, target, offsets) and
# offsets fall inside their document's original bytes.
CHECKS=$((CHECKS + 1))
python3 - gen.jsonl j1.jsonl <<'PY' || fail "event ids or offsets"
import json, sys
size = {}
for l in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(l)
    size[d["id"]] = len(d["text"].encode("utf-8"))
seen = set()
for l in open(sys.argv[2], encoding="utf-8"):
    r = json.loads(l)
    if r.get("record") != "event":
        continue
    assert r["id"] not in seen, ("duplicate event id", r["id"])
    seen.add(r["id"])
    s, e = r["offsets"]
    if r["doc"] in size:
        assert 0 <= s < e <= size[r["doc"]], (r["doc"], s, e, size[r["doc"]])
assert len(seen) > 50
PY

# ---- 2. shards ----
n=$(wc -l <gen.jsonl)
head -n $((n / 3)) gen.jsonl >s1.jsonl
sed -n "$((n / 3 + 1)),$((2 * n / 3))p" gen.jsonl >s2.jsonl
tail -n +$((2 * n / 3 + 1)) gen.jsonl >s3.jsonl
ok "$ACTORNET" -q extract s1.jsonl -o e1.jsonl
ok "$ACTORNET" -q extract -j 2 s2.jsonl -o e2.jsonl
ok "$ACTORNET" -q extract s3.jsonl docs/a1.txt docs/b2.txt docs/c3.txt -o e3.jsonl
ok "$ACTORNET" -q extract gen.jsonl docs/a1.txt docs/b2.txt docs/c3.txt -o all.jsonl
cat e1.jsonl e2.jsonl e3.jsonl >cat.jsonl
same all.jsonl cat.jsonl
for fmt in json graphml gexf dot csv nodes; do
  ok "$ACTORNET" -q build all.jsonl -f $fmt -o one.$fmt
  ok "$ACTORNET" -q build e1.jsonl e2.jsonl e3.jsonl -f $fmt -o shards.$fmt
  ok "$ACTORNET" -q build e3.jsonl e1.jsonl e2.jsonl -f $fmt -o shards-rev.$fmt
  same one.$fmt shards.$fmt
  same one.$fmt shards-rev.$fmt
done
ok "$ACTORNET" -q build --events-graph all.jsonl -o ev-one.json
ok "$ACTORNET" -q build --events-graph e2.jsonl e3.jsonl e1.jsonl -o ev-shards.json
same ev-one.json ev-shards.json

# ---- 3. the same corpus twice ----
ok "$ACTORNET" -q extract gen.jsonl -o once.jsonl
ok "$ACTORNET" -q extract gen.jsonl -o again.jsonl
same once.jsonl again.jsonl
ok "$ACTORNET" -q extract gen.jsonl gen.jsonl -o twice.jsonl
cat once.jsonl once.jsonl >once2.jsonl
same twice.jsonl once2.jsonl
ok "$ACTORNET" -q build once.jsonl -o once.json
ok "$ACTORNET" -q build twice.jsonl -o twice.json
same once.json twice.json
ok "$ACTORNET" -q build once.jsonl once.jsonl -o once-once.json
same once.json once-once.json

# ---- 4. stdin and folders ----
ok "$ACTORNET" -q extract - <gen.jsonl >stdin.jsonl
same once.jsonl stdin.jsonl
ok "$ACTORNET" -q extract docs -o folder.jsonl
ok "$ACTORNET" -q extract docs/a1.txt docs/b2.txt docs/c3.txt -o files.jsonl
same folder.jsonl files.jsonl

# ---- 5. read back ----
CHECKS=$((CHECKS + 1))
python3 - one.json one.graphml one.gexf <<'PY' || fail "graph files read back with other counts"
import json, sys
g = json.load(open(sys.argv[1]))
nodes = len(g["nodes"])
edges = len(g.get("links", g.get("edges", [])))
assert nodes > 0 and edges > 0, (nodes, edges)
try:
    import igraph
    h = igraph.Graph.Read_GraphML(sys.argv[2])
    assert (h.vcount(), h.ecount()) == (nodes, edges), ("igraph graphml", h.vcount(), h.ecount(), nodes, edges)
except ImportError:
    pass
try:
    import networkx as nx
    for path, read in ((sys.argv[2], nx.read_graphml), (sys.argv[3], nx.read_gexf)):
        h = read(path)
        assert h.number_of_nodes() == nodes, (path, h.number_of_nodes(), nodes)
        assert h.number_of_edges() == edges, (path, h.number_of_edges(), edges)
except ImportError:
    pass
PY

# ---- known (reported): build output must not depend on OpenMP threads ----
CHECKS=$((CHECKS + 1))
for i in 1 2 3 4 5 6; do OMP_NUM_THREADS=4 "$ACTORNET" -q build once.jsonl -o omp$i.json 2>/dev/null; done
if [ "$(md5sum omp?.json | awk '{print $1}' | sort -u | wc -l)" -ne 1 ] || ! cmp -s omp1.json once.json; then
  if [ "${AN_INVARIANTS_STRICT:-0}" = 1 ]; then
    fail "build output varies with OpenMP threads (PageRank)"
  else
    echo "KNOWN BUG: build output varies with OpenMP threads (PageRank digits)" >&2
  fi
fi

echo "$CHECKS checks, $FAILS failure(s)"
[ "$FAILS" -eq 0 ]
