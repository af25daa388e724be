#!/usr/bin/env bash
# `make fuzz`: builds Fuzz/PluginFuzz with libFuzzer and AddressSanitizer, replays the regression inputs and the
# seed corpus, then fuzzes for FUZZ_SECONDS (default 150). A crash, a leak of the token, a broken invariant or a
# hang over 10 s fails the run and leaves the input in fuzz-artifacts/ (copy it to Fuzz/regressions/ once fixed).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${FUZZ_SECONDS:-150}
CONFIG=${FUZZ_CONFIG:-release}
RUNTIME="$(dirname "$(dirname "$(readlink -f "$(command -v swiftc)")")")/lib/swift/clang/lib/linux"
# libFuzzer without its main (SwiftPM gives the executable one; main.swift calls LLVMFuzzerRunDriver), coverage
# on every Swift and C module, testability so the harness can drive the internal responder in release.
FLAGS=(-c "$CONFIG" --product PluginFuzz --scratch-path .build-fuzz
  -Xswiftc -enable-testing -Xswiftc -sanitize=address
  -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
  -Xcc -fsanitize=fuzzer-no-link,address
  -Xlinker -u -Xlinker LLVMFuzzerRunDriver -Xlinker "$RUNTIME/libclang_rt.fuzzer_no_main-x86_64.a" -Xlinker -lstdc++)
echo "== building the fuzz target ($CONFIG, libFuzzer + ASan)"
swift build "${FLAGS[@]}" 2>&1 | grep -v "Cannot export local symbol" | tail -n 3
BIN="$(swift build "${FLAGS[@]}" --show-bin-path)/PluginFuzz"
export SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0
mkdir -p fuzz-artifacts Fuzz/regressions
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
OPTIONS=(-max_len=16384 -timeout=10 -rss_limit_mb=4096 -artifact_prefix=fuzz-artifacts/)
echo "== replaying Fuzz/regressions ($(ls Fuzz/regressions | wc -l)) and Fuzz/corpus ($(ls Fuzz/corpus | wc -l))"
"$BIN" "${OPTIONS[@]}" -runs=0 Fuzz/regressions Fuzz/corpus > "$WORK/replay.log" 2>&1 \
  || { tail -n 60 "$WORK/replay.log"; echo "FAIL: a saved input breaks an invariant"; exit 1; }
grep -E "INITED|DONE" "$WORK/replay.log" || true
echo "== fuzzing for ${DURATION} s"
"$BIN" "${OPTIONS[@]}" -max_total_time="$DURATION" -print_final_stats=1 -print_pcs=0 "$WORK" Fuzz/corpus \
  > "$WORK/fuzz.log" 2>&1 || { tail -n 60 "$WORK/fuzz.log"; echo "FAIL: see fuzz-artifacts/"; exit 1; }
grep -E "^#[0-9]+ +(INITED|DONE)|^stat::" "$WORK/fuzz.log"
echo "PASS: corpus grew from $(ls Fuzz/corpus | wc -l) seeds to $(( $(ls "$WORK" | wc -l) + $(ls Fuzz/corpus | wc -l) )) inputs; no crash"
