using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.LinearAlgebra.Double.Solvers;
using MathNet.Numerics.LinearAlgebra.Solvers;
using McpFlow.Core.Errors;
using McpFlow.Physics.Analysis;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation;

/// <summary>
/// Second-order finite differences for Poisson (-Δu = f) and Helmholtz (Δu + k²u = f) in 1D and 2D with Dirichlet
/// conditions: 3-point / 5-point stencils, a sparse matrix and unpreconditioned BiCGStab (MathNet).
/// </summary>
public static class EllipticFdSolver
{
    private const double SolverTolerance = 1e-12;
    private const int MaxIterations = 20_000;

    /// <summary>Solves on <paramref name="n"/> intervals per axis.</summary>
    public static GridSolution Solve(PdeProblem problem, int n)
    {
        var sampler = new PointSampler(problem);
        var f = problem.Source is null ? (_ => 0) : sampler.Compile(problem.Source);
        var k2 = problem.Kind == "helmholtz" ? problem.Coefficients["k"] * problem.Coefficients["k"] : 0;
        var sign = problem.Kind == "helmholtz" ? 1.0 : -1.0; // poisson: -Δu = f; helmholtz: Δu + k²u = f
        var axes = problem.Space;
        var nodes = axes.Select(a => Enumerable.Range(0, n + 1).Select(i => a.Min + a.Length * i / n).ToArray()).ToList();
        var h2 = axes.Select(a => Math.Pow(a.Length / n, 2)).ToArray();
        var ny = axes.Count == 2 ? n + 1 : 1;
        int Index(int i, int j) => i * ny + j;
        var size = (n + 1) * ny;
        var boundary = Boundary(problem, sampler);
        var entries = new List<(int, int, double)>();
        var rhs = new double[size];
        for (var i = 0; i <= n; i++)
        {
            for (var j = 0; j < ny; j++)
            {
                var row = Index(i, j);
                var coords = axes.Count == 2 ? new[] { nodes[0][i], nodes[1][j] } : new[] { nodes[0][i] };
                var onBoundary = i == 0 || i == n || (axes.Count == 2 && (j == 0 || j == n));
                if (onBoundary)
                {
                    entries.Add((row, row, 1));
                    rhs[row] = boundary(coords, i == 0 ? (axes[0].Name, false) : i == n ? (axes[0].Name, true) : j == 0 ? (axes[1].Name, false) : (axes[1].Name, true));
                    continue;
                }

                // sign·Δu + k²u = f with sign = +1 (helmholtz) or -1 (poisson: -Δu = f).
                var diagonal = k2;
                diagonal += sign * -2 / h2[0];
                entries.Add((row, Index(i - 1, j), sign / h2[0]));
                entries.Add((row, Index(i + 1, j), sign / h2[0]));
                if (axes.Count == 2)
                {
                    diagonal += sign * -2 / h2[1];
                    entries.Add((row, Index(i, j - 1), sign / h2[1]));
                    entries.Add((row, Index(i, j + 1), sign / h2[1]));
                }

                entries.Add((row, row, diagonal));
                rhs[row] = f(sampler.At(coords));
            }
        }

        var matrix = SparseMatrix.OfIndexed(size, size, entries);
        var b = Vector<double>.Build.Dense(rhs);
        var x = Vector<double>.Build.Dense(size);
        var iterator = new Iterator<double>(new IterationCountStopCriterion<double>(MaxIterations), new ResidualStopCriterion<double>(SolverTolerance));
        new BiCgStab().Solve(matrix, b, x, iterator, new UnitPreconditioner<double>()); // MathNet's ILU(0) set-up is O(n²) on sparse matrices
        var values = new double[n + 1, ny];
        for (var i = 0; i <= n; i++)
            for (var j = 0; j < ny; j++)
                values[i, j] = x[Index(i, j)];
        return new GridSolution(axes.Select(a => a.Name).ToList(), axes.Count == 2 ? nodes : [nodes[0]], values, double.NaN,
            $"{(axes.Count == 2 ? "5" : "3")}-point finite differences, {n}×{(axes.Count == 2 ? n : 1)} intervals, BiCGStab");
    }

    /// <summary>True when this solver applies.</summary>
    public static bool Supports(PdeProblem p) =>
        p.Kind is "poisson" or "helmholtz" && p.Time is null && p.Space.Count <= 2
        && p.Boundaries.Count == 2 * p.Space.Count && p.Boundaries.All(b => b.Kind == BoundaryKind.Dirichlet);

    internal static Func<double[], (char Axis, bool IsMax), double> Boundary(PdeProblem problem, PointSampler sampler)
    {
        var compiled = problem.Boundaries.ToDictionary(b => (b.Face.Axis, b.Face.IsMax), b => sampler.Compile(b.Value ?? throw McpFlowException.Invalid("Dirichlet value missing.")));
        return (coords, face) => compiled[face](sampler.At(coords));
    }
}
