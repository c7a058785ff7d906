using System.ComponentModel;
using System.Text;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Physics.Training;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Physics.Tools;

/// <summary><c>pinn_list_runs</c>.</summary>
[McpServerToolType]
public sealed class PinnRunsTool(PinnRunStore store)
{
    /// <summary>Lists and compares runs.</summary>
    [McpServerTool(Name = "pinn_list_runs", Title = "List PINN runs", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Lists PINN runs side by side to compare settings.")]
    public CallToolResult List(
        [Description("Problem kind, e.g. \"poisson\".")] string? problem = null,
        [Description("Max runs, 1-200; e.g. 50.")] int limit = 20,
        CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > 200)
            throw McpFlowException.Invalid($"limit must be between 1 and 200; got {limit}.");
        var runs = store.List(cancellationToken)
            .Where(r => problem is null || string.Equals(r.Spec.Preset ?? "custom", problem, StringComparison.OrdinalIgnoreCase))
            .Take(limit)
            .Select(r =>
            {
                cancellationToken.ThrowIfCancellationRequested(); // reads each run's history
                var last = r.History().LastOrDefault();
                return new PinnRunRow(r.Id, r.Spec.Preset ?? "custom", r.State, $"{r.Options.Depth}x{r.Options.Width} {r.Options.Activation}",
                    last?.Step + 1, last?.Loss, r.Final.TryGetValue("relative_l2_vs_exact", out var l2) ? l2 : null, last?.Seconds, r.StartedAt, r.JobId, r.Folder);
            }).ToList();
        var text = new StringBuilder(runs.Count == 0 ? "No PINN runs yet." : $"{runs.Count} run(s):\n| run | problem | state | network | steps | loss | rel. L2 | s |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var r in runs)
            text.AppendLine($"| {r.RunId} | {r.Problem} | {r.State} | {r.Network} | {r.Steps} | {r.Loss:G3} | {r.RelativeL2:G3} | {r.Seconds:F1} |");
        IReadOnlyList<string> next = runs.Count == 0 ? ["Start one with pinn_train."] : [];
        return ToolResults.Create(text.ToString().TrimEnd(), new PinnRunList(runs), next);
    }
}
