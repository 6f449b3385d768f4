# test_inputs.sh: every input form (.txt, folder, .jsonl, stdin text and
# JSONL, several inputs, --meta) read end to end with --sentences, and the
# document records of the default (events) mode.
. "$(dirname "$0")/lib.sh"

printf 'Alpha met Beta in Paris. Gamma called Delta on Monday.\n' >one.txt
mkdir -p corpus/sub corpus/.git
printf 'The first file talks about rain.\n' >corpus/a.txt
printf 'A file in a subfolder.\n' >corpus/sub/c.txt
printf '{"id":"j1","text":"Jsonl text one.","date":"2024-03-04","outlet":"Daily Paper","url":"http://example.org/1","title":"One"}\n{"id":"j2","text":"Jsonl text two."}\n' >corpus/b.jsonl
printf 'not a document\n' >corpus/notes.md
printf 'hidden\n' >corpus/.git/x.txt

# One .txt file: id from the file name; sentence offsets point into the
# original bytes (ASCII text: the span is the sentence itself).
run "$ACTORNET" extract --sentences one.txt
expect_rc 0 "txt input"
py "txt: one document record, id 'one', sentences spanning the original" '
orig = open("one.txt", "rb").read()
assert [d["id"] for d in docs] == ["one"], docs
assert docs[0]["bytes"] == len(orig)
assert len(sents) >= 2, sents
last = 0
for s in sents:
    assert s["doc"] == "one"
    a, b = s["offsets"]
    assert last <= a < b <= len(orig), s
    assert orig[a:b].decode() == s["text"], (orig[a:b], s["text"])
    last = b
words = " ".join(s["text"] for s in sents).split()
assert words == orig.decode().split(), words
'

# -v (global or the command's): one line per document.
run "$ACTORNET" extract -v --sentences one.txt corpus/b.jsonl
expect_rc 0 "extract -v"
expect_err '^actornet: one\.txt: document "one": [0-9]+ sentences$' "-v line for a text file"
expect_err '^actornet: corpus/b\.jsonl:2: document "j2": [0-9]+ sentences$' "-v line with the JSONL line"
run "$ACTORNET" -v extract --sentences one.txt
expect_err '^actornet: one\.txt: document "one"' "global -v"

# A folder: .txt and .jsonl, recursive, in sorted order, no hidden folders,
# no other extensions.
run "$ACTORNET" extract --sentences corpus
expect_rc 0 "folder input"
py "folder: documents in path order" '
assert [d["id"] for d in docs] == ["a", "j1", "j2", "c"], [d["id"] for d in docs]
'

# An empty folder (and one with nothing readable): no documents, no error.
mkdir -p emptydir nothing/sub
printf 'notes\n' >nothing/readme.md
run "$ACTORNET" extract --sentences emptydir nothing
expect_rc 0 "empty folders"
expect_no_out "empty folders"
expect_err '^0 documents, 0 sentences, 0 skipped$' "empty folders summary"

# A .jsonl file: metadata fields carried.
run "$ACTORNET" extract --sentences corpus/b.jsonl
expect_rc 0 "jsonl input"
py "jsonl: fields carried" '
d = docs[0]
assert (d["id"], d["date"], d["outlet"], d["url"], d["title"]) == ("j1", "2024-03-04", "Daily Paper", "http://example.org/1", "One"), d
assert docs[1]["date"] is None and docs[1]["outlet"] is None
assert any("Jsonl text two" in s["text"] and s["doc"] == "j2" for s in sents)
'

# stdin: text, then JSONL (first non-blank byte "{").
printf 'Text from a pipe.\n' >stdin.txt
run "$ACTORNET" extract --sentences - <stdin.txt
expect_rc 0 "stdin text"
py "stdin text: one document 'stdin'" '
assert [d["id"] for d in docs] == ["stdin"], docs
assert "Text from a pipe." in [s["text"] for s in sents], sents
'
printf '\n  {"id":"p1","text":"Piped JSON."}\n{"id":"p2","text":"More."}\n' >stdin.jsonl
run "$ACTORNET" extract --sentences - <stdin.jsonl
expect_rc 0 "stdin jsonl"
py "stdin jsonl: two documents" 'assert [d["id"] for d in docs] == ["p1", "p2"], docs'

# Several inputs, in the order given; options may follow the inputs.
run "$ACTORNET" extract one.txt corpus/b.jsonl --sentences -o out.jsonl
expect_rc 0 "several inputs"
expect_no_out "-o FILE: nothing on stdout"
py "several inputs in order, written to -o FILE" 'assert [d["id"] for d in docs] == ["one", "j1", "j2"], docs' out.jsonl
check "no temporary file left" test "$(ls -A | grep -c tmp)" -eq 0

# Re-running with the output inside the input folder does not read the last
# output back as input.
mkdir rerun
printf 'Only document.\n' >rerun/a.txt
run "$ACTORNET" extract --sentences rerun -o rerun/out.jsonl
expect_rc 0 "output inside the input folder"
cp rerun/out.jsonl first-run.jsonl
run "$ACTORNET" extract --sentences rerun -o rerun/out.jsonl
expect_rc 0 "re-run with output inside the input folder"
check "re-run gives the same output" cmp -s first-run.jsonl rerun/out.jsonl

# --meta fills missing fields by id; fields a document has are kept.
printf '{"id":"one","date":"2022-08-25","outlet":"Wire","url":"http://w.example/one","title":"Meta title"}\n{"id":"j1","outlet":"Other outlet","date":"2020"}\n{"id":"unused"}\n' >meta.jsonl
run "$ACTORNET" extract --sentences --meta meta.jsonl one.txt corpus/b.jsonl
expect_rc 0 "--meta"
py "--meta joined by id" '
d = {x["id"]: x for x in docs}
assert (d["one"]["date"], d["one"]["outlet"], d["one"]["url"], d["one"]["title"]) == ("2022-08-25", "Wire", "http://w.example/one", "Meta title"), d["one"]
assert d["j1"]["outlet"] == "Daily Paper" and d["j1"]["date"] == "2024-03-04", d["j1"]
assert d["j2"]["outlet"] is None
'
run "$ACTORNET" extract --sentences --meta missing-meta.jsonl one.txt
expect_rc 1 "--meta missing file"
expect_err "missing-meta.jsonl: no such file"

# Characters JSON must escape come out as valid JSON: quotes, backslashes,
# tabs, control bytes; ids with quotes too.
printf '{"id":"q\\"id","text":"He said \\"no\\" to C:\\\\path\\tand \\u0001 that."}\n' >escape.jsonl
run "$ACTORNET" extract --sentences escape.jsonl
expect_rc 0 "characters to escape"
py "escaped output parses and keeps the characters" '
assert docs[0]["id"] == "q\"id", docs
t = " ".join(s["text"] for s in sents)
assert "\"no\"" in t and "C:\\path" in t, t
'

# Tokens on request, with offsets into the original.
run "$ACTORNET" extract --sentences --tokens one.txt
expect_rc 0 "--tokens"
py "--tokens: spans of the original" '
orig = open("one.txt", "rb").read()
toks = [t for s in sents for t in s["tokens"]]
assert len(toks) >= 10, len(toks)
for t in toks:
    a, b = t["offsets"]
    assert orig[a:b].decode() == t["text"], t
assert "Alpha" in [t["text"] for t in toks]
'

# Default mode: one document record per input document, in input order,
# without a "doc" key (the events JSONL contract).
data=()
[ -d "$SRCDIR/data" ] && data=(--data-dir "$SRCDIR/data")
run "$ACTORNET" extract "${data[@]}" one.txt corpus
expect_rc 0 "events mode"
py "events mode: document records in input order" '
assert [d["id"] for d in docs] == ["one", "a", "j1", "j2", "c"], [d["id"] for d in docs]
assert all("doc" not in d for d in docs)
for r in recs:
    assert r["record"] in ("document", "event"), r
'
expect_err '^5 documents, [0-9]+ events?, 0 skipped$' "events summary"

finish
