using McpFlow.Core.Errors;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Validation;
using McpFlow.Physics.Validation.Sparse;

namespace McpFlow.Physics.Tests.Validation;

/// <summary>
/// Issue 18, item 2: the elliptic finite-difference reference converges for any smooth source, in 1D to 3D, and its own
/// Richardson estimate covers its error. Expected values are closed forms (1D) or double Fourier sine series summed
/// here: on (0, a)×(0, b) with u = 0 on the boundary, -Δu = f has u = Σ f_mn / (π²(m²/a² + n²/b²)) sin(mπx/a) sin(nπy/b)
/// (Δu + k²u = f: divide by k² - π²(m²/a² + n²/b²) instead), with f_mn = (4/ab)∫∫f sin sin; for f = 1,
/// f_mn = 16/(π² m n) for odd m, n and 0 otherwise.
/// </summary>
[Collection(FdReferenceCollection.Name)]
public sealed class EllipticReferenceSourcesTests
{
    private const string Zero = """ "boundary_conditions":[{"where":"all","value":"0"}] """;

    [Fact]
    public void OneD_ConstantSource_IsSolvedExactlyWithoutABreakdown()
    {
        // -u'' = 1, u(0) = u(1) = 0: u = x(1 - x)/2; the 3-point stencil is exact for quadratics.
        var g = FdReferenceSolver.Solve(Poisson("""{"x":[0,1]}""", "1"));
        Max(g, x => x[0] * (1 - x[0]) / 2).Should().BeLessThan(1e-9);
        g.Method.Should().Contain("GMRES");
    }

    [Fact]
    public void OneD_LinearSource_IsSolvedExactly()
    {
        // -u'' = x, u(0) = u(1) = 0: u = (x - x³)/6; the 3-point stencil is exact for cubics.
        Max(FdReferenceSolver.Solve(Poisson("""{"x":[0,1]}""", "x")), x => (x[0] - x[0] * x[0] * x[0]) / 6).Should().BeLessThan(1e-9);
    }

    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("10", 10.0)]
    public void TwoD_ConstantSource_MatchesTheSeriesAtTheCentre(string source, double scale)
    {
        var g = FdReferenceSolver.Solve(Poisson("""{"x":[0,1],"y":[0,1]}""", source));
        var expected = scale * Series(1, 1, 0.5, 0.5, (m, n) => 16 / (Math.PI * Math.PI * m * n), (m, n) => Math.PI * Math.PI * (m * m + n * n));
        AssertWithinEstimate(g, 0.5, 0.5, expected);
    }

    [Fact]
    public void TwoD_LinearSource_MatchesTheSeries()
    {
        // f = x: f_mn = 4·∫x sin(mπx)dx·∫sin(nπy)dy = 4·(-1)^(m+1)/(mπ)·2/(nπ) for odd n.
        var g = FdReferenceSolver.Solve(Poisson("""{"x":[0,1],"y":[0,1]}""", "x"));
        var expected = Series(1, 1, 0.25, 0.5, (m, n) => n % 2 == 1 ? 8 * (m % 2 == 1 ? 1 : -1) / (m * n * Math.PI * Math.PI) : 0,
            (m, n) => Math.PI * Math.PI * (m * m + n * n), allTerms: true);
        AssertWithinEstimate(g, 0.25, 0.5, expected);
    }

    [Fact]
    public void TwoD_ExponentialTimesLinearSource_MatchesTheSeries()
    {
        // f = e^x·y: ∫₀¹e^x sin(mπx)dx = mπ(1 - (-1)^m e)/(1 + m²π²), ∫₀¹y sin(nπy)dy = (-1)^(n+1)/(nπ).
        var g = FdReferenceSolver.Solve(Poisson("""{"x":[0,1],"y":[0,1]}""", "exp(x)*y"));
        var expected = Series(1, 1, 0.5, 0.75,
            (m, n) => 4 * m * Math.PI * (1 - (m % 2 == 0 ? 1 : -1) * Math.E) / (1 + m * m * Math.PI * Math.PI) * (n % 2 == 1 ? 1 : -1) / (n * Math.PI),
            (m, n) => Math.PI * Math.PI * (m * m + n * n), allTerms: true);
        AssertWithinEstimate(g, 0.5, 0.75, expected);
    }

    [Fact]
    public void Rectangle_ConstantSource_MatchesTheSeries()
    {
        var g = FdReferenceSolver.Solve(Poisson("""{"x":[0,2],"y":[0,1]}""", "1"));
        var expected = Series(2, 1, 1, 0.5, (m, n) => 16 / (Math.PI * Math.PI * m * n), (m, n) => Math.PI * Math.PI * (m * m / 4.0 + n * n));
        AssertWithinEstimate(g, 1, 0.5, expected);
    }

    [Fact]
    public void Helmholtz_KOne_ConstantSource_MatchesTheSeries()
    {
        // Δu + u = 1: u_mn = f_mn / (1 - π²(m² + n²)).
        var p = PdeSpecCompiler.Compile($$"""{"preset":"helmholtz","coefficients":{"k":1},"domain":{"x":[0,1],"y":[0,1]},"source":"1",{{Zero}}}""");
        var g = FdReferenceSolver.Solve(p);
        var expected = Series(1, 1, 0.5, 0.5, (m, n) => 16 / (Math.PI * Math.PI * m * n), (m, n) => 1 - Math.PI * Math.PI * (m * m + n * n));
        AssertWithinEstimate(g, 0.5, 0.5, expected);
    }

    [Fact]
    public void ThreeD_ConstantSource_MatchesTheSeriesInAFewHundredIterations()
    {
        // -Δu = 1 on the unit cube: u = Σ 64/(π³mnp) / (π²(m² + n² + p²)) Π sin(·π/2) over odd m, n, p. The solve is
        // limited to 300 GMRES iterations (the old unpreconditioned BiCGStab ran for minutes and failed).
        var p = Poisson("""{"x":[0,1],"y":[0,1],"z":[0,1]}""", "1");
        var fine = EllipticFdSolver.Solve(p, 48, settings: KrylovSettings.Reference with { MaxIterations = 300 });
        var coarse = EllipticFdSolver.Solve(p, 24, settings: KrylovSettings.Reference with { MaxIterations = 300 });
        var estimate = FdReferenceSolver.MaxDifference(coarse, fine) / 3;
        double expected = 0;
        for (var m = 1; m < 400; m += 2)
            for (var n = 1; n < 400; n += 2)
                for (var q = 1; q < 400; q += 2)
                    expected += Sign(m) * Sign(n) * Sign(q) * 64 / (Math.Pow(Math.PI, 5) * m * n * q * (m * m + n * n + q * q));
        Math.Abs(At(fine, 0.5, 0.5) - expected).Should().BeLessThan(2 * estimate + 1e-5);
    }

    [Fact]
    public void NonConvergence_BlamesResonanceOnlyForHelmholtz()
    {
        var starved = KrylovSettings.Reference with { Restart = 3, MaxIterations = 3 };
        var poisson = () => EllipticFdSolver.Solve(Poisson("""{"x":[0,1],"y":[0,1]}""", "1"), 32, settings: starved);
        var helmholtz = () => EllipticFdSolver.Solve(PdeSpecCompiler.Compile(
            $$"""{"preset":"helmholtz","coefficients":{"k":1},"domain":{"x":[0,1],"y":[0,1]},"source":"1",{{Zero}}}"""), 32, settings: starved);

        var p = poisson.Should().Throw<McpFlowException>().Which;
        p.Message.Should().Contain("poisson finite-difference reference did not converge").And.Contain("after 3 GMRES iterations");
        p.Hint.Should().NotContain("Helmholtz").And.NotContain("eigenvalue").And.NotContain("k²");
        helmholtz.Should().Throw<McpFlowException>().Which.Hint.Should().Contain("eigenvalue");
    }

    [Fact]
    public void Solve_StopsWhenCancelled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var act = () => FdReferenceSolver.Solve(Poisson("""{"x":[0,1],"y":[0,1]}""", "1"), cts.Token);
        act.Should().Throw<OperationCanceledException>();
    }

    private static PdeProblem Poisson(string domain, string source) =>
        PdeSpecCompiler.Compile($$"""{"preset":"poisson","domain":{{domain}},"source":"{{source}}",{{Zero}}}""");

    // Σ coefficient(m, n)/eigen(m, n)·sin(mπx/a)·sin(nπy/b) over m, n < 2000 (odd only unless allTerms).
    private static double Series(double a, double b, double x, double y, Func<int, int, double> coefficient, Func<int, int, double> eigen, bool allTerms = false)
    {
        double sum = 0;
        var step = allTerms ? 1 : 2;
        for (var m = 1; m < 2000; m += step)
            for (var n = 1; n < 2000; n += step)
                sum += coefficient(m, n) / eigen(m, n) * Math.Sin(m * Math.PI * x / a) * Math.Sin(n * Math.PI * y / b);
        return sum;
    }

    private static int Sign(int odd) => odd % 4 == 1 ? 1 : -1; // sin(oddπ/2)

    private static void AssertWithinEstimate(GridSolution g, double x, double y, double expected)
    {
        g.ErrorEstimate.Should().BeLessThan(1e-3 * Math.Abs(expected) + 1e-6);
        Math.Abs(At(g, x, y) - expected).Should().BeLessThan(2 * g.ErrorEstimate + 1e-6, $"the reference's own estimate is {g.ErrorEstimate:G3}");
    }

    private static double At(GridSolution g, double x, double y)
    {
        var i = Array.FindIndex(g.Nodes[0], v => Math.Abs(v - x) < 1e-12);
        var j = Array.FindIndex(g.Nodes[1], v => Math.Abs(v - y) < 1e-12);
        return g.Values[i, j];
    }

    private static double Max(GridSolution g, Func<double[], double> exact) =>
        Enumerable.Range(0, g.Values.GetLength(0)).Max(i => Math.Abs(g.Values[i, 0] - exact([g.Nodes[0][i]])));
}
