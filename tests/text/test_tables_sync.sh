#!/usr/bin/env bash
# test_tables_sync.sh: the generated tables in src/text/ must match what
# tools/gen_text_tables.py makes from data/text/ (style.md: "Data, not literals").
set -u
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }
out=$(mktemp -d "${TMPDIR:-/tmp}/an_tables.XXXXXX") || exit 1
trap 'rm -rf "$out"' EXIT
python3 "$SRCDIR/tools/gen_text_tables.py" "$SRCDIR" "$out" || { echo "generator failed"; exit 1; }
status=0
for f in confusables.inc abbrev.inc abbrev_filter.inc; do
  if ! diff -u "$SRCDIR/src/text/$f" "$out/$f"; then
    echo "src/text/$f is out of date: run tools/gen_text_tables.py"
    status=1
  fi
done
exit $status
