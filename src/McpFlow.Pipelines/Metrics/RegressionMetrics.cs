namespace McpFlow.Pipelines.Metrics;

/// <summary>
/// Regression metrics. MAPE (in percent) skips rows whose actual value is 0 (NaN when all are); RMSLE is NaN
/// when any actual or predicted value is at or below -1.
/// </summary>
public static class RegressionMetrics
{
    /// <summary>Computes mae, mse, rmse, r2, rmsle and mape.</summary>
    public static IReadOnlyDictionary<string, double> Compute(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        var n = actual.Count;
        double abs = 0, sq = 0, logSq = 0, apeSum = 0;
        var apeCount = 0;
        var logValid = true;
        for (var i = 0; i < n; i++)
        {
            var e = actual[i] - predicted[i];
            abs += Math.Abs(e);
            sq += e * e;
            if (actual[i] <= -1 || predicted[i] <= -1)
                logValid = false;
            else
                logSq += Math.Pow(Math.Log(1 + predicted[i]) - Math.Log(1 + actual[i]), 2);
            if (actual[i] != 0)
            {
                apeSum += Math.Abs(e / actual[i]);
                apeCount++;
            }
        }

        var mean = actual.Average();
        var total = actual.Sum(a => (a - mean) * (a - mean));
        return new Dictionary<string, double>
        {
            ["mae"] = abs / n,
            ["mse"] = sq / n,
            ["rmse"] = Math.Sqrt(sq / n),
            ["r2"] = total == 0 ? double.NaN : 1 - (sq / total),
            ["rmsle"] = logValid ? Math.Sqrt(logSq / n) : double.NaN,
            ["mape"] = apeCount == 0 ? double.NaN : 100 * apeSum / apeCount,
        };
    }
}
