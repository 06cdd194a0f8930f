#!/usr/bin/env bash
# The directory search on PostgreSQL with 20,000 synthetic services: p50/p95/p99 of the searches families and
# practitioners make, through the query service the pages and the API share. See bench/README.md.
#   bench/directory-search.sh [--services 20000] [--queries 1000] [--warmup 100] [--venues 2000] [--seed 1]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet build "$root/bench/EarlyHelp.DirectoryBench" -c Release -v quiet -nologo >/dev/null
exec dotnet "$root/bench/EarlyHelp.DirectoryBench/bin/Release/net10.0/EarlyHelp.DirectoryBench.dll" "$@"
