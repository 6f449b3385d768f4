#!/bin/bash
# actornet build: --help, usage errors and exit codes, filters through the
# CLI, stdin, -o DIR/ with every format, and shard merging: building from
# shards in any order equals building from their union, byte for byte.
. "$(dirname "$0")/lib.sh"
"$ACTORNET" build --help | grep -q -- '--min-weight' || fail "--help"
"$ACTORNET" render --help | grep -q -- '--engine' || fail "render --help"
"$ACTORNET" build --no-such-flag "$EV" 2>/dev/null; [ $? -eq 1 ] || fail "unknown flag: exit 1"
"$ACTORNET" build 2>/dev/null; [ $? -eq 1 ] || fail "no input: exit 1"
"$ACTORNET" build "$W/missing.jsonl" -o "$W/x.json" 2>"$W/err"; rc=$?
[ $rc -ne 0 ] || fail "missing input accepted"; grep -q missing.jsonl "$W/err" || fail "error names the file"
[ -e "$W/x.json" ] && fail "output written for a failed build"
printf '{"record":"event"\n' >"$W/broken.jsonl"
"$ACTORNET" build "$W/broken.jsonl" -o "$W/x.json" 2>"$W/err"; [ $? -eq 1 ] || fail "broken JSONL: exit 1"
grep -q 'broken.jsonl:1' "$W/err" || fail "broken JSONL: file:line in message"
"$ACTORNET" build --focus "Nobody" "$EV" -o "$W/x.json" 2>/dev/null; [ $? -eq 1 ] || fail "unknown focus: exit 1"
"$ACTORNET" build --since yesterday "$EV" -o "$W/x.json" 2>/dev/null; [ $? -eq 1 ] || fail "bad date: exit 1"
"$ACTORNET" build --hops -1 "$EV" 2>/dev/null; [ $? -eq 1 ] || fail "bad hops: exit 1"
# Every format into a directory.
"$ACTORNET" build "$EV" -o "$W/all/" || fail "build -o DIR/"
for f in graph.graphml graph.gexf graph.dot graph.json nodes.csv edges.csv; do
  [ -s "$W/all/$f" ] || fail "missing $f"
done
[ "$(ls "$W/all" | wc -l)" -eq 6 ] || fail "extra files in the output directory"
# Filters through the CLI (counts checked with the JSON meta block).
count() { "$PY" -c 'import json,sys; g=json.load(open(sys.argv[1]))["graph"]; print(g["nodes"], g["edges"])' "$1"; }
"$ACTORNET" build --types call,meet "$EV" -o "$W/t.json" && [ "$(count "$W/t.json")" = "4 2" ] || fail "--types"
"$ACTORNET" build --no-affiliations "$EV" -o "$W/t.json" && [ "$(count "$W/t.json")" = "10 7" ] || fail "--no-affiliations"
"$ACTORNET" build --min-weight 2 "$EV" -o "$W/t.json" && [ "$(count "$W/t.json")" = "4 3" ] || fail "--min-weight"
"$ACTORNET" build --focus "María López" --hops 2 "$EV" -o "$W/t.json" && [ "$(count "$W/t.json")" = "5 5" ] || fail "--focus"
"$ACTORNET" build --since 2024-04 "$EV" -o "$W/t.json" && [ "$(count "$W/t.json")" = "5 3" ] || fail "--since"
"$ACTORNET" build --docs d1 "$EV" -o "$W/t.json" && [ "$(count "$W/t.json")" = "3 3" ] || fail "--docs"
"$ACTORNET" build --events-graph "$EV" -o "$W/t.json" && [ "$(count "$W/t.json")" = "10 10" ] || fail "--events-graph"
# stdin, and shards merged in any order equal the whole.
"$ACTORNET" build - -o "$W/stdin.json" <"$EV" || fail "stdin"
"$ACTORNET" build "$EV" -o "$W/whole.json" || fail "whole"
cmp -s "$W/stdin.json" "$W/whole.json" || fail "stdin differs"
head -n 6 "$EV" >"$W/a.jsonl"; tail -n +7 "$EV" >"$W/b.jsonl"
tac "$EV" >"$W/rev.jsonl"
for fmt in json graphml gexf dot csv nodes; do
  "$ACTORNET" build "$EV" --format $fmt -o "$W/w.$fmt" || fail "whole $fmt"
  "$ACTORNET" build "$W/b.jsonl" "$W/a.jsonl" --format $fmt -o "$W/ba.$fmt" || fail "shards $fmt"
  "$ACTORNET" build "$W/a.jsonl" "$W/b.jsonl" "$W/a.jsonl" --format $fmt -o "$W/aba.$fmt" || fail "overlap $fmt"
  "$ACTORNET" build "$W/rev.jsonl" --format $fmt -o "$W/rev.$fmt" || fail "reversed $fmt"
  cmp -s "$W/w.$fmt" "$W/ba.$fmt" || fail "$fmt: shards b,a differ from the whole"
  cmp -s "$W/w.$fmt" "$W/aba.$fmt" || fail "$fmt: overlapping shards differ from the whole"
  cmp -s "$W/w.$fmt" "$W/rev.$fmt" || fail "$fmt: reversed input differs from the whole"
done
# A graph large enough for igraph's parallel code paths (PRPACK PageRank ran
# OpenMP loops whose float sums changed from run to run): still the same
# bytes on every run and for every shard order.
"$PY" - "$W/big.jsonl" <<'PYEOF' || fail "generate"
import json, sys, random
r = random.Random(11)
with open(sys.argv[1], "w") as f:
    for i in range(6000):
        a, b = r.randrange(900), r.randrange(900)
        if a == b: continue
        t = r.choice(["call", "meet", "praise", "accuse", "support"])
        f.write(json.dumps({"record": "event", "id": str(i), "doc": "d%d" % (i % 97), "type": t,
            "source": {"id": "n%d" % a, "label": "N %d" % a, "kind": "person"},
            "target": {"id": "n%d" % b, "label": "N %d" % b, "kind": "organization"},
            "directed": t not in ("call", "meet"), "date": "2024-02-%02d" % (1 + i % 28)}) + "\n")
PYEOF
head -n 2500 "$W/big.jsonl" >"$W/big1.jsonl"; tail -n +2501 "$W/big.jsonl" >"$W/big2.jsonl"
"$ACTORNET" build "$W/big.jsonl" -o "$W/big-a.json" || fail "big build"
"$ACTORNET" build "$W/big.jsonl" -o "$W/big-b.json" || fail "big build again"
"$ACTORNET" build "$W/big2.jsonl" "$W/big1.jsonl" -o "$W/big-c.json" || fail "big shards"
cmp -s "$W/big-a.json" "$W/big-b.json" || fail "two runs on the same events differ"
cmp -s "$W/big-a.json" "$W/big-c.json" || fail "shards in another order differ"
echo "build cli ok"
