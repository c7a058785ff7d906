namespace McpFlow.Pipelines.Generation;

/// <summary>
/// The yearly season of a dated series, set by the calendar rather than found by autocorrelation: a year of daily data
/// is 365.25 rows, more than the ACF can resolve next to a weekly season, and a few years hold too few cycles for a
/// clear ACF peak. Series of weekly or finer rows spanning at least <see cref="MinYears"/> years get
/// <see cref="Order"/> yearly Fourier pairs (Prophet's default yearly order), and the shorter season is then searched
/// after removing the slow components (trend, its changes and the yearly swing) with a centred moving average over
/// about a month, which keeps weekly and daily patterns and flattens everything slower.
/// </summary>
public static class YearlySeason
{
    /// <summary>Days per year (the Julian year Prophet and the benchmark's peer use).</summary>
    public const double DaysPerYear = 365.25;

    /// <summary>Fewest rows per year (weekly data): coarser series (monthly, quarterly) find the year as their season by ACF.</summary>
    public const double MinRowsPerYear = 52;

    /// <summary>Fewest whole years before yearly terms are fitted (one year cannot tell a season from a trend).</summary>
    public const double MinYears = 2;

    /// <summary>Yearly Fourier pairs (Prophet's default yearly_seasonality order, 10).</summary>
    public const int Order = 10;

    /// <summary>Rows per year when the series qualifies for yearly terms, else null.</summary>
    public static double? RowsPerYear(double medianStepDays, double spanDays)
    {
        if (medianStepDays <= 0 || spanDays < MinYears * DaysPerYear)
            return null;
        var rows = DaysPerYear / medianStepDays;
        return rows >= MinRowsPerYear ? rows : null;
    }

    /// <summary>The series minus its centred moving average over about a month (an odd window of rows/12, at least 3).</summary>
    public static double[] WithoutSlowComponents(IReadOnlyList<double> series, double rowsPerYear)
    {
        var half = Math.Max(1, (int)Math.Round(rowsPerYear / 12 / 2));
        var n = series.Count;
        var prefix = new double[n + 1];
        for (var i = 0; i < n; i++)
            prefix[i + 1] = prefix[i] + series[i];
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            // Shorter windows at the ends: the average of what exists within half a window on each side.
            var from = Math.Max(0, i - half);
            var to = Math.Min(n, i + half + 1);
            result[i] = series[i] - ((prefix[to] - prefix[from]) / (to - from));
        }

        return result;
    }

    /// <summary>Longest short season searched in the residual: half the moving-average window.</summary>
    public static int MaxShortSeason(double rowsPerYear) => Math.Max(2, (int)Math.Round(rowsPerYear / 12 / 2));
}
