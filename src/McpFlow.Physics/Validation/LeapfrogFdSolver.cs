using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation;

/// <summary>
/// Reference solver for the wave equation u_tt = c²Δu + f in 1 to 3 space dimensions with Dirichlet, Neumann
/// (ghost nodes) and periodic boundaries: the explicit leapfrog scheme uⁿ⁺¹ = 2uⁿ - uⁿ⁻¹ + dt²(c²Δₕuⁿ + f), started by
/// the Taylor step u¹ = u⁰ + dt·v⁰ + dt²/2·(c²Δₕu⁰ + f). Second order in space and time; stable for
/// c·dt·√(Σ 1/h_a²) ≤ 1, run at half that (as the 1D solver's CFL 0.5). Output as <see cref="FdTimeMarch"/>.
/// </summary>
public static class LeapfrogFdSolver
{
    private const double Courant = 0.5;     // c·dt·√(Σ 1/h²) = 0.5: half the leapfrog stability limit
    private const int MinStepsOneD = 1000;  // as the 1D solver: dt ≤ T/1000
    private const int MinStepsMultiD = 200; // coarser in 2D/3D, where each step costs (n+1)^d nodes

    /// <summary>True when this solver applies.</summary>
    public static bool Supports(PdeProblem p) =>
        p.Kind == "wave" && p.Time is not null && p.Initial is not null && p.InitialVelocity is not null && FdBoundaryCheck.Problem(p) is null;

    /// <summary>Solves on <paramref name="n"/> intervals per space axis with the time step scaled by <paramref name="dtScale"/>.</summary>
    public static GridSolution Solve(PdeProblem p, int n, double dtScale = 1, CancellationToken cancellationToken = default)
    {
        var grid = new FdGrid(p, n);
        var t = p.Time!;
        var c2 = p.Coefficients["c"] * p.Coefficients["c"];
        var terms = new ExplicitTerms(grid);
        var velocity = grid.Field(p.InitialVelocity!, t.Min);
        var dt = t.Length / (grid.Dims == 1 ? MinStepsOneD : MinStepsMultiD);
        var inverseH2 = grid.H.Sum(h => 1 / (h * h));
        if (c2 > 0)
            dt = Math.Min(dt, Courant / Math.Sqrt(c2 * inverseH2));
        double[]? previous = null;

        double[] Step(double[] u, double time, double step)
        {
            var next = previous ?? new double[grid.Count]; // uⁿ⁺¹ overwrites uⁿ⁻¹ node by node: no allocation per step
            for (var node = 0; node < grid.Count; node++)
            {
                if (grid.Roles[node] != NodeRole.Active)
                    continue;
                var lap = 0.0;
                for (var a = 0; a < grid.Dims; a++)
                    lap += grid.SecondDifference(u, node, a, time);
                var acceleration = c2 * lap + terms.At(u, node, time);
                next[node] = previous is null
                    ? u[node] + step * velocity[node] + 0.5 * step * step * acceleration
                    : 2 * u[node] - previous[node] + step * step * acceleration;
            }

            grid.ApplyConstraints(next, time + step);
            previous = u;
            return next;
        }

        return FdTimeMarch.Run(grid, grid.Field(p.Initial!, t.Min), dt * dtScale, Step, "leapfrog", cancellationToken);
    }
}
