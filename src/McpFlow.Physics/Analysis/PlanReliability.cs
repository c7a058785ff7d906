using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Analysis;

/// <summary>
/// Says up front when a problem lies outside what the planner's default plan has been measured to train to a relative
/// L2 error of about 1e-2 (issue 14's goal), with the measurement behind the statement (docs/benchmarks.md, "Planner:
/// issue 14's held-out problems"). Null when the problem is within the measured range.
/// </summary>
public static class PlanReliability
{
    /// <summary>Interface width √(d/k) below which Allen-Cahn fronts are too thin for the general plan, so the thin-interface
    /// plan (<see cref="ThinInterfacePlan"/>) is used (the classic case d = 1e-4, k = 5 has 0.0045).</summary>
    public const double ThinInterface = 0.01;

    /// <summary>Relative L2 error of the thin-interface plan on the classic Allen-Cahn case (PlannerBench allen_cahn,
    /// docs/benchmarks.md), within issue 14's 1e-2.</summary>
    internal const string MeasuredAllenCahn = "0.00591";

    /// <summary>Interface width √(d/k) below which an Allen-Cahn problem is thinner than the one the thin-interface plan was
    /// measured on (the classic case: √(1e-4/5) = 0.0045), with a margin of 10%.</summary>
    public const double ThinnestMeasuredInterface = 0.004;

    /// <summary>Sign changes (half-periods) per axis beyond the largest measured: the wave bench has 8 in time and the
    /// Helmholtz bench 8 along y, both with Fourier features.</summary>
    public const int MeasuredOscillations = 12;

    /// <summary>The reason the default plan is not expected to be reliable here, or null.</summary>
    public static string? Assess(PdeProblem problem, int oscillations)
    {
        if (problem.Kind == "allen_cahn"
            && Math.Sqrt(problem.Coefficients["d"] / Math.Max(1e-12, problem.Coefficients["k"])) is var width && width < ThinnestMeasuredInterface)
            return $"Outside what the default plan has been measured on: Allen-Cahn with an interface width √(d/k) = {width:G2}, thinner than the 0.0045 " +
                   "of the case it was measured on (d = 1e-4, k = 5, u₀ = x²cos(πx), periodic on [-1, 1]; tools/bench/physics/PlannerBench), where it reaches a " +
                   $"relative L2 of {MeasuredAllenCahn} against the finite-difference reference (from 0.998 with the former plan). Thinner interfaces need " +
                   "more interior_points and lbfgs_steps; expect a larger error and trust only what validate_solution confirms against the reference.";
        if (oscillations > MeasuredOscillations)
            return $"Outside what the default plan has been measured on: the data change sign about {oscillations} times along an axis, beyond the " +
                   $"{MeasuredOscillations} covered by the benchmarks (Fourier features and L-BFGS reach 6.7e-4 on an 8-half-wave Helmholtz problem, 4.3e-3 on an 8-half-period wave in float64). Expect a larger error; validate the result.";
        return null;
    }
}
