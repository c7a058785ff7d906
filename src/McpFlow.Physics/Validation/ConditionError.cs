namespace McpFlow.Physics.Validation;

/// <summary>Error of one boundary or initial condition on fresh points.</summary>
/// <param name="Condition">Which condition.</param>
/// <param name="Rms">Root-mean-square violation.</param>
/// <param name="Max">Largest violation.</param>
/// <param name="Relative">RMS relative to the solution's scale (max|u|; for a Neumann condition max|u| divided by the
/// axis length, the scale of a derivative).</param>
public sealed record ConditionError(string Condition, double Rms, double Max, double Relative = double.NaN);
