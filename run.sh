#!/usr/bin/env bash
# Starts the whole booking platform in one JVM: an embedded PostgreSQL (data kept in ./data/postgres) and every
# service on its own port. Builds the launcher first when it is missing or older than the sources.
# Options are passed on to the launcher (--help lists them): --throwaway, --data-dir=PATH, --pg-port=N, --random-ports;
# BOOKING_PG_URL / BOOKING_PG_USER / BOOKING_PG_PASSWORD select an external PostgreSQL instead.
set -euo pipefail
cd "$(dirname "$0")"

launcher=launcher/target/booking-platform-launcher.jar
if [ ! -f "$launcher" ] || [ -n "$(find . -path ./data -prune -o \( -name '*.java' -o -name '*.yml' -o -name '*.sql' -o -name pom.xml \) -newer "$launcher" -print -quit)" ]; then
    ./mvnw -B -q -DskipTests package
fi
exec java ${JAVA_OPTS:-} -jar "$launcher" "$@"
