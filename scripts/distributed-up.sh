#!/usr/bin/env bash
# Starts the distributed mode on this machine: PostgreSQL (an existing server, or the launcher's embedded one in
# database-only mode), Axon Server from AXONSERVER_JAR, and every service as its own process with the axonserver
# profile. Logs and PIDs go under ./distributed (DISTRIBUTED_DIR); scripts/distributed-down.sh stops exactly these.
#
#   AXONSERVER_JAR=~/axonserver/axonserver.jar ADMIN_EMAIL=admin@example.com ADMIN_PASSWORD=change-me-now \
#       scripts/distributed-up.sh
#
# Options (environment):
#   BOOKING_PG_URL, BOOKING_PG_USER, BOOKING_PG_PASSWORD  an existing PostgreSQL (JDBC URL of any database on it);
#                                                        without it, an embedded one on port PG_PORT (5432)
#   SCALE="booking-command=2 payment-command=2"           more instances of a service; instance n listens on the
#                                                        service's port + 100*(n-1)
#   JWT_SIGNING_KEY_FILE                                 the token key every user-command instance shares
#                                                        (made with openssl when missing)
#   PORT_OFFSET=1000                                     added to every port this starts (PostgreSQL, Axon
#                                                        Server's 8024/8124, the services'), so that it runs
#                                                        beside a standalone platform on the default ports
#   CORS_ALLOWED_ORIGINS                                 the pages browsers may call the services from
#                                                        (default: the dashboard, on booking-query's port)
#   PAYMENT_GATEWAY                                      the payment provider (default: simulated, the built-in one)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
work="${DISTRIBUTED_DIR:-$root/distributed}"
offset="${PORT_OFFSET:-0}"
pg_port=$(( ${PG_PORT:-5432} + offset ))
axon_http_port=$(( 8024 + offset ))
axon_grpc_port=$(( 8124 + offset ))
mkdir -p "$work/pids" "$work/logs"

if [ ! -f launcher/target/booking-platform-launcher.jar ] || [ ! -f saga-coordinator/target/saga-coordinator-0.1.0-SNAPSHOT-exec.jar ]; then
    ./mvnw -B -q -DskipTests package
fi

wait_for() { # name url
    for _ in $(seq 1 120); do
        if curl -fsS "$2" 2>/dev/null | grep -q '"UP"'; then return 0; fi
        sleep 1
    done
    echo "$1 did not come up; see $work/logs" >&2
    return 1
}

# PostgreSQL, with a database per service.
if [ -n "${BOOKING_PG_URL:-}" ]; then
    pg_host_port="$(echo "$BOOKING_PG_URL" | sed -E 's#jdbc:postgresql://([^/]+)/.*#\1#')"
    pg_user="${BOOKING_PG_USER:-postgres}"
    pg_password="${BOOKING_PG_PASSWORD:-}"
else
    pg_host_port="localhost:$pg_port"
    pg_user=postgres
    pg_password=""
fi
java -jar launcher/target/booking-platform-launcher.jar --database-only --pg-port="$pg_port" \
    --data-dir="$work/postgres" >"$work/logs/postgres.log" 2>&1 &
echo $! >"$work/pids/postgres.pid"
for _ in $(seq 1 60); do grep -q "Press Ctrl-C" "$work/logs/postgres.log" && break; sleep 1; done
grep -q "Press Ctrl-C" "$work/logs/postgres.log" || { echo "PostgreSQL did not come up" >&2; exit 1; }

# Axon Server.
AXONSERVER_JAR="${AXONSERVER_JAR:?Set AXONSERVER_JAR to the axonserver.jar you downloaded from AxonIQ}" \
    AXONSERVER_HTTP_PORT="$axon_http_port" AXONSERVER_GRPC_PORT="$axon_grpc_port" \
    axonserver/start-axonserver.sh "$work/axonserver" >"$work/pids/axonserver.pid"

# The token key every user-command instance signs with.
key="${JWT_SIGNING_KEY_FILE:-$work/jwt-signing-key.pem}"
[ -f "$key" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null

declare -A port=([user-command]=8081 [booking-command]=8082 [payment-command]=8083 [booking-query]=8084 [saga-coordinator]=8085)
declare -A prefix=([user-command]=USER [booking-command]=BOOKING [payment-command]=PAYMENT [booking-query]=QUERY [saga-coordinator]=SAGA)
declare -A database=([user-command]=user_db [booking-command]=booking_db [payment-command]=payment_db [booking-query]=query_db [saga-coordinator]=saga_db)
# The dashboard (booking-query's first instance) is the page the browsers call the services from.
dashboard_port=$(( ${port[booking-query]} + offset ))
declare -A instances=()
for entry in ${SCALE:-}; do instances[${entry%%=*}]=${entry#*=}; done

for service in user-command booking-command payment-command saga-coordinator booking-query; do
    # What a service's only instance may keep in memory, another instance could change (docs/distributed-mode.md).
    sole_instance="${PLATFORM_SOLE_INSTANCE:-false}"
    if [ "${instances[$service]:-1}" -gt 1 ]; then sole_instance=false; fi
    for n in $(seq 1 "${instances[$service]:-1}"); do
        service_port=$(( ${port[$service]} + offset + 100 * (n - 1) ))
        name="$service-$n"
        env SPRING_PROFILES_ACTIVE=axonserver \
            AXON_AXONSERVER_SERVERS="${AXON_AXONSERVER_SERVERS:-localhost:$axon_grpc_port}" \
            SERVER_PORT="$service_port" \
            "${prefix[$service]}_DB_URL=jdbc:postgresql://$pg_host_port/${database[$service]}" \
            "${prefix[$service]}_DB_USER=$pg_user" \
            "${prefix[$service]}_DB_PASSWORD=$pg_password" \
            JWK_SET_URI="http://localhost:$(( 8081 + offset ))/.well-known/jwks.json" \
            CORS_ALLOWED_ORIGINS="${CORS_ALLOWED_ORIGINS:-http://localhost:$dashboard_port,http://127.0.0.1:$dashboard_port}" \
            JWT_SIGNING_KEY_FILE="$key" \
            PAYMENT_GATEWAY="${PAYMENT_GATEWAY:-simulated}" \
            PLATFORM_SOLE_INSTANCE="$sole_instance" \
            java ${SERVICE_JAVA_OPTS:--Xmx512m} -jar "$service/target/$service-0.1.0-SNAPSHOT-exec.jar" \
            >"$work/logs/$name.log" 2>&1 &
        echo $! >"$work/pids/$name.pid"
        wait_for "$name" "http://localhost:$service_port/actuator/health"
        echo "$name is up on http://localhost:$service_port"
    done
done
echo "The distributed platform is up. Stop it with scripts/distributed-down.sh"
