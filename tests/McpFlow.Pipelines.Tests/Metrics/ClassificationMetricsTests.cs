using McpFlow.Pipelines.Metrics;

namespace McpFlow.Pipelines.Tests.Metrics;

public sealed class ClassificationMetricsTests
{
    [Fact]
    public void Compute_MatchesHandCountedConfusion_ForBinaryLabels()
    {
        // TP=3, FN=1, FP=1, TN=3 counted by hand; kappa: po=0.75, pe=(4·4+4·4)/64=0.5 → 0.5; MCC=(9-1)/sqrt(4⁴)=0.5.
        int[] actual = [1, 1, 1, 0, 0, 0, 0, 1];
        int[] predicted = [1, 1, 0, 0, 0, 1, 0, 1];
        double[] p = [0.9, 0.8, 0.3, 0.1, 0.4, 0.2, 0.6, 0.7];
        var m = ClassificationMetrics.Compute(actual, predicted, p.Select(v => new[] { 1 - v, v }).ToList(), 2);
        m["accuracy"].Should().Be(0.75);
        m["precision"].Should().Be(0.75);
        m["recall"].Should().Be(0.75);
        m["f1"].Should().BeApproximately(0.75, 1e-12);
        m["kappa"].Should().BeApproximately(0.5, 1e-12);
        m["mcc"].Should().BeApproximately(0.5, 1e-12);
        // 14 of the 16 positive-negative pairs are ordered correctly.
        m["auc"].Should().BeApproximately(14.0 / 16, 1e-12);
    }

    [Fact]
    public void Compute_UsesMacroAveragesAndGorodkinMcc_ForThreeClasses()
    {
        // Confusion rows [1,1,0],[0,2,0],[1,0,1]: precision (1/2, 2/3, 1), recall (1/2, 1, 1/2), F1 (1/2, 4/5, 2/3);
        // kappa po=2/3, pe=(2·2+2·3+2·1)/36=1/3 → 0.5; R_K=(4·6-12)/sqrt((36-14)(36-12)).
        int[] actual = [0, 0, 1, 1, 2, 2];
        int[] predicted = [0, 1, 1, 1, 2, 0];
        var m = ClassificationMetrics.Compute(actual, predicted, null, 3);
        m["accuracy"].Should().BeApproximately(4.0 / 6, 1e-12);
        m["precision"].Should().BeApproximately((0.5 + (2.0 / 3) + 1) / 3, 1e-12);
        m["recall"].Should().BeApproximately(2.0 / 3, 1e-12);
        m["f1"].Should().BeApproximately((0.5 + 0.8 + (2.0 / 3)) / 3, 1e-12);
        m["kappa"].Should().BeApproximately(0.5, 1e-12);
        m["mcc"].Should().BeApproximately(12 / Math.Sqrt(22 * 24), 1e-12);
        m["auc"].Should().Be(double.NaN);
    }

    [Fact]
    public void Auc_CountsTiesAsOneHalf()
    {
        ClassificationMetrics.Auc([true, false], [0.5, 0.5]).Should().Be(0.5);
        ClassificationMetrics.Auc([true, true], [0.5, 0.7]).Should().Be(double.NaN);
    }
}
