#!/usr/bin/env bash
# Throughput of `earlyhelp identify`, end to end: process start, partner CSV files in, candidates out.
#   bench/identify-throughput.sh [--people N] [--runs R] [--seed S] [--framework ID] [--as-of DATE] [--no-sql] [--busy B]
# Makes bench/out/people-N-seedS/ with `earlyhelp synth` if it is absent (timed and reported), runs identify once
# untimed (builds the host if needed, warms the page cache, checks the output), then times R runs and prints,
# for each, the wall-clock time, rows a second, peak memory (maximum resident set) and the load average, and
# then the best and the median. Then, for national-2022, the same rules written as SQL run on the same files in
# DuckDB and in a throwaway PostgreSQL (loaded with COPY), timed, and checked to find the same households with
# the same needs (--no-sql skips this). --busy B keeps B other processes spinning on the CPU throughout, so that
# identify and SQL are compared on a machine as busy as a shared one. Each engine runs in a session of its own
# (setsid), as pg_ctl starts PostgreSQL's server: Linux shares the CPU between sessions before it shares it between
# their threads, so an engine left in this script's session would compete with everything else started from it.
# See bench/README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
people=1500000
runs=3
seed=1
framework=national-2022
as_of=2025-03-31
sql=1
busy=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --people) people="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --framework) framework="$2"; shift 2 ;;
    --as-of) as_of="$2"; shift 2 ;;
    --no-sql) sql=0; shift ;;
    --busy) busy="$2"; shift 2 ;;
    *) echo "usage: $0 [--people N] [--runs R] [--seed S] [--framework ID] [--as-of DATE] [--no-sql] [--busy B]" >&2; exit 2 ;;
  esac
done

out="$root/bench/out"
data="$out/people-$people-seed$seed"
result="$out/candidates-$people-seed$seed-$framework.csv"
mkdir -p "$out"
if [[ ! -f "$data/people.csv" ]]; then
  echo "synth:   making $data (load $(cut -d' ' -f1-3 /proc/loadavg))"
  "$root/earlyhelp" synth --people "$people" --out "$data" --seed "$seed" --as-of "$as_of"
fi

spinners=()
stop_spinning() { [[ ${#spinners[@]} -gt 0 ]] && kill "${spinners[@]}" 2> /dev/null; true; }
trap stop_spinning EXIT
for ((i = 0; i < busy; i++)); do
  ( while :; do :; done ) &
  spinners+=($!)
done
[[ "$busy" -gt 0 ]] && echo "busy:    $busy other processes spinning on the CPU throughout"

rows=$(cat "$data"/*.csv | wc -l)
rows=$((rows - $(ls "$data"/*.csv | wc -l)))
echo "input:   $data ($people people, $rows rows, $(( $(du -sb "$data" | cut -f1) / 1000000 )) MB)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ { print $2 }') GB, load $(cut -d' ' -f1-3 /proc/loadavg)"

# Warm-up and check: the build is done, the files are in the page cache, the output has its header and rows.
"$root/earlyhelp" identify --data "$data" --as-of "$as_of" --framework "$framework" --out "$result" 2> "$out/identify-summary.txt"
candidates=$(( $(wc -l < "$result") - 1 ))
if [[ "$(head -1 "$result")" != "family_id,eligible,headline_outcomes,needs,reasons" || "$candidates" -lt 1 ]]; then
  echo "check:   FAILED: $result" >&2
  exit 1
fi
echo "check:   $candidates candidates, $(grep -m1 '^candidates:' "$out/identify-summary.txt" | sed 's/^candidates: [0-9,]*, of whom //'), sha256 $(sha256sum "$result" | cut -c1-16)"
grep '^time:' "$out/identify-summary.txt" | sed 's/^/         /'

times=()
for ((i = 1; i <= runs; i++)); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  start=$EPOCHREALTIME
  setsid -w /usr/bin/time -f '%M' -o "$out/identify-rss.txt" "$root/earlyhelp" identify --data "$data" --as-of "$as_of" --framework "$framework" --out "$result" 2> "$out/identify-summary.txt"
  end=$EPOCHREALTIME
  seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
  rss=$(awk '{ printf "%.2f", $1 / 1048576 }' "$out/identify-rss.txt")
  printf 'run %d:   %7.2fs  %5.1fM rows/s  peak %5.2f GiB  (load %s)  %s\n' "$i" "$seconds" "$(awk -v r="$rows" -v s="$seconds" 'BEGIN { print r / s / 1e6 }')" "$rss" "$load" \
    "$(grep '^time:' "$out/identify-summary.txt" | sed 's/^time: //')"
  times+=("$seconds")
done

sorted=($(printf '%s\n' "${times[@]}" | sort -n))
median=$(printf '%s\n' "${sorted[@]}" | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
echo "best:    ${sorted[0]}s"
echo "median:  ${median}s"

if [[ "$sql" == 1 && "$framework" == national-2022 ]]; then
  dotnet build "$root/bench/EarlyHelp.Bench" -c Release --nologo -v quiet > /dev/null
  echo "sql:     the same rules as SQL (load $(cut -d' ' -f1-3 /proc/loadavg))"
  setsid -w dotnet "$root/bench/EarlyHelp.Bench/bin/Release/net10.0/EarlyHelp.Bench.dll" sql-compare "$data" "$as_of" "$result" | sed 's/^/         /'
fi
