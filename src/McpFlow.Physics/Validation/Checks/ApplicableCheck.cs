namespace McpFlow.Physics.Validation.Checks;

/// <summary>A check that applies to a problem, and why.</summary>
/// <param name="Kind">Which check.</param>
/// <param name="Axis">The reflected space axis (symmetry checks), otherwise null.</param>
/// <param name="Why">In plain words, what in the problem makes the check apply.</param>
public sealed record ApplicableCheck(PhysicsCheckKind Kind, char? Axis, string Why);
