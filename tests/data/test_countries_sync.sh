#!/usr/bin/env bash
# countries.json must be exactly what tools/gen_countries.py makes from
# iso-codes + data/gazetteer/src/country_extras.json (CI keeps them in sync).
set -euo pipefail
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
ISO=/usr/share/iso-codes/json/iso_3166-1.json
if [ ! -r "$ISO" ]; then echo "skip: $ISO absent"; exit 77; fi
command -v python3 >/dev/null || { echo "skip: no python3"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/countries.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
python3 "$SRCDIR/tools/gen_countries.py" --iso "$ISO" -o "$tmp/countries.json"
# Deterministic: a second run gives the same bytes.
python3 "$SRCDIR/tools/gen_countries.py" --iso "$ISO" -o "$tmp/again.json"
cmp "$tmp/countries.json" "$tmp/again.json"
if ! diff -u "$SRCDIR/data/gazetteer/countries.json" "$tmp/countries.json"; then
  echo "FAIL: data/gazetteer/countries.json is stale; run tools/gen_countries.py" >&2
  exit 1
fi
echo "ok: countries.json in sync ($(grep -c '"kind": "country"' "$tmp/countries.json") countries)"
