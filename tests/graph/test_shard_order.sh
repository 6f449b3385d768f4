#!/usr/bin/env bash
# test_shard_order.sh: `actornet build` gives byte-identical graphs from any
# order of its inputs (issue 6): a generated events file (bench/gen_events.py)
# plus adversarial records (a document id repeated with other metadata and
# actors, ids with bytes below '-', an affiliation to an unlisted actor, a
# repeated event id with other content) is built whole, cut into shards by
# document and given in several orders, and shuffled line by line.
set -u
: "${ACTORNET:?}" "${SRCDIR:?}"
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/an-order-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0

python3 "$SRCDIR/bench/gen_events.py" --events 3000 --actors 120 --seed 7 -o "$work/gen.jsonl" || exit 1
cat >"$work/adv.jsonl" <<'JSONL'
{"record":"document","id":"b00000003","date":"2030-01-01","outlet":"Zeta Wire","actors":[{"id":"ana-ruiz","label":"Ana Ruiz","kind":"person","mentions":9,"key":"ruiz|ana"},{"id":"ana-ruiz!","label":"Ana Ruiz!","kind":"organization","mentions":1}],"affiliations":[{"person":"ana-ruiz","org":"not-listed"}]}
{"record":"document","id":"b00000004","actors":[{"id":"ana-ruiz","label":"Ana Ruiz","kind":"organization","mentions":1}]}
{"record":"document","id":"b00000005","actors":[{"id":"ana-ruiz","label":"Ana Ruiz","kind":"country","mentions":1}]}
{"record":"event","id":"adv1","doc":"b00000003","type":"meet","source":{"id":"ana-ruiz"},"target":{"id":"ana-ruiz!"},"directed":false}
{"record":"event","id":"adv2","doc":"b00000004","type":"attack","source":{"id":"ana-ruiz"},"target":{"id":"hassan-halrossien"}}
{"record":"event","id":"adv4","doc":"b00000005","type":"threaten","source":{"id":"ana-ruiz"},"target":{"id":"hassan-halrossien"}}
{"record":"event","id":"adv3","doc":"b00000004","type":"praise","source":{"id":"ana-ruiz"},"target":{"id":"not-listed","label":"Not Listed","kind":"organization"},"sentence":"first"}
{"record":"event","id":"adv3","doc":"b00000004","type":"praise","source":{"id":"ana-ruiz"},"target":{"id":"not-listed","label":"Not Listed","kind":"organization"},"sentence":"second"}
JSONL
cat "$work/gen.jsonl" "$work/adv.jsonl" >"$work/all.jsonl"

# shards by document: a document record and its events go to shard (doc number % 4)
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
out = [open(f"{w}/shard{i}.jsonl", "w") for i in range(4)]
for line in open(f"{w}/all.jsonl"):
    r = json.loads(line)
    doc = r["id"] if r.get("record") == "document" else r.get("doc", "")
    out[sum(map(ord, doc)) % 4].write(line)
PY
python3 -c "import random,sys; l=open(sys.argv[1]).readlines(); random.Random(3).shuffle(l); open(sys.argv[2],'w').writelines(l)" \
  "$work/all.jsonl" "$work/shuffled.jsonl"

build() { # NAME INPUT...
  local name=$1
  shift
  "$ACTORNET" build --no-metrics "$@" -o "$work/$name.json" &&
    "$ACTORNET" build --no-metrics "$@" -o "$work/$name.graphml" &&
    "$ACTORNET" build --no-metrics --events-graph "$@" -o "$work/$name.events.json" || {
    echo "FAIL: build $name"
    fail=1
  }
}
build whole "$work/all.jsonl"
build shards "$work/shard0.jsonl" "$work/shard1.jsonl" "$work/shard2.jsonl" "$work/shard3.jsonl"
build reversed "$work/shard3.jsonl" "$work/shard2.jsonl" "$work/shard1.jsonl" "$work/shard0.jsonl"
build mixed "$work/shard2.jsonl" "$work/shard0.jsonl" "$work/shard3.jsonl" "$work/shard1.jsonl"
build shuffled "$work/shuffled.jsonl"
# overlapping shards: a shard given twice changes nothing
build overlap "$work/shard1.jsonl" "$work/all.jsonl" "$work/shard1.jsonl"
for v in shards reversed mixed shuffled overlap; do
  for ext in json graphml events.json; do
    if ! cmp -s "$work/whole.$ext" "$work/$v.$ext"; then
      echo "FAIL: $v.$ext differs from the whole file's"
      diff "$work/whole.$ext" "$work/$v.$ext" | head -5
      fail=1
    fi
  done
done
grep -q '"sentence":"first"' "$work/whole.json" && ! grep -q '"sentence":"second"' "$work/whole.json" ||
  { echo "FAIL: a repeated event id keeps the smaller content"; fail=1; }
grep -q '"ana-ruiz-2"\|"ana-ruiz-3"' "$work/whole.json" || { echo "FAIL: no suffixed id in the adversarial set"; fail=1; }
[ $fail = 0 ] && echo "ok: every order gives the same graph"
exit $fail
