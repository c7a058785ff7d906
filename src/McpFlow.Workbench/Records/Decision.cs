namespace McpFlow.Workbench.Records;

/// <summary>A human decision on a reviewed run (written snake_case: approve, approve_with_edits, reject).</summary>
public enum Decision
{
    /// <summary>Approve the run with its draft interpretation.</summary>
    Approve,
    /// <summary>Approve the run with an edited interpretation.</summary>
    ApproveWithEdits,
    /// <summary>Reject the run with feedback; it must be re-executed.</summary>
    Reject,
}
