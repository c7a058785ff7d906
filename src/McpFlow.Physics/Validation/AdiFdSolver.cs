using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation;

/// <summary>
/// Reference solver for u_t = D·Δu + N(u, ∇u, x, t) (heat, Allen-Cahn, advection-diffusion, Burgers) in 1 to 3 space
/// dimensions with Dirichlet, Neumann (ghost nodes) and periodic boundaries: the Hundsdorfer-Verwer ADI scheme with
/// θ = 1/2 (<see cref="AdiStepper"/>): diffusion implicit one axis at a time (tridiagonal, cyclic on periodic axes),
/// transport, reaction and source explicit, second order in time for both. Output as <see cref="FdTimeMarch"/>:
/// (x, t) snapshots in 1D, the (x, y) field at the final time (z = mid in 3D) otherwise.
/// </summary>
public static class AdiFdSolver
{
    private const double Theta = 0.5;            // θ = 1/2: the usual choice, unconditionally stable for diffusion in 2D and 3D
    private const int MinStepsOneD = 1000;       // as the 1D Crank-Nicolson solver: dt ≤ T/1000
    private const int MinStepsMultiD = 200;      // coarser in 2D/3D, where each step costs (n+1)^d nodes
    private const double CflNumber = 0.5;        // dt·Σ|a_i|/h_i ≤ 0.5 for the explicit central transport
    private const double ReactionFactor = 0.2;   // dt ≤ 0.2 / (3k·max(1, max u0²)), as the 1D solver

    /// <summary>True when this solver applies.</summary>
    public static bool Supports(PdeProblem p) =>
        p.Kind is "heat" or "burgers" or "allen_cahn" or "advection_diffusion" && p.Time is not null && p.Initial is not null
        && FdBoundaryCheck.Problem(p) is null;

    /// <summary>Solves on <paramref name="n"/> intervals per space axis with the time step scaled by <paramref name="dtScale"/>.</summary>
    public static GridSolution Solve(PdeProblem p, int n, double dtScale = 1, CancellationToken cancellationToken = default)
    {
        var grid = new FdGrid(p, n);
        var u = grid.Field(p.Initial!, p.Time!.Min);

        var diffusion = p.Coefficients[p.Kind switch { "heat" => "alpha", "burgers" => "nu", "allen_cahn" => "d", _ => "D" }];
        var stepper = new AdiStepper(grid, new ExplicitTerms(grid), diffusion, Theta);
        return FdTimeMarch.Run(grid, u, TimeStep(p, grid, u, diffusion) * dtScale, stepper.Step,
            "Hundsdorfer-Verwer ADI (diffusion implicit by axis, θ = 1/2; transport/reaction explicit)", cancellationToken);
    }

    private static double TimeStep(PdeProblem p, FdGrid grid, double[] u0, double diffusion)
    {
        var t = p.Time!;
        var dt = t.Length / (grid.Dims == 1 ? MinStepsOneD : MinStepsMultiD);
        var maxU = u0.Max(Math.Abs);
        var velocity = p.Kind switch
        {
            "burgers" => [maxU],
            "advection_diffusion" => p.Space.Select(a => p.Coefficients["a_" + a.Name]).ToArray(),
            _ => new double[grid.Dims],
        };
        var cfl = velocity.Select((v, a) => Math.Abs(v) / grid.H[a]).Sum();
        if (cfl > 0)
            dt = Math.Min(dt, CflNumber / cfl);
        // Crank-Nicolson diffusion with explicit central transport is stable for dt ≤ D/|a|² (von Neumann:
        // |g|² = ((1-β)² + ν²sin²θ)/(1+β)² ≤ 1  ⇔  a²·dt ≤ D).
        var speed2 = velocity.Sum(v => v * v);
        if (speed2 > 0 && diffusion > 0)
            dt = Math.Min(dt, diffusion / speed2);
        if (p.Kind == "allen_cahn" && p.Coefficients["k"] > 0)
            dt = Math.Min(dt, ReactionFactor / (3 * p.Coefficients["k"] * Math.Max(1, maxU * maxU)));
        return dt;
    }
}
