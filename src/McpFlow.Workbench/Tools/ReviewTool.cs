using System.ComponentModel;
using System.Text;
using McpFlow.Core.Mcp;
using McpFlow.Workbench.Records;
using McpFlow.Workbench.Runs;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Workbench.Tools;

/// <summary>The <c>workbench_review</c> tool.</summary>
[McpServerToolType]
public sealed class ReviewTool(RunRecorder recorder)
{
    /// <summary>Runs the self-review again.</summary>
    [McpServerTool(Name = "workbench_review", Title = "Self-review a run", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Re-runs the self-review checks of a run.")]
    public CallToolResult Review(
        [Description("Run id, e.g. \"run-20261123-101500-ab12cd\".")] string run_id,
        CancellationToken cancellationToken)
    {
        var run = recorder.Review(RunIds.Require(run_id), cancellationToken);
        var review = run.Review!;
        var text = new StringBuilder($"Run {run.RunId}: {review.Passed}/{review.Checks.Count} self-review checks passed; state {run.State.Name()}.\n");
        foreach (var c in review.Checks)
            text.AppendLine($"- {(c.Passed ? "pass" : "FAIL")} {c.Check}: {c.Details}");
        return ToolResults.Create(text.ToString().TrimEnd(), new { runId = run.RunId, state = run.State.Name(), review });
    }
}
