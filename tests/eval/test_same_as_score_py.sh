#!/usr/bin/env bash
# test_same_as_score_py.sh: `actornet eval` prints exactly what
# ../shared/tools/score.py prints (text and --json, graph check included) on
# synthetic predictions derived from each gold set (tests/eval/synth.py:
# drops, wrong events, label variants, look-alike letters, swapped
# directions, dates) and, when `actornet extract` works, on its real output
# for the shared seeds and dev sets and the project's examples.
# Skipped (77) when ../shared (score.py and its gold) is absent.
set -u
: "${ACTORNET:?}" "${SRCDIR:?}"
SHARED=${SHARED:-$SRCDIR/../shared}
# the source tree's data, not an installed copy that may be older
export ACTORNET_DATA=${ACTORNET_DATA:-$SRCDIR/data}
SCORE=$SHARED/tools/score.py
if [ ! -f "$SCORE" ]; then
  echo "SKIP: $SCORE not found (../shared absent)"
  exit 77
fi
if ! command -v python3 >/dev/null; then
  echo "SKIP: python3 not found"
  exit 77
fi
if ! "$ACTORNET" eval --help >/dev/null 2>&1; then
  echo "SKIP: '$ACTORNET eval' is not available in this build"
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/an-eval-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0
cases=0

# compare GOLD PRED [GRAPH]: both tools, text and JSON, byte for byte.
compare() {
  local gold=$1 pred=$2 graph=${3:-} name
  name=$(basename "$(dirname "$pred")")/$(basename "$pred")
  local gopt=() pyopt=()
  if [ -n "$graph" ]; then gopt=(--graph "$graph"); pyopt=(--graph "$graph"); fi
  for mode in text json; do
    local jopt=()
    [ $mode = json ] && jopt=(--json)
    python3 "$SCORE" --gold "$gold" --pred "$pred" "${pyopt[@]}" "${jopt[@]}" \
      >"$work/want" 2>"$work/want.err"
    local prc=$?
    "$ACTORNET" eval --gold "$gold" "${gopt[@]}" "${jopt[@]}" "$pred" \
      >"$work/got" 2>"$work/got.err"
    local grc=$?
    cases=$((cases + 1))
    if [ $prc -ne 0 ]; then
      echo "FAIL (score.py itself failed on $name $mode):"; cat "$work/want.err"; fail=1
    elif [ $grc -ne 0 ]; then
      echo "FAIL: actornet eval exited $grc on $name ($mode)"; cat "$work/got.err"; fail=1
    elif ! cmp -s "$work/want" "$work/got"; then
      echo "FAIL: $name ($mode${graph:+, graph}) differs from score.py:"
      diff "$work/want" "$work/got" | head -20
      fail=1
    fi
  done
}

sets=()
for s in seeds dev; do
  [ -f "$SHARED/gold/$s/actors.json" ] && sets+=("$SHARED/gold/$s")
done
[ -f "$SRCDIR/examples/gold/actors.json" ] && sets+=("$SRCDIR/examples/gold")

n=0
for gold in "${sets[@]}"; do
  for seed in 1 2 3; do
    out=$work/synth$n
    n=$((n + 1))
    python3 "$SRCDIR/tests/eval/synth.py" "$gold" "$out" "$seed" || { echo "FAIL: synth.py"; exit 1; }
    for p in exact noisy variants wrong empty; do compare "$gold" "$out/$p.jsonl"; done
    compare "$gold" "$out/noisy.jsonl" "$out/noisy.graph.json"
    compare "$gold" "$out/variants.jsonl" "$out/variants.graph.json"
    if [ "$seed" = 1 ] && [ "$n" = 1 ]; then
      compare "$out/edge" "$out/edge.jsonl"
      compare "$out/edge" "$out/edge.jsonl" "$out/edge.graph.json"
    fi
  done
done

# The extractor's real output, when it runs.
real=0
extract_and_compare() { # GOLD OUTNAME META INPUT...
  local gold=$1 name=$2 meta=$3
  shift 3
  local mopt=()
  [ -n "$meta" ] && mopt=(--meta "$meta")
  if "$ACTORNET" extract --quiet "${mopt[@]}" -o "$work/$name.jsonl" "$@" 2>"$work/$name.err" &&
     [ -s "$work/$name.jsonl" ]; then
    compare "$gold" "$work/$name.jsonl"
    # eval --extract: the same report as extract, then eval of the file
    if "$ACTORNET" eval --help 2>/dev/null | grep -q -- --extract; then
      python3 "$SCORE" --gold "$gold" --pred "$work/$name.jsonl" --json >"$work/want" 2>&1
      "$ACTORNET" --quiet eval --gold "$gold" --json --extract "${mopt[@]}" "$@" >"$work/got" 2>"$work/got.err"
      local rc=$?
      cases=$((cases + 1))
      if [ $rc -ne 0 ] || ! cmp -s "$work/want" "$work/got"; then
        echo "FAIL: eval --extract on $name (exit $rc) differs from score.py on extract's output:"
        diff "$work/want" "$work/got" | head -20
        head -5 "$work/got.err"
        fail=1
      fi
    fi
    if "$ACTORNET" build -o "$work/$name.graph.json" "$work/$name.jsonl" 2>/dev/null &&
       [ -s "$work/$name.graph.json" ]; then
      compare "$gold" "$work/$name.jsonl" "$work/$name.graph.json"
    fi
    real=$((real + 1))
  fi
}
if "$ACTORNET" extract --help >/dev/null 2>&1; then
  [ -d "$SHARED/corpus/seeds" ] && extract_and_compare "$SHARED/gold/seeds" seeds "" "$SHARED/corpus/seeds"
  [ -d "$SHARED/corpus/dev" ] && extract_and_compare "$SHARED/gold/dev" dev "$SHARED/meta/dev.jsonl" "$SHARED/corpus/dev"
  # explicit files: the folder also holds meta.jsonl and gold/*.jsonl
  [ -d "$SRCDIR/examples/gold" ] && extract_and_compare "$SRCDIR/examples/gold" examples \
    "$SRCDIR/examples/meta.jsonl" "$SRCDIR"/examples/articles/*.txt "$SRCDIR/examples/articles/corpus.jsonl"
fi

echo "$cases comparisons on ${#sets[@]} gold sets ($real real extractor runs)"
[ "${#sets[@]}" -gt 0 ] || { echo "FAIL: no gold set found"; exit 1; }
exit $fail
