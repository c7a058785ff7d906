#!/bin/sh
# Runs the McpFlow BO engine and its peers (random search, Optuna TPE) in the same run; see docs/experiments.md.
set -e
cd "$(dirname "$0")"
dotnet run -c Release --project McpFlow.Bench.Experiments.csproj -- --seeds 20 --budget 30 --init 5
/usr/bin/python3 peers.py 20 30
