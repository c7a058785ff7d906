using McpFlow.Experiments.Optimization;

namespace McpFlow.Experiments.Tests.Optimization;

public sealed class ExpectedImprovementTests
{
    [Fact]
    public void Value_AtTheIncumbentIsSigmaOverRootTwoPi()
    {
        // z = 0: EI = σ·(0·Φ(0) + φ(0)) = σ/√(2π).
        ExpectedImprovement.Value(1.0, 0.5, 1.0).Should().BeApproximately(0.5 / Math.Sqrt(2 * Math.PI), 1e-12);
    }

    [Fact]
    public void Value_MatchesTheClosedFormAtZEqualsOne()
    {
        // z = 1: h(1) = φ(1) + Φ(1) = 0.24197072451914337 + 0.8413447460685429 (scipy.stats.norm).
        ExpectedImprovement.Value(2.0, 1.0, 1.0).Should().BeApproximately(0.24197072451914337 + 0.8413447460685429, 1e-9);
    }

    [Fact]
    public void Log_IsContinuousAcrossTheAsymptoticSwitch_AndFiniteFarBelow()
    {
        // References: log(φ(z) + z·Φ(z)) with Φ(z) = erfc(−z/√2)/2 from Python's math.erfc (relative error ~1e-12 here).
        ExpectedImprovement.LogH(-6.001).Should().BeApproximately(-22.58518971046816, 1e-3);
        ExpectedImprovement.LogH(-8.0).Should().BeApproximately(-37.122364261693, 1e-4);
        ExpectedImprovement.LogH(-5.999).Should().BeApproximately(-22.57257002891766, 1e-9, "above the switch the exact formula is used");
        double.IsFinite(ExpectedImprovement.LogH(-40)).Should().BeTrue();
        // Far below, log h(z) ≈ −z²/2 − log √(2π) − 2 log|z|.
        ExpectedImprovement.LogH(-40).Should().BeApproximately(-800 - (0.5 * Math.Log(2 * Math.PI)) - (2 * Math.Log(40)), 0.01);
    }
}
