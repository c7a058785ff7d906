using System.ComponentModel;
using System.Text.Json;
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
public sealed class TunePipelineTool(HyperparameterTuner tuner, TuningJob tuning, PipelineStore store, JobManager jobs, JobCalls calls)
{
    private const string TunePrefix = "tune-";

    // The tool's tunings are seeded 0 (the same spec and space give the same rounds); the domain API takes any seed
    // (the benchmark runs several), and more rounds come from resuming.
    private const int DefaultSeed = 0;

    /// <summary>Tunes a trainer's hyperparameters as a background job.</summary>
    [McpServerTool(Name = "pipeline_tune", Title = "Tune hyperparameters", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Bayesian-tunes a trainer on the spec's folds, a run per round, as a resumable job.")]
    public async Task<CallToolResult> Tune(
        [Description("Spec or tune id, e.g. \"pl-20261123-101500-ab12cd\".")] string spec,
        [Description("Trainer, e.g. \"lightgbm\".")] string? trainer = null,
        [Description("Rounds, 1-200; e.g. 20.")] int? rounds = null,
        [Description("Seconds, 1-86400; e.g. 600.")] double? max_seconds = null,
        [Description("Ranges, e.g. {\"lr\": [0.01, 0.3]}.")] JsonElement? space = null,
        IProgress<ProgressNotificationValue>? progress = null,
        CancellationToken cancellationToken = default)
    {
        // A tune id continues that tuning with its saved spec, trainer, space and seed; anything else is a spec. The
        // ranges of rounds and max_seconds are checked by the tuner (declared ones would cost tools/list ~20 tokens).
        HyperparameterTuner.CheckBudget(max_seconds);
        var state = spec.Trim().StartsWith(TunePrefix, StringComparison.Ordinal)
            ? tuner.Resume(spec.Trim(), rounds)
            : tuner.Start(store.Resolve(spec), trainer, space, rounds ?? TuneLimits.DefaultRounds, DefaultSeed, null);
        // In team mode a worker serving the 'pipelines' queue runs it, rebuilt from these parameters (TuningJob).
        var handle = jobs.StartDistributable(TuningJob.Kind, $"Tune {state.Trainer} ({state.TuneId})", tuning.Parameters(state, max_seconds),
            ctx => tuning.RunAsync(state, max_seconds, ctx));
        // Tuning outlasts any wait: the call waits the server's job wait (--job-wait), then answers with the job id.
        return await calls.AwaitAsync(handle, progress, null, cancellationToken);
    }
}
