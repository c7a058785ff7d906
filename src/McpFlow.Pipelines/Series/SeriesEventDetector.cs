using McpFlow.Core.Errors;
using McpFlow.Pipelines.Generation;

namespace McpFlow.Pipelines.Series;

/// <summary>
/// Spike and change-point detection for one time-ordered series, written here because ML.NET's detectors
/// (Microsoft.ML.TimeSeries) are not served by the package registry. Steps: find the season by autocorrelation of
/// the first differences of the outlier-cleaned series (<see cref="SeasonalityDetector"/>; differencing keeps the
/// period but turns a level shift, whose slowly decaying autocorrelation has spurious local peaks, into one outlier,
/// and cleaning first keeps regularly recurring spikes from passing for a season) and remove its profile; clean
/// isolated outliers (<see cref="HampelFilter"/>) and find changes in mean by PELT (<see cref="ChangePointDetector"/>); then score every value with a trailing
/// robust z-score that restarts at each change point (<see cref="SpikeDetector"/>).
/// </summary>
public static class SeriesEventDetector
{
    /// <summary>Fewest values the detectors need: a spike needs <see cref="SpikeDetector.MinHistory"/> values before it.</summary>
    public const int MinValues = SpikeDetector.MinHistory + 1;

    /// <summary>Most values scored: 50 000 Gaussian values took 1.3 s (5.2 s on the first, cold call) on the shared
    /// 2-core machine under a load average of 12; the spike scan sorts a 100-value window per value.</summary>
    public const int MaxValues = 50_000;

    /// <summary>Longest season searched (matches pipeline generation's limit).</summary>
    public const int MaxSeason = GenerationLimits.MaxSeason;

    /// <summary>Detects spikes and changes in mean; <paramref name="season"/> overrides the detected season (0: none).</summary>
    public static SeriesEvents Detect(IReadOnlyList<double> values, int? season = null, double threshold = SpikeDetector.DefaultThreshold)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count < MinValues)
            throw McpFlowException.Invalid($"Series detection needs at least {MinValues} numeric values; got {finite.Count}.",
                "Use a longer series, or check that the value column is numeric.");
        if (values.Count > MaxValues)
            throw McpFlowException.Invalid($"Series detection handles at most {MaxValues} values; got {values.Count}.",
                "Detect on a time range or an aggregate (e.g. hourly means) first.");
        if (threshold <= 0)
            throw McpFlowException.Invalid($"The spike threshold must be positive; got {threshold}.", $"The default is {SpikeDetector.DefaultThreshold}.");
        var period = season ?? SeasonalityDetector.Detect(Differences(HampelFilter.Clean(Interpolated(values))), MaxSeason)?.Period;
        if (period is < 2)
            period = null;
        double[] adjusted, offsets;
        if (period is { } m)
        {
            var (deseasonalized, profile) = SeasonalProfile.Remove(values, m);
            adjusted = deseasonalized;
            offsets = Enumerable.Range(0, values.Count).Select(t => profile[t % m]).ToArray();
        }
        else
        {
            adjusted = values.ToArray();
            offsets = new double[values.Count];
        }

        // Change points on the finite values (positions mapped back), after isolated outliers are cleaned.
        var positions = Enumerable.Range(0, values.Count).Where(t => double.IsFinite(adjusted[t])).ToArray();
        var finiteValues = positions.Select(t => adjusted[t]).ToList();
        var cleaned = HampelFilter.Clean(finiteValues);
        // σ from the uncleaned differences: their MAD already ignores isolated spikes, and cleaning would shrink it.
        var (changes, sigma) = ChangePointDetector.Detect(cleaned, ChangePointDetector.NoiseSigma(finiteValues));
        var mapped = changes.Select(c => c with { Index = positions[c.Index] }).ToList();
        var (scores, spikes) = SpikeDetector.Scan(adjusted, offsets, mapped.Select(c => c.Index).ToList(), threshold);
        return new SeriesEvents(values.Count, period, sigma, threshold, ChangePointDetector.Penalty(cleaned.Length), spikes, mapped, scores);
    }

    private static double[] Differences(double[] values) => Enumerable.Range(1, values.Length - 1).Select(t => values[t] - values[t - 1]).ToArray();

    private static double[] Interpolated(IReadOnlyList<double> values)
    {
        // The autocorrelation needs a gap-free series: missing values take the previous value (the first finite one at the start).
        var result = values.ToArray();
        var previous = values.First(double.IsFinite);
        for (var t = 0; t < result.Length; t++)
        {
            if (double.IsFinite(result[t]))
                previous = result[t];
            else
                result[t] = previous;
        }

        return result;
    }
}
