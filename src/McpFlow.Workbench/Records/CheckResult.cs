namespace McpFlow.Workbench.Records;

/// <summary>The outcome of one self-review check.</summary>
/// <param name="Check">Check name, e.g. <c>outputs_exist</c>.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Details">What was checked and, on failure, what is wrong.</param>
public sealed record CheckResult(string Check, bool Passed, string Details);
