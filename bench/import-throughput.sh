#!/usr/bin/env bash
# Throughput of `earlyhelp import` into PostgreSQL, end to end (process start, CSV in, binary COPY into a staging
# table, merge on the natural key, commit), one partner file after another, people first.
#   bench/import-throughput.sh [--people N] [--seed S] [--datasets "people police ..."]
# Makes bench/out/people-N-seedS/ with `earlyhelp synth` if it is absent (the same files identify-throughput.sh
# reads), starts a throwaway PostgreSQL 15 cluster (initdb and pg_ctl, durable settings: fsync on), imports each
# file into an empty database and prints its rows, time and rows a second, then the total; then imports people.csv
# again, which must add and update nothing (the merge of an unchanged file). See bench/README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
people=1500000
seed=1
as_of=2025-03-31
datasets="people attendance exclusions police benefits neet housing social_care health"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --people) people="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --datasets) datasets="$2"; shift 2 ;;
    *) echo "usage: $0 [--people N] [--seed S] [--datasets \"people police ...\"]" >&2; exit 2 ;;
  esac
done

out="$root/bench/out"
data="$out/people-$people-seed$seed"
mkdir -p "$out"
if [[ ! -f "$data/people.csv" ]]; then
  echo "synth:   making $data (load $(cut -d' ' -f1-3 /proc/loadavg))"
  "$root/earlyhelp" synth --people "$people" --out "$data" --seed "$seed" --as-of "$as_of"
fi

bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
cluster=$(mktemp -d /tmp/earlyhelp-import-bench.XXXXXX)
port=$((20000 + RANDOM % 20000))
as_postgres=()
if [[ $(id -u) == 0 ]]; then
  chown postgres "$cluster"
  as_postgres=(runuser -u postgres --)
fi
"${as_postgres[@]}" "$bin/initdb" -D "$cluster/data" -U postgres -A trust -E UTF8 --locale=C > /dev/null
"${as_postgres[@]}" "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 start \
  -o "-p $port -k $cluster -c listen_addresses=127.0.0.1 -c max_wal_size=4GB" > /dev/null
stop() { "${as_postgres[@]}" "$bin/pg_ctl" -D "$cluster/data" -m fast stop > /dev/null || true; rm -rf "$cluster"; }
trap stop EXIT
"${as_postgres[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres earlyhelp
export ConnectionStrings__EarlyHelp="Host=127.0.0.1;Port=$port;Database=earlyhelp;Username=postgres"

echo "input:   $data ($people people, $(( $(du -sb "$data" | cut -f1) / 1000000 )) MB)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ { print $2 }') GB, PostgreSQL $("$bin/postgres" --version | awk '{ print $3 }'), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$root/earlyhelp" frameworks list > /dev/null # builds the host if needed, outside the timings

thousands() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
thousands_in() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
total_rows=0
total_seconds=0
run() {
  local dataset="$1" file="$2" label="$3"
  local rows=$(( $(wc -l < "$file") - 1 ))
  local load=$(cut -d' ' -f1 /proc/loadavg)
  local start=$EPOCHREALTIME
  "$root/earlyhelp" import "$dataset" "$file" 2> "$out/import-$dataset.txt" || { cat "$out/import-$dataset.txt" >&2; exit 1; }
  local end=$EPOCHREALTIME
  local seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
  local summary=$(grep '^import: ' "$out/import-$dataset.txt" | sed 's/^import: [a-z_]*\.csv: //; s/, in [0-9.]* s ([0-9,]* rows a second; /, /; s/)$//')
  printf '%-10s %-16s %11s rows %8s s %9s rows a second  (%s; load %s)\n' "$label" "$dataset" "$(thousands "$rows")" "$seconds" \
    "$(awk -v r="$rows" -v s="$seconds" 'BEGIN { printf "%d", r / s }' | thousands_in)" "$summary" "$load"
  if [[ "$label" == import ]]; then
    total_rows=$((total_rows + rows))
    total_seconds=$(awk -v t="$total_seconds" -v s="$seconds" 'BEGIN { printf "%.2f", t + s }')
  fi
}

for dataset in $datasets; do
  [[ -f "$data/$dataset.csv" ]] && run "$dataset" "$data/$dataset.csv" import
done
printf '%-10s %-16s %11s rows %8s s %9s rows a second\n' total "" "$(thousands "$total_rows")" "$total_seconds" \
  "$(awk -v r="$total_rows" -v s="$total_seconds" 'BEGIN { printf "%d", r / s }' | thousands_in)"
run people "$data/people.csv" again
if ! grep -q ' 0 added, 0 updated' "$out/import-people.txt"; then
  echo "check:   FAILED: importing people.csv again changed rows" >&2
  exit 1
fi
echo "check:   importing people.csv again added and updated nothing"
