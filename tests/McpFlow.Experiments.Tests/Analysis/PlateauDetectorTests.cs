using McpFlow.Experiments.Analysis;

namespace McpFlow.Experiments.Tests.Analysis;

public sealed class PlateauDetectorTests
{
    [Fact]
    public void Detect_FindsThePlateauOfAnExponentialApproach()
    {
        // 0.42·exp(−e/13) < 0.01·0.42·(1 − exp(−99/13)) ⇔ e > 13·ln(100/(1 − e^(−99/13))) ≈ 59.87, so the first flat epoch is 60.
        var curve = Enumerable.Range(0, 100).Select(e => ((long)e, PlateauRuns.Accuracy(e))).ToList();

        var result = PlateauDetector.Detect(curve, maximize: true);

        result.Plateaued.Should().BeTrue();
        result.PlateauStep.Should().Be(60);
        result.FlatShare.Should().BeApproximately(39.0 / 99, 1e-9);
    }

    [Fact]
    public void Detect_SeesNoPlateauOnAStraightLine_AndHandlesMinimisation()
    {
        var line = Enumerable.Range(0, 50).Select(e => ((long)e, 1.0 - (e * 0.01))).ToList();

        var result = PlateauDetector.Detect(line, maximize: false);

        result.Plateaued.Should().BeFalse();
        result.PlateauStep.Should().Be(49);
        result.FinalBest.Should().BeApproximately(0.51, 1e-12);
    }
}
