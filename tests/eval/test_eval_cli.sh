#!/usr/bin/env bash
# test_eval_cli.sh: `actornet eval` as a command: options, standard input,
# exit codes (0 scored, 1 bad input or usage, 2 I/O), the report on the
# project's own examples gold (needs no ../shared).
set -u
: "${ACTORNET:?}" "${SRCDIR:?}"
export ACTORNET_DATA=${ACTORNET_DATA:-$SRCDIR/data}
GOLD=$SRCDIR/examples/gold
work=$(mktemp -d "${TMPDIR:-/tmp}/an-eval-cli-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0
expect() { # WANT_RC DESCRIPTION CMD...
  local want=$1 what=$2
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  local rc=$?
  if [ $rc -ne "$want" ]; then
    echo "FAIL: $what: exit $rc, want $want"; cat "$work/err"; fail=1
  fi
}
has() { # FILE TEXT DESCRIPTION
  grep -qF -- "$2" "$1" || { echo "FAIL: $3: no '$2' in:"; head -20 "$1"; fail=1; }
}

# predictions: two right (one with the call reversed and look-alike letters),
# one wrong direction, one unknown actor, one document the gold lacks
cat >"$work/pred.jsonl" <<'EOF'
{"record":"document","id":"a01_kenya_tanzania_border","actors":[]}
{"record":"event","doc":"a01_kenya_tanzania_border","type":"meet","source":{"label":"Neema Mushi"},"target":{"label":"Foreign Minister Daniel Kiprono"},"date":"2025-03-12"}
{"record":"event","doc":"a02_baltic_cables_lookalike","type":"call","source":{"label":"Vіrtаnеn"},"target":{"label":"Mааrjа Tаmm"},"date":"2025-01-05"}
{"record":"event","doc":"a02_baltic_cables_lookalike","type":"praise","source":{"label":"NATO"},"target":{"label":"Aleksi Virtanen"}}
{"record":"event","doc":"a04_japan_korea_summit","type":"accuse","source":{"label":"the protesters"},"target":{"label":"Japan"}}
{"record":"event","doc":"not_in_gold","type":"meet","source":"Kenya","target":"Uganda"}
EOF

expect 0 "--help" "$ACTORNET" eval --help
has "$work/out" "--gold DIR" "--help text"
expect 0 "score a file" "$ACTORNET" eval --gold "$GOLD" "$work/pred.jsonl"
has "$work/out" "type         tp   fp   fn   prec    rec     f1" "text header"
has "$work/out" "spurious: a02_baltic_cables_lookalike praise nato virtanen" "wrong direction is a false positive"
has "$work/out" "spurious: a04_japan_korea_summit accuse ?the protesters japan" "unknown actor"
has "$work/out" "dates: 1 of 2 found events" "date check"
grep -q "not_in_gold" "$work/out" && { echo "FAIL: a document without gold was scored"; fail=1; }
cp "$work/out" "$work/text1"
expect 0 "--pred and stdin" "$ACTORNET" eval --gold "$GOLD" --pred - <"$work/pred.jsonl"
cmp -s "$work/out" "$work/text1" || { echo "FAIL: stdin gives another report"; fail=1; }
expect 0 "--json" "$ACTORNET" eval --gold "$GOLD" --json "$work/pred.jsonl"
has "$work/out" '"all": {' "JSON report"
has "$work/out" '"tp": 2,' "JSON counts"
printf '{"nodes": [{"id": "a", "label": "Kenya"}, {"id": "b", "label": "Nairobi"}]}\n' >"$work/g.json"
expect 0 "--graph" "$ACTORNET" eval --gold "$GOLD" --graph "$work/g.json" "$work/pred.jsonl"
has "$work/out" "split: kenya: ['Kenya', 'Nairobi']" "graph check"

expect 1 "no --gold" "$ACTORNET" eval "$work/pred.jsonl"
expect 1 "no events file" "$ACTORNET" eval --gold "$GOLD"
expect 1 "two events files" "$ACTORNET" eval --gold "$GOLD" "$work/pred.jsonl" "$work/pred.jsonl"
expect 1 "unknown option" "$ACTORNET" eval --gold "$GOLD" --frobnicate "$work/pred.jsonl"
expect 1 "--meta without --extract" "$ACTORNET" eval --gold "$GOLD" --meta x "$work/pred.jsonl"
expect 1 "missing gold" "$ACTORNET" eval --gold "$work/nowhere" "$work/pred.jsonl"
expect 1 "missing events file" "$ACTORNET" eval --gold "$GOLD" "$work/nowhere.jsonl"
printf '{"doc": "a01_kenya_tanzania_border"}\n{broken\n' >"$work/bad.jsonl"
expect 1 "broken events line" "$ACTORNET" eval --gold "$GOLD" "$work/bad.jsonl"
has "$work/err" "bad.jsonl:2:" "the broken line is named"
if [ -w /dev/full ]; then
  "$ACTORNET" eval --gold "$GOLD" --json "$work/pred.jsonl" >/dev/full 2>"$work/err"
  rc=$?
  [ $rc -eq 2 ] || { echo "FAIL: writing to /dev/full: exit $rc, want 2"; fail=1; }
fi

# --extract: the examples through the extractor, as extract + eval would
if "$ACTORNET" extract --help >/dev/null 2>&1; then
  expect 0 "extract" "$ACTORNET" -q extract --meta "$SRCDIR/examples/meta.jsonl" \
    -o "$work/ex.jsonl" "$SRCDIR"/examples/articles/*.txt "$SRCDIR/examples/articles/corpus.jsonl"
  expect 0 "eval of extract's output" "$ACTORNET" eval --gold "$GOLD" --json "$work/ex.jsonl"
  cp "$work/out" "$work/want"
  expect 0 "eval --extract" "$ACTORNET" -q eval --gold "$GOLD" --json --extract \
    --meta "$SRCDIR/examples/meta.jsonl" "$SRCDIR"/examples/articles/*.txt "$SRCDIR/examples/articles/corpus.jsonl"
  cmp -s "$work/out" "$work/want" || { echo "FAIL: eval --extract differs from extract + eval"; diff "$work/want" "$work/out" | head; fail=1; }
  expect 1 "--extract without inputs" "$ACTORNET" eval --gold "$GOLD" --extract
  expect 1 "--extract and --pred" "$ACTORNET" eval --gold "$GOLD" --extract --pred x "$SRCDIR/examples"
fi
exit $fail
