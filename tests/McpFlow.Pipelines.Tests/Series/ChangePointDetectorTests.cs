using McpFlow.Pipelines.Series;

namespace McpFlow.Pipelines.Tests.Series;

public sealed class ChangePointDetectorTests
{
    [Fact]
    public void Detect_FindsTheExactIndices_OfTwoChangesInMean()
    {
        // Means 0, 6, 2 (σ = 1) over [0, 150), [150, 300), [300, 450): shifts of 6σ and 4σ.
        var noise = Noise.Gaussian(450, seed: 11);
        var series = noise.Select((e, t) => e + (t < 150 ? 0 : t < 300 ? 6 : 2)).ToArray();
        var (changes, sigma) = ChangePointDetector.Detect(series);
        changes.Select(c => c.Index).Should().Equal(150, 300);
        changes[0].MeanAfter.Should().BeApproximately(6, 0.3);
        changes[1].Shift.Should().BeApproximately(-4, 0.5);
        sigma.Should().BeApproximately(1, 0.15);
    }

    [Fact]
    public void Detect_FindsNoChange_InPureNoise()
    {
        var (changes, _) = ChangePointDetector.Detect(Noise.Gaussian(1000, seed: 5));
        changes.Should().BeEmpty();
    }

    [Fact]
    public void Detect_MatchesTheExhaustiveOptimum_ForOneChange()
    {
        // A single change: PELT's optimum equals the best single split by brute force (its cost beats the penalty).
        var series = Noise.Gaussian(80, seed: 3).Select((e, t) => e + (t < 37 ? 0 : 3)).ToArray();
        var (changes, sigma) = ChangePointDetector.Detect(series);
        var cost = new NormalMeanCost(series, sigma);
        var best = Enumerable.Range(ChangePointDetector.MinSegment, 80 - (2 * ChangePointDetector.MinSegment) + 1)
            .MinBy(tau => cost.Cost(0, tau) + cost.Cost(tau, 80));
        changes.Select(c => c.Index).Should().Equal(best);
    }

    [Fact]
    public void BinarySegmentation_AgreesWithPelt_OnWellSeparatedChanges()
    {
        var series = Noise.Gaussian(450, seed: 11).Select((e, t) => e + (t < 150 ? 0 : t < 300 ? 6 : 2)).ToArray();
        var cost = new NormalMeanCost(series, 1);
        var beta = ChangePointDetector.Penalty(450);
        ChangePointDetector.BinarySegmentation(cost, 450, beta).Should().Equal(ChangePointDetector.Pelt(cost, 450, beta));
    }

    [Fact]
    public void Detect_UsesBinarySegmentation_AboveTheExactLimit_AndStillFindsTheChanges()
    {
        var n = ChangePointDetector.ExactLimit + 1000;
        var series = Noise.Gaussian(n, seed: 12).Select((e, t) => e + (t < 2500 ? 0 : t < 4000 ? 3 : -1)).ToArray();
        var (changes, _) = ChangePointDetector.Detect(series);
        changes.Select(c => c.Index).Should().Equal(2500, 4000);
    }

    [Fact]
    public void Detect_ReturnsNothing_ForAConstantSeries()
    {
        var (changes, sigma) = ChangePointDetector.Detect(Enumerable.Repeat(4.0, 50).ToList());
        changes.Should().BeEmpty();
        sigma.Should().Be(0);
    }
}
