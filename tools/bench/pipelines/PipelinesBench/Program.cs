using System.Diagnostics;
using System.Text.Json;
using McpFlow.Core.Mcp;
using McpFlow.Core.Storage;
using McpFlow.Core.Workspace;
using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Storage;
using McpFlow.Pipelines.Tables;
using McpFlow.Pipelines.Tracking;

// Usage (from the repository root): dotnet run -c Release --project tools/bench/pipelines/PipelinesBench -- <output folder> [dataset ...]
// Naming datasets (e.g. co2_monthly wind_power) runs only those.
var output = Path.GetFullPath(args.Length > 0 ? args[0] : "tools/bench/pipelines/out");
Directory.CreateDirectory(output);
var data = Path.GetFullPath("examples/data");
var benchData = Path.GetFullPath("tools/bench/pipelines/data"); // series made for this benchmark (make_daily_series.py)
var workspace = new McpFlowWorkspace(Path.Combine(Path.GetTempPath(), $"mcpflow-bench-{Environment.ProcessId}"));
using var database = new DuckDbGateway(workspace, new McpFlow.Core.Files.FileAccessGuard([data, benchData, workspace.Root], workspace.Root));
var inspector = new TableInspector(database);
var loader = new FeatureLoader(database);
var comparer = new ModelComparer(loader, new RunLogger(new McpFlow.Core.Tracking.AbsentTrackingWriter(), TimeProvider.System),
    new PipelineStore(workspace, TimeProvider.System), TimeProvider.System);
(string File, string Target, string Task, string? Time, int Horizon)[] datasets =
[
    ("iris", "species", "multiclass", null, 1),
    ("wine", "cultivar", "multiclass", null, 1),
    ("breast_cancer", "malignant", "binary", null, 1),
    ("diabetes", "progression", "regression", null, 1),
    ("co2_monthly", "co2_ppm", "forecasting", "month", 1),
    ("wind_power", "power_mw", "forecasting", "timestamp", 24),
    ("daily_demand", "demand", "forecasting", "date", 1),
    ("daily_demand", "demand", "forecasting", "date", 7),
    ("daily_fresh", "load_kwh", "forecasting", "day", 1), // issue 14 replayed on a fresh series (make_fresh_daily_series.py)
    ("daily_fresh", "load_kwh", "forecasting", "day", 7),
];
var only = args.Skip(1).ToHashSet();
var results = new List<object>();
foreach (var d in datasets.Where(d => only.Count == 0 || only.Contains(d.File)))
{
    using (var connection = database.Open())
    using (var command = connection.CreateCommand())
    {
        var csv = Path.Combine(File.Exists(Path.Combine(data, d.File + ".csv")) ? data : benchData, d.File + ".csv");
        command.CommandText = $"CREATE OR REPLACE TABLE {d.File} AS SELECT * FROM read_csv_auto('{csv}')";
        command.ExecuteNonQuery();
    }

    var spec = new PipelineGenerator(inspector).Generate(new GenerateRequest(d.File, d.Target, d.Task, d.Time, d.Horizon, d.Task == "forecasting" ? 3 : 5));
    var frame = loader.Load(spec);
    var folds = CrossValidator.Folds(spec, frame);
    var watch = Stopwatch.StartNew();
    var result = await comparer.CompareAsync(spec, null, "bench", (_, _) => { }, CancellationToken.None);
    Console.WriteLine($"{d.File}: best {result.Best} {spec.PrimaryMetric}={result.Leaderboard[0].Metrics[spec.PrimaryMetric]:F4} in {watch.Elapsed.TotalSeconds:F1} s");
    results.Add(new
    {
        dataset = d.File, path = Path.GetRelativePath(Environment.CurrentDirectory, csvPath(d.File)), target = d.Target, task = d.Task, time = d.Time, horizon = d.Horizon, season = spec.Features.FourierPeriod,
        primary = spec.PrimaryMetric, maximize = spec.Maximize, seconds = watch.Elapsed.TotalSeconds,
        findings = spec.Findings.Where(f => f.Check is "seasonality" or "trend").Select(f => f.Message),
        folds = folds.Select(f => f.Test.Select(r => frame.HistoryIndex[r]).ToArray()).ToArray(),
        leaderboard = result.Leaderboard.Select(r => new { r.Trainer, r.IsBaseline, r.Metrics, r.Std }),
    });
}

File.WriteAllText(Path.Combine(output, "mcpflow.json"), JsonSerializer.Serialize(results, McpFlowJson.Indented));
Console.WriteLine($"Wrote {Path.Combine(output, "mcpflow.json")}");

string csvPath(string file) => Path.Combine(File.Exists(Path.Combine(data, file + ".csv")) ? data : benchData, file + ".csv");
