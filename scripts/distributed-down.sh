#!/usr/bin/env bash
# Stops exactly the processes scripts/distributed-up.sh started (their PIDs are under ./distributed/pids):
# services first, then Axon Server, then PostgreSQL.
set -uo pipefail
cd "$(dirname "$0")/.."
pids="${DISTRIBUTED_DIR:-$(pwd)/distributed}/pids"
[ -d "$pids" ] || { echo "Nothing to stop: no $pids" >&2; exit 0; }

stop() { # pid file
    local pid
    pid="$(cat "$1")"
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
        echo "stopped $(basename "$1" .pid) ($pid)"
    fi
    rm -f "$1"
}

for file in "$pids"/*.pid; do
    case "$(basename "$file")" in postgres.pid|axonserver.pid) ;; *) [ -f "$file" ] && stop "$file" ;; esac
done
[ -f "$pids/axonserver.pid" ] && stop "$pids/axonserver.pid"
[ -f "$pids/postgres.pid" ] && stop "$pids/postgres.pid"
exit 0
