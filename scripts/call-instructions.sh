#!/usr/bin/env bash
# make instructions: instructions the plugin server executes per call, counted by callgrind, for each bench body.
#
#   scripts/call-instructions.sh [--update]
#
# Wall-clock figures move with machine load; instruction counts do not (same binary, same inputs). For each body
# the server (Benchmarks/CallInstructions: the same PluginServer as every plugin, started from a synchronous main
# because valgrind 3.19 cannot run Swift's async main) runs under callgrind twice, serving a few and many
# keep-alive calls from a Python client in another process; the difference divided by the extra calls is the cost
# of one call, start-up excluded. The counts are compared with Benchmarks/CallInstructions/baseline.tsv: more
# than 10 % above the baseline fails (a regression), more than 10 % below asks for `--update`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
update=0
[[ ${1:-} == --update ]] && update=1
BASELINE=$ROOT/Benchmarks/CallInstructions/baseline.tsv
TOLERANCE=10

for tool in valgrind python3 objcopy; do
  command -v $tool >/dev/null || missing="${missing:-} $tool"
done
if [[ -n ${missing:-} ]]; then
  echo "installing:$missing" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind binutils python3 >/dev/null
fi

swift build -c release --product CallInstructions >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind 3.19 cannot read the DWARF 5 that Swift 6.3 emits; symbols are enough for counting.
objcopy --strip-debug "$(swift build -c release --show-bin-path)/CallInstructions" "$work/server"
printf 'call-instructions-token' > "$work/token"
chmod 600 "$work/token"
cat > "$work/client.py" <<'PY'
import http.client, sys, time
port, calls, body, path = int(sys.argv[1]), int(sys.argv[2]), open(sys.argv[3], 'rb').read(), sys.argv[4]
for _ in range(600):
    try:
        connection = http.client.HTTPConnection('127.0.0.1', port, timeout=120)
        connection.connect()
        break
    except OSError:
        time.sleep(0.1)
else:
    sys.exit('the server never started listening')
headers = {'Authorization': 'Bearer call-instructions-token', 'Content-Type': 'application/json'}
for _ in range(calls):
    connection.request('POST', path, body, headers)
    response = connection.getresponse()
    reply = response.read()
    if response.status != 200:
        sys.exit(f'status {response.status}: {reply[:200]!r}')
PY

# total_instructions BODY CALLS PATH: callgrind's total for a server that answered CALLS calls.
total_instructions() {
  local body=$1 calls=$2 path=$3 out=$work/callgrind.$1.$2
  mkfifo "$work/stdin.$1.$2"
  # Port 0: the kernel picks a free port and the server prints it ("listening on PORT").
  valgrind --tool=callgrind --callgrind-out-file="$out" "$work/server" 0 "$work/token" \
    < "$work/stdin.$1.$2" > "$work/server.log" 2>&1 &
  local server=$! port=""
  exec 7> "$work/stdin.$1.$2"
  for _ in $(seq 1200); do
    port=$(grep -oE '^listening on [0-9]+' "$work/server.log" | grep -oE '[0-9]+$' || true)
    [[ -n $port ]] && break
    kill -0 $server 2>/dev/null || break
    sleep 0.1
  done
  [[ -n $port ]] || { echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
  python3 "$work/client.py" $port "$calls" "bodies/$body.json" "$path" || { cat "$work/server.log" >&2; exit 1; }
  exec 7>&-  # end of standard input: the server exits and callgrind writes its totals
  wait $server
  awk '/^summary:/ { print $2 }' "$out"
}

cd "$ROOT/Benchmarks/CodecBenchmark"
printf '%-8s %14s %14s %8s\n' body per-call baseline change
status=0
results=()
for body in hello medium preexec large; do
  path=/api/v1/template.execute few=50 many=550
  [[ $body == preexec ]] && path=/api/v1/node.preExecute
  [[ $body == large ]] && few=10 many=60
  a=$(total_instructions $body $few $path)
  b=$(total_instructions $body $many $path)
  per_call=$(( (b - a) / (many - few) ))
  results+=("$body	$per_call")
  base=$(awk -v b=$body '$1 == b { print $2 }' "$BASELINE" 2>/dev/null || true)
  if [[ -n $base ]]; then
    change=$(( (per_call - base) * 100 / base ))
    note=""
    if (( change > TOLERANCE )); then note="  REGRESSION (over +$TOLERANCE %)"; status=1; fi
    if (( change < -TOLERANCE )); then note="  faster: run with --update to lower the baseline"; fi
    printf '%-8s %14s %14s %7s%%%s\n' $body $per_call $base $change "$note"
  else
    printf '%-8s %14s %14s %8s\n' $body $per_call - -
  fi
done
if (( update )); then
  { echo "# body	instructions per call (make instructions --update; $(date -u +%Y-%m-%d), $(uname -m))"
    printf '%s\n' "${results[@]}"; } > "$BASELINE"
  echo "baseline written: $BASELINE"
  status=0
fi
exit $status
