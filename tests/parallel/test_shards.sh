#!/usr/bin/env bash
# test_shards.sh: the distributed recipe of the README ("Distributed runs"),
# run locally (issue 7). A corpus is split into shards of whole lines, each
# shard goes through `actornet extract -` as a filter (stdin -> stdout), with
# GNU parallel --pipe when it is installed, else with xargs -P; then
#  1. the shard outputs, concatenated in shard order, equal one single run
#     byte for byte (each document's records depend on that document only);
#  2. `actornet build` over the shard outputs (in any order) writes the same
#     JSON graph as `build` over the single run;
#  3. the filter flushes per document: the first document's records come
#     out while its input is still open.
# No timing is asserted.
set -u
: "${ACTORNET:?}" "${SRCDIR:?}"
export ACTORNET_DATA=${ACTORNET_DATA:-$SRCDIR/data}
"$ACTORNET" extract --help >/dev/null 2>&1 && "$ACTORNET" build --help >/dev/null 2>&1 || exit 77
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

work=$(mktemp -d "${TMPDIR:-/tmp}/an-shards-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# a corpus: the generated benchmark text (about 400 documents) and the examples
"$PY" "$SRCDIR/bench/gen_corpus.py" --size 600K --seed 7 -o corpus.jsonl || exit 2
[ -f "$SRCDIR/examples/articles/corpus.jsonl" ] && cat "$SRCDIR/examples/articles/corpus.jsonl" >>corpus.jsonl
docs=$(wc -l <corpus.jsonl)

"$ACTORNET" -q extract - <corpus.jsonl >single.jsonl || bad "single run failed"
[ "$(grep -c '"record":"document"' single.jsonl)" = "$docs" ] || bad "single run: not one document record per input line"

# shards of whole lines, extracted two at a time
split -n l/5 -d corpus.jsonl shard. || exit 2
ls shard.0? >shards.txt
if command -v parallel >/dev/null 2>&1; then
  # the README's recipe: --pipe cuts stdin into blocks of whole lines;
  # --keep-order (-k) keeps the blocks' order in the output
  parallel --pipe -k --block 100k -j 2 "$ACTORNET" -q extract - <corpus.jsonl >piped.jsonl ||
    bad "parallel --pipe run failed"
  cmp -s piped.jsonl single.jsonl || bad "parallel --pipe -k output differs from the single run"
  echo "(GNU parallel used)"
fi
xargs -P 2 -I{} sh -c '"$1" -q extract - <"$2" >"$2.out"' sh "$ACTORNET" {} <shards.txt ||
  bad "a shard's extract failed"
cat shard.0?.out >merged.jsonl
cmp -s merged.jsonl single.jsonl || bad "shard outputs in order differ from the single run"

# build: shards (in reverse order too) equal the single run
"$ACTORNET" -q build single.jsonl -o one.json || bad "build of the single run failed"
"$ACTORNET" -q build shard.0?.out -o shards.json || bad "build of the shards failed"
# shellcheck disable=SC2046
"$ACTORNET" -q build $(ls -r shard.0?.out) -o shards-rev.json || bad "build of the shards (reversed) failed"
cmp -s one.json shards.json || bad "graph of the shards differs from the graph of the single run"
cmp -s one.json shards-rev.json || bad "graph of the shards in reverse order differs from the single run"
"$PY" - one.json <<'EOF' || bad "the graph has no edges"
import json, sys
g = json.load(open(sys.argv[1]))
sys.exit(0 if len(g.get("links", g.get("edges", []))) > 0 else 1)
EOF

# streaming: with the input still open after one document, its records are out
mkfifo in.fifo
"$ACTORNET" -q extract - <in.fifo >stream.jsonl &
pid=$!
exec 3>in.fifo
head -1 corpus.jsonl >&3
got=0
for _ in $(seq 1 100); do
  if grep -q '"record":"document"' stream.jsonl 2>/dev/null; then got=1; break; fi
  sleep 0.1
done
exec 3>&-
wait $pid || bad "streaming extract failed"
[ $got = 1 ] || bad "no output for the first document while stdin stayed open (no flush per document)"

[ $fail = 0 ] && echo "ok: $docs documents in 5 shards; extract and build equal a single run"
exit $fail
