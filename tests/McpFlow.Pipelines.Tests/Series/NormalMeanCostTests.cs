using McpFlow.Pipelines.Series;

namespace McpFlow.Pipelines.Tests.Series;

public sealed class NormalMeanCostTests
{
    [Fact]
    public void Cost_IsTheSumOfSquaredDeviationsOverTheVariance()
    {
        // Segment [1, 2, 3, 6]: mean 3, Σ(x - 3)² = 4 + 1 + 0 + 9 = 14; σ = 2 so the cost is 14 / 4 = 3.5.
        var cost = new NormalMeanCost([10, 1, 2, 3, 6, -4], 2);
        cost.Cost(1, 5).Should().BeApproximately(3.5, 1e-12);
        cost.Mean(1, 5).Should().BeApproximately(3, 1e-12);
        // One value has no deviation from its own mean.
        cost.Cost(0, 1).Should().Be(0);
        // Whole series: mean 3, Σ(x - 3)² = 49 + 4 + 1 + 0 + 9 + 49 = 112, / 4 = 28.
        cost.Cost(0, 6).Should().BeApproximately(28, 1e-12);
    }
}
