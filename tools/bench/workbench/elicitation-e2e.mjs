// End-to-end check of the workbench's elicitation with the official TypeScript MCP SDK over stdio.
// Needs the SDK installed for tools/mcp-client (`cd tools/mcp-client && npm ci`) and a built server
// (`dotnet build McpFlow.sln`). Run from the repository root: node tools/bench/workbench/elicitation-e2e.mjs
// It records a run from examples/data/workbench, asks for approval (the "user" answers the form with
// approve_with_edits), and verifies the audit trail; it exits non-zero when any step disagrees.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "../../mcp-client/node_modules/@modelcontextprotocol/sdk/dist/esm/client/index.js";
import { StdioClientTransport } from "../../mcp-client/node_modules/@modelcontextprotocol/sdk/dist/esm/client/stdio.js";
import { ElicitRequestSchema } from "../../mcp-client/node_modules/@modelcontextprotocol/sdk/dist/esm/types.js";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const workspace = mkdtempSync(join(tmpdir(), "mcpflow-elicit-"));
const transport = new StdioClientTransport({
  command: "dotnet",
  args: [join(repo, "src/McpFlow.Server/bin/Debug/net10.0/McpFlow.Server.dll"), "--workspace", workspace, "--allow-root", repo],
  stderr: "ignore",
});
const client = new Client({ name: "workbench-elicitation-e2e", version: "1.0" }, { capabilities: { elicitation: {} } });
let form = null;
client.setRequestHandler(ElicitRequestSchema, async (request) => {
  form = request.params;
  return { action: "accept", content: { decision: "approve_with_edits", interpretation: "Edited in a TypeScript client.", reviewer: "ts" } };
});
await client.connect(transport);
const data = join(repo, "examples/data/workbench");
const recorded = await client.callTool({ name: "workbench_record_run", arguments: {
  title: "Ridge alpha=1", output_files: [join(data, "ridge_alpha_1.csv"), join(data, "ridge_alpha_1.png")],
  summary: "Holdout RMSE 0.915.", metrics: { rmse: 0.915252, mae: 0.679226 }, experiment: "e2e" } });
const runId = recorded.structuredContent.runId;
const approval = await client.callTool({ name: "workbench_request_approval", arguments: { run_id: runId } });
const audit = await client.callTool({ name: "workbench_audit", arguments: { action: "verify" } });
await client.close();
rmSync(workspace, { recursive: true, force: true });
const fields = Object.keys(form?.requestedSchema?.properties ?? {}).join(",");
console.log(recorded.content[0].text.split("\n")[0]);
console.log(approval.content[0].text);
console.log(`form fields: ${fields}`);
console.log(audit.content[0].text);
const ok = approval.structuredContent?.state === "APPROVED" && approval.structuredContent?.approval?.interpretation === "Edited in a TypeScript client."
  && fields === "decision,interpretation,feedback,reviewer" && audit.structuredContent?.valid === true;
process.exit(ok ? 0 : 1);
