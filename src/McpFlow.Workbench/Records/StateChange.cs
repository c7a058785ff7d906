namespace McpFlow.Workbench.Records;

/// <summary>One entry of a run's state history.</summary>
/// <param name="State">The new state.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why, e.g. "self-review: 6/6 checks passed" or "input customers.csv changed".</param>
public sealed record StateChange(RunState State, DateTimeOffset At, string Reason);
