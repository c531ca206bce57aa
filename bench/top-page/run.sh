#!/usr/bin/env bash
# Top page benchmark (see BENCHMARKS.md): 10,000 contents, 1,000 signed-in users, 32 concurrent
# clients on /terminal/home, plain and searched; then the server's heap.
#
#   bash bench/top-page/run.sh          (from the repository root)
#
# BENCH_CONTENTS / BENCH_USERS: smaller trial runs. BENCH_FRESH=1: seed again from nothing.
# BENCH_SAMPLES=N: take N thread dumps (1 s apart) during each measured run, for profiling.
# BENCH_JFR=1: a flight recording of each measured run (target/bench-data/top-page/<list>.jfr).
# BENCH_HTTP_PORT / BENCH_HTTPS_PORT: other ports (default 9480 / 9843), e.g. beside another run.
#
# The server is a Liberty of its own ("cascade-bench", port 9480, data under target/bench-data),
# so it never meets the integration tests' server ("cascade", port 9181).
set -euo pipefail
cd "$(dirname "$0")/../.."

BENCH=bench/top-page
DATA=$PWD/target/bench-data/top-page
CONTENTS=${BENCH_CONTENTS:-10000}
USERS=${BENCH_USERS:-1000}
source bench/lib/server.sh

say "packaging the WAR"
$MVN package -DskipTests

# The seed (contents, media sales) takes long and lives in the data directory: keep it when it
# was made for the same counts, else start from an empty database (which prints a new operator
# one-time password). Users sign in again on every run: sessions do not survive a restart.
if [[ "${BENCH_FRESH:-0}" == 1 || "$(cat "$DATA/seed/done" 2>/dev/null)" != "contents=$CONTENTS users=$USERS" ]]; then
  say "new data directory $DATA"
  rm -rf "$DATA"
fi
mkdir -p "$DATA"
rm -f "$DATA"/result-*.txt

SEED="java -Dcontents=$CONTENTS -Dusers=$USERS $BENCH/Seed.java"
start_server
if [[ ! -f "$DATA/seed/done" ]]; then
  say "seeding through the JSON API: $CONTENTS contents, $USERS media sold"
  timeout 5400 $SEED data "$URL" "$DATA" "$SERVER_DIR/logs/messages.log"
  # Measure a freshly started server whatever the seeding did to it (caches, heap), so that a
  # run on a new data directory and one on a kept one measure the same thing.
  stop_server
  start_server
fi
say "signing $USERS users in"
timeout 1800 $SEED sessions "$URL" "$DATA" "$SERVER_DIR/logs/messages.log"

# 20 s warm-up (JIT, caches, connection pool), then 30 s measured; a 10 s timeout so that slow
# answers count in the percentiles instead of disappearing as socket errors.
measure() {
  local name=$1 path=$2
  say "warm-up $name: $path"
  BENCH_COOKIES="$DATA/cookies.txt" wrk -t2 -c32 -d20s --timeout 10s -s "$BENCH/sessions.lua" "$URL$path" > "$DATA/wrk-$name-warmup.txt"
  say "measuring $name"
  if [[ "${BENCH_JFR:-0}" == 1 ]]; then
    # A flight recording of the measured run, for profiling (see BENCHMARKS.md for reading it).
    jcmd "$pid" JFR.start name="$name" settings=profile duration=30s filename="$DATA/$name.jfr" > /dev/null
  fi
  if [[ "${BENCH_SAMPLES:-0}" -gt 0 ]]; then
    # Thread dumps pause the server briefly: figures of a sampled run are not the benchmark's.
    mkdir -p "$DATA/threads"
    ( sleep 2; for i in $(seq "$BENCH_SAMPLES"); do jcmd "$pid" Thread.print > "$DATA/threads/$name-$i.txt" 2>&1; sleep 1; done ) &
    sampler=$!
  fi
  BENCH_COOKIES="$DATA/cookies.txt" BENCH_RESULT="$DATA/result-$name.txt" \
    wrk -t2 -c32 -d30s --timeout 10s --latency -s "$BENCH/sessions.lua" "$URL$path" | tee "$DATA/wrk-$name.txt"
  if [[ -n "$sampler" ]]; then wait "$sampler" || true; sampler=""; fi
}

measure plain "/terminal/home"
measure searched "/terminal/home?q=amber&genre=MUSIC&min=100&max=2000&sort=POPULAR"

# Heap in use right after the load, then what is still live after a full collection.
heap_mib() { jcmd "$pid" GC.heap_info | sed -n 's/.*heap.* used \([0-9]*\)K.*/\1/p' | head -1 | awk '{printf "%d", $1/1024}'; }
used=$(heap_mib)
jcmd "$pid" GC.run > /dev/null
live=$(heap_mib)
max=$(jcmd "$pid" VM.flags | grep -o -- '-XX:MaxHeapSize=[0-9]*' | cut -d= -f2 | awk '{printf "%d", $1/1048576}')

{
  echo "Top page benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $CONTENTS contents, $USERS users, 32 connections"
  for name in plain searched; do echo "$name: $(cat "$DATA/result-$name.txt")"; done
  echo "heap used after run: $used MiB (after GC: $live MiB), max: $max MiB"
  echo "wall time: $(( $(date +%s) - started )) s"
} | tee "$DATA/summary.txt"

# A non-200 answer (a 302 to the sign-in page: sessions are wrong) makes the figures meaningless.
if grep -q 'non200=[1-9]' "$DATA"/result-*.txt; then
  echo "FAILED: some answers were not 200 (see $DATA/wrk-*.txt and BENCHMARKS.md)" >&2
  exit 1
fi
