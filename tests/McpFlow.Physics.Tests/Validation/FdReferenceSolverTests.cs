using McpFlow.Physics.Specs;
using McpFlow.Physics.Validation;

namespace McpFlow.Physics.Tests.Validation;

[Collection(FdReferenceCollection.Name)]
public sealed class FdReferenceSolverTests
{
    private static double MaxError(GridSolution g, Func<double, double, double> exact, int column = -1)
    {
        double max = 0;
        for (var i = 0; i < g.Values.GetLength(0); i++)
            for (var j = 0; j < g.Values.GetLength(1); j++)
            {
                if (column >= 0 && j != column)
                    continue;
                var b = g.Nodes.Count > 1 ? g.Nodes[1][j] : 0;
                max = Math.Max(max, Math.Abs(g.Values[i, j] - exact(g.Nodes[0][i], b)));
            }

        return max;
    }

    [Fact]
    public void Poisson5Point_ConvergesAtSecondOrder()
    {
        var p = PdeSpecCompiler.Compile("""
            {"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"2*pi^2*sin(pi*x)*sin(pi*y)","boundary_conditions":[{"where":"all","value":"0"}]}
            """);
        double Exact(double x, double y) => Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y);
        var e16 = MaxError(EllipticFdSolver.Solve(p, 16), Exact);
        var e32 = MaxError(EllipticFdSolver.Solve(p, 32), Exact);
        Math.Log2(e16 / e32).Should().BeApproximately(2, 0.1);
    }

    [Fact]
    public void Helmholtz5Point_ConvergesAtSecondOrderWithNonzeroBoundaryData()
    {
        // u = sin(2x)·cos(y) + x·y: Δu + k²u with k = 1 gives f = -4 sin(2x)cos(y) + x·y (hand-derived).
        var p = PdeSpecCompiler.Compile("""
            {"preset":"helmholtz","coefficients":{"k":1},"domain":{"x":[0,1],"y":[0,1]},"source":"-4*sin(2*x)*cos(y) + x*y",
             "boundary_conditions":[{"where":"all","value":"sin(2*x)*cos(y) + x*y"}]}
            """);
        double Exact(double x, double y) => Math.Sin(2 * x) * Math.Cos(y) + x * y;
        var e16 = MaxError(EllipticFdSolver.Solve(p, 16), Exact);
        var e32 = MaxError(EllipticFdSolver.Solve(p, 32), Exact);
        Math.Log2(e16 / e32).Should().BeApproximately(2, 0.15);
    }

    [Fact]
    public void HeatCrankNicolson_ConvergesAtSecondOrderInSpace()
    {
        var p = PdeSpecCompiler.Compile("""
            {"preset":"heat","coefficients":{"alpha":0.1},"domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)","boundary_conditions":[{"where":"all","value":"0"}]}
            """);
        double Exact(double x, double t) => Math.Exp(-0.1 * Math.PI * Math.PI * t) * Math.Sin(Math.PI * x);
        var e32 = MaxError(EvolutionFdSolver.Solve(p, 32), Exact);
        var e64 = MaxError(EvolutionFdSolver.Solve(p, 64), Exact);
        Math.Log2(e32 / e64).Should().BeApproximately(2, 0.15);
    }

    [Fact]
    public void WaveLeapfrog_ConvergesAtSecondOrder()
    {
        var p = PdeSpecCompiler.Compile("""
            {"preset":"wave","domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)","initial_velocity":"0","boundary_conditions":[{"where":"all","value":"0"}]}
            """);
        double Exact(double x, double t) => Math.Sin(Math.PI * x) * Math.Cos(Math.PI * t);
        var e32 = MaxError(EvolutionFdSolver.Solve(p, 32), Exact);
        var e64 = MaxError(EvolutionFdSolver.Solve(p, 64), Exact);
        Math.Log2(e32 / e64).Should().BeApproximately(2, 0.25);
    }

    [Fact]
    public void Reference_StatesAnErrorEstimateThatBoundsTheTrueError()
    {
        var p = PdeSpecCompiler.Compile("""
            {"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"2*pi^2*sin(pi*x)*sin(pi*y)","boundary_conditions":[{"where":"all","value":"0"}]}
            """);
        var g = FdReferenceSolver.Solve(p);
        var trueError = MaxError(g, (x, y) => Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y));
        g.ErrorEstimate.Should().BeInRange(trueError * 0.5, trueError * 2);
    }

    [Theory]
    [InlineData("heat 2D, dirichlet + neumann faces")]
    [InlineData("wave 2D, periodic + neumann")]
    [InlineData("poisson 3D, neumann face")]
    public void Reference_ForNewProblemClasses_StatesAnErrorEstimateThatBoundsTheTrueError(string problem)
    {
        var (json, exact) = problem switch
        {
            "heat 2D, dirichlet + neumann faces" => (AdiFdSolverTests.Heat2DNeumann, (Func<double[], double>)AdiFdSolverTests.Heat2DExact),
            "wave 2D, periodic + neumann" => (LeapfrogFdSolverTests.Wave2D, LeapfrogFdSolverTests.Wave2DExact),
            _ => (EllipticFdSolverTests.Poisson3DNeumann, EllipticFdSolverTests.Poisson3DExact),
        };
        var p = PdeSpecCompiler.Compile(json);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var g = FdReferenceSolver.Solve(p);
        watch.Stop();
        var trueError = GridErrors.Max(p, g, exact);
        trueError.Should().BeGreaterThan(0);
        g.ErrorEstimate.Should().BeInRange(trueError * 0.5, trueError * 2, $"the fine solution's error is {trueError:G3} ({g.Method}, {watch.ElapsedMilliseconds} ms)");
    }

    [Fact]
    public void Reference_KeepsCrankNicolsonForDirichlet1DAndUsesAdiForPeriodic1D()
    {
        var dirichlet = PdeSpecCompiler.Compile("""
            {"preset":"heat","domain":{"x":[0,1],"t":[0,0.1]},"initial_condition":"sin(pi*x)","boundary_conditions":[{"where":"all","value":"0"}]}
            """);
        var periodic = PdeSpecCompiler.Compile("""
            {"preset":"burgers","coefficients":{"nu":0.05},"domain":{"x":[0,1],"t":[0,0.1]},"initial_condition":"sin(2*pi*x)","boundary_conditions":[{"where":"x","type":"periodic"}]}
            """);
        FdReferenceSolver.Solve(dirichlet).Method.Should().StartWith("Crank-Nicolson");
        var g = FdReferenceSolver.Solve(periodic);
        g.Method.Should().StartWith("Hundsdorfer-Verwer ADI").And.Contain("periodic");
        g.ErrorEstimate.Should().BeLessThan(1e-4);
        for (var k = 0; k < g.Values.GetLength(1); k++)
            g.Values[0, k].Should().BeApproximately(g.Values[g.Values.GetLength(0) - 1, k], 1e-12); // u(0, t) = u(1, t)
    }
}
