using McpFlow.Physics.Specs;
using McpFlow.Physics.Validation;

namespace McpFlow.Physics.Tests.Validation;

/// <summary>The leapfrog wave reference against standing waves (closed forms checked by hand: u_tt = c²Δu).</summary>
[Collection(FdReferenceCollection.Name)]
public sealed class LeapfrogFdSolverTests
{
    private static double Order(PdeProblem p, int n, Func<double[], double> exact) =>
        Math.Log2(GridErrors.Max(p, LeapfrogFdSolver.Solve(p, n), exact) / GridErrors.Max(p, LeapfrogFdSolver.Solve(p, 2 * n), exact));

    [Fact]
    public void Wave1D_WithNeumannEnds_ConvergesAtSecondOrder()
    {
        // u = cos(πx)·cos(πt): u_x = 0 at both ends (zero outward derivative).
        var p = PdeSpecCompiler.Compile("""
            {"preset":"wave","domain":{"x":[0,1],"t":[0,1]},"initial_condition":"cos(pi*x)","initial_velocity":"0",
             "boundary_conditions":[{"where":"x","type":"neumann","value":"0"}]}
            """);
        Order(p, 32, q => Math.Cos(Math.PI * q[0]) * Math.Cos(Math.PI * q[1])).Should().BeApproximately(2, 0.15);
    }

    [Fact]
    public void Wave2D_PeriodicInXNeumannInY_ConvergesAtSecondOrder()
    {
        // u = sin(2πx)·cos(πy)·cos(√5·πt), c = 1: u_tt = -5π²u = Δu; u_y = 0 on the y faces; periodic in x.
        var p = PdeSpecCompiler.Compile(Wave2D);
        var g = LeapfrogFdSolver.Solve(p, 8);
        g.Axes.Should().Equal('x', 'y');
        Order(p, 16, Wave2DExact).Should().BeApproximately(2, 0.15);
    }

    internal const string Wave2D = """
        {"preset":"wave","domain":{"x":[0,1],"y":[0,1],"t":[0,0.5]},"initial_condition":"sin(2*pi*x)*cos(pi*y)","initial_velocity":"0",
         "boundary_conditions":[{"where":"x","type":"periodic"},{"where":"y","type":"neumann","value":"0"}]}
        """;

    internal static double Wave2DExact(double[] q) =>
        Math.Sin(2 * Math.PI * q[0]) * Math.Cos(Math.PI * q[1]) * Math.Cos(Math.Sqrt(5) * Math.PI * q[2]);
}
