#!/usr/bin/env bash
# Runs every test: ./mvnw verify, with any arguments passed on (./test.sh -pl booking-query -am, say).
# Maven, every library and PostgreSQL's binaries come through the Maven Wrapper from Maven Central, and the tests start
# the PostgreSQL servers they need. The rest comes from Debian, installed here when it is missing: a JDK 17
# (openjdk-17-jdk-headless) if there is no java, and Chromium with its driver (chromium, chromium-driver) for the
# dashboard page's browser test. Installing takes root; anyone else is told what to install.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
# Where DashboardPageIT looks for them.
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "test.sh: missing what the tests need: ${missing[*]}." >&2
        echo "test.sh: run it as root on Debian to have it installed, or install it first:" >&2
        echo "    sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    echo "test.sh: installing ${missing[*]} from Debian"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

exec ./mvnw verify "$@"
