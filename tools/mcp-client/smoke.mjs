// Smoke test with the official TypeScript SDK client: spawn McpFlow over stdio, list tools, call server_info.
// Usage: node smoke.mjs            (exits non-zero on any failure)
import { connect, mcpflowCommand } from "./common.mjs";

const client = await connect(mcpflowCommand());
const info = client.getServerVersion();
console.log(`connected to ${info.name} ${info.version}`);

const { tools } = await client.listTools();
console.log(`${tools.length} tools: ${tools.map((t) => t.name).sort().join(", ")}`);
// Hints are sent only where they differ from the specification's defaults; every tool has at least its title.
const missing = tools.filter((t) => !t.annotations?.title);
if (missing.length > 0) throw new Error(`tools without annotations: ${missing.map((t) => t.name).join(", ")}`);
const defaults = tools.filter((t) => t.annotations.readOnlyHint === false || t.annotations.destructiveHint === true ||
  t.annotations.idempotentHint === false || t.annotations.openWorldHint === true);
if (defaults.length > 0) throw new Error(`tools whose hints state a default: ${defaults.map((t) => t.name).join(", ")}`);

const result = await client.callTool({ name: "server_info", arguments: { probe_engines: true } });
if (result.isError) throw new Error(`server_info failed: ${JSON.stringify(result.content)}`);
console.log(result.content.find((c) => c.type === "text").text);
if (!result.structuredContent?.engines?.length) throw new Error("server_info returned no engines in structured content");

const bad = await client.callTool({ name: "job_status", arguments: { job_id: "nope", wait_seconds: 0 } });
if (!bad.isError) throw new Error("a bad job id should give an error result");
console.log(`bad input → isError with: ${bad.content[0].text}`);

await client.close();
console.log("smoke test passed");
