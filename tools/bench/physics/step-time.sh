#!/usr/bin/env bash
# Time per Adam step: McpFlow's PINN trainer (TorchSharp) against a plain PyTorch loop on the identical network,
# points, loss terms and optimiser (step_time.py), 2 threads each, alternated ROUNDS times in the same run.
# Needs: apt-get install -y python3-torch. Usage: tools/bench/physics/step-time.sh [steps] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../../.."
steps="${1:-300}"
rounds="${2:-2}"
dotnet build -c Release tools/bench/physics/StepTimeBench -v q -nologo > /dev/null
for round in $(seq "$rounds"); do
  dotnet tools/bench/physics/StepTimeBench/bin/Release/net10.0/StepTimeBench.dll "$steps" | sed "s/^/mcpflow round $round: /"
  OMP_WAIT_POLICY=ACTIVE dotnet tools/bench/physics/StepTimeBench/bin/Release/net10.0/StepTimeBench.dll "$steps" | sed "s/^/mcpflow-omp-active round $round: /"
  /usr/bin/python3 tools/bench/physics/step_time.py "$steps" | sed "s/^/pytorch round $round: /"
done
