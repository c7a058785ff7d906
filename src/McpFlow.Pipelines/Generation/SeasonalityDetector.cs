namespace McpFlow.Pipelines.Generation;

/// <summary>
/// Detects the dominant season of a series from its autocorrelation function (ACF) after removing a linear trend:
/// among local ACF peaks above <see cref="MinPeakAcf"/>, the shortest lag whose ACF is within
/// <see cref="PeakTolerance"/> of the highest peak (so multiples of the season are not chosen).
/// </summary>
public static class SeasonalityDetector
{
    /// <summary>Minimum autocorrelation of a season peak (a moderate correlation; rules of thumb use 0.3).</summary>
    public const double MinPeakAcf = 0.3;

    /// <summary>A peak counts as the highest when its ACF is at least this share of the highest peak's.</summary>
    public const double PeakTolerance = 0.9;

    /// <summary>The season length and its ACF, or null when no peak qualifies.</summary>
    public static (int Period, double Acf)? Detect(IReadOnlyList<double> series, int maxLag)
    {
        var acf = Acf(Detrend(series), Math.Min(maxLag, (series.Count / 2) - 1));
        var peaks = new List<(int Lag, double Value)>();
        for (var lag = 2; lag < acf.Length - 1; lag++)
        {
            if (acf[lag] > acf[lag - 1] && acf[lag] >= acf[lag + 1] && acf[lag] >= MinPeakAcf)
                peaks.Add((lag, acf[lag]));
        }

        if (peaks.Count == 0)
            return null;
        var best = peaks.Max(p => p.Value);
        var chosen = peaks.First(p => p.Value >= PeakTolerance * best);
        return (chosen.Lag, chosen.Value);
    }

    /// <summary>Sample autocorrelations r_0..r_maxLag (r_k = Σ(x_t - x̄)(x_(t+k) - x̄) / Σ(x_t - x̄)²).</summary>
    public static double[] Acf(IReadOnlyList<double> x, int maxLag)
    {
        var n = x.Count;
        var mean = x.Average();
        var denominator = x.Sum(v => (v - mean) * (v - mean));
        var result = new double[Math.Max(0, maxLag) + 1];
        for (var k = 0; k <= maxLag && denominator > 0; k++)
        {
            double sum = 0;
            for (var t = 0; t + k < n; t++)
                sum += (x[t] - mean) * (x[t + k] - mean);
            result[k] = sum / denominator;
        }

        return result;
    }

    private static double[] Detrend(IReadOnlyList<double> y)
    {
        var n = y.Count;
        var tMean = (n - 1) / 2.0;
        var yMean = y.Average();
        double sxy = 0, sxx = 0;
        for (var t = 0; t < n; t++)
        {
            sxy += (t - tMean) * (y[t] - yMean);
            sxx += (t - tMean) * (t - tMean);
        }

        var slope = sxx == 0 ? 0 : sxy / sxx;
        return Enumerable.Range(0, n).Select(t => y[t] - yMean - (slope * (t - tMean))).ToArray();
    }
}
