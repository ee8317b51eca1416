#!/usr/bin/env bash
# Unpacks the launcher's jar into DIR and records there which classes a start of the platform loads, as a JVM
# class-data archive (AppCDS). A JVM given the archive maps those classes ready-parsed and verified instead of
# reading them from 170 jars, which saves a third of a cold start (docs/benchmarks.md). The archive belongs to the
# JDK and the jars it was recorded with: run this again after either changes (run.sh does so when it no longer fits).
#
#   scripts/class-data-archive.sh launcher/target/booking-platform-launcher.jar launcher/target/app
#   java -XX:SharedArchiveFile=launcher/target/app/booking-platform-launcher.jsa \
#       -jar launcher/target/app/booking-platform-launcher.jar
#
# The recording start runs on a throwaway database and free ports, so it can run beside a platform that is up; it
# ignores BOOKING_PG_URL, as it must never start services against a database that someone uses.
set -euo pipefail
jar="${1:?the launcher jar to unpack}"
dir="${2:?the directory to unpack it into}"
name="$(basename "$jar" .jar)"
log="$dir/recording-start.log"

rm -rf "$dir"
mkdir -p "$dir"
# The archive names the jars by the path it was recorded with: an absolute one works from any directory.
dir="$(cd "$dir" && pwd)"
# Class-data sharing reads plain jars on the class path, not the jars nested in Spring Boot's executable one.
java -Djarmode=tools -jar "$jar" extract --destination "$dir"
echo "Recording the classes a start of the platform loads, once for this build (about half a minute; log: $log)"
if ! env -u BOOKING_PG_URL -u BOOKING_PG_USER -u BOOKING_PG_PASSWORD \
    java -Xmx1g -XX:ArchiveClassesAtExit="$dir/$name.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "$dir/$name.jar" --throwaway --random-ports --stop-once-started > "$log" 2>&1; then
    tail -n 20 "$log" >&2
    echo "The recording start failed; the platform still runs without the archive, only slower to start." >&2
    rm -f "$dir/$name.jsa"
    exit 1
fi
