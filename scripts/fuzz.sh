#!/bin/sh
# fuzz.sh [SECONDS] [HARNESS...]: builds the libFuzzer harnesses with clang
# (-fsanitize=fuzzer,address,undefined) in build-fuzz/ and runs each for
# SECONDS (default $FUZZ_SECONDS, else 60), starting from the seeds in
# tests/fuzz/corpus/<harness>/. New coverage goes to build-fuzz/corpus/<harness>/
# (not committed). libFuzzer runs in fork mode and goes on after a crash
# (a known, unfixed bug does not stop the search); the three smallest
# findings are minimized and saved as tests/fuzz/pending/<harness>/crash-<sha1>
# (all of them stay in build-fuzz/artifacts/<harness>/). Move one to
# tests/fuzz/corpus/<harness>/ once its bug is fixed: ctest replays it there
# (fuzz/replay_<harness>).
# Exit status: 0 if no harness found anything, 1 otherwise.
# Env: FUZZ_BUILD (build dir; two runs at once: give each a HARNESS list),
#      FUZZ_MAX_LEN (default 65536), CC (default clang), FUZZ_NOBUILD=1 (run
#      the harnesses already in FUZZ_BUILD: a long run is not rebuilt under
#      its feet, since fork mode starts the binary again for each job),
#      FUZZ_NICE (niceness of the runs, default 10: the machine is shared).
set -eu
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-${FUZZ_SECONDS:-60}}
[ $# -gt 0 ] && shift
BUILD=${FUZZ_BUILD:-build-fuzz}
MAX_LEN=${FUZZ_MAX_LEN:-65536}
CC=${CC:-clang}
case "$CC" in *clang*) ;; *) CC=clang ;; esac

# -Werror off: clang warns about things gcc does not; the gcc build is the gate.
if [ "${FUZZ_NOBUILD:-0}" != 1 ]; then
  CC=$CC cmake -S . -B "$BUILD" -DAN_FUZZ=ON -DAN_WERROR=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$BUILD" -j "$(nproc 2>/dev/null || echo 2)" --target fuzzers >/dev/null
fi
NICE=${FUZZ_NICE:-10}

if [ $# -gt 0 ]; then
  HARNESSES="$*"
else
  HARNESSES=$(cd tests/fuzz && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export AN_FUZZ_TMP=${AN_FUZZ_TMP:-$PWD/$BUILD/fuzz-tmp}
found=0
for h in $HARNESSES; do
  bin=$BUILD/fuzz_$h
  [ -x "$bin" ] || { echo "fuzz.sh: no harness $bin" >&2; found=1; continue; }
  work=$BUILD/corpus/$h artifacts=$BUILD/artifacts/$h/
  mkdir -p "$work" "$artifacts" tests/fuzz/pending/$h
  dict=""
  [ -f tests/fuzz/$h.dict ] && dict="-dict=tests/fuzz/$h.dict"
  echo "== fuzz_$h for ${SECONDS_EACH}s"
  set +e
  rm -f "$artifacts"crash-* "$artifacts"leak-* "$artifacts"timeout-* "$artifacts"oom-*
  nice -n "$NICE" "$bin" $dict -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$SECONDS_EACH" -max_len="$MAX_LEN" -timeout=25 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="$artifacts" "$work" tests/fuzz/corpus/$h \
    >"$BUILD/fuzz_$h.log" 2>&1
  rc=$?
  set -e
  grep -E "^(stat::number_of_executed_units|stat::new_units_added|Done)|^#[0-9]+: cov:" "$BUILD/fuzz_$h.log" | tail -2 || true
  n=$(ls "$artifacts" | wc -l)
  [ "$n" -gt 0 ] && echo "fuzz_$h: $n finding(s) in $artifacts"
  for a in $(ls -S -r "$artifacts"crash-* "$artifacts"leak-* "$artifacts"timeout-* "$artifacts"oom-* 2>/dev/null | head -3); do
    [ -f "$a" ] || continue
    found=1
    base=$(basename "$a")
    min=tests/fuzz/pending/$h/$base
    # Minimize (keeps the crash) in the build folder; fall back to the raw input.
    rm -f "$BUILD/min-$base"
    timeout 90 "$bin" -minimize_crash=1 -max_total_time=60 -exact_artifact_path="$BUILD/min-$base" "$a" \
      >"$BUILD/min-$base.log" 2>&1 || true
    if [ -s "$BUILD/min-$base" ]; then cp "$BUILD/min-$base" "$min"; else cp "$a" "$min"; fi
    echo "fuzz_$h: FOUND $base -> $min (log: $BUILD/fuzz_$h.log)"
  done
  if [ $rc -ne 0 ] && [ $found -eq 0 ]; then
    echo "fuzz_$h: exited $rc (see $BUILD/fuzz_$h.log)"
    found=1
  fi
done
exit $found
