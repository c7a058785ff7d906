namespace McpFlow.Physics.Validation.Checks;

/// <summary>Which physics-aware checks apply to a problem.</summary>
/// <param name="Applicable">The checks that apply.</param>
/// <param name="NotApplicable">For each check that was considered and does not apply, why not (plain words).</param>
public sealed record CheckDetection(IReadOnlyList<ApplicableCheck> Applicable, IReadOnlyList<string> NotApplicable);
