using MathNet.Numerics.Distributions;

namespace McpFlow.Experiments.Optimization;

/// <summary>Expected improvement for maximisation, EI = σ·h(z) with z = (μ − best)/σ and h(z) = φ(z) + z·Φ(z),
/// and its logarithm computed stably for very negative z (asymptotic expansion h(z) ≈ φ(z)/z²·(1 − 3/z² + 15/z⁴ − 105/z⁶)),
/// as in "Unexpected improvements to expected improvement" (Ament et al., 2023).</summary>
public static class ExpectedImprovement
{
    /// <summary>Below this z the asymptotic expansion is used (the first omitted term, 945/z⁸, bounds its relative error by 0.06% there).</summary>
    public const double AsymptoticBelow = -6;

    private static readonly double LogSqrt2Pi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>EI in closed form.</summary>
    public static double Value(double mean, double std, double best)
    {
        if (std <= 0)
            return Math.Max(mean - best, 0);
        var z = (mean - best) / std;
        return std * ((z * Normal.CDF(0, 1, z)) + Normal.PDF(0, 1, z));
    }

    /// <summary>log EI, finite even where EI underflows.</summary>
    public static double Log(double mean, double std, double best)
    {
        if (std <= 0)
            return mean > best ? Math.Log(mean - best) : double.NegativeInfinity;
        var z = (mean - best) / std;
        return Math.Log(std) + LogH(z);
    }

    /// <summary>log h(z), h(z) = φ(z) + zΦ(z).</summary>
    public static double LogH(double z)
    {
        if (z >= AsymptoticBelow)
            return Math.Log((z * Normal.CDF(0, 1, z)) + Normal.PDF(0, 1, z));
        var z2 = z * z;
        var logPhi = (-0.5 * z2) - LogSqrt2Pi;
        return logPhi - Math.Log(z2) + Math.Log(1 - (3 / z2) + (15 / (z2 * z2)) - (105 / (z2 * z2 * z2)));
    }
}
