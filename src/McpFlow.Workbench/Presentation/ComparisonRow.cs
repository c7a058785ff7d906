namespace McpFlow.Workbench.Presentation;

/// <summary>One run in a comparison table.</summary>
/// <param name="RunId">Run id.</param>
/// <param name="Title">Run title.</param>
/// <param name="State">State (or CORRUPTED when its records cannot be trusted).</param>
/// <param name="Attempt">Attempt number.</param>
/// <param name="ChecksPassed">Self-review checks passed, when reviewed.</param>
/// <param name="ChecksTotal">Self-review checks run, when reviewed.</param>
/// <param name="Metrics">Its metrics.</param>
/// <param name="Problem">Why the run cannot be trusted, when CORRUPTED.</param>
public sealed record ComparisonRow(string RunId, string Title, string State, int Attempt, int? ChecksPassed, int? ChecksTotal,
    IReadOnlyDictionary<string, double> Metrics, string? Problem = null);
