using McpFlow.Physics.Analysis;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Tests.Specs;

namespace McpFlow.Physics.Tests.Analysis;

public sealed class PdeAnalyzerTests
{
    [Theory]
    [InlineData("""{"preset":"poisson","domain":{"x":[0,1],"y":[0,1]}}""", "elliptic", true, 2)]
    [InlineData("""{"preset":"heat","domain":{"x":[0,1],"t":[0,1]}}""", "parabolic", true, 2)]
    [InlineData("""{"preset":"wave","domain":{"x":[0,1],"y":[0,1],"t":[0,1]}}""", "hyperbolic", true, 2)]
    [InlineData("""{"preset":"burgers","domain":{"x":[-1,1],"t":[0,1]}}""", "parabolic", false, 2)]
    [InlineData("""{"preset":"allen_cahn","domain":{"x":[-1,1],"t":[0,1]}}""", "parabolic", false, 2)]
    [InlineData("""{"preset":"helmholtz","domain":{"x":[0,1],"y":[0,1]}}""", "elliptic", true, 2)]
    [InlineData("""{"equation":"u_t + 2*u_x = 0","domain":{"x":[0,1],"t":[0,1]}}""", "first-order hyperbolic (transport)", true, 1)]
    [InlineData("""{"equation":"u_xx - u_yy = 0","domain":{"x":[0,1],"y":[0,1]}}""", "hyperbolic", true, 2)]
    public void Classify_RecognisesTypeLinearityAndOrder(string json, string type, bool linear, int order)
    {
        var c = PdeClassifier.Classify(PdeSpecCompiler.Compile(json));
        c.Type.Should().Be(type);
        c.Linear.Should().Be(linear);
        c.Order.Should().Be(order);
    }

    [Fact]
    public void Analyze_PlansHardBoundariesAndConfirmsTheExactSolutionForPoisson()
    {
        var a = PdeAnalyzer.Analyze(PdeSpecCompiler.Compile(PdeSpecCompilerTests.Poisson));
        a.WellPosed.Should().BeTrue();
        a.Plan.HardBoundary.Should().BeTrue();
        a.Issues.Should().Contain(i => i.Severity == "info" && i.Message.Contains("satisfies the equation"));
        PdeAnalyzer.ToMarkdown(a).Should().Contain("elliptic").And.Contain("Adam");
    }

    [Fact]
    public void Analyze_FlagsMissingFacesMissingInitialDataAndAWrongSourceSign()
    {
        var wrongSign = """
            {"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"-2*pi^2*sin(pi*x)*sin(pi*y)",
             "boundary_conditions":[{"where":"x","type":"dirichlet","value":"0"}],"exact_solution":"sin(pi*x)*sin(pi*y)"}
            """;
        var a = PdeAnalyzer.Analyze(PdeSpecCompiler.Compile(wrongSign));
        a.WellPosed.Should().BeFalse();
        a.Issues.Should().Contain(i => i.Message.Contains("Face y=min has no boundary condition"));
        a.Issues.Should().Contain(i => i.Message.Contains("does not satisfy the equation"));

        var wave = PdeAnalyzer.Analyze(PdeSpecCompiler.Compile("""{"preset":"wave","domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)","boundary_conditions":[{"where":"all","value":"1"}]}"""));
        wave.Issues.Should().Contain(i => i.Message.Contains("initial_velocity"));
        wave.Issues.Should().Contain(i => i.Message.Contains("disagree on face"));
    }

    [Fact]
    public void Analyze_WarnsAboutSteepFrontsForBurgersWithSmallViscosity()
    {
        var a = PdeAnalyzer.Analyze(PdeSpecCompiler.Compile(
            """{"preset":"burgers","domain":{"x":[-1,1],"t":[0,1]},"initial_condition":"-sin(pi*x)","boundary_conditions":[{"where":"all","value":"0"}]}"""));
        a.Difficulties.Should().Contain(d => d.Contains("steep fronts"));
        a.Plan.ResampleEvery.Should().Be(250);
    }
}
