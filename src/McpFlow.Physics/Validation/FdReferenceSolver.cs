using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation;

/// <summary>
/// Picks the finite-difference reference for a problem and states its accuracy: it solves on a grid and on one
/// twice as fine (time step ÷ 4 for evolution problems) and, both schemes being second order, estimates the error
/// of the fine solution as max|fine - coarse| / 3 (Richardson) at the shared nodes.
/// </summary>
public static class FdReferenceSolver
{
    private const int EllipticCells = 64;
    private const int EvolutionCells = 512;

    /// <summary>True when a reference exists for this problem.</summary>
    public static bool Supports(PdeProblem p) => EllipticFdSolver.Supports(p) || EvolutionFdSolver.Supports(p);

    /// <summary>Why no reference is available.</summary>
    public const string Coverage =
        "Built-in references: poisson and helmholtz (1D/2D, Dirichlet on every face); heat, burgers, allen_cahn, advection_diffusion and wave in 1D with Dirichlet ends and initial data.";

    /// <summary>The refined solution with its error estimate.</summary>
    public static GridSolution Solve(PdeProblem p)
    {
        GridSolution coarse, fine;
        int stride;
        if (EllipticFdSolver.Supports(p))
        {
            coarse = EllipticFdSolver.Solve(p, EllipticCells);
            fine = EllipticFdSolver.Solve(p, EllipticCells * 2);
            stride = 2;
        }
        else
        {
            coarse = EvolutionFdSolver.Solve(p, EvolutionCells, 1);
            fine = EvolutionFdSolver.Solve(p, EvolutionCells * 2, 0.25);
            stride = fine.Nodes[0].Length == coarse.Nodes[0].Length ? 1 : 2;
        }

        double diff = 0;
        for (var i = 0; i < coarse.Values.GetLength(0); i++)
            for (var j = 0; j < coarse.Values.GetLength(1); j++)
            {
                var jf = coarse.Nodes.Count > 1 && p.Time is null ? j * stride : j; // output times are shared one to one
                diff = Math.Max(diff, Math.Abs(coarse.Values[i, j] - fine.Values[i * stride, jf]));
            }

        return fine with { ErrorEstimate = diff / 3 };
    }
}
