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
    /// <summary>The tasks of heldout/objective.py: the issue's (tuned on) and a second one never tuned on.</summary>
    private static readonly Dictionary<string, (string Metric, bool Maximize, string Space, string Results)> Tasks = new(StringComparer.Ordinal)
    {
        ["gb-breast-cancer"] = ("roc_auc", true, """
            {"learning_rate": {"type": "float", "low": 0.005, "high": 1.0, "log": true},
             "n_estimators": {"type": "int", "low": 10, "high": 300},
             "max_depth": {"type": "int", "low": 1, "high": 8},
             "subsample": {"type": "float", "low": 0.05, "high": 1.0},
             "min_samples_leaf": {"type": "int", "low": 1, "high": 50},
             "max_features": {"type": "float", "low": 0.05, "high": 1.0}}
            """, "heldout-results.csv"),
        ["gbr-diabetes"] = ("rmse", false, """
            {"learning_rate": {"type": "float", "low": 0.005, "high": 1.0, "log": true},
             "n_estimators": {"type": "int", "low": 10, "high": 300},
             "max_depth": {"type": "int", "low": 1, "high": 6},
             "subsample": {"type": "float", "low": 0.1, "high": 1.0},
             "min_samples_leaf": {"type": "int", "low": 1, "high": 60},
             "max_features": {"type": "float", "low": 0.1, "high": 1.0}}
            """, "heldout-gbr-diabetes-results.csv"),
    };

    public static async Task RunAsync(string task, int reps, int budget, string? cache)
    {
        if (!Tasks.TryGetValue(task, out var t))
            throw new ArgumentException($"Unknown task '{task}'; known: {string.Join(", ", Tasks.Keys)}.");
        using var python = Python(task, cache);
        var explicitSpace = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(t.Space)!;
        var sign = t.Maximize ? 1.0 : -1.0;
        var best = new Dictionary<string, List<double>>();
        var times = new List<double>();
        var rows = new List<string> { "rep,method,best_overall,best_new,failed" };
        var trace = new List<string> { "rep,method,step,value,params" };
        for (var rep = 0; rep < reps; rep++)
        {
            var sweep = Ask(python, new JsonObject { ["op"] = "sweep", ["rep"] = rep })["runs"]!.AsArray()
                .Select(r => (Params: r!["params"]!.AsObject().ToDictionary(p => p.Key, p => Format(p.Value!)), Value: r["value"]!.GetValue<double>())).ToList();
            var sweepBest = sweep.MaxBy(s => sign * s.Value).Value;
            var results = new Dictionary<string, List<(IReadOnlyDictionary<string, string> Params, double? Value)>>
            {
                ["mcpflow_inferred"] = await McpFlowAsync(python, (task, t.Metric, t.Maximize), sweep, null, rep, budget, times),
                ["mcpflow_explicit"] = await McpFlowAsync(python, (task, t.Metric, t.Maximize), sweep, explicitSpace, rep, budget, times),
                ["optuna_tpe"] = Values(Ask(python, new JsonObject { ["op"] = "tpe", ["rep"] = rep, ["budget"] = budget })),
                ["random"] = Values(Ask(python, new JsonObject { ["op"] = "random", ["rep"] = rep, ["budget"] = budget })),
            };
            foreach (var (method, evaluated) in results)
            {
                var values = evaluated.Select(e => e.Value).ToList();
                var finite = values.OfType<double>().ToList();
                var bestNew = finite.Count == 0 ? double.NaN : finite.MaxBy(v => sign * v);
                var overall = finite.Count == 0 || sign * sweepBest >= sign * bestNew ? sweepBest : bestNew;
                (best.TryGetValue(method, out var list) ? list : best[method] = []).Add(overall);
                rows.Add(string.Create(CultureInfo.InvariantCulture, $"{rep},{method},{overall:R},{bestNew:R},{values.Count(v => v is null)}"));
                trace.AddRange(evaluated.Select((e, i) => string.Create(CultureInfo.InvariantCulture,
                    $"{rep},{method},{i},{e.Value:R},\"{string.Join(' ', e.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}\"")));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rep {rep} {method} best {overall:F5} (sweep {sweepBest:F5}, best new {bestNew:F5}, failed {values.Count(v => v is null)})"));
            }
        }

        File.WriteAllText(t.Results, string.Join("\n", rows) + "\n");
        File.WriteAllText(t.Results.Replace("-results.csv", "-suggestions.csv", StringComparison.Ordinal), string.Join("\n", trace) + "\n");
        foreach (var (method, values) in best)
        {
            var mean = values.Average();
            var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Count - 1));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{method} mean_best {mean:F5} sd {sd:F5} over {values.Count} reps"));
        }

        var tpe = best["optuna_tpe"];
        foreach (var method in new[] { "mcpflow_inferred", "mcpflow_explicit" })
            Console.WriteLine($"{method} at or better than tpe in {best[method].Zip(tpe).Count(p => sign * p.First >= sign * p.Second)}/{tpe.Count} reps");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mcpflow time_per_suggestion mean {times.Average():F2} s max {times.Max():F2} s"));
    }

    private static async Task<List<(IReadOnlyDictionary<string, string> Params, double? Value)>> McpFlowAsync(Process python,
        (string Name, string Metric, bool Maximize) task, List<(Dictionary<string, string> Params, double Value)> sweep,
        IReadOnlyDictionary<string, JsonElement>? space, int rep, int budget, List<double> times)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"mcpflow-heldout-{Guid.NewGuid():N}");
        try
        {
            var store = new FileTrackingStore(folder, TimeProvider.System);
            var expId = await store.GetOrCreateExperimentAsync(task.Name, default);
            var clock = 1_700_000_000_000L;
            foreach (var (p, v) in sweep)
                await LogAsync(store, expId, task.Metric, p, v, clock++);
            var suggester = new HyperparameterSuggester(new RunLoader(store), new MemorySuggestions(), TimeProvider.System);
            var values = new List<(IReadOnlyDictionary<string, string> Params, double? Value)>();
            for (var i = 0; i < budget; i++)
            {
                var watch = Stopwatch.StartNew();
                var report = await suggester.SuggestAsync(task.Name, task.Metric, task.Maximize, count: 1, seed: (rep * 100) + i, space, default);
                times.Add(watch.Elapsed.TotalSeconds);
                var suggested = report.Suggestions[0].Suggestion.Parameters;
                var answer = Ask(python, new JsonObject { ["op"] = "eval", ["params"] = new JsonObject(suggested.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(double.Parse(p.Value, CultureInfo.InvariantCulture))))) });
                var value = answer["value"] is { } node ? node.GetValue<double>() : (double?)null;
                values.Add(((IReadOnlyDictionary<string, string>)suggested, value));
                await LogAsync(store, expId, task.Metric, suggested.ToDictionary(p => p.Key, p => p.Value), value, clock++);
            }

            return values;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task LogAsync(FileTrackingStore store, string expId, string metric, IReadOnlyDictionary<string, string> parameters, double? value, long time)
    {
        var run = await store.StartRunAsync(expId, $"run-{time % 10_000}", null, default);
        await store.LogParamsAsync(run.RunId, parameters, default);
        if (value is { } v)
            await store.LogMetricsAsync(run.RunId, [new MetricPoint(metric, v, 0, time)], default);
        await store.EndRunAsync(run.RunId, value is null ? TrackedRunStatus.Failed : TrackedRunStatus.Finished, default);
    }

    private static List<(IReadOnlyDictionary<string, string> Params, double? Value)> Values(JsonNode answer) =>
        answer["values"]!.AsArray().Zip(answer["params"]!.AsArray())
            .Select(p => ((IReadOnlyDictionary<string, string>)p.Second!.AsObject().ToDictionary(q => q.Key, q => Format(q.Value!)), p.First is null ? (double?)null : p.First.GetValue<double>()))
            .ToList();

    private static string Format(JsonNode value) => value.GetValueKind() == JsonValueKind.Number && value.ToJsonString() is var s && !s.Contains('.') && !s.Contains('e')
        ? s : value.GetValue<double>().ToString("R", CultureInfo.InvariantCulture);

    private static JsonNode Ask(Process python, JsonObject request)
    {
        python.StandardInput.WriteLine(request.ToJsonString());
        python.StandardInput.Flush();
        var line = python.StandardOutput.ReadLine() ?? throw new InvalidOperationException("objective.py ended early (its error is on the console above).");
        return JsonNode.Parse(line)!;
    }

    private static Process Python(string task, string? cache)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "heldout", "objective.py");
        var info = new ProcessStartInfo("/usr/bin/python3", [script])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false,
        };
        info.Environment["HELDOUT_TASK"] = task;
        // scikit-learn's native code uses OpenMP; one thread and passive waiting keep it from spinning on a loaded machine.
        info.Environment["OMP_NUM_THREADS"] = "1";
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
