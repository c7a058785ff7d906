using McpFlow.Physics.Validation;

namespace McpFlow.Physics.Tests.Validation;

public sealed class CyclicTridiagonalSolverTests
{
    [Fact]
    public void Solve_ReproducesAKnownSolutionOfAPeriodicSystem()
    {
        // Build d = A·x for a chosen x with the corner couplings a_0 (to x_{n-1}) and c_{n-1} (to x_0), then solve back.
        const int n = 7;
        var random = new Random(3);
        var a = Enumerable.Range(0, n).Select(_ => -1 + random.NextDouble() * 0.5).ToArray();
        var c = Enumerable.Range(0, n).Select(_ => -1 + random.NextDouble() * 0.5).ToArray();
        var b = Enumerable.Range(0, n).Select(i => 3 + random.NextDouble()).ToArray();
        var x = Enumerable.Range(0, n).Select(i => Math.Sin(i + 1.0)).ToArray();
        var d = Enumerable.Range(0, n).Select(i => a[i] * x[(i + n - 1) % n] + b[i] * x[i] + c[i] * x[(i + 1) % n]).ToArray();

        CyclicTridiagonalSolver.Solve(a, b, c, d).Should().Equal(x, (p, q) => Math.Abs(p - q) < 1e-12);
    }
}
