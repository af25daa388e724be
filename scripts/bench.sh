#!/usr/bin/env bash
# make bench: our release plugins against the peers of the shared bench kit (../shared/bench), interleaved.
#
#   scripts/bench.sh [--rounds N] [--duration S] [--peers "go_stdlib c_mhd python_seed"] [--quick] [--no-scale]
#                    [--busy]
#
# --busy skips waiting for an idle machine (load average and quiet seconds): the figures are then noisier, but
# the peers run interleaved under the same noise, so the ratios still mean something.
#
# - template.execute bodies (hello, medium, large) go to the release HelloPlugin;
# - the node.preExecute body (preexec, a realistic NodeStatus) goes to the release HelloControllerPlugin;
# - a handler that awaits 5 ms per call (FixturePlugin, body sleep5) shows that awaiting handlers do not hold
#   libmicrohttpd's threads;
# - controller_scale.sh sends 500,000 node.preExecute calls at 16 connections (skipped with --quick).
# The kit is copied to .build/bench-kit (it builds its peers in place); results go to bench-results/<time>/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
KIT_SRC=${BENCH_KIT:-$ROOT/../shared/bench}
rounds=3 duration=8 peers="go_stdlib c_mhd python_seed" scale=1 conns="1 16 64" waits=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --peers) peers=$2; shift 2 ;;
    --conns) conns=$2; shift 2 ;;
    --quick) scale=0 rounds=1 duration=3; shift ;;
    --no-scale) scale=0; shift ;;
    --busy) waits=(--wait-load 99 --quiet-wait 0); shift ;;
    *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -d $KIT_SRC ]] || { echo "bench.sh: no bench kit at $KIT_SRC (set BENCH_KIT)" >&2; exit 2; }

for p in wrk go gcc; do command -v $p >/dev/null || missing="${missing:-} $p"; done
if [[ -n ${missing:-} ]]; then
  pkgs=$(echo "$missing" | sed 's/\bgo\b/golang-go/')
  echo "installing:$pkgs" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs >/dev/null
fi

echo "== release build" >&2
swift build -c release --package-path Examples/HelloPlugin --product HelloPlugin >&2
swift build -c release --package-path Examples/HelloControllerPlugin --product HelloControllerPlugin >&2
swift build -c release --product FixturePlugin >&2
BIN=$(swift build -c release --show-bin-path)
HELLO=$(swift build -c release --package-path Examples/HelloPlugin --show-bin-path)/HelloPlugin
HELLO_CONTROLLER=$(swift build -c release --package-path Examples/HelloControllerPlugin --show-bin-path)/HelloControllerPlugin

KIT=$ROOT/.build/bench-kit
rm -rf "$KIT" && mkdir -p "$KIT" && cp -r "$KIT_SRC"/. "$KIT"/
# The sleeping-handler body: the fixture sleeps 5 ms, then answers {} (what the smoke check expects).
cat > "$KIT/bodies/sleep5.json" <<'JSON'
{"workflow":{"metadata":{"name":"bench","namespace":"argo","uid":"b-1"}},"template":{"name":"main","inputs":{},"outputs":{},"plugin":{"fixture":{"sleepMilliseconds":5,"outcome":"notMine"}}}}
JSON

out=$ROOT/bench-results/$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$out"
args=(--rounds "$rounds" --duration "$duration" --conns "$conns" "${waits[@]}" --out)
"$KIT/build.sh" $peers >&2
"$KIT/compare.sh" --no-build --peers "$peers" --bodies "hello medium large" "${args[@]}" "$out/executor" \
  --extra "sdk=$HELLO --port {port} --token-file {token_file}" >&2
"$KIT/compare.sh" --no-build --peers "$peers" --bodies "preexec" "${args[@]}" "$out/controller" \
  --extra "sdk=$HELLO_CONTROLLER --port {port} --token-file {token_file}" >&2
"$KIT/run.sh" --name sdk_await5ms --cmd "$BIN/FixturePlugin --port {port} --token-file {token_file}" \
  --bodies sleep5 --conns "16 64" --duration "$duration" --out "$out/await" --no-table >&2
if [[ $scale == 1 ]]; then
  "$KIT/controller_scale.sh" --peers "go_stdlib c_mhd" "${waits[@]}" --out "$out/scale" \
    --extra "sdk=$HELLO_CONTROLLER --port {port} --token-file {token_file}" >&2 || true
fi

{
  echo "# make bench, $(date -u +%Y-%m-%d) on $(uname -m), $(nproc) CPUs"
  echo
  python3 "$KIT/lib/table.py" --max-other 10 "$out/executor" "$out/controller"
  echo
  echo "## Handler that awaits 5 ms per call (theoretical ceiling at 64 connections: 12,800 req/s)"
  python3 "$KIT/lib/table.py" "$out/await"
  if [[ -d $out/scale ]]; then
    echo
    echo "## 500,000 node.preExecute calls at 16 connections"
    python3 "$KIT/lib/scale_table.py" "$out/scale" 2>/dev/null || cat "$out/scale"/*.md 2>/dev/null || true
  fi
} | tee "$out/summary.md"
echo "results: $out/summary.md" >&2
