namespace McpFlow.Data.Profiling;

/// <summary>A profile thinned to fit the result budget (<see cref="ProfileBudget.Fit"/>).</summary>
/// <param name="Profile">The profile as returned: the full one when it fits.</param>
/// <param name="Omitted">What was left out, in the order it was thinned; empty when nothing was.</param>
public sealed record ProfileFit(TableProfile Profile, IReadOnlyList<string> Omitted);
