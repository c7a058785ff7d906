using McpFlow.Physics.Convergence;

namespace McpFlow.Physics.Tests.Convergence;

public sealed class EtaReplayTests
{
    [Fact]
    public void Cases_PutTheTargetAtAShareOfTheAchievedImprovementAndSeeAShareOfTheStepsToIt()
    {
        // L = e^(-0.002 s) logged every 10 steps to s = 3000 (301 points, smoothing window 301/50 = 6 each side, exact on a
        // line in the interior). Reference: s = 300 (10% of the run), ln L = -0.6. Lowest level: the last point's
        // one-sided average over s = 2940…3000, -0.002·2970 = -5.94. Level 0.5: ln target = (-0.6 - 5.94)/2 = -3.27,
        // reached first at the logged step 1640 (1635 rounded up to the log grid). Seen 30%: steps ≤ 492, the last 490.
        var steps = Enumerable.Range(0, 301).Select(i => 10.0 * i).ToList();
        var losses = steps.Select(s => Math.Exp(-0.002 * s)).ToList();

        var cases = EtaReplay.Cases("exp", steps, losses);

        var c = cases.Single(x => x.Level == 0.5 && x.Fraction == 0.3);
        c.Target.Should().BeApproximately(Math.Exp(-3.27), 1e-9);
        c.Actual.Should().Be(1640);
        c.Seen.Should().Be(490);
        c.LogRatio.Should().BeApproximately(Math.Log(1640.0 / 490), 1e-12);
        cases.Should().OnlyContain(x => x.Seen < x.Actual && x.Family == "exp");
        cases.Select(x => x.Actual / x.Seen).Distinct().Should().HaveCountGreaterThan(10, "the truth is not a fixed multiple of the steps seen");
    }

    [Theory]
    [InlineData("poisson2d-w16-p1000", "poisson")]
    [InlineData("allen-cahn-periodic", "allen")]
    [InlineData("heat1d-lr3e-3", "heat")]
    [InlineData("torch-cnn-adam-lr0.001-const-w32-b64", "torch-cnn")]
    public void FamilyOf_NamesTheProblemAsTheUnitHeldOut(string name, string family) => EtaReplay.FamilyOf(name).Should().Be(family);

    [Fact]
    public void HeldOutResiduals_PredictEachFamilyWithoutItsOwnCases()
    {
        // Two families whose truth is a constant ln(T/S) (1 for "a", 2 for "b"); the features of a flat curve give every
        // case the same vector, so a fit without family "a" predicts b's value, 2, for a (residual 1 - 2 = -1) and the other
        // way round (+1). A fit that saw its own family would give residuals near 0.
        var f = new EtaFeatures(1, 0.1, 0.1, 0.1, 0.1, 0.01, 1, 0, 0.1, 0.01);
        var cases = Enumerable.Range(0, 4).Select(i => new EtaCase($"a{i}", "a", 0.3, 1, 0.1, 100, 100 * Math.E, f))
            .Concat(Enumerable.Range(0, 4).Select(i => new EtaCase($"b{i}", "b", 0.3, 1, 0.1, 100, 100 * Math.Exp(2), f))).ToList();

        var residuals = EtaPriorFit.HeldOutResiduals(cases);

        residuals.Should().HaveCount(8);
        residuals.Take(4).Should().OnlyContain(r => Math.Abs(r + 1) < 1e-6);
        residuals.Skip(4).Should().OnlyContain(r => Math.Abs(r - 1) < 1e-6);
    }
}
