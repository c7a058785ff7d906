using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Core.Ids;
using McpFlow.Core.Mcp;
using McpFlow.Core.Runs;
using McpFlow.Workbench.Records;
using McpFlow.Workbench.Runs;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Workbench.Tools;

/// <summary>The <c>workbench_record_run</c> tool.</summary>
[McpServerToolType]
public sealed class RecordRunTool(RunRecorder recorder, RunStore store, FileAccessGuard guard)
{
    /// <summary>Most output files per run.</summary>
    public const int MaxOutputFiles = 50;

    /// <summary>Records an external step's results as a workbench run and self-reviews it.</summary>
    [McpServerTool(Name = "workbench_record_run", Title = "Record a run",
        ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Records work done elsewhere as a reviewed workbench run.")]
    public async Task<CallToolResult> Record(
        [Description("Title, e.g. \"Ridge\".")] string title,
        [Description("Outputs, e.g. [\"out.csv\"].")] string[] output_files,
        [Description("Draft summary, e.g. \"RMSE 1.2.\"")] string summary,
        [Description("Metrics, e.g. {\"rmse\": 1.2}.")] Dictionary<string, double>? metrics = null,
        [Description("Next step, e.g. \"Try alpha=0.1\".")] string? recommendation = null,
        [Description("Inputs, e.g. [\"train.csv\"].")] string[]? input_files = null,
        [Description("Experiment, e.g. \"ridge\".")] string? experiment = null,
        [Description("Kind, e.g. \"training\".")]
        [AllowedValues("profile", "transformation", "training", "evaluation", "report", "external")] string kind = "external",
        [Description("Parameters, e.g. {\"alpha\": 1}.")] Dictionary<string, JsonElement>? parameters = null,
        [Description("Run to redo, e.g. \"run-20261123-101500-ab12cd\".")] string? rerun_of = null,
        [Description("MLflow run it made, e.g. \"6f1a2b3c4d5e\".")] string? mlflow_run_id = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(title))
            throw McpFlowException.Invalid("title is empty; give a short title such as \"Ridge regression, alpha=1\".");
        if (output_files.Length > MaxOutputFiles)
            throw McpFlowException.Invalid($"At most {MaxOutputFiles} output files per run; got {output_files.Length}.");
        if (mlflow_run_id is not null)
            WorkspaceIds.Require(IdKind.MlflowRun, mlflow_run_id, "mlflow_run_id");
        var outputs = output_files.Select(f => guard.ResolveExistingFile(f, "output_files")).ToList();
        if (outputs.Select(Path.GetFileName).Distinct(StringComparer.Ordinal).Count() != outputs.Count)
            throw McpFlowException.Invalid("Two output files have the same file name; they would overwrite each other in the run folder.");
        var inputs = (input_files ?? []).Select(f => guard.ResolveExistingFile(f, "input_files")).Select(p => new RunInput(Path.GetFileName(p), p)).ToList();
        var parameterNode = parameters is null ? null : JsonSerializer.SerializeToNode(parameters, McpFlowJson.Options);
        var start = new RunStart("workbench_record_run", kind, title.Trim(), parameterNode, inputs, experiment);
        var scope = rerun_of is null ? recorder.Begin(start) : recorder.BeginRerun(RunIds.Require(rerun_of, "rerun_of"), start);
        RecordedRun recorded;
        try
        {
            var copies = new List<string>();
            foreach (var source in outputs)
            {
                var target = Path.Combine(scope.Folder, Path.GetFileName(source));
                File.Copy(source, target, overwrite: true);
                copies.Add(target);
            }

            recorded = await recorder.CompleteAsync(scope, new RunOutcome(copies, metrics ?? [], summary, recommendation, mlflow_run_id), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            await recorder.FailAsync(scope, ErrorReport.ForClient(ex, "workbench_record_run"), CancellationToken.None);
            throw;
        }

        var run = store.Load(recorded.RunId);
        var text = $"Recorded run {run.RunId} (attempt {run.Manifest.Attempt}): {run.State.Name()}, self-review {recorded.ChecksPassed}/{run.Review?.Checks.Count} checks passed." +
                   (recorded.ChecksFailed.Count > 0 ? "\nFailed checks:\n- " + string.Join("\n- ", recorded.ChecksFailed) : "");
        IReadOnlyList<string> next = [$"Next: present it with workbench_run_card run_id=\"{run.RunId}\", then ask for a decision (workbench_request_approval)."];
        return ToolResults.Create(text, RunViews.Summary(run), next);
    }
}
