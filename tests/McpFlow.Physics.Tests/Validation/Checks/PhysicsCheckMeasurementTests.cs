using McpFlow.Physics.Specs;
using McpFlow.Physics.Validation.Checks;

namespace McpFlow.Physics.Tests.Validation.Checks;

/// <summary>The checks measured on closed-form "models" whose violations are known exactly.</summary>
public sealed class PhysicsCheckMeasurementTests
{
    private const string SymmetricPoisson1D = """{"preset":"poisson","domain":{"x":[0,1]},"source":"pi^2*sin(pi*x)","boundary_conditions":[{"where":"all","value":"0"}]}""";
    private const string PeriodicHeat = """{"preset":"heat","coefficients":{"alpha":0.1},"domain":{"x":[0,1],"t":[0,1]},"initial_condition":"1 + sin(2*pi*x)","boundary_conditions":[{"where":"x","type":"periodic"}]}""";
    private const string FixedHeat = """{"preset":"heat","coefficients":{"alpha":0.1},"domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)","boundary_conditions":[{"where":"all","value":"0"}]}""";
    private const string FixedWave = """{"preset":"wave","domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)","initial_velocity":"0","boundary_conditions":[{"where":"all","value":"0"}]}""";

    private static PhysicsCheck Run(string spec, PhysicsCheckKind kind, Func<double[], double> u)
    {
        var report = PhysicsCheckSuite.Run(PdeSpecCompiler.Compile(spec), points => points.Select(u).ToArray());
        return report.Checks.Single(c => c.Kind == kind);
    }

    [Fact]
    public void Symmetry_Passes_ForTheExactEvenSolution()
    {
        var check = Run(SymmetricPoisson1D, PhysicsCheckKind.EvenSymmetry, p => Math.Sin(Math.PI * p[0]));

        check.Passed.Should().BeTrue();
        check.Measured.Should().BeLessThan(1e-12); // sin(πx) = sin(π(1-x)) up to rounding
        check.Tolerance.Should().Be(CheckTolerances.Relative);
    }

    [Fact]
    public void Symmetry_Fails_ForASolutionThatIsNotEven()
    {
        // u = x: |u(x) - u(1-x)| = |2x - 1| → 1 at the ends, and max|u| → 1, so the ratio tends to 1.
        var check = Run(SymmetricPoisson1D, PhysicsCheckKind.EvenSymmetry, p => p[0]);

        check.Passed.Should().BeFalse();
        check.Measured.Should().BeApproximately(1.0, 0.01);
        check.Meaning.Should().StartWith("Failed: the problem is symmetric in x but the network is not");
    }

    [Fact]
    public void OddSymmetry_Passes_ForAnOddBurgersLikeField()
    {
        const string burgers = """{"preset":"burgers","domain":{"x":[-1,1],"t":[0,1]},"initial_condition":"-sin(pi*x)","boundary_conditions":[{"where":"all","value":"0"}]}""";

        var check = Run(burgers, PhysicsCheckKind.OddSymmetry, p => -Math.Sin(Math.PI * p[0]) * Math.Exp(-p[1]));

        check.Passed.Should().BeTrue();
        check.Measured.Should().BeLessThan(1e-12);
    }

    [Fact]
    public void Mass_IsConserved_ByTheExactPeriodicHeatSolution()
    {
        // u = 1 + sin(2πx)e^(-4π²αt): ∫u dx = 1 at every t (the sine integrates to 0 over a period).
        var check = Run(PeriodicHeat, PhysicsCheckKind.MassConservation, p => 1 + Math.Sin(2 * Math.PI * p[0]) * Math.Exp(-4 * Math.PI * Math.PI * 0.1 * p[1]));

        check.Passed.Should().BeTrue();
        check.Measured.Should().BeLessThan(1e-9);
        check.Details["mass_t0"].Should().BeApproximately(1.0, 1e-9);
    }

    [Fact]
    public void Mass_Drift_IsMeasured_WhenTheModelLosesMass()
    {
        // u = (1 + sin(2πx))(1 - 0.1t): ∫u dx = 1 - 0.1t, ∫|u(x,0)| dx = 1 (1 + sin ≥ 0), so the drift at t = 1 is 0.1.
        var check = Run(PeriodicHeat, PhysicsCheckKind.MassConservation, p => (1 + Math.Sin(2 * Math.PI * p[0])) * (1 - 0.1 * p[1]));

        check.Passed.Should().BeFalse();
        check.Measured.Should().BeApproximately(0.1, 1e-9);
    }

    [Fact]
    public void Energy_IsConstant_ForTheStandingWave()
    {
        // u = sin(πx)cos(πt), c = 1: E = ½∫(π²sin²(πx)sin²(πt) + π²cos²(πx)cos²(πt)) dx = π²/4 at every t.
        var check = Run(FixedWave, PhysicsCheckKind.EnergyConservation, p => Math.Sin(Math.PI * p[0]) * Math.Cos(Math.PI * p[1]));

        check.Passed.Should().BeTrue();
        check.Measured.Should().BeLessThan(1e-3); // finite differences with h = 5e-3: relative error ~(πh)²/3 ≈ 8e-5
        check.Details["energy_t0"].Should().BeApproximately(Math.PI * Math.PI / 4, 1e-3);
    }

    [Fact]
    public void Energy_Drift_IsMeasured_ForADampedWave()
    {
        // u = sin(πx)cos(πt)e^(-t/2): E(t) = ¼e^(-t)(π² + ¼cos²(πt) + π sin(πt)cos(πt)), against the energy of the
        // initial data E_data = ½∫π²cos²(πx)dx = π²/4 (u₀ = sin(πx), v₀ = 0); the check takes the largest
        // |E(t) - E_data| / E_data over t = 0, 0.1, …, 1.
        static double E(double t) => 0.25 * Math.Exp(-t) * (Math.PI * Math.PI + 0.25 * Math.Pow(Math.Cos(Math.PI * t), 2) + Math.PI * Math.Sin(Math.PI * t) * Math.Cos(Math.PI * t));
        var expected = Enumerable.Range(0, 11).Max(k => Math.Abs(E(k / 10.0) - Math.PI * Math.PI / 4)) / (Math.PI * Math.PI / 4);

        var check = Run(FixedWave, PhysicsCheckKind.EnergyConservation, p => Math.Sin(Math.PI * p[0]) * Math.Cos(Math.PI * p[1]) * Math.Exp(-p[1] / 2));

        check.Passed.Should().BeFalse();
        check.Measured.Should().BeApproximately(expected, 2e-3);
    }

    [Fact]
    public void Energy_Fails_ForAWaveThatConservesTheWrongEnergy()
    {
        // Issue 18: a model holding a steady energy 10.2 against the data's 49.3 passed (it was compared with itself at
        // t₀). u = 0.45·sin(πx)cos(πt) keeps E = 0.45²·π²/4 at every t, while the initial data fix π²/4: off by 1 - 0.45².
        var check = Run(FixedWave, PhysicsCheckKind.EnergyConservation, p => 0.45 * Math.Sin(Math.PI * p[0]) * Math.Cos(Math.PI * p[1]));

        check.Passed.Should().BeFalse();
        check.Measured.Should().BeApproximately(1 - 0.45 * 0.45, 1e-3);
        check.Details["energy_data"].Should().BeApproximately(Math.PI * Math.PI / 4, 1e-6); // Simpson on 257 nodes
        check.Details["max_drift"].Should().BeLessThan(1e-3);
    }

    [Fact]
    public void Mass_Fails_ForAModelThatKeepsTheWrongMass()
    {
        // u = 0.5 + sin(2πx)e^(-4π²αt) conserves ∫u dx = 0.5, but the initial condition 1 + sin(2πx) fixes 1 (and ∫|u₀| = 1).
        var check = Run(PeriodicHeat, PhysicsCheckKind.MassConservation, p => 0.5 + Math.Sin(2 * Math.PI * p[0]) * Math.Exp(-4 * Math.PI * Math.PI * 0.1 * p[1]));

        check.Passed.Should().BeFalse();
        check.Measured.Should().BeApproximately(0.5, 1e-9);
        check.Details["mass_data"].Should().BeApproximately(1.0, 1e-9);
    }

    [Fact]
    public void MaximumPrinciple_Passes_ForTheDecayingHeatSolution()
    {
        var check = Run(FixedHeat, PhysicsCheckKind.MaximumPrinciple, p => Math.Sin(Math.PI * p[0]) * Math.Exp(-Math.PI * Math.PI * 0.1 * p[1]));

        check.Passed.Should().BeTrue();
        check.Measured.Should().Be(0);
        check.Details["data_bound"].Should().BeApproximately(1.0, 1e-12); // max sin(πx) = 1 at x = 0.5, a grid node
    }

    [Fact]
    public void MaximumPrinciple_Fails_ForAnOvershoot()
    {
        // u = sin(πx)(1 + 0.2 sin(πt)) peaks at 1.2 (x = 0.5, t = 0.5, both on the grid) while the data stay within 1.
        var check = Run(FixedHeat, PhysicsCheckKind.MaximumPrinciple, p => Math.Sin(Math.PI * p[0]) * (1 + 0.2 * Math.Sin(Math.PI * p[1])));

        check.Passed.Should().BeFalse();
        check.Measured.Should().BeApproximately(0.2, 1e-12);
    }

    [Fact]
    public void Run_SaysSoWhenNoCheckApplies()
    {
        var report = PhysicsCheckSuite.Run(
            PdeSpecCompiler.Compile("""{"preset":"poisson","domain":{"x":[0,1]},"source":"x","boundary_conditions":[{"where":"all","value":"0"}]}"""),
            points => new double[points.Count]);

        report.Checks.Should().BeEmpty();
        report.Summary.Should().StartWith("No physics-aware check applies");
        report.NotApplicable.Should().HaveCount(2); // symmetry in x, and steady problem
    }
}
