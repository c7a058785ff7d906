using McpFlow.Pipelines.Generation;

namespace McpFlow.Pipelines.Tests.Generation;

public sealed class TrendDetectorTests
{
    [Fact]
    public void TrendR2_IsOne_ForALineWithASeasonOnTop()
    {
        // Season means of 0.5 t + 5 sin(2πt/12) over whole seasons lie exactly on a line (the sine averages to 0).
        var series = Enumerable.Range(0, 120).Select(t => (0.5 * t) + (5 * Math.Sin(2 * Math.PI * t / 12))).ToList();
        TrendDetector.TrendR2(series, 12).Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void TrendR2_IsZero_ForAPureSeason()
    {
        var series = Enumerable.Range(0, 120).Select(t => 10 + (5 * Math.Sin(2 * Math.PI * t / 12))).ToList();
        TrendDetector.TrendR2(series, 12)!.Value.Should().BeLessThan(1e-12);
    }

    [Fact]
    public void TrendR2_MatchesTheClosedForm_WithoutASeason()
    {
        // Values 1, 3, 2, 4: slope 0.8 over t = 0..3, SSR = 0.8² · 5 = 3.2, SST = 5, R² = 0.64.
        TrendDetector.TrendR2([1, 3, 2, 4], null).Should().BeApproximately(0.64, 1e-12);
        TrendDetector.TrendR2([1, 3, 2], null).Should().BeNull("fewer than four points");
    }

    [Fact]
    public void BrokenTrend_FitsATentExactly_WhereASingleLineExplainsNothing()
    {
        // 0..9 then 8..0 (rise then fall, symmetric): a line through it is flat (R² 0); one break at t = 9 fits exactly.
        double[] tent = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
        TrendDetector.TrendR2(tent, null).Should().BeApproximately(0, 1e-12);

        var broken = TrendDetector.BrokenTrend(tent, null)!.Value;

        broken.R2.Should().BeApproximately(1, 1e-9);
        broken.At.Should().BeApproximately(0.5, 1e-12); // the break at index 9 of 0..18
    }

    [Fact]
    public void BrokenTrend_StaysLow_ForAPureSeason_AndNeedsEnoughPoints()
    {
        var series = Enumerable.Range(0, 120).Select(t => 10 + (5 * Math.Sin(2 * Math.PI * t / 12)) + (0.01 * Math.Sin(t * 12.9898))).ToList();
        TrendDetector.BrokenTrend(series, 12)!.Value.R2.Should().BeLessThan(TrendDetector.MinR2);
        TrendDetector.BrokenTrend([1, 2, 3, 4, 3, 2, 1], null).Should().BeNull("fewer than eight points");
    }
}
