using McpFlow.Physics.Analysis;
using McpFlow.Physics.Specs;
using McpFlow.Physics.Tests.Specs;

namespace McpFlow.Physics.Tests.Analysis;

/// <summary>What the plan chooses for each problem class (issue 14). Expected settings follow from the planner's rules
/// applied by hand to each spec; the comments give the arithmetic.</summary>
public sealed class TrainingPlannerTests
{
    // Wang, Yu and Perdikaris (2022): u = sin(πx)cos(2πt) + 0.5 sin(4πx)cos(8πt), c = 2 (tools/bench/physics/PlannerBench).
    internal const string Wave = """
        {"preset":"wave","coefficients":{"c":2},"domain":{"x":[0,1],"t":[0,1]},
         "initial_condition":"sin(pi*x) + 0.5*sin(4*pi*x)","initial_velocity":"0",
         "boundary_conditions":[{"where":"x","type":"dirichlet","value":"0"}]}
        """;

    internal const string Helmholtz = """
        {"preset":"helmholtz","coefficients":{"k":1},"domain":{"x":[-1,1],"y":[-1,1]},
         "source":"-(pi^2)*sin(pi*x)*sin(4*pi*y) - (16*pi^2)*sin(pi*x)*sin(4*pi*y) + sin(pi*x)*sin(4*pi*y)",
         "boundary_conditions":[{"where":"all","type":"dirichlet","value":"0"}]}
        """;

    internal const string AllenCahn = """
        {"preset":"allen_cahn","domain":{"x":[-1,1],"t":[0,1]},"initial_condition":"x^2*cos(pi*x)",
         "boundary_conditions":[{"where":"x","type":"periodic"}]}
        """;

    internal const string Heat = """
        {"preset":"heat","domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)",
         "boundary_conditions":[{"where":"all","type":"dirichlet","value":"0"}]}
        """;

    // Raissi et al. (2019): ν = 0.01/π (the preset's default), u₀ = -sin(πx), u(±1, t) = 0 (tools/bench/physics/BurgersBench).
    internal const string Burgers = """
        {"preset":"burgers","domain":{"x":[-1,1],"t":[0,1]},"initial_condition":"-sin(pi*x)",
         "boundary_conditions":[{"where":"x","value":"0"}]}
        """;

    private static PdeAnalysis Analyze(string spec) => PdeAnalyzer.Analyze(PdeSpecCompiler.Compile(spec));

    [Fact]
    public void Poisson_KeepsTheCheapPlan()
    {
        // Steady, linear, 2 inputs: 3×32, 2000 points, Adam 2000 + L-BFGS 300; sin(πx)sin(πy) has one half-wave per axis.
        var a = Analyze(PdeSpecCompilerTests.Poisson);

        a.Plan.Should().BeEquivalentTo(new { Depth = 3, Width = 32, InteriorPoints = 2000, AdamSteps = 2000, LbfgsSteps = 300, FourierFeatures = 0, HardBoundary = true, HardInitial = false, Dtype = "float32" });
        a.Reliability.Should().BeNull();
    }

    [Fact]
    public void Wave_GetsHardInitialDataAndFourierFeatures_FromTheSecondModesHalfWaves()
    {
        // u₀ = sin(πx) + 0.5 sin(4πx) never changes sign on (0, 1) but has 4 extrema; mode 4 at c = 2 over T = 1 on L = 1
        // oscillates 4·2·1/1 = 8 half-periods in time > 6: high frequency, K = (8 + 1)/2 = 4 harmonics.
        var a = Analyze(Wave);

        a.Difficulties.Should().Contain(d => d.StartsWith("High frequency", StringComparison.Ordinal) && d.Contains("about 8 times"));
        // Linear, high-frequency and second order in time: Adam 2000 warms up, L-BFGS 8000 in float64 does the work; the
        // 4×32 network and 2000 points stay.
        a.Plan.Should().BeEquivalentTo(new
        {
            FourierFeatures = 4, HardBoundary = true, HardInitial = true, Depth = 4, Width = 32, InteriorPoints = 2000, AdamSteps = 2000, LbfgsSteps = 8000,
            Dtype = "float64", CausalChunks = 0,
        });
        a.PlanReasons.Should().Contain(r => r.StartsWith("Hard initial condition", StringComparison.Ordinal));
        a.PlanReasons.Should().Contain(r => r.StartsWith("float64 and L-BFGS 8000 for a high-frequency wave", StringComparison.Ordinal));
        // PlannerBench measured this plan below 1e-2 (docs/benchmarks.md): nothing to say up front.
        a.Reliability.Should().BeNull();
        PdeAnalyzer.ToMarkdown(a).Should().Contain("on 4 Fourier harmonics per input").And.Contain("hard initial condition");
    }

    [Fact]
    public void Wave_OfOneHalfWave_NeedsNoFourierFeatures()
    {
        // sin(πx) at c = 1: 1·1·1/1 = 1 half-period in time.
        var a = Analyze(Wave.Replace("\"c\":2", "\"c\":1", StringComparison.Ordinal).Replace(" + 0.5*sin(4*pi*x)", "", StringComparison.Ordinal));

        // Not high frequency: the time-dependent linear plan, Adam 5000 + L-BFGS 300.
        a.Plan.Should().BeEquivalentTo(new { FourierFeatures = 0, HardInitial = true, AdamSteps = 5000, LbfgsSteps = 300, Dtype = "float32" });
        a.Reliability.Should().BeNull();
    }

    [Fact]
    public void Helmholtz_GetsFourierFeatures_FromTheSourcesHalfWaves()
    {
        // sin(4πy) on [-1, 1]: 8 half-waves (7 sign changes, 8 extrema) > 6, so K = (8 + 1)/2 = 4.
        var a = Analyze(Helmholtz);

        // Steady: float32 and L-BFGS 4000 as measured (6.7e-4); float64 and L-BFGS 8000 are for waves only.
        a.Plan.Should().BeEquivalentTo(new { FourierFeatures = 4, HardInitial = false, Depth = 3, Width = 32, InteriorPoints = 2000, AdamSteps = 2000, LbfgsSteps = 4000, Dtype = "float32" });
        a.Reliability.Should().BeNull();
    }

    [Fact]
    public void FirstOrderProblems_KeepTheSoftInitialConditionTheirBenchmarksUsed()
    {
        // Heat: linear, time-dependent, sin(πx) has one half-wave: 4×32, Adam 5000 + L-BFGS 300, as in HeatBench.
        Analyze(Heat).Plan.Should().BeEquivalentTo(new { HardInitial = false, FourierFeatures = 0, Depth = 4, Width = 32, AdamSteps = 5000, LbfgsSteps = 300, Dtype = "float32" });
    }

    [Fact]
    public void Burgers_WithASteepFront_GetsFloat64AHardInitialConditionAndFourThousandLbfgsIterations()
    {
        // ν = 0.01/π < 0.01: 4×64, 5000 points, resampling every 250, hard initial condition (u₀ = -sin(πx) vanishes on the
        // hard faces x = ±1), float64, Adam 1000 + L-BFGS 4000 (BurgersBench: 8.0e-4 against the Cole-Hopf solution after
        // all 4000 iterations; docs/benchmarks.md).
        var a = Analyze(Burgers);

        a.Plan.Should().BeEquivalentTo(new { Depth = 4, Width = 64, InteriorPoints = 5000, ResampleEvery = 250, AdamSteps = 1000, LbfgsSteps = 4000, HardBoundary = true, HardInitial = true, Dtype = "float64", FourierFeatures = 0, TimeWindows = 0 });
        a.PlanReasons.Should().Contain(r => r.StartsWith("Hard initial condition", StringComparison.Ordinal));
        a.Reliability.Should().BeNull();
        a.PlanReasons.Should().Contain(r => r.Contains("relative L2 8.0e-4 against the exact Cole-Hopf solution", StringComparison.Ordinal));
    }

    [Fact]
    public void AllenCahn_WithAThinInterface_MarchesInTimeOnOneNetwork()
    {
        // √(d/k) = √(1e-4/5) = 0.0045 < 0.01: the measured thin-interface plan (ThinInterfacePlan): 4×64 (nonlinear, time),
        // 10 windows of Adam and 10 of L-BFGS with the memory term weighted 100, 8 harmonics, hard initial condition
        // (u₀ = x²cos(πx) periodic in value), float64, 4000 points resampled every 250 steps, Adam 3000 + L-BFGS 4000.
        var a = Analyze(AllenCahn);

        a.Plan.Should().BeEquivalentTo(new
        {
            Depth = 4, Width = 64, TimeWindows = 10, LbfgsWindows = 10, LbfgsMemory = 100.0, FourierFeatures = 8, HardInitial = true, Dtype = "float64", InteriorPoints = 4000, ResampleEvery = 250,
            AdamSteps = 3000, LbfgsSteps = 4000,
        });
        a.PlanReasons.Should().Contain(r => r.StartsWith("Hard initial condition (thin interfaces, below)", StringComparison.Ordinal))
            .And.Contain(r => r.StartsWith("Thin interfaces: time-marching in 10 windows", StringComparison.Ordinal) && r.Contains("0.998") && r.Contains("0.0626") && r.Contains("0.00591") && r.Contains("memory term of weight 100") && r.Contains("PlannerBench"));
        PdeAnalyzer.ToMarkdown(a).Should().Contain("for 3000 steps on a time window growing in 10 stages then L-BFGS 4000 iterations on a time window growing in 10 stages, float64");

        // d = 1e-2, k = 1: √(d/k) = 0.1, a wide interface: no marching, the soft initial condition and float32 of before.
        Analyze(AllenCahn.Replace("\"preset\":\"allen_cahn\"", "\"preset\":\"allen_cahn\",\"coefficients\":{\"d\":0.01,\"k\":1}", StringComparison.Ordinal))
            .Plan.Should().BeEquivalentTo(new { TimeWindows = 0, LbfgsWindows = 0, LbfgsMemory = 0.0, HardInitial = false, Dtype = "float32", FourierFeatures = 0 });
    }

    [Fact]
    public void Burgers_WithAMildViscosity_KeepsTheFloat32PlanAndTheInitialPenaltyTerm()
    {
        // ν = 0.05 ≥ 0.01: no steep-front branch: nonlinear, so 4×48, 2000 points, Adam 5000 + L-BFGS 1000, resampling every 500, float32, soft initial.
        var a = Analyze(Burgers.Replace("\"preset\":\"burgers\",", "\"preset\":\"burgers\",\"coefficients\":{\"nu\":0.05},", StringComparison.Ordinal));

        a.Plan.Should().BeEquivalentTo(new { Depth = 4, Width = 48, InteriorPoints = 2000, ResampleEvery = 500, AdamSteps = 5000, LbfgsSteps = 1000, HardInitial = false, Dtype = "float32" });
    }

    [Fact]
    public void Helmholtz_BeyondTheMeasuredFrequencies_IsSaidToBeOutsideAndGetsMorePoints()
    {
        // sin(8πy) on [-1, 1]: 16 half-waves > 12 measured: K = (16 + 1)/2 = 8, width 64, 2000·⌈16/12⌉ = 4000 points.
        var a = Analyze(Helmholtz.Replace("4*pi*y", "8*pi*y", StringComparison.Ordinal));

        a.Plan.Should().BeEquivalentTo(new { FourierFeatures = 8, Width = 64, InteriorPoints = 4000, LbfgsSteps = 4000 });
        a.Reliability.Should().StartWith("Outside what the default plan has been measured on").And.Contain("about 16 times");
    }

    [Fact]
    public void AllenCahn_ThinnerThanTheMeasuredCase_IsSaidUpFrontToBeOutsideWhatThePlanWasMeasuredOn()
    {
        // The classic case, √(d/k) = √(1e-4/5) = 0.0045: measured at 0.00591, within range.
        Analyze(AllenCahn).Reliability.Should().BeNull();
        // d = 1e-5, k = 5: √(d/k) = 0.0014 < 0.004, thinner than measured.
        var a = Analyze(AllenCahn.Replace("\"preset\":\"allen_cahn\"", "\"preset\":\"allen_cahn\",\"coefficients\":{\"d\":1e-5,\"k\":5}", StringComparison.Ordinal));
        a.Reliability.Should().StartWith("Outside what the default plan has been measured on: Allen-Cahn").And.Contain("0.0014").And.Contain("relative L2 of 0.00591").And.Contain("from 0.998 with the former plan");
        PdeAnalyzer.ToMarkdown(a).Should().Contain("Outside what the default plan has been measured on");
        // d = 1e-2, k = 1: √(d/k) = 0.1, a wide interface: within range.
        Analyze(AllenCahn.Replace("\"preset\":\"allen_cahn\"", "\"preset\":\"allen_cahn\",\"coefficients\":{\"d\":0.01,\"k\":1}", StringComparison.Ordinal))
            .Reliability.Should().BeNull();
    }
}
