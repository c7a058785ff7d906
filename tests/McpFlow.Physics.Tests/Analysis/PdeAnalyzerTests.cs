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

    [Theory]
    [InlineData("sqrt(x-2)")]
    [InlineData("log(x-2)")]
    [InlineData("0/0")]
    public void Analyze_ReportsASourceThatIsNotFinite_InsteadOfCrashing(string source)
    {
        var a = PdeAnalyzer.Analyze(PdeSpecCompiler.Compile(
            $$"""{"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"{{source}}","boundary_conditions":[{"where":"all","value":"0"}]}"""));

        a.Classification.Type.Should().Be("elliptic"); // the operator -∇² decides the type, whatever the source
        a.WellPosed.Should().BeFalse();
        a.Issues.Should().Contain(i => i.Severity == "error" && i.Message.StartsWith("The source (the equation's terms without u) is not finite at 200 of 200"));
    }

    [Fact]
    public void Classify_IgnoresUndefinedTermsOfACustomEquation()
    {
        var c = PdeClassifier.Classify(PdeSpecCompiler.Compile("""{"equation":"u_xx - log(x - 2) = 0","domain":{"x":[0,1]},"boundary_conditions":[{"where":"all","value":"0"}]}"""));

        c.Type.Should().Be("elliptic");
        c.Linear.Should().BeTrue();
    }

    [Fact]
    public void Analyze_RefusesAnInitialConditionThatIsNotFinite()
    {
        var a = PdeAnalyzer.Analyze(PdeSpecCompiler.Compile(
            """{"preset":"heat","domain":{"x":[0,1],"t":[0,1]},"initial_condition":"log(x - 2)","boundary_conditions":[{"where":"all","value":"0"}]}"""));

        a.WellPosed.Should().BeFalse();
        a.Issues.Should().Contain(i => i.Severity == "error" && i.Message.StartsWith("The initial condition is not finite"));
    }

    [Fact]
    public void Analyze_FlagsAnExactSolutionThatViolatesTheBoundaryData()
    {
        // sin(πx)sin(πy) + 1 satisfies -∇²u = 2π² sin(πx)sin(πy) but equals 1, not 0, on every face.
        var a = PdeAnalyzer.Analyze(PdeSpecCompiler.Compile("""
            {"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"2*pi^2*sin(pi*x)*sin(pi*y)",
             "boundary_conditions":[{"where":"all","value":"0"}],"exact_solution":"sin(pi*x)*sin(pi*y) + 1"}
            """));

        a.WellPosed.Should().BeFalse();
        a.Issues.Should().Contain(i => i.Severity == "error" && i.Message.StartsWith("The exact solution violates the dirichlet condition on face x=min: u of the exact solution is 1 but the data give 0"));
        PdeAnalyzer.ToMarkdown(a).Should().NotContain("Well-posedness: OK");
    }

    [Fact]
    public void ToMarkdown_DoesNotSayOk_BesideAWarning()
    {
        // Issue 18: "Well-posedness: OK" was printed beside a warning. u(x, 0) = 1 meets u = 0 on both faces at t = 0: well
        // posed, but the initial and boundary data disagree at the two corners, which is a warning.
        var a = PdeAnalyzer.Analyze(PdeSpecCompiler.Compile("""
            {"preset":"heat","domain":{"x":[0,1],"t":[0,1]},"initial_condition":"1",
             "boundary_conditions":[{"where":"all","type":"dirichlet","value":"0"}]}
            """));

        a.WellPosed.Should().BeTrue();
        a.Issues.Should().Contain(i => i.Severity == "warning" && i.Message.StartsWith("The initial condition (1) and the boundary value (0) disagree"));
        PdeAnalyzer.ToMarkdown(a).Should().NotContain("Well-posedness: OK").And.Contain("Well-posedness: no errors,");
    }

    [Fact]
    public void Analyze_FlagsAnExactSolutionThatViolatesTheInitialDataOrANeumannFace()
    {
        // u = e^(-π²t)sin(πx) solves the heat equation with α = 1 and u(x, 0) = sin(πx), not 2·sin(πx); its outward
        // derivative at x = 1 is -π·e^(-π²t), not 0.
        var a = PdeAnalyzer.Analyze(PdeSpecCompiler.Compile("""
            {"preset":"heat","domain":{"x":[0,1],"t":[0,1]},"initial_condition":"2*sin(pi*x)","exact_solution":"exp(-pi^2*t)*sin(pi*x)",
             "boundary_conditions":[{"where":"x=min","value":"0"},{"where":"x=max","type":"neumann","value":"0"}]}
            """));

        a.Issues.Should().Contain(i => i.Severity == "error" && i.Message.StartsWith("The exact solution violates the initial condition"));
        a.Issues.Should().Contain(i => i.Severity == "error" && i.Message.StartsWith("The exact solution violates the neumann condition on face x=max"));
    }

    [Fact]
    public void Analyze_FlagsAHighFrequencyWave_FromTheSpeedOrTheExactSolution()
    {
        // c = 8 with one half-wave in x: u = sin(πx)cos(8πt) changes sign 8 times over t ∈ [0, 1].
        const string Wave = """{"preset":"wave","coefficients":{"c":8},"domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)","initial_velocity":"0","boundary_conditions":[{"where":"all","value":"0"}]""";
        PdeAnalyzer.Analyze(PdeSpecCompiler.Compile(Wave + "}")).Difficulties.Should().Contain(d => d.StartsWith("High frequency"));
        PdeAnalyzer.Analyze(PdeSpecCompiler.Compile(Wave + ""","exact_solution":"sin(pi*x)*cos(8*pi*t)"}""")).Difficulties.Should().Contain(d => d.StartsWith("High frequency"));
        PdeAnalyzer.Analyze(PdeSpecCompiler.Compile(Wave.Replace("\"c\":8", "\"c\":1", StringComparison.Ordinal) + "}")).Difficulties.Should().NotContain(d => d.StartsWith("High frequency"));
    }

    [Fact]
    public void Analyze_DoesNotWarnAboutOutflowLayersOnAPeriodicDomain()
    {
        const string Periodic = """{"preset":"advection_diffusion","coefficients":{"D":0.001},"domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(2*pi*x)","boundary_conditions":[{"where":"x","type":"periodic"}]}""";
        const string Dirichlet = """{"preset":"advection_diffusion","coefficients":{"D":0.001},"domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)","boundary_conditions":[{"where":"all","value":"0"}]}""";

        PdeAnalyzer.Analyze(PdeSpecCompiler.Compile(Periodic)).Difficulties.Should().NotContain(d => d.Contains("at the outflow")).And.Contain(d => d.Contains("periodic domain"));
        PdeAnalyzer.Analyze(PdeSpecCompiler.Compile(Dirichlet)).Difficulties.Should().Contain(d => d.Contains("boundary layers of width ~L/Pe at the outflow"));
    }
}
