using McpFlow.Physics.Specs;
using McpFlow.Physics.Validation.Checks;

namespace McpFlow.Physics.Tests.Validation.Checks;

public sealed class PhysicsCheckDetectionTests
{
    private static CheckDetection Detect(string json) => PhysicsCheckSuite.Detect(PdeSpecCompiler.Compile(json));

    private static IEnumerable<(PhysicsCheckKind Kind, char? Axis)> Kinds(CheckDetection d) => d.Applicable.Select(c => (c.Kind, c.Axis));

    [Fact]
    public void Detect_FindsEvenSymmetryInBothAxes_ForTheSymmetricPoissonProblem()
    {
        var d = Detect("""{"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"2*pi^2*sin(pi*x)*sin(pi*y)","boundary_conditions":[{"where":"all","value":"0"}]}""");

        Kinds(d).Should().BeEquivalentTo(new (PhysicsCheckKind, char?)[] { (PhysicsCheckKind.EvenSymmetry, 'x'), (PhysicsCheckKind.EvenSymmetry, 'y') });
        d.Applicable[0].Why.Should().Contain("x → 1 - x");
        d.NotApplicable.Should().ContainSingle(r => r.Contains("steady"));
    }

    [Fact]
    public void Detect_FindsNoSymmetryInX_WhenTheSourceIsNotEvenThere()
    {
        // f = x is neither even nor odd about x = 0.5, but does not depend on y.
        var d = Detect("""{"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"x","boundary_conditions":[{"where":"all","value":"0"}]}""");

        Kinds(d).Should().Equal((PhysicsCheckKind.EvenSymmetry, 'y'));
        d.NotApplicable.Should().Contain(r => r.StartsWith("symmetry in x: not even because the equation", StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_FindsOddSymmetry_ForBurgersWithMinusSineInitialData()
    {
        var d = Detect("""{"preset":"burgers","domain":{"x":[-1,1],"t":[0,1]},"initial_condition":"-sin(pi*x)","boundary_conditions":[{"where":"all","value":"0"}]}""");

        Kinds(d).Should().Contain((PhysicsCheckKind.OddSymmetry, 'x')).And.NotContain((PhysicsCheckKind.EvenSymmetry, 'x'));
        d.Applicable.Single(c => c.Kind == PhysicsCheckKind.OddSymmetry).Why.Should().Contain("under x → -x with u → -u");
    }

    [Fact]
    public void Detect_FindsNoSymmetry_WhenAdvectionAlongTheAxisBreaksIt()
    {
        var d = Detect("""{"preset":"advection_diffusion","domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)","boundary_conditions":[{"where":"all","value":"0"}]}""");

        d.Applicable.Should().NotContain(c => c.Kind == PhysicsCheckKind.EvenSymmetry || c.Kind == PhysicsCheckKind.OddSymmetry);
        d.NotApplicable.Should().Contain(r => r.Contains("not even because the equation (with its source and coefficients) changes"));
    }

    [Fact]
    public void Detect_FindsNoSymmetry_WhenTheTwoFacesHaveDifferentKinds()
    {
        var d = Detect("""{"preset":"poisson","domain":{"x":[0,1]},"source":"1","boundary_conditions":[{"where":"x=min","value":"0"},{"where":"x=max","type":"neumann","value":"0"}]}""");

        d.Applicable.Should().BeEmpty();
        d.NotApplicable.Should().Contain(r => r.Contains("x=min and x=max are of different kinds"));
    }

    [Theory]
    // Outward normal derivatives: the same outflux on both ends is mirror-symmetric (even); opposite ones are odd.
    [InlineData("1", "1", PhysicsCheckKind.EvenSymmetry)]
    [InlineData("1", "-1", PhysicsCheckKind.OddSymmetry)]
    public void Detect_ComparesNeumannDataAlongTheOutwardNormal(string atMin, string atMax, PhysicsCheckKind expected)
    {
        var d = Detect($$"""{"preset":"helmholtz","domain":{"x":[0,1]},"boundary_conditions":[{"where":"x=min","type":"neumann","value":"{{atMin}}"},{"where":"x=max","type":"neumann","value":"{{atMax}}"}]}""");

        d.Applicable.Should().ContainSingle().Which.Kind.Should().Be(expected);
    }

    [Fact]
    public void Detect_FindsMassConservationAndMaximumPrinciple_ForPeriodicHeat()
    {
        var d = Detect("""{"preset":"heat","domain":{"x":[0,1],"t":[0,1]},"initial_condition":"1 + sin(2*pi*x)","boundary_conditions":[{"where":"x","type":"periodic"}]}""");

        d.Applicable.Select(c => c.Kind).Should().Contain([PhysicsCheckKind.MassConservation, PhysicsCheckKind.MaximumPrinciple]);
    }

    [Fact]
    public void Detect_SaysMassIsNotConserved_ThroughDirichletFaces()
    {
        var d = Detect("""{"preset":"heat","domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)","boundary_conditions":[{"where":"all","value":"0"}]}""");

        d.Applicable.Select(c => c.Kind).Should().Contain(PhysicsCheckKind.MaximumPrinciple).And.NotContain(PhysicsCheckKind.MassConservation);
        d.NotApplicable.Should().Contain("mass conservation: face x=min is Dirichlet, so u flows in or out through it.");
    }

    [Fact]
    public void Detect_SaysNeumannBurgersStillCarriesMassThroughItsEnds()
    {
        var d = Detect("""{"preset":"burgers","domain":{"x":[-1,1],"t":[0,1]},"initial_condition":"-sin(pi*x)","boundary_conditions":[{"where":"all","type":"neumann","value":"0"}]}""");

        d.Applicable.Select(c => c.Kind).Should().NotContain(PhysicsCheckKind.MassConservation);
        d.NotApplicable.Should().Contain(r => r.Contains("u²/2 is still carried through it"));
    }

    [Fact]
    public void Detect_FindsEnergyConservation_ForTheWaveEquationWithFixedEnds()
    {
        var d = Detect("""{"preset":"wave","domain":{"x":[0,1],"t":[0,1]},"initial_condition":"sin(pi*x)","initial_velocity":"0","boundary_conditions":[{"where":"all","value":"0"}]}""");

        d.Applicable.Select(c => c.Kind).Should().Contain(PhysicsCheckKind.EnergyConservation);
    }

    [Fact]
    public void Detect_SaysConservationIsNotChecked_WithASourceOrForAllenCahn()
    {
        var forced = Detect("""{"preset":"heat","domain":{"x":[0,1],"t":[0,1]},"source":"x","initial_condition":"0","boundary_conditions":[{"where":"x","type":"periodic"}]}""");
        var allenCahn = Detect("""{"preset":"allen_cahn","domain":{"x":[-1,1],"t":[0,1]},"initial_condition":"x^2*cos(pi*x)","boundary_conditions":[{"where":"x","type":"periodic"}]}""");

        forced.NotApplicable.Should().Contain(r => r.Contains("the source f is not zero"));
        allenCahn.Applicable.Should().ContainSingle().Which.Kind.Should().Be(PhysicsCheckKind.EvenSymmetry); // x²cos(πx) is even; no conservation law
        allenCahn.NotApplicable.Should().Contain(r => r.Contains("reaction term"));
    }
}
