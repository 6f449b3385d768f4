#!/bin/bash
# test_actors_cli.sh: `actornet actors` end to end on documents of our own
# (formats, --actors override, usage errors), then the gold actor check of
# issue 4 on ../shared (seeds and dev: no gold actor split over nodes, none
# missing, no node matching two gold actors).
set -u
A=${ACTORNET:?}
DATA=${SRCDIR:?}/data
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
check() { if ! eval "$1"; then echo "FAILED: $1" >&2; fail=1; fi; }

"$A" actors --help >/dev/null 2>&1 || { echo "actors subcommand not wired in" >&2; exit 77; }

cat >"$T/a.txt" <<'DOC'
Nordic envoy talks

Karin Holt, the leader of the Azura Party, met Turkish Foreign Minister Hakan Fidan in Ankara on Monday.
Holt said the talks were useful. Fidan thanked her.
DOC
cat >"$T/b.txt" <<'DOC'
Azura Party leader Karin Holt told reporters that Hakan Fidan had called her.
DOC

"$A" actors --data-dir "$DATA" --format json -o "$T/out.json" "$T/a.txt" "$T/b.txt"
check '[ $? -eq 0 ]'
python3 - "$T/out.json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
acts = {a["label"]: a for a in d["actors"]}
ok = True
def need(c, msg):
    global ok
    if not c:
        print("FAILED:", msg, file=sys.stderr); ok = False
need("Karin Holt" in acts, "Karin Holt found")
need(acts.get("Karin Holt", {}).get("documents") == 2, "Karin Holt in 2 documents")
need(acts.get("Karin Holt", {}).get("kind") == "person", "Karin Holt a person")
need("Azura Party" in acts and acts["Azura Party"]["kind"] == "organization", "Azura Party an organization")
need(not any(l in acts for l in ("Nordic", "Monday", "Holt said", "Foreign Minister Hakan Fidan")), "no junk actors")
fidan = [a for a in d["actors"] if "Fidan" in a["label"]]
need(len(fidan) == 1, "one Fidan")
need(any(f["person"] == acts.get("Karin Holt", {}).get("id") and f["role"] == "leader" for f in d["affiliations"]),
     "Holt leader of Azura Party")
ids = [a["id"] for a in d["actors"]]
need(ids == sorted(ids), "sorted by id")
sys.exit(0 if ok else 1)
PY

"$A" actors --data-dir "$DATA" --format csv "$T/a.txt" >"$T/out.csv"
check '[ $? -eq 0 ]'
check 'head -1 "$T/out.csv" | grep -q "^id,label,kind,country,mentions,documents,aliases,affiliations$"'
check 'grep -q "Karin Holt" "$T/out.csv"'
"$A" actors --data-dir "$DATA" "$T/a.txt" >"$T/out.txt"
check '[ $? -eq 0 ] && grep -q "AFFILIATIONS" "$T/out.txt"'

# --actors: a user entry pins an actor's id, label and kind
cat >"$T/user.json" <<'JSON'
[{"id": "k-holt", "label": "Karin M. Holt", "kind": "person", "aliases": ["Karin Holt", "Holt"]}]
JSON
"$A" actors --data-dir "$DATA" --actors "$T/user.json" --format json "$T/a.txt" >"$T/u.json"
check '[ $? -eq 0 ] && grep -q "\"id\": \"k-holt\", \"label\": \"Karin M. Holt\"" "$T/u.json"'
echo '[{"id": "x", "kind": "person"}]' >"$T/bad.json"
"$A" actors --data-dir "$DATA" --actors "$T/bad.json" "$T/a.txt" >/dev/null 2>"$T/err"
check '[ $? -eq 1 ] && grep -q "bad.json" "$T/err"'

# usage errors
"$A" actors --format yaml "$T/a.txt" >/dev/null 2>&1
check '[ $? -eq 1 ]'
"$A" actors >/dev/null 2>&1
check '[ $? -eq 1 ]'
"$A" actors --data-dir "$DATA" "$T/missing.txt" >/dev/null 2>&1
check '[ $? -ne 0 ]'

# issue 4 acceptance on the shared corpus, when it is there
SH=${SHARED:-}
if [ -n "$SH" ] && [ -d "$SH/corpus/seeds" ] && [ -f "$SH/tools/score.py" ]; then
  for s in seeds dev; do
    [ -d "$SH/corpus/$s" ] || continue
    "$A" actors --data-dir "$DATA" --format json "$SH/corpus/$s" >"$T/$s.json" || fail=1
    out=$(python3 "$SRCDIR/tests/actors/check_actors.py" "$SH/tools/score.py" "$SH/gold/$s" "$T/$s.json")
    echo "$out" | tail -1 | sed "s/^/$s: /"
    echo "$out" | grep -q " 0 split" || { echo "FAILED: gold actors split on $s" >&2; echo "$out" >&2; fail=1; }
    echo "$out" | grep -q " 0 missing" || { echo "FAILED: gold actors missing on $s" >&2; echo "$out" >&2; fail=1; }
    echo "$out" | grep -q " 0 over-merged" || { echo "FAILED: nodes merging gold actors on $s" >&2; echo "$out" >&2; fail=1; }
  done
fi
exit $fail
