namespace McpFlow.Pipelines.Series;

/// <summary>
/// The Hampel identifier as a cleaner: a value more than <see cref="Sigmas"/> robust σ from the median of its
/// centered window (± <see cref="HalfWindow"/> neighbours) is replaced by that median. Used before change-point
/// detection so that an isolated spike is not mistaken for two changes in mean; a level shift is left intact
/// because, on either side of it, the majority of a point's neighbours share its level.
/// </summary>
public static class HampelFilter
{
    /// <summary>Neighbours on each side (window of 11: removes bursts of up to 5 points).</summary>
    public const int HalfWindow = 5;

    /// <summary>Robust σ beyond which a value is replaced (MATLAB's <c>hampel</c> default).</summary>
    public const double Sigmas = 3;

    /// <summary>A copy of <paramref name="values"/> with outliers replaced by their window median; NaN values are kept.</summary>
    public static double[] Clean(IReadOnlyList<double> values)
    {
        var n = values.Count;
        var result = values.ToArray();
        for (var t = 0; t < n; t++)
        {
            if (double.IsNaN(values[t]))
                continue;
            var window = Enumerable.Range(Math.Max(0, t - HalfWindow), Math.Min(n, t + HalfWindow + 1) - Math.Max(0, t - HalfWindow))
                .Select(i => values[i]).ToList();
            var median = Robust.Median(window);
            var sigma = Robust.Sigma(window, median);
            if (sigma > 0 && Math.Abs(values[t] - median) > Sigmas * sigma)
                result[t] = median;
        }

        return result;
    }
}
