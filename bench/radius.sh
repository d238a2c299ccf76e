#!/usr/bin/env bash
# The gateway's RADIUS server against FreeRADIUS (Debian's, files module, the same 100,000 users
# answered with the same attributes) in the same run, both driven by the bench's own load generator
# (a bounded window of requests in flight over several sockets, every response verified); prints
# Access-Requests/s and Accounting-Requests/s for both, latency percentiles, server and client CPU
# per request and the ratio. Then, end to end with the platform: the time from a payment to the
# restoring CoA-Request at a test NAS over 1,000 subscribers. Targets: ratio >= 1.0; payment to
# CoA p99 < 500 ms.
#
#   bench/radius.sh [subscribers=100000] [seconds-per-run=10] [paced-rate=10000] [payers=1000] [payments-per-second=20]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

missing=()
for tool in freeradius:freeradius radclient:freeradius-utils; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool##*:}")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Debian starts the freshly installed FreeRADIUS as a service; the bench runs its own copy.
systemctl stop freeradius 2>/dev/null || true

# The platform and the gateway run from their jars, as in production; the benchmarks from the test classes.
./mvnw -q -pl platform,enforcement-gateway -am package -DskipTests >/dev/null
classpath=$(test_classpath enforcement-gateway)

"$java_bin" "${java_opts[@]}" -Xmx1g -cp "$classpath" io.reroute.gateway.bench.RadiusBenchmark "${1:-100000}" "${2:-10}" "${3:-10000}"
"$java_bin" "${java_opts[@]}" -Xmx1g -cp "$classpath" io.reroute.gateway.bench.PaymentToCoaBenchmark "${4:-1000}" "${5:-20}"
