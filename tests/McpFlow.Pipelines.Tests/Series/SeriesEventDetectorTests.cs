using McpFlow.Core.Errors;
using McpFlow.Pipelines.Series;

namespace McpFlow.Pipelines.Tests.Series;

public sealed class SeriesEventDetectorTests
{
    [Fact]
    public void Detect_FindsInjectedSpikes_AtTheirExactIndices()
    {
        var series = Noise.Gaussian(400, seed: 21);
        series[120] += 8;
        series[250] -= 9;
        series[333] += 10;
        var events = SeriesEventDetector.Detect(series);
        events.Spikes.Select(s => s.Index).Should().Equal(120, 250, 333);
        events.Spikes.Select(s => Math.Sign(s.Score)).Should().Equal(1, -1, 1);
        events.Spikes.Should().OnlyContain(s => s.PValue < 1e-5);
        events.ChangePoints.Should().BeEmpty("isolated spikes are cleaned before change-point detection");
    }

    [Fact]
    public void Detect_ReportsNoEvent_OnPureNoise_AtTheDefaultThreshold()
    {
        var events = SeriesEventDetector.Detect(Noise.Gaussian(1000, seed: 5));
        events.Spikes.Should().BeEmpty();
        events.ChangePoints.Should().BeEmpty();
        events.Season.Should().BeNull();
    }

    [Fact]
    public void Detect_SeparatesALevelShift_FromASpike()
    {
        // Level 0 then 7 from index 200 (σ = 1), one spike of +9 at 320: one change point, one spike, and no run of
        // spikes after the shift because the spike window restarts at the change point.
        var series = Noise.Gaussian(400, seed: 8).Select((e, t) => e + (t < 200 ? 0 : 7)).ToArray();
        series[320] += 9;
        var events = SeriesEventDetector.Detect(series);
        events.ChangePoints.Select(c => c.Index).Should().Equal(200);
        events.Spikes.Select(s => s.Index).Should().Equal(320);
        events.Season.Should().BeNull();
        events.Spikes[0].Expected.Should().BeApproximately(7, 0.5);
    }

    [Fact]
    public void Detect_RemovesTheSeason_BeforeScoringSpikes()
    {
        // 10 + 5 sin(2πt/24) + 0.3 noise: the daily swing is ±5 (17σ), yet only the +3 (10σ) spike at 200 is flagged.
        var noise = Noise.Gaussian(480, seed: 2);
        var series = noise.Select((e, t) => 10 + (5 * Math.Sin(2 * Math.PI * t / 24)) + (0.3 * e)).ToArray();
        series[200] += 3;
        var events = SeriesEventDetector.Detect(series);
        events.Season.Should().Be(24);
        events.Spikes.Select(s => s.Index).Should().Equal(200);
        events.Spikes[0].Expected.Should().BeApproximately(10 + (5 * Math.Sin(2 * Math.PI * 200 / 24)), 0.3);
        events.ChangePoints.Should().BeEmpty();
    }

    [Fact]
    public void Detect_RejectsATooShortSeries()
    {
        var act = () => SeriesEventDetector.Detect([1, 2, 3]);
        act.Should().Throw<McpFlowException>().WithMessage("*at least 31 numeric values*");
    }
}
