using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;

namespace McpFlow.Physics.Analysis;

/// <summary>
/// The plan for Allen-Cahn problems whose interfaces are thinner than <see cref="PlanReliability.ThinInterface"/>: one
/// network trained on a growing time window (<see cref="TimeMarching"/>) by Adam and then again by L-BFGS, each window
/// fitted before the next extends it while the times fitted before are held (<see cref="BackwardCompatible"/>), exactly
/// periodic through Fourier features, with the initial condition built in, in float64 for L-BFGS. Each number is what was measured on the classic case (d = 1e-4,
/// k = 5, u₀ = x²cos(πx), periodic on [-1, 1], t ∈ [0, 1]) with tools/bench/physics/PlannerBench (docs/benchmarks.md,
/// "Planner: issue 14's held-out problems").
/// </summary>
internal static class ThinInterfacePlan
{
    /// <summary>Time-marching windows of the Adam phase: the measured 10 (0.998 → 0.222 relative L2 with Adam marching alone).</summary>
    public const int Windows = 10;

    /// <summary>Time-marching windows of the L-BFGS phase: 10, as measured (0.222 → 0.134 relative L2 with 1500 L-BFGS
    /// iterations marched in 10 windows instead of 500 on the whole interval, 0.0626 with 4000).</summary>
    public const int LbfgsWindows = 10;

    /// <summary>Weight of the L-BFGS phase's memory term (backward-compatible marching), as measured: 100 (0.0123 relative
    /// L2 with 2000 points, against 0.0448 with 1 and 0.0626 without; with 1 the error at t = 0.05 rose to 0.03 while later
    /// windows were fitted, with 100 it stayed at 7e-3).</summary>
    public const double LbfgsMemory = 100;

    /// <summary>Fourier harmonics: 8, as measured (sin(8πx) has 16 half-waves across [-1, 1]; the network sharpens them
    /// into interfaces ~0.006 wide).</summary>
    public const int Harmonics = 8;

    /// <summary>Interior points, as measured (residual-based resampling every 250 steps and at each window move gathers
    /// them at the interfaces): 4000 (0.00591 relative L2 with the memory term, against 0.0123 with 2000; the error left is
    /// in the last windows, where the interfaces are sharpest).</summary>
    public const int InteriorPoints = 4000;

    /// <summary>Adam steps: 300 per window.</summary>
    public const int AdamSteps = 3000;

    /// <summary>L-BFGS iterations: 400 per window, as measured (without the memory term: 0.0626 relative L2, final loss
    /// 1.0e-4; 150 per window gave 0.134, the last windows ending near a loss of 3e-3, still falling).</summary>
    public const int LbfgsSteps = 4000;

    /// <summary>True for an Allen-Cahn problem with an initial condition, a time axis and an interface width √(d/k)
    /// below <see cref="PlanReliability.ThinInterface"/>.</summary>
    public static bool Applies(PdeProblem problem) =>
        problem.Kind == "allen_cahn" && problem.Time is not null && problem.Initial is not null
        && Math.Sqrt(problem.Coefficients["d"] / Math.Max(1e-12, problem.Coefficients["k"])) < PlanReliability.ThinInterface;

    /// <summary>Why the plan is what it is, with the measurements.</summary>
    public static string Reason =>
        $"Thin interfaces: time-marching in {Windows} windows (the Adam phase trains on [t₀, t₀ + k·T/{Windows}] in its k-th stage, so early times are " +
        $"learnt before late ones, Wight and Zhao 2020), then again in {LbfgsWindows} windows of L-BFGS (each window fitted to a low residual before the " +
        $"next extends it), the times already fitted held to their values by a memory term of weight {LbfgsMemory:G3} while each new window's points " +
        $"go to its new times only (backward-compatible marching, Mattey and Ghosh 2022), {Harmonics} Fourier harmonics (exactly periodic in x), the " +
        $"initial condition built in, float64 for L-BFGS, {InteriorPoints} points resampled at the interfaces, Adam {AdamSteps} then L-BFGS {LbfgsSteps}. " +
        "On the classic Allen-Cahn case (d = 1e-4, k = 5) the relative L2 error against the finite-difference reference went from 0.998 with the former " +
        $"plan to 0.222 with Adam marching alone, 0.0626 with L-BFGS marched too and {PlanReliability.MeasuredAllenCahn} with this plan " +
        "(tools/bench/physics/PlannerBench allen_cahn; docs/benchmarks.md).";
}
