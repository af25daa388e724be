#!/usr/bin/env bash
# Writes Examples/HelloPlugin/hot-symbols.txt: the functions the release HelloPlugin runs from start-up to its
# first calls and its shutdown, which its Package.swift hands to the linker (lld --symbol-ordering-file) so they
# sit together at the start of the executable's code.
#
#   scripts/hot-symbols.sh
#
# Why: with the standard library linked in, the binary's code is about 12 MB, and the kernel maps file pages in
# 64 KiB blocks around each fault. The few thousand functions a plugin runs were spread over most of those blocks:
# 7 MB of the binary's code was resident after start-up. Placed together they take about 1 MB.
#
# How: the binary is built as its Dockerfile builds it, then run under callgrind (valgrind 3.19 runs the static
# binary, though not Swift's async main in a dynamically linked one), called with each bench body of
# template.execute, stopped with SIGTERM; every function of the binary that ran is listed, hottest first. Names
# the binary no longer has are ignored by the linker (--no-warn-symbol-ordering), so a stale list only costs
# memory, never a build; rerun this after changes to the request path or start-up.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. scripts/lib/listening.sh
OUT=$ROOT/Examples/HelloPlugin/hot-symbols.txt
for tool in valgrind callgrind_annotate objcopy curl; do
  command -v $tool >/dev/null || { echo "hot-symbols.sh: needs $tool (apt-get install valgrind binutils curl)" >&2; exit 2; }
done

swift build -c release --static-swift-stdlib --package-path Examples/HelloPlugin --product HelloPlugin >&2
BIN=$(swift build -c release --static-swift-stdlib --package-path Examples/HelloPlugin --show-bin-path)/HelloPlugin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
objcopy --strip-debug "$BIN" "$work/HelloPlugin"  # valgrind 3.19 cannot read the DWARF 5 that Swift emits
printf 'hot-symbols-token' > "$work/token"
chmod 600 "$work/token"
# Port 0: the kernel picks a free port and the start-up line names it.
valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/callgrind.out" \
  "$work/HelloPlugin" --port 0 --token-file "$work/token" > "$work/server.log" 2>&1 &
server=$!
port=$(listening_port "$work/server.log" $server 120) || { cat "$work/server.log" >&2; exit 1; }
call() {
  curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer hot-symbols-token' \
    --data-binary @"Benchmarks/CodecBenchmark/bodies/$1.json" "http://127.0.0.1:$port/api/v1/template.execute" || true
}
for _ in $(seq 600); do [[ $(call hello) == 200 ]] && break; sleep 0.1; done
for body in hello medium large hello; do [[ $(call $body) == 200 ]] || { cat "$work/server.log" >&2; exit 1; }; done
kill -TERM $server
wait $server || true
callgrind_annotate --threshold=100 "$work/callgrind.out" 2>/dev/null \
  | awk -v bin="$work/HelloPlugin" '$1 ~ /^[0-9,]+$/ && index($0, "[" bin "]") {
      name = $0; sub(/^.*%\) +/, "", name); sub(/^\?\?\?:/, "", name); sub(/ \[.*$/, "", name)
      sub(/'"'"'[0-9]+$/, "", name)
      if (name !~ /^0x/ && !seen[name]++) print name
    }' > "$OUT"
echo "hot-symbols.sh: $(wc -l < "$OUT") functions written to $OUT" >&2
