#!/usr/bin/env bash
# Broker benchmark (issue 5): 2,000 terminals online on the terminal channel, a tenth of them
# holders of every content (received from the origin piece by piece as the center asks them,
# then announced); 100 requests a second (auto, nothing held yet) from random other terminals for
# 120 s; each request timed to its first link (it may get several: up to four distributors at
# once, and those the center links when the receiver ends one; counted as links per request),
# each link's signal timed through the relay, the receiver ending the link once signalled.
# Then the server's heap and its CPU time in the measured window.
#
#   bash bench/broker/run.sh          (from the repository root)
#
# BENCH_TERMINALS (2000), BENCH_RATE (requests/s, 100), BENCH_SECONDS (per run, 120), BENCH_RUNS (3),
# BENCH_WARMUP (s before the first run, 20), BENCH_HOLDERS (percent of the terminals, 10),
# BENCH_HEARTBEAT (s, 5), BENCH_SALE_THREADS (seed sales at once, 3), BENCH_ORIGIN_THREADS (holders
# receiving from the origin at once, 4). BENCH_FRESH=1: seed again from nothing. BENCH_HTTP_PORT / BENCH_HTTPS_PORT:
# other ports (default 9480 / 9843). Needs JDK 17 (java, jcmd); bench/lib/server.sh also insists on wrk.
#
# The server is a Liberty of its own ("cascade-bench", port 9480, data under target/bench-data/broker),
# so it never meets the integration tests' server ("cascade", port 9181). The seed (contents, media
# sold and redeemed, and the holders' receptions) is kept for later runs with the same count; sign-ins
# are not (sessions do not survive a restart) and take long: every media is inserted again on every
# run, a few at a time, before and outside the measurement.
set -euo pipefail
cd "$(dirname "$0")/../.."

BENCH=bench/broker
DATA=$PWD/target/bench-data/broker
TERMINALS=${BENCH_TERMINALS:-2000}
source bench/lib/server.sh

say "packaging the WAR"
$MVN package -DskipTests

if [[ "${BENCH_FRESH:-0}" == 1 || "$(cat "$DATA/seed/done" 2>/dev/null)" != "terminals=$TERMINALS contents=4" ]]; then
  say "new data directory $DATA"
  rm -rf "$DATA"
fi
mkdir -p "$DATA"
rm -f "$DATA/result.txt"

code="$(git rev-parse --short HEAD)$([[ -z "$(git status --porcelain -- src pom.xml)" ]] || echo '+uncommitted')"
CLIENT="java -Xmx1g -Dterminals=$TERMINALS -Drate=${BENCH_RATE:-100} -Dseconds=${BENCH_SECONDS:-120} -Druns=${BENCH_RUNS:-3}
  -Dwarmup=${BENCH_WARMUP:-20} -DholdersPercent=${BENCH_HOLDERS:-10} -Dheartbeat=${BENCH_HEARTBEAT:-5}
  -DoriginThreads=${BENCH_ORIGIN_THREADS:-4} -DsaleThreads=${BENCH_SALE_THREADS:-3} -Dcores=$(nproc) -DclockTicks=$(getconf CLK_TCK) -Dcode=$code $BENCH/LoadClient.java"

start_server
if [[ ! -f "$DATA/seed/done" ]]; then
  say "seeding through the JSON API: 4 contents, $TERMINALS media sold and redeemed"
  timeout 5400 $CLIENT seed "$URL" "$DATA" "$SERVER_DIR/logs/messages.log"
  # Measure a freshly started server, whether the seed was made now or kept.
  stop_server
  start_server
fi

say "signing $TERMINALS terminals in, then measuring"
status=0
timeout 7200 $CLIENT measure "$URL" "$DATA" "$pid" "$SERVER_DIR/logs/messages.log" || status=$?
[[ -f "$DATA/result.txt" ]] || { echo "FAILED: no result (client exit status $status)" >&2; exit 1; }
echo "wall time: $(( $(date +%s) - started )) s" >> "$DATA/result.txt"
echo
cat "$DATA/result.txt"
if [[ $status != 0 ]]; then
  echo "FAILED: alerts, errors or unanswered requests (client exit status $status); see $DATA/result.txt" >&2
  exit 1
fi
