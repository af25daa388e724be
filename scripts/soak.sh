#!/usr/bin/env bash
# Soak: SOAK_CALLS (default 1,000,000) template.execute calls over 16 keep-alive connections (wrk, 2 threads)
# against the FixturePlugin, with the server's resident memory (VmRSS) sampled every second. Prints the RSS
# curve and fails unless it is flat after warm-up: the last sample may exceed the sample taken once warm-up is
# over (SOAK_WARMUP_SECONDS, default 15) by at most SOAK_TOLERANCE_KIB (default 4096 KiB).
#
#   make soak                       # debug build, 1,000,000 calls
#   SOAK_CALLS=200000 make soak     # shorter
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/listening.sh
CALLS=${SOAK_CALLS:-1000000}
CONNECTIONS=${SOAK_CONNECTIONS:-16}
WARMUP=${SOAK_WARMUP_SECONDS:-15}
TOLERANCE=${SOAK_TOLERANCE_KIB:-4096}
CONFIG=${SOAK_CONFIG:-debug}

command -v wrk >/dev/null || { echo "soak needs wrk (apt-get install wrk)"; exit 1; }
swift build -c "$CONFIG" --product FixturePlugin >/dev/null
BIN="$(swift build -c "$CONFIG" --show-bin-path)/FixturePlugin"
WORK=$(mktemp -d)
TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s\n' "$TOKEN" > "$WORK/token"
"$BIN" --port 0 --token-file "$WORK/token" --log-level info 2> "$WORK/server.log" &
SERVER=$!
SAMPLER=""
cleanup() {
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  kill "$SERVER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
PORT=$(listening_port "$WORK/server.log" "$SERVER") || { echo "FAIL: the server did not start:"; cat "$WORK/server.log"; exit 1; }

rss() { awk '/^VmRSS/ {print $2}' "/proc/$SERVER/status"; }
( while kill -0 "$SERVER" 2>/dev/null; do echo "$(date +%s) $(rss)" >> "$WORK/rss"; sleep 1; done ) &
SAMPLER=$!

echo "== soak: $CALLS calls, $CONNECTIONS connections, FixturePlugin ($CONFIG), pid $SERVER"
START=$(date +%s)
mkdir "$WORK/done"
SOAK_TOKEN="$TOKEN" SOAK_CALLS_PER_THREAD=$((CALLS / 2)) SOAK_DONE_DIR="$WORK/done" \
  wrk -t2 -c"$CONNECTIONS" -d3600s --latency -s scripts/soak/calls.lua "http://127.0.0.1:$PORT/api/v1/template.execute" \
  > "$WORK/wrk.txt" &
WRK=$!
while kill -0 "$WRK" 2>/dev/null && [ "$(ls "$WORK/done" | wc -l)" -lt 2 ]; do sleep 1; done
kill -INT "$WRK" 2>/dev/null || true
wait "$WRK" || true
cat "$WORK/wrk.txt"
END=$(date +%s)
sleep 1
kill -0 "$SERVER" || { echo "FAIL: the server died"; cat "$WORK/server.log"; exit 1; }

echo "== RSS (KiB) every second; every ${STEP:=$(( ($(wc -l < "$WORK/rss") + 39) / 40 ))} s shown"
awk -v step="$STEP" -v t0="$START" 'NR == 1 || NR % step == 0 {printf "  t=%4ds  %6d KiB  %s\n", $1 - t0, $2, substr("##################################################", 1, int($2 / 2048))}' "$WORK/rss"
FIRST=$(head -n1 "$WORK/rss" | cut -d' ' -f2)
WARM=$(awk -v t=$((START + WARMUP)) '$1 >= t {print $2; exit}' "$WORK/rss")
LAST=$(tail -n1 "$WORK/rss" | cut -d' ' -f2)
PEAK=$(sort -k2 -n "$WORK/rss" | tail -n1 | cut -d' ' -f2)
NON200=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$WORK/wrk.txt" | grep -o '[0-9]*$' || echo 0)
echo "== start ${FIRST} KiB, after ${WARMUP}s warm-up ${WARM:-?} KiB, end ${LAST} KiB, peak ${PEAK} KiB; $((END - START)) s; non-200: ${NON200}"
if [ -z "${WARM:-}" ]; then echo "FAIL: the run was shorter than the warm-up"; exit 1; fi
if [ "${NON200}" != "0" ]; then echo "FAIL: ${NON200} replies were not 200"; exit 1; fi
if [ $((LAST - WARM)) -gt "$TOLERANCE" ]; then
  echo "FAIL: RSS grew by $((LAST - WARM)) KiB after warm-up (tolerance ${TOLERANCE} KiB)"; exit 1
fi
echo "PASS: RSS flat after warm-up (grew $((LAST - WARM)) KiB, tolerance ${TOLERANCE} KiB)"
