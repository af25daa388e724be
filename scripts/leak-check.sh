#!/usr/bin/env bash
# Leak check: the FixturePlugin built with AddressSanitizer serves LEAK_SECONDS (default 20) of calls of every kind
# (success, handler failure, transient 503, bad JSON, 403, 404, 405, a deadline 503, clients that vanish), then
# drains on SIGTERM; LeakSanitizer checks the heap at exit. Fails on any memory error or leak.
#
# Why not valgrind: Debian's valgrind 3.19 cannot read the DWARF 5 debug info of Swift 6.3 binaries, and with it
# stripped it crashes on libdispatch's main thread (seen here), so LeakSanitizer does the job.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/listening.sh
DURATION=${LEAK_SECONDS:-20}
command -v wrk >/dev/null || { echo "leak-check needs wrk (apt-get install wrk)"; exit 1; }
SAN=(--sanitize=address --scratch-path .build-asan)
swift build "${SAN[@]}" --product FixturePlugin >/dev/null
BIN="$(swift build "${SAN[@]}" --show-bin-path)/FixturePlugin"
WORK=$(mktemp -d)
TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s\n' "$TOKEN" > "$WORK/token"
# The deadline test leaves one task suspended forever on purpose (a handler that never returns); LSan sees its
# memory as reachable from the task, not lost.
ASAN_OPTIONS=detect_leaks=1:exitcode=42 SWIFT_BACKTRACE=enable=no \
  "$BIN" --port 0 --token-file "$WORK/token" --call-timeout 1 --log-level info 2> "$WORK/server.log" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=$(listening_port "$WORK/server.log" "$SERVER") || { echo "FAIL: the server did not start:"; cat "$WORK/server.log"; exit 1; }

URL="http://127.0.0.1:$PORT/api/v1/template.execute"
body() { printf '{"workflow":{"metadata":{"name":"wf"}},"template":{"name":"t","plugin":{"fixture":%s}}}' "$1"; }
call() { curl -s -o /dev/null -w '%{http_code}\n' "$@"; }
echo "== every kind of reply once"
{
  call "$URL" -H "Authorization: Bearer $TOKEN" -d "$(body '{}')"
  call "$URL" -H "Authorization: Bearer $TOKEN" -d "$(body '{"outcome":"fail"}')"
  call "$URL" -H "Authorization: Bearer $TOKEN" -d "$(body '{"outcome":"transient"}')"
  call "$URL" -H "Authorization: Bearer $TOKEN" -d "$(body '{"outcome":"running"}')"
  call "$URL" -H "Authorization: Bearer $TOKEN" -d "$(body '{"sleepMilliseconds":50}')"
  call "$URL" -H "Authorization: Bearer $TOKEN" -d "$(body '{"outcome":"hang"}')"
  call "$URL" -H "Authorization: Bearer $TOKEN" -d '{broken'
  call "$URL" -H "Authorization: Bearer wrong" -d '{}'
  call "http://127.0.0.1:$PORT/api/v1/nothing" -H "Authorization: Bearer $TOKEN" -d '{}'
  call -X GET "$URL" -H "Authorization: Bearer $TOKEN"
} | tr '\n' ' '; echo
echo "== clients that vanish mid-head, mid-body and before the reply"
vanish() { exec 3<>"/dev/tcp/127.0.0.1/$PORT"; printf '%b' "$1" >&3; sleep 0.05; exec 3>&-; }
for _ in $(seq 20); do
  vanish 'POST /api/v1/template.execute HTTP/1.1\r\nHost: x\r\nAuthor'
  vanish "POST /api/v1/template.execute HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer $TOKEN\r\nContent-Length: 500\r\n\r\n{\"wor"
  vanish "POST /api/v1/template.execute HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer $TOKEN\r\nContent-Length: 110\r\n\r\n$(body '{"sleepMilliseconds":100}')"
done
echo "== ${DURATION} s of calls over 4 connections"
cat > "$WORK/calls.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.body = '$(body '{"sleepMilliseconds":1}')'
LUA
wrk -t2 -c4 -d"${DURATION}s" -s "$WORK/calls.lua" "$URL" | grep -E "requests in|Non-2xx" || true
sleep 2   # let the connection timeout and call deadline settle
kill -TERM "$SERVER"
STATUS=0
wait "$SERVER" || STATUS=$?
echo "== exit status $STATUS"
if [ "$STATUS" -ne 0 ] || grep -q "ERROR: \(LeakSanitizer\|AddressSanitizer\)" "$WORK/server.log"; then
  echo "FAIL: the sanitizer report:"; grep -A40 "ERROR: " "$WORK/server.log" | head -150
  exit 1
fi
echo "PASS: no memory errors and no leaks reported by LeakSanitizer at exit"
