// Renders McpFlow's experiment explorer (ui://mcpflow/experiment-explorer) as an MCP Apps host would, and drives it.
//
// The real server over stdio (lib/host.mjs) with its zero-setup tracking store (MLflow's file format in the workspace):
// logs eight runs through mlflow_log_run (params lr, depth, optimizer; a val_acc history each, one of 1,200 steps so
// its curve takes three pages), one of them made from a suggest_hyperparams suggestion. Then analyze_mlflow_runs's
// result is handed to the view in the sandboxed iframe. Asserts: both tools link the view; the leaderboard the view
// fetches (mlflow_leaderboard) lists the runs in the tool's order with the suggested run marked; the curves of the three
// best runs are drawn with every point (mlflow_get_run, page by page); the scatter has a point per run with the
// suggested run marked (mlflow_search_runs); "Suggest next" shows suggestions from a real suggest_hyperparams call
// (the first is then logged with its id and params, which mlflow_log_run accepts only for a saved suggestion). A second
// view gets mlflow_leaderboard's own result. Measures first paint (goal <= 500 ms) and saves a screenshot.
//
// Usage: node experiment-explorer.mjs <McpFlow.Server.dll> [screenshot.png]   (run.sh passes both)
import { runScenario } from "./lib/host.mjs";

const [dll, screenshotPath] = process.argv.slice(2);
const URI = "ui://mcpflow/experiment-explorer";
const EXPERIMENT = "explorer-demo", METRIC = "val_acc";
const LONG_RUN_STEPS = 1200, STEPS = 30; // 1,200 points: three pages of mlflow_get_run's 500 (MetricPointsPage.PageSize)

// val_acc rises to a ceiling that peaks at lr = 0.03 (log scale) and grows a little with depth.
const ceiling = (lr, depth) => 0.93 - 0.06 * (Math.log10(lr) + 1.5) ** 2 + 0.002 * depth;
const curve = (top, steps) => Array.from({ length: steps }, (_, t) => +(top * (1 - Math.exp(-(t + 1) / (steps / 6)))).toFixed(5));
const GRID = [[0.001, 2, "sgd"], [0.003, 4, "adam"], [0.01, 6, "sgd"], [0.03, 4, "adam"], [0.1, 2, "adam"], [0.3, 6, "sgd"], [1.0, 4, "sgd"]];

await runScenario("experiment-explorer", dll, async ({ client, check, openView, linkedView, firstPaint, screenshot }) => {
  const { tools } = await client.listTools();
  const { tool: analyzeTool, contents } = await linkedView(tools, "analyze_mlflow_runs", URI);
  const { tool: boardTool } = await linkedView(tools, "mlflow_leaderboard", URI);

  const points = {}; // run id -> points logged
  const log = async (name, params, values, suggestionId) => {
    const r = await client.callTool({ name: "mlflow_log_run", arguments: { experiment: EXPERIMENT, run_name: name, params,
      metrics: { [METRIC]: values }, ...(suggestionId ? { suggestion_id: suggestionId } : {}) } });
    if (!r.isError) points[r.structuredContent.runId] = values.length;
    return r;
  };
  for (const [lr, depth, optimizer] of GRID) {
    const r = await log(`lr-${lr}`, { lr: String(lr), depth: String(depth), optimizer }, curve(ceiling(lr, depth), lr === 0.03 ? LONG_RUN_STEPS : STEPS));
    check(!r.isError, `mlflow_log_run lr-${lr}`);
  }
  const first = await client.callTool({ name: "suggest_hyperparams", arguments: { experiment: EXPERIMENT, metric: METRIC, direction: "maximize", count: 1, seed: 1 } });
  const used = first.structuredContent?.suggestions?.[0]?.suggestion;
  check(!first.isError && used, `suggest_hyperparams before the view: ${used?.id} ${JSON.stringify(used?.parameters)}`);
  const p = used.parameters;
  const fromSuggestion = await log("from-suggestion", p, curve(ceiling(Number(p.lr ?? 0.03), Number(p.depth ?? 4)) + 0.01, STEPS), used.id);
  check(!fromSuggestion.isError, "mlflow_log_run with suggestion_id");
  const runCount = Object.keys(points).length;

  const input = { experiment: EXPERIMENT, metric: METRIC, direction: "maximize" };
  const analysis = await client.callTool({ name: "analyze_mlflow_runs", arguments: input });
  check(!analysis.isError && analysis.structuredContent?.runsWithMetric === runCount, `analyze_mlflow_runs: ${analysis.structuredContent?.runsWithMetric} runs with ${METRIC}`);
  // What the view should fetch, asked here independently with the same arguments (limit: the view's BOARD_LIMIT).
  const board = (await client.callTool({ name: "mlflow_leaderboard", arguments: { ...input, limit: 20 } })).structuredContent;

  const view = await openView(analyzeTool, contents.text);
  const { page, frame } = view;
  const firstPaintMs = await firstPaint(view, input, analysis);
  const resultAt = Number(await frame.$eval("body", b => b.dataset.paintedAt)) - firstPaintMs;
  // Complete: the leaderboard, the three curves (five mlflow_get_run pages) and the runs (mlflow_search_runs) fetched.
  await frame.waitForSelector("body[data-board][data-curves][data-runs]", { timeout: 60000 });
  const completeMs = await page.evaluate(() => performance.timeOrigin + performance.now()) - resultAt;
  console.log(`     complete (every fetch answered and drawn) ${completeMs.toFixed(0)} ms after the tool result`);

  const dom = await frame.evaluate(() => ({
    title: document.getElementById("title")?.textContent,
    rows: [...document.querySelectorAll("#board tbody tr")].map(r => ({ run: r.dataset.run, name: r.cells[2].textContent, value: r.cells[3].textContent,
      suggestion: r.dataset.suggestion ?? null, suggested: r.classList.contains("suggested"), checked: r.querySelector("input").checked })),
    params: [...document.querySelectorAll("#params tbody tr")].map(r => r.cells[0].textContent),
    lines: [...document.querySelectorAll("#curves-chart polyline")].map(l => ({ run: l.dataset.run, points: Number(l.dataset.points), drawn: l.getAttribute("points").split(" ").length })),
    curvesNote: document.getElementById("curves-note").textContent,
    dots: document.querySelectorAll("#scatter-chart .point").length,
    squares: [...document.querySelectorAll("#scatter-chart rect.point")].map(r => r.dataset.run),
    param: document.getElementById("param").value,
    height: document.body.getBoundingClientRect().height, text: document.body.innerText.length,
  }));
  check(dom.title === `${EXPERIMENT} · ${METRIC}`, `title "${dom.title}"`);
  check(JSON.stringify(dom.rows.map(r => r.name)) === JSON.stringify(board.rows.map(r => r.runName)), `leaderboard rows in mlflow_leaderboard's order: ${dom.rows.map(r => r.name).join(", ")}`);
  // Values shown with 4 significant digits (the view's format), as mlflow_leaderboard's text (G4).
  check(dom.rows.every((r, i) => r.value === String(+board.rows[i].value.toPrecision(4))), `values ${dom.rows.map(r => r.value).join(", ")}`);
  const marked = dom.rows.filter(r => r.suggested);
  check(marked.length === 1 && marked[0].suggestion === used.id && marked[0].name === "from-suggestion", `suggested run marked: ${marked.map(r => r.name + " " + r.suggestion).join(", ")}`);
  const varying = analysis.structuredContent.parameters.filter(x => !x.constant).map(x => x.name);
  check(JSON.stringify(dom.params) === JSON.stringify(varying), `varying params as in the analysis: ${dom.params.join(", ")}`);
  const top3 = board.rows.slice(0, 3).map(r => r.runId);
  check(JSON.stringify(dom.lines.map(l => l.run).sort()) === JSON.stringify([...top3].sort()), `curves drawn for the three best runs (${dom.lines.length} lines)`);
  check(dom.lines.every(l => l.points === points[l.run] && l.drawn === points[l.run]), `every logged point drawn: ${dom.lines.map(l => l.drawn + "/" + points[l.run]).join(", ")}`);
  const long = dom.lines.find(l => l.points === LONG_RUN_STEPS);
  check(long !== undefined && /1200 points in 3 pages/.test(dom.curvesNote), `long run fetched page by page: ${dom.curvesNote}`);
  check(dom.dots === runCount && dom.squares.length === 1 && points[dom.squares[0]] !== undefined, `scatter of ${dom.param}: ${dom.dots} runs, ${dom.squares.length} from a suggestion`);
  check(dom.height > 600 && dom.text > 300, `not blank (${Math.round(dom.height)} px tall, ${dom.text} characters)`);

  // A fourth run ticked: its curve is fetched and drawn.
  const fourth = board.rows[3].runId;
  await frame.click(`#board tr[data-run="${fourth}"] input`);
  await frame.waitForFunction(id => document.querySelector(`#curves-chart polyline[data-run="${id}"]`), { timeout: 30000 }, fourth);
  check(true, `ticking ${board.rows[3].runName} draws its curve`);

  await frame.click("#suggest");
  await frame.waitForFunction(() => document.body.dataset.suggestions || document.querySelector("#status.error"), { timeout: 60000 });
  const shown = await frame.evaluate(() => ({
    rows: [...document.querySelectorAll("#suggested tbody tr")].map(r => ({ id: r.dataset.suggestion, params: r.cells[1].textContent, why: r.cells[2].textContent })),
    lines: document.querySelectorAll("#scatter-chart line.sugg").length, status: document.getElementById("status").textContent,
  }));
  check(shown.rows.length === 3 && shown.rows.every(r => /^sug-/.test(r.id) && r.params && r.why), `"Suggest next" shows ${shown.rows.length} suggestions: ${shown.rows.map(r => r.id + " " + r.params).join("; ")} (${shown.status})`);
  check(shown.lines > 0, `the suggestions are marked in the scatter (${shown.lines} dashed lines)`);
  await screenshot(page, screenshotPath);

  // The suggestion really exists with those params: mlflow_log_run accepts its id only for a saved suggestion.
  const next = Object.fromEntries(shown.rows[0].params.split(", ").map(kv => kv.split("=")));
  const logged = await log("next-1", next, curve(0.9, STEPS), shown.rows[0].id);
  check(!logged.isError, `mlflow_log_run accepts the shown suggestion ${shown.rows[0].id} with its params`);

  // mlflow_leaderboard's own result: rows straight from the result, both suggested runs marked.
  const boardInput = { experiment: EXPERIMENT, metric: METRIC };
  const ranked = await client.callTool({ name: "mlflow_leaderboard", arguments: boardInput });
  const second = await openView(boardTool, contents.text);
  const boardPaintMs = await firstPaint(second, boardInput, ranked);
  await second.frame.waitForSelector("body[data-curves][data-runs]", { timeout: 60000 });
  const rows2 = await second.frame.$$eval("#board tbody tr", r => r.map(x => ({ name: x.cells[2].textContent, suggested: x.classList.contains("suggested") })));
  check(JSON.stringify(rows2.map(r => r.name)) === JSON.stringify(ranked.structuredContent.rows.map(r => r.runName)), `mlflow_leaderboard view: ${rows2.length} rows`);
  check(rows2.filter(r => r.suggested).length === 2, `two suggested runs marked (${rows2.filter(r => r.suggested).map(r => r.name).join(", ")})`);
  return { firstPaintMs: Math.round(firstPaintMs), completeMs: Math.round(completeMs), leaderboardFirstPaintMs: Math.round(boardPaintMs) };
});
