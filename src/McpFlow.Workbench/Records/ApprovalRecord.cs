namespace McpFlow.Workbench.Records;

/// <summary><c>approval.json</c>: the human decision on the latest attempt, and all earlier ones (schema in docs/workbench.md).</summary>
public sealed record ApprovalRecord
{
    /// <summary>Version of this record's schema.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string RunId { get; init; }
    public required int Attempt { get; init; }
    public required Decision Decision { get; init; }
    /// <summary>The approved interpretation (the draft summary, or the edited text); null when rejected.</summary>
    public string? Interpretation { get; init; }
    public string? Feedback { get; init; }
    public required string Reviewer { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
    /// <summary>How the decision was taken: <c>elicitation</c> (form shown by the client) or <c>tool</c> (workbench_decide).</summary>
    public required string Channel { get; init; }
    /// <summary>Self-review checks that had failed when the run was approved anyway.</summary>
    public IReadOnlyList<string> FailedChecksAtDecision { get; init; } = [];
    /// <summary>Earlier decisions on this run (older attempts), oldest first.</summary>
    public IReadOnlyList<ApprovalRecord> Earlier { get; init; } = [];
}
