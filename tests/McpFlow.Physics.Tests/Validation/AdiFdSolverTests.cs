using McpFlow.Physics.Specs;
using McpFlow.Physics.Validation;

namespace McpFlow.Physics.Tests.Validation;

/// <summary>The Douglas ADI reference against closed-form solutions (each checked by hand: u_t - D·Δu - N = 0 and the
/// boundary data follow from the stated u). Refining h ÷ 2 with dt ÷ 4 must divide the error by 4 (order 2 in h).</summary>
[Collection(FdReferenceCollection.Name)]
public sealed class AdiFdSolverTests
{
    private static double Order(PdeProblem p, int n, Func<double[], double> exact) =>
        Math.Log2(GridErrors.Max(p, AdiFdSolver.Solve(p, n, 1), exact) / GridErrors.Max(p, AdiFdSolver.Solve(p, 2 * n, 0.25), exact));

    [Fact]
    public void Heat1D_WithTimeDependentNeumannData_ConvergesAtSecondOrder()
    {
        // u = e^{-t}·cos(x), α = 1: u_t = -u = u_xx. x=min: -u_x = 0; x=max: u_x = -e^{-t}·sin(1).
        var p = PdeSpecCompiler.Compile("""
            {"preset":"heat","coefficients":{"alpha":1},"domain":{"x":[0,1],"t":[0,1]},"initial_condition":"cos(x)",
             "boundary_conditions":[{"where":"x=min","type":"neumann","value":"0"},{"where":"x=max","type":"neumann","value":"-exp(-t)*sin(1)"}]}
            """);
        AdiFdSolver.Solve(p, 16).Axes.Should().Equal('x', 't');
        Order(p, 16, q => Math.Exp(-q[1]) * Math.Cos(q[0])).Should().BeApproximately(2, 0.15);
    }

    [Fact]
    public void AdvectionDiffusion1D_Periodic_ConvergesAtSecondOrder()
    {
        // u = e^{-4π²D·t}·sin(2π(x - a·t)) solves u_t + a·u_x = D·u_xx on a periodic [0, 1].
        var p = PdeSpecCompiler.Compile("""
            {"preset":"advection_diffusion","coefficients":{"a_x":1,"D":0.05},"domain":{"x":[0,1],"t":[0,0.5]},"initial_condition":"sin(2*pi*x)",
             "boundary_conditions":[{"where":"x","type":"periodic"}]}
            """);
        Order(p, 32, q => Math.Exp(-4 * Math.PI * Math.PI * 0.05 * q[1]) * Math.Sin(2 * Math.PI * (q[0] - q[1]))).Should().BeApproximately(2, 0.15);
    }

    [Fact]
    public void Heat2D_DirichletAndNeumannFaces_ConvergesAtSecondOrderAtTheFinalTime()
    {
        // u = e^{-2t}·cos(x)·cos(y), α = 1: u_t = -2u = Δu. x=min Dirichlet cos(y)·e^{-2t}; x=max: u_x = -e^{-2t}·sin(1)·cos(y);
        // y=min: -u_y = 0; y=max: u_y = -e^{-2t}·cos(x)·sin(1).
        var p = PdeSpecCompiler.Compile(Heat2DNeumann);
        var g = AdiFdSolver.Solve(p, 8);
        g.Axes.Should().Equal('x', 'y');
        g.Method.Should().Contain("t = 1");
        Order(p, 8, Heat2DExact).Should().BeApproximately(2, 0.15);
    }

    [Fact]
    public void AdvectionDiffusion2D_PeriodicBothAxes_ConvergesAtSecondOrder()
    {
        // u = e^{-8π²D·t}·sin(2π(x - a_x t))·sin(2π(y - a_y t)) solves u_t + a·∇u = D·Δu on the periodic unit square.
        var p = PdeSpecCompiler.Compile("""
            {"preset":"advection_diffusion","coefficients":{"a_x":1,"a_y":0.5,"D":0.05},"domain":{"x":[0,1],"y":[0,1],"t":[0,0.25]},
             "initial_condition":"sin(2*pi*x)*sin(2*pi*y)","boundary_conditions":[{"where":"all","type":"periodic"}]}
            """);
        Order(p, 16, q => Math.Exp(-8 * Math.PI * Math.PI * 0.05 * q[2]) * Math.Sin(2 * Math.PI * (q[0] - q[2])) * Math.Sin(2 * Math.PI * (q[1] - 0.5 * q[2])))
            .Should().BeApproximately(2, 0.15);
    }

    [Fact]
    public void AllenCahn2D_WithAManufacturedSource_ConvergesAtSecondOrder()
    {
        // u = e^{-t}·sin(πx)·sin(πy), d = 0.01, k = 1: f = u_t - d·Δu - k(u - u³) = (-1 + 2π²d - 1)·u + u³.
        var p = PdeSpecCompiler.Compile("""
            {"preset":"allen_cahn","coefficients":{"d":0.01,"k":1},"domain":{"x":[0,1],"y":[0,1],"t":[0,1]},
             "source":"(-2 + 2*pi^2*0.01)*exp(-t)*sin(pi*x)*sin(pi*y) + (exp(-t)*sin(pi*x)*sin(pi*y))^3",
             "initial_condition":"sin(pi*x)*sin(pi*y)","boundary_conditions":[{"where":"all","value":"0"}]}
            """);
        Order(p, 8, q => Math.Exp(-q[2]) * Math.Sin(Math.PI * q[0]) * Math.Sin(Math.PI * q[1])).Should().BeApproximately(2, 0.15);
    }

    [Fact]
    public void AllenCahn2D_IsSecondOrderInTimeIncludingTheExplicitReaction()
    {
        // u = e^{-t}(x² + y²)/2 is quadratic in space, so the 5-point Laplacian and the Neumann ghost node are exact and
        // only the time error remains. d = 0.1, k = 1: f = u_t - d·Δu - k(u - u³) = -2u - 0.2e^{-t} + u³.
        // x=max: u_x = e^{-t}; the other faces Dirichlet.
        var p = PdeSpecCompiler.Compile("""
            {"preset":"allen_cahn","coefficients":{"d":0.1,"k":1},"domain":{"x":[0,1],"y":[0,1],"t":[0,1]},
             "source":"-exp(-t)*(x^2 + y^2) - 0.2*exp(-t) + (exp(-t)*(x^2 + y^2)/2)^3","initial_condition":"(x^2 + y^2)/2",
             "boundary_conditions":[{"where":"x=max","type":"neumann","value":"exp(-t)"},
               {"where":"x=min","value":"exp(-t)*y^2/2"},{"where":"y","value":"exp(-t)*(x^2 + y^2)/2"}]}
            """);
        static double Exact(double[] q) => Math.Exp(-q[2]) * (q[0] * q[0] + q[1] * q[1]) / 2;
        var coarse = GridErrors.Max(p, AdiFdSolver.Solve(p, 8, 8), Exact);
        var fine = GridErrors.Max(p, AdiFdSolver.Solve(p, 8, 4), Exact);
        Math.Log2(coarse / fine).Should().BeApproximately(2, 0.15);
    }

    [Fact]
    public void Heat3D_ConvergesAtSecondOrderOnTheMidSliceAtTheFinalTime()
    {
        // u = e^{-3π²αt}·sin(πx)·sin(πy)·sin(πz) with α = 0.1, u = 0 on every face.
        var p = PdeSpecCompiler.Compile("""
            {"preset":"heat","coefficients":{"alpha":0.1},"domain":{"x":[0,1],"y":[0,1],"z":[0,1],"t":[0,0.5]},
             "initial_condition":"sin(pi*x)*sin(pi*y)*sin(pi*z)","boundary_conditions":[{"where":"all","value":"0"}]}
            """);
        Order(p, 6, q => Math.Exp(-0.3 * Math.PI * Math.PI * q[3]) * Math.Sin(Math.PI * q[0]) * Math.Sin(Math.PI * q[1]) * Math.Sin(Math.PI * q[2]))
            .Should().BeApproximately(2, 0.15);
    }

    internal const string Heat2DNeumann = """
        {"preset":"heat","coefficients":{"alpha":1},"domain":{"x":[0,1],"y":[0,1],"t":[0,1]},"initial_condition":"cos(x)*cos(y)",
         "boundary_conditions":[{"where":"x=min","type":"dirichlet","value":"exp(-2*t)*cos(y)"},
           {"where":"x=max","type":"neumann","value":"-exp(-2*t)*sin(1)*cos(y)"},
           {"where":"y=min","type":"neumann","value":"0"},{"where":"y=max","type":"neumann","value":"-exp(-2*t)*cos(x)*sin(1)"}]}
        """;

    internal static double Heat2DExact(double[] q) => Math.Exp(-2 * q[2]) * Math.Cos(q[0]) * Math.Cos(q[1]);
}
