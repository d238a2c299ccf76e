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
source bench/lib.sh

missing=()
for tool in unbound:unbound dnsperf:dnsperf dig:dnsutils; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool##*:}")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The gateway runs from its jar, as in production; the benchmark drives it from the test classes.
./mvnw -q -pl enforcement-gateway -am package -DskipTests >/dev/null
classpath=$(test_classpath enforcement-gateway)

"$java_bin" "${java_opts[@]}" -Xmx1g -cp "$classpath" io.reroute.gateway.bench.DnsBenchmark "$@"
