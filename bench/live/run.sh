#!/usr/bin/env bash
# Live benchmark (issue 8): one publisher (Chromium's test camera, 250 kbit/s WebM) and 12 headless
# Chromium viewers in three orders (4 primary, 4 secondary, 4 tertiary), 5 s interval, on air for
# two minutes. Reports per order the median and p95 delay behind the center and its stray from the
# configured delay, the center's upload ÷ the stream, and the gap a viewer saw when its upstream
# terminal's page was closed.
#
#   bash bench/live/run.sh          (from the repository root)
#
# BENCH_PER_ORDER (4), BENCH_SECONDS (120), BENCH_INTERVAL (5), BENCH_HTTP_PORT / BENCH_HTTPS_PORT.
# Needs Debian's chromium and chromium-driver, JDK 17. Starts from a new data directory
# (target/bench-data/live).
set -euo pipefail
cd "$(dirname "$0")/../.."

BENCH=bench/live
DATA=$PWD/target/bench-data/live
BENCH_WITHOUT_WRK=1
source bench/lib/server.sh
command -v chromium >/dev/null && command -v chromedriver >/dev/null \
  || { echo "chromium and chromium-driver are missing (apt-get install -y chromium chromium-driver)" >&2; exit 1; }

say "packaging the WAR and the test helpers"
$MVN package test-compile -DskipTests
$MVN dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/bench-classpath.txt" >/dev/null

rm -rf "$DATA" "$SERVER_DIR/logs"
mkdir -p "$DATA"
code="$(git rev-parse --short HEAD)$([[ -z "$(git status --porcelain -- src pom.xml)" ]] || echo '+uncommitted')"
start_server

say "measuring (code $code)"
status=0
timeout 1800 java -Xmx1g -cp "target/test-classes:$(cat target/bench-classpath.txt)" \
  -Dcascade.server.log="$SERVER_DIR/logs/messages.log" -Dcascade.browsers.dir="$DATA/browsers" \
  -DperOrder="${BENCH_PER_ORDER:-4}" -Dseconds="${BENCH_SECONDS:-120}" -Dinterval="${BENCH_INTERVAL:-5}" \
  $BENCH/Live.java "$URL/" "$DATA/result.txt" || status=$?
[[ -f "$DATA/result.txt" ]] || { echo "FAILED: no result (exit status $status)" >&2; exit 1; }
{ echo; echo "code $code; wall time: $(( $(date +%s) - started )) s"; } >> "$DATA/result.txt"
echo
cat "$DATA/result.txt"
exit $status
