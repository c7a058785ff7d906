using McpFlow.Physics.Validation.Checks;

namespace McpFlow.Physics.Validation;

/// <summary>
/// Decides validate_solution's verdict from what was measured. Tolerance: <see cref="CheckTolerances.Relative"/> (1% of
/// the solution's scale, 10× the PINN accuracy goal), for the compared error, the condition errors and the physics-aware
/// checks alike. The compared error decides: a relative L2 error above the tolerance (plus the reference's own error)
/// fails whatever the other checks say, so a solution that is wrong but smooth, symmetric and conservative is never
/// passed; a reference whose own error exceeds the tolerance cannot certify a pass.
/// </summary>
public static class VerdictRules
{
    /// <summary>The verdict.</summary>
    /// <param name="comparedWith">"exact", "reference" or "none".</param>
    /// <param name="relativeL2">Relative L2 error against it.</param>
    /// <param name="referenceRelativeError">The reference's estimated max error over its max |value| (0 for exact).</param>
    /// <param name="conditions">Boundary and initial condition errors.</param>
    /// <param name="physics">The physics-aware checks.</param>
    public static ValidationVerdict Decide(string comparedWith, double? relativeL2, double referenceRelativeError,
        IReadOnlyList<ConditionError> conditions, PhysicsCheckReport? physics)
    {
        const double tolerance = CheckTolerances.Relative;
        var failures = new List<string>();
        var doubts = new List<string>();
        var what = comparedWith == "exact" ? "the exact solution" : "the finite-difference reference";
        if (relativeL2 is not { } l2)
            doubts.Add("no exact solution and no finite-difference reference: the error of the solution itself was not measured (only the residual and the conditions).");
        else if (!(l2 <= tolerance + referenceRelativeError))
            failures.Add($"the relative L2 error against {what} is {l2:G3}, above the tolerance {tolerance:G2}" +
                         (referenceRelativeError > 0 ? $" plus the reference's own error {referenceRelativeError:G2}." : "."));
        else if (referenceRelativeError > tolerance)
            doubts.Add($"the finite-difference reference's own error ({referenceRelativeError:G2} of its scale) is above the tolerance, so it cannot certify the solution (relative L2 {l2:G3}).");
        else if (l2 > tolerance)
            doubts.Add($"the relative L2 error {l2:G3} is above the tolerance but within the reference's own error {referenceRelativeError:G2}.");

        foreach (var c in conditions.Where(c => c.Relative > tolerance))
            failures.Add($"the {c.Condition} error (RMS {c.Rms:G3}) is {c.Relative:G3} of the solution's scale, above the tolerance {tolerance:G2}.");
        if (physics is not null)
            foreach (var check in physics.Checks.Where(c => !c.Passed))
                failures.Add($"the physics-aware check '{check.Name}' failed ({check.Measured:G3} against {check.Tolerance:G2}).");

        // Issue 14: a 45%-wrong wave passed its energy check. Say so instead of leaving a PASS beside a large error.
        if (relativeL2 is { } wrong && !(wrong <= tolerance + referenceRelativeError) && physics?.Checks.Where(c => c.Passed).Select(c => c.Name).ToList() is { Count: > 0 } passed)
            failures.Add($"the physics-aware check(s) {string.Join(", ", passed.Select(n => "'" + n + "'"))} passed, but they test laws a wrong solution can also keep; " +
                         $"the relative L2 error of {wrong:G3} decides, so do not read their pass as the solution being right.");
        if (failures.Count > 0)
            return new ValidationVerdict("fail", tolerance, [.. failures, .. doubts]);
        if (doubts.Count > 0)
            return new ValidationVerdict("uncertain", tolerance, doubts);
        return new ValidationVerdict("pass", tolerance,
            [$"relative L2 error {relativeL2:G3} against {what}, every condition error and every physics-aware check within {tolerance:G2} of the solution's scale."]);
    }
}
