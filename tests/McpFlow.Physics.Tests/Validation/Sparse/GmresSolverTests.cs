using MathNet.Numerics.LinearAlgebra;
using McpFlow.Physics.Validation.Sparse;

namespace McpFlow.Physics.Tests.Validation.Sparse;

public sealed class GmresSolverTests
{
    // A nonsymmetric, indefinite-free test matrix: 1D convection-diffusion on 200 nodes (-u'' + 40u' with central
    // differences, h = 1/201) plus a wrap-around entry, so ILU(0) is not exact. Expected: MathNet's dense LU solve.
    private static (CsrMatrix A, Matrix<double> Dense, double[] B) System()
    {
        const int n = 200;
        var h = 1.0 / (n + 1);
        var entries = new List<(int, int, double)>();
        for (var i = 0; i < n; i++)
        {
            entries.Add((i, i, 2 / (h * h)));
            if (i > 0) entries.Add((i, i - 1, -1 / (h * h) - 20 / h));
            if (i < n - 1) entries.Add((i, i + 1, -1 / (h * h) + 20 / h));
        }

        entries.Add((0, n - 1, -5.0));
        entries.Add((0, n - 1, -5.0)); // a duplicate: the two are summed
        var dense = Matrix<double>.Build.Dense(n, n);
        foreach (var (r, c, v) in entries)
            dense[r, c] += v;
        var b = Enumerable.Range(0, n).Select(i => Math.Exp(i * h) * Math.Sin(7 * i * h)).ToArray();
        return (CsrMatrix.FromTriplets(n, entries), dense, b);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Solve_MatchesADenseSolve(bool preconditioned)
    {
        var (a, dense, b) = System();
        var expected = dense.Solve(Vector<double>.Build.Dense(b));

        var result = GmresSolver.Solve(a, b, preconditioned ? IluPreconditioner.TryCreate(a) : null, new KrylovSettings(1e-12, 40, 5000));

        result.Converged.Should().BeTrue();
        result.RelativeResidual.Should().BeLessThanOrEqualTo(1e-12);
        var scale = expected.InfinityNorm();
        result.Solution.Select((x, i) => Math.Abs(x - expected[i])).Max().Should().BeLessThan(1e-8 * scale);
    }

    [Fact]
    public void Ilu_OfATridiagonalMatrix_IsExact_SoGmresNeedsOneIteration()
    {
        // -u'' = 1 on 100 interior nodes: ILU(0) of a tridiagonal matrix is its LU factorisation.
        const int n = 100;
        var entries = new List<(int, int, double)>();
        for (var i = 0; i < n; i++)
        {
            entries.Add((i, i, 2.0));
            if (i > 0) entries.Add((i, i - 1, -1.0));
            if (i < n - 1) entries.Add((i, i + 1, -1.0));
        }

        var a = CsrMatrix.FromTriplets(n, entries);
        var result = GmresSolver.Solve(a, Enumerable.Repeat(1.0, n).ToArray(), IluPreconditioner.TryCreate(a), KrylovSettings.Reference);

        result.Iterations.Should().Be(1);
        result.Converged.Should().BeTrue();
        // u_i = i(n + 1 - i)/2 (1-based) solves the second-difference system with unit right-hand side.
        result.Solution[49].Should().BeApproximately(50 * 51 / 2.0, 1e-9);
    }

    [Fact]
    public void Solve_ReportsNonConvergence_WithTheTrueResidual()
    {
        var (a, _, b) = System();

        var result = GmresSolver.Solve(a, b, null, new KrylovSettings(1e-12, 5, 5));

        result.Converged.Should().BeFalse();
        result.Iterations.Should().Be(5);
        result.RelativeResidual.Should().BeGreaterThan(1e-12).And.BeLessThan(1);
    }
}
