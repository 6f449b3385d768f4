# test_usage.sh: --help, --version, help CMD, unknown options and commands,
# missing arguments: output streams and exit codes (0 ok, 1 usage).
. "$(dirname "$0")/lib.sh"

run "$ACTORNET" --help
expect_rc 0 "--help"
expect_out '^Usage: actornet' "--help usage line"
expect_out '^  extract ' "--help lists extract"
expect_out 'Exit status' "--help documents exit codes"
check "--help writes nothing on stderr" test ! -s "$T/err"

run "$ACTORNET" --version
expect_rc 0 "--version"
want=$(sed -n 's/^project(actornet VERSION \([0-9.]*\).*/\1/p' "$SRCDIR/CMakeLists.txt")
check "--version first line is 'actornet $want'" test "$(head -1 "$T/out")" = "actornet $want"

run "$ACTORNET" extract --help
expect_rc 0 "extract --help"
expect_out '^Usage: actornet extract' "extract --help usage"
for opt in --output --meta --actors --data-dir --sentences --tokens --keep-modal --jobs --quiet --progress --max-doc-size --db; do
  expect_out -- "$opt" "extract --help mentions $opt"
done
expect_out 'Exit status' "extract --help documents exit codes"
cp "$T/out" "$T/extract-help"

run "$ACTORNET" help extract
expect_rc 0 "help extract"
check "help extract = extract --help" cmp -s "$T/out" "$T/extract-help"

run "$ACTORNET" help
expect_rc 0 "help"
expect_out '^Usage: actornet' "help prints usage"

run "$ACTORNET" --bogus-flag
expect_rc 1 "unknown global option"
expect_err "unknown option '--bogus-flag'" "unknown global option named"
expect_no_out "unknown global option"

run "$ACTORNET" -Z extract
expect_rc 1 "unknown short global option"
expect_err "unknown option '-Z'"

run "$ACTORNET" frobnicate
expect_rc 1 "unknown command"
expect_err "'frobnicate' is not an actornet command" "unknown command named"

run "$ACTORNET" help frobnicate
expect_rc 1 "help for unknown command"
expect_err "'frobnicate' is not an actornet command"

run "$ACTORNET"
expect_rc 1 "no command"
expect_err '^Usage: actornet' "no command prints usage on stderr"

printf 'Some text.' >in.txt
run "$ACTORNET" extract --no-such-flag in.txt
expect_rc 1 "extract unknown option"
expect_err "actornet extract: unknown option '--no-such-flag'"
expect_err "Try 'actornet extract --help'"
expect_no_out "extract unknown option"

run "$ACTORNET" extract
expect_rc 1 "extract without input"
expect_err "no input"

run "$ACTORNET" extract in.txt -o
expect_rc 1 "-o without argument"
expect_err "needs an argument"

run "$ACTORNET" extract --sentences -j many in.txt
expect_rc 1 "--jobs not a number"
expect_err -- "--jobs wants a number"

run "$ACTORNET" extract --tokens in.txt
expect_rc 1 "--tokens without --sentences"

# Global options go before the command; --quiet silences the summary.
run "$ACTORNET" --quiet extract --sentences in.txt
expect_rc 0 "--quiet extract"
check "--quiet: nothing on stderr" test ! -s "$T/err"
run "$ACTORNET" extract --sentences in.txt
expect_err '^1 document, [0-9]+ sentences?, 0 skipped$' "summary line"

finish
