using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation;

/// <summary>
/// Picks the finite-difference reference for a problem and states its accuracy: it solves on a grid and on one
/// twice as fine and, the schemes being second order in space, estimates the error of the fine solution as
/// max|fine - coarse| / 3 (Richardson) at the shared nodes. The time step shrinks so the time error falls by 4 as
/// well: ÷ 2 for the schemes that are second order in time (ADI, leapfrog), ÷ 4 for the 1D Crank-Nicolson solver
/// whose explicit part is first order. The finer solve runs first, so a refused (too stiff) problem fails fast.
/// </summary>
public static class FdReferenceSolver
{
    /// <summary>Coarse intervals per axis for steady problems, by space dimension (the fine solve doubles them).
    /// Chosen so both solves take well under a few seconds on 2 cores (see docs/physics.md); 1D is a direct solve
    /// (ILU(0) of a tridiagonal matrix is its LU factorisation), so it gets a fine grid for free.</summary>
    private static readonly int[] EllipticCells = [0, 256, 64, 24];

    /// <summary>Coarse intervals per space axis for time-dependent problems, by space dimension.</summary>
    private static readonly int[] EvolutionCells = [0, 512, 32, 12];

    private const double FirstOrderTimeScale = 0.25; // dt ÷ 4 with h ÷ 2: O(h²) and O(dt) errors both shrink 4×
    private const double SecondOrderTimeScale = 0.5; // dt ÷ 2 with h ÷ 2: O(h²) and O(dt²) errors both shrink 4×

    /// <summary>True when a reference exists for this problem.</summary>
    public static bool Supports(PdeProblem p) =>
        EllipticFdSolver.Supports(p) || EvolutionFdSolver.Supports(p) || AdiFdSolver.Supports(p) || LeapfrogFdSolver.Supports(p);

    /// <summary>What the references cover (quoted when none applies).</summary>
    public const string Coverage =
        "Built-in references: poisson and helmholtz in 1D/2D/3D (3D compared on the z = mid slice); heat, allen_cahn, advection_diffusion and wave in 1D/2D/3D and burgers in 1D " +
        "(2D/3D compared at the final time, z = mid), with an initial_condition (and initial_velocity for wave); every face needs one condition: dirichlet, neumann or periodic (on both faces of an axis). " +
        "Not covered: custom equations, and poisson with no dirichlet face (u is then fixed only up to a constant: make one face dirichlet or give an exact_solution).";

    /// <summary>The refined solution with its error estimate; <paramref name="cancellationToken"/> stops the solves
    /// within an iteration or time step.</summary>
    public static GridSolution Solve(PdeProblem p, CancellationToken cancellationToken = default)
    {
        var d = p.Space.Count;
        Func<int, double, GridSolution> solve;
        int cells;
        var fineScale = SecondOrderTimeScale;
        if (EllipticFdSolver.Supports(p))
        {
            (solve, cells) = ((n, _) => EllipticFdSolver.Solve(p, n, cancellationToken), EllipticCells[d]);
        }
        else if (EvolutionFdSolver.Supports(p))
        {
            (solve, cells, fineScale) = ((n, s) => EvolutionFdSolver.Solve(p, n, s, cancellationToken), EvolutionCells[d], FirstOrderTimeScale);
        }
        else if (LeapfrogFdSolver.Supports(p))
        {
            (solve, cells) = ((n, s) => LeapfrogFdSolver.Solve(p, n, s, cancellationToken), EvolutionCells[d]);
        }
        else
        {
            (solve, cells) = ((n, s) => AdiFdSolver.Solve(p, n, s, cancellationToken), EvolutionCells[d]);
        }

        var fine = solve(cells * 2, fineScale);
        var coarse = solve(cells, 1);
        return fine with { ErrorEstimate = MaxDifference(coarse, fine) / 3 };
    }

    /// <summary>max |coarse - fine| over the coarse nodes (each axis of the fine grid is as fine or twice as fine).</summary>
    public static double MaxDifference(GridSolution coarse, GridSolution fine)
    {
        var strides = coarse.Nodes.Select((c, a) => c.Length > 1 ? (fine.Nodes[a].Length - 1) / (c.Length - 1) : 1).ToArray();
        var s1 = strides.Length > 1 ? strides[1] : 1;
        double diff = 0;
        for (var i = 0; i < coarse.Values.GetLength(0); i++)
            for (var j = 0; j < coarse.Values.GetLength(1); j++)
                diff = Math.Max(diff, Math.Abs(coarse.Values[i, j] - fine.Values[i * strides[0], j * s1]));
        return diff;
    }
}
