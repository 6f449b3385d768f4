#!/usr/bin/env bash
# test_kill.sh: `actornet extract --db` killed at random moments (SIGKILL:
# no handler runs) leaves a consistent store, and re-running completes the
# work: the graph built from the store then equals the graph built from one
# uninterrupted extract (issue 8). Also: a re-run adds nothing, and
# `build --db` equals `build` on the extracted JSONL.
# Skipped (77) while the CLI has no --db. Fixed seed: the same kill delays
# on every run.
set -u
: "${ACTORNET:?}" "${SRCDIR:?}"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
"$ACTORNET" extract --help 2>/dev/null | grep -q -- '--db' || { echo "extract has no --db: skipped"; exit 77; }
"$ACTORNET" build --help 2>/dev/null | grep -q -- '--db' || { echo "build has no --db: skipped"; exit 77; }

T=$(mktemp -d "${TMPDIR:-/tmp}/an_kill.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# A corpus of our own sentences, big enough that a run takes a while.
"$PY" "$SRCDIR/bench/gen_corpus.py" --size 3M --seed 7 -o "$T/corpus.jsonl" 2>/dev/null ||
  fail "corpus generation"

# The reference: one uninterrupted run.
start=$(date +%s.%N)
"$ACTORNET" extract -q -j 2 "$T/corpus.jsonl" -o "$T/ref.jsonl" || fail "reference extract"
ref_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.3f", b - a}')
"$ACTORNET" build "$T/ref.jsonl" -o "$T/ref.json" || fail "reference build"
echo "reference extract: ${ref_s}s"

# check_store DB: integrity, and every stored document holds exactly the
# events the reference run found for it (all of them or it is absent).
check_store() {
  "$PY" - "$1" "$T/ref.jsonl" <<'EOF'
import collections, json, sqlite3, sys
db, ref = sys.argv[1], sys.argv[2]
want = collections.defaultdict(list)
docs = set()
for line in open(ref, encoding="utf-8"):
    r = json.loads(line)
    if r["record"] == "document":
        docs.add(r["id"])
    else:
        want[r["doc"]].append(r["id"])
c = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
ok = c.execute("PRAGMA integrity_check").fetchone()[0]
if ok != "ok":
    sys.exit("integrity_check: %s" % ok)
if c.execute("PRAGMA foreign_key_check").fetchall():
    sys.exit("foreign_key_check failed")
n = 0
for seq, doc in c.execute("SELECT seq, id FROM documents"):
    n += 1
    if doc not in docs:
        sys.exit("unknown document %s" % doc)
    got = [e for (e,) in c.execute("SELECT id FROM events WHERE doc = ? ORDER BY ord", (seq,))]
    if got != want[doc]:
        sys.exit("document %s: %d events stored, %d expected" % (doc, len(got), len(want[doc])))
dup = c.execute("SELECT count(*) - count(DISTINCT id) FROM events").fetchone()[0]
if dup:
    sys.exit("%d duplicate events" % dup)
print(n)
EOF
}

# The same graph: equal JSON, floats (metrics such as PageRank) to 1e-9
# relative, since their last digits are not reproducible between runs.
same_graph() {
  "$PY" - "$1" "$2" <<'EOF'
import json, math, sys
def same(a, b, path):
    if isinstance(a, float) or isinstance(b, float):
        if isinstance(a, (int, float)) and isinstance(b, (int, float)) and \
           math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12):
            return True
        sys.exit("%s: %r != %r" % (path, a, b))
    if type(a) != type(b):
        sys.exit("%s: %r != %r" % (path, a, b))
    if isinstance(a, dict):
        if a.keys() != b.keys():
            sys.exit("%s: keys %s != %s" % (path, sorted(a), sorted(b)))
        return all(same(a[k], b[k], path + "." + k) for k in a)
    if isinstance(a, list):
        if len(a) != len(b):
            sys.exit("%s: %d != %d items" % (path, len(a), len(b)))
        return all(same(x, y, "%s[%d]" % (path, i)) for i, (x, y) in enumerate(zip(a, b)))
    if a != b:
        sys.exit("%s: %r != %r" % (path, a, b))
    return True
same(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), "$")
EOF
}

# Kill delays: fixed fractions of the reference run.
fractions="0.4 0.85"
round=0
killed=0
for f in $fractions; do
  round=$((round + 1))
  db="$T/r$round.db"
  # Killed once, resumed and killed again, then run to the end.
  for attempt in 1 2; do
    delay=$(awk -v r="$ref_s" -v f="$f" -v a="$attempt" 'BEGIN {printf "%.3f", r * (a == 1 ? f : 1 - f / 2)}')
    "$ACTORNET" extract -q -j 2 --db "$db" "$T/corpus.jsonl" 2>"$T/err" &
    pid=$!
    sleep "$delay"
    if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
    wait "$pid" 2>/dev/null
    if [ -e "$db" ]; then
      n=$(check_store "$db") || fail "round $round attempt $attempt: inconsistent store: $n"
    else
      n="no store yet"
    fi
    echo "round $round: killed after ${delay}s, $n documents stored"
  done
  "$ACTORNET" extract -q -j 2 --db "$db" "$T/corpus.jsonl" || fail "round $round: completing run"
  check_store "$db" > /dev/null || fail "round $round: complete store inconsistent"
  "$ACTORNET" build --db "$db" -o "$T/r$round.json" || fail "round $round: build --db"
  same_graph "$T/ref.json" "$T/r$round.json" || fail "round $round: graph differs from an uninterrupted run"
done
# On a busy machine a run may end before its kill: then kill earlier runs
# until two kills landed (a run finishing early is no failure of the store).
extra=0
while [ "$killed" -lt 2 ] && [ "$extra" -lt 4 ]; do
  extra=$((extra + 1))
  db="$T/x$extra.db"
  delay=$(awk -v r="$ref_s" -v e="$extra" 'BEGIN {printf "%.3f", r * 0.3 / e}')
  "$ACTORNET" extract -q -j 2 --db "$db" "$T/corpus.jsonl" 2>"$T/err" &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null
  if [ -e "$db" ]; then check_store "$db" > /dev/null || fail "extra run $extra: inconsistent store"; fi
  "$ACTORNET" extract -q -j 2 --db "$db" "$T/corpus.jsonl" || fail "extra run $extra: completing run"
  check_store "$db" > /dev/null || fail "extra run $extra: complete store inconsistent"
done
[ "$killed" -ge 2 ] || fail "only $killed kills landed during a run"

# A re-run stores nothing new: every row the same, none re-added.
snapshot() {
  "$PY" -c 'import sqlite3, sys
c = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
print(c.execute("SELECT count(*), max(seq), group_concat(id || hash || added) FROM documents").fetchone())
print(c.execute("SELECT count(*), group_concat(id) FROM events").fetchone())' "$1"
}
before=$(snapshot "$T/r1.db")
"$ACTORNET" extract -q -j 2 --db "$T/r1.db" "$T/corpus.jsonl" || fail "re-run"
[ "$before" = "$(snapshot "$T/r1.db")" ] || fail "a re-run changed the store"
echo "ok: $killed kills, every store consistent and completed"
