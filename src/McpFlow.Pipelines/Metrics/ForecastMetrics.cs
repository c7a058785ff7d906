namespace McpFlow.Pipelines.Metrics;

/// <summary>
/// Forecast accuracy. MASE and RMSSE (Hyndman and Koehler 2006; M5 competition) divide by the in-sample error
/// of the seasonal-naive forecast with season <c>m</c> on the training series: MAE scale
/// <c>mean|y_t - y_(t-m)|</c>, RMSSE scale <c>mean (y_t - y_(t-m))²</c>. sMAPE is
/// <c>100 · mean(2|e| / (|y| + |ŷ|))</c>; MAPE skips zero actuals.
/// </summary>
public static class ForecastMetrics
{
    /// <summary>Computes mase, rmsse, mae, rmse, mape and smape.</summary>
    public static IReadOnlyDictionary<string, double> Compute(IReadOnlyList<double> actual, IReadOnlyList<double> predicted, IReadOnlyList<double> training, int season)
    {
        var regression = RegressionMetrics.Compute(actual, predicted);
        var (maeScale, mseScale) = Scales(training, season);
        double smape = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            var denominator = Math.Abs(actual[i]) + Math.Abs(predicted[i]);
            smape += denominator == 0 ? 0 : 2 * Math.Abs(actual[i] - predicted[i]) / denominator;
        }

        return new Dictionary<string, double>
        {
            ["mase"] = maeScale == 0 ? double.NaN : regression["mae"] / maeScale,
            ["rmsse"] = mseScale == 0 ? double.NaN : Math.Sqrt(regression["mse"] / mseScale),
            ["mae"] = regression["mae"],
            ["rmse"] = regression["rmse"],
            ["mape"] = regression["mape"],
            ["smape"] = 100 * smape / actual.Count,
        };
    }

    /// <summary>In-sample seasonal-naive mean absolute and mean squared errors.</summary>
    public static (double Mae, double Mse) Scales(IReadOnlyList<double> training, int season)
    {
        var m = Math.Max(1, season);
        if (training.Count <= m)
            return (double.NaN, double.NaN);
        double abs = 0, sq = 0;
        for (var t = m; t < training.Count; t++)
        {
            var d = training[t] - training[t - m];
            abs += Math.Abs(d);
            sq += d * d;
        }

        var count = training.Count - m;
        return (abs / count, sq / count);
    }
}
