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
        var window = new double[(2 * HalfWindow) + 1];
        var deviations = new double[window.Length];
        for (var t = 0; t < n; t++)
        {
            if (double.IsNaN(values[t]))
                continue;
            var count = 0;
            for (var i = Math.Max(0, t - HalfWindow); i <= Math.Min(n - 1, t + HalfWindow); i++)
            {
                if (double.IsFinite(values[i]))
                    window[count++] = values[i];
            }

            var (median, sigma) = Robust.MedianAndSigma(window, deviations, count);
            if (sigma > 0 && Math.Abs(values[t] - median) > Sigmas * sigma)
                result[t] = median;
        }

        return result;
    }
}
