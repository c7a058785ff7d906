using System.Text.Json;
using McpFlow.Pipelines.Forecasting;
using McpFlow.Testing;

namespace McpFlow.Pipelines.Tests.Forecasting;

/// <summary>
/// Expected values come from statsmodels 0.13 (Debian python3-statsmodels), computed once by
/// tools/bench/pipelines/holt_winters_fixture.py into tools/bench/pipelines/holt_winters_fixture.json
/// (first 240 months of examples/data/co2_monthly.csv, season 12).
/// </summary>
public sealed class HoltWintersTests
{
    private static readonly JsonElement Fixture = JsonDocument.Parse(File.ReadAllText(
        Path.Combine(RepositoryPaths.Root, "tools", "bench", "pipelines", "holt_winters_fixture.json"))).RootElement;

    private static double[] Series => Doubles(Fixture.GetProperty("series"));

    [Fact]
    public void Recursions_MatchStatsmodels_ForGivenWeightsAndInitialStates()
    {
        var f = Fixture.GetProperty("fixed");
        var p = new HoltWintersParameters(f.GetProperty("alpha").GetDouble(), f.GetProperty("beta").GetDouble(), f.GetProperty("gamma").GetDouble(), 12,
            f.GetProperty("initial_level").GetDouble(), f.GetProperty("initial_trend").GetDouble(), Doubles(f.GetProperty("initial_season")), 0);
        // statsmodels fittedvalues are the one-step forecasts: horizon 1 over the series.
        HoltWintersSmoother.Forecasts(p, Series, 1).Should().Equal(Doubles(f.GetProperty("fitted_values")), (a, e) => Math.Abs(a - e) < 1e-9);
        HoltWintersSmoother.OneStepErrors(p, Series).Sse.Should().BeApproximately(f.GetProperty("sse").GetDouble(), 1e-8);
        // Forecasts 1..24 steps after the last observation (rows n..n+23 from origin n-1): append 24 missing values. The fixture
        // holds the textbook forecasts from statsmodels' final states (its own forecast() differs at h = 12 and 24, see the script).
        var extended = Series.Concat(Enumerable.Repeat(double.NaN, 24)).ToArray();
        var expected = Doubles(f.GetProperty("forecast"));
        for (var h = 1; h <= 24; h++)
            HoltWintersSmoother.Forecasts(p, extended, h)[Series.Length - 1 + h].Should().BeApproximately(expected[h - 1], 1e-9, $"horizon {h}");
    }

    [Fact]
    public void Fit_ReachesStatsmodelsSse_AndForecastsLikeIt()
    {
        var f = Fixture.GetProperty("fitted");
        var fit = HoltWintersFitter.Fit(Series, 12);
        // Least-squares initial states inside a Nelder-Mead search over the weights reach statsmodels' SLSQP optimum (20.9646).
        fit.Sse.Should().BeLessThanOrEqualTo(f.GetProperty("sse").GetDouble() * (1 + 1e-6));
        fit.InitialSeason.Sum().Should().BeApproximately(0, 1e-9);
        var extended = Series.Concat(Enumerable.Repeat(double.NaN, 24)).ToArray();
        var expected = Doubles(f.GetProperty("forecast"));
        for (var h = 1; h <= 24; h++)
            HoltWintersSmoother.Forecasts(fit, extended, h)[Series.Length - 1 + h].Should().BeApproximately(expected[h - 1], 0.01, $"horizon {h}");
    }

    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();
}
