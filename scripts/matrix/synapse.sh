#!/usr/bin/env bash
# Test harness: a real Synapse on 127.0.0.1 for the Matrix tests (recipe: shared/notes/chat-servers-recipe.md).
#
#   synapse.sh setup                          install Synapse from PyPI into the cached venv (idempotent)
#   synapse.sh start DIR [--default-limits] [--owner-pid PID]
#                                             write a loopback-only config into DIR, start Synapse on a free
#                                             port (the same port again when DIR was used before), wait until
#                                             it answers, register users bot/botpass and human/humanpass.
#                                             Prints PORT=, PID=, URL= lines. --default-limits keeps Synapse's
#                                             own rate limits (for 429 tests); --owner-pid stops Synapse when
#                                             that process exits (so a crashed test run leaves nothing behind).
#   synapse.sh register DIR USER PASSWORD     register one more user with the shared secret
#   synapse.sh stop DIR                       SIGTERM the server by its pid and wait for it to exit
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VENV="${SYNAPSE_VENV:-$ROOT/.build/synapse-venv}"
SECRET="test-shared-secret-not-for-prod"
HERE="$(cd "$(dirname "$0")" && pwd)"

die() { echo "synapse.sh: $*" >&2; exit 1; }

setup() {
    mkdir -p "$(dirname "$VENV")" 2>/dev/null || die "cannot create $(dirname "$VENV") for the Synapse virtual environment"
    # One installer at a time: parallel test processes may all ask for the venv.
    exec 9>"$VENV.lock"
    flock 9
    if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import synapse' 2>/dev/null; then return 0; fi
    rm -rf "$VENV"
    python3 -m venv "$VENV" || die "cannot create a virtual environment at $VENV (is python3-venv installed?)"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check matrix-synapse >&2 \
        || die "pip install matrix-synapse failed (PyPI must be reachable)"
    "$VENV/bin/python" -c 'import synapse' || die "synapse does not import after install"
}

# Background children must not keep descriptors of whoever started this script: a test runner
# (Foundation's Process) watches a socket to learn that the script ended, and fd 9 holds the setup lock.
close_inherited_fds() {
    local fd
    for fd in $(ls "/proc/$BASHPID/fd"); do
        [ "$fd" -gt 2 ] && eval "exec $fd>&-"
    done 2>/dev/null || true
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

write_config() {
    local dir=$1 port=$2 relaxed=$3
    cat > "$dir/homeserver.yaml" <<YAML
# Test-only Synapse config: loopback, SQLite, no federation, no TLS.
server_name: "localhost"
public_baseurl: "http://127.0.0.1:$port/"
listeners:
  - port: $port
    bind_addresses: ['127.0.0.1']
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client]
        compress: false
database:
  name: sqlite3
  args:
    database: $dir/homeserver.db
media_store_path: $dir/media_store
signing_key_path: $dir/localhost.signing.key
registration_shared_secret: "$SECRET"
macaroon_secret_key: "test-macaroon-secret-not-for-prod"
form_secret: "test-form-secret-not-for-prod"
report_stats: false
enable_registration: false
federation_domain_whitelist: []
trusted_key_servers: []
suppress_key_server_warning: true
presence:
  enabled: false
url_preview_enabled: false
enable_metrics: false
background_updates:
  sleep_enabled: false
YAML
    # Relaxed limits so bursts of test traffic never hit 429; the 429 test starts a server without them.
    [ "$relaxed" = 1 ] || return 0
    local relaxed_limit="{per_second: 1000, burst_count: 1000}"
    cat >> "$dir/homeserver.yaml" <<YAML
rc_message: $relaxed_limit
rc_registration: $relaxed_limit
rc_login: {address: $relaxed_limit, account: $relaxed_limit, failed_attempts: $relaxed_limit}
rc_joins: {local: $relaxed_limit, remote: $relaxed_limit}
rc_joins_per_room: $relaxed_limit
rc_invites: {per_room: $relaxed_limit, per_user: $relaxed_limit, per_issuer: $relaxed_limit}
rc_room_creation: $relaxed_limit
rc_admin_redaction: $relaxed_limit
YAML
}

start() {
    local dir=$1; shift
    local relaxed=1 owner=""
    while [ $# -gt 0 ]; do
        case $1 in
            --default-limits) relaxed=0 ;;
            --owner-pid) owner=$2; shift ;;
            *) die "unknown option $1" ;;
        esac
        shift
    done
    setup
    exec 9>&- # setup's lock is not needed while the server runs
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    local port
    if [ -f "$dir/port" ]; then port=$(cat "$dir/port"); else port=$(free_port); echo "$port" > "$dir/port"; fi
    write_config "$dir" "$port" "$relaxed"
    [ -f "$dir/localhost.signing.key" ] || (cd "$dir" && "$VENV/bin/python" -m synapse.app.homeserver -c homeserver.yaml --generate-keys >/dev/null 2>&1) \
        || die "cannot generate signing keys"
    # A test runner may start us from a thread that blocks signals (libdispatch workers do), and the
    # mask is inherited across exec: unblock everything so SIGTERM stops Synapse.
    (close_inherited_fds; cd "$dir" && exec "$VENV/bin/python" -c 'import os, signal, sys
signal.pthread_sigmask(signal.SIG_SETMASK, [])
os.execv(sys.executable, [sys.executable, "-m", "synapse.app.homeserver", "-c", "homeserver.yaml"])' </dev/null >>synapse.log 2>&1) &
    local pid=$!
    echo "$pid" > "$dir/pid"
    if [ -n "$owner" ]; then
        # In its own session, so whatever reaps the owner's process group does not take the watchdog too.
        (close_inherited_fds; exec setsid bash -c 'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done
                                                  kill -TERM "$2" 2>/dev/null' watchdog "$owner" "$pid") </dev/null >/dev/null 2>&1 &
    fi
    local url="http://127.0.0.1:$port"
    local waited=0
    until curl -fsS "$url/_matrix/client/versions" >/dev/null 2>&1; do
        kill -0 "$pid" 2>/dev/null || { tail -30 "$dir/synapse.log" >&2; die "Synapse exited during startup"; }
        sleep 0.1; waited=$((waited + 1))
        [ $waited -lt 600 ] || { kill -TERM "$pid"; die "Synapse did not answer within 60 s"; }
    done
    if [ ! -f "$dir/users-registered" ]; then
        python3 "$HERE/register.py" "$url" "$SECRET" bot botpass human humanpass >&2 || die "cannot register the test users"
        touch "$dir/users-registered"
    fi
    echo "PORT=$port"
    echo "PID=$pid"
    echo "URL=$url"
}

stop() {
    local dir=$1
    [ -f "$dir/pid" ] || return 0
    local pid; pid=$(cat "$dir/pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || { rm -f "$dir/pid"; return 0; }; sleep 0.05; done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$dir/pid"
}

case "${1:-}" in
    setup) setup ;;
    start) [ $# -ge 2 ] || die "usage: synapse.sh start DIR [--default-limits] [--owner-pid PID]"; shift; start "$@" ;;
    register) [ $# -eq 4 ] || die "usage: synapse.sh register DIR USER PASSWORD"
              python3 "$HERE/register.py" "http://127.0.0.1:$(cat "$2/port")" "$SECRET" "$3" "$4" ;;
    stop) [ $# -eq 2 ] || die "usage: synapse.sh stop DIR"; stop "$2" ;;
    *) die "usage: synapse.sh setup | start DIR [...] | register DIR USER PASSWORD | stop DIR" ;;
esac
