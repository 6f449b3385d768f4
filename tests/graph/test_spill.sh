#!/usr/bin/env bash
# test_spill.sh: `actornet build` keeps its events in a temporary file once
# they pass 4 MB (issue 7): in $TMPDIR, unlinked (nothing is left behind),
# and an unwritable TMPDIR is an I/O error (exit 2) that says so. The graph
# does not depend on where the events were kept: the same input, whole and
# as shards, gives the same JSON, and JSON and GraphML agree on every edge.
set -u
: "${ACTORNET:?}" "${SRCDIR:?}"
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/an-spill-XXXXXX")
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
fail=0

# about 7 MB of event records: past the 4 MB kept in memory
python3 "$SRCDIR/bench/gen_events.py" --events 40000 --actors 800 --seed 5 -o "$work/ev.jsonl" || exit 1
mkdir "$work/tmp"
TMPDIR=$work/tmp "$ACTORNET" build --no-metrics "$work/ev.jsonl" -o "$work/whole.json" ||
  { echo "FAIL: build with a temporary file"; fail=1; }
[ -z "$(ls -A "$work/tmp")" ] || { echo "FAIL: files left in TMPDIR: $(ls "$work/tmp")"; fail=1; }
split -n l/3 "$work/ev.jsonl" "$work/part."
TMPDIR=$work/tmp "$ACTORNET" build --no-metrics "$work/part.ac" "$work/part.aa" "$work/part.ab" -o "$work/parts.json" ||
  { echo "FAIL: build from parts"; fail=1; }
cmp -s "$work/whole.json" "$work/parts.json" || { echo "FAIL: parts give another graph"; fail=1; }
TMPDIR=$work/tmp "$ACTORNET" build --no-metrics "$work/ev.jsonl" -o "$work/whole.graphml" ||
  { echo "FAIL: build GraphML"; fail=1; }
python3 - "$work/whole.json" "$work/whole.graphml" <<'PY' || fail=1
import json, sys, xml.etree.ElementTree as ET
g = json.load(open(sys.argv[1]))
links = g["links"]
assert g["graph"]["events"] > 39900, g["graph"]  # less self-loops
assert sum(len(l["events"]) for l in links if l["kind"] == "interaction") == g["graph"]["events"]
for l in links:  # each edge lists its own events, in order
    assert len(l["events"]) == (l["weight"] if l["kind"] == "interaction" else 0), l["key"]
    assert all(e["source"] in (l["source"], l["target"]) for e in l["events"])
    d = [(e["date"] or "", e["doc"], e["id"]) for e in l["events"]]
    assert d == sorted(d), l["key"]
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
edges = ET.parse(sys.argv[2]).getroot().findall(".//g:edge", ns)
assert len(edges) == len(links), (len(edges), len(links))
PY
# an unwritable TMPDIR: exit 2, and the message names the temporary file
chmod a-w "$work/tmp"
if [ "$(id -u)" != 0 ]; then
  TMPDIR=$work/tmp "$ACTORNET" build "$work/ev.jsonl" -o "$work/x.json" 2>"$work/err"
  rc=$?
  [ $rc = 2 ] || { echo "FAIL: unwritable TMPDIR: exit $rc, want 2"; fail=1; }
  grep -q "temporary file" "$work/err" || { echo "FAIL: message: $(cat "$work/err")"; fail=1; }
fi
TMPDIR=$work/missing "$ACTORNET" build "$work/ev.jsonl" -o "$work/x.json" 2>"$work/err"
rc=$?
[ $rc = 2 ] || { echo "FAIL: missing TMPDIR: exit $rc, want 2"; fail=1; }
grep -q "temporary file" "$work/err" || { echo "FAIL: message: $(cat "$work/err")"; fail=1; }
[ $fail = 0 ] && echo "ok: events spilled to \$TMPDIR, same graph"
exit $fail
