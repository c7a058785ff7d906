using McpFlow.Core.Errors;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Validation;

namespace McpFlow.Physics.Tests.Validation;

[Collection(FdReferenceCollection.Name)]
public sealed class FdGridTests
{
    [Fact]
    public void Grid_MarksDirichletNodesFixedAndPeriodicEndCopies()
    {
        var p = PdeSpecCompiler.Compile("""
            {"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"boundary_conditions":[{"where":"x","type":"periodic"},{"where":"y","value":"x"}]}
            """);
        var grid = new FdGrid(p, 4);
        grid.Roles[grid.Index([2, 0])].Should().Be(NodeRole.Fixed);
        grid.Roles[grid.Index([4, 2])].Should().Be(NodeRole.Copy);
        grid.Master(grid.Index([4, 2])).Should().Be(grid.Index([0, 2]));
        grid.Roles[grid.Index([0, 2])].Should().Be(NodeRole.Active);
        grid.Neighbours(grid.Index([0, 2]), 0).Should().Be((grid.Index([3, 2]), grid.Index([1, 2]))); // wraps to node n-1
        grid.DirichletValue(grid.Index([3, 4]), 0).Should().Be(0.75); // g = x on the y faces
    }

    [Fact]
    public void Grid_RefusesAbsurdSizesBeforeAllocating()
    {
        var p = PdeSpecCompiler.Compile("""{"preset":"poisson","domain":{"x":[0,1],"y":[0,1],"z":[0,1]},"boundary_conditions":[{"where":"all","value":"0"}]}""");
        var act = () => new FdGrid(p, 2000);
        act.Should().Throw<McpFlowException>().WithMessage("*at most 2,000,000 nodes*");
    }

    [Fact]
    public void Evolution_RefusesAProblemTooStiffForTheReferenceBeforeStepping()
    {
        // Allen-Cahn with k = 1e6 needs dt ≤ 0.2/(3k): ~1.5e7 steps on 33×33 nodes, far beyond the work cap.
        var p = PdeSpecCompiler.Compile("""
            {"preset":"allen_cahn","coefficients":{"k":1e6},"domain":{"x":[0,1],"y":[0,1],"t":[0,1]},"initial_condition":"0.5","boundary_conditions":[{"where":"all","value":"0.5"}]}
            """);
        var act = () => AdiFdSolver.Solve(p, 32);
        act.Should().Throw<McpFlowException>().WithMessage("*too stiff*");
    }

    [Fact]
    public void References_RejectPeriodicOnOneFaceOnly()
    {
        var p = PdeSpecCompiler.Compile("""
            {"preset":"heat","domain":{"x":[0,1],"t":[0,1]},"initial_condition":"0","boundary_conditions":[{"where":"x=min","type":"periodic"},{"where":"x=max","value":"0"}]}
            """);
        FdBoundaryCheck.Problem(p).Should().Contain("mixes periodic");
        FdReferenceSolver.Supports(p).Should().BeFalse();
    }

    [Fact]
    public void Evolution_RefusesANonFiniteInitialCondition()
    {
        var p = PdeSpecCompiler.Compile("""
            {"preset":"heat","domain":{"x":[0,1],"y":[0,1],"t":[0,1]},"initial_condition":"log(x)","boundary_conditions":[{"where":"all","type":"neumann","value":"0"}]}
            """);
        var act = () => AdiFdSolver.Solve(p, 8);
        act.Should().Throw<McpFlowException>().WithMessage("*initial condition is not finite*");
    }
}
