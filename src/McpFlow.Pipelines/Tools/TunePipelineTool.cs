using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Errors;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using McpFlow.Core.Tracking;
using McpFlow.Pipelines.Storage;
using McpFlow.Pipelines.Tuning;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Pipelines.Tools;

/// <summary>pipeline_tune.</summary>
[McpServerToolType]
[UsesTrackingServer]
public sealed class TunePipelineTool(HyperparameterTuner tuner, PipelineStore store, JobManager jobs, JobCalls calls)
{
    /// <summary>Tunes a trainer's hyperparameters as a background job.</summary>
    [McpServerTool(Name = "pipeline_tune", Title = "Tune hyperparameters", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Bayesian-tunes a trainer on the spec's folds, logging each round; resumable; may return a job id (job_status).")]
    public async Task<CallToolResult> Tune(
        [Description("Spec id or JSON, e.g. \"pl-20261123-101500-ab12cd\".")] string? spec = null,
        [Description("Trainer, e.g. \"lightgbm\".")] string? trainer = null,
        [Description("Rounds, e.g. 20.")][Range(1, TuneLimits.MaxRounds)] int? rounds = null,
        [Description("Time budget, e.g. 600.")][Range(1.0, TuneLimits.MaxSeconds)] double? max_seconds = null,
        [Description("Ranges, e.g. {\"learning_rate\": [0.01, 0.3]}.")] JsonElement? space = null,
        [Description("Seed, e.g. 1.")][Range(0, 1_000_000)] int seed = 0,
        [Description("Experiment, e.g. \"wind\".")] string? experiment = null,
        [Description("Tune id to continue, e.g. \"tune-20261203-101500-ab12cd\".")] string? resume = null,
        [Description("Seconds to wait, e.g. 30.")][Range(0.0, JobCalls.MaxWaitSeconds)] double? wait_seconds = null,
        IProgress<ProgressNotificationValue>? progress = null,
        CancellationToken cancellationToken = default)
    {
        TuneState state;
        if (!string.IsNullOrWhiteSpace(resume))
            state = tuner.Resume(resume, rounds);
        else if (string.IsNullOrWhiteSpace(spec))
            throw McpFlowException.Invalid("Give spec (a pipeline spec id) to start a tuning, or resume (a tune id) to continue one.",
                "Call generate_pipeline first; it returns the spec_id.");
        else
            state = tuner.Start(store.Resolve(spec), trainer, space, rounds ?? TuneLimits.DefaultRounds, seed, experiment);
        var handle = jobs.Start("pipeline_tune", $"Tune {state.Trainer} ({state.TuneId})", async ctx =>
        {
            var result = await tuner.RunAsync(state, max_seconds, (f, m, metrics) => ctx.Report(f, m, metrics), ctx.CancellationToken);
            return new JobResult(TuneText.Markdown(result), JsonSerializer.SerializeToNode(result, McpFlowJson.Options), result.Chart is { } c ? [c] : null)
            {
                NextSteps = TuneText.NextSteps(result),
            };
        }, new JsonObject { ["tune_id"] = state.TuneId, ["trainer"] = state.Trainer, ["rounds"] = state.Rounds });
        return await calls.AwaitAsync(handle, progress, wait_seconds, cancellationToken);
    }
}
