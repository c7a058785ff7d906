using System.Text.Json.Serialization;

namespace McpFlow.Workbench.Records;

/// <summary>
/// The life cycle of a workbench run: STALE (needs execution: new, failed, or an input changed) → EXECUTED
/// (outputs recorded) → REVIEWED (self-review done) → APPROVED or REJECTED (human decision).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunState>))]
public enum RunState
{
    /// <summary>Needs (re-)execution: just begun, failed, or an input's content hash changed.</summary>
    [JsonStringEnumMemberName("STALE")] Stale,
    /// <summary>Outputs recorded, self-review pending.</summary>
    [JsonStringEnumMemberName("EXECUTED")] Executed,
    /// <summary>Self-review done; waiting for a human decision.</summary>
    [JsonStringEnumMemberName("REVIEWED")] Reviewed,
    /// <summary>A human approved the results (possibly with an edited interpretation).</summary>
    [JsonStringEnumMemberName("APPROVED")] Approved,
    /// <summary>A human rejected the results with feedback; re-execute the step to continue.</summary>
    [JsonStringEnumMemberName("REJECTED")] Rejected,
}
