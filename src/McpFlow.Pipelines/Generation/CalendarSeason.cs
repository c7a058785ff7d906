namespace McpFlow.Pipelines.Generation;

/// <summary>
/// The week of daily rows (7) and the day of hourly rows (24): seasons the calendar proposes, tested rather than
/// searched. <see cref="SeasonalityDetector"/> asks any peak to reach an autocorrelation of 0.3 because it searches
/// hundreds of lags; a single lag named in advance needs only to stand out of the noise. Issue 14's fresh daily series
/// (weekly profile -3..+7 under AR(1) noise of sd 6.4) had its weekly ACF peaks at 0.28 (lag 7) and 0.30 (lag 14),
/// so the week was missed and the best MASE was 1.09× the ridge peer's. The calendar period is accepted when its ACF,
/// on the series without its slow components, is a local peak above both <see cref="MinAcf"/> and
/// <see cref="SignificanceZ"/>/√n (the 99.9% band of a white-noise ACF, whose standard error is 1/√n, Bartlett).
/// </summary>
public static class CalendarSeason
{
    /// <summary>Two-sided 99.9% standard normal quantile (scipy.stats.norm.ppf(0.9995) = 3.2905).</summary>
    public const double SignificanceZ = 3.2905;

    /// <summary>Smallest autocorrelation accepted whatever the length of the series: below it the season explains
    /// under a tenth of the variance and its Fourier terms would add more noise than signal.</summary>
    public const double MinAcf = 0.1;

    /// <summary>Tolerance on the median step when recognising days and hours (a few missing rows shift it slightly).</summary>
    private const double StepTolerance = 0.05;

    /// <summary>The calendar period in rows for a median step (7 for days, 24 for hours), or null.</summary>
    public static int? Period(double medianStepDays) =>
        Math.Abs(medianStepDays - 1) <= StepTolerance ? 7
        : Math.Abs((medianStepDays * 24) - 1) <= StepTolerance ? 24
        : null;

    /// <summary>The period and its ACF when <paramref name="residual"/> (the series without its slow components)
    /// shows it, else null.</summary>
    public static (int Period, double Acf)? Detect(IReadOnlyList<double> residual, int period)
    {
        if (residual.Count < 4 * period)
            return null;
        var acf = SeasonalityDetector.Acf(residual, period + 1);
        var threshold = Math.Max(MinAcf, SignificanceZ / Math.Sqrt(residual.Count));
        var peak = acf[period] > acf[period - 1] && acf[period] >= acf[period + 1];
        return peak && acf[period] >= threshold ? (period, acf[period]) : null;
    }
}
