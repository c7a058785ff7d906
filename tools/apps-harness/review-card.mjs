// Renders McpFlow's review card (ui://mcpflow/review-card) as an MCP Apps host would, and drives its controls.
//
// A real MCP client (the official TypeScript SDK) starts the real server over stdio declaring the MCP Apps extension,
// records a run and calls workbench_run_card. The host side is the official ext-apps AppBridge (running here in Node,
// connected to that client, so the view's tools/call reaches the server); its messages travel to and from the view
// through postMessage in a sandboxed iframe (srcdoc, allow-scripts only, the resource's own CSP) in headless Chromium
// driven by puppeteer-core (lib/host.mjs, shared by every scenario). Asserts: the server declares the extension and
// links the tool; the resource is an MCP App with a strict CSP; the view renders the run's title, metrics and checks
// (not blank); "Approve" makes the run APPROVED (workbench_list_runs) with an audit entry (workbench_audit). Measures
// first paint after the tool result (goal <= 500 ms) and saves a screenshot.
//
// Usage: node review-card.mjs <McpFlow.Server.dll> [screenshot.png]   (run.sh passes both)
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync, crc32 } from "node:zlib";
import { EXTENSION_ID, getToolUiResourceUri, runScenario } from "./lib/host.mjs";

const [dll, screenshotPath] = process.argv.slice(2);

// A small PNG figure (a colour ramp), written without any image library: signature, IHDR, IDAT (zlib), IEND.
function rampPng(width, height) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4); ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const t = x / (width - 1), u = 1 - Math.abs(2 * y / (height - 1) - 1);
      row[1 + 3 * x] = Math.round(30 + 200 * t); row[2 + 3 * x] = Math.round(90 + 120 * u); row[3 + 3 * x] = Math.round(200 - 150 * t);
    }
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

await runScenario("review-card", dll, async ({ client, check, folders: { data }, openView, linkedView, firstPaint, screenshot }) => {
  writeFileSync(join(data, "predictions.csv"), "id,y,y_hat\n1,3.1,3.0\n2,2.4,2.6\n3,5.0,4.7\n");
  writeFileSync(join(data, "residuals.png"), rampPng(320, 120));
  const caps = client.getServerCapabilities();
  check(caps?.extensions?.[EXTENSION_ID] !== undefined, `server declares capabilities.extensions["${EXTENSION_ID}"]`);

  const { tools } = await client.listTools();
  const uri = "ui://mcpflow/review-card";
  const { tool: cardTool, contents } = await linkedView(tools, "workbench_run_card", uri);

  const recorded = await client.callTool({ name: "workbench_record_run", arguments: {
    title: "Ridge regression, alpha 0.5", output_files: [join(data, "predictions.csv"), join(data, "residuals.png")],
    summary: "Ridge with alpha 0.5 reaches RMSE 0.21 and R2 0.94 on the hold-out split.", metrics: { rmse: 0.21, r2: 0.94 },
    recommendation: "Try alpha 0.1 next.", experiment: "ridge", kind: "training" } });
  const runId = recorded.structuredContent?.runId;
  check(!recorded.isError && typeof runId === "string", `workbench_record_run recorded ${runId}`);

  const toolInput = { run_id: runId };
  const card = await client.callTool({ name: "workbench_run_card", arguments: toolInput });
  check(!card.isError && card.structuredContent?.state === "REVIEWED", "workbench_run_card answered with a reviewed run");

  const view = await openView(cardTool, contents.text);
  const { page, bridge, frame } = view;
  const firstPaintMs = await firstPaint(view, toolInput, card);

  const dom = await frame.evaluate(() => ({
    title: document.getElementById("title")?.textContent,
    runId: document.getElementById("run-id")?.textContent,
    state: document.getElementById("state")?.textContent,
    metrics: [...document.querySelectorAll("#metrics tr")].map(r => [...r.cells].map(c => c.textContent)),
    checks: document.querySelectorAll("#checks li").length,
    figures: [...document.querySelectorAll(".figures img")].filter(i => i.complete && i.naturalWidth > 0).length,
    summary: document.getElementById("summary")?.textContent,
    height: document.body.getBoundingClientRect().height,
    text: document.body.innerText.length,
  }));
  check(dom.title === "Ridge regression, alpha 0.5", `title "${dom.title}"`);
  check(dom.runId === runId && dom.state === "REVIEWED", `run ${dom.runId} shown as ${dom.state}`);
  check(JSON.stringify(dom.metrics) === JSON.stringify([["rmse", "0.21"], ["r2", "0.94"]]), `metrics ${JSON.stringify(dom.metrics)}`);
  check(dom.checks === card.structuredContent.review.checks.length && dom.checks > 0, `${dom.checks} self-review checks`);
  check(dom.figures === 1, `${dom.figures} figure rendered from the result's image`);
  check(dom.summary?.startsWith("Ridge with alpha 0.5"), "draft interpretation shown");
  check(dom.height > 300 && dom.text > 200, `not blank (${Math.round(dom.height)} px tall, ${dom.text} characters)`);

  await screenshot(page, screenshotPath);

  const frameHeight = await page.$eval("#view", f => f.getBoundingClientRect().height);
  check(frameHeight > 600, `the host sized the iframe from ui/notifications/size-changed (${Math.round(frameHeight)} px)`);
  await bridge.sendHostContextChange({ theme: "dark" });
  await frame.waitForFunction(() => document.documentElement.dataset.theme === "dark", { timeout: 5000 });
  const dark = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
  check(dark === "rgb(22, 25, 29)", `host-context-changed to dark restyles the view (background ${dark})`);
  await bridge.sendHostContextChange({ theme: "light" });

  await frame.click("#approve");
  await frame.waitForSelector("body[data-decision]", { timeout: 30000 });
  const status = await frame.$eval("#status", s => s.textContent);
  check(/APPROVED/.test(status), `the view reports: ${status}`);

  const runs = await client.callTool({ name: "workbench_list_runs", arguments: {} });
  const listed = JSON.stringify(runs.structuredContent ?? {});
  const row = (runs.structuredContent?.runs ?? []).find(r => r.runId === runId);
  check(row?.state === "APPROVED", `workbench_list_runs: ${runId} is ${row?.state ?? listed.slice(0, 200)}`);
  const audit = await client.callTool({ name: "workbench_audit", arguments: { run_id: runId } });
  const entries = audit.structuredContent?.entries ?? [];
  const decided = entries.find(e => e.tool === "workbench_decide" && e.decision === "approve");
  check(decided !== undefined, `workbench_audit holds the decision (${entries.length} entries for the run)`);

  // After workbench_request_approval (this client has no forms, so the result is an error without a card), the view
  // takes the run id from the tool input and fetches the card through the host; then "Reject with feedback".
  const second = await client.callTool({ name: "workbench_record_run", arguments: {
    title: "Ridge regression, alpha 50", output_files: [join(data, "predictions.csv")],
    summary: "Ridge with alpha 50 reaches RMSE 0.35.", metrics: { rmse: 0.35 }, experiment: "ridge", kind: "training" } });
  const secondId = second.structuredContent?.runId;
  const approvalTool = tools.find(t => t.name === "workbench_request_approval");
  check(getToolUiResourceUri(approvalTool) === uri, "workbench_request_approval links the same view");
  const asked = await client.callTool({ name: "workbench_request_approval", arguments: { run_id: secondId } });
  const other = await openView(approvalTool, contents.text);
  await other.bridge.sendToolInput({ arguments: { run_id: secondId } });
  await other.bridge.sendToolResult(asked);
  await other.frame.waitForSelector("#title", { timeout: 30000 });
  const title2 = await other.frame.$eval("#title", t => t.textContent);
  check(title2 === "Ridge regression, alpha 50", `after workbench_request_approval the view fetched the card: "${title2}"`);
  await other.frame.type("#feedback", "Too much shrinkage; try alpha 1.");
  await other.frame.click("#reject");
  await other.frame.waitForSelector("body[data-decision]", { timeout: 30000 });
  const status2 = await other.frame.$eval("#status", s => s.textContent);
  check(/REJECTED/.test(status2), `the view reports: ${status2}`);
  const rejected = await client.callTool({ name: "workbench_audit", arguments: { run_id: secondId, tool: "workbench_decide" } });
  const rejection = (rejected.structuredContent?.entries ?? []).find(e => e.decision === "reject");
  check(rejection !== undefined, "workbench_audit holds the rejection");

  return { firstPaintMs: Math.round(firstPaintMs) };
});
