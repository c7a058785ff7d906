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
    [McpServerTool(Name = "evaluate_pipeline_steps", Title = "Evaluate pipeline steps", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Evaluates a pipeline step by step with ablations; returns a job id if longer than wait_seconds.")]
    public async Task<CallToolResult> Evaluate(
        [Description("Spec id or JSON, e.g. \"pl-20261123-101500-ab12cd\".")] string spec,
        [Description("Trainer, e.g. \"lightgbm\".")] string? trainer = null,
        [Description("Experiment, e.g. \"wind\".")] string? experiment = null,
        [Description("Wait before returning a job id, 0-45; e.g. 30.")][Range(0.0, JobCalls.MaxWaitSeconds)] double? wait_seconds = null,
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
            return new JobResult(StepEvaluationText.Markdown(result, parsed.Metrics), JsonSerializer.SerializeToNode(result, McpFlowJson.Options))
            {
                NextSteps = StepEvaluationText.NextSteps(result),
            };
        });
        return await calls.AwaitAsync(handle, progress, wait_seconds, cancellationToken);
    }
}
