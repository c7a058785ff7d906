using McpFlow.Core.Errors;

namespace McpFlow.Workbench.Records;

/// <summary>Snake-case names of <see cref="Decision"/>.</summary>
public static class DecisionNames
{
    /// <summary>All names, in form order.</summary>
    public static readonly IReadOnlyList<string> All = ["approve", "approve_with_edits", "reject"];

    /// <summary>The snake-case name.</summary>
    public static string Name(this Decision decision) => decision switch
    {
        Decision.Approve => "approve",
        Decision.ApproveWithEdits => "approve_with_edits",
        _ => "reject",
    };

    /// <summary>The state a run moves to when the decision is taken: REJECTED for a rejection, APPROVED otherwise.</summary>
    public static RunState Outcome(this Decision decision) => decision == Decision.Reject ? RunState.Rejected : RunState.Approved;

    /// <summary>The audit entry's word for that move: "approved" or "rejected".</summary>
    public static string OutcomeWord(this Decision decision) => decision == Decision.Reject ? "rejected" : "approved";

    /// <summary>Parses a decision name, or throws an actionable error.</summary>
    public static Decision Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "approve" or "approved" => Decision.Approve,
        "approve_with_edits" or "approve with edits" => Decision.ApproveWithEdits,
        "reject" or "rejected" => Decision.Reject,
        _ => throw McpFlowException.Invalid($"Unknown decision '{text}'.", "Use one of: approve, approve_with_edits, reject."),
    };
}
