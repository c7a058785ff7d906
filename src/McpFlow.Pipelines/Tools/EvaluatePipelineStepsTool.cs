using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using McpFlow.Core.Tracking;
using McpFlow.Pipelines.Evaluation;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Storage;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Pipelines.Tools;

/// <summary>evaluate_pipeline_steps.</summary>
[McpServerToolType]
[UsesTrackingServer]
public sealed class EvaluatePipelineStepsTool(StepEvaluator evaluator, PipelineStore store, JobManager jobs, JobCalls calls)
{
    /// <summary>Evaluates each step of a spec as a background job.</summary>
    [McpServerTool(Name = "evaluate_pipeline_steps", Title = "Evaluate a pipeline step by step", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Runs a pipeline spec step by step and reports, per step, rows in/out, features added, nulls left and time; " +
                 "cross-validates one trainer with metrics per fold (mean ± std); and ablates every optional step (date parts, rolling " +
                 "windows, Fourier terms, imputation, scaling) to show what each adds, judged against the spread over folds. Logs a run with params, metrics and the spec and " +
                 "step report as artifacts. Runs as a background job with progress; follow it with job_status if it outlasts the wait.")]
    public async Task<CallToolResult> Evaluate(
        [Description("Pipeline spec id from generate_pipeline (e.g. \"pl-20261123-101500-ab12cd\") or the spec JSON itself (steps may be disabled by setting enabled=false).")] string spec,
        [Description("Trainer to evaluate with. Default: the chosen model (the best trainer pipeline_compare_models or pipeline_train recorded in the experiment), else fast_tree (lightgbm for multiclass, kmeans for clustering, randomized_pca for anomalies); e.g. \"lightgbm\".")] string? trainer = null,
        [Description("Tracking experiment for the run. Default \"pipelines-<table>\"; e.g. \"wind-forecast\".")] string? experiment = null,
        [Description("Seconds to wait for the result before returning the job id, 0-45. Default: the server's setting; e.g. 30.")][Range(0.0, JobCalls.MaxWaitSeconds)] double? wait_seconds = null,
        IProgress<ProgressNotificationValue>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var parsed = store.Resolve(spec);
        if (!string.IsNullOrWhiteSpace(trainer))
            ModelFactory.EnsureKnown(parsed, trainer);
        var name = string.IsNullOrWhiteSpace(experiment) ? $"pipelines-{parsed.Table}" : experiment;
        var handle = jobs.Start("evaluate_pipeline_steps", $"Evaluate pipeline steps on {parsed.Table}", async ctx =>
        {
            var result = await evaluator.EvaluateAsync(parsed, trainer, name, ctx.Folder, (f, m) => ctx.Report(f, m), ctx.CancellationToken);
            return new JobResult(StepEvaluationText.Markdown(result, parsed.Metrics), JsonSerializer.SerializeToNode(result, McpFlowJson.Options));
        });
        return await calls.AwaitAsync(handle, progress, wait_seconds, cancellationToken);
    }
}
