using System.Text.Json.Nodes;

namespace McpFlow.Workbench.Records;

/// <summary>
/// <c>manifest.json</c>: what ran, with what, what it produced, and the run's state. Schema documented in
/// docs/workbench.md; <see cref="SchemaVersion"/> changes when a field changes meaning.
/// </summary>
public sealed record RunManifest
{
    /// <summary>Version of this record's schema.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string RunId { get; init; }
    public required string Tool { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public string? Experiment { get; init; }
    /// <summary>Tool arguments with secrets replaced by <c>[redacted]</c>.</summary>
    public JsonNode? Parameters { get; init; }
    public IReadOnlyList<InputRecord> Inputs { get; init; } = [];
    public IReadOnlyList<OutputRecord> Outputs { get; init; } = [];
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
    /// <summary>The draft interpretation.</summary>
    public string? Summary { get; init; }
    public string? Recommendation { get; init; }
    public string? TrackingRunId { get; init; }
    /// <summary>1 for the first execution, +1 for each re-execution.</summary>
    public int Attempt { get; init; } = 1;
    /// <summary>Feedback of the rejection this attempt answers, if any.</summary>
    public string? AddressesFeedback { get; init; }
    /// <summary>Who recorded (or re-executed) the run: the HTTP user, or <c>local</c>; absent in runs recorded
    /// before users existed. An approver may not decide on their own run unless allowed (docs/deployment.md).</summary>
    public string? RecordedBy { get; init; }
    public required RunState State { get; init; }
    public IReadOnlyList<StateChange> History { get; init; } = [];
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public double? DurationSeconds { get; init; }
    /// <summary>Error of a failed execution (the run stays STALE).</summary>
    public string? Error { get; init; }
    public required VersionInfo Versions { get; init; }
}
