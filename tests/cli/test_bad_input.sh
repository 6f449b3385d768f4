# test_bad_input.sh: what real corpora throw at the reader. Skipped input is
# reported (file:line, what is wrong), the rest still comes out and the exit
# status is 1; read/write failures exit 2 and leave no output file.
. "$(dirname "$0")/lib.sh"

printf 'A good document.\n' >good.txt

# A broken JSONL line: reported with file:line, skipped; others still out.
printf '{"id":"b1","text":"First is fine."}\n{"id":"b2","text": oops}\n{"id":"b3","text":"Third is fine."}\n[1,2]\n{"id":"b5"}\n' >broken.jsonl
run "$ACTORNET" extract --sentences broken.jsonl
expect_rc 1 "broken JSONL line"
expect_err 'broken\.jsonl:2: warning: broken JSON at column [0-9]+' "broken line at file:line"
expect_err 'broken\.jsonl:4: warning: .*must be a JSON object' "non-object line"
expect_err 'broken\.jsonl:5: warning: .*"b5" has no "text"' "line without text"
expect_err '^2 documents, [0-9]+ sentences?, 3 skipped$' "summary counts skips"
py "broken JSONL: the good lines still out" 'assert [d["id"] for d in docs] == ["b1", "b3"], docs'

# Wrong-typed fields.
printf '{"id":"w1","text":"x y","date":20240304}\n{"id":"w2","text":["a"]}\n{"id":"w3","text":"Kept.","date":"yesterday"}\n' >types.jsonl
run "$ACTORNET" extract --sentences types.jsonl
expect_rc 1 "wrong-typed fields"
expect_err 'types\.jsonl:1: warning: document "w1": "date" must be a string or null, not a number'
expect_err 'types\.jsonl:2: warning: document "w2": "text" must be a string, not an array'
expect_err 'types\.jsonl:3: warning: document "w3": date "yesterday" is not'
py "a bad date string drops the date, not the document" 'assert [(d["id"], d["date"]) for d in docs] == [("w3", None)], docs'

# Empty documents: an empty file, a blank file, an empty JSONL text.
: >empty.txt
printf ' \n\t\n' >blank.txt
printf '{"id":"e1","text":""}\n' >empty.jsonl
run "$ACTORNET" extract --sentences empty.txt blank.txt empty.jsonl good.txt
expect_rc 1 "empty documents"
expect_err 'empty\.txt: warning: document "empty" is empty; skipped'
expect_err 'blank\.txt: warning: document "blank" is empty; skipped'
expect_err 'empty\.jsonl:1: warning: document "e1" is empty; skipped'
py "empty documents skipped, good one kept" 'assert [d["id"] for d in docs] == ["good"], docs'

# Invalid UTF-8: repaired, reported with document and byte offset; no crash.
printf 'Bad \xff byte and a cut \xe2\x80 sequence.\n' >badutf8.txt
run "$ACTORNET" extract --sentences badutf8.txt
expect_rc 0 "invalid UTF-8 is repaired, not skipped"
expect_err 'badutf8\.txt: warning: document "badutf8": invalid UTF-8 at byte 4 ' "first bad byte at offset 4"
expect_err 'invalid UTF-8 at byte 21 ' "cut sequence at offset 21"
py "repaired text holds U+FFFD and stays valid JSON" '
t = " ".join(s["text"] for s in sents)
assert "\ufffd" in t and "byte" in t and "sequence" in t, t
'
run "$ACTORNET" extract badutf8.txt
expect_rc 0 "invalid UTF-8 in events mode"
expect_err 'document "badutf8": invalid UTF-8 at byte 4 ' "reported in events mode too"
printf '{"id":"ju","text":"In json \xc3 too."}\n' >badutf8.jsonl
run "$ACTORNET" extract --sentences badutf8.jsonl
expect_rc 0 "invalid UTF-8 inside JSONL"
expect_err 'badutf8\.jsonl:1: warning: document "ju": invalid UTF-8 at byte 8 '

# NUL bytes inside a text: no crash, valid JSON out.
printf 'Nul\0in the middle. And after it.\n' >nul.txt
run "$ACTORNET" extract --sentences nul.txt
expect_rc 0 "NUL bytes"
py "NUL bytes: document read whole" '
assert docs[0]["bytes"] == 33, docs
assert any("after it" in s["text"] for s in sents), sents
'

# UTF-16 (byte-order mark): refused with a clear message, the rest goes on.
printf '\xff\xfeH\0i\0.\0' >utf16.txt
printf '\xfe\xff\0H\0i' >utf16be.txt
run "$ACTORNET" extract --sentences utf16.txt utf16be.txt good.txt
expect_rc 1 "UTF-16"
expect_err 'utf16\.txt: warning: UTF-16 is not supported; convert to UTF-8'
expect_err 'utf16be\.txt: warning: UTF-16 is not supported'
py "UTF-16 skipped, good kept" 'assert [d["id"] for d in docs] == ["good"], docs'

# A UTF-8 byte-order mark is dropped, not read as text.
printf '\xef\xbb\xbfWith a mark.' >bom.txt
run "$ACTORNET" extract --sentences bom.txt
expect_rc 0 "UTF-8 BOM"
py "UTF-8 BOM dropped" 'assert docs[0]["bytes"] == 12 and sents[0]["text"].startswith("With"), recs'

# AN_BADINPUT_QUICK=1 (scripts/check-valgrind.sh): too slow under memcheck.
if [ "${AN_BADINPUT_QUICK:-0}" != 1 ]; then
# A huge single line (20 MB), as a text file and as one JSONL document.
yes 'word' | head -c 20000000 | tr '\n' ' ' >huge.txt
{ printf '{"id":"huge","text":"'; cat huge.txt; printf '"}\n{"id":"after","text":"Still read."}\n'; } >huge.jsonl
start=$(date +%s)
run timeout 120 "$ACTORNET" extract --sentences -o huge.out huge.txt huge.jsonl
expect_rc 0 "20 MB line"
py "20 MB line: documents whole" '
assert [(d["id"], d["bytes"]) for d in docs] == [("huge", 20000000), ("huge", 20000000), ("after", 11)], [(d["id"], d["bytes"]) for d in docs]
total = sum(len(s["text"]) for s in sents if s["doc"] == "huge")
assert total >= 2 * 19999000, total
' huge.out
check "20 MB line in under 60 s" test $(($(date +%s) - start)) -lt 60
rm -f huge.txt huge.jsonl huge.out
fi

# --max-doc-size: larger documents are skipped with a warning.
printf 'Twelve bytes' >twelve.txt
printf '{"id":"small","text":"tiny"}\n{"id":"large","text":"0123456789abcdef"}\n' >sizes.jsonl
run "$ACTORNET" extract --sentences --max-doc-size 10 twelve.txt sizes.jsonl
expect_rc 1 "--max-doc-size"
expect_err 'twelve\.txt: warning: document "twelve" is larger than 10 bytes; skipped'
expect_err 'sizes\.jsonl:2: warning: document "large" is larger than 10 bytes; skipped'
py "--max-doc-size keeps the small one" 'assert [d["id"] for d in docs] == ["small"], docs'
run "$ACTORNET" extract --sentences --max-doc-size 1K twelve.txt
expect_rc 0 "--max-doc-size 1K"
run "$ACTORNET" extract --sentences --max-doc-size lots twelve.txt
expect_rc 1 "--max-doc-size not a size"
expect_err -- '--max-doc-size wants a size'

# A missing input: exit 1, the path named, no output file created.
run "$ACTORNET" extract --sentences good.txt no-such-file.txt -o never.jsonl
expect_rc 1 "missing input"
expect_err 'no-such-file\.txt: no such file or directory'
check "missing input: no output file" test ! -e never.jsonl

# A missing --actors file or --data-dir: usage errors (exit 1) naming them.
run "$ACTORNET" extract --actors no-such-actors.json good.txt
expect_rc 1 "missing --actors file"
expect_err 'no-such-actors\.json: no such file'
run "$ACTORNET" extract --data-dir no-such-data good.txt
expect_rc 1 "missing --data-dir"
expect_err 'no-such-data: no such folder'

# An input that fails while read (EIO): exit 2; the existing output file is
# left as it was and no temporary file remains.
printf 'OLD CONTENT\n' >keep.jsonl
if [ -r /proc/self/mem ]; then
  run "$ACTORNET" extract --sentences good.txt /proc/self/mem -o keep.jsonl
  expect_rc 2 "read error mid-run"
  expect_err '/proc/self/mem: read error'
  check "read error: output file unchanged" test "$(cat keep.jsonl)" = "OLD CONTENT"
fi
run "$ACTORNET" extract --sentences good.txt no-such-file.txt -o keep.jsonl
expect_rc 1 "missing input with existing output"
check "missing input: output file unchanged" test "$(cat keep.jsonl)" = "OLD CONTENT"
check "no temporary files left" test "$(ls -A | grep -c '\.tmp')" -eq 0

# Unreadable file (only meaningful when not root: root reads anything).
if [ "$(id -u)" -ne 0 ]; then
  printf 'secret' >locked.txt
  chmod 000 locked.txt
  run "$ACTORNET" extract --sentences locked.txt
  expect_rc 2 "unreadable file"
  expect_err 'locked\.txt: cannot read: Permission denied'
fi

# Output to a full device: exit 2 and a message, via -o and via stdout.
if [ -w /dev/full ]; then
  run "$ACTORNET" extract --sentences good.txt -o /dev/full
  expect_rc 2 "-o /dev/full"
  expect_err '/dev/full: write error: No space left on device'
  "$ACTORNET" extract --sentences good.txt >/dev/full 2>"$T/err"
  rc=$?
  expect_rc 2 "stdout to /dev/full"
  expect_err 'write error'
  check "/dev/full is still a device" test -c /dev/full
fi

# Output to /dev/null: written directly, the device stays a device (a
# rename over it would turn it into a regular file for every process).
if [ -c /dev/null ]; then
  run "$ACTORNET" extract --sentences good.txt -o /dev/null
  expect_rc 0 "-o /dev/null"
  check "/dev/null is still a device" test -c /dev/null
fi

# Output into a missing folder: error before any work, exit 1 or 2 with the path.
run "$ACTORNET" extract --sentences good.txt -o no/such/dir/out.jsonl
check "output in missing folder fails" test "$rc" -ne 0
expect_err 'no/such/dir/out\.jsonl: cannot write'

finish
