// Renders McpFlow's table profile (ui://mcpflow/table-profile) as an MCP Apps host would, and drives its controls.
//
// A real MCP client (the official TypeScript SDK) starts the real server over stdio declaring the MCP Apps extension,
// loads a small CSV (data_load) and calls analyze_dataframe. The host side is the official ext-apps AppBridge (in Node,
// connected to that client, so the view's tools/call reaches the server), talking to the view in a sandboxed iframe in
// headless Chromium (lib/host.mjs). Asserts: analyze_dataframe links the view; the view lists every column with
// its values; sorting by a header reorders the rows; a click on a column shows its histogram or top values; the heatmap
// carries the correlations; "Suggest transformations" then "Apply" creates the new column or table
// (data_describe_table) and shows the before/after. Measures first paint after the tool result (goal <= 500 ms) and
// saves a screenshot.
//
// Usage: node table-profile.mjs <McpFlow.Server.dll> [screenshot.png]   (run.sh passes both)
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runScenario } from "./lib/host.mjs";

const [dll, screenshotPath] = process.argv.slice(2);

// 12 rows: price right-skewed (1.5..10.5 then 200.5, 400.5), qty rising with price in pairs (1, 1, 2, 2, ... 6, 6), one missing city.
const prices = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 200, 400];
const cities = ["Lyon", "Lyon", "Paris", "Lyon", "Nice", "Paris", "Lyon", "", "Paris", "Lyon", "Nice", "Lyon"];
await runScenario("table-profile", dll, async ({ client, check, folders: { data }, openView, linkedView, firstPaint, screenshot }) => {
  writeFileSync(join(data, "sales.csv"), "id,price,qty,city\n" + prices.map((p, i) => `${i + 1},${p}.5,${Math.floor(i / 2) + 1},${cities[i]}`).join("\n") + "\n");
  const { tools } = await client.listTools();
  const { tool, contents } = await linkedView(tools, "analyze_dataframe", "ui://mcpflow/table-profile");

  const loaded = await client.callTool({ name: "data_load", arguments: { path: join(data, "sales.csv"), table: "sales" } });
  check(!loaded.isError && loaded.structuredContent?.rows === 12, `data_load: ${loaded.structuredContent?.rows} rows`);
  const toolInput = { table: "sales" };
  const profile = await client.callTool({ name: "analyze_dataframe", arguments: toolInput });
  const sc = profile.structuredContent;
  check(!profile.isError && sc?.columns?.length === 4, `analyze_dataframe profiled ${sc?.columns?.length} columns`);

  const view = await openView(tool, contents.text);
  const { page, frame } = view;
  const firstPaintMs = await firstPaint(view, toolInput, profile);

  const rows = () => frame.evaluate(() => [...document.querySelectorAll("#columns tbody tr")].map(r => [...r.cells].map(c => c.textContent)));
  const table = await rows();
  check(JSON.stringify(table.map(r => r[0])) === JSON.stringify(["id", "price", "qty", "city"]), `columns listed: ${table.map(r => r[0]).join(", ")}`);
  const city = table.find(r => r[0] === "city");
  // city: one blank of 12 rows is missing (8.3%); Lyon, Paris, Nice are 3 distinct values.
  check(city?.[2] === "1 (8.3%)" && city?.[3] === "3", `city row: missing ${city?.[2]}, distinct ${city?.[3]}`);
  const alerted = table.filter(r => r[4]).map(r => r[0] + ": " + r[4]);
  const expectedAlerts = sc.columns.map(c => (sc.alerts ?? []).filter(a => a.column === c.name).map(a => a.kind).join(", "));
  check(alerted.length > 0 && JSON.stringify(table.map(r => r[4])) === JSON.stringify(expectedAlerts),
    `alerts shown for ${alerted.join("; ")} (the result's: ${JSON.stringify((sc.alerts ?? []).map(a => [a.kind, a.column]))})`);

  // Alerts on no single column (a correlated pair, duplicate rows) are listed above the table.
  const tableAlerts = await frame.$$eval("#table-alerts li", l => l.map(x => x.textContent));
  const expectedTableAlerts = (sc.alerts ?? []).filter(a => !sc.columns.some(c => c.name === a.column)).map(a => a.kind + ": " + a.message);
  check(JSON.stringify(tableAlerts) === JSON.stringify(expectedTableAlerts), `table alerts: ${tableAlerts.join("; ")}`);

  await frame.click('#columns th[data-key="missing"]');
  await frame.click('#columns th[data-key="missing"]');
  const sorted = await rows();
  check(sorted[0][0] === "city", `sorting by Missing (descending) puts ${sorted[0][0]} first`);
  await frame.click('#columns th[data-key="name"]');
  const byName = (await rows()).map(r => r[0]);
  check(JSON.stringify(byName) === JSON.stringify(["city", "id", "price", "qty"]), `sorting by Column: ${byName.join(", ")}`);

  await frame.click('#columns tr[data-column="price"]');
  const bars = await frame.$$eval("#histogram div", d => d.map(x => Number(x.dataset.count)));
  const expectedBars = sc.columns.find(c => c.name === "price").numeric.histogram.counts;
  check(bars.length > 0 && JSON.stringify(bars) === JSON.stringify(expectedBars), `price histogram: ${bars.join(" ")}`);
  await frame.click('#columns tr[data-column="city"]');
  const top = await frame.$$eval("#top-values tbody tr", r => r.map(x => x.cells[0].textContent + "=" + x.cells[1].textContent));
  check(top[0] === "Lyon=6", `city top values: ${top.join(", ")}`);

  const heat = await frame.$$eval("#heat td[data-value]", d => d.map(x => Number(x.dataset.value)));
  const pq = (sc.correlations ?? []).find(c => c.method === "pearson" && [c.a, c.b].sort().join() === "price,qty");
  check(pq !== undefined && heat.includes(pq.value), `heatmap: ${heat.length} cells with pearson(price, qty) = ${pq?.value} (result: ${JSON.stringify(sc.correlations).slice(0, 200)})`);
  const cell = await frame.$('#heat td[data-value]:not([data-value="1"])');
  await cell?.hover();
  const hover = await frame.$eval("#hover", h => h.textContent);
  check(/^pearson\((price, qty|qty, price)\) = /.test(hover), `hover: ${hover}`);

  await screenshot(page, screenshotPath);

  await frame.click("#suggest");
  await frame.waitForSelector("body[data-suggestions]", { timeout: 30000 });
  const options = await frame.$$eval("#suggestions option", o => o.map(x => x.value));
  check(options.length > 0, `suggest_transformations: ${options.join(", ")}`);
  const choice = options.find(o => o.includes("price")) ?? options[0];
  await frame.select("#suggestions", choice);
  await frame.click("#apply");
  await frame.waitForFunction(() => document.body.dataset.applied || document.querySelector("#status.error"), { timeout: 30000 });
  const applied = await frame.evaluate(() => ({ id: document.body.dataset.applied, target: document.getElementById("applied-target")?.textContent,
    rows: [...document.querySelectorAll("#before-after tbody tr")].map(r => r.cells[0].textContent), status: document.getElementById("status").textContent }));
  check(applied.id === choice, `applied ${applied.id ?? "nothing: " + applied.status}`);
  check(JSON.stringify(applied.rows) === JSON.stringify(["before", "after"]), `before/after shown (${applied.target})`);
  const [, newTable, newColumn] = /table (\S+?)(?:, column (\S+))? \(from/.exec(applied.target ?? "") ?? [];
  const described = await client.callTool({ name: "data_describe_table", arguments: { table: newTable ?? "sales" } });
  const names = (described.structuredContent?.columns ?? []).map(c => c.name);
  check(!described.isError && (!newColumn || names.includes(newColumn)), `data_describe_table ${newTable}: ${names.join(", ")}`);

  return { firstPaintMs: Math.round(firstPaintMs) };
});
