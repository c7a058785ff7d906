using McpFlow.Pipelines.Metrics;

namespace McpFlow.Pipelines.Tests.Metrics;

public sealed class RegressionAndForecastMetricsTests
{
    [Fact]
    public void Regression_MatchesClosedForms_ForFourPoints()
    {
        // Errors -1, 0, 1, 2: MAE 1, MSE 6/4, SS_tot 5 → R² = 1 - 6/5; MAPE = 100·(1 + 0 + 1/3 + 1/2)/4.
        var m = RegressionMetrics.Compute([1, 2, 3, 4], [2, 2, 2, 2]);
        m["mae"].Should().Be(1);
        m["mse"].Should().Be(1.5);
        m["rmse"].Should().BeApproximately(Math.Sqrt(1.5), 1e-12);
        m["r2"].Should().BeApproximately(-0.2, 1e-12);
        m["mape"].Should().BeApproximately(100 * (1 + (1.0 / 3) + 0.5) / 4, 1e-12);
        var rmsle = Math.Sqrt((Math.Pow(Math.Log(3) - Math.Log(2), 2) + Math.Pow(Math.Log(3) - Math.Log(4), 2) + Math.Pow(Math.Log(3) - Math.Log(5), 2)) / 4);
        m["rmsle"].Should().BeApproximately(rmsle, 1e-12);
    }

    [Fact]
    public void Regression_ReportsNaN_WhenLogOrPercentageIsUndefined()
    {
        RegressionMetrics.Compute([0, 0], [1, 1])["mape"].Should().Be(double.NaN);
        var m = RegressionMetrics.Compute([0, 0, -2], [1, 1, 1]);
        m["rmsle"].Should().Be(double.NaN);
        m["mape"].Should().Be(150, "only the non-zero actual -2 counts: |(-2 - 1) / -2| = 1.5");
    }

    [Fact]
    public void Forecast_ScalesByInSampleNaiveError()
    {
        // Training 1..5 has naive in-sample MAE 1 and MSE 1; errors 1 and 2 → MASE 1.5, RMSSE sqrt(2.5);
        // sMAPE = 100·(2·1/11 + 2·2/16)/2.
        var m = ForecastMetrics.Compute([6, 7], [5, 9], [1, 2, 3, 4, 5], season: 1);
        m["mase"].Should().BeApproximately(1.5, 1e-12);
        m["rmsse"].Should().BeApproximately(Math.Sqrt(2.5), 1e-12);
        m["smape"].Should().BeApproximately(100 * ((2.0 / 11) + 0.25) / 2, 1e-12);
    }

    [Fact]
    public void Forecast_UsesSeasonalDifferences_ForTheScale()
    {
        // Season 2 over [1, 5, 2, 7]: differences 1 and 2 → MAE scale 1.5, MSE scale 2.5.
        ForecastMetrics.Scales([1, 5, 2, 7], 2).Should().Be((1.5, 2.5));
    }

    [Fact]
    public void Silhouette_MatchesHandComputation_ForTwoPairsOnALine()
    {
        // Points 0,1 | 10,11: s = 9.5/10.5 for the outer points and 8.5/9.5 for the inner ones.
        var s = Silhouette.Mean([[0f], [1f], [10f], [11f]], [0, 0, 1, 1]);
        s.Should().BeApproximately(((9.5 / 10.5) + (8.5 / 9.5)) / 2, 1e-12);
    }
}
