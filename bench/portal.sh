#!/usr/bin/env bash
# The portal's money path end to end on this machine: a blocked subscriber pays in the sandbox and
# the gateway answers their DNS normally again; median and p99 over N runs (default 100) beside the
# same restore made by staff, and the bytes a first visit of the landing page transfers beside the
# admin UI's sign-in page. Needs the built jars (./mvnw install -DskipTests), dig and chromium.
# Target: p99 under 2 s from the payment to normal answers.
#
#   bench/portal.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

classpath=$(test_classpath local-stack)

"$java_bin" "${java_opts[@]}" -Dreroute.home="$PWD" -cp "$classpath" io.reroute.localstack.PortalBenchmark "${1:-100}"
