# test_interrupt.sh: a run killed by SIGINT/SIGTERM leaves neither a
# temporary file nor a changed output file.
. "$(dirname "$0")/lib.sh"

printf 'A finished document.\n' >good.txt
mkfifo pipe || exit 77
for sig in INT TERM; do
  printf 'OLD\n' >out.jsonl
  "$ACTORNET" extract --sentences good.txt - -o out.jsonl <pipe 2>err &
  pid=$!
  exec 3>pipe # the writer end stays open: the run waits on stdin
  for _ in $(seq 300); do # up to 30 s: loading the data is slow on a loaded machine
    ls out.jsonl.tmp* >/dev/null 2>&1 && break
    sleep 0.1
  done
  check "SIG$sig: the run writes to a temporary file" ls out.jsonl.tmp* >/dev/null 2>&1
  kill -"$sig" "$pid"
  wait "$pid"
  rc=$?
  exec 3>&-
  check "SIG$sig: died of the signal (status $rc)" test "$rc" -gt 128
  check "SIG$sig: temporary file removed" test -z "$(ls out.jsonl.tmp* 2>/dev/null)"
  check "SIG$sig: output file unchanged" test "$(cat out.jsonl)" = OLD
done

finish
