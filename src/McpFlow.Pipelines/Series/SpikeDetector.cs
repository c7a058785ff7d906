using MathNet.Numerics;

namespace McpFlow.Pipelines.Series;

/// <summary>
/// Robust rolling z-scores: each value is compared with the median and robust σ (1.4826 MAD) of the
/// <see cref="Window"/> values before it, z = (x_t - median) / σ, and flagged when |z| ≥ the threshold. Windows never
/// reach back across a segment start (a change point), so a level shift is not reported as a run of spikes; values
/// with fewer than <see cref="MinHistory"/> earlier values in their segment are not scored.
/// </summary>
public static class SpikeDetector
{
    /// <summary>Trailing window in rows.</summary>
    public const int Window = 100;

    /// <summary>Earliest scored position within a segment: a MAD from fewer values is too unstable.</summary>
    public const int MinHistory = 30;

    /// <summary>Default |z| threshold. Simulated on Gaussian noise (tools/bench/pipelines/series_false_positives.py, output
    /// in out/series_false_positives.txt), a 100-value trailing window flags about 0.1 values per 1000 at 4.5, and a
    /// 30-value one (the shortest scored) about 1 per 1000; 3.5, Iglewicz and Hoaglin's cut-off for single modified
    /// z-scores, flags 1.3 per 1000 with 100 values because the window's median and MAD are themselves noisy.</summary>
    public const double DefaultThreshold = 4.5;

    /// <summary>Scores (NaN where not scored) and the flagged spikes, in order.</summary>
    /// <param name="values">The series, deseasonalized when it has a season (NaN values are skipped).</param>
    /// <param name="offsets">Seasonal offset added back to each expectation (null: none).</param>
    /// <param name="segmentStarts">Positions where a new segment starts (change points).</param>
    /// <param name="threshold">|z| at or above which a value is a spike.</param>
    public static (double[] Scores, IReadOnlyList<Spike> Spikes) Scan(IReadOnlyList<double> values, IReadOnlyList<double>? offsets,
        IReadOnlyList<int> segmentStarts, double threshold = DefaultThreshold)
    {
        var n = values.Count;
        var scores = Enumerable.Repeat(double.NaN, n).ToArray();
        var spikes = new List<Spike>();
        var starts = segmentStarts.Where(s => s > 0 && s < n).Distinct().Order().ToList();
        var window = new double[Window];
        var deviations = new double[Window];
        var segmentStart = 0;
        var next = 0;
        for (var t = 0; t < n; t++)
        {
            while (next < starts.Count && starts[next] <= t)
                segmentStart = starts[next++];
            if (!double.IsFinite(values[t]))
                continue;
            var count = 0;
            for (var i = Math.Max(segmentStart, t - Window); i < t; i++)
            {
                if (double.IsFinite(values[i]))
                    window[count++] = values[i];
            }

            if (count < MinHistory)
                continue;
            var (median, sigma) = Robust.MedianAndSigma(window, deviations, count);
            var deviation = values[t] - median;
            var z = sigma > 0 ? deviation / sigma : deviation == 0 ? 0 : Math.Sign(deviation) * double.MaxValue;
            scores[t] = z;
            if (Math.Abs(z) >= threshold)
            {
                var offset = offsets?[t] ?? 0;
                spikes.Add(new Spike(t, values[t] + offset, median + offset, z, SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2))));
            }
        }

        return (scores, spikes);
    }
}
