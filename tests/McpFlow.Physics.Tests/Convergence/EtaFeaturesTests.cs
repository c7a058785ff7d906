using McpFlow.Physics.Convergence;

namespace McpFlow.Physics.Tests.Convergence;

public sealed class EtaFeaturesTests
{
    [Fact]
    public void Compute_ReadsThePowerOfAPowerLaw()
    {
        // L = s^-0.5 at s = 1…1000: ln L = -0.5 ln s exactly, so every log-log slope is 0.5, both curvatures are 0, and the
        // fitted drop over the recent half (s = 500…1000) is 0.5 ln 2 with no scatter.
        var s = Enumerable.Range(1, 1000).Select(i => (double)i).ToArray();
        var raw = s.Select(v => -0.5 * Math.Log(v)).ToArray();

        var f = EtaFeatures.Compute(s, raw, raw, Math.Exp(-0.5 * Math.Log(4000)));

        f.LogLogSlope.Should().BeApproximately(0.5, 1e-9);
        f.OlderSlope.Should().BeApproximately(0.5, 1e-9);
        f.LastSlope.Should().BeApproximately(0.5, 1e-9);
        f.RecentDrop.Should().BeApproximately(0.5 * Math.Log(2), 1e-9);
        f.RecentDropError.Should().BeLessThan(1e-9);
        f.Drop.Should().BeApproximately(0.5 * Math.Log(4), 1e-9); // target at s = 4000: ln(4000/1000) × 0.5
        // The log-log extrapolation: ln(T/S) = drop / slope = ln 4, entered as its log.
        f.Vector[1].Should().BeApproximately(Math.Log(Math.Log(4)), 1e-9);
        f.Vector[3].Should().BeApproximately(0, 1e-9);
        f.Vector[4].Should().BeApproximately(0, 1e-9);
        f.Improving.Should().BeTrue();
        f.Stalled.Should().BeFalse();
    }

    [Fact]
    public void Compute_AveragesTheKnownScheduleAhead()
    {
        // Eight log-spaced points S·4^(k/7), k = 0…7 (ratios 1, 1.22, 1.49, 1.81, 2.21, 2.69, 3.28, 4); the rate halves from
        // 2S on, so four of them see log2(0.5) = -1: mean -0.5.
        var s = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();
        var raw = s.Select(v => -Math.Log(v)).ToArray();

        var f = EtaFeatures.Compute(s, raw, raw, 1e-4, step => step >= 200 ? 0.5 : 1);

        f.ScheduleAhead.Should().BeApproximately(-0.5, 1e-12);
        f.Vector[7].Should().BeApproximately(-0.5, 1e-12);
    }
}
