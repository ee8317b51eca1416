#!/usr/bin/env bash
# Starts the axonserver.jar you supply (AXONSERVER_JAR; it is not on Maven Central) with this directory's
# axonserver.properties, in a working directory of its own, and waits until it answers.
#   AXONSERVER_JAR=/path/to/axonserver.jar axonserver/start-axonserver.sh [WORK_DIR]
# AXONSERVER_HTTP_PORT (8024) and AXONSERVER_GRPC_PORT (8124) move it, e.g. beside another copy.
# Prints the PID; the log is WORK_DIR/axonserver.log.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${AXONSERVER_JAR:?Set AXONSERVER_JAR to the axonserver.jar you downloaded from AxonIQ}"
work="${1:-$here/../distributed/axonserver}"
[ -f "$jar" ] || { echo "AXONSERVER_JAR=$jar is not a file" >&2; exit 1; }
mkdir -p "$work"
cp "$here/axonserver.properties" "$work/axonserver.properties"
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"

http_port="${AXONSERVER_HTTP_PORT:-8024}"
grpc_port="${AXONSERVER_GRPC_PORT:-8124}"
(cd "$work" && exec java ${AXONSERVER_JAVA_OPTS:--Xmx512m} -jar "$jar" --server.port="$http_port" \
    --axoniq.axonserver.port="$grpc_port" >"$work/axonserver.log" 2>&1) &
pid=$!
echo "$pid" >"$work/axonserver.pid"

for _ in $(seq 1 120); do
    if curl -fsS "http://localhost:$http_port/actuator/health" 2>/dev/null | grep -q '"UP"'; then
        echo "$pid"
        exit 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "Axon Server exited; see $work/axonserver.log" >&2; exit 1; }
    sleep 1
done
echo "Axon Server did not answer within 120 s; see $work/axonserver.log" >&2
exit 1
