namespace McpFlow.Physics.Validation.Checks;

/// <summary>All physics-aware checks of a validation.</summary>
/// <param name="Checks">The checks that applied, with their outcome.</param>
/// <param name="NotApplicable">Checks that were considered and do not apply, with the reason.</param>
/// <param name="Summary">One line: how many applied and passed, or that none applies.</param>
public sealed record PhysicsCheckReport(IReadOnlyList<PhysicsCheck> Checks, IReadOnlyList<string> NotApplicable, string Summary);
