#!/bin/bash
# DOT: Graphviz's own parser reads it (dot -Tcanon), and dot, neato and
# sfdp lay it out without a single warning, on the hand-written set and on
# generated graphs of about 120 and 400 actors (the neato and sfdp ranges;
# dot is left out at 400, where `render` would not choose it).
. "$(dirname "$0")/lib.sh"
for t in dot neato sfdp; do command -v $t >/dev/null || skip "no $t"; done
"$ACTORNET" build "$EV" -o "$W/g.dot" || fail "build dot"
dot -Tcanon "$W/g.dot" >"$W/canon.dot" || fail "dot -Tcanon"
grep -q 'Back\\\\N\\\\slash Group' "$W/g.dot" || fail "backslashes not doubled"
grep -q 'dir=none' "$W/g.dot" || fail "no dir=none"
grep -q 'events=2' "$W/g.dot" || fail "no events attribute"
grep -qE '(^|[[:space:],])weight=' "$W/g.dot" && fail "weight attribute written"
# Generated graphs: a ring with chords, fictional actors.
"$PY" - "$W" <<'PYEOF' || fail "generate"
import json, sys, random
r = random.Random(7)
for n in (120, 400):
    with open(f"{sys.argv[1]}/gen{n}.jsonl", "w") as f:
        types = ["call", "meet", "praise", "accuse", "criticize", "threaten", "support"]
        for i in range(n * 2):
            a, b = r.randrange(n), r.randrange(n)
            if a == b: continue
            t = r.choice(types)
            ev = {"record": "event", "id": "%d-%d" % (n, i), "doc": "g%d" % (i % 40), "type": t,
                  "source": {"id": "actor-%d" % a, "label": "Actor %d & Co" % a, "kind": ["person", "organization", "country"][a % 3]},
                  "target": {"id": "actor-%d" % b, "label": "Actor %d & Co" % b, "kind": ["person", "organization", "country"][b % 3]},
                  "directed": t not in ("call", "meet"), "date": "2024-%02d-%02d" % (1 + i % 12, 1 + i % 28)}
            f.write(json.dumps(ev) + "\n")
PYEOF
for f in "$W/g" "$W/gen120" "$W/gen400"; do
  [ -f "$f.dot" ] || "$ACTORNET" build "$f.jsonl" -o "$f.dot" || fail "build $f"
  engines="dot neato sfdp"
  case "$f" in *gen400) engines="neato sfdp" ;; esac # dot takes a minute on 400 nodes: render never picks it there
  for engine in $engines; do
    $engine -Tsvg "$f.dot" -o "$W/out.svg" 2>"$W/err.log" || fail "$engine failed on $f.dot"
    if [ -s "$W/err.log" ]; then cat "$W/err.log" >&2; fail "$engine warned on $f.dot"; fi
  done
done
echo "dot ok"
