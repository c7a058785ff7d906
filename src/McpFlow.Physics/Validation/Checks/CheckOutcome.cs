namespace McpFlow.Physics.Validation.Checks;

/// <summary>Builds a <see cref="PhysicsCheck"/> against <see cref="CheckTolerances.Relative"/>.</summary>
internal static class CheckOutcome
{
    private const string PassedMeaning = "Passed: the trained model respects this property to within the tolerance.";

    public static PhysicsCheck Of(string name, ApplicableCheck check, string what, double measured, string failureMeaning,
        IReadOnlyDictionary<string, double> details)
    {
        var passed = measured <= CheckTolerances.Relative;
        return new PhysicsCheck(name, check.Kind, what, check.Why, measured, CheckTolerances.Relative, CheckTolerances.RelativeSource,
            passed, passed ? PassedMeaning : "Failed: " + failureMeaning, details);
    }

    /// <summary>Time slices t₀ … t_max at which time-dependent quantities are compared (11: every 10% of the horizon).</summary>
    public static double[] TimeSlices(Specs.Axis time) =>
        Enumerable.Range(0, Slices).Select(k => time.Min + time.Length * k / (Slices - 1)).ToArray();

    private const int Slices = 11;
}
