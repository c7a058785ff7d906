using System.Text.Json.Serialization;

namespace McpFlow.Physics.Validation;

/// <summary>The outcome of validate_solution.</summary>
/// <param name="ResidualRms">RMS of the PDE residual on fresh random interior points.</param>
/// <param name="ResidualMax">Largest |residual| there.</param>
/// <param name="ResidualPoints">How many points.</param>
/// <param name="Conditions">Boundary and initial condition errors.</param>
/// <param name="ComparedWith">What the solution was compared with.</param>
/// <param name="RelativeL2">‖u - reference‖₂ / ‖reference‖₂ on the grid.</param>
/// <param name="MaxError">max |u - reference| on the grid.</param>
/// <param name="ReferenceErrorEstimate">Estimated max error of the reference itself (0 for an exact solution).</param>
/// <param name="Grid">The reference grid (not serialised).</param>
/// <param name="Predicted">The model on that grid (not serialised).</param>
/// <param name="PhysicsChecks">Physics-aware checks (symmetries, conservation, maximum principle) that apply, with
/// their outcome, or why none applies.</param>
/// <param name="Verdict">pass, fail or uncertain, with the reasons (<see cref="VerdictRules"/>).</param>
public sealed record ValidationReport(double ResidualRms, double ResidualMax, int ResidualPoints, IReadOnlyList<ConditionError> Conditions,
    string ComparedWith, double? RelativeL2, double? MaxError, double? ReferenceErrorEstimate,
    [property: JsonIgnore] GridSolution? Grid, [property: JsonIgnore] double[,]? Predicted,
    Checks.PhysicsCheckReport? PhysicsChecks = null, ValidationVerdict? Verdict = null);
