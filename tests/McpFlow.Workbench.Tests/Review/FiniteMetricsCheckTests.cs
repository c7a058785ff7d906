using McpFlow.Workbench.Review;

namespace McpFlow.Workbench.Tests.Review;

public sealed class FiniteMetricsCheckTests : ReviewTestBase
{
    private readonly FiniteMetricsCheck _check = new();

    [Fact]
    public void Run_Passes_WhenAllMetricsAreFinite() =>
        _check.Run(Input(metrics: Metrics(("loss", 0.1), ("accuracy", 0.9))), default).Passed.Should().BeTrue();

    [Fact]
    public void Run_Fails_NamingNaNAndInfiniteMetrics()
    {
        var result = _check.Run(Input(metrics: Metrics(("loss", double.NaN), ("rmse", double.PositiveInfinity), ("r2", 0.5))), default);
        result.Passed.Should().BeFalse();
        result.Details.Should().Contain("loss = NaN").And.Contain("rmse = Infinity").And.NotContain("r2");
    }
}
