// Renders McpFlow's training monitor (ui://mcpflow/training-monitor) as an MCP Apps host would, on real PINN trainings.
//
// The real server over stdio with the official ext-apps AppBridge and the view in a sandboxed iframe in headless Chromium
// (lib/host.mjs, shared by every scenario; its relay keeps every call the view makes and its answer, view.calls). Three
// views in one session:
//  A. pinn_train's answer for a long training (job still running): first paint; the loss, step and components appear and
//     update from the view's own pinn_status polls; the host tears the view down and its polling stops.
//  B. pinn_status' answer for the same run (by run id): first paint; Cancel finds the job (pinn_list_runs), calls
//     job_cancel, and pinn_status then says "cancelled"; the view stops polling.
//  C. pinn_train's answer for a tiny 2-D Poisson training: the view follows it until finished (polling stops on its
//     own), then Validate calls validate_solution and shows its verdict and the solution and error heatmaps; screenshot.
// Waits only on DOM conditions (with timeouts); the one window is the check that a stopped view makes no further call.
//
// Usage: node training-monitor.mjs <McpFlow.Server.dll> [screenshot.png]   (run.sh passes both)
import { getToolUiResourceUri, runScenario } from "./lib/host.mjs";

const VIEW_URI = "ui://mcpflow/training-monitor";
const POLL_MS = 1000; // the view's pinn_status period (training-monitor.html)
const VIEWPORT = { viewportHeight: 1000 };
const [dll, screenshotPath] = process.argv.slice(2);

// -Δu = 2π² sin(πx) sin(πy) on the unit square, u = 0 on the boundary: exact solution sin(πx) sin(πy) (as the physics tests).
const POISSON = { preset: "poisson", domain: { x: [0, 1], y: [0, 1] }, source: "2*pi^2*sin(pi*x)*sin(pi*y)",
  boundary_conditions: [{ where: "all", type: "dirichlet", value: "0" }], exact_solution: "sin(pi*x)*sin(pi*y)" };
const SMALL = { depth: 2, width: 16, interior_points: 256, lbfgs_steps: 0, learning_rate: 0.01, log_every: 10, seed: 7 };
const LONG = { spec: POISSON, settings: { ...SMALL, adam_steps: 1_000_000, target_loss: 1e-6 }, wait_seconds: 0 };   // runs until cancelled
const TINY = { spec: POISSON, settings: { ...SMALL, adam_steps: 300, target_loss: 0.2 }, wait_seconds: 0 };          // a few seconds; reaches its target

const body = (frame, key) => frame.$eval("body", (b, k) => b.dataset[k], key);
const statusCalls = view => view.calls.filter(c => c.name === "pinn_status").length;

await runScenario("training-monitor", dll, async ({ client, check, startedAt: started, openView, linkedView, firstPaint, screenshot }) => {
  const paints = {};
  const { tools } = await client.listTools();
  // Each links the view (both keys); the resource is an MCP App whose CSP allows no domains.
  const { tool: train, contents } = await linkedView(tools, "pinn_train", VIEW_URI);
  const { tool: status } = await linkedView(tools, "pinn_status", VIEW_URI);
  const linked = tools.filter(t => getToolUiResourceUri(t) === VIEW_URI).map(t => t.name).sort();
  check(JSON.stringify(linked) === JSON.stringify(["pinn_status", "pinn_train"]), `linked tools: ${linked.join(", ")}`);
  check(/default-src 'none'/.test(contents.text) && !/https?:\/\//.test(contents.text), "page carries its CSP and no URL");

  // A: pinn_train's answer for a long training, still running.
  const long = await client.callTool({ name: "pinn_train", arguments: LONG });
  const job = long.structuredContent?.job;
  const runId = job?.parameters?.run_id;
  check(!long.isError && job?.state === "running" && /^pinn-/.test(runId ?? ""), `pinn_train (long) answered job ${job?.id} [${job?.state}] for run ${runId}`);
  const a = await openView(train, contents.text, VIEWPORT);
  paints.train = await firstPaint(a, LONG, long, "A (pinn_train): ");
  check(await a.frame.$eval("#run-id", e => e.textContent) === `run ${runId} · job ${job.id}`, "A: the view names the run and its job");
  await a.frame.waitForSelector("body[data-step]", { timeout: 30000 });
  const firstStep = Number(await body(a.frame, "step"));
  const firstLoss = await a.frame.$eval("#loss", e => e.textContent);
  await a.frame.waitForFunction(s => Number(document.body.dataset.step) > s && Number(document.body.dataset.samples) >= 2, { timeout: 30000 }, firstStep);
  await a.frame.waitForSelector("#eta-value", { timeout: 30000 }); // pinn_status predicts once 10 steps are logged
  const later = await a.frame.evaluate(() => ({ step: Number(document.body.dataset.step), loss: document.getElementById("loss").textContent,
    components: [...document.querySelectorAll("#components tbody tr")].map(r => [r.dataset.component, Number(r.dataset.value)]),
    lines: [...document.querySelectorAll("#loss-chart polyline")].map(l => l.dataset.series), eta: document.getElementById("eta").textContent }));
  check(later.step > firstStep, `A: live loss ${firstLoss} at step ${firstStep}, then ${later.loss} at step ${later.step}`);
  // The components the view shows are those of the pinn_status answer it last received (kept by the host relay).
  const lastHealth = a.calls.filter(c => c.name === "pinn_status" && c.result.structuredContent?.health).at(-1).result.structuredContent.health;
  const expected = Object.entries(lastHealth.components);
  check(expected.length > 0 && JSON.stringify(later.components) === JSON.stringify(expected), `A: components ${JSON.stringify(later.components)} = pinn_status' ${JSON.stringify(expected)}`);
  check(later.lines[0] === "total" && later.lines.length === 1 + expected.length, `A: loss chart draws ${later.lines.join(", ")}`);
  check(/Time to target 1\.00e-6/.test(later.eta), `A: time to target shown: ${later.eta.slice(0, 160)}`);

  // The host tears A down: its polling stops, and no pinn_status call follows (window: 2.5 poll periods).
  await a.bridge.teardownResource({});
  check(await body(a.frame, "polling") === "stopped", "A: polling stopped on ui/resource-teardown");
  const aCalls = statusCalls(a);
  await new Promise(r => setTimeout(r, 2.5 * POLL_MS));
  check(statusCalls(a) === aCalls, `A: no pinn_status call after teardown (${aCalls} before, ${statusCalls(a)} after)`);

  // B: pinn_status' answer for the same run (by run id); Cancel finds the job through pinn_list_runs.
  const statusInput = { run_id: runId };
  const st = await client.callTool({ name: "pinn_status", arguments: statusInput });
  check(!st.isError && st.structuredContent?.health?.state === "running", `pinn_status: run ${st.structuredContent?.health?.state}`);
  const b = await openView(status, contents.text, VIEWPORT);
  paints.status = await firstPaint(b, statusInput, st, "B (pinn_status): ");
  await b.frame.waitForSelector("#cancel:not(.hidden)", { timeout: 10000 });
  // A DOM click: the view grows while it polls (the loss curve appears after two reports), so a mouse click at the
  // button's measured position may land where the button was.
  await b.frame.$eval("#cancel", e => e.click());
  await b.frame.waitForFunction(() => document.body.dataset.state === "cancelled" && document.body.dataset.polling === "stopped" ||
    document.querySelector("#status.error"), { timeout: 30000 });
  check(await body(b.frame, "state") === "cancelled", `B: the view shows ${await body(b.frame, "state")} (${await b.frame.$eval("#status", e => e.textContent)})`);
  const names = b.calls.map(c => c.name);
  check(names.includes("pinn_list_runs") && b.calls.find(c => c.name === "job_cancel")?.arguments?.job_id === job.id, `B: calls ${[...new Set(names)].join(", ")}; job_cancel for ${job.id}`);
  const after = await client.callTool({ name: "pinn_status", arguments: statusInput });
  check(after.structuredContent?.health?.state === "cancelled", `pinn_status now says ${after.structuredContent?.health?.state}`);
  const js = await client.callTool({ name: "job_status", arguments: { job_id: job.id } });
  check(js.structuredContent?.job?.state === "cancelled", `job_status says ${js.structuredContent?.job?.state}`);
  const bCalls = statusCalls(b);
  await new Promise(r => setTimeout(r, 2.5 * POLL_MS));
  check(statusCalls(b) === bCalls, `B: no pinn_status call once cancelled (${bCalls} before, ${statusCalls(b)} after)`);

  // C: a tiny training followed to its end, then validated.
  const tiny = await client.callTool({ name: "pinn_train", arguments: TINY });
  const tinyRun = tiny.structuredContent?.job?.parameters?.run_id ?? tiny.structuredContent?.result?.run_id;
  const c = await openView(train, contents.text, VIEWPORT);
  paints.tiny = await firstPaint(c, TINY, tiny, "C (pinn_train): ");
  await c.frame.waitForFunction(() => document.body.dataset.state === "finished" && document.body.dataset.polling === "stopped", { timeout: 90000 });
  const finalHealth = c.calls.filter(x => x.name === "pinn_status").at(-1).result.structuredContent.health;
  const shownLoss = Number(await c.frame.$eval("#loss", e => e.dataset.value));
  check(finalHealth.state === "finished" && shownLoss === finalHealth.loss, `C: run ${tinyRun} finished; the view shows its final loss ${shownLoss} (pinn_status: ${finalHealth.loss})`);
  check(await c.frame.$eval("#validate", e => !e.classList.contains("hidden")) && await c.frame.$eval("#cancel", e => e.classList.contains("hidden")), "C: Validate offered, Cancel gone");
  await c.frame.click("#validate");
  await c.frame.waitForFunction(() => document.body.dataset.validated || document.querySelector("#status.error"), { timeout: 60000 });
  const validated = c.calls.find(x => x.name === "validate_solution")?.result;
  const expectedImages = (validated?.content ?? []).filter(x => x.type === "image").length;
  await c.frame.waitForFunction(() => [...document.querySelectorAll("figure img")].every(i => i.complete && i.naturalWidth > 0), { timeout: 10000 });
  const figs = await c.frame.$$eval("figure", f => f.map(x => ({ chart: x.dataset.chart, width: x.querySelector("img").naturalWidth })));
  check(expectedImages === 2 && JSON.stringify(figs.map(f => f.chart)) === JSON.stringify(["solution", "error"]) && figs.every(f => f.width > 0),
    `C: solution and error maps rendered (${JSON.stringify(figs)}; validate_solution returned ${expectedImages} images)`);
  const verdict = await c.frame.$eval("#verdict", e => e.textContent).catch(() => null);
  check(verdict === validated?.structuredContent?.report?.verdict?.outcome?.toUpperCase(), `C: verdict ${verdict}`);

  await screenshot(c.page, screenshotPath);
  const seconds = (Date.now() - started) / 1000;
  check(seconds < 120, `scenario took ${seconds.toFixed(0)} s (goal < 120 s)`);
  return { firstPaintMs: Object.fromEntries(Object.entries(paints).map(([k, v]) => [k, Math.round(v)])) };
}, { allowRoot: false }); // the PINN tools read no file: the server runs with --workspace only
