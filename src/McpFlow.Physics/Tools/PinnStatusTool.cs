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
    [Description("Shows the solver health of a PINN run, live or finished: step, loss and its components (residual, boundary, initial) with " +
                 "their weights, gradient norm, learning rate, ms per step, plateau detection with advice, the predicted steps and seconds to " +
                 "a target loss, and a loss chart image (saved as loss.png in the run folder).")]
    public CallToolResult Status(
        [Description("PINN run id (pinn-yyyyMMdd-HHmmss-xxxx) or the id of the job that trained it (job-…), as pinn_train or pinn_list_runs return them; never a path, e.g. \"pinn-20261123-103000-ab12\".")] string run_id,
        [Description("Target loss for the ETA. Default: the run's target_loss if set; e.g. 0.01.")] double? target_loss = null,
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
