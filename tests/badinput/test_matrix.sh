#!/bin/bash
# test_matrix.sh: the bad-input matrix of issue 8. Each case runs the CLI on
# one kind of bad input and checks: the documented exit code (0 ok, 1 bad
# input or usage, 2 internal or I/O error; `actornet --help`), never a crash
# (a death by signal other than the SIGINT we send fails), a message naming
# the file (and line, where there is one), and the output rules: a run that
# fails leaves an existing output file untouched and no temporary file; a
# run that skips input writes every other document, as valid JSON Lines.
# Skipped (77) until the CLI has `extract` (src/io, src/cli on main).
set -u
: "${ACTORNET:?set ACTORNET to the actornet binary}"
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
[ -x "$ACTORNET" ] || exit 77
case $ACTORNET in /*) ;; *) ACTORNET=$PWD/$ACTORNET ;; esac
"$ACTORNET" extract --help 2>&1 | grep -q 'Usage: actornet extract' ||
  { echo "no extract subcommand yet: skipped"; exit 77; }
command -v python3 >/dev/null || exit 77

T=$(mktemp -d "${TMPDIR:-/tmp}/actornet-badinput.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
export ACTORNET_DATA=${ACTORNET_DATA:-$SRCDIR/data}
FAILS=0
KNOWN=0
CASES=0

fail() {
  FAILS=$((FAILS + 1))
  echo "${FAILS_QUIET:+KNOWN BUG, }FAIL [$CASE]: $*" >&2
  sed 's/^/    stderr: /' err | head -4 >&2
}

# run RC_LIST CMD...: runs CMD with stdout in ./out, stderr in ./err; its
# status must be one of RC_LIST ("1" or "1|2") and below 128.
run() {
  local want=$1
  shift
  CASES=$((CASES + 1))
  "$@" >out 2>err
  rc=$?
  if [ "$rc" -ge 128 ]; then
    fail "died of signal $((rc - 128)) (crash)"
  elif ! [[ "$rc" =~ ^($want)$ ]]; then
    fail "exit $rc, want $want"
  fi
}
says() { grep -Eq -- "$1" err || fail "stderr lacks /$1/"; }
# only_ours: every stderr line is actornet's own (no "I/O error :" from
# libxml2, no Graphviz or library chatter).
only_ours() {
  local other
  # (LeakSanitizer's table of suppressed library leaks, in ASan builds, is not a message)
  other=$(grep -v -E '^actornet( [a-z]+)?: ' err | grep -v '^Try ' |
    grep -v -E '^-+$|^Suppressions used:|^ *count +bytes +template|^ *[0-9]+ +[0-9]+ +[^ ]+$' || true)
  [ -z "$other" ] || fail "stderr has lines not from actornet: $(echo "$other" | head -2)"
}
# known CHECK...: a check that fails today for a reported bug; it is listed
# but fails the test only with AN_BADINPUT_STRICT=1. Remove the `known` when
# the bug is fixed.
known() {
  local before=$FAILS
  FAILS_QUIET=1 "$@"
  if [ "$FAILS" -gt "$before" ] && [ "${AN_BADINPUT_STRICT:-0}" != 1 ]; then
    KNOWN=$((KNOWN + FAILS - before))
    FAILS=$before
  fi
}
old_output_kept() { # the output file still holds OLD, no temporary file left
  [ "$(cat "$1" 2>/dev/null)" = OLD ] || fail "$1 was changed or removed on failure"
  no_temp "$1"
}
no_temp() {
  local left
  left=$(ls -a "$(dirname "$1")" | grep -F "$(basename "$1")." | grep -v -x -F "$(basename "$1")" || true)
  [ -z "$left" ] || fail "temporary file left: $left"
}
no_output() { [ ! -e "$1" ] || fail "$1 written by a failed run"; no_temp "$1"; }
# valid_jsonl FILE N: FILE is JSON Lines (valid UTF-8) holding N document records.
valid_jsonl() {
  python3 - "$1" "$2" <<'PY' || fail "$1: not valid JSONL with $2 document(s)"
import json, sys
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8")  # raises on invalid UTF-8
recs = [json.loads(l) for l in text.split("\n") if l.strip()]
assert all(isinstance(r, dict) for r in recs)
docs = [r for r in recs if r.get("record") == "document"]
assert len(docs) == int(sys.argv[2]), (len(docs), sys.argv[2])
for r in recs:
    if r.get("record") == "event":
        s, e = r["offsets"]
        assert 0 <= s < e
PY
}

printf 'Foreign Minister Ana Ruiz met Omar Haddad in Geneva on Monday.\n' >good.txt

CASE="invalid UTF-8"
printf 'Ana Ruiz \xff\xfe met \xc0\xaf Omar Haddad \xed\xa0\x80 on Monday.\n' >inv.txt
run 0 "$ACTORNET" extract inv.txt -o out.jsonl
says 'inv\.txt.*invalid UTF-8 at byte 9'
valid_jsonl out.jsonl 1

CASE="NUL bytes"
printf 'Ana Ruiz\0 met\0\0 Omar Haddad.\0\n' >nul.txt
run 0 "$ACTORNET" extract nul.txt -o out.jsonl
valid_jsonl out.jsonl 1
printf '{"id":"n","text":"a\\u0000b met c."}\n' >nul.jsonl
run 0 "$ACTORNET" extract nul.jsonl -o out.jsonl
valid_jsonl out.jsonl 1

CASE="UTF-16 with BOM"
printf '\xff\xfeA\0n\0a\0 \0m\0e\0t\0 \0O\0m\0a\0r\0.\0\n\0' >u16.txt
run 1 "$ACTORNET" extract u16.txt good.txt -o out.jsonl
says 'u16\.txt.*UTF-16'
valid_jsonl out.jsonl 1
printf '\xfe\xff\0{\0}' >u16be.jsonl
run 1 "$ACTORNET" extract u16be.jsonl -o out.jsonl
says 'u16be\.jsonl.*UTF-16'

CASE="empty file"
: >empty.txt
run 1 "$ACTORNET" extract empty.txt good.txt -o out.jsonl
says 'empty\.txt'
valid_jsonl out.jsonl 1
: >empty.jsonl
run 0 "$ACTORNET" extract empty.jsonl -o out.jsonl  # no lines: nothing to skip
valid_jsonl out.jsonl 0

CASE="50 MB single line"
if [ "${AN_BADINPUT_QUICK:-0}" = 1 ]; then # scripts/check-valgrind.sh: too slow there
  echo "50 MB cases left out (AN_BADINPUT_QUICK=1)"
else
# Reader, text stage and output on 50 MB without a newline (--sentences);
# full extraction on 2 MB (50 MB takes ~35 s in a Debug build, minutes
# under ASan: AN_BADINPUT_FULL=1 runs it).
python3 -c 'import sys; sys.stdout.write("the quick brown fox jumps over the lazy dog and " * 1050000)' >big.txt
SECONDS=0
run 0 "$ACTORNET" extract --sentences big.txt -o out.jsonl
python3 -c '
import json, sys
recs = [json.loads(l) for l in open("out.jsonl", encoding="utf-8")]
assert recs[0]["record"] == "document" and recs[0]["bytes"] == 50400000, recs[0]
assert sum(len(r["text"]) for r in recs[1:]) >= 50000000' || fail "sentences do not cover the 50 MB"
python3 -c 'import json; print(json.dumps({"id": "big", "text": open("big.txt").read()}))' >big.jsonl
run 1 "$ACTORNET" extract --max-doc-size 1M big.jsonl good.txt -o out.jsonl
says 'big\.jsonl:1'
valid_jsonl out.jsonl 1
head -c 2000000 big.txt >big5.txt
run 0 "$ACTORNET" extract big5.txt -o out.jsonl
valid_jsonl out.jsonl 1
if [ "${AN_BADINPUT_FULL:-0}" = 1 ]; then
  run 0 "$ACTORNET" extract big.txt -o out.jsonl
  valid_jsonl out.jsonl 1
  run 0 "$ACTORNET" extract big.jsonl -o out.jsonl
  valid_jsonl out.jsonl 1
fi
[ "$SECONDS" -le 300 ] || fail "took ${SECONDS}s" # a hang; ASan builds are slow
rm -f big.txt big.jsonl big5.txt out.jsonl
# Pending (reported): one long sentence full of names and triggers is
# quadratic in src/extract/rules.c (find_subject scans back over the whole
# sentence for each trigger): 230 KB take ~7 s, 50 MB would take hours.
if [ "${AN_BADINPUT_PENDING:-0}" = 1 ]; then
  python3 -c 'import sys; sys.stdout.write("Ana Ruiz met Omar Haddad and " * 8000)' >long.txt
  SECONDS=0
  run 0 timeout 60 "$ACTORNET" extract long.txt -o out.jsonl
  [ "$SECONDS" -le 3 ] || fail "230 KB sentence took ${SECONDS}s"
fi

fi

CASE="binary garbage"
python3 -c '
import random, sys
r = random.Random(8)
sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(200000)))' >bin.txt
cp bin.txt bin.jsonl
run 0 "$ACTORNET" extract bin.txt -o out.jsonl
valid_jsonl out.jsonl 1
run 1 "$ACTORNET" extract bin.jsonl good.txt -o out.jsonl
says 'bin\.jsonl:[0-9]+'
valid_jsonl out.jsonl 1

CASE="JSONL line not an object"
printf '{"id":"a","text":"Ana Ruiz met Omar Haddad."}\n[1,2]\n"text"\n{"id":"d","text":"Ruiz praised Haddad."}\n' >notobj.jsonl
run 1 "$ACTORNET" extract notobj.jsonl -o out.jsonl
says 'notobj\.jsonl:2:'
says 'notobj\.jsonl:3:'
valid_jsonl out.jsonl 2

CASE="broken JSON line"
printf '{"id":"a","text":"Ana Ruiz met Omar Haddad."}\n{"id":"b","text":"unterminated\n' >broken.jsonl
run 1 "$ACTORNET" extract broken.jsonl -o out.jsonl
says 'broken\.jsonl:2: .*column [0-9]+'
valid_jsonl out.jsonl 1
printf '{"id":"a","text":"Ana Ruiz met Omar Haddad."} x\n' >trailing.jsonl
run 1 "$ACTORNET" extract trailing.jsonl -o out.jsonl
says 'trailing\.jsonl:1: .*column 46'
valid_jsonl out.jsonl 0

CASE="invalid UTF-8 in JSONL metadata"
# id, outlet, url and title go verbatim into the output: repaired, warned.
printf '{"id":"u\xff","text":"Ana Ruiz met Omar Haddad.","outlet":"Wire\xc3","title":"T\xed\xa0\x80"}\n' >badmeta.jsonl
run 0 "$ACTORNET" extract badmeta.jsonl -o out.jsonl
says 'badmeta\.jsonl:1: .*invalid UTF-8'
valid_jsonl out.jsonl 1
printf 'Ana Ruiz met Omar Haddad.\n' >"$(printf 'name\xff.txt')"
run 0 "$ACTORNET" extract "$(printf 'name\xff.txt')" -o out.jsonl
valid_jsonl out.jsonl 1

CASE="--meta file errors"
printf '{"id":"a","text":"Ana Ruiz met Omar Haddad."}\n' >docs.jsonl
printf '{"id":"a","outlet":"Wire"}\n[1]\n{"id":"a","date":7}\n{"id":"a",\n' >meta.jsonl
run 1 "$ACTORNET" extract --meta meta.jsonl docs.jsonl -o out.jsonl
says 'meta\.jsonl:2: .*object'
says 'meta\.jsonl:3: .*date'
says 'meta\.jsonl:4: .*column'
valid_jsonl out.jsonl 1
printf '\xff\xfe{\0"\0i\0d\0"\0}\0' >meta16.jsonl
run 1 "$ACTORNET" extract --meta meta16.jsonl docs.jsonl -o out.jsonl
says 'meta16\.jsonl: .*UTF-16'
valid_jsonl out.jsonl 1
printf '\xef\xbb\xbf{"id":"a","outlet":"Wire"}\n' >metabom.jsonl
run 0 "$ACTORNET" extract --meta metabom.jsonl docs.jsonl -o out.jsonl
grep -q '"outlet":"Wire"' out.jsonl || fail "a --meta file with a UTF-8 BOM: its first line was lost"
printf 'OLD\n' >out.jsonl
run 1 "$ACTORNET" extract --meta nometa.jsonl docs.jsonl -o out.jsonl
says 'nometa\.jsonl'
old_output_kept out.jsonl

CASE="standard input"
# Format detected from the first non-blank byte; the same errors as files.
CASES=$((CASES + 1))
printf '\xff\xfeA\0n\0a\0' | "$ACTORNET" extract - -o out.jsonl 2>err
rc=$?
[ $rc -eq 1 ] || fail "UTF-16 on stdin: exit $rc, want 1"
says '^actornet: -: .*UTF-16'
CASES=$((CASES + 1))
"$ACTORNET" extract - -o out.jsonl </dev/null 2>err
rc=$?
[ $rc -eq 1 ] || fail "empty stdin: exit $rc, want 1"
says '^actornet: -: .*empty'
CASES=$((CASES + 1))
printf '  \n{"id":"a","text":"Ana Ruiz met Omar Haddad."}\n[1]\n' | "$ACTORNET" extract - -o out.jsonl 2>err
rc=$?
[ $rc -eq 1 ] || fail "JSONL on stdin with a bad line: exit $rc, want 1"
says '^actornet: -:3: '
valid_jsonl out.jsonl 1
CASES=$((CASES + 1))
head -c 100000 bin.txt | "$ACTORNET" extract - -o out.jsonl 2>err
rc=$?
[ $rc -lt 128 ] || fail "binary stdin: crash"
valid_jsonl out.jsonl 1

CASE="missing text"
printf '{"id":"a","text":"Ana Ruiz met Omar Haddad."}\n{"id":"b","date":"2024-01-02"}\n{"id":"c","text":null}\n{"id":"e","text":7}\n' >notext.jsonl
run 1 "$ACTORNET" extract notext.jsonl -o out.jsonl
says 'notext\.jsonl:2:.*text'
says 'notext\.jsonl:3:'
says 'notext\.jsonl:4:'
valid_jsonl out.jsonl 1

CASE="wrong type of date"
printf '{"id":"a","text":"Ana Ruiz met Omar Haddad.","date":20240102}\n{"id":"b","text":"Ruiz praised Haddad.","date":"2024-01-02"}\n{"id":"c","text":"x y.","date":["2024"]}\n' >date.jsonl
run 1 "$ACTORNET" extract date.jsonl -o out.jsonl
says 'date\.jsonl:1:.*date'
says 'date\.jsonl:3:.*date'
valid_jsonl out.jsonl 1
printf '{"id":"a","text":"Ana Ruiz met Omar Haddad.","date":"last Tuesday"}\n' >date2.jsonl
run '0|1' "$ACTORNET" extract date2.jsonl -o out.jsonl
says 'date2\.jsonl:1:.*date'
valid_jsonl out.jsonl 1

CASE="gazetteer file with errors"
# Every error names file:line: and the column (in characters) of the fault.
printf 'OLD\n' >out.jsonl
printf '[{"id":"x","label":"X","kind":"person"},\n {"id":"y", "label" "Y", "kind":"person"}]\n' >syntax.json
run 1 "$ACTORNET" extract --actors syntax.json good.txt -o out.jsonl
says 'syntax\.json:2: column 21: invalid JSON'
old_output_kept out.jsonl
printf '[{"id":"x","label":"X","kind":"person"},\n' >trunc.json
run 1 "$ACTORNET" extract --actors trunc.json good.txt -o out.jsonl
says 'trunc\.json:1: column [0-9]+: invalid JSON.*end of file'
old_output_kept out.jsonl
printf '[{"id":"x","label":"X","kind":"person"}]\n]\n' >after.json
run 1 "$ACTORNET" extract --actors after.json good.txt -o out.jsonl
says 'after\.json:2: column 1: text after the JSON value'
old_output_kept out.jsonl
printf '[{"id":"x","label":"X","kind":"person"},\n {"id":"y","label":"Y"}]\n' >nokind.json
run 1 "$ACTORNET" extract --actors nokind.json good.txt -o out.jsonl
says 'nokind\.json:2: column 2: entry 2 \(y\): missing "kind"'
old_output_kept out.jsonl
printf '[{"id":"x","label":"X",\n   "kind":"robot"}]\n' >badkind.json
run 1 "$ACTORNET" extract --actors badkind.json good.txt -o out.jsonl
says 'badkind\.json:2: column 11: .*robot'
old_output_kept out.jsonl
printf '[{"id":"\xc3\xa9","label":"\xc3\x89mile Zola","kind":"person","aliases":["Zola", 7]}]\n' >alias.json
run 1 "$ACTORNET" extract --actors alias.json good.txt -o out.jsonl
says 'alias\.json:1: column 59: .*aliases'
old_output_kept out.jsonl
# Invalid UTF-8 or a NUL in a label: rejected with its position (the output
# must stay valid UTF-8).
printf '[{"id":"zed","label":"Zed Corp\xd1","kind":"organization","aliases":["Zed Corp"]}]\n' >badutf8.json
printf 'Zed Corp criticized Ana Ruiz on Monday.\n' >zed.txt
run 1 "$ACTORNET" extract --actors badutf8.json zed.txt -o out.jsonl
says 'badutf8\.json:1: column 31: invalid UTF-8'
old_output_kept out.jsonl
printf '[{"id":"zed",\n"label":"Zed\0Corp","kind":"organization"}]\n' >nul.json
run 1 "$ACTORNET" extract --actors nul.json zed.txt -o out.jsonl
says 'nul\.json:2: column 13: NUL'
old_output_kept out.jsonl
printf 'OLD\n' >out.jsonl
printf '{"id":"x"}\n' >notarray.json
run 1 "$ACTORNET" extract --actors notarray.json good.txt -o out.jsonl
says 'notarray\.json:1: column 1: .*array'
old_output_kept out.jsonl
# extract --help: "1 ... a missing input file".
run 1 "$ACTORNET" extract --actors missing.json good.txt -o out.jsonl
says 'missing\.json'
old_output_kept out.jsonl

CASE="unknown flags"
for cmd in extract build render eval; do
  run 1 "$ACTORNET" $cmd --no-such-flag good.txt
  says "no-such-flag"
  [ -s out ] && fail "$cmd wrote to stdout"
done
run 1 "$ACTORNET" --no-such-global extract good.txt
says "no-such-global"
run 1 "$ACTORNET" no-such-command
says "no-such-command"
run 1 "$ACTORNET" extract -j
says "-j|jobs"

CASE="FIFO in an input folder"
# Opening a FIFO with no writer would wait forever: skipped with a warning.
mkdir -p withfifo
cp good.txt withfifo/a.txt
if mkfifo withfifo/b.txt 2>/dev/null; then
  run 1 timeout 60 "$ACTORNET" extract withfifo -o out.jsonl
  [ "$rc" = 124 ] && fail "hangs on a FIFO"
  says 'withfifo/b\.txt: .*not a regular file'
  valid_jsonl out.jsonl 1
fi

CASE="missing input"
printf 'OLD\n' >out.jsonl
run 1 "$ACTORNET" extract good.txt nothere.txt -o out.jsonl
says 'nothere\.txt'
old_output_kept out.jsonl

CASE="unwritable output"
run '1|2' "$ACTORNET" extract good.txt -o no/such/dir/out.jsonl
says 'no/such/dir/out\.jsonl'
printf 'x' >afile
run '1|2' "$ACTORNET" extract good.txt -o afile/out.jsonl
says 'afile/out\.jsonl'
mkdir -p outdir.jsonl
run '1|2' "$ACTORNET" extract good.txt -o outdir.jsonl
says 'outdir\.jsonl'
printf '{"record":"event","id":"1","doc":"d","type":"call","source":{"id":"a"},"target":{"id":"b"}}\n' >ev0.jsonl
for fmt in json graphml gexf dot csv nodes; do
  run '1|2' "$ACTORNET" build ev0.jsonl -f $fmt -o no/such/dir/g.$fmt
  says "no/such/dir/g\\.$fmt"
  only_ours
done
for fmt in svg png; do
  run '1|2' "$ACTORNET" render ev0.jsonl -o afile/g.$fmt
  says "afile/g\\.$fmt"
  only_ours
done

CASE="output through a symbolic link"
# The file the link points to is replaced; the link stays a link.
mkdir -p real
printf 'OLD\n' >real/target.jsonl
ln -sf real/target.jsonl link.jsonl
run 0 "$ACTORNET" extract good.txt -o link.jsonl
[ -L link.jsonl ] || fail "link.jsonl is no longer a symbolic link"
valid_jsonl real/target.jsonl 1
no_temp real/target.jsonl

CASE="disk full"
# Through a symlink in the scratch folder: a writer that wrongly renames a
# temporary file over its target then replaces the link, not /dev/full.
full_ok() { [ -L "$1" ] && [ "$(readlink "$1")" = /dev/full ] || fail "$1 (-> /dev/full) was replaced"; }
if [ -c /dev/full ] && [ -w /dev/full ]; then
  ln -s /dev/full full.jsonl
  run 2 "$ACTORNET" extract good.txt -o full.jsonl
  says 'full\.jsonl'
  full_ok full.jsonl
  run 2 "$ACTORNET" extract --sentences good.txt -o full.jsonl
  says 'full\.jsonl'
  full_ok full.jsonl
  CASES=$((CASES + 1)) # stdout on a full disk
  "$ACTORNET" extract good.txt >/dev/full 2>err
  rc=$?
  [ $rc -lt 128 ] || fail "crash on stdout /dev/full"
  [ $rc -eq 2 ] || fail "stdout on /dev/full: exit $rc, want 2"
  says 'write|space'
  CASES=$((CASES + 1))
  "$ACTORNET" build --help >/dev/full 2>err
  rc=$?
  [ $rc -lt 128 ] || fail "crash writing --help to /dev/full"
fi

CASE="events input errors (build)"
printf 'OLD\n' >graph.json
printf '{"record":"event","id":"1","doc":"d","type":"call","source":{"id":"a"},"target":{"id":"b"}}\n[1]\n' >ev.jsonl
run 1 "$ACTORNET" build ev.jsonl -o graph.json
says 'ev\.jsonl:2'
old_output_kept graph.json
printf '{"record":"event","id":"1","doc":"d","type":"call"}\n' >ev2.jsonl
run 1 "$ACTORNET" build ev2.jsonl -o graph.json
says 'ev2\.jsonl:1'
old_output_kept graph.json
printf '{"record":"event","id":"1","doc":"d","type":"call","source":{"id":"a"},"target":{"id":"b"}}\n' >ev3.jsonl
if [ -c /dev/full ] && [ -w /dev/full ]; then
  # A writer must not rename its temporary file over a device (as root,
  # `build -o /dev/null` once replaced /dev/null).
  ln -s /dev/full full.json
  run 2 "$ACTORNET" build ev3.jsonl -o full.json -f json
  says 'full\.json'
  full_ok full.json
  for fmt in graphml gexf dot csv nodes; do
    run 2 "$ACTORNET" build ev3.jsonl -o full.json -f $fmt
    says 'full\.json: (cannot write|write error).*No space left'
    only_ours # libxml2 used to add "I/O error : No space left on device"
    full_ok full.json
  done
  for fmt in svg png; do # Graphviz used to exit(1) silently on PNG
    run 2 "$ACTORNET" render ev3.jsonl -o full.json -f $fmt
    says 'full\.json: cannot write the picture: No space left'
    only_ours
    full_ok full.json
  done
fi

CASE="small full file system"
# A 64 KiB tmpfs in a private mount namespace (root and unshare needed,
# else skipped): every writer fails with exit 2 naming the file, leaves no
# output and no temporary file, and an old output stays as it was.
python3 -c '
import json
for i in range(3000):
    print(json.dumps({"record": "event", "id": "%d" % i, "doc": "d", "type": "call",
                      "source": {"id": "a%d" % i}, "target": {"id": "b%d" % i}}))' >bigev.jsonl
python3 -c '
import json
for i in range(400):
    print(json.dumps({"id": "d%d" % i, "text": "Foreign Minister Ana Ruiz met Omar Haddad in Geneva. Haddad praised Ruiz."}))' >many-small.jsonl
mkdir -p small
cat >small.sh <<'SH'
set -u
mount -t tmpfs -o size=64k tmpfs small || exit 77
printf 'OLD\n' >small/keep.json
for args in "build --no-metrics bigev.jsonl -f json -o small/keep.json" \
            "build --no-metrics bigev.jsonl -f graphml -o small/g.graphml" \
            "build --no-metrics bigev.jsonl -f gexf -o small/g.gexf" \
            "build --no-metrics bigev.jsonl -f dot -o small/g.dot" \
            "build --no-metrics bigev.jsonl -f csv -o small/g.csv" \
            "build --no-metrics bigev.jsonl -f nodes -o small/nodes.csv" \
            "build --no-metrics bigev.jsonl -o small/all/" \
            "extract many-small.jsonl -o small/ev.jsonl" \
            "extract --sentences many-small.jsonl -o small/s.jsonl"; do
  "$ACTORNET" $args 2>err.small
  echo "rc=$? $args"
  sed 's/^/  /' err.small
done
echo "left: $(cd small && find . -type f | sort | tr '\n' ' ')"
echo "keep: $(cat small/keep.json)"
umount small
SH
CASES=$((CASES + 1))
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && unshare -m --propagation private true 2>/dev/null; then
  unshare -m --propagation private sh small.sh >small.out 2>&1
  if grep -q '^rc=' small.out; then
    while read -r line; do
      case $line in
      rc=*) echo "$line" | grep -q '^rc=2 ' || { cp small.out err; fail "full tmpfs: $line, want exit 2"; } ;;
      esac
    done <small.out
    grep -A1 '^rc=' small.out | grep -v '^rc=' | grep -v -- '^--$' | grep -v -E '^  actornet: small/.*(No space left|cannot write)' >other.small || true
    [ -s other.small ] && { cp small.out err; fail "full tmpfs: a message that does not name the file and the cause: $(head -1 other.small)"; }
    grep -q '^left: ./keep.json $' small.out || { cp small.out err; fail "full tmpfs: files left: $(grep '^left:' small.out)"; }
    grep -q '^keep: OLD$' small.out || { cp small.out err; fail "full tmpfs: the old output was changed"; }
    echo "small full file system: $(grep -c '^rc=' small.out) writers checked"
  else
    echo "small full file system: cannot mount a tmpfs here: skipped"
  fi
else
  echo "small full file system: needs root and unshare: skipped"
fi
run 1 "$ACTORNET" build ev3.jsonl --since yesterday -o graph.json
old_output_kept graph.json

CASE="SIGINT mid-run"
python3 -c '
import json
for i in range(20000):
    print(json.dumps({"id": "d%05d" % i, "text": "Foreign Minister Ana Ruiz met Omar Haddad in Geneva on Monday. "
                      "Haddad later praised Ruiz and criticized the council. " * 8}))' >many.jsonl
printf 'OLD\n' >out.jsonl
"$ACTORNET" extract many.jsonl -o out.jsonl 2>err &
pid=$!
for _ in $(seq 100); do # until it is writing
  [ -n "$(ls -a | grep -F out.jsonl. || true)" ] && break
  sleep 0.05
done
sleep 0.3
kill -INT $pid 2>/dev/null
wait $pid
rc=$?
CASES=$((CASES + 1))
# Death by SIGINT (130) after cleanup, or an orderly exit 1/2; nothing else.
[[ "$rc" =~ ^(1|2|130)$ ]] || fail "exit $rc after SIGINT"
[ "$rc" -ne 0 ] || fail "finished before SIGINT (make the input bigger)"
old_output_kept out.jsonl

CASE="SIGINT while writing (build)"
# SIGINT (default action, as from a terminal) the moment build's temporary
# output file appears: the output is then either the old one or the whole
# new one, and no temporary file is left (the signal is held while the
# output is written and renamed).
python3 -c '
import json
for i in range(60000):
    print(json.dumps({"record": "event", "id": "%d" % i, "doc": "d%d" % (i % 300), "type": "call",
                      "source": {"id": "a%d" % (i % 9000)}, "target": {"id": "b%d" % (i % 7000)}}))' >sigev.jsonl
CASES=$((CASES + 1))
python3 - "$ACTORNET" >sigint.out 2>&1 <<'PY'
import json, os, signal, subprocess, sys, time
out = "sig.graphml"
with open(out, "w") as f:
    f.write("OLD\n")
p = subprocess.Popen([sys.argv[1], "build", "--no-metrics", "sigev.jsonl", "-o", out], stderr=subprocess.DEVNULL,
                     preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
seen = False
while p.poll() is None:
    if any(x.startswith(out + ".") for x in os.listdir(".")):
        p.send_signal(signal.SIGINT)
        seen = True
        break
    time.sleep(0.002)
p.wait()
left = [x for x in os.listdir(".") if x.startswith(out + ".")]
data = open(out).read()
print("seen" if seen else "not reached", p.returncode, left, data[:20].replace("\n", " "))
assert not left, left
assert data == "OLD\n" or data.rstrip().endswith("</graphml>"), data[-100:]
PY
[ $? -eq 0 ] || { cp sigint.out err; fail "SIGINT while writing: $(tail -1 sigint.out)"; }
echo "SIGINT while writing: $(head -1 sigint.out)"

echo "$CASES cases, $FAILS failure(s), $KNOWN known (reported) failure(s)"
[ "$FAILS" -eq 0 ]
