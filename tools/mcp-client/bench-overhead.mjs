// MCP overhead benchmark: spawn-to-initialize time and trivial tool-call round trips over stdio, McpFlow against the
// official reference server (@modelcontextprotocol/server-everything) in the same run, with the same client.
// Usage: node bench-overhead.mjs [--calls 3000] [--starts 15] [--configuration Release] [--tool /path/to/mcpflow]
//        [--installed .mcpflow/server/McpFlow.Server.dll] [--dotnet-run 3]
// --tool also measures the packed ReadyToRun .NET tool (see docs/benchmarks.md for how to install it); --installed the
// server the walkthrough installs, launched as mcp.json launches it (`dotnet <dll>`); --dotnet-run N times the start of
// the old mcp.json launch (`dotnet run --project src/McpFlow.Server`, warm: already built) N times, without calls.
import { performance } from "node:perf_hooks";
import { join, resolve } from "node:path";
import { connect, mcpflowCommand, repoRoot } from "./common.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const calls = Number(arg("--calls", 3000));
const starts = Number(arg("--starts", 15));
const configuration = arg("--configuration", "Release");
const tool = arg("--tool", undefined);
const installed = arg("--installed", undefined);
const dotnetRunStarts = Number(arg("--dotnet-run", 0));
const warmup = 200;

const servers = [
  {
    name: "McpFlow (job_list)",
    spawn: () => mcpflowCommand(configuration),
    tool: { name: "job_list", arguments: { limit: 1 } },
  },
  ...(tool ? [{
    name: "McpFlow .NET tool, ReadyToRun (job_list)",
    spawn: () => mcpflowCommand(configuration, tool),
    tool: { name: "job_list", arguments: { limit: 1 } },
  }] : []),
  ...(installed ? [{
    name: "McpFlow installed, mcp.json launch `dotnet <dll>` (ReadyToRun) (job_list)",
    spawn: () => ({ ...mcpflowCommand(configuration), args: [resolve(installed), ...mcpflowCommand(configuration).args.slice(1)] }),
    tool: { name: "job_list", arguments: { limit: 1 } },
  }] : []),
  ...(dotnetRunStarts > 0 ? [{
    name: "McpFlow, old mcp.json launch `dotnet run --project src/McpFlow.Server` (warm)",
    spawn: () => {
      const c = mcpflowCommand(configuration);
      return { ...c, args: ["run", "--project", join(repoRoot, "src", "McpFlow.Server"), "-c", configuration, "-v", "q", "--", ...c.args.slice(1)] };
    },
    startsOnly: dotnetRunStarts,
  }] : []),
  {
    name: "server-everything (echo)",
    spawn: () => ({
      command: process.execPath,
      args: [join(repoRoot, "tools", "mcp-client", "node_modules", "@modelcontextprotocol", "server-everything", "dist", "index.js"), "stdio"],
      env: process.env,
    }),
    tool: { name: "echo", arguments: { message: "hi" } },
  },
];

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

const results = [];
for (const server of servers) {
  const startTimes = [];
  for (let i = 0; i < (server.startsOnly ?? starts); i++) {
    const t0 = performance.now();
    const client = await connect(server.spawn());
    startTimes.push(performance.now() - t0);
    await client.close();
  }
  startTimes.sort((a, b) => a - b);
  if (server.startsOnly) {
    results.push({ server: server.name, startMedianMs: quantile(startTimes, 0.5), callP50Ms: NaN, callP99Ms: NaN, calls: 0, starts: startTimes.length });
    continue;
  }

  const client = await connect(server.spawn());
  for (let i = 0; i < warmup; i++) await client.callTool(server.tool);
  const times = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    const r = await client.callTool(server.tool);
    times.push(performance.now() - t0);
    if (r.isError) throw new Error(`${server.name}: tool error ${JSON.stringify(r.content)}`);
  }
  await client.close();
  times.sort((a, b) => a - b);
  results.push({
    server: server.name,
    startMedianMs: quantile(startTimes, 0.5),
    callP50Ms: quantile(times, 0.5),
    callP99Ms: quantile(times, 0.99),
    calls,
    starts: startTimes.length,
  });
}

console.log(`| server | spawn→initialized (median) | starts | call p50 | call p99 | calls |`);
console.log("|---|---|---|---|---|---|");
for (const r of results) {
  console.log(`| ${r.server} | ${r.startMedianMs.toFixed(0)} ms | ${r.starts} | ${r.calls ? r.callP50Ms.toFixed(3) + " ms" : "—"} | ${r.calls ? r.callP99Ms.toFixed(3) + " ms" : "—"} | ${r.calls} |`);
}
const peer = results[results.length - 1];
for (const ours of results.slice(0, -1)) {
  console.log(`ratios ${ours.server} / server-everything: start ${(ours.startMedianMs / peer.startMedianMs).toFixed(2)}×, ` +
    `p50 ${(ours.callP50Ms / peer.callP50Ms).toFixed(2)}×, p99 ${(ours.callP99Ms / peer.callP99Ms).toFixed(2)}×`);
}
