using System.ComponentModel;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Workbench.Presentation;
using McpFlow.Workbench.Records;
using McpFlow.Workbench.Runs;
using ModelContextProtocol.Server;

namespace McpFlow.Workbench.Resources;

/// <summary>Runs, run cards and comparison tables as MCP resources.</summary>
[McpServerResourceType]
public sealed class WorkbenchResources(RunStore store, RunComparer comparer)
{
    /// <summary>URI of the run list.</summary>
    public const string RunsUri = "mcpflow://workbench/runs";

    /// <summary>All runs with state, experiment and metrics.</summary>
    [McpServerResource(UriTemplate = RunsUri, Name = "workbench_runs", Title = "Workbench runs", MimeType = "application/json")]
    [Description("Every workbench run with its state, experiment, attempt, metrics and self-review result (JSON).")]
    public string Runs()
    {
        var runs = new List<object>();
        foreach (var id in store.Ids())
        {
            try
            {
                var run = store.Load(id);
                runs.Add(new
                {
                    runId = id, title = run.Manifest.Title, state = run.State.Name(), experiment = run.Manifest.Experiment,
                    attempt = run.Manifest.Attempt, metrics = run.Manifest.Metrics, checksPassed = run.Review?.Passed, checksTotal = run.Review?.Checks.Count
                });
            }
            catch (McpFlowException ex) when (ex.Kind == ErrorKind.Conflict)
            {
                runs.Add(new { runId = id, state = "CORRUPTED", problem = ex.Message });
            }
        }

        return JsonSerializer.Serialize(new { runs }, McpFlowJson.Indented);
    }

    /// <summary>A run's card.</summary>
    [McpServerResource(UriTemplate = "mcpflow://workbench/runs/{run_id}/card", Name = "workbench_run_card", Title = "Run card", MimeType = "text/markdown")]
    [Description("The Markdown card of a run: what ran, key metrics and outputs, self-review, interpretation, recommendation.")]
    public string Card([Description("Run id, e.g. \"run-20261123-101500-ab12cd\".")] string run_id) =>
        RunCard.Render(store.Load(RunIds.Require(run_id)));

    /// <summary>An experiment's comparison table.</summary>
    [McpServerResource(UriTemplate = "mcpflow://workbench/comparisons/{experiment}", Name = "workbench_comparison", Title = "Comparison table", MimeType = "text/markdown")]
    [Description("The comparison table of an experiment or sweep (one row per run: state, self-review, key metrics), as Markdown.")]
    public string Comparison([Description("Experiment or sweep name, e.g. \"ridge-sweep\".")] string experiment) =>
        comparer.Compare(experiment).ToMarkdown();
}
