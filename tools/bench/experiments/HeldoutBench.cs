using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Analysis;
using McpFlow.Experiments.Suggestions;
using McpFlow.Experiments.Tracking.FileStore;

namespace McpFlow.Bench.Experiments;

/// <summary>
/// The held-out-style HPO benchmark (see heldout/objective.py for the task): per repetition, a 40-run sweep is logged
/// to a fresh MLflow file store, then suggest_hyperparams' engine (the HyperparameterSuggester behind the tool, one
/// suggestion per call) gets 10 evaluations, once with the space it infers from the runs and once with the explicit
/// space Optuna gets; TPE and random search get the same 10 in the same run. Prints per-repetition bests and the
/// mean ± standard deviation of the best value found (sweep included, as the user sees it) per method.
/// </summary>
public static class HeldoutBench
{
    private const string Experiment = "gb-breast-cancer";
    private const string Metric = "roc_auc";

    public static async Task RunAsync(int reps, int budget, string? cache)
    {
        using var python = Python(cache);
        var explicitSpace = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""
            {"learning_rate": {"type": "float", "low": 0.005, "high": 1.0, "log": true},
             "n_estimators": {"type": "int", "low": 10, "high": 300},
             "max_depth": {"type": "int", "low": 1, "high": 8},
             "subsample": {"type": "float", "low": 0.05, "high": 1.0},
             "min_samples_leaf": {"type": "int", "low": 1, "high": 50},
             "max_features": {"type": "float", "low": 0.05, "high": 1.0}}
            """)!;
        var best = new Dictionary<string, List<double>>();
        var times = new List<double>();
        var rows = new List<string> { "rep,method,best_overall,best_new,failed" };
        for (var rep = 0; rep < reps; rep++)
        {
            var sweep = Ask(python, new JsonObject { ["op"] = "sweep", ["rep"] = rep })["runs"]!.AsArray()
                .Select(r => (Params: r!["params"]!.AsObject().ToDictionary(p => p.Key, p => Format(p.Value!)), Value: r["value"]!.GetValue<double>())).ToList();
            var sweepBest = sweep.Max(s => s.Value);
            var results = new Dictionary<string, List<double?>>
            {
                ["mcpflow_inferred"] = await McpFlowAsync(python, sweep, null, rep, budget, times),
                ["mcpflow_explicit"] = await McpFlowAsync(python, sweep, explicitSpace, rep, budget, times),
                ["optuna_tpe"] = Values(Ask(python, new JsonObject { ["op"] = "tpe", ["rep"] = rep, ["budget"] = budget })),
                ["random"] = Values(Ask(python, new JsonObject { ["op"] = "random", ["rep"] = rep, ["budget"] = budget })),
            };
            foreach (var (method, values) in results)
            {
                var finite = values.OfType<double>().ToList();
                var bestNew = finite.Count == 0 ? double.NaN : finite.Max();
                var overall = Math.Max(sweepBest, finite.Count == 0 ? double.NegativeInfinity : bestNew);
                (best.TryGetValue(method, out var list) ? list : best[method] = []).Add(overall);
                rows.Add(string.Create(CultureInfo.InvariantCulture, $"{rep},{method},{overall:R},{bestNew:R},{values.Count(v => v is null)}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rep {rep} {method} best {overall:F5} (sweep {sweepBest:F5}, best new {bestNew:F5}, failed {values.Count(v => v is null)})"));
            }
        }

        File.WriteAllText("heldout-results.csv", string.Join("\n", rows) + "\n");
        foreach (var (method, values) in best)
        {
            var mean = values.Average();
            var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Count - 1));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{method} mean_best {mean:F5} sd {sd:F5} over {values.Count} reps"));
        }

        var tpe = best["optuna_tpe"];
        foreach (var method in new[] { "mcpflow_inferred", "mcpflow_explicit" })
            Console.WriteLine($"{method} >= tpe in {best[method].Zip(tpe).Count(p => p.First >= p.Second)}/{tpe.Count} reps");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mcpflow time_per_suggestion mean {times.Average():F2} s max {times.Max():F2} s"));
    }

    private static async Task<List<double?>> McpFlowAsync(Process python, List<(Dictionary<string, string> Params, double Value)> sweep,
        IReadOnlyDictionary<string, JsonElement>? space, int rep, int budget, List<double> times)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"mcpflow-heldout-{Guid.NewGuid():N}");
        try
        {
            var store = new FileTrackingStore(folder, TimeProvider.System);
            var expId = await store.GetOrCreateExperimentAsync(Experiment, default);
            var clock = 1_700_000_000_000L;
            foreach (var (p, v) in sweep)
                await LogAsync(store, expId, p, v, clock++);
            var suggester = new HyperparameterSuggester(new RunLoader(store), new MemorySuggestions(), TimeProvider.System);
            var values = new List<double?>();
            for (var i = 0; i < budget; i++)
            {
                var watch = Stopwatch.StartNew();
                var report = await suggester.SuggestAsync(Experiment, Metric, maximize: true, count: 1, seed: (rep * 100) + i, space, default);
                times.Add(watch.Elapsed.TotalSeconds);
                var suggested = report.Suggestions[0].Suggestion.Parameters;
                var answer = Ask(python, new JsonObject { ["op"] = "eval", ["params"] = new JsonObject(suggested.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(double.Parse(p.Value, CultureInfo.InvariantCulture))))) });
                var value = answer["value"] is { } node ? node.GetValue<double>() : (double?)null;
                values.Add(value);
                await LogAsync(store, expId, suggested.ToDictionary(p => p.Key, p => p.Value), value, clock++);
            }

            return values;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task LogAsync(FileTrackingStore store, string expId, IReadOnlyDictionary<string, string> parameters, double? value, long time)
    {
        var run = await store.StartRunAsync(expId, $"run-{time % 10_000}", null, default);
        await store.LogParamsAsync(run.RunId, parameters, default);
        if (value is { } v)
            await store.LogMetricsAsync(run.RunId, [new MetricPoint(Metric, v, 0, time)], default);
        await store.EndRunAsync(run.RunId, value is null ? TrackedRunStatus.Failed : TrackedRunStatus.Finished, default);
    }

    private static List<double?> Values(JsonNode answer) => answer["values"]!.AsArray().Select(v => v is null ? (double?)null : v.GetValue<double>()).ToList();

    private static string Format(JsonNode value) => value.GetValueKind() == JsonValueKind.Number && value.ToJsonString() is var s && !s.Contains('.') && !s.Contains('e')
        ? s : value.GetValue<double>().ToString("R", CultureInfo.InvariantCulture);

    private static JsonNode Ask(Process python, JsonObject request)
    {
        python.StandardInput.WriteLine(request.ToJsonString());
        python.StandardInput.Flush();
        var line = python.StandardOutput.ReadLine() ?? throw new InvalidOperationException("objective.py ended early (its error is on the console above).");
        return JsonNode.Parse(line)!;
    }

    private static Process Python(string? cache)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "heldout", "objective.py");
        var info = new ProcessStartInfo("/usr/bin/python3", [script])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false,
        };
        if (cache is not null)
            info.Environment["HELDOUT_CACHE"] = Path.GetFullPath(cache);
        return Process.Start(info) ?? throw new InvalidOperationException("Cannot start /usr/bin/python3.");
    }

    private sealed class MemorySuggestions : ISuggestionStore
    {
        private readonly Dictionary<string, HyperparameterSuggestion> _saved = [];

        public void Save(HyperparameterSuggestion suggestion) => _saved[suggestion.Id] = suggestion;

        public HyperparameterSuggestion Get(string id) => _saved[id];
    }
}
