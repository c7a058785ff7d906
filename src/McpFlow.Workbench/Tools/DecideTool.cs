using System.ComponentModel;
using McpFlow.Workbench.Approval;
using McpFlow.Workbench.Records;
using McpFlow.Workbench.Runs;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Workbench.Tools;

/// <summary>The <c>workbench_decide</c> tool.</summary>
[McpServerToolType]
public sealed class DecideTool(RunDecisions decisions, WorkbenchOptions options)
{
    /// <summary>Records the user's decision.</summary>
    [McpServerTool(Name = "workbench_decide", Title = "Record a decision", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Records the decision the user stated on a reviewed run; never decide yourself.")]
    public CallToolResult Decide(
        [Description("Run id, e.g. \"run-20261123-101500-ab12cd\".")] string run_id,
        [Description("Decision, e.g. \"reject\".")] string decision,
        [Description("Edited text, e.g. \"RMSE 1.2.\"")] string? interpretation = null,
        [Description("Why rejected, e.g. \"Use a time split.\"")] string? feedback = null,
        [Description("Who, e.g. \"ana\".")] string? reviewer = null,
        CancellationToken cancellationToken = default)
    {
        // The decision is one atomic record write: stop before it, never half-way.
        cancellationToken.ThrowIfCancellationRequested();
        var run = decisions.Decide(RunIds.Require(run_id), DecisionNames.Parse(decision), interpretation, feedback, reviewer ?? options.DefaultReviewer, "tool");
        return DecisionResult.Create(run, "tool");
    }
}
