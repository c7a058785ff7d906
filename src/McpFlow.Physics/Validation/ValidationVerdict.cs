namespace McpFlow.Physics.Validation;

/// <summary>The overall verdict of validate_solution.</summary>
/// <param name="Outcome">pass, fail or uncertain. pass needs a comparison (exact solution or a reference precise
/// enough to certify) within the tolerance, conditions within it and every physics-aware check passed; any error
/// above the tolerance is a fail; without a comparison that can certify the solution it is uncertain.</param>
/// <param name="Tolerance">Relative tolerance used (of the solution's scale).</param>
/// <param name="Reasons">Why, one line per finding.</param>
public sealed record ValidationVerdict(string Outcome, double Tolerance, IReadOnlyList<string> Reasons);
