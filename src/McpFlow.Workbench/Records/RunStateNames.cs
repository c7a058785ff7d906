namespace McpFlow.Workbench.Records;

/// <summary>Upper-case names of <see cref="RunState"/> as they appear in records and tool results.</summary>
public static class RunStateNames
{
    /// <summary>The upper-case name, e.g. <c>APPROVED</c>.</summary>
    public static string Name(this RunState state) => state.ToString().ToUpperInvariant();

    /// <summary>Parses a state name case-insensitively, or throws an actionable error.</summary>
    public static RunState Parse(string text) =>
        Enum.TryParse<RunState>(text.Trim(), ignoreCase: true, out var state) && Enum.IsDefined(state)
            ? state
            : throw Core.Errors.McpFlowException.Invalid($"Unknown run state '{text}'.", "Use one of: STALE, EXECUTED, REVIEWED, APPROVED, REJECTED.");
}
