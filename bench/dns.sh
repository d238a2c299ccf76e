#!/usr/bin/env bash
# The DNS redirector against unbound (Debian's, with equivalent redirect rules) in the same run:
# both driven by dnsperf from a blocked subscriber's address with the same query file; prints
# queries/s (median of three alternating rounds), average latency, p50/p99 at 20,000 queries/s and
# the ratio; then the gateway's heap with a million subscribers under -Xmx512m. Targets: throughput >= 0.8 x unbound, p99 < 2 ms at
# 20,000 queries/s, heap < 512 MB for 1,000,000 subscribers.
#
#   bench/dns.sh [subscribers=100000] [heap-subscribers=1000000] [seconds-per-run=10]
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${JAVA_HOME:-}" ]]; then
  for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
    [[ -x "$jdk/bin/java" ]] && export JAVA_HOME="$jdk" && break
  done
fi

missing=()
for tool in unbound:unbound dnsperf:dnsperf dig:dnsutils; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool##*:}")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

classpath_file="$PWD/enforcement-gateway/target/bench.classpath"
./mvnw -q -pl enforcement-gateway -am package -DskipTests >/dev/null
./mvnw -q -pl enforcement-gateway test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null

"$JAVA_HOME/bin/java" -Xmx1g \
  -cp "enforcement-gateway/target/test-classes:enforcement-gateway/target/classes:$(cat "$classpath_file")" \
  io.reroute.gateway.bench.DnsBenchmark "$@"
