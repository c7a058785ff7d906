using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using McpFlow.Core.Runs;
using McpFlow.Core.Tracking;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Storage;
using McpFlow.Pipelines.Training;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Pipelines.Tools;

/// <summary>pipeline_train.</summary>
[McpServerToolType]
[UsesTrackingServer]
public sealed class TrainPipelineTool(
    PipelineTrainer pipelines, PipelineStore store, JobManager jobs, JobCalls calls, IRunRecorder recorder)
{
    /// <summary>Trains a pipeline as a background job.</summary>
    [McpServerTool(Name = "pipeline_train", Title = "Train a pipeline", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Trains and saves one pipeline model, logging a run; returns a job id if longer than wait_seconds.")]
    public async Task<CallToolResult> Train(
        [Description("Spec id or JSON, e.g. \"pl-20261123-101500-ab12cd\".")] string spec,
        [Description("Trainer, e.g. \"lightgbm\".")] string? trainer = null,
        [Description("Values, e.g. {\"learning_rate\": 0.05}.")] JsonElement? hyperparameters = null,
        [Description("Suggestion, e.g. \"sug-20261123-101500-ab12cd-1\".")] string? suggestion_id = null,
        [Description("Experiment, e.g. \"wind\".")] string? experiment = null,
        [Description("Wait before returning a job id, 0-45; e.g. 30.")][Range(0.0, JobCalls.MaxWaitSeconds)] double? wait_seconds = null,
        IProgress<ProgressNotificationValue>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var parsed = store.Resolve(spec);
        if (!string.IsNullOrWhiteSpace(trainer))
            ModelFactory.EnsureKnown(parsed, trainer);
        var request = new TrainRequest(trainer, Flatten(hyperparameters), suggestion_id, experiment);
        var handle = jobs.Start("pipeline_train", $"Train {trainer ?? "suggested model"} on {parsed.Table}", async ctx =>
        {
            var result = await pipelines.TrainAsync(parsed, request, (f, m) => ctx.Report(f, m), ctx.CancellationToken);
            var run = await RecordAsync(parsed.Table, spec, request, result, ctx.CancellationToken);
            return RunRecording.ForJob(TrainText.Markdown(result, parsed.Metrics), result, run, TrainText.NextSteps(result), result.Charts);
        });
        return await calls.AwaitAsync(handle, progress, wait_seconds, cancellationToken);
    }

    // A training is an analysis step with artifacts: it becomes a workbench run (self-reviewed, then approved or rejected).
    private Task<RecordedRun?> RecordAsync(string table, string spec, TrainRequest request, TrainResult result, CancellationToken cancellationToken) =>
        recorder.RecordAsync(
            new RunStart("pipeline_train", "training", $"{result.Trainer} on {table}",
                JsonSerializer.SerializeToNode(new { spec, request.Trainer, request.Hyperparameters, request.SuggestionId, result.Experiment }, McpFlowJson.Options),
                [new RunInput(table, null, result.ModelId)], result.Experiment),
            folder =>
            {
                var json = Path.Combine(folder, "training.json");
                File.WriteAllText(json, JsonSerializer.Serialize(result, McpFlowJson.Indented));
                var charts = result.Charts.Where(File.Exists).Select(chart =>
                {
                    var copy = Path.Combine(folder, Path.GetFileName(chart));
                    File.Copy(chart, copy, overwrite: true);
                    return copy;
                });
                var primary = result.Mean.TryGetValue(result.PrimaryMetric, out var value) ? value : double.NaN;
                var summary = $"{result.Trainer} trained on {table}; cross-validated {result.PrimaryMetric} {primary.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} (mean over folds)" +
                    (result.BeatPreviousBest == true ? ", better than the experiment's previous best." : ".");
                return new RunOutcome([json, .. charts], result.Mean, summary,
                    "Approve the model before registering or publishing it; use pipeline_predict to score new data.", result.RunId);
            },
            cancellationToken);

    private static Dictionary<string, string>? Flatten(JsonElement? element)
    {
        if (element is not { } e || e.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            return null;
        if (e.ValueKind != JsonValueKind.Object)
            throw McpFlowException.Invalid("hyperparameters must be an object such as {\"number_of_leaves\": 31}.");
        return e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
    }
}
