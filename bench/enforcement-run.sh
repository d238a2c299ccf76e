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

if [[ -z "${JAVA_HOME:-}" ]]; then
  for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
    [[ -x "$jdk/bin/java" ]] && export JAVA_HOME="$jdk" && break
  done
fi

classpath_file="$PWD/platform/target/bench.classpath"
./mvnw -q -pl platform -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null

"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -XX:+UseParallelGC \
  -cp "platform/target/test-classes:platform/target/classes:$(cat "$classpath_file")" \
  io.reroute.platform.bench.EnforcementBenchmark "${1:-100000}"
