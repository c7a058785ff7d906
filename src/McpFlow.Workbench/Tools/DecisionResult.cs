using McpFlow.Core.Mcp;
using McpFlow.Workbench.Records;
using McpFlow.Workbench.Runs;
using ModelContextProtocol.Protocol;

namespace McpFlow.Workbench.Tools;

/// <summary>The tool result after a decision.</summary>
internal static class DecisionResult
{
    public static CallToolResult Create(RunSnapshot run, string channel)
    {
        var d = run.CurrentDecision!;
        var text = d.Decision == Decision.Reject
            ? $"Run {run.RunId} REJECTED by {d.Reviewer}. Feedback: {d.Feedback}"
            : $"Run {run.RunId} APPROVED ({d.Decision.Name()}) by {d.Reviewer}.\nApproved interpretation: {d.Interpretation}" +
              (d.FailedChecksAtDecision.Count > 0 ? $"\nNote: approved although these checks failed: {string.Join(", ", d.FailedChecksAtDecision)}." : "");
        IReadOnlyList<string> next = d.Decision == Decision.Reject
            ? [$"Next: re-execute the step with the feedback and record it with workbench_record_run rerun_of=\"{run.RunId}\"."]
            : [];
        return ToolResults.Create(text, new { runId = run.RunId, state = run.State.Name(), decision = d.Decision.Name(), channel, approval = d }, next);
    }
}
