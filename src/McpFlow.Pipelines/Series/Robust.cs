using MathNet.Numerics.Statistics;

namespace McpFlow.Pipelines.Series;

/// <summary>Robust location and scale: median and the MAD, with the constants that make the MAD estimate σ.</summary>
public static class Robust
{
    /// <summary>MAD × 1.4826 estimates σ of a normal sample (1 / Φ⁻¹(3/4)).</summary>
    public const double MadToSigma = 1.4826;

    /// <summary>Mean absolute deviation × √(π/2) estimates σ of a normal sample; the fallback when the MAD is 0
    /// (Iglewicz and Hoaglin 1993 use the mean absolute deviation then).</summary>
    public const double MeanAbsoluteDeviationToSigma = 1.2533;

    /// <summary>Median of the finite values (NaN when there are none).</summary>
    public static double Median(IEnumerable<double> values) => values.Where(double.IsFinite).Median(); // NaN when empty

    /// <summary>Robust σ around <paramref name="center"/>: 1.4826 MAD, or 1.2533 × mean absolute deviation when the MAD is 0.</summary>
    public static double Sigma(IReadOnlyList<double> values, double center)
    {
        var deviations = values.Where(double.IsFinite).Select(v => Math.Abs(v - center)).ToList();
        if (deviations.Count == 0)
            return double.NaN;
        var mad = Median(deviations);
        return mad > 0 ? MadToSigma * mad : MeanAbsoluteDeviationToSigma * deviations.Average();
    }

    /// <summary>Median and robust σ (as <see cref="Sigma"/>) of <paramref name="window"/>[0..count), sorting it in
    /// place and using <paramref name="deviations"/> as scratch space: no allocation in per-value loops.</summary>
    public static (double Median, double Sigma) MedianAndSigma(double[] window, double[] deviations, int count)
    {
        Array.Sort(window, 0, count);
        var median = MedianOfSorted(window, count);
        double sum = 0;
        for (var i = 0; i < count; i++)
        {
            deviations[i] = Math.Abs(window[i] - median);
            sum += deviations[i];
        }

        Array.Sort(deviations, 0, count);
        var mad = MedianOfSorted(deviations, count);
        return (median, mad > 0 ? MadToSigma * mad : MeanAbsoluteDeviationToSigma * sum / count);
    }

    private static double MedianOfSorted(double[] sorted, int count) =>
        count % 2 == 1 ? sorted[count / 2] : (sorted[(count / 2) - 1] + sorted[count / 2]) / 2;
}
