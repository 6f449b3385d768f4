#!/bin/bash
# build on documents extracts them first: building from examples/ directly
# gives the same graph as extracting to events and building from those.
. "$(dirname "$0")/lib.sh"
[ -d "$SRCDIR/examples" ] || skip "no examples/"
"$ACTORNET" extract --help >/dev/null 2>&1 || skip "actornet has no extract subcommand yet"
cd "$SRCDIR"
docs=$(ls examples/articles/*.txt examples/articles/*.jsonl 2>/dev/null)
[ -n "$docs" ] || skip "no documents in examples/"
meta=(); [ -f examples/meta.jsonl ] && meta=(--meta examples/meta.jsonl)
"$ACTORNET" -q extract "${meta[@]}" $docs -o "$W/events.jsonl" || fail "extract"
"$ACTORNET" -q build "$W/events.jsonl" -o "$W/via-events.json" || fail "build from events"
"$ACTORNET" -q build "${meta[@]}" $docs -o "$W/direct.json" || fail "build from documents"
cmp -s "$W/via-events.json" "$W/direct.json" || fail "building from documents differs from extract + build"
echo "build raw ok"
