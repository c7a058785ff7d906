namespace McpFlow.Pipelines.Generation;

/// <summary>
/// Detects a trend in a series: the share of variance (R²) that a least-squares line explains in the means of
/// consecutive whole seasons (averaging over a season removes the seasonal swing; without a season the values
/// themselves are used). Tree models cannot forecast beyond the range of levels they were trained on, so a trending
/// series is forecast as changes from the latest known value (see <c>TargetTransforms.Difference</c>).
/// </summary>
public static class TrendDetector
{
    /// <summary>A line that explains at least half of the variance of the season means counts as a trend.</summary>
    public const double MinR2 = 0.5;

    /// <summary>Sum of squares per point, relative to the squared mean, below which the means count as equal (double rounding is ~1e-16 relative).</summary>
    private const double RoundingSpread = 1e-20;

    /// <summary>Fewest season means (or values) for a trend line worth fitting.</summary>
    public const int MinPoints = 4;

    /// <summary>R² of the linear trend of the season means, or null when the series has fewer than <see cref="MinPoints"/> of them.</summary>
    public static double? TrendR2(IReadOnlyList<double> series, int? season)
    {
        var means = SeasonMeans(series, season);
        if (means.Count < MinPoints)
            return null;
        var n = means.Count;
        var tMean = (n - 1) / 2.0;
        var yMean = means.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var t = 0; t < n; t++)
        {
            sxy += (t - tMean) * (means[t] - yMean);
            sxx += (t - tMean) * (t - tMean);
            syy += (means[t] - yMean) * (means[t] - yMean);
        }

        // Means equal up to rounding (a pure season) have no trend; their residual spread is floating-point noise.
        return syy <= RoundingSpread * n * Math.Max(1, yMean * yMean) ? 0 : sxy * sxy / (sxx * syy);
    }

    /// <summary>
    /// A trend that changes: R² of the best continuous line with one break (a + b t + c max(0, t - k)) through the season
    /// means, over every break k with at least <see cref="MinPoints"/> means on each side, and where the break lies as a
    /// share of the series (0 = start, 1 = end); null with fewer than 2 × <see cref="MinPoints"/> means. A rise then a
    /// fall (the case a single line calls "no trend") fits it; so does a trend that starts or stops.
    /// </summary>
    public static (double R2, double At)? BrokenTrend(IReadOnlyList<double> series, int? season)
    {
        var means = SeasonMeans(series, season);
        var n = means.Count;
        if (n < 2 * MinPoints)
            return null;
        var yMean = means.Average();
        var total = means.Sum(v => (v - yMean) * (v - yMean));
        if (total <= RoundingSpread * n * Math.Max(1, yMean * yMean))
            return (0, 0);
        (double R2, double At)? best = null;
        for (var k = MinPoints - 1; k <= n - MinPoints; k++)
        {
            var design = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, 3, (t, j) => j == 0 ? 1 : j == 1 ? t : Math.Max(0, t - k));
            var y = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfEnumerable(means);
            var fit = design.QR().Solve(y);
            var residual = (y - (design * fit)).Sum(r => r * r);
            var r2 = 1 - (residual / total);
            if (best is null || r2 > best.Value.R2)
                best = (r2, k / (double)(n - 1));
        }

        return best;
    }

    // Whole seasons counted back from the end, where the forecasts start.
    private static List<double> SeasonMeans(IReadOnlyList<double> series, int? season)
    {
        var m = Math.Max(1, season ?? 1);
        var means = new List<double>();
        for (var end = series.Count; end - m >= 0; end -= m)
            means.Add(Enumerable.Range(end - m, m).Average(i => series[i]));
        means.Reverse();
        return means;
    }
}
