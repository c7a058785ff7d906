// Shared helpers: where the built McpFlow server is, and how to connect the official TypeScript SDK client to it.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { existsSync, mkdtempSync } from "node:fs";
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

export async function connect({ command, args, env }) {
  const transport = new StdioClientTransport({ command, args, env, stderr: "ignore" });
  const client = new Client({ name: "mcpflow-ts-client", version: "1.0.0" });
  await client.connect(transport);
  return client;
}
