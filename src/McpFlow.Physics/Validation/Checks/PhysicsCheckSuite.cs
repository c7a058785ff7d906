using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation.Checks;

/// <summary>
/// The physics-aware checks of validate_solution: detects which apply to a problem (reflection symmetries, mass and
/// energy conservation, maximum principle; see <see cref="ReflectionDetector"/> and <see cref="ConservationDetector"/>)
/// and measures each on the solution, against <see cref="CheckTolerances.Relative"/>.
/// </summary>
public static class PhysicsCheckSuite
{
    /// <summary>The checks that apply to <paramref name="problem"/>, and why the others do not.</summary>
    public static CheckDetection Detect(PdeProblem problem)
    {
        var symmetry = ReflectionDetector.Detect(problem);
        var conservation = ConservationDetector.Detect(problem);
        return new CheckDetection([.. symmetry.Applicable, .. conservation.Applicable], [.. symmetry.NotApplicable, .. conservation.NotApplicable]);
    }

    /// <summary>Detects and measures every applicable check on <paramref name="u"/>; <paramref name="cancellationToken"/>
    /// is checked before each check.</summary>
    public static PhysicsCheckReport Run(PdeProblem problem, SolutionFunction u, CancellationToken cancellationToken = default)
    {
        var detection = Detect(problem);
        var checks = detection.Applicable.Select(c =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return c;
        }).Select(c => c.Kind switch
        {
            PhysicsCheckKind.EvenSymmetry or PhysicsCheckKind.OddSymmetry => SymmetryMeasurement.Measure(problem, u, c),
            PhysicsCheckKind.MassConservation => MassDrift.Measure(problem, u, c),
            PhysicsCheckKind.EnergyConservation => EnergyDrift.Measure(problem, u, c),
            _ => MaximumPrincipleBound.Measure(problem, u, c),
        }).ToList();
        var summary = checks.Count == 0
            ? "No physics-aware check applies to this problem (no reflection symmetry, conservation law or maximum principle was detected; reasons below)."
            : $"{checks.Count(c => c.Passed)} of {checks.Count} physics-aware check(s) passed" +
              (checks.All(c => c.Passed) ? "." : $"; failed: {string.Join(", ", checks.Where(c => !c.Passed).Select(c => c.Name))}.");
        return new PhysicsCheckReport(checks, detection.NotApplicable, summary);
    }
}
