using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.LinearAlgebra.Double.Solvers;
using MathNet.Numerics.LinearAlgebra.Solvers;
using McpFlow.Core.Errors;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation;

/// <summary>
/// Second-order finite differences for Poisson (-Δu = f) and Helmholtz (Δu + k²u = f) in 1D, 2D and 3D:
/// 3-, 5- and 7-point stencils on an <see cref="FdGrid"/> (Dirichlet, Neumann by ghost nodes, periodic), a sparse
/// matrix and unpreconditioned BiCGStab (MathNet). 3D solutions are returned as the (x, y) slice at z = mid.
/// Poisson without any Dirichlet face is singular (u only up to a constant) and is refused.
/// </summary>
public static class EllipticFdSolver
{
    private const double SolverTolerance = 1e-12; // relative residual: far below the O(h²) truncation error of any grid used
    private const int MaxIterations = 20_000;     // unpreconditioned BiCGStab needs O(n) iterations; 48³ takes a few hundred

    /// <summary>True when this solver applies (Poisson needs at least one Dirichlet face).</summary>
    public static bool Supports(PdeProblem p) =>
        p.Kind is "poisson" or "helmholtz" && p.Time is null && FdBoundaryCheck.Problem(p) is null && !IsSingular(p);

    /// <summary>Solves on <paramref name="n"/> intervals per axis.</summary>
    public static GridSolution Solve(PdeProblem problem, int n)
    {
        if (IsSingular(problem))
            throw McpFlowException.Invalid(
                "Poisson's equation with only Neumann/periodic boundaries determines u only up to a constant (and needs the source and fluxes to balance), so there is no unique finite-difference reference.",
                "Make one face Dirichlet, or give an \"exact_solution\" to compare with.");
        var grid = new FdGrid(problem, n);
        var f = problem.Source is null ? (_ => 0) : grid.Sampler.Compile(problem.Source);
        var helmholtz = problem.Kind == "helmholtz";
        var k2 = helmholtz ? problem.Coefficients["k"] * problem.Coefficients["k"] : 0;
        var sign = helmholtz ? 1.0 : -1.0; // poisson: -Δu = f; helmholtz: Δu + k²u = f
        // Unknowns are the active nodes; Dirichlet neighbours move to the right-hand side, periodic copies are filled after.
        var unknown = new int[grid.Count];
        var active = new List<int>();
        for (var node = 0; node < grid.Count; node++)
        {
            unknown[node] = grid.Roles[node] == NodeRole.Active ? active.Count : -1;
            if (unknown[node] >= 0)
                active.Add(node);
        }

        var u = new double[grid.Count];
        grid.ApplyConstraints(u, 0);
        var entries = new List<(int, int, double)>(active.Count * (2 * grid.Dims + 1));
        var rhs = new double[active.Count];
        foreach (var node in active)
        {
            // sign·(Σ_a second differences) + k²u = f; the Neumann data 2g/h moves to the right-hand side.
            var row = unknown[node];
            var diagonal = k2;
            rhs[row] = f(grid.Point(node, 0));
            for (var a = 0; a < grid.Dims; a++)
            {
                var w = sign / (grid.H[a] * grid.H[a]);
                diagonal -= 2 * w;
                rhs[row] -= sign * grid.NeumannData(node, a, 0);
                var (low, high) = grid.Neighbours(node, a);
                foreach (var neighbour in new[] { low, high })
                {
                    if (unknown[neighbour] >= 0)
                        entries.Add((row, unknown[neighbour], w));
                    else
                        rhs[row] -= w * u[neighbour]; // a Dirichlet node
                }
            }

            entries.Add((row, row, diagonal));
        }

        var matrix = SparseMatrix.OfIndexed(active.Count, active.Count, entries); // duplicate (row, col) pairs are summed
        var b = Vector<double>.Build.Dense(rhs);
        var x = Vector<double>.Build.Dense(active.Count);
        var iterator = new Iterator<double>(new IterationCountStopCriterion<double>(MaxIterations), new ResidualStopCriterion<double>(SolverTolerance));
        new BiCgStab().Solve(matrix, b, x, iterator, new UnitPreconditioner<double>()); // MathNet's ILU(0) set-up is O(n²) on sparse matrices
        if (iterator.Status != IterationStatus.Converged)
            throw McpFlowException.Invalid($"The {problem.Kind} reference solve did not converge ({iterator.Status}: max residual {(b - matrix * x).InfinityNorm():G3} against a right-hand side of {b.InfinityNorm():G3}).",
                "For Helmholtz, k² may be (close to) an eigenvalue of the Laplacian on this domain; give an \"exact_solution\" to compare with instead.");
        foreach (var node in active)
            u[node] = x[unknown[node]];
        grid.CopyPeriodic(u);
        var stencil = grid.Dims switch { 1 => "3", 2 => "5", _ => "7" };
        var size = string.Join("×", Enumerable.Repeat(n, grid.Dims));
        var boundaries = string.Join("/", grid.Kinds.Distinct().Select(k => k.ToString().ToLowerInvariant()));
        var slice = grid.Dims == 3 ? $", slice at z = {grid.Nodes[2][n / 2]:G3}" : "";
        return FdGridSlice.ToSolution(grid, u, $"{stencil}-point finite differences, {size} intervals, {boundaries} boundaries, BiCGStab{slice}");
    }

    /// <summary>Poisson (or Helmholtz with k = 0) with no Dirichlet face.</summary>
    public static bool IsSingular(PdeProblem p) =>
        p.Kind is "poisson" or "helmholtz" && (p.Kind == "poisson" || p.Coefficients["k"] == 0) && p.Boundaries.All(b => b.Kind != BoundaryKind.Dirichlet);
}
