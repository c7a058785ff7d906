using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation.Checks;

/// <summary>Builds a <see cref="PhysicsCheck"/> against <see cref="CheckTolerances.Relative"/>, and the time slices at
/// which the time-dependent checks compare their quantities.</summary>
internal static class CheckOutcome
{
    /// <summary>Time slices t₀ … t_max: 11, every 10% of the horizon, enough to see a drift's trend at low cost.</summary>
    private const int Slices = 11;

    private const string PassedMeaning = "Passed: the trained model respects this property to within the tolerance.";

    public static PhysicsCheck Of(string name, ApplicableCheck check, string what, double measured, string failureMeaning,
        IReadOnlyDictionary<string, double> details)
    {
        var passed = measured <= CheckTolerances.Relative;
        return new PhysicsCheck(name, check.Kind, what, check.Why, measured, CheckTolerances.Relative, CheckTolerances.RelativeSource,
            passed, passed ? PassedMeaning : "Failed: " + failureMeaning, details);
    }

    public static double[] TimeSlices(Axis time) =>
        Enumerable.Range(0, Slices).Select(k => time.Min + time.Length * k / (Slices - 1)).ToArray();
}
