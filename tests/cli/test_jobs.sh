# test_jobs.sh: -j N changes nothing but speed (style.md S4): the output and
# the warnings are byte-identical to -j 1, in input order.
. "$(dirname "$0")/lib.sh"

mkdir corpus
for i in $(seq 1 300); do
  printf 'Document %d opens here. Leader %d met envoy %d on Tuesday.\nA second paragraph, number %d.\n' \
    "$i" "$i" "$((i + 1))" "$i" >"corpus/d$(printf %03d "$i").txt"
done
printf 'Broken \xff bytes here.\n' >corpus/d150.txt
: >corpus/d200.txt
{
  for i in $(seq 1 200); do printf '{"id":"j%d","text":"JSON document %d. It ends."}\n' "$i" "$i"; done
  printf '{"id":"bad", broken\n'
} >corpus/more.jsonl

run "$ACTORNET" extract --sentences --tokens corpus -o one.jsonl
expect_rc 1 "-j 1 (one empty file, one broken line)"
cp "$T/err" err1
py "-j 1 output complete" 'assert len(docs) == 499, len(docs)' one.jsonl
for j in 2 4 0; do
  run "$ACTORNET" extract --sentences --tokens -j "$j" corpus -o "j$j.jsonl"
  expect_rc 1 "-j $j"
  check "-j $j output equals -j 1" cmp -s one.jsonl "j$j.jsonl"
  check "-j $j warnings equal -j 1" cmp -s err1 "$T/err"
done

# Events mode as well (document records at least).
data=()
[ -d "$SRCDIR/data" ] && data=(--data-dir "$SRCDIR/data")
run "$ACTORNET" extract "${data[@]}" corpus -o ev1.jsonl
expect_rc 1 "events -j 1"
run "$ACTORNET" extract "${data[@]}" -j 4 corpus -o ev4.jsonl
expect_rc 1 "events -j 4"
check "events: -j 4 output equals -j 1" cmp -s ev1.jsonl ev4.jsonl
py "events: one document record per document" 'assert len(docs) == 499, len(docs)' ev4.jsonl

finish
