# Shared by the benchmark scripts: a Liberty server of the benchmarks' own ("cascade-bench",
# port 9480 unless BENCH_HTTP_PORT says otherwise), so a benchmark never meets the integration
# tests' server ("cascade", port 9181). Source it after setting DATA (the data directory).
#
# Gives: SERVER, PORT, URL, SERVER_DIR, MVN, say, start_server, stop_server, and a trap that
# stops the server (and a sampler, if one runs) when the script ends.

SERVER=cascade-bench
PORT=${BENCH_HTTP_PORT:-9480}
URL=http://127.0.0.1:$PORT
SERVER_DIR=target/liberty/wlp/usr/servers/$SERVER
MVN="mvn -q -B -Dcascade.server.name=$SERVER"
export CASCADE_HTTP_PORT=$PORT CASCADE_HTTPS_PORT=${BENCH_HTTPS_PORT:-9843} CASCADE_HOST=127.0.0.1 CASCADE_DATA_DIR=$DATA

started=$(date +%s)
say() { echo "[$(( $(date +%s) - started )) s] $*"; }

# The HTTP benchmarks drive the server with wrk; a benchmark that does not sets BENCH_WITHOUT_WRK=1.
[[ "${BENCH_WITHOUT_WRK:-0}" == 1 ]] || command -v wrk >/dev/null || { echo "wrk is missing (apt-get install -y wrk)" >&2; exit 1; }
command -v jcmd >/dev/null || { echo "jcmd (JDK 17) is missing" >&2; exit 1; }
# Someone else's server on our port would be measured (and stopped) by mistake.
if curl -s -o /dev/null --max-time 2 "$URL/"; then echo "port $PORT is already in use" >&2; exit 1; fi

pid=""
sampler=""
start_server() {
  say "starting Liberty server $SERVER on $URL"
  timeout 900 $MVN liberty:create liberty:deploy liberty:start -DserverStartTimeout=300
  pid=$(cat "target/liberty/wlp/usr/servers/.pid/$SERVER.pid" 2>/dev/null || pgrep -f "ws-server.jar.*$SERVER" | head -1)
  for _ in $(seq 120); do
    curl -sf -o /dev/null --max-time 5 "$URL/api/session" && break
    sleep 2
  done
  curl -sf -o /dev/null --max-time 5 "$URL/api/session" || { echo "the application did not come up" >&2; exit 1; }
  say "server up (pid $pid)"
}
stop_server() {
  say "stopping the server"
  timeout 180 $MVN liberty:stop >/dev/null 2>&1 || true
  # Only the JVM this script started, by its id, and only if liberty:stop did not end it.
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid" || true; fi
  pid=""
}
on_exit() {
  if [[ -n "$sampler" ]]; then kill "$sampler" 2>/dev/null || true; fi
  stop_server
}
trap on_exit EXIT
