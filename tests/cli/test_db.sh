# test_db.sh: extract --db stores documents in the SQLite store; a re-run on
# the same documents extracts and adds nothing; a changed document is
# replaced; a new one added; bad lines still reported.
. "$(dirname "$0")/lib.sh"

data=()
[ -d "$SRCDIR/data" ] && data=(--data-dir "$SRCDIR/data")
printf 'The first document.\n' >a.txt
: >none.jsonl
printf 'The second document.\n' >b.txt

run "$ACTORNET" extract "${data[@]}" --db c.db a.txt b.txt
expect_rc 0 "--db first run"
expect_err '^2 documents \(2 new, 0 replaced, 0 unchanged\), [0-9]+ events?, 0 skipped$'
expect_no_out "--db writes no JSONL"
py "store holds both documents" '
import sqlite3
ids = [r[0] for r in sqlite3.connect("c.db").execute("select id from documents order by seq")]
assert ids == ["a", "b"], ids
' none.jsonl

run "$ACTORNET" extract "${data[@]}" --db c.db a.txt b.txt
expect_rc 0 "--db re-run"
expect_err '^2 documents \(0 new, 0 replaced, 2 unchanged\)'

printf 'The first document, changed.\n' >a.txt
printf '{"id":"n1","text":"A new one."}\n{"id": broken\n' >new.jsonl
run "$ACTORNET" extract "${data[@]}" --db c.db -j 2 a.txt b.txt new.jsonl
expect_rc 1 "--db with a changed, a new document and a broken line"
expect_err 'new\.jsonl:2: warning: broken JSON'
expect_err '^3 documents \(1 new, 1 replaced, 1 unchanged\), [0-9]+ events?, 1 skipped$'
py "store: three documents, a replaced in place" '
import sqlite3
ids = [r[0] for r in sqlite3.connect("c.db").execute("select id from documents order by seq")]
assert ids == ["a", "b", "n1"], ids
' none.jsonl

run "$ACTORNET" extract --db c.db -o out.jsonl a.txt
expect_rc 1 "--db with -o"
expect_err -- "--db stores the events"

printf 'not a database\n' >junk.db
run "$ACTORNET" extract "${data[@]}" --db junk.db a.txt
expect_rc 2 "--db on a file that is not a store"
expect_err 'junk\.db: '
check "the non-store file is left alone" test "$(cat junk.db)" = "not a database"

finish
