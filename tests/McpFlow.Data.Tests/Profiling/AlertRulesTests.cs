using McpFlow.Data.Profiling;

namespace McpFlow.Data.Tests.Profiling;

public sealed class AlertRulesTests
{
    private static ColumnProfile Numeric(string name, long count, long missing, double skew = 0, long zeros = 0, long outliers = 0) =>
        new(name, "DOUBLE", "numeric", count, missing, (double)missing / (count + missing), count, false,
            new NumericStats(0, 1, 0.5, 0.1, 0.01, skew, 0, new Dictionary<string, double?>(), 0.5, 0.2, zeros, 0, 0, 0, outliers, 0, [], null),
            null, null, null, []);

    private static List<string> Kinds(params ColumnProfile[] columns) =>
        AlertRules.Evaluate(columns[0].Count + columns[0].Missing, 0, columns, []).Select(a => a.Kind).ToList();

    [Fact]
    public void Missing_AlertsAtThreshold_AndNotJustBelow()
    {
        Kinds(Numeric("m", 95, 5)).Should().Contain("missing");        // 5 / 100 = 0.05 = threshold
        Kinds(Numeric("m", 9501, 499)).Should().NotContain("missing"); // 0.0499
    }

    [Fact]
    public void Skewed_AlertsAtOne_AndNotJustBelow()
    {
        Kinds(Numeric("s", 100, 0, skew: 1.0)).Should().Contain("skewed");
        Kinds(Numeric("s", 100, 0, skew: -1.0)).Should().Contain("skewed");
        Kinds(Numeric("s", 100, 0, skew: 0.999)).Should().NotContain("skewed");
    }

    [Fact]
    public void Zeros_AndOutliers_AlertAtTheirThresholds()
    {
        Kinds(Numeric("z", 100, 0, zeros: 10)).Should().Contain("zeros");   // 10%
        Kinds(Numeric("z", 100, 0, zeros: 9)).Should().NotContain("zeros");
        Kinds(Numeric("o", 100, 0, outliers: 1)).Should().Contain("outliers"); // 1%
        Kinds(Numeric("o", 1000, 0, outliers: 9)).Should().NotContain("outliers");
    }

    [Fact]
    public void HighCorrelation_AlertsAtPointNine()
    {
        var column = Numeric("a", 10, 0);
        AlertRules.Evaluate(10, 0, [column], [new Correlation("a", "b", "pearson", -0.9)]).Should().Contain(a => a.Kind == "high_correlation");
        AlertRules.Evaluate(10, 0, [column], [new Correlation("a", "b", "pearson", 0.89)]).Should().NotContain(a => a.Kind == "high_correlation");
    }

    [Fact]
    public void Duplicates_AlertFromOneRow()
    {
        AlertRules.Evaluate(10, 1, [Numeric("a", 10, 0)], []).Select(a => a.Kind).Should().StartWith("duplicates");
        AlertRules.Evaluate(10, 0, [Numeric("a", 10, 0)], []).Should().NotContain(a => a.Kind == "duplicates");
    }

    [Fact]
    public void CramersV_IsOneForIdenticalAndZeroForIndependentColumns()
    {
        CorrelationPassAccessor.CramersV([("a", "a", 30), ("b", "b", 70)]).Should().BeApproximately(1, 1e-12);
        CorrelationPassAccessor.CramersV([("a", "x", 25), ("a", "y", 25), ("b", "x", 25), ("b", "y", 25)]).Should().BeApproximately(0, 1e-12);
        // 2×2 table [[20, 10], [5, 15]]: χ² = 50·(20·15 − 10·5)² / (30·20·25·25) = 8.3333, V = √(χ²/50) = 0.40825.
        CorrelationPassAccessor.CramersV([("a", "x", 20), ("a", "y", 10), ("b", "x", 5), ("b", "y", 15)]).Should().BeApproximately(0.408248, 1e-6);
    }
}
