#!/usr/bin/env bash
# Session soak (see BENCHMARKS.md): do signed-in sessions stay signed in while the server serves
# many authenticated requests? Four clerks sign in; one of them makes BENCH_REQUESTS (default
# 100,000) requests under wrk; then every session must still be signed in.
#
#   bash bench/sessions/run.sh          (from the repository root)
#
# Uses its own data directory (target/bench-data/sessions, new on every run) and the benchmark
# server of bench/lib/server.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."

DATA=$PWD/target/bench-data/sessions
REQUESTS=${BENCH_REQUESTS:-100000}
source bench/lib/server.sh
command -v jq >/dev/null || { echo "jq is missing (apt-get install -y jq)" >&2; exit 1; }

say "packaging the WAR"
$MVN package -DskipTests
rm -rf "$DATA" && mkdir -p "$DATA"
start_server

# One person's session: a cookie jar and the CSRF token of that session.
csrf() { curl -sf -b "$DATA/$1.jar" -c "$DATA/$1.jar" "$URL/api/session" | jq -r .csrfToken; }
call() { # name method path [json]
  local name=$1 method=$2 path=$3 body=${4:-}
  curl -s -b "$DATA/$name.jar" -c "$DATA/$name.jar" -X "$method" -H "Accept: application/json" \
    -H "Content-Type: application/json" -H "X-CSRF-Token: $(csrf "$name")" ${body:+--data "$body"} "$URL$path"
}
sign_in() { call "$1" POST /api/session "{\"username\":\"$2\",\"password\":\"$3\"}" > /dev/null; }
status() { curl -s -o /dev/null -w '%{http_code}' -b "$DATA/$1.jar" -H "Accept: application/json" "$URL$2"; }

say "taking the operator account over, opening a store and its clerk"
one_time=$(grep -o 'one-time password [0-9A-Z-]*' "$SERVER_DIR/logs/messages.log" | tail -1 | cut -d' ' -f3)
sign_in operator operator "$one_time"
call operator POST /api/session/password "{\"current\":\"$one_time\",\"chosen\":\"op-$RANDOM-$RANDOM-soak\"}" > /dev/null
store=$(call operator POST /api/stores '{"name":"Soak store","address":"Loopback 1"}' | jq -r .id)
clerk_once=$(call operator POST "/api/stores/$store/clerks" '{"username":"soak-clerk","displayName":"Soak clerk"}' | jq -r .oneTimePassword)
sign_in clerk0 soak-clerk "$clerk_once"
clerk_pw="clerk-$RANDOM-$RANDOM-soak"
call clerk0 POST /api/session/password "{\"current\":\"$clerk_once\",\"chosen\":\"$clerk_pw\"}" > /dev/null
for n in 1 2 3 4; do sign_in "clerk$n" soak-clerk "$clerk_pw"; done
for n in 1 2 3 4; do
  [[ $(status "clerk$n" /api/store/receipts) == 200 ]] || { echo "clerk$n is not signed in" >&2; exit 1; }
done

# wrk stops after a duration, not a count: run it in 20 s slices until enough requests were made.
# Every cookie of clerk1's jar, as one Cookie header.
awk -F'\t' 'NF == 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 } END { print "" }' "$DATA/clerk1.jar" > "$DATA/cookies.txt"
made=0
while (( made < REQUESTS )); do
  BENCH_COOKIES="$DATA/cookies.txt" BENCH_RESULT="$DATA/result.txt" \
    wrk -t2 -c16 -d20s --timeout 10s -s bench/top-page/sessions.lua "$URL/api/store/receipts" > "$DATA/wrk.txt"
  slice=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$DATA/wrk.txt")
  made=$(( made + slice ))
  say "$made authenticated requests so far"
done

lost=0
for n in 1 2 3 4; do
  code=$(status "clerk$n" /api/store/receipts)
  say "clerk$n after the load: $code"
  [[ $code == 200 ]] || lost=$((lost + 1))
done
non200=$(grep -o 'non200=[0-9]*' "$DATA/result.txt" | cut -d= -f2 | paste -sd+ | bc)
{
  echo "Session soak, $(date -u +%Y-%m-%dT%H:%MZ): $made authenticated requests by one of 4 signed-in sessions"
  echo "answers other than 200 during the load: $non200; sessions signed out afterwards: $lost of 4"
} | tee "$DATA/summary.txt"
(( non200 == 0 && lost == 0 )) || { echo "FAILED: sessions were lost" >&2; exit 1; }
