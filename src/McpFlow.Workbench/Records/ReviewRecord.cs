namespace McpFlow.Workbench.Records;

/// <summary><c>review.json</c>: the self-review of one attempt (schema in docs/workbench.md).</summary>
public sealed record ReviewRecord
{
    /// <summary>Version of this record's schema.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string RunId { get; init; }
    public required int Attempt { get; init; }
    public required DateTimeOffset ReviewedAt { get; init; }
    public required IReadOnlyList<CheckResult> Checks { get; init; }
    public int Passed => Checks.Count(c => c.Passed);
    public int Failed => Checks.Count(c => !c.Passed);
}
