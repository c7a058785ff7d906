using McpFlow.Core.Errors;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Validation.Sparse;

namespace McpFlow.Physics.Validation;

/// <summary>
/// Second-order finite differences for Poisson (-Δu = f) and Helmholtz (Δu + k²u = f) in 1D, 2D and 3D:
/// 3-, 5- and 7-point stencils on an <see cref="FdGrid"/> (Dirichlet, Neumann by ghost nodes, periodic), a sparse
/// matrix solved by GMRES with an ILU(0) preconditioner to a relative residual of 1e-10 (<see cref="KrylovSettings.Reference"/>;
/// in 1D ILU(0) is the exact LU factorisation, so the solve is direct). Any smooth source works: convergence depends
/// on the matrix, not on the right-hand side. 3D solutions are returned as the (x, y) slice at z = mid. Poisson
/// without any Dirichlet face is singular (u only up to a constant) and is refused.
/// </summary>
public static class EllipticFdSolver
{

    /// <summary>True when this solver applies (Poisson needs at least one Dirichlet face).</summary>
    public static bool Supports(PdeProblem p) =>
        p.Kind is "poisson" or "helmholtz" && p.Time is null && FdBoundaryCheck.Problem(p) is null && !IsSingular(p);

    /// <summary>Solves on <paramref name="n"/> intervals per axis; <paramref name="settings"/> defaults to
    /// <see cref="KrylovSettings.Reference"/>.</summary>
    public static GridSolution Solve(PdeProblem problem, int n, CancellationToken cancellationToken = default, KrylovSettings? settings = null)
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

        if (rhs.Any(v => !double.IsFinite(v)))
            throw McpFlowException.Invalid($"The {problem.Kind} source or boundary data are not finite at some grid node, so there is no finite-difference reference.",
                "Check the source and boundary values for divisions by zero, or logarithms and square roots of negative values, on the closed domain.");
        settings ??= KrylovSettings.Reference;
        var matrix = CsrMatrix.FromTriplets(active.Count, entries); // duplicate (row, col) pairs (Neumann ghost nodes) are summed
        var preconditioner = IluPreconditioner.TryCreate(matrix);
        var solve = GmresSolver.Solve(matrix, rhs, preconditioner, settings, cancellationToken);
        if (!solve.Converged)
            throw NotConverged(problem, solve, settings);
        var x = solve.Solution;
        foreach (var node in active)
            u[node] = x[unknown[node]];
        grid.CopyPeriodic(u);
        var stencil = grid.Dims switch { 1 => "3", 2 => "5", _ => "7" };
        var size = string.Join("×", Enumerable.Repeat(n, grid.Dims));
        var boundaries = string.Join("/", grid.Kinds.Distinct().Select(k => k.ToString().ToLowerInvariant()));
        var slice = grid.Dims == 3 ? $", slice at z = {grid.Nodes[2][n / 2]:G3}" : "";
        var solver = preconditioner is null ? "GMRES" : "GMRES + ILU(0)";
        return FdGridSlice.ToSolution(grid, u,
            $"{stencil}-point finite differences, {size} intervals, {boundaries} boundaries, {solver} (relative residual {solve.RelativeResidual:G2}){slice}");
    }

    /// <summary>The error for a solve that did not reach the tolerance; the hint speaks of resonance only for Helmholtz.</summary>
    internal static McpFlowException NotConverged(PdeProblem problem, KrylovResult solve, KrylovSettings settings)
    {
        var message = $"The {problem.Kind} finite-difference reference did not converge: relative residual {solve.RelativeResidual:G3} after {solve.Iterations} GMRES iterations (needed {settings.Tolerance:G2}).";
        var hint = problem.Kind == "helmholtz"
            ? $"k² = {problem.Coefficients["k"] * problem.Coefficients["k"]:G4} may be (close to) an eigenvalue of -∇² with these boundary conditions (resonance), where the problem has no unique solution; change k or give an \"exact_solution\" to compare with."
            : "A Poisson problem with a Dirichlet face has a unique solution, so this is unexpected; give an \"exact_solution\" to compare with meanwhile, and check that the source and boundary values are moderate in size.";
        return McpFlowException.Invalid(message, hint);
    }

    /// <summary>Poisson (or Helmholtz with k = 0) with no Dirichlet face.</summary>
    public static bool IsSingular(PdeProblem p) =>
        p.Kind is "poisson" or "helmholtz" && (p.Kind == "poisson" || p.Coefficients["k"] == 0) && p.Boundaries.All(b => b.Kind != BoundaryKind.Dirichlet);
}
