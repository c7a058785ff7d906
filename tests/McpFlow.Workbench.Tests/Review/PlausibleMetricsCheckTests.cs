using McpFlow.Workbench.Review;

namespace McpFlow.Workbench.Tests.Review;

public sealed class PlausibleMetricsCheckTests : ReviewTestBase
{
    private readonly PlausibleMetricsCheck _check = new();

    [Theory]
    [InlineData("accuracy", MetricKind.UnitInterval)]
    [InlineData("val_accuracy", MetricKind.UnitInterval)]
    [InlineData("roc_auc", MetricKind.UnitInterval)]
    [InlineData("F1", MetricKind.UnitInterval)]
    [InlineData("test-r2", MetricKind.RSquared)]
    [InlineData("val_loss", MetricKind.NonNegative)]
    [InlineData("rel_l2", MetricKind.NonNegative)]
    [InlineData("silhouette", MetricKind.SignedUnitInterval)]
    [InlineData("epochs", MetricKind.Unknown)]
    public void MetricKinds_ClassifyNamesByTheirTokens(string name, MetricKind kind) => MetricKinds.Of(name).Should().Be(kind);

    [Fact]
    public void Run_Passes_OnPlausibleConsistentMetrics()
    {
        // rmse = sqrt(mse) exactly (1.5² = 2.25) and rmse ≥ mae.
        var metrics = Metrics(("accuracy", 0.92), ("r2", -0.3), ("val_loss", 0.01), ("rmse", 1.5), ("mae", 1.2), ("mse", 2.25), ("epochs", 120));
        _check.Run(Input(metrics: metrics), default).Passed.Should().BeTrue();
    }

    [Theory]
    [InlineData("accuracy", 1.2, "accuracy = 1.2 is outside [0, 1]")]
    [InlineData("recall", -0.1, "recall = -0.1 is outside [0, 1]")]
    [InlineData("r2", 1.01, "r2 = 1.01 is above 1")]
    [InlineData("train_loss", -0.5, "train_loss = -0.5 is negative")]
    [InlineData("mcc", -1.5, "mcc = -1.5 is outside [-1, 1]")]
    public void Run_Fails_OnMetricsOutsideTheirRange(string name, double value, string expected)
    {
        var result = _check.Run(Input(metrics: Metrics((name, value))), default);
        result.Passed.Should().BeFalse();
        result.Details.Should().Contain(expected);
    }

    [Fact]
    public void Run_Fails_WhenRmseIsBelowMaeOrAboveSqrtMse()
    {
        var result = _check.Run(Input(metrics: Metrics(("val_rmse", 1.0), ("val_mae", 1.2), ("val_mse", 0.81))), default);
        result.Passed.Should().BeFalse();
        // sqrt(0.81) = 0.9 < 1.0.
        result.Details.Should().Contain("val_rmse = 1 is below val_mae = 1.2").And.Contain("exceeds √val_mse = 0.9");
    }
}
