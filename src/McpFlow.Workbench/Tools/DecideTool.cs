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
    [McpServerTool(Name = "workbench_decide", Title = "Record the user's decision on a run", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Records the user's decision on a REVIEWED run: approve (keep the draft interpretation), approve_with_edits (with the " +
                 "user's edited interpretation) or reject (with feedback for the re-execution). Use it when the client cannot show " +
                 "forms (no elicitation), and only with the decision the user actually stated — never decide on the user's behalf.")]
    public CallToolResult Decide(
        [Description("Run id, e.g. \"run-20261123-101500-ab12cd\".")] string run_id,
        [Description("approve, approve_with_edits or reject, e.g. \"reject\".")] string decision,
        [Description("The edited interpretation (required for approve_with_edits), e.g. \"RMSE 1.23; the model underestimates peaks.\" Default: none.")] string? interpretation = null,
        [Description("Feedback (required for reject), e.g. \"Use a temporal split.\" Default: none.")] string? feedback = null,
        [Description("Who decided, e.g. \"ana\". Default: the configured reviewer (\"user\").")] string? reviewer = null,
        CancellationToken cancellationToken = default)
    {
        // The decision is one atomic record write: stop before it, never half-way.
        cancellationToken.ThrowIfCancellationRequested();
        var run = decisions.Decide(RunIds.Require(run_id), DecisionNames.Parse(decision), interpretation, feedback, reviewer ?? options.DefaultReviewer, "tool");
        return DecisionResult.Create(run, "tool");
    }
}
