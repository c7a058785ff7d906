using System.ComponentModel;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Core.Ids;
using McpFlow.Core.Mcp;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Tracking;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Experiments.Tools;

/// <summary>The <c>mlflow_log_run</c> tool.</summary>
[McpServerToolType]
[UsesTrackingServer]
public sealed class LogRunTool(ITrackingStore store, ISuggestionStore suggestions, FileAccessGuard guard, TimeProvider time)
{
    /// <summary>Logs a complete run.</summary>
    [McpServerTool(Name = "mlflow_log_run", Title = "Log an MLflow run", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Logs a finished run that was trained elsewhere.")]
    public async Task<CallToolResult> Log(
        [Description("Experiment, e.g. \"cifar-resnet\".")] string experiment,
        [Description("Run name, e.g. \"lr-0.003\".")] string run_name,
        [Description("Params, e.g. {\"lr\": \"0.003\"}.")] Dictionary<string, string>? @params = null,
        [Description("Metrics, e.g. {\"loss\": [0.9, 0.4]}.")] Dictionary<string, JsonElement>? metrics = null,
        [Description("Tags, e.g. {\"model\": \"cnn\"}.")] Dictionary<string, string>? tags = null,
        [Description("Final status, e.g. \"FAILED\".")] string status = "FINISHED",
        [Description("Files, e.g. [\"model.onnx\"].")] string[]? artifacts = null,
        [Description("Suggestion used, e.g. \"sug-20261123-101500-ab12cd-1\".")] string? suggestion_id = null,
        CancellationToken cancellationToken = default)
    {
        var finalStatus = Enum.TryParse<TrackedRunStatus>(status, ignoreCase: true, out var s) && s is TrackedRunStatus.Finished or TrackedRunStatus.Failed or TrackedRunStatus.Killed
            ? s : throw McpFlowException.Invalid($"status '{status}' is not FINISHED, FAILED or KILLED.");
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var points = ParseMetrics(metrics, now);
        var files = (artifacts ?? []).Select(a => guard.ResolveExistingFile(a, "artifacts")).ToList();
        var allTags = new Dictionary<string, string>(tags ?? []) { [TrackingTags.Source] = "mlflow_log_run", [TrackingTags.Tool] = "mlflow_log_run" };
        if (suggestion_id is not null)
        {
            var suggestion = suggestions.Get(WorkspaceIds.Require(IdKind.Suggestion, suggestion_id, "suggestion_id"));
            var mismatched = suggestion.Parameters.Where(p => @params?.GetValueOrDefault(p.Key) is { } v && v != p.Value).Select(p => p.Key).ToList();
            if (mismatched.Count > 0)
                throw McpFlowException.Invalid($"The run's params {string.Join(", ", mismatched)} differ from suggestion {suggestion_id}.",
                    "Log the suggested values, or leave suggestion_id out for a run that did not follow the suggestion.");
            allTags[TrackingTags.SuggestionId] = suggestion.Id;
            allTags[TrackingTags.SuggestionExplanation] = suggestion.Explanation;
        }

        var logged = await new RunLogger(store).LogAsync(
            new RunToLog(experiment, run_name, @params ?? [], points, allTags, files, finalStatus), cancellationToken);
        var (experimentId, run) = (logged.ExperimentId, logged.Run);
        var text = $"Logged run '{run_name}' ({run.RunId}) in '{experiment}' [{experimentId}]: {@params?.Count ?? 0} params, {points.Count} metric points, {logged.Artifacts.Count} artifacts, status {RunStatuses.Name(finalStatus)}." +
                   (suggestion_id is null ? "" : $" Marked as made from suggestion {suggestion_id}.");
        return ToolResults.Create(text, new LoggedRunSummary(experimentId, run.RunId, run.ArtifactUri, @params, points.Count, logged.Artifacts, RunStatuses.Name(finalStatus), suggestion_id));
    }

    private static List<MetricPoint> ParseMetrics(Dictionary<string, JsonElement>? metrics, long now)
    {
        var points = new List<MetricPoint>();
        foreach (var (key, value) in metrics ?? [])
        {
            TrackingKeys.Validate(key, "metric");
            if (value.ValueKind == JsonValueKind.Number)
                points.Add(new MetricPoint(key, value.GetDouble(), 0, now));
            else if (value.ValueKind == JsonValueKind.Array)
                points.AddRange(value.EnumerateArray().Select((v, i) => new MetricPoint(key, Number(key, v), i, now + i)));
            else
                throw McpFlowException.Invalid($"Metric '{key}' must be a number or a list of numbers, got {value.ValueKind}.", "e.g. {\"accuracy\": [0.7, 0.8, 0.9]}.");
        }

        return points;
    }

    private static double Number(string key, JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => v.GetDouble(),
        JsonValueKind.String when v.GetString() is "NaN" or "nan" => double.NaN,
        _ => throw McpFlowException.Invalid($"Metric '{key}' has a non-numeric value {v}.", "Metric values are numbers (\"NaN\" is accepted for a diverged step)."),
    };
}
