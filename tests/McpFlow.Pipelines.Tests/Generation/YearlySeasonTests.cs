using McpFlow.Pipelines.Generation;

namespace McpFlow.Pipelines.Tests.Generation;

public sealed class YearlySeasonTests
{
    [Theory]
    [InlineData(1.0, 1460.0, 365.25)] // daily rows over 4 years
    [InlineData(1 / 24.0, 800.0, 8766.0)] // hourly rows over 2.2 years: 365.25 × 24
    [InlineData(7.0, 800.0, 365.25 / 7)] // weekly rows: 52.18 a year, just above the floor of 52
    public void RowsPerYear_IsTheCalendarYear_InRows_ForTwoYearsOrMoreOfWeeklyOrFinerRows(double step, double span, double expected)
    {
        YearlySeason.RowsPerYear(step, span)!.Value.Should().BeApproximately(expected, 1e-9);
    }

    [Theory]
    [InlineData(1.0, 700.0)] // under two years
    [InlineData(30.4, 3650.0)] // monthly rows: the ACF finds the 12-row season itself
    [InlineData(0.0, 3650.0)] // no spacing (duplicate timestamps)
    public void RowsPerYear_IsNull_Otherwise(double step, double span)
    {
        YearlySeason.RowsPerYear(step, span).Should().BeNull();
    }

    [Fact]
    public void WithoutSlowComponents_KeepsAWeeklyPattern_AndRemovesALine()
    {
        // A line plus a zero-sum weekly pattern: away from the ends the 31-row centred moving average (±15 rows,
        // 365.25/24 rounded) of the line is the line itself, and of the pattern four whole weeks (sum 0) plus three
        // consecutive days, whose sum is at most 15 in magnitude (5 - 8 - 12): the residual is the pattern within 15/31.
        double[] week = [6, 4, 3, 2, 5, -8, -12];
        var series = Enumerable.Range(0, 200).Select(t => (0.5 * t) + week[t % 7]).ToList();

        var residual = YearlySeason.WithoutSlowComponents(series, 365.25);

        for (var t = 15; t < 185; t++)
            residual[t].Should().BeApproximately(week[t % 7], 15 / 31.0 + 1e-9);
        YearlySeason.MaxShortSeason(365.25).Should().Be(15);
    }
}
