#!/bin/bash
# render: valid SVG (xmllint) and PNG (magic bytes) files, through a
# temporary file (nothing left beside the output), engine by size, and
# clear failures for a bad engine or format.
. "$(dirname "$0")/lib.sh"
"$ACTORNET" render "$EV" -o "$W/g.svg" 2>"$W/err.log" || { cat "$W/err.log"; fail "render svg"; }
grep -qiE "warning|error" "$W/err.log" && { cat "$W/err.log"; fail "render printed warnings"; }
xmllint --noout "$W/g.svg" || fail "svg not well-formed"
grep -q '<svg' "$W/g.svg" || fail "no svg element"
grep -q 'Smith &amp; Sons &lt;Ltd&gt;' "$W/g.svg" || fail "label missing from svg"
grep -q 'relations' "$W/g.svg" || fail "legend missing"
"$ACTORNET" render "$EV" -o "$W/g.png" || fail "render png"
head -c 8 "$W/g.png" | od -An -tx1 | tr -d ' \n' | grep -q '^89504e470d0a1a0a$' || fail "not a PNG"
"$ACTORNET" render --engine sfdp --focus "Ivan Petrov" "$EV" -o "$W/ego.svg" || fail "render ego sfdp"
xmllint --noout "$W/ego.svg" || fail "ego svg"
"$ACTORNET" render --engine nosuch "$EV" -o "$W/x.svg" 2>/dev/null && fail "bad engine accepted"
[ -e "$W/x.svg" ] && fail "failed render left a file"
ls "$W" | grep -q tmp && fail "temporary file left behind"
"$ACTORNET" render "$EV" -o "$W/x.graphml" 2>/dev/null && fail "render accepted graphml"
echo "render ok"
