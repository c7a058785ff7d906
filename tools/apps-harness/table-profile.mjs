// Renders McpFlow's table profile (ui://mcpflow/table-profile) as an MCP Apps host would, and drives its controls.
//
// The real server over stdio with the official ext-apps AppBridge and the view in a sandboxed iframe in headless Chromium
// (lib/host.mjs, shared by every scenario): loads a small CSV (data_load) and calls analyze_dataframe. Asserts:
// analyze_dataframe links the view; the view lists every column with its values; sorting by a header reorders the rows;
// a click on a column fetches its histogram and top values with data_query; the missing-value matrix is fetched and
// collapsing it shrinks the iframe; the heatmap's correlations are fetched; "Suggest transformations" then "Apply"
// creates the new column or table (data_describe_table) and shows the before/after. Then generate_eda_report's view, a
// thinned profile of a 60-column table (left-out columns and correlations fetched) and every suggestion of a messy table
// applied from the view, each in a view of its own in the same session. Measures first paint after the tool result
// (goal <= 500 ms) and saves a screenshot.
//
// Usage: node table-profile.mjs <McpFlow.Server.dll> [screenshot.png]   (run.sh passes both)
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { getToolUiResourceUri, runScenario } from "./lib/host.mjs";

const [dll, screenshotPath] = process.argv.slice(2);

// 12 rows: price right-skewed (1.5..10.5 then 200.5, 400.5), qty rising with price in pairs (1, 1, 2, 2, ... 6, 6), one missing city.
const prices = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 200, 400];
const cities = ["Lyon", "Lyon", "Paris", "Lyon", "Nice", "Paris", "Lyon", "", "Paris", "Lyon", "Nice", "Lyon"];
// A messy table (';'-separated): amounts written with a decimal comma and one thousands dot, blanks and N/A, one city
// in three spellings, one day that reads differently day-first and month-first, a duplicate row.
const messy = [["1", "12,50", "Lyon", "2024-03-01"], ["2", "7,25", "lyon", "2024-03-02"], ["3", "N/A", "Paris", "03/04/2024"], ["4", "1.204,00", "LYON ", "2024-03-04"],
  ["5", "3,10", "Paris", "2024-03-05"], ["6", "9,99", "Nice", "2024-03-06"], ["7", "", "Nice", "2024-03-07"], ["8", "4,50", "Paris", "2024-03-08"],
  ["8", "4,50", "Paris", "2024-03-08"], ["9", "6,00", "Lyon", "2024-03-09"]];
// A wide table whose profile is thinned for the result budget: 60 columns with long names, 20 rows of integers.
const WIDE = 60, wideName = j => "measurement_with_a_rather_long_name_" + (j + 1), wide = (i, j) => (i * (j + 3) + j * j) % 23;
const pearson = (x, y) => { const n = x.length, mx = x.reduce((a, b) => a + b) / n, my = y.reduce((a, b) => a + b) / n;
  let sxy = 0, sxx = 0, syy = 0; for (let i = 0; i < n; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) ** 2; syy += (y[i] - my) ** 2; } return sxy / Math.sqrt(sxx * syy); };

await runScenario("table-profile", dll, async ({ client, check, folders: { data }, openView, linkedView, deliver, firstPaint, screenshot }) => {
  writeFileSync(join(data, "messy.csv"), "id;amount;city;day\n" + messy.map(r => r.join(";")).join("\n") + "\n");
  writeFileSync(join(data, "wide.csv"), Array.from({ length: WIDE }, (_, j) => wideName(j)).join(",") + "\n" +
    Array.from({ length: 20 }, (_, i) => Array.from({ length: WIDE }, (_, j) => wide(i, j)).join(",")).join("\n") + "\n");
  writeFileSync(join(data, "sales.csv"), "id,price,qty,city\n" + prices.map((p, i) => `${i + 1},${p}.5,${Math.floor(i / 2) + 1},${cities[i]}`).join("\n") + "\n");
  const { tools } = await client.listTools();
  const uri = "ui://mcpflow/table-profile";
  const { tool, contents } = await linkedView(tools, "analyze_dataframe", uri);

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

  // The histogram and top values are not taken from the result (its text lacks them): the view fetches them with
  // data_query on a click. Expected: the profiler's own histogram of the same bins (the result's structured content).
  await frame.click('#columns tr[data-column="price"]');
  await frame.waitForSelector('#histogram[data-source="data_query"]', { timeout: 10000 });
  const bars = await frame.$$eval("#histogram div", d => d.map(x => Number(x.dataset.count)));
  const expectedBars = sc.columns.find(c => c.name === "price").numeric.histogram.counts;
  check(bars.length > 0 && JSON.stringify(bars) === JSON.stringify(expectedBars), `price histogram fetched with data_query: ${bars.join(" ")}`);
  await frame.click('#columns tr[data-column="city"]');
  await frame.waitForSelector('#top-values[data-source="data_query"] tbody tr', { timeout: 10000 });
  const top = await frame.$$eval("#top-values tbody tr", r => r.map(x => x.cells[0].textContent + "=" + x.cells[1].textContent + "=" + x.cells[2].textContent));
  // Counted from `cities` above: Lyon 6, Paris 3, Nice 2 of the 11 non-missing values.
  check(JSON.stringify(top) === JSON.stringify(["Lyon=6=54.5%", "Paris=3=27.3%", "Nice=2=18.2%"]), `city top values fetched: ${top.join(", ")}`);

  // Missing-value matrix, fetched with data_query: one line per row (12 rows), columns id, price, qty, city; only row
  // 8's city is missing (cities[7] is blank), a 9 in the 0-9 share code.
  await frame.waitForSelector("#matrix-canvas", { timeout: 10000 });
  const matrix = await frame.$eval("#matrix-canvas", c => ({ columns: JSON.parse(c.dataset.columns), bands: JSON.parse(c.dataset.bands), band: c.dataset.band }));
  const expectedMatrix = cities.map(c => c === "" ? "0009" : "0000");
  check(JSON.stringify(matrix.columns) === JSON.stringify(["id", "price", "qty", "city"]) && matrix.band === "1" && JSON.stringify(matrix.bands) === JSON.stringify(expectedMatrix),
    `missing-value matrix: ${matrix.bands.join(" ")}`);
  const box = await (await frame.$("#matrix-canvas")).boundingBox(); // in the host page's coordinates
  await page.mouse.move(box.x + 3.5 * box.width / 4, box.y + 7.5 * box.height / 12);
  const matrixHover = await frame.$eval("#matrix-hover", h => h.textContent);
  check(matrixHover === "row 8, city: missing", `matrix hover: ${matrixHover}`);

  // The iframe shrinks too: collapsing the matrix reports a smaller height and the host applies it.
  await new Promise(r => setTimeout(r, 100));
  const tall = await view.frameHeight();
  await frame.click("#missing > summary");
  const short = await view.waitForFrameHeight(h => h < tall - 50);
  check(short < tall - 50, `collapsing the matrix shrinks the iframe: ${Math.round(tall)} -> ${Math.round(short)} px`);
  await frame.click("#missing > summary");
  await view.waitForFrameHeight(h => h >= tall);
  check(await view.frameHeight() >= tall, "and reopening it grows it back");

  // The heatmap's values are fetched with data_query (the text states only the strongest pairs); expected: the profile's.
  await frame.waitForSelector("#heat td[data-fetched]", { timeout: 10000 });
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

  // generate_eda_report links the same view; its result holds no profile, so the view fetches the columns
  // (data_describe_table, then data_query) and the correlations. Expected: the same counts as analyze_dataframe's.
  const eda = tools.find(t => t.name === "generate_eda_report");
  check(getToolUiResourceUri(eda) === uri && eda._meta?.["ui/resourceUri"] === uri, `generate_eda_report links ${getToolUiResourceUri(eda)}`);
  const report = await client.callTool({ name: "generate_eda_report", arguments: { table: "sales", formats: ["json"] } });
  check(!report.isError && report.structuredContent?.files?.json, `generate_eda_report: ${report.structuredContent?.name}`);
  const edaView = await openView(eda, contents.text);
  await deliver(edaView, { table: "sales" }, report);
  await edaView.frame.waitForSelector("body[data-columns-fetched]", { timeout: 10000 });
  await edaView.frame.waitForSelector("#heat td[data-fetched]", { timeout: 10000 });
  const edaRows = await edaView.frame.evaluate(() => [...document.querySelectorAll("#columns tbody tr")].map(r => [...r.cells].map(c => c.textContent)));
  const schema = (await client.callTool({ name: "data_describe_table", arguments: { table: "sales" } })).structuredContent.columns.map(c => c.name);
  const edaCity = edaRows.find(r => r[0] === "city");
  check(JSON.stringify(edaRows.map(r => r[0])) === JSON.stringify(schema) && edaCity?.[2] === "1 (8.3%)" && edaCity?.[3] === "3",
    `EDA report view: columns ${edaRows.map(r => r[0]).join(", ")} fetched; city missing ${edaCity?.[2]}, distinct ${edaCity?.[3]}`);
  const edaPq = Number(await edaView.frame.$eval('#heat td[data-pair="price,qty"]', td => td.dataset.value));
  check(Math.abs(edaPq - pq.value) < 1e-9, `EDA report view: pearson(price, qty) fetched ${edaPq} = the profile's ${pq.value}`);
  await edaView.page.close();

  // A thinned profile: the view fetches the correlation pairs and the columns the result left out.
  await client.callTool({ name: "data_load", arguments: { path: join(data, "wide.csv"), table: "wide" } });
  const wideProfile = await client.callTool({ name: "analyze_dataframe", arguments: { table: "wide" } });
  const ws = wideProfile.structuredContent;
  const thinnedParts = (ws?.omitted ?? []).join("; ");
  check(/histograms/.test(thinnedParts) && /columns after the first/.test(thinnedParts), `wide profile thinned: ${thinnedParts}`);
  const wideView = await openView(tool, contents.text);
  await deliver(wideView, { table: "wide" }, wideProfile);
  await wideView.frame.waitForSelector("#heat td[data-fetched]", { timeout: 10000 });
  const fetchedCell = await wideView.frame.$eval("#heat td[data-fetched][data-value]", td => ({ pair: td.dataset.pair, value: Number(td.dataset.value) }));
  const [wa, wb] = fetchedCell.pair.split(",").map(n => Number(n.split("_").pop()) - 1);
  const col = j => Array.from({ length: 20 }, (_, i) => wide(i, j));
  const expectedCorr = pearson(col(wa), col(wb)); // computed here from the generated values
  check(Math.abs(fetchedCell.value - expectedCorr) < 1e-9, `fetched correlation ${fetchedCell.pair} = ${fetchedCell.value.toFixed(6)} (expected ${expectedCorr.toFixed(6)})`);
  if (/columns after the first/.test(thinnedParts)) {
    await wideView.frame.waitForSelector("body[data-columns-fetched]", { timeout: 10000 });
    const wideRows = await wideView.frame.evaluate(() => [...document.querySelectorAll("#columns tbody tr")].map(r => [r.dataset.column, r.cells[3].textContent, r.classList.contains("fetched")]));
    const last = wideRows.find(r => r[0] === wideName(WIDE - 1));
    const distinct = new Set(col(WIDE - 1)).size; // counted here from the generated values
    check(wideRows.length === WIDE && wideRows.filter(r => r[2]).length === WIDE - ws.columns.length && last?.[1] === String(distinct),
      `columns left out fetched: ${wideRows.filter(r => r[2]).length} (result kept ${ws.columns.length} of ${WIDE}); last column distinct ${last?.[1]} (expected ${distinct})`);
  } else check(ws.columns.length === WIDE, `no column left out (${ws.columns.length})`);
  // The matrix is drawn again once the left-out columns arrive; click its pager only after the latest drawing settled.
  await wideView.frame.waitForFunction(() => { const b = document.getElementById("matrix"); return b?.dataset.rendered && b.dataset.rendered === b.dataset.requested && document.getElementById("matrix-canvas"); }, { timeout: 10000 });
  const pagedMatrix = await wideView.frame.$eval("#matrix-canvas", c => JSON.parse(c.dataset.bands));
  await wideView.frame.click('#matrix button[data-next="matrix"]');
  await wideView.frame.waitForFunction(() => JSON.parse(document.getElementById("matrix-canvas")?.dataset.columns ?? "[]")[0]?.endsWith("_41"), { timeout: 10000 });
  const page2 = await wideView.frame.$eval("#matrix-canvas", c => JSON.parse(c.dataset.columns).length);
  check(pagedMatrix.length === 20 && pagedMatrix.every(b => b === "0".repeat(40)) && page2 === WIDE - 40, `wide matrix: 20 rows × 40 columns, next page ${page2} columns`);
  await wideView.page.close();

  // The transformation buttons on the messy table: every suggestion and alternative applies, with its before/after,
  // except the date parse that needs a choice, whose error names it; its day-first alternative reads 03/04/2024 as 3 April.
  await client.callTool({ name: "data_load", arguments: { path: join(data, "messy.csv"), table: "messy" } });
  const messyProfile = await client.callTool({ name: "analyze_dataframe", arguments: { table: "messy" } });
  const messyView = await openView(tool, contents.text);
  await deliver(messyView, { table: "messy" }, messyProfile);
  const mf = messyView.frame;
  await mf.waitForSelector("#suggest");
  await mf.click("#suggest");
  await mf.waitForSelector("body[data-suggestions]", { timeout: 30000 });
  const messyOptions = await mf.$$eval("#suggestions option", o => o.map(x => x.value));
  const outcomes = {};
  for (const option of messyOptions) {
    await mf.select("#suggestions", option);
    await mf.click("#apply");
    await mf.waitForFunction(() => document.body.dataset.applied || document.querySelector("#status.error"), { timeout: 30000 });
    outcomes[option] = await mf.evaluate(() => ({ ok: !!document.body.dataset.applied, status: document.getElementById("status").textContent,
      ba: [...document.querySelectorAll("#before-after tbody tr")].map(r => [...r.cells].map(c => c.textContent)),
      preview: [...document.querySelectorAll("#preview tbody tr")].map(r => [...r.cells].map(c => c.textContent)) }));
  }
  const failedOptions = Object.entries(outcomes).filter(([, o]) => !o.ok).map(([k]) => k);
  // Refused, with the reason shown: the date parse that needs a choice, and a second way to fix a column already fixed
  // (its column exists: existing columns are never overwritten).
  const exists = k => /already has a column/.test(outcomes[k]?.status ?? "");
  check(messyOptions.includes("parse_date:day#day_first") && failedOptions.includes("parse_date:day") && /day-first/.test(outcomes["parse_date:day"].status) &&
    failedOptions.filter(k => k !== "parse_date:day").every(exists), `messy table: ${messyOptions.length - failedOptions.length} of ${messyOptions.length} options applied; refused ${failedOptions.join(", ")}`);
  // With a column name of its own, the month-first alternative applies too and reads 03/04/2024 as 4 March.
  await mf.type("#new-column", "day_mdy");
  await mf.select("#suggestions", "parse_date:day#month_first");
  await mf.click("#apply");
  await mf.waitForFunction(() => document.body.dataset.applied || document.querySelector("#status.error"), { timeout: 30000 });
  const mdy = await mf.evaluate(() => ({ target: document.getElementById("applied-target")?.textContent, preview: [...document.querySelectorAll("#preview tbody tr")].map(r => [...r.cells].map(c => c.textContent)) }));
  check(/column day_mdy/.test(mdy.target ?? "") && mdy.preview.some(r => r[0] === "03/04/2024" && r[1].startsWith("2024-03-04")), `month-first as day_mdy: 03/04/2024 -> ${mdy.preview.find(r => r[0] === "03/04/2024")?.[1]}`);
  // amount: 12.5 + 7.25 + 1204 + 3.1 + 9.99 + 4.5 + 4.5 + 6 = 1251.84 over 8 values (N/A and the blank are missing).
  const num = outcomes["to_number:amount"]?.ba?.[1];
  check(num?.[2] === "8" && num?.[3] === "156.48", `to_number:amount after: count ${num?.[2]}, mean ${num?.[3]}`);
  check((outcomes["normalize_text:city"]?.preview ?? []).some(r => r[0] === "LYON " && r[1] === "Lyon"), "normalize_text:city preview: 'LYON ' -> 'Lyon'");
  check((outcomes["parse_date:day#day_first"]?.preview ?? []).some(r => r[0] === "03/04/2024" && r[1].startsWith("2024-04-03")), "parse_date day-first preview: 03/04/2024 -> 2024-04-03");
  check(outcomes["drop_duplicates:*"]?.ba?.map(r => r[1]).join() === "10,9", `drop_duplicates rows before/after: ${outcomes["drop_duplicates:*"]?.ba?.map(r => r[1]).join(" -> ")}`);
  await messyView.page.close();

  return { firstPaintMs: Math.round(firstPaintMs) };
});
