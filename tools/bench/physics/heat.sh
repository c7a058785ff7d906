#!/usr/bin/env bash
# Accuracy of the analyzer's full heat plan: McpFlow's trainer (HeatBench) against the same plan in plain PyTorch
# (heat_peer.py), alternated for each seed. Needs: apt-get install -y python3-torch.
# Usage: tools/bench/physics/heat.sh [seeds...]   (default: 1234 7 42)
set -euo pipefail
# Both sides wait passively for OpenMP work (McpFlow's default; spinning is 4-13x slower on a busy machine).
export OMP_WAIT_POLICY=PASSIVE
cd "$(dirname "$0")/../../.."
seeds=("${@:-1234 7 42}")
read -r -a seeds <<< "${seeds[*]}"
dotnet build -c Release tools/bench/physics/HeatBench -v q -nologo > /dev/null
for seed in "${seeds[@]}"; do
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet tools/bench/physics/HeatBench/bin/Release/net10.0/HeatBench.dll "$seed" 2
  /usr/bin/python3 tools/bench/physics/heat_peer.py "$seed"
done
