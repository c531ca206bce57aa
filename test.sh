#!/usr/bin/env bash
# Every test Cascade has: installs the system packages the tests need when this machine lacks
# them, then runs the whole suite (the browser modules' unit tests under Node, then unit,
# integration on a real Liberty and browser tests in headless Chromium). Arguments are passed on
# to Maven (e.g. -Dit.test=MediaStoryIT).
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v node >/dev/null 2>&1 || need+=(nodejs)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# A Liberty left running from this checkout (the tests' own, or a benchmark's) would make the
# managed container refuse to start: its check matches server names by their beginning.
if [ -x target/liberty/wlp/bin/server ]; then
  for server in cascade-it cascade-bench; do
    target/liberty/wlp/bin/server stop "$server" >/dev/null 2>&1 || true
  done
fi

# The browser modules that need no page (src/test/js), under Node's own test runner.
node --test src/test/js/

exec mvn -B -ntp verify "$@"
