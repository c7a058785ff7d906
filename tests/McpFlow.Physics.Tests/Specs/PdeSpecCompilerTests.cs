using McpFlow.Core.Errors;
using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Tests.Specs;

public sealed class PdeSpecCompilerTests
{
    internal const string Poisson = """
        {"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"2*pi^2*sin(pi*x)*sin(pi*y)",
         "boundary_conditions":[{"where":"all","type":"dirichlet","value":"0"}],"exact_solution":"sin(pi*x)*sin(pi*y)"}
        """;

    [Fact]
    public void Compile_ExpandsThePoissonPresetOverTheDomainAxes()
    {
        var p = PdeSpecCompiler.Compile(Poisson);
        p.ResidualText.Should().Be("-(u_xx + u_yy) - f");
        p.Space.Select(a => a.Name).Should().Equal('x', 'y');
        p.Boundaries.Should().HaveCount(4).And.OnlyContain(b => b.Kind == BoundaryKind.Dirichlet);
        p.ResidualDerivatives.Should().BeEquivalentTo("u_xx", "u_yy");
    }

    [Fact]
    public void Compile_AcceptsCustomEquationsWithBothSides()
    {
        var p = PdeSpecCompiler.Compile("""{"equation":"u_t + u*u_x = nu*u_xx","coefficients":{"nu":0.05},"domain":{"x":[-1,1],"t":[0,1]},"initial_condition":"-sin(pi*x)"}""");
        p.Kind.Should().Be("custom");
        p.TimeOrder.Should().Be(1);
        p.Coefficients["nu"].Should().Be(0.05);
    }

    [Theory]
    [InlineData("""{"equation":"u_xx + q = 0","domain":{"x":[0,1]}}""", "unknown symbol 'q'")]
    [InlineData("""{"equation":"u_xx + u_yy = 0","domain":{"x":[0,1]}}""", "not an axis of the domain")]
    [InlineData("""{"preset":"poisson","domain":{"x":[1,1]}}""", "degenerate")]
    [InlineData("""{"preset":"heat","domain":{"x":[0,1]}}""", "add a time axis")]
    [InlineData("""{"preset":"poisson","domain":{"x":[0,1]},"source":"sin(pi*x"}""", "position 9")]
    [InlineData("""{"preset":"poison","domain":{"x":[0,1]}}""", "Unknown preset 'poison'")]
    [InlineData("""{"preset":"poisson","domain":{"x":[0,1]},"source":"u*x"}""", "cannot appear here")]
    [InlineData("""{"preset":"poisson","domain":{"x":[0,1]},"boundary_conditions":[{"where":"x=2"}]}""", "not a face")]
    [InlineData("""{"preset":"poisson","domain":{"x":[0,1]},"extra":1}""", "not valid JSON")]
    public void Compile_RejectsBadSpecsWithActionableMessages(string json, string fragment)
    {
        var act = () => PdeSpecCompiler.Compile(json);
        act.Should().Throw<McpFlowException>().Where(e => e.ToClientMessage().Contains(fragment));
    }
}
