using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using McpFlow.Core.Mcp;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Analysis;
using McpFlow.Experiments.Suggestions;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Experiments.Tools;

/// <summary>The <c>suggest_hyperparams</c> tool.</summary>
[McpServerToolType]
[UsesTrackingServer]
public sealed class SuggestHyperparamsTool(HyperparameterSuggester suggester)
{
    /// <summary>Suggests hyperparameters.</summary>
    [McpServerTool(Name = "suggest_hyperparams", Title = "Suggest hyperparameters", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Suggests the next hyperparameters for an experiment by Bayesian optimisation over its runs (Gaussian process with a Matérn 5/2 kernel and one length scale per parameter, " +
                 "log expected improvement searched around the best run, diverse batches by local penalisation; a Latin hypercube design when there are fewer than 3 runs). The search space is inferred from the runs' params " +
                 "(int/float/categorical, log scale when values span a decade and were tried evenly in log or are rate-like, extended past the best run when it sits at an edge, constant params widened around their value) or given, and stated. Each suggestion is explained " +
                 "(predicted value ± uncertainty, expected improvement, which params drive it) and saved with an id that mlflow_log_run and training tools accept.")]
    public async Task<CallToolResult> Suggest(
        [Description("Experiment name or id, e.g. \"cifar-resnet\".")] string experiment,
        [Description("Metric to optimise, e.g. \"val_accuracy\".")] string metric,
        [Description("\"maximize\", \"minimize\" or \"auto\" (minimise names with loss/error). Default auto; e.g. \"maximize\".")] string direction = "auto",
        [Description("Number of suggestions, 1-10. Default 3; e.g. 5.")] int count = 3,
        [Description("Random seed; the same seed and runs give the same suggestions. Default 0; e.g. 7.")] int seed = 0,
        [Description("Optional explicit space, e.g. {\"learning_rate\": {\"type\": \"float\", \"low\": 0.0001, \"high\": 0.1, \"log\": true}, \"batch_size\": {\"type\": \"int\", \"low\": 16, \"high\": 512, \"log\": true}, \"optimizer\": {\"type\": \"categorical\", \"choices\": [\"adam\", \"sgd\"]}}. Default: inferred from the runs.")]
        Dictionary<string, JsonElement>? space = null,
        CancellationToken cancellationToken = default)
    {
        var maximize = RunLoader.ParseDirection(direction, metric);
        var report = await suggester.SuggestAsync(experiment, metric, maximize, count, seed, space, cancellationToken);
        return ToolResults.Create(Format(report), report);
    }

    private static string Format(SuggestionReport r)
    {
        var t = new StringBuilder($"Suggestions for '{r.Experiment}' on {r.Metric} ({(r.Maximize ? "maximise" : "minimise")}).\n");
        t.AppendLine("Method: " + r.Method + ".");
        t.AppendLine(r.BestObserved is { } b ? string.Create(CultureInfo.InvariantCulture, $"Best so far: {b:G4} ({r.BestRun}), from {r.RunsUsed} runs.") : "No usable runs yet.");
        t.AppendLine("Search space:");
        foreach (var line in r.Space)
            t.AppendLine("  " + line);
        foreach (var note in r.Notes)
            t.AppendLine("  note: " + note);
        foreach (var s in r.Suggestions)
        {
            t.AppendLine($"{s.Suggestion.Id}: " + string.Join(", ", s.Suggestion.Parameters.Select(p => $"{p.Key}={p.Value}")));
            t.AppendLine("  " + s.Suggestion.Explanation);
        }

        t.Append("To use one: train with those params, then log the run with mlflow_log_run (suggestion_id=…) or pass the id to a training tool; mlflow_leaderboard marks such runs.");
        return t.ToString();
    }
}
