#!/usr/bin/env bash
# Stages an Argo agent pod's view of a plugin sidecar on this machine and calls the plugin like Argo's agent.
#
#   - a temporary directory stands in for /var/run/argo, holding `token` owned by uid 8737, gid 0, mode 0440,
#     exactly as Argo writes it;
#   - the release HelloPlugin, built the way its Dockerfile builds it, starts under setpriv as
#       uid 8737 / gid 8737, no other groups   (securityContext.runAsUser: 8737, the token's owner)
#       uid 8737 / gid 0, no other groups      (the image's USER 8737:0)
#       uid 4242 / gid 0, no other groups      (any uid with runAsGroup: 0, reading through the group bit)
#     and each time answers template.execute with the bearer token (Argo's hello reply), 403 without it and {}
#     for another plugin's template;
#   - as uid 65534 (nobody) it must refuse to start, naming the token path, the OS error and the uid 8737 fix;
#   - the release SlackPlugin refuses to start without URL, and with URL aimed at a local stand-in for Slack it
#     posts the message and replies Succeeded.
# Needs root (setpriv changes uid), curl and python3. Prints `sidecar: N passed, N failed`; exits 1 on failure.
#
# Env: SCRATCH (default .build-image) holds a SwiftPM scratch path per product, shared with scripts/check-image-deps.sh;
#      SKIP_BUILD=1 uses binaries already there;
#      SLACK_BINARY=path uses that SlackPlugin instead of a release build (CI passes the debug build that
#      `make test` made: a release build of AsyncHTTPClient and BoringSSL adds 10-20 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/listening.sh
SCRATCH=${SCRATCH:-$PWD/.build-image}

if [[ $(id -u) != 0 ]]; then
    echo "sidecar-staging: must run as root (setpriv needs to change the uid); try: sudo $0" >&2
    exit 2
fi
for tool in setpriv curl python3; do
    command -v "$tool" >/dev/null || { echo "sidecar-staging: $tool is missing (apt-get install util-linux curl python3)" >&2; exit 2; }
done

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok    $*"; }
fail() { failed=$((failed + 1)); echo "FAIL  $*"; }

# The same flags as the Dockerfiles' build stage; each example is a package of its own under Examples/.
FLAGS=(-c release --static-swift-stdlib)
products="HelloPlugin"
[[ -n ${SLACK_BINARY:-} ]] || products="$products SlackPlugin"
# binary PRODUCT: where the release build of Examples/PRODUCT puts it.
binary() { echo "$(swift build "${FLAGS[@]}" --package-path "Examples/$1" --scratch-path "$SCRATCH/$1" --show-bin-path)/$1"; }
if [[ -z ${SKIP_BUILD:-} ]]; then
    for product in $products; do
        echo "== building $product: swift build ${FLAGS[*]} --package-path Examples/$product --product $product"
        swift build "${FLAGS[@]}" --package-path "Examples/$product" --scratch-path "$SCRATCH/$product" --product "$product" 2>&1 | tail -2
    done
fi

stage=$(mktemp -d /tmp/sidecar-staging.XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$stage"
}
trap cleanup EXIT

# The binaries must be reachable by unprivileged uids: copy them where every user can execute them.
install -m 0555 "$(binary HelloPlugin)" "$stage/hello-executor-plugin"
install -m 0555 "${SLACK_BINARY:-$(binary SlackPlugin)}" "$stage/slack-executor-plugin"
chmod 0755 "$stage"
mkdir -m 0755 "$stage/var-run-argo"
token=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
printf '%s' "$token" >"$stage/var-run-argo/token"
chown 8737:0 "$stage/var-run-argo/token"
chmod 0440 "$stage/var-run-argo/token"
TOKEN_FILE=$stage/var-run-argo/token
echo "== token: $(stat -c '%U(%u):%G(%g) %a' "$TOKEN_FILE") $TOKEN_FILE"

# Starts `$@` in the background with output in $stage/$name.log; sets $pid.
start() {
    local name=$1
    shift
    "$@" >"$stage/$name.log" 2>&1 &
    pid=$!
    pids+=("$pid")
}

# POSTs $2 to template.execute on port $1 with header $3; prints "<status> <body>".
call() {
    local port=$1 body=$2 auth=$3
    curl -s -o "$stage/reply" -w '%{http_code}' -H "Content-Type: application/json" ${auth:+-H "$auth"} \
        --data "$body" "http://127.0.0.1:$port/api/v1/template.execute" || true
    printf ' %s' "$(cat "$stage/reply" 2>/dev/null)"
}

# Python's json module compares replies by meaning, whatever the key order.
same_json() { python3 -c 'import json,sys; sys.exit(0 if json.loads(sys.argv[1]) == json.loads(sys.argv[2]) else 1)' "$1" "$2"; }

HELLO_BODY='{"workflow":{"metadata":{"name":"wf"}},"template":{"name":"main","plugin":{"hello":{}}}}'
HELLO_REPLY='{"node":{"phase":"Succeeded","message":"Hello template!","outputs":{"parameters":[{"name":"foo","value":"bar"}]}}}'
OTHER_BODY='{"workflow":{"metadata":{"name":"wf"}},"template":{"name":"main","plugin":{"slack":{"text":"x"}}}}'

# One identity: uid, gid and what it stands for.
run_hello_as() {
    local uid=$1 gid=$2 what=$3 port
    start "hello-$uid-$gid" setpriv --reuid "$uid" --regid "$gid" --clear-groups --inh-caps=-all --no-new-privs \
        "$stage/hello-executor-plugin" --port 0 --host 127.0.0.1 --token-file "$TOKEN_FILE"
    if ! port=$(listening_port "$stage/hello-$uid-$gid.log" "$pid"); then
        fail "hello as $what ($uid:$gid) did not start: $(tail -3 "$stage/hello-$uid-$gid.log")"
        return
    fi
    local ids
    ids=$(ps -o uid=,gid=,supgrp= -p "$pid" | xargs)
    if [[ $ids == "$uid $gid -" || $ids == "$uid $gid" ]]; then pass "hello runs as $what: uid $uid, gid $gid, no other groups"; else fail "hello as $what: process ids are '$ids'"; fi

    local reply status
    reply=$(call "$port" "$HELLO_BODY" "Authorization: Bearer $token")
    status=${reply%% *}
    if [[ $status == 200 ]] && same_json "${reply#* }" "$HELLO_REPLY"; then
        pass "hello as $what: template.execute with the token -> 200 $HELLO_REPLY"
    else
        fail "hello as $what: template.execute with the token -> $reply"
    fi
    reply=$(call "$port" "$HELLO_BODY" "Authorization: Bearer wrong-$token")
    if [[ ${reply%% *} == 403 ]]; then pass "hello as $what: a wrong token -> 403"; else fail "hello as $what: a wrong token -> $reply"; fi
    reply=$(call "$port" "$HELLO_BODY" "")
    if [[ ${reply%% *} == 403 ]]; then pass "hello as $what: no token -> 403"; else fail "hello as $what: no token -> $reply"; fi
    reply=$(call "$port" "$OTHER_BODY" "Authorization: Bearer $token")
    if [[ ${reply%% *} == 200 ]] && same_json "${reply#* }" '{}'; then pass "hello as $what: another plugin's template -> {}"; else fail "hello as $what: another plugin's template -> $reply"; fi

    kill -TERM "$pid"
    if wait "$pid"; then pass "hello as $what: exits 0 on SIGTERM"; else fail "hello as $what: exit status $? on SIGTERM"; fi
}

run_hello_as 8737 8737 "the token's owner"
run_hello_as 8737 0 "the image's USER 8737:0"
run_hello_as 4242 0 "another uid in group 0"

# Negative: nobody cannot read the token and must say why and how to fix it, without listening.
start hello-nobody setpriv --reuid 65534 --regid 65534 --clear-groups --inh-caps=-all --no-new-privs \
    "$stage/hello-executor-plugin" --port 0 --host 127.0.0.1 --token-file "$TOKEN_FILE"
status=0
timeout 10 tail --pid="$pid" -f /dev/null || true
wait "$pid" || status=$?
message=$(cat "$stage/hello-nobody.log")
if ((status != 0)); then pass "hello as uid 65534 refuses to start (exit $status)"; else fail "hello as uid 65534 exited 0"; fi
for needle in "$TOKEN_FILE" "Permission denied" "8737" "runAsUser" "group 0"; do
    if grep -qF -- "$needle" <<<"$message"; then pass "uid 65534 message names: $needle"; else fail "uid 65534 message lacks '$needle': $message"; fi
done
echo "      message: $message"

# SlackPlugin: no URL, no start.
start slack-no-url env -u URL setpriv --reuid 8737 --regid 0 --clear-groups --inh-caps=-all --no-new-privs \
    "$stage/slack-executor-plugin" --port 0 --token-file "$TOKEN_FILE"
status=0
wait "$pid" || status=$?
if ((status != 0)) && grep -q "environment variable URL is not set" "$stage/slack-no-url.log"; then
    pass "slack without URL refuses to start (exit $status): $(grep -o 'environment variable URL is not set[^:]*' "$stage/slack-no-url.log" | head -1)"
else
    fail "slack without URL: exit $status, $(cat "$stage/slack-no-url.log")"
fi

# SlackPlugin with URL aimed at a local stand-in for Slack that records what it receives. The stand-in binds port 0
# and writes the port the kernel gave it to a file.
cat >"$stage/fake_slack.py" <<'PY'
import http.server, sys
class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(sys.argv[2], "ab") as f:
            f.write(self.path.encode() + b" " + body + b"\n")
        self.send_response(200); self.send_header("Content-Length", "2"); self.end_headers(); self.wfile.write(b"ok")
    def log_message(self, *args): pass
server = http.server.HTTPServer(("127.0.0.1", 0), Hook)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(server.server_port))
import os; os.rename(sys.argv[1] + ".tmp", sys.argv[1])
server.serve_forever()
PY
start fake-slack python3 "$stage/fake_slack.py" "$stage/fake-slack.port" "$stage/slack-received"
fake_pid=$pid
for _ in $(seq 200); do [[ -s $stage/fake-slack.port ]] && break; sleep 0.05; done
slack_port=$(cat "$stage/fake-slack.port" 2>/dev/null || echo 0)
start slack env URL="http://127.0.0.1:$slack_port/services/T0/B0/staging" setpriv --reuid 8737 --regid 0 --clear-groups --no-new-privs \
    --inh-caps=-all "$stage/slack-executor-plugin" --port 0 --token-file "$TOKEN_FILE"
if port=$(listening_port "$stage/slack.log" "$pid"); then
    reply=$(call "$port" '{"workflow":{"metadata":{"name":"wf"}},"template":{"name":"main","plugin":{"slack":{"text":"wf finished!","channel":"#builds"}}}}' "Authorization: Bearer $token")
    if [[ ${reply%% *} == 200 ]] && same_json "${reply#* }" '{"node":{"phase":"Succeeded","message":"Slack message sent"}}'; then
        pass "slack posts and replies Succeeded 'Slack message sent'"
    else
        fail "slack: $reply ($(tail -3 "$stage/slack.log"))"
    fi
    received=$(cat "$stage/slack-received" 2>/dev/null || true)
    if [[ $received == '/services/T0/B0/staging {"channel":"#builds","text":"wf finished!"}' ]]; then
        pass "the stand-in Slack received exactly one post: $received"
    else
        fail "the stand-in Slack received: '$received'"
    fi
    kill -TERM "$pid"
    wait "$pid" || true
else
    fail "slack did not start: $(tail -3 "$stage/slack.log")"
fi
kill "$fake_pid" 2>/dev/null || true

echo "sidecar: $passed passed, $failed failed"
((failed == 0))
