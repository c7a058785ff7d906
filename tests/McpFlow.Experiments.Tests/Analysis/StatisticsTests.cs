using McpFlow.Experiments.Analysis;

namespace McpFlow.Experiments.Tests.Analysis;

public sealed class StatisticsTests
{
    [Fact]
    public void Spearman_MatchesTheClosedFormWithoutTies()
    {
        // ranks x = 1..5, ranks y = 2,1,4,3,5: d² = 1+1+1+1+0 = 4, ρ = 1 − 6·4/(5·24) = 0.8.
        var rho = Statistics.Spearman([10, 20, 30, 40, 50], [0.2, 0.1, 0.4, 0.3, 0.9]);

        rho.Should().BeApproximately(0.8, 1e-12);
    }

    [Fact]
    public void Ranks_AverageTies_AndCorrelationRatioIsOneForSeparatedGroups()
    {
        Statistics.Ranks([3, 1, 3, 2]).Should().Equal(3.5, 1, 3.5, 2);
        Statistics.CorrelationRatio(["a", "a", "b", "b"], [1, 2, 3, 4]).Should().BeApproximately(Math.Sqrt(0.8), 1e-12,
            "ranks 1,2 | 3,4: between-group SS = 2·(1.5−2.5)² + 2·(3.5−2.5)² = 4 of total 5");
    }
}
