#!/usr/bin/env bash
# Swarm benchmark (issue 5): N headless Chromium terminals (12), one the initial holder of an
# 8 MiB content; the origin and every terminal's upload capped; the others press Receive at
# once. Three runs, each with a content of its own, then the same receivers served by the origin
# alone under the same cap, and first the ceiling of one Chromium's WebRTC traffic.
#
#   bash bench/swarm/run.sh          (from the repository root)
#
# The caps are half of the issue's 256 KiB/s (origin) and 128 KiB/s (terminal): the ceiling
# measured here is about 1.2 MiB/s, not 5, and at the full caps the twelve browsers kept both
# cores busy (load average near 4), so the machine, not the swarm, set the pace (BENCHMARKS.md).
#
# BENCH_TERMINALS (12), BENCH_SIZE_MIB (8), BENCH_ORIGIN_KIB (128), BENCH_TERMINAL_KIB (64),
# BENCH_RUNS (3), BENCH_ORIGIN_ONLY (1: also the origin alone, N*F/u_origin = 12 minutes),
# BENCH_CEILING_MIB (32). BENCH_HTTP_PORT / BENCH_HTTPS_PORT: other ports (default 9480 / 9843).
# Needs Debian's chromium and chromium-driver, JDK 17. Every run starts from a new data directory
# (target/bench-data/swarm): the operator takes the center over from the one-time password.
set -euo pipefail
cd "$(dirname "$0")/../.."

BENCH=bench/swarm
DATA=$PWD/target/bench-data/swarm
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
timeout 5400 java -Xmx1g -cp "target/test-classes:$(cat target/bench-classpath.txt)" \
  -Dcascade.server.log="$SERVER_DIR/logs/messages.log" -Dcascade.browsers.dir="$DATA/browsers" \
  -Dterminals="${BENCH_TERMINALS:-12}" -DsizeMib="${BENCH_SIZE_MIB:-8}" -DoriginKib="${BENCH_ORIGIN_KIB:-128}" \
  -DterminalKib="${BENCH_TERMINAL_KIB:-64}" -Druns="${BENCH_RUNS:-3}" -DoriginOnly="$([[ "${BENCH_ORIGIN_ONLY:-1}" == 1 ]] && echo true || echo false)" \
  -DceilingMib="${BENCH_CEILING_MIB:-32}" \
  $BENCH/Swarm.java "$URL/" "$DATA/result.txt" || status=$?
[[ -f "$DATA/result.txt" ]] || { echo "FAILED: no result (exit status $status)" >&2; exit 1; }
{ echo; echo "code $code; wall time: $(( $(date +%s) - started )) s"; } >> "$DATA/result.txt"
echo
cat "$DATA/result.txt"
exit $status
