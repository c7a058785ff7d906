using McpFlow.Physics.Specs;
using McpFlow.Physics.Training;
using static TorchSharp.torch;

namespace McpFlow.Physics.Tests.Training;

public sealed class HardInitialTests
{
    private const string Wave = """
        {"preset":"wave","coefficients":{"c":2},"domain":{"x":[0,1],"t":[0,1]},
         "initial_condition":"sin(pi*x) + 0.5*sin(4*pi*x)","initial_velocity":"cos(pi*x) - 1",
         "boundary_conditions":[{"where":"x","type":"dirichlet","value":"0"}]}
        """;

    private const string Burgers = """
        {"preset":"burgers","domain":{"x":[-1,1],"t":[0,1]},"initial_condition":"-sin(pi*x)",
         "boundary_conditions":[{"where":"x","type":"dirichlet","value":"0"}]}
        """;

    [Fact]
    public void Supports_TheWaveAndBurgers_WithHardFacesWhenTheDataAgreeOnThem()
    {
        // v₀ = cos(πx) - 1 is not 0 at x = 1 (it is -2): u₀ + t·v₀ would move the face, so the initial data stay soft there.
        HardInitial.Supports(PdeSpecCompiler.Compile(Wave), hardFaces: true, out var why).Should().BeFalse();
        why.Should().Contain("do not match the boundary values");
        HardInitial.Supports(PdeSpecCompiler.Compile(Wave), hardFaces: false, out _).Should().BeTrue();
        HardInitial.Supports(PdeSpecCompiler.Compile(Wave.Replace("cos(pi*x) - 1", "0", StringComparison.Ordinal)), hardFaces: true, out _).Should().BeTrue();
        // -sin(±π) = ∓1.2e-16: zero to rounding.
        HardInitial.Supports(PdeSpecCompiler.Compile(Burgers), hardFaces: true, out _).Should().BeTrue();
    }

    [Fact]
    public void Supports_RefusesTimeDependentFaceValuesAndProblemsWithoutTime()
    {
        var moving = PdeSpecCompiler.Compile(Burgers.Replace("\"value\":\"0\"", "\"value\":\"0*t\"", StringComparison.Ordinal));
        HardInitial.Supports(moving, hardFaces: true, out var why).Should().BeFalse();
        why.Should().Contain("depend on t");
        HardInitial.Supports(PdeSpecCompiler.Compile(Specs.PdeSpecCompilerTests.Poisson), hardFaces: true, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheAnsatz_HoldsTheInitialValueAndVelocityExactly_BeforeAnyTraining(bool hardFaces)
    {
        var problem = PdeSpecCompiler.Compile(Wave.Replace("cos(pi*x) - 1", "sin(2*pi*x)", StringComparison.Ordinal));
        using var model = new PinnModel(problem, new TrainingOptions { HardBoundary = hardFaces, HardInitial = true, Depth = 2, Width = 8, Dtype = "float64" }, CPU);
        model.HardInitialConditions.Should().BeTrue();
        model.Hard.Should().Be(hardFaces);
        using var scope = NewDisposeScope();
        double[] xs = [0.1, 0.37, 0.5, 0.83];
        var x = tensor(xs.SelectMany(v => new[] { v, 0.0 }).ToArray(), [xs.Length, 2], dtype: ScalarType.Float64).requires_grad_(true);
        var d = model.Differentiate(x);
        var u = d.Of("").data<double>().ToArray();
        var ut = d.Of("t").data<double>().ToArray();
        for (var i = 0; i < xs.Length; i++)
        {
            // u₀ and v₀ of the spec, evaluated directly.
            u[i].Should().BeApproximately(Math.Sin(Math.PI * xs[i]) + 0.5 * Math.Sin(4 * Math.PI * xs[i]), 1e-12);
            ut[i].Should().BeApproximately(Math.Sin(2 * Math.PI * xs[i]), 1e-12);
        }
    }

    [Fact]
    public void TheLoss_HasNoInitialTerm_WhenTheInitialConditionIsHard()
    {
        var problem = PdeSpecCompiler.Compile(Burgers);
        using var hard = new PinnModel(problem, new TrainingOptions { HardInitial = true, Depth = 2, Width = 8, InteriorPoints = 32 }, CPU);
        using var soft = new PinnModel(problem, new TrainingOptions { HardInitial = false, Depth = 2, Width = 8, InteriorPoints = 32 }, CPU);
        using var hardLoss = new PinnLoss(hard);
        using var softLoss = new PinnLoss(soft);

        hardLoss.Components.Should().Equal("residual");
        softLoss.Components.Should().Equal("residual", "initial");
    }

    [Fact]
    public void TheLoss_HasNoPeriodicTerm_WhenFourierFeaturesMakeTheNetworkPeriodic()
    {
        // Allen-Cahn's u₀ = x²cos(πx) has slopes -2 at x = 1 and 2 at x = -1 (d/dx = 2x cos(πx) - πx² sin(πx)): with a hard
        // initial condition the slope term would stay (2 - (-2))² = 16 whatever the network learns.
        var problem = PdeSpecCompiler.Compile("""
            {"preset":"allen_cahn","domain":{"x":[-1,1],"t":[0,1]},"initial_condition":"x^2*cos(pi*x)",
             "boundary_conditions":[{"where":"x","type":"periodic"}]}
            """);
        using var periodic = new PinnModel(problem, new TrainingOptions { HardInitial = true, FourierFeatures = 4, Depth = 2, Width = 8, InteriorPoints = 32 }, CPU);
        using var plain = new PinnModel(problem, new TrainingOptions { HardInitial = true, FourierFeatures = 0, Depth = 2, Width = 8, InteriorPoints = 32 }, CPU);
        using var periodicLoss = new PinnLoss(periodic);
        using var plainLoss = new PinnLoss(plain);

        periodicLoss.Components.Should().Equal("residual");
        plainLoss.Components.Should().Equal("residual", "boundary");
    }
}
