// The host side shared by every apps-harness scenario: the real McpFlow server over stdio behind the official TypeScript
// client (declaring the MCP Apps extension), headless Chromium driven by puppeteer-core, and a host page holding the view
// in a sandboxed iframe (srcdoc, allow-scripts only, the resource's own CSP) talking to the official ext-apps AppBridge
// (in Node, connected to that client, so the view's tools/call reaches the server) through a postMessage relay.
//
// A scenario calls runScenario(name, async h => { ... }) and uses h.client, h.check, h.openView, h.linkedView,
// h.deliver, h.firstPaint and h.screenshot; runScenario prints the checks, cleans up and exits 0 only when every check
// passed. A scenario may open several views in one session (one browser, one page each); each view's relay keeps the
// tools/call requests the view made with the answers the host returned (view.calls), and view.frameHeight() /
// view.waitForFrameHeight(ok) read the iframe's height as the host applied it (resizing checks).
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Client } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { AppBridge, getToolUiResourceUri, RESOURCE_MIME_TYPE } from "@modelcontextprotocol/ext-apps/app-bridge";
import puppeteer from "puppeteer-core";

export { getToolUiResourceUri, RESOURCE_MIME_TYPE };
export const EXTENSION_ID = "io.modelcontextprotocol/ui";
export const FIRST_PAINT_GOAL_MS = 500;
const chromePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const clientInfo = { name: "mcpflow-apps-harness", version: "1.0.0" };

/** A scratch folder with a data folder (the server's allowed root) and a workspace. */
export function scratchFolders() {
  const scratch = mkdtempSync(join(tmpdir(), "mcpflow-apps-"));
  const data = join(scratch, "data");
  mkdirSync(data);
  return { scratch, data, workspace: join(scratch, "ws") };
}

// A host page with one sandboxed iframe holding the view, and the AppBridge talking to it through a relay: the bridge's
// transport posts into the iframe; the page hands the iframe's messages back to Node. The relay keeps each tools/call the
// view makes with the answer the host returns to it (calls: { name, arguments, result }, in answer order). Resolves once
// the view has completed ui/initialize.
async function openView(browser, client, tool, html, { viewportHeight = 900 } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width: 760, height: viewportHeight, deviceScaleFactor: 1 });
  // A script error in the view fails the scenario at once (a view that cannot start would otherwise never initialize).
  let pageError;
  const broken = new Promise((_, reject) => { pageError = reject; });
  broken.catch(() => {});
  page.on("pageerror", e => { console.log("page error:", e.message); pageError(new Error(`the view threw: ${e.message}`)); });
  page.on("console", m => { if (m.type() === "error") console.log("console:", m.text()); });
  const calls = [], asked = new Map();
  const hostTransport = {
    onmessage: undefined, onclose: undefined, onerror: undefined,
    async start() {},
    async send(message) {
      if (asked.has(message.id) && !message.method) { calls.push({ ...asked.get(message.id), result: message.result ?? { isError: true, error: message.error } }); asked.delete(message.id); }
      await page.evaluate(m => window.__toView(m), message);
    },
    async close() { this.onclose?.(); },
  };
  await page.exposeFunction("__toHost", message => {
    if (message?.method === "tools/call") asked.set(message.id, { name: message.params?.name, arguments: message.params?.arguments });
    hostTransport.onmessage?.(message);
  });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:#eef1f4;padding:12px">
    <iframe id="view" sandbox="allow-scripts" style="width:720px;height:200px;border:1px solid #ccd;border-radius:8px;background:#fff"></iframe>
    <script>
      const frame = document.getElementById("view");
      window.__toView = m => frame.contentWindow.postMessage(m, "*");
      window.addEventListener("message", e => { if (e.source === frame.contentWindow) window.__toHost(e.data); });
    </script></body></html>`);
  const bridge = new AppBridge(client, clientInfo, { serverTools: {}, logging: {} },
    { hostContext: { theme: "light", displayMode: "inline", platform: "web", toolInfo: { tool },
      containerDimensions: { width: 720, maxHeight: 4000 } } });
  const initialized = new Promise(resolve => { bridge.oninitialized = resolve; });
  bridge.onsizechange = ({ height }) => { if (height) page.evaluate(h => { document.getElementById("view").style.height = h + "px"; }, height).catch(() => {}); };
  await bridge.connect(hostTransport);
  await page.evaluate(h => { document.getElementById("view").srcdoc = h; }, html);
  await Promise.race([initialized, broken]);
  const frameHeight = () => page.$eval("#view", f => f.getBoundingClientRect().height);
  return { page, bridge, calls, frame: page.frames().find(f => f !== page.mainFrame()), frameHeight,
    /** Waits until ok(the iframe's height) holds or timeout ms passed (without failing); returns the last height read. */
    async waitForFrameHeight(ok, timeout = 5000) {
      for (const end = Date.now() + timeout; ; await new Promise(r => setTimeout(r, 25))) {
        const height = await frameHeight();
        if (ok(height) || Date.now() > end) return height;
      }
    },
  };
}

/**
 * Runs one scenario against the server at dll (started with --workspace and, unless allowRoot is false, --allow-root of a
 * fresh scratch folder, plus extraArgs). body(h) gets { client, check, failures, folders, startedAt,
 * openView(tool, html, { viewportHeight }), linkedView(tools, toolName, uri), deliver(view, input, result),
 * firstPaint(view, input, result, label), screenshot(page, path) }. Exits the process with 0 only when every check passed.
 */
export async function runScenario(name, dll, body, { extraArgs = [], allowRoot = true } = {}) {
  if (!dll) throw new Error(`usage: node ${name}.mjs <McpFlow.Server.dll> [screenshot.png]`);
  const failures = [];
  const check = (ok, what) => { console.log(`${ok ? "ok  " : "FAIL"} ${what}`); if (!ok) failures.push(what); };
  const folders = scratchFolders();
  const client = new Client(clientInfo, { capabilities: { extensions: { [EXTENSION_ID]: { mimeTypes: [RESOURCE_MIME_TYPE] } } } });
  const transport = new StdioClientTransport({
    command: "dotnet", args: [dll, "--workspace", folders.workspace, ...(allowRoot ? ["--allow-root", folders.data] : []), ...extraArgs],
    env: { ...process.env, MCPFLOW_LOG_LEVEL: "Warning" }, stderr: "inherit",
  });
  let browser;
  const launch = async () => browser ??= await puppeteer.launch({ executablePath: chromePath, headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"] });
  const startedAt = Date.now(); // before the server starts
  const h = {
    client, check, failures, folders, startedAt,
    async openView(tool, html, options) { const view = await openView(await launch(), client, tool, html, options); check(true, "the view completed ui/initialize"); return view; },

    /** Checks that toolName links uri (both keys) and that the resource is an MCP App with a CSP allowing no domains; returns its contents. */
    async linkedView(tools, toolName, uri) {
      const tool = tools.find(t => t.name === toolName);
      const linked = tool && getToolUiResourceUri(tool);
      check(linked === uri, `${toolName} links ${linked} (_meta.ui.resourceUri)`);
      check(tool?._meta?.["ui/resourceUri"] === uri, "and the legacy flat key ui/resourceUri");
      const contents = (await client.readResource({ uri })).contents[0];
      const csp = contents?._meta?.ui?.csp;
      check(contents?.mimeType === RESOURCE_MIME_TYPE, `resource MIME type ${contents?.mimeType}`);
      check(csp && ["connectDomains", "resourceDomains", "frameDomains"].every(k => Array.isArray(csp[k]) && csp[k].length === 0), "resource _meta.ui.csp allows no domains");
      check(!/https?:\/\//.test((contents?.text ?? "").replace(/https?:\/\/www\.w3\.org[^"]*/g, "")), "the page loads nothing from the network (no http(s) URL)");
      return { tool, contents };
    },

    /** Sends the tool input and result to the view; returns when the result was sent (the page's clock, ms). */
    async deliver({ page, bridge }, input, result) {
      await bridge.sendToolInput({ arguments: input });
      const sentAt = await page.evaluate(() => performance.timeOrigin + performance.now());
      await bridge.sendToolResult(result);
      return sentAt;
    },

    /** Sends the tool input and result to the view; returns the first paint in ms after the result (checked against the goal). */
    async firstPaint(view, input, result, label = "") {
      const sentAt = await h.deliver(view, input, result);
      await view.frame.waitForSelector("body[data-painted-at]", { timeout: 10000 });
      const ms = Number(await view.frame.$eval("body", b => b.dataset.paintedAt)) - sentAt;
      check(ms <= FIRST_PAINT_GOAL_MS, `${label}first paint ${ms.toFixed(0)} ms after the tool result (goal <= ${FIRST_PAINT_GOAL_MS} ms)`);
      return ms;
    },

    /** Lets the iframe take the size the view asked for, then saves it (when a path is given). */
    async screenshot(page, path) {
      await new Promise(r => setTimeout(r, 100));
      if (!path) return;
      mkdirSync(dirname(path), { recursive: true });
      await (await page.$("#view")).screenshot({ path });
      console.log(`screenshot: ${path}`);
    },
  };
  try {
    await client.connect(transport);
    const summary = await body(h);
    console.log(JSON.stringify({ view: name, ...summary, failures: failures.length }));
  } catch (e) {
    failures.push(String(e?.stack ?? e));
    console.log("FAIL", e?.stack ?? e);
  } finally {
    await browser?.close().catch(() => {});
    await client.close().catch(() => {});
    rmSync(folders.scratch, { recursive: true, force: true });
  }
  console.log(failures.length === 0 ? `apps harness: ${name} passed` : `apps harness: ${name}: ${failures.length} failure(s)`);
  process.exit(failures.length === 0 ? 0 : 1);
}
