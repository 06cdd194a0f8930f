#!/usr/bin/env bash
# How long the performance scorecard takes over a large caseload.
#   bench/scorecard.sh [--families 20000] [--runs 5]
# Starts the real host on a throwaway SQLite database in a temporary folder, has it seed the demonstration
# caseload at that size (with its case file audits), signs in as the strategic lead, and times each request
# with curl: the whole service's scorecard for the financial year to date, one team's, and the CSV and Excel
# downloads. Prints each run, the best and the median. Everything it started is stopped and removed at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
families=20000
runs=5
while [[ $# -gt 0 ]]; do
  case "$1" in
    --families) families="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "usage: $0 [--families N] [--runs N]" >&2; exit 2 ;;
  esac
done

"$root/earlyhelp" --help >/dev/null # builds the host if its sources changed
work="$(mktemp -d /tmp/earlyhelp-scorecard-XXXXXX)"
host_pid=""
cleanup() {
  if [[ -n "$host_pid" ]]; then kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
site="http://127.0.0.1:$port"
password="scorecard-bench-password"
echo "scorecard: seeding $families families (SQLite, $work)"
EARLYHELP_ROOT="$work" EARLYHELP_FRAMEWORKS="$root/frameworks" EarlyHelp__DemoFamilies="$families" EarlyHelp__DemoPassword="$password" \
  EarlyHelp__Scorecard__ChildPopulation=64000 EarlyHelp__NightlyVerdicts=false \
  dotnet "$root/.build/host/EarlyHelp.Web.dll" serve --urls "$site" >"$work/host.log" 2>&1 &
host_pid=$!
until curl -sf -o /dev/null "$site/sign-in"; do
  if ! kill -0 "$host_pid" 2>/dev/null; then cat "$work/host.log" >&2; exit 1; fi
  sleep 2
done
grep -o "Demonstration caseload of .* created in .* s" "$work/host.log" || true

jar="$work/cookies"
token="$(curl -s -c "$jar" "$site/sign-in" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)"
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Email=strategic@demo.earlyhelp.test" \
  --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$token" "$site/sign-in"
team="$(curl -s -b "$jar" "$site/scorecard" | sed -n 's/.*<option value="\([0-9a-f-]\{36\}\)">North locality<\/option>.*/\1/p' | head -n 1)"

time_request() { # name, path
  local name="$1" path="$2" times=()
  curl -s -b "$jar" -o /dev/null "$site$path" # untimed: compiles the page's code
  for ((i = 1; i <= runs; i++)); do
    times+=("$(curl -s -b "$jar" -o "$work/out" -w '%{time_total}' "$site$path")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" -v bytes="$(stat -c %s "$work/out")" -v load="$(cut -d' ' -f1 /proc/loadavg)" '
    { t[NR] = $1 } END { printf "%-28s best %6.0f ms  median %6.0f ms  (%d runs, %d bytes, load %s)\n", name, t[1] * 1000, t[int((NR + 1) / 2)] * 1000, NR, bytes, load }'
}

echo "scorecard: $families families, $runs timed runs of each request"
time_request "whole service, year to date" "/scorecard"
time_request "one team, year to date" "/scorecard?Team=$team"
time_request "CSV download" "/scorecard?handler=csv"
time_request "Excel download" "/scorecard?handler=xlsx"
