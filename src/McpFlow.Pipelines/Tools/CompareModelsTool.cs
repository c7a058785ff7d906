using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
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
public sealed class CompareModelsTool(ModelComparer comparer, PipelineStore store, JobManager jobs, JobCalls calls)
{
    /// <summary>Compares models as a background job.</summary>
    [McpServerTool(Name = "pipeline_compare_models", Title = "Compare models (leaderboard)", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Cross-validates the ML.NET trainers that fit the pipeline's task, plus OLS for regression and forecasting (stratified " +
                 "k-fold, or expanding-window folds for time series), always with a dummy baseline (majority class, mean, naive and " +
                 "seasonal-naive), and returns a leaderboard with the task's standard metrics (classification: accuracy, AUC, recall, " +
                 "precision, F1, kappa, MCC; regression: MAE, MSE, RMSE, R², RMSLE, MAPE; forecasting: MASE, RMSSE, MAE, RMSE, MAPE, sMAPE; " +
                 "clustering: silhouette per k; anomaly: randomized PCA, and with a time column spike and change-point detectors). " +
                 "Each model is logged as a run. Runs as a background job with progress; if it outlasts the wait, follow it with job_status.")]
    public async Task<CallToolResult> Compare(
        [Description("Pipeline spec id from generate_pipeline (e.g. \"pl-20261123-101500-ab12cd\") or the spec JSON itself.")] string spec,
        [Description("Trainers to compare (default: the spec's candidates), e.g. [\"fast_tree\", \"lightgbm\"]. Baselines are always added.")] string[]? trainers = null,
        [Description("Tracking experiment for the runs. Default \"pipelines-<table>\"; e.g. \"wind-forecast\".")] string? experiment = null,
        [Description("Seconds to wait for the result before returning the job id, 0-45. Default: the server's setting; e.g. 30.")][Range(0.0, JobCalls.MaxWaitSeconds)] double? wait_seconds = null,
        IProgress<ProgressNotificationValue>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var parsed = store.Resolve(spec);
        foreach (var t in trainers ?? [])
            ModelFactory.EnsureKnown(parsed, t, "trainers");
        var name = string.IsNullOrWhiteSpace(experiment) ? $"pipelines-{parsed.Table}" : experiment;
        var handle = jobs.Start("pipeline_compare_models", $"Compare models on {parsed.Table}", async ctx =>
        {
            var result = await comparer.CompareAsync(parsed, trainers, name, (f, m) => ctx.Report(f, m), ctx.CancellationToken);
            return new JobResult(LeaderboardText.Markdown(result, parsed.Metrics), JsonSerializer.SerializeToNode(result, McpFlowJson.Options))
            {
                NextSteps = LeaderboardText.NextSteps(result),
            };
        });
        return await calls.AwaitAsync(handle, progress, wait_seconds, cancellationToken);
    }
}
