using McpFlow.Core.Errors;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Validation;

namespace McpFlow.Physics.Tests.Validation;

/// <summary>Neumann, periodic and 3D elliptic references against manufactured closed forms (sources and boundary
/// data derived by hand from the stated u; each comment shows the derivation).</summary>
[Collection(FdReferenceCollection.Name)]
public sealed class EllipticFdSolverTests
{
    [Fact]
    public void Poisson_WithNeumannFacesAndNeumannCorners_ConvergesAtSecondOrder()
    {
        // u = e^x·sin(y) + y²: Δu = e^x sin y - e^x sin y + 2 = 2, so f = -Δu = -2. Outward derivatives:
        // x=max: u_x = e·sin(y); y=min: -u_y = -e^x; y=max: u_y = e^x·cos(1) + 2. Dirichlet only at x=min.
        var p = PdeSpecCompiler.Compile("""
            {"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"-2","boundary_conditions":[
              {"where":"x=min","type":"dirichlet","value":"sin(y) + y^2"},
              {"where":"x=max","type":"neumann","value":"e*sin(y)"},
              {"where":"y=min","type":"neumann","value":"-exp(x)"},
              {"where":"y=max","type":"neumann","value":"exp(x)*cos(1) + 2"}]}
            """);
        var order = GridErrors.Order(p, n => EllipticFdSolver.Solve(p, n), 16, q => Math.Exp(q[0]) * Math.Sin(q[1]) + q[1] * q[1]);
        order.Should().BeApproximately(2, 0.15);
    }

    [Fact]
    public void Helmholtz_PeriodicInXDirichletInY_ConvergesAtSecondOrder()
    {
        // u = cos(2πx)·y + sin(2πx)·e^y, k = 1: Δu + u = (1 - 4π²)·cos(2πx)·y + (2 - 4π²)·sin(2πx)·e^y.
        var p = PdeSpecCompiler.Compile("""
            {"preset":"helmholtz","coefficients":{"k":1},"domain":{"x":[0,1],"y":[0,1]},
             "source":"(1 - 4*pi^2)*cos(2*pi*x)*y + (2 - 4*pi^2)*sin(2*pi*x)*exp(y)","boundary_conditions":[
              {"where":"x","type":"periodic"},
              {"where":"y","type":"dirichlet","value":"cos(2*pi*x)*y + sin(2*pi*x)*exp(y)"}]}
            """);
        var order = GridErrors.Order(p, n => EllipticFdSolver.Solve(p, n), 16, q => Math.Cos(2 * Math.PI * q[0]) * q[1] + Math.Sin(2 * Math.PI * q[0]) * Math.Exp(q[1]));
        order.Should().BeApproximately(2, 0.15);
    }

    [Fact]
    public void Poisson3D_SevenPoint_WithANeumannFace_ConvergesAtSecondOrderOnTheMidSlice()
    {
        // u = sin(πx)·sin(πy)·cos(πz/2): -Δu = (2π² + π²/4)·u; u = 0 on x and y faces; z=min: -u_z = 0;
        // z=max: u_z = -(π/2)·sin(πx)·sin(πy).
        var p = PdeSpecCompiler.Compile(Poisson3DNeumann);
        var fine = EllipticFdSolver.Solve(p, 16);
        fine.Axes.Should().Equal('x', 'y');
        fine.Method.Should().Contain("7-point").And.Contain("z = 0.5");
        var order = GridErrors.Order(p, n => EllipticFdSolver.Solve(p, n), 8, Poisson3DExact);
        order.Should().BeApproximately(2, 0.15);
    }

    [Fact]
    public void Poisson_WithOnlyNeumannAndPeriodicFaces_IsRefusedAsSingular()
    {
        var p = PdeSpecCompiler.Compile("""
            {"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"cos(2*pi*x)","boundary_conditions":[
              {"where":"x","type":"periodic"},{"where":"y","type":"neumann","value":"0"}]}
            """);
        EllipticFdSolver.Supports(p).Should().BeFalse();
        FdReferenceSolver.Supports(p).Should().BeFalse();
        var act = () => EllipticFdSolver.Solve(p, 16);
        act.Should().Throw<McpFlowException>().WithMessage("*only up to a constant*");
    }

    internal const string Poisson3DNeumann = """
        {"preset":"poisson","domain":{"x":[0,1],"y":[0,1],"z":[0,1]},"source":"(2*pi^2 + pi^2/4)*sin(pi*x)*sin(pi*y)*cos(pi*z/2)","boundary_conditions":[
          {"where":"x","value":"0"},{"where":"y","value":"0"},
          {"where":"z=min","type":"neumann","value":"0"},{"where":"z=max","type":"neumann","value":"-pi/2*sin(pi*x)*sin(pi*y)"}]}
        """;

    internal static double Poisson3DExact(double[] q) => Math.Sin(Math.PI * q[0]) * Math.Sin(Math.PI * q[1]) * Math.Cos(Math.PI * q[2] / 2);
}
