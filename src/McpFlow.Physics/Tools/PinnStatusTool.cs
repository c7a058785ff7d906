using System.ComponentModel;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Physics.Training;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Physics.Tools;

/// <summary><c>pinn_status</c>.</summary>
[McpServerToolType]
public sealed class PinnStatusTool(PinnRunStore store)
{
    /// <summary>Solver health of a run.</summary>
    [McpServerTool(Name = "pinn_status", Title = "PINN solver health", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Shows a PINN run's losses, plateau advice and ETA, with a loss chart.")]
    public CallToolResult Status(
        [Description("PINN run or job id, e.g. \"pinn-20261123-103000-ab12\".")] string run_id,
        [Description("Target loss, e.g. 0.01.")] double? target_loss = null,
        CancellationToken cancellationToken = default)
    {
        if (target_loss is { } t && !(t > 0))
            throw McpFlowException.Invalid($"target_loss must be positive; got {t}.");
        var run = store.Get(run_id);
        cancellationToken.ThrowIfCancellationRequested();
        var health = HealthReport.Build(run, target_loss ?? run.Options.TargetLoss);
        cancellationToken.ThrowIfCancellationRequested();
        var chart = LossChart.Render(run, target_loss ?? run.Options.TargetLoss);
        return ToolResults.Create(HealthReport.ToText(health), new { health, chart = chart.Path }, [ToolResults.Png(chart.Png)]);
    }
}
