#!/usr/bin/env bash
# Profiling benchmark: McpFlow (load + full profile) vs DuckDB SUMMARIZE on the same CSV, at 1M and 10M rows,
# pandas at 1M rows, and the EDA report at 1M rows. Usage: tools/bench/data/run.sh [scratch folder]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
scratch="${1:-/tmp/mcpflow-bench-data}"
mkdir -p "$scratch"
dotnet build -c Release "$repo/tools/bench/data/McpFlow.Bench.Data" -v q -nologo >/dev/null
bench="dotnet $repo/tools/bench/data/McpFlow.Bench.Data/bin/Release/net10.0/McpFlow.Bench.Data.dll"
for rows in 1000000 10000000; do
  csv="$scratch/bench_$rows.csv"
  [ -f "$csv" ] || $bench generate "$rows" "$csv"
  echo "== $rows rows ($(du -h "$csv" | cut -f1))"
  $bench summarize "$csv"
  rm -rf "$scratch/ws_$rows"; $bench profile "$csv" "$scratch/ws_$rows"
  if [ "$rows" = 1000000 ]; then
    /usr/bin/python3 "$repo/tools/bench/data/pandas_profile.py" "$csv"
    rm -rf "$scratch/ws_report"; $bench report "$csv" "$scratch/ws_report"
  fi
done
