namespace McpFlow.Physics.Validation;

/// <summary>Error of one boundary or initial condition on fresh points.</summary>
/// <param name="Condition">Which condition.</param>
/// <param name="Rms">Root-mean-square violation.</param>
/// <param name="Max">Largest violation.</param>
public sealed record ConditionError(string Condition, double Rms, double Max);
