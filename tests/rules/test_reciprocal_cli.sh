#!/bin/bash
# test_reciprocal_cli.sh: `actornet extract` end to end (actors stage
# included) on sentences of our own for the constructions of
# src/extract/mutual.h and nominal.h: reciprocal acts (both ways), group
# subjects, repeated charges, meeting idioms, nominal meetings and calls
# with a date before "between". Each line of CASES is
#   sentence <TAB> expected events (type:source>target;...) <TAB> forbidden events
# with actor labels as the extractor writes them; call/meet match either way.
set -u
A=${ACTORNET:?}
DATA=${SRCDIR:?}/data
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

"$A" extract --help >/dev/null 2>&1 || { echo "extract subcommand not wired in" >&2; exit 77; }

cat >"$T/cases.tsv" <<'TSV'
Norway and Finland accused each other on Monday of breaking the fishing accord. | accuse:Norway>Finland;accuse:Finland>Norway | 
Portuguese and Spanish fishing crews traded accusations over the quota. | accuse:Portugal>Spain;accuse:Spain>Portugal | 
Chile accused Peru of moving border posts, and each government blamed the other for the clash. | accuse:Chile>Peru;accuse:Peru>Chile | 
Indian and Pakistani troops exchanged fire along the frontier overnight. | attack:India>Pakistan;attack:Pakistan>India | 
Kenya and Uganda signed a border pact in March. Officials from both countries met on Friday to mark the line. | meet:Kenya>Uganda | 
Hamas and Fatah held rival rallies on Friday. Later the two sides traded accusations over the violence. | accuse:Hamas>Fatah;accuse:Fatah>Hamas | 
Brazil has long accused Argentina of protectionism, and President Luiz Inacio Lula da Silva repeated the charge on Tuesday. | accuse:Brazil>Argentina;accuse:Luiz Inacio Lula da Silva>Argentina | 
President Emmanuel Macron toured the flooded quarter of Valencia with Prime Minister Pedro Sanchez on Sunday. | meet:Emmanuel Macron>Pedro Sanchez | 
The new envoy, Ambassador Ingrid Dahl, presented her credentials to President Alexander Stubb on Monday. | meet:Ingrid Dahl>Alexander Stubb | 
The vote followed a phone conversation on Monday between Norwegian Prime Minister Jonas Gahr Store and Finnish President Alexander Stubb. | call:Jonas Gahr Store>Alexander Stubb | call:Norway>Alexander Stubb
After a two-hour meeting with Chancellor Olaf Scholz, President Emmanuel Macron said the dispute was settled. | meet:Emmanuel Macron>Olaf Scholz | 
Qatar brought Israel and Hamas back to the negotiating table in Doha on Wednesday. | meet:Qatar>Israel;meet:Qatar>Hamas | meet:Israel>Hamas
President Alexander Stubb welcomed the Oslo round of talks on Friday. |  | meet:Alexander Stubb>Norway
Norway traded fire with nobody in particular, officials joked. |  | 
Egypt hosted Hamas and Fatah delegations in Cairo. Later the two sides traded accusations. | meet:Egypt>Hamas;meet:Egypt>Fatah | accuse:Hamas>Fatah
Clashes between Sudan and South Sudan killed twelve people near the border on Monday. | attack:Sudan>South Sudan;attack:South Sudan>Sudan | 
Thailand and Cambodia trade fire as Malaysia urges restraint | attack:Thailand>Cambodia;attack:Cambodia>Thailand | attack:Malaysia>Thailand
In a phone call on Monday, Prime Minister Jonas Gahr Store, Norway's trade minister, and President Alexander Stubb discussed the dam. | call:Jonas Gahr Store>Alexander Stubb | 
Qatar hosted talks between Israel and Hamas in Doha on Monday. | meet:Israel>Hamas;meet:Qatar>Israel;meet:Qatar>Hamas | 
TSV

fail=0
n=0
while IFS='|' read -r text want deny; do
  text=${text% } want=${want# } want=${want% } deny=${deny# }
  n=$((n + 1))
  printf '%s\n' "$text" >"$T/c$n.txt"
  if ! "$A" extract --quiet --data-dir "$DATA" -o "$T/c$n.jsonl" "$T/c$n.txt"; then
    echo "FAILED: extract on case $n" >&2
    fail=1
    continue
  fi
  python3 - "$T/c$n.jsonl" "$want" "$deny" "$text" <<'PY' || fail=1
import json, sys
path, want, deny, text = sys.argv[1:5]
got = set()
for line in open(path):
    o = json.loads(line)
    if o.get("record") != "event":
        continue
    t, s, d = o["type"], o["source"]["label"], o["target"]["label"]
    got.add((t, s, d))
    if t in ("call", "meet"):
        got.add((t, d, s))
def parse(spec):
    out = []
    for e in filter(None, spec.split(";")):
        t, rest = e.split(":", 1)
        s, d = rest.split(">", 1)
        out.append((t, s, d))
    return out
ok = True
for e in parse(want):
    if e not in got:
        print("FAILED: missing %s in: %s (got %s)" % (e, text, sorted(got)), file=sys.stderr)
        ok = False
for e in parse(deny):
    if e in got:
        print("FAILED: unwanted %s in: %s" % (e, text), file=sys.stderr)
        ok = False
if not want and not deny and got:
    print("FAILED: no event wanted in: %s (got %s)" % (text, sorted(got)), file=sys.stderr)
    ok = False
sys.exit(0 if ok else 1)
PY
done <"$T/cases.tsv"
[ "$n" -ge 19 ] || { echo "FAILED: only $n cases read" >&2; fail=1; }
exit $fail
