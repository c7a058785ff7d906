// MCP overhead benchmark: spawn-to-initialize time and trivial tool-call round trips over stdio, McpFlow against the
// official reference server (@modelcontextprotocol/server-everything) in the same run, with the same client.
// Usage: node bench-overhead.mjs [--calls 3000] [--starts 15] [--configuration Release] [--tool /path/to/mcpflow]
//        [--installed .mcpflow/server/McpFlow.Server.dll ...] [--mcp-json] [--no-build-output] [--dotnet-run 3]
// --tool also measures the packed ReadyToRun .NET tool (see docs/benchmarks.md for how to install it); --installed the
// server the walkthrough installs, launched as mcp.json launches it (`dotnet <dll>`; repeat the option to compare
// installs, e.g. before and after a change); --mcp-json runs the exact command of the repository's mcp.json from the
// repository root (starts only); --no-build-output leaves out the build output (`dotnet McpFlow.Server.dll` from bin/);
// --calls 0 measures starts only; --dotnet-run N times the start of the old mcp.json launch
// (`dotnet run --project src/McpFlow.Server`, warm: already built) N times, without calls.
// Every start reports wall time (spawn to the initialize answer, with the client's initialized notification) and the
// CPU time the server process used until then (user + system, all threads; /proc/<pid>/stat). Under load the wall
// time grows several-fold and the CPU time by about a quarter (shared cores), so compare both as ratios to the
// reference server measured in the same run, and give the benchmark the cores (docs/benchmarks.md, start-up).
import { performance } from "node:perf_hooks";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { connect, connectMeasured, mcpflowCommand, repoRoot } from "./common.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const args = (name) => process.argv.flatMap((a, i) => (a === name ? [process.argv[i + 1]] : []));
const calls = Number(arg("--calls", 3000));
const starts = Number(arg("--starts", 15));
const configuration = arg("--configuration", "Release");
const tool = arg("--tool", undefined);
const installed = args("--installed");
const mcpJson = process.argv.includes("--mcp-json");
const buildOutput = !process.argv.includes("--no-build-output");
const dotnetRunStarts = Number(arg("--dotnet-run", 0));
const warmup = 200;
const jobList = { name: "job_list", arguments: { limit: 1 } };

// The repository's mcp.json launch, word for word, run from the repository root as a client opening it would.
function mcpJsonCommand() {
  const entry = JSON.parse(readFileSync(join(repoRoot, "mcp.json"), "utf8")).mcpServers.mcpflow;
  return { command: entry.command, args: entry.args, env: { ...process.env, MCPFLOW_LOG_LEVEL: "Warning" }, cwd: repoRoot };
}

const servers = [
  ...(buildOutput ? [{
    name: "McpFlow build output, `dotnet McpFlow.Server.dll` (JIT) (job_list)",
    spawn: () => mcpflowCommand(configuration),
    tool: jobList,
  }] : []),
  ...(tool ? [{
    name: "McpFlow .NET tool, ReadyToRun (job_list)",
    spawn: () => mcpflowCommand(configuration, tool),
    tool: jobList,
  }] : []),
  ...installed.map((dll) => ({
    name: `McpFlow installed, \`dotnet ${dll}\` (ReadyToRun) (job_list)`,
    spawn: () => ({ ...mcpflowCommand(configuration), args: [resolve(dll), ...mcpflowCommand(configuration).args.slice(1)] }),
    tool: jobList,
  })),
  ...(mcpJson ? [{
    name: "McpFlow, mcp.json launch from the repository root (warm)",
    spawn: mcpJsonCommand,
    startsOnly: starts,
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

const loadBefore = loadavg();
const results = [];
const failures = [];
for (const server of servers) {
  const startTimes = [];
  const cpuTimes = [];
  for (let i = 0; i < (server.startsOnly ?? starts); i++) {
    const t0 = performance.now();
    let connected;
    try {
      connected = await connectMeasured(server.spawn());
    } catch (error) {
      failures.push(`${server.name}: ${error.message}`);
      continue;
    }
    const { client, cpuMs } = connected;
    startTimes.push(performance.now() - t0);
    if (cpuMs !== null) cpuTimes.push(cpuMs);
    await client.close();
  }
  startTimes.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const row = {
    server: server.name,
    startMedianMs: quantile(startTimes, 0.5),
    startCpuMedianMs: cpuTimes.length ? quantile(cpuTimes, 0.5) : NaN,
    callP50Ms: NaN,
    callP99Ms: NaN,
    calls: 0,
    starts: startTimes.length,
  };
  results.push(row);
  if (server.startsOnly || calls === 0) continue;

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
  Object.assign(row, { callP50Ms: quantile(times, 0.5), callP99Ms: quantile(times, 0.99), calls });
}
const loadAfter = loadavg();

const ms = (v, digits = 0) => (Number.isNaN(v) ? "—" : `${v.toFixed(digits)} ms`);
const peer = results[results.length - 1];
const ratio = (a, b) => (Number.isNaN(a) || Number.isNaN(b) || b === 0 ? "—" : `${(a / b).toFixed(2)}×`);
console.log(`${new Date().toISOString()}; load average (1/5/15 min) before ${loadBefore.map((l) => l.toFixed(1)).join("/")}, ` +
  `after ${loadAfter.map((l) => l.toFixed(1)).join("/")}`);
console.log("| server | spawn→initialized (median) | ratio to server-everything | CPU time to initialized (median) | CPU ratio | starts | call p50 | call p99 | calls |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const r of results) {
  console.log(`| ${r.server} | ${ms(r.startMedianMs)} | ${ratio(r.startMedianMs, peer.startMedianMs)} | ${ms(r.startCpuMedianMs)} | ` +
    `${ratio(r.startCpuMedianMs, peer.startCpuMedianMs)} | ${r.starts} | ${r.calls ? ms(r.callP50Ms, 3) : "—"} | ` +
    `${r.calls ? ms(r.callP99Ms, 3) : "—"} | ${r.calls} |`);
}
for (const failure of failures) console.log(`failed start (left out of the medians): ${failure}`);
for (const ours of results.slice(0, -1)) {
  if (!ours.calls) continue;
  console.log(`ratios ${ours.server} / server-everything: p50 ${ratio(ours.callP50Ms, peer.callP50Ms)}, p99 ${ratio(ours.callP99Ms, peer.callP99Ms)}`);
}
