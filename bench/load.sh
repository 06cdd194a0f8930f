#!/usr/bin/env bash
# The caseload and family pages under load, on PostgreSQL with a large synthetic caseload.
#   bench/load.sh [--families 20000] [--users 50] [--duration 60] [--warmup 15] [--think-ms 1000] [--seed 1]
#   bench/load.sh --think-ms 1000,0     # one seeding, then a run for each think time in turn
# Starts a throwaway PostgreSQL cluster and the real host (./earlyhelp serve) on loopback ports, has the host
# seed the demonstration caseload at that size, then runs bench/EarlyHelp.Load: USERS different people sign
# in through the sign-in form and, for the duration, list their caseload with varied filters, sorts and pages
# and open families from it, pausing THINK-MS on average (half to one and a half times it) between pages, or
# not at all with 0. Prints requests, errors, throughput and p50/p95/p99 for each page, and where the
# CPU went. Everything it started is stopped and removed at the end. See bench/README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
families=20000
users=50
duration=60
warmup=15
think=1000
seed=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --families) families="$2"; shift 2 ;;
    --users) users="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --think-ms) think="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) echo "usage: $0 [--families N] [--users N] [--duration S] [--warmup S] [--think-ms MS] [--seed N]" >&2; exit 2 ;;
  esac
done

pg_bin="${EARLYHELP_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [[ ! -x "$pg_bin/initdb" ]]; then
  echo "load: PostgreSQL is not installed (apt-get install postgresql, or run ./run-tests, which installs it)" >&2
  exit 1
fi

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
seconds_since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }

# initdb refuses to run as root: as root, the cluster belongs to the postgres user, as in the tests.
work="$(mktemp -d /tmp/earlyhelp-load-XXXXXX)"
if [[ "$(id -u)" == 0 ]]; then
  chown postgres:postgres "$work"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

host_pid=""
pg_started=""
cleanup() {
  if [[ -n "$host_pid" ]] && kill -0 "$host_pid" 2>/dev/null; then
    kill "$host_pid" 2>/dev/null || true
    wait "$host_pid" 2>/dev/null || true
  fi
  if [[ -n "$pg_started" ]]; then
    as_pg "$pg_bin/pg_ctl" -D "$work/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "machine:  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"

# Build first, so that building is not timed as seeding nor competes with the run.
"$root/earlyhelp" --version >/dev/null
dotnet build "$root/bench/EarlyHelp.Load/EarlyHelp.Load.csproj" -c Release -o "$root/.build/load" --nologo -v quiet >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; exit 1; }

# PostgreSQL's own defaults for durability (fsync and synchronous commit on), unlike the tests' cluster: every
# family page writes an audit row and commits it, and that commit should cost what it costs in production.
pg_port="$(free_port)"
as_pg "$pg_bin/initdb" -D "$work/data" -U postgres -A trust -E UTF8 --locale=C >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }
as_pg "$pg_bin/pg_ctl" -D "$work/data" -l "$work/postgres.log" -w -t 60 start \
  -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c max_connections=200" >/dev/null
pg_started=1
pg_pid="$(head -n 1 "$work/data/postmaster.pid")"
psql() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }
psql -d postgres -c 'CREATE DATABASE earlyhelp'
echo "postgres: $("$pg_bin/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$pg_port"

# A password made for this run only, shared by the demonstration accounts.
password="load-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
host_port="$(free_port)"
url="http://127.0.0.1:$host_port"
started="$(now)"
ConnectionStrings__EarlyHelp="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=earlyhelp" \
EarlyHelp__Demo=true EarlyHelp__DemoFamilies="$families" EarlyHelp__DemoPassword="$password" \
  "$root/earlyhelp" serve --urls "$url" >"$work/host.log" 2>&1 &
host_pid=$!

# The host migrates and seeds before it listens, so the sign-in page answering means the caseload is there.
until curl -fs -o /dev/null "$url/sign-in"; do
  if ! kill -0 "$host_pid" 2>/dev/null; then
    echo "load: the host stopped while starting:" >&2
    cat "$work/host.log" >&2
    exit 1
  fi
  sleep 0.5
done
seeding="$(grep -o 'created in [0-9.]* s' "$work/host.log" | head -n 1 || true)"
echo "seeded:   $families families ${seeding:+($seeding) }and listening $(seconds_since "$started") s after the host started"

psql -d earlyhelp -At -F $'\t' -o "$work/accounts.tsv" -c '
  SELECT u."Email", r."Name" FROM "AspNetUsers" u
  JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id" JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
  WHERE u."PasswordHash" IS NOT NULL AND r."Name" IN ($$practitioner$$, $$manager$$)'
psql -d earlyhelp -At -F ' ' -c '
  WITH led AS (SELECT count(*) AS n, count(*) FILTER (WHERE "Stage" <> $$Closed$$) AS open
               FROM "Episodes" WHERE "LeadPractitionerId" IS NOT NULL GROUP BY "LeadPractitionerId")
  SELECT (SELECT count(*) FROM "Families"), (SELECT count(*) FROM "Teams"), count(*),
         percentile_disc(0.5) WITHIN GROUP (ORDER BY n), min(n), max(n),
         percentile_disc(0.5) WITHIN GROUP (ORDER BY open)
  FROM led' | {
  read -r f t p median lo hi open
  echo "data:     $f families, $t teams, $p practitioners leading $lo to $hi families each (median $median, $open of them open)"
}
psql -d earlyhelp -c 'VACUUM ANALYZE' # as autovacuum would soon after a bulk load

status=0
for pause in ${think//,/ }; do
  echo
  EARLYHELP_LOAD_PASSWORD="$password" dotnet "$root/.build/load/EarlyHelp.Load.dll" \
    --url "$url" --accounts "$work/accounts.tsv" --users "$users" --duration "$duration" --warmup "$warmup" \
    --think-ms "$pause" --seed "$seed" --watch "host=$host_pid" --watch "postgres=$pg_pid" || status=1
done
exit $status
