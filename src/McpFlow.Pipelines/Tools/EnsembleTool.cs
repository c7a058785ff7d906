using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using McpFlow.Core.Runs;
using McpFlow.Pipelines.Ensembles;
using McpFlow.Pipelines.Storage;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Pipelines.Tools;

/// <summary>pipeline_ensemble.</summary>
[McpServerToolType]
public sealed class EnsembleTool(EnsembleEvaluator evaluator, PipelineStore store, JobManager jobs, JobCalls calls, IRunRecorder recorder)
{
    /// <summary>Blends and stacks the top models of a comparison as a background job.</summary>
    [McpServerTool(Name = "pipeline_ensemble", Title = "Ensemble top models", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Blends and stacks a comparison's top models on its folds against the best one; may return a job id (job_status).")]
    public async Task<CallToolResult> Ensemble(
        [Description("Comparison job id, e.g. \"job-20261123-101500-ab12cd\".")] string comparison,
        [Description("Models to combine, e.g. 3.")][Range(2, EnsembleEvaluator.MaxTop)] int top_k = 3,
        [Description("Seconds to wait, e.g. 30.")][Range(0.0, JobCalls.MaxWaitSeconds)] double? wait_seconds = null,
        IProgress<ProgressNotificationValue>? progress = null,
        CancellationToken cancellationToken = default)
    {
        // Checked before the job starts, so a wrong id or k is refused at once.
        var source = ComparisonSource.Load(jobs, comparison, "comparison");
        source.Top(top_k, "top_k");
        var handle = jobs.Start("pipeline_ensemble", $"Ensembles of comparison {comparison}", async ctx =>
        {
            var result = evaluator.Evaluate(source, top_k, (f, m) => ctx.Report(f, m), ctx.CancellationToken);
            var folder = Path.Combine(store.Root, "ensembles", source.JobId);
            Directory.CreateDirectory(folder);
            result = result with { Chart = EnsembleChart.Render(result, folder).Path };
            var run = await RecordAsync(source, result, ctx.CancellationToken);
            return RunRecording.ForJob(EnsembleText.Markdown(result), result, run, EnsembleText.NextSteps(result), result.Chart is null ? [] : [result.Chart]);
        }, JsonSerializer.SerializeToNode(new { comparison, top_k }, McpFlowJson.Options));
        return await calls.AwaitAsync(handle, progress, wait_seconds, cancellationToken);
    }

    // An ensemble evaluation is an analysis step: its result and chart go into a workbench run.
    private Task<RecordedRun?> RecordAsync(ComparisonSource source, EnsembleResult result, CancellationToken cancellationToken) =>
        recorder.RecordAsync(
            new RunStart("pipeline_ensemble", "evaluation", $"Ensembles of {string.Join(", ", result.Members)} on {source.Spec.Table}",
                JsonSerializer.SerializeToNode(new { comparison = source.JobId, top_k = result.Members.Count }, McpFlowJson.Options),
                [new RunInput(source.Spec.Table, null, null)], source.Result.Experiment),
            folder =>
            {
                var json = Path.Combine(folder, "ensembles.json");
                File.WriteAllText(json, JsonSerializer.Serialize(result, McpFlowJson.Indented));
                var files = new List<string> { json };
                if (result.Chart is { } chart && File.Exists(chart))
                {
                    files.Add(Path.Combine(folder, Path.GetFileName(chart)));
                    File.Copy(chart, files[^1], overwrite: true);
                }

                var metrics = result.Results.ToDictionary(r => $"{result.PrimaryMetric}_{r.Name}", r => r.Mean);
                var summary = result.Best is null
                    ? $"No ensemble of {string.Join(", ", result.Members)} beats {result.BestSingle} on mean {result.PrimaryMetric}."
                    : $"{result.Best} beats {result.BestSingle} on mean {result.PrimaryMetric}.";
                return new RunOutcome(files, metrics, summary, EnsembleText.NextSteps(result)[0]);
            },
            cancellationToken);
}
