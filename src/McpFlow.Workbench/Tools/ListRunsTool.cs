using System.ComponentModel;
using System.Text;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Workbench.Records;
using McpFlow.Workbench.Runs;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Workbench.Tools;

/// <summary>The <c>workbench_list_runs</c> tool.</summary>
[McpServerToolType]
public sealed class ListRunsTool(RunStore store)
{
    /// <summary>Lists runs.</summary>
    [McpServerTool(Name = "workbench_list_runs", Title = "List workbench runs", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Lists workbench runs with state and review result.")]
    public CallToolResult List(
        [Description("Experiment, e.g. \"ridge\".")] string? experiment = null,
        [Description("State, e.g. \"REVIEWED\".")] string? state = null,
        [Description("Max runs, 1-500; e.g. 20.")] int limit = 50,
        CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > 500)
            throw McpFlowException.Invalid($"limit must be between 1 and 500; got {limit}.");
        RunState? wanted = string.IsNullOrWhiteSpace(state) ? null : RunStateNames.Parse(state);
        var rows = new List<object>();
        var text = new StringBuilder();
        foreach (var read in store.LoadEach(store.Ids(), cancellationToken))
        {
            if (rows.Count >= limit)
                break;
            var id = read.RunId;
            if (read.Run is { } run)
            {
                if ((experiment is not null && !string.Equals(run.Manifest.Experiment, experiment, StringComparison.OrdinalIgnoreCase)) || (wanted is { } w && run.State != w))
                    continue;
                rows.Add(RunViews.Summary(run));
                text.AppendLine($"- {id} [{run.State.Name()}] {run.Manifest.Title}" + (run.Manifest.Experiment is null ? "" : $" ({run.Manifest.Experiment})") +
                                (run.Review is { } r ? $" — checks {r.Passed}/{r.Checks.Count}" : ""));
            }
            else if (wanted is null && experiment is null)
            {
                rows.Add(new { runId = id, state = "CORRUPTED", problem = read.Problem!.Message });
                text.AppendLine($"- {id} [CORRUPTED] {read.Problem.Message}");
            }
        }

        var header = rows.Count == 0 ? "No workbench runs match." : $"{rows.Count} run(s):\n";
        return ToolResults.Create((header + text).TrimEnd(), new { runs = rows });
    }
}
