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
    [Description("Suggests an experiment's next hyperparameters by Bayesian optimisation.")]
    public async Task<CallToolResult> Suggest(
        [Description("Experiment, e.g. \"cifar-resnet\".")] string experiment,
        [Description("Metric, e.g. \"val_acc\".")] string metric,
        [Description("e.g. maximize or minimize.")] string direction = "auto",
        [Description("Suggestions, 1-10; e.g. 5.")] int count = 3,
        [Description("Seed, e.g. 7.")] int seed = 0,
        [Description("Search space, e.g. {\"lr\": {\"type\": \"float\", \"low\": 0.01, \"high\": 1}}.")]
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
