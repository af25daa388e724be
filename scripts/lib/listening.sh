# Sourced by scripts that start a plugin. A plugin started with `--port 0` binds a port the kernel picks and names
# it in its start-up line (`... address=http://127.0.0.1:PORT ... plugin listening`, at log level info or lower);
# reading it back means no script ever guesses a free port.

# listening_port LOG PID [SECONDS]: prints the port once LOG has the line; fails if PID exits or SECONDS (default
# 60) pass first.
listening_port() {
    local log=$1 pid=$2 seconds=${3:-60} port
    for _ in $(seq $((seconds * 20))); do
        port=$(grep -m1 'plugin listening' "$log" 2>/dev/null | grep -oE 'http://[^ "]*:[0-9]+' | grep -oE '[0-9]+$' || true)
        if [ -n "$port" ]; then
            echo "$port"
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.05
    done
    return 1
}
