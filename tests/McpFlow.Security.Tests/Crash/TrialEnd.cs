using McpFlow.Security.Tests.Ledger;

namespace McpFlow.Security.Tests.Crash;

/// <summary>What a trial found before the restart, and the jobs the restarted server must show as interrupted.</summary>
internal sealed record TrialEnd(IReadOnlyList<Finding> Findings, IReadOnlyList<string> InterruptedJobs)
{
    /// <summary>Nothing found, no job expected interrupted.</summary>
    public static TrialEnd Clean { get; } = new([], []);

    /// <summary>Nothing found yet; <paramref name="jobs"/> must be shown interrupted.</summary>
    public static TrialEnd Interrupted(params string[] jobs) => new([], jobs);

    /// <summary>A finding (or none, when null).</summary>
    public static TrialEnd Finding(Finding? finding) => finding is null ? Clean : new([finding], []);
}
