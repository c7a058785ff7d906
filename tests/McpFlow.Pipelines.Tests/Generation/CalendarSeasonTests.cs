using System.Globalization;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Tables;

namespace McpFlow.Pipelines.Tests.Generation;

/// <summary>
/// Issue 14's daily case replayed on a fresh series (the shape of tools/bench/pipelines/make_fresh_daily_series.py,
/// with a weaker week): a hinge trend, a yearly cosine, a weekly profile of sd 3.9 under AR(1) noise of sd 6.4. The
/// weekly ACF peak stays under the searched-season bar of 0.3, so the week was missed; the calendar proposes it.
/// </summary>
public sealed class CalendarSeasonTests : IDisposable
{
    private const int Days = 1300;
    private readonly TestData _data = new();

    private static double[] Series(bool weekly, int seed)
    {
        var random = new Random(seed);
        double[] profile = [-2.4, 0.8, 1.6, 3.2, 5.6, -1.6, -7.2];
        var y = new double[Days];
        double noise = 0;
        for (var t = 0; t < Days; t++)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            noise = (0.35 * noise) + (6 * normal);
            y[t] = 150 + (t < 520 ? 0 : 0.15 * (t - 520)) + (22 * Math.Cos((2 * Math.PI * t / 365.25) + 0.8)) + (weekly ? profile[(t + 4) % 7] : 0) + noise;
        }

        return y;
    }

    private PipelineSpec Generate(double[] y)
    {
        var rows = string.Join(", ", y.Select((v, t) => string.Create(CultureInfo.InvariantCulture, $"(DATE '2019-03-15' + {t}, {v:R})")));
        _data.Execute($"CREATE OR REPLACE TABLE load AS SELECT * FROM (VALUES {rows}) v(day, load_kwh)");
        return new PipelineGenerator(new TableInspector(_data.Database)).Generate(new GenerateRequest("load", "load_kwh", "forecasting", "day", Horizon: 1, Folds: 3));
    }

    [Fact]
    public void Generate_FindsAWeakWeek_ThatTheSearchedSeasonBarMisses()
    {
        var y = Series(weekly: true, seed: 2612);
        var residual = YearlySeason.WithoutSlowComponents(y, YearlySeason.DaysPerYear);
        SeasonalityDetector.Detect(residual, YearlySeason.MaxShortSeason(YearlySeason.DaysPerYear)).Should().BeNull("the weekly peak is under 0.3 (the case that was missed)");

        var spec = Generate(y);

        spec.Features.FourierPeriod.Should().Be(7);
        spec.Findings.Should().Contain(f => f.Check == "seasonality" && f.Message.StartsWith("Season of 7 rows (a week of days) found", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_ProposesNoWeek_WhenTheSeriesHasNone()
    {
        var spec = Generate(Series(weekly: false, seed: 2612));

        spec.Features.FourierPeriod.Should().BeNull();
    }

    [Theory]
    [InlineData(1.0, 7)]
    [InlineData(1.0 / 24, 24)]
    [InlineData(7.0, null)]
    [InlineData(1.0 / 1440, null)]
    public void Period_IsTheWeekOfDaysOrTheDayOfHours(double stepDays, int? period) => CalendarSeason.Period(stepDays).Should().Be(period);

    public void Dispose() => _data.Dispose();
}
