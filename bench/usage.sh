#!/usr/bin/env bash
# Interim updates (default 100,000 subscribers x 10 = 1,000,000) appended to a region's accounting
# stream as gateways do (before the clock starts: gateways append on their own machines), then
# applied by the platform's accounting consumer through the usage ledger (sessions, cycles, alerts,
# caps, quota events), on embedded PostgreSQL and Redis (or REROUTE_TEST_PG_SUPERUSER_URL /
# REROUTE_TEST_REDIS_URL). Prints updates/s and the steady-state lag from an update appended to a
# right remaining-bytes figure, beside the floor measured in the same run: the same entries folded
# by one plain SQL statement per 500. Target: at least 20,000 updates/s.
#
#   bench/usage.sh [subscribers] [updates-per-subscriber]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

classpath=$(test_classpath platform)

"$java_bin" "${java_opts[@]}" -Xmx2g -XX:+UseParallelGC -cp "$classpath" io.reroute.platform.bench.UsageBenchmark "${1:-100000}" "${2:-10}"
