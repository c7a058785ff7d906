using MathNet.Numerics.LinearAlgebra;
using McpFlow.Core.Errors;

namespace McpFlow.Pipelines.Models;

/// <summary>
/// Ordinary least squares with an intercept on MathNet.Numerics. Rank deficiency is handled as R's <c>lm</c> does:
/// columns are taken in order after the intercept, and a column whose part orthogonal to the intercept and the
/// columns already kept is below <see cref="AliasTolerance"/> of its norm is aliased (left out, coefficient 0), so
/// the result is deterministic and the kept coefficients are the unique least-squares solution on the kept columns
/// (for example the last level of a one-hot group is dropped because the levels sum to the intercept). The kept
/// columns are then solved by Householder QR.
/// </summary>
public static class LeastSquares
{
    /// <summary>Relative tolerance for an aliased column: R's <c>lm(tol = 1e-07)</c> default (LINPACK dqrdc2).</summary>
    public const double AliasTolerance = 1e-7;

    /// <summary>Fits y ≈ b0 + Σ b_j x_j on the rows of <paramref name="x"/>.</summary>
    public static LeastSquaresFit Fit(IReadOnlyList<IReadOnlyList<float>> x, IReadOnlyList<double> y)
    {
        var n = x.Count;
        if (n == 0 || n != y.Count)
            throw McpFlowException.Invalid($"OLS needs as many targets as rows and at least one row; got {n} rows and {y.Count} targets.");
        if (y.Any(v => !double.IsFinite(v)))
            throw McpFlowException.Invalid("OLS needs finite targets; the training rows contain a missing or infinite target.",
                "Drop rows without a target before fitting.");
        var p = x[0].Count;
        var columns = Enumerable.Range(0, p).Select(j => x.Select(row => (double)row[j]).ToArray()).ToList();
        var kept = KeptColumns(columns, n);
        var design = Matrix<double>.Build.DenseOfColumnArrays(new[] { Enumerable.Repeat(1.0, n).ToArray() }.Concat(kept.Select(j => columns[j])));
        var beta = design.QR().Solve(Vector<double>.Build.DenseOfEnumerable(y));
        var coefficients = new double[p];
        for (var k = 0; k < kept.Count; k++)
            coefficients[kept[k]] = beta[k + 1];
        return new LeastSquaresFit(beta[0], coefficients, Enumerable.Range(0, p).Except(kept).ToList());
    }

    /// <summary>Columns kept in order: Gram-Schmidt against the intercept and the kept columns, twice for stability.</summary>
    private static List<int> KeptColumns(List<double[]> columns, int n)
    {
        var basis = new List<double[]> { Enumerable.Repeat(1 / Math.Sqrt(n), n).ToArray() };
        var kept = new List<int>();
        for (var j = 0; j < columns.Count && basis.Count < n; j++)
        {
            var v = (double[])columns[j].Clone();
            var norm = Norm(v);
            if (norm == 0 || !double.IsFinite(norm))
                continue;
            // Two passes of modified Gram-Schmidt ("twice is enough", Giraud et al. 2005) give an orthogonal residual.
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var q in basis)
                {
                    var dot = Dot(q, v);
                    for (var i = 0; i < n; i++)
                        v[i] -= dot * q[i];
                }
            }

            var residual = Norm(v);
            if (residual <= AliasTolerance * norm)
                continue;
            for (var i = 0; i < n; i++)
                v[i] /= residual;
            basis.Add(v);
            kept.Add(j);
        }

        return kept;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    private static double Norm(double[] v) => Math.Sqrt(Dot(v, v));
}
