#!/usr/bin/env bash
# Validates every data file (tests/data/check_data.py), then checks that the
# validator itself catches broken copies (a test that cannot fail is no test).
set -euo pipefail
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v python3 >/dev/null || { echo "skip: no python3"; exit 77; }
CHECK="$SRCDIR/tests/data/check_data.py"
python3 "$CHECK" "$SRCDIR"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/datacheck.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fails=0
# mutate NAME PYTHON: copy data/, apply a python edit to the copy, expect FAIL.
mutate() {
  local name=$1 code=$2
  rm -rf "$tmp/c"; mkdir -p "$tmp/c"; cp -r "$SRCDIR/data" "$tmp/c/data"
  (cd "$tmp/c" && python3 -c "$code")
  if python3 "$CHECK" "$tmp/c" >"$tmp/out" 2>&1; then
    echo "FAIL: validator accepted a broken copy ($name)"; fails=$((fails+1))
  elif ! grep -q '^FAIL' "$tmp/out"; then
    echo "FAIL: validator crashed on $name:"; cat "$tmp/out"; fails=$((fails+1))
  else
    echo "ok: rejects $name ($(grep -c '^FAIL' "$tmp/out") problem(s))"
  fi
}
PRE='import json
def rw(p, f):
    d = json.load(open(p)); f(d)
    open(p, "w").write("[\n" + ",\n".join(json.dumps(e, ensure_ascii=False) for e in d) + "\n]\n" if isinstance(d, list) else json.dumps(d))
'
mutate "alias on two actors" "$PRE
rw('data/gazetteer/people.json', lambda d: d[0]['aliases'].append('Hamas'))"
mutate "duplicate id" "$PRE
rw('data/gazetteer/organizations.json', lambda d: d.append(dict(d[0])))"
mutate "bad kind" "$PRE
rw('data/gazetteer/organizations.json', lambda d: d[0].update(kind='group'))"
mutate "unknown country code" "$PRE
rw('data/gazetteer/people.json', lambda d: d[0].update(country='XYZ'))"
mutate "missing label" "$PRE
rw('data/gazetteer/people.json', lambda d: d[0].pop('label'))"
mutate "role of unknown actor" "$PRE
rw('data/gazetteer/people.json', lambda d: d[0]['roles'].append({'role': 'leader', 'of': 'no-such-actor'}))"
mutate "non-canonical role" "$PRE
rw('data/gazetteer/people.json', lambda d: d[0]['roles'].append({'role': 'grand poobah', 'of': 'IRN'}))"
mutate "bad date" "$PRE
rw('data/gazetteer/people.json', lambda d: d[0]['roles'].append({'role': 'leader', 'of': 'IRN', 'from': '2020-13'}))"
mutate "alias with leading the" "$PRE
rw('data/gazetteer/countries.json', lambda d: d[0]['aliases'].append('the Thing'))"
mutate "malformed JSON" "open('data/gazetteer/organizations.json', 'a').write('{')"
mutate "duplicate title form" "$PRE
rw('data/lexicon/titles.json', lambda d: d['titles'][0]['forms'].append('President'))"
mutate "pronoun missing" "$PRE
rw('data/lexicon/names.json', lambda d: d.update(pronouns=[p for p in d['pronouns'] if p['form'] != 'she']))"
mutate "undeclared ambiguity removed" "$PRE
rw('data/lexicon/names.json', lambda d: d.update(ambiguous_aliases=[]))"
mutate "given name in both genders" "$PRE
rw('data/lexicon/names.json', lambda d: d['given_names']['f'].append(d['given_names']['m'][0]))"
mutate "given name that is a country" "$PRE
rw('data/lexicon/names.json', lambda d: d['given_names']['m'].append('Jordan'))"
mutate "place head that is an org cue" "$PRE
rw('data/lexicon/names.json', lambda d: d['place_heads'].append('Ministry'))"
mutate "org head word in a stop list" "$PRE
rw('data/lexicon/names.json', lambda d: d['stop']['function_words'].append('Party'))"
[ "$fails" -eq 0 ] || { echo "$fails validator self-test(s) failed"; exit 1; }
echo "ok: data files valid and validator self-tests pass"
