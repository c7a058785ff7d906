using McpFlow.Pipelines.Evaluation;

namespace McpFlow.Pipelines.Tests.Evaluation;

public sealed class AblationVerdictTests
{
    // Student t quantile t(0.975, 4) = 2.7764451 (statistical tables; scipy.stats.t.ppf(0.975, 4)).
    private const double T975With4Dof = 2.7764451;

    [Fact]
    public void Judge_CallsAConsistentSmallGain_Helps_ThoughItIsUnderHalfAPercent()
    {
        // Accuracy with the step is higher on every fold by 0.0015-0.0025 (0.22% of 0.91: "neutral" under a 0.5% rule).
        double[] with = [0.900, 0.910, 0.905, 0.915, 0.920];
        double[] gains = [0.002, 0.0025, 0.0015, 0.002, 0.002];
        var without = with.Zip(gains, (w, g) => w - g).ToArray();

        var judged = AblationVerdict.Judge(with, without, maximize: true);

        // By hand: mean gain 0.002; deviations 0, ±0.0005 → sd = sqrt(5e-7 / 4) = 3.5355e-4, SE = sd / sqrt(5) = 1.5811e-4.
        judged.Gain.Should().BeApproximately(0.002, 1e-12);
        judged.StandardError.Should().BeApproximately(1.5811388e-4, 1e-9);
        judged.Margin.Should().BeApproximately(T975With4Dof * 1.5811388e-4, 1e-8);
        judged.Verdict.Should().Be(AblationVerdict.Helps);
    }

    [Fact]
    public void Judge_CallsALargeGainThatFlipsSignBetweenFolds_Neutral()
    {
        // RMSE (lower is better) without the step: mean 10.3 against 10.0, a 3% gain, but worse on two folds of five.
        double[] with = [10, 10, 10, 10, 10];
        double[] without = [10.9, 9.4, 10.8, 9.6, 10.8];

        var judged = AblationVerdict.Judge(with, without, maximize: false);

        // By hand: gains 0.9, -0.6, 0.8, -0.4, 0.8 → mean 0.3; squared deviations sum 2.16 → sd = sqrt(0.54) = 0.734847,
        // SE = 0.328634, margin = 2.7764451 × 0.328634 = 0.912435 > 0.3.
        judged.Gain.Should().BeApproximately(0.3, 1e-12);
        judged.StandardError.Should().BeApproximately(0.328634, 1e-6);
        judged.Margin.Should().BeApproximately(0.912435, 1e-5);
        judged.Verdict.Should().Be(AblationVerdict.Neutral);
    }

    [Fact]
    public void Judge_CallsAConsistentLoss_Hurts()
    {
        // RMSE lower without the step on every fold by 0.5 ± 0.1: removing it helps, so the step hurts.
        double[] with = [5.5, 6.6, 5.4, 6.5, 5.5];
        double[] without = [5.0, 6.0, 5.0, 6.0, 5.0];

        var judged = AblationVerdict.Judge(with, without, maximize: false);

        judged.Gain.Should().BeApproximately(-0.5, 1e-12); // -(mean with - mean without) = -(5.9 - 5.4)
        judged.Verdict.Should().Be(AblationVerdict.Hurts);
    }

    [Fact]
    public void Judge_WithOneFold_SaysItCannotJudge()
    {
        var judged = AblationVerdict.Judge([0.9], [0.5], maximize: true);

        judged.Gain.Should().BeApproximately(0.4, 1e-12);
        judged.Verdict.Should().Be(AblationVerdict.Undetermined);
    }

    [Fact]
    public void Judge_WithDifferentFoldCounts_UsesTheUnpairedStandardError()
    {
        // Unpaired: SE = sqrt(sd1²/3 + sd2²/3); both samples have sd 1 (values m-1, m, m+1) → SE = sqrt(2/3) = 0.816497.
        // A fold without a value (NaN) makes the runs unpaired. Margin: t(0.975, 2) = 4.302653 → 3.5131 < |gain| 4.
        var judged = AblationVerdict.Judge([1, 2, 3, double.NaN], [5, 6, 7], maximize: true);

        judged.Gain.Should().BeApproximately(-4, 1e-12);
        judged.StandardError.Should().BeApproximately(0.816497, 1e-6);
        judged.Margin.Should().BeApproximately(3.513101, 1e-5);
        judged.Verdict.Should().Be(AblationVerdict.Hurts);
    }
}
