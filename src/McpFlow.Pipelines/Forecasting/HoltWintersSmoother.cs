namespace McpFlow.Pipelines.Forecasting;

/// <summary>
/// The additive Holt-Winters recursions in error-correction form, as statsmodels computes them:
/// <c>ŷ_t = l + b + s_(t-m)</c>, <c>e_t = y_t - ŷ_t</c>, <c>l ← l + b + αe</c>, <c>b ← b + αβe</c>, <c>s_t = s_(t-m) + γe</c>.
/// A missing observation (NaN) is replaced by its forecast (e = 0), so the states simply run on.
/// </summary>
public static class HoltWintersSmoother
{
    /// <summary>
    /// Runs the smoother over <paramref name="y"/> and returns, for each <c>t</c>, the forecast of <c>y_t</c> made
    /// <paramref name="horizon"/> rows earlier: from the states after observing <c>y_(t-h)</c>, or from the initial
    /// states for <c>t &lt; h</c>. It never uses <c>y_t</c> or any later value.
    /// Forecast <c>ŷ_(t+h|t) = l_t + h·b_t + s_(t+h-m(k+1))</c> with <c>k = ⌊(h-1)/m⌋</c>.
    /// </summary>
    public static double[] Forecasts(HoltWintersParameters p, IReadOnlyList<double> y, int horizon)
    {
        var n = y.Count;
        var result = new double[n];
        Array.Fill(result, double.NaN);
        var m = p.Season;
        var season = new double[n + m + horizon];
        for (var j = 0; j < m; j++)
            season[j] = p.InitialSeason[j];
        double level = p.InitialLevel, trend = p.InitialTrend;
        // Rows before the first origin are forecast from the initial states (origin -1).
        for (var t = 0; t < Math.Min(horizon, n); t++)
            result[t] = level + ((t + 1) * trend) + (m > 0 ? season[Seasonal(t, -1, m)] : 0);
        for (var t = 0; t < n; t++)
        {
            Step(p, y[t], t, ref level, ref trend, season);
            if (t + horizon < n)
                result[t + horizon] = level + (horizon * trend) + (m > 0 ? season[Seasonal(t + horizon, t, m)] : 0);
        }

        return result;
    }

    /// <summary>One-step errors <c>e_t</c> over <paramref name="y"/> (0 where y is NaN) and their sum of squares.</summary>
    public static (double[] Errors, double Sse) OneStepErrors(HoltWintersParameters p, IReadOnlyList<double> y)
    {
        var n = y.Count;
        var errors = new double[n];
        var season = new double[n + p.Season];
        for (var j = 0; j < p.Season; j++)
            season[j] = p.InitialSeason[j];
        double level = p.InitialLevel, trend = p.InitialTrend, sse = 0;
        for (var t = 0; t < n; t++)
        {
            errors[t] = Step(p, y[t], t, ref level, ref trend, season);
            sse += errors[t] * errors[t];
        }

        return (errors, sse);
    }

    /// <summary>Observes <paramref name="value"/> at row <paramref name="t"/>; <paramref name="season"/>[t] holds s_(t-m), and s_t goes to [t + m].</summary>
    private static double Step(HoltWintersParameters p, double value, int t, ref double level, ref double trend, double[] season)
    {
        var m = p.Season;
        var seasonal = m > 0 ? season[t] : 0;
        var error = double.IsNaN(value) ? 0 : value - (level + trend + seasonal);
        level += trend + (p.Alpha * error);
        trend += p.Alpha * p.Beta * error;
        if (m > 0)
            season[t + m] = seasonal + (p.Gamma * error);
        return error;
    }

    /// <summary>Index in the season buffer of the term for row <paramref name="target"/> seen from origin row <paramref name="origin"/>.</summary>
    private static int Seasonal(int target, int origin, int m)
    {
        // The latest seasonal term for target's phase that is known at the origin: s_(target - m(k+1)), k = ⌊(h-1)/m⌋.
        var h = target - origin;
        var k = (h - 1) / m;
        return target - (m * k);
    }
}
