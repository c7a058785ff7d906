using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using McpFlow.Core.Tracking;
using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Storage;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Pipelines.Tools;

/// <summary>pipeline_compare_models.</summary>
[McpServerToolType]
[UsesTrackingServer]
public sealed class CompareModelsTool(ModelComparisonJob comparison, PipelineStore store, JobManager jobs, JobCalls calls)
{
    /// <summary>Compares models as a background job.</summary>
    [McpServerTool(Name = "pipeline_compare_models", Title = "Compare models", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Cross-validates the task's trainers against baselines into a leaderboard; may return a job id (job_status).")]
    public async Task<CallToolResult> Compare(
        [Description("Spec id or JSON, e.g. \"pl-20261123-101500-ab12cd\".")] string spec,
        [Description("Trainers, e.g. [\"lightgbm\"].")] string[]? trainers = null,
        [Description("Experiment, e.g. \"wind\".")] string? experiment = null,
        [Description("Seconds to wait, e.g. 30.")][Range(0.0, JobCalls.MaxWaitSeconds)] double? wait_seconds = null,
        IProgress<ProgressNotificationValue>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var parsed = store.Resolve(spec);
        foreach (var t in trainers ?? [])
            ModelFactory.EnsureKnown(parsed, t, "trainers");
        var name = string.IsNullOrWhiteSpace(experiment) ? $"pipelines-{parsed.Table}" : experiment;
        // In team mode a worker serving the 'pipelines' queue runs it, rebuilt from these parameters (ModelComparisonJob).
        var handle = jobs.StartDistributable(ModelComparisonJob.Kind, $"Compare models on {parsed.Table}", comparison.Parameters(parsed, trainers, name),
            ctx => comparison.RunAsync(parsed, trainers, name, ctx));
        return await calls.AwaitAsync(handle, progress, wait_seconds, cancellationToken);
    }
}
