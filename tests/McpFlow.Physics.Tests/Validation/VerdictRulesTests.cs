using McpFlow.Physics.Validation;
using McpFlow.Physics.Validation.Checks;

namespace McpFlow.Physics.Tests.Validation;

public sealed class VerdictRulesTests
{
    private static readonly PhysicsCheckReport AllPassed = new(
        [new PhysicsCheck("energy conservation", PhysicsCheckKind.EnergyConservation, "E", "wave", 0.002, 0.01, "1%", true, "Passed", new Dictionary<string, double>())],
        [], "1 of 1 physics-aware check(s) passed.");

    private static readonly ConditionError[] GoodConditions = [new("dirichlet x=min", 1e-4, 2e-4, 1e-4)];

    [Fact]
    public void Decide_FailsALargeComparedError_EvenWhenEveryCheckPasses()
    {
        // Issue 18: a 45%-wrong wave passed its (self-compared) energy check.
        var v = VerdictRules.Decide("exact", 0.45, 0, GoodConditions, AllPassed);

        v.Outcome.Should().Be("fail");
        v.Reasons.Should().ContainSingle(r => r.Contains("relative L2 error against the exact solution is 0.45"));
        // Issue 14: the passed energy check is named as no evidence, not left as a PASS beside the error.
        v.Reasons.Should().ContainSingle(r => r.Contains("'energy conservation' passed, but they test laws a wrong solution can also keep"));
    }

    [Fact]
    public void Decide_Passes_WhenTheErrorConditionsAndChecksAreWithinTolerance()
    {
        VerdictRules.Decide("exact", 4e-3, 0, GoodConditions, AllPassed).Outcome.Should().Be("pass");
    }

    [Fact]
    public void Decide_IsUncertain_WithoutAComparisonOrWithAnImpreciseReference()
    {
        VerdictRules.Decide("none", null, 0, GoodConditions, AllPassed).Outcome.Should().Be("uncertain");
        // relative L2 3e-3 is within 1%, but the reference is only good to 5%.
        VerdictRules.Decide("reference", 3e-3, 0.05, GoodConditions, AllPassed).Outcome.Should().Be("uncertain");
    }

    [Fact]
    public void Decide_FailsABrokenConditionOrCheck()
    {
        VerdictRules.Decide("exact", 1e-3, 0, [new("neumann x=max", 0.3, 0.5, 0.3)], AllPassed).Outcome.Should().Be("fail");
        var failedCheck = AllPassed with { Checks = [AllPassed.Checks[0] with { Passed = false, Measured = 0.2 }] };
        VerdictRules.Decide("exact", 1e-3, 0, GoodConditions, failedCheck).Reasons.Should().Contain(r => r.Contains("'energy conservation' failed"));
    }
}
