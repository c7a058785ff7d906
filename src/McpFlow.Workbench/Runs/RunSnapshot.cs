using McpFlow.Workbench.Records;

namespace McpFlow.Workbench.Runs;

/// <summary>A run's records as read (after the integrity and staleness checks).</summary>
/// <param name="Folder">The run folder.</param>
/// <param name="Manifest">manifest.json.</param>
/// <param name="Review">review.json of the current attempt, if reviewed.</param>
/// <param name="Approval">approval.json, if any decision was taken (possibly on an earlier attempt).</param>
public sealed record RunSnapshot(string Folder, RunManifest Manifest, ReviewRecord? Review, ApprovalRecord? Approval)
{
    /// <summary>Run id.</summary>
    public string RunId => Manifest.RunId;

    /// <summary>Current state.</summary>
    public RunState State => Manifest.State;

    /// <summary>Full path of an output.</summary>
    public string OutputPath(OutputRecord output) => Path.IsPathRooted(output.Path) ? output.Path : Path.Combine(Folder, output.Path);

    /// <summary>The decision on the current attempt, if any.</summary>
    public ApprovalRecord? CurrentDecision => Approval is { } a && a.Attempt == Manifest.Attempt ? a : null;

    /// <summary>The interpretation to present: the approved one when approved, otherwise the draft summary.</summary>
    public string? Interpretation => State == RunState.Approved && CurrentDecision?.Interpretation is { } text ? text : Manifest.Summary;
}
