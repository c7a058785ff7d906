// Shared helpers: where the built McpFlow server is, and how to connect the official TypeScript SDK client to it.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

export function serverDll(configuration = process.env.CONFIGURATION ?? "Debug") {
  const dll = join(repoRoot, "src", "McpFlow.Server", "bin", configuration, "net10.0", "McpFlow.Server.dll");
  if (!existsSync(dll)) {
    throw new Error(`McpFlow is not built at ${dll}; run 'dotnet build McpFlow.sln${configuration === "Release" ? " -c Release" : ""}' first.`);
  }
  return dll;
}

// Runs the built dll with `dotnet`, or an installed executable (e.g. the packed .NET tool `mcpflow`) when given.
export function mcpflowCommand(configuration, executable) {
  const workspace = mkdtempSync(join(tmpdir(), "mcpflow-client-"));
  const serverArgs = ["--workspace", workspace, "--allow-root", repoRoot];
  return {
    command: executable ?? "dotnet",
    args: executable ? serverArgs : [serverDll(configuration), ...serverArgs],
    env: { ...process.env, MCPFLOW_LOG_LEVEL: "Warning" },
  };
}

export async function connect({ command, args, env, cwd }) {
  return (await connectMeasured({ command, args, env, cwd })).client;
}

// Connects (spawn, initialize, initialized) and reports the CPU time (user + system, all threads) the server process
// had used when the initialize answer arrived: it grows far less than wall time when other work loads the machine.
// Read from /proc/<pid>/stat (Linux; null elsewhere), in clock ticks of 10 ms.
// A failed start throws with the end of the server's standard error in the message.
export async function connectMeasured({ command, args, env, cwd }) {
  const transport = new StdioClientTransport({ command, args, env, cwd, stderr: "pipe" });
  let stderr = "";
  transport.stderr?.on("data", (chunk) => { stderr = (stderr + chunk).slice(-2000); });
  const client = new Client({ name: "mcpflow-ts-client", version: "1.0.0" });
  try {
    await client.connect(transport);
  } catch (error) {
    throw new Error(`${command} ${args.join(" ")} did not start: ${error.message}\n${stderr}`);
  }
  return { client, cpuMs: processCpuMs(transport.pid) };
}

const clockTickMs = 10; // USER_HZ is 100 on Linux (`getconf CLK_TCK`)

export function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is field 14,
    // stime field 15 of the whole line, i.e. the 12th and 13th after the name.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * clockTickMs;
  } catch {
    return null;
  }
}
