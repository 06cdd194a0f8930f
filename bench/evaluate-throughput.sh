#!/usr/bin/env bash
# Throughput of `earlyhelp evaluate --batch`, end to end: process start, JSON in, verdicts out.
#   bench/evaluate-throughput.sh [--families N] [--runs R] [--seed S]
# Generates bench/out/families-N-seedS.ndjson if it is absent, runs once untimed (which builds the host if
# needed, warms the page cache and checks the output), then times R runs writing to /dev/null and prints
# families a second for each, and the best and the median. See bench/README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
families=200000
runs=5
seed=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --families) families="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) echo "usage: $0 [--families N] [--runs R] [--seed S]" >&2; exit 2 ;;
  esac
done

out="$root/bench/out"
input="$out/families-$families-seed$seed.ndjson"
mkdir -p "$out"
if [[ ! -f "$input" ]]; then
  dotnet run --project "$root/bench/EarlyHelp.Bench" -c Release -- generate --families "$families" --out "$input" --seed "$seed"
fi

lines=$(wc -l < "$input")
echo "input:   $input ($lines families, $(( $(stat -L -c %s "$input") / 1000000 )) MB)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"

# Warm-up and check: the build is done, the input is in the page cache, and every line has its verdict.
# The verdicts are checked as they stream past, rather than written to disk, which would slow the runs after.
read -r got errors sha < <("$root/earlyhelp" evaluate --batch "$input" | python3 -c '
import hashlib, sys
lines = errors = 0
digest = hashlib.sha256()
for line in sys.stdin.buffer:
    lines += 1
    errors += line.startswith(b"{\"line\":")
    digest.update(line)
print(lines, errors, digest.hexdigest()[:16])
')
if [[ "$got" -ne "$lines" || "$errors" -ne 0 ]]; then
  echo "check:   FAILED: $got verdicts for $lines families, $errors error lines" >&2
  exit 1
fi
echo "check:   $got verdicts, no error lines, sha256 $sha"

rates=()
for ((i = 1; i <= runs; i++)); do
  start=$EPOCHREALTIME
  "$root/earlyhelp" evaluate --batch "$input" > /dev/null
  end=$EPOCHREALTIME
  rate=$(awk -v n="$lines" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", n / (e - s) }')
  printf 'run %d:   %6.2fs  %7d families/s  (load %s)\n' "$i" "$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')" "$rate" "$(cut -d' ' -f1 /proc/loadavg)"
  rates+=("$rate")
done

sorted=($(printf '%s\n' "${rates[@]}" | sort -n))
best=${sorted[-1]}
median=$(printf '%s\n' "${sorted[@]}" | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.0f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
echo "best:    $best families/s"
echo "median:  $median families/s"
