namespace McpFlow.Pipelines.Series;

/// <summary>
/// Removes a fixed seasonal pattern: s_p = median of the values at phase p (t mod period) minus the median of those
/// phase medians, and y_t = x_t - s_(t mod period). Medians keep a spike from shifting its phase; a level shift moves
/// every phase alike, so it stays in y for the change-point detector.
/// </summary>
public static class SeasonalProfile
{
    /// <summary>The deseasonalized series and the profile (one offset per phase).</summary>
    public static (double[] Adjusted, double[] Profile) Remove(IReadOnlyList<double> values, int period)
    {
        var phases = Enumerable.Range(0, period)
            .Select(p => Robust.Median(Enumerable.Range(0, values.Count).Where(t => t % period == p).Select(t => values[t])))
            .ToArray();
        var center = Robust.Median(phases);
        var profile = phases.Select(m => double.IsNaN(m) ? 0 : m - center).ToArray();
        return (values.Select((v, t) => v - profile[t % period]).ToArray(), profile);
    }
}
