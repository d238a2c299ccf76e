#!/usr/bin/env bash
# One scheduler run that blocks N overdue subscribers (default 100,000) in one workspace, plus the
# outbox relay draining their events to the region's Redis Stream, timed against the real platform
# code on embedded PostgreSQL and Redis (or REROUTE_TEST_PG_SUPERUSER_URL / REROUTE_TEST_REDIS_URL).
# The peer column is the floor measured in the same run: the same writes as one SQL statement, and
# the same payloads appended with a plain pipelined XADD. Target: the whole run under 60 s.
#
#   bench/enforcement-run.sh [subscribers]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

classpath=$(test_classpath platform)

"$java_bin" "${java_opts[@]}" -Xmx2g -XX:+UseParallelGC -cp "$classpath" io.reroute.platform.bench.EnforcementBenchmark "${1:-100000}"
