#!/usr/bin/env bash
# Starts the whole booking platform in one JVM: an embedded PostgreSQL (data kept in ./data/postgres) and every
# service on its own port. Builds the launcher first when it is missing or older than the sources, and records its
# class-data archive when that is missing, older than the launcher or made by another JDK
# (scripts/class-data-archive.sh), so that later starts are a third quicker.
# Options are passed on to the launcher (--help lists them): --throwaway, --data-dir=PATH, --pg-port=N, --random-ports;
# BOOKING_PG_URL / BOOKING_PG_USER / BOOKING_PG_PASSWORD select an external PostgreSQL instead.
set -euo pipefail
cd "$(dirname "$0")"

launcher=launcher/target/booking-platform-launcher.jar
if [ ! -f "$launcher" ] || [ -n "$(find . -path ./data -prune -o \( -name '*.java' -o -name '*.yml' -o -name '*.sql' -o -name pom.xml \) -newer "$launcher" -print -quit)" ]; then
    ./mvnw -B -q -DskipTests package
fi
unpacked=launcher/target/app
archive="$unpacked/booking-platform-launcher.jsa"
# A JVM insisting on the archive (-Xshare:on) refuses one recorded by another JDK or with other jars; asked for its
# version alone, it says so in a fifth of a second, without loading the launcher.
archive_fits() {
    [ -f "$archive" ] && [ ! "$launcher" -nt "$archive" ] && java -Xshare:on -XX:SharedArchiveFile="$archive" \
        -cp "$unpacked/booking-platform-launcher.jar" -version > /dev/null 2>&1
}
if ! archive_fits; then
    scripts/class-data-archive.sh "$launcher" "$unpacked" || true
fi
# The throughput collector: on two cores and a heap of a gigabyte or so, G1's concurrent work and write barriers cost a
# booking more JVM CPU under load for no pause the platform needs (docs/benchmarks.md, seventeenth round). A collector
# chosen in the JVM's options replaces it, as the JVM refuses two.
collector=-XX:+UseParallelGC
# A heap of a gigabyte, all of it from the start. Left to size it, the collector kept it near 580 MB under load, with an
# old generation of 250 MB that 100 bookings a second filled every minute and a half, to be collected whole while the
# platform stood still for a third of a second; in a gigabyte that came about every six minutes, and since the event
# store's recent events die young, the old generation fills five times slower (docs/benchmarks.md, twenty-sixth and
# twenty-seventh rounds). A heap size in the JVM's options replaces it.
heap="-Xms1g -Xmx1g"
for option in ${JAVA_OPTS:-} ${JDK_JAVA_OPTIONS:-} ${JAVA_TOOL_OPTIONS:-}; do
    case "$option" in
        -XX:+UseSerialGC | -XX:+UseParallelGC | -XX:+UseG1GC | -XX:+UseZGC | -XX:+UseShenandoahGC | -XX:+UseEpsilonGC)
            collector= ;;
        -Xms* | -Xmx* | -XX:InitialHeapSize=* | -XX:MaxHeapSize=* | -XX:*RAMPercentage=*)
            heap= ;;
    esac
done
if [ -f "$archive" ]; then
    exec java -XX:SharedArchiveFile="$archive" $collector $heap ${JAVA_OPTS:-} \
        -jar "$unpacked/booking-platform-launcher.jar" "$@"
fi
exec java $collector $heap ${JAVA_OPTS:-} -jar "$launcher" "$@"
