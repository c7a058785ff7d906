using McpFlow.Pipelines.Generation;

namespace McpFlow.Pipelines.Tests.Generation;

public sealed class SeasonalityDetectorTests
{
    [Fact]
    public void Acf_MatchesClosedForm_ForALinearRamp()
    {
        // x = 1..4: deviations ±1.5, ±0.5, Σd² = 5; r1 = (0.75 - 0.25 + 0.75) / 5.
        SeasonalityDetector.Acf([1, 2, 3, 4], 1)[1].Should().BeApproximately(0.25, 1e-12);
    }

    [Fact]
    public void Detect_FindsTheSeason_OfATrendingSine()
    {
        var series = Enumerable.Range(0, 240).Select(t => (0.05 * t) + Math.Sin(2 * Math.PI * t / 12) + (0.2 * Math.Sin(t * 12.9898))).ToList();
        SeasonalityDetector.Detect(series, 100)!.Value.Period.Should().Be(12);
    }

    [Fact]
    public void Detect_ReturnsNull_ForAStraightLine()
    {
        SeasonalityDetector.Detect(Enumerable.Range(0, 100).Select(t => 2.0 * t).ToList(), 40).Should().BeNull();
    }
}
