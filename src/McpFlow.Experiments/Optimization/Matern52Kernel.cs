namespace McpFlow.Experiments.Optimization;

/// <summary>The Matérn 5/2 kernel with one length scale per dimension (ARD):
/// k(x, x') = σ²·(1 + √5·r + 5r²/3)·exp(−√5·r), r² = Σ_d (x_d − x'_d)²/ℓ_d².</summary>
public static class Matern52Kernel
{
    private static readonly double Sqrt5 = Math.Sqrt(5);

    /// <summary>k(a, b).</summary>
    public static double Value(double[] a, double[] b, double[] lengthScales, double signalVariance)
    {
        var r = Math.Sqrt(ScaledSquaredDistance(a, b, lengthScales));
        return signalVariance * (1 + (Sqrt5 * r) + (5.0 / 3 * r * r)) * Math.Exp(-Sqrt5 * r);
    }

    /// <summary>Σ_d (a_d − b_d)²/ℓ_d².</summary>
    public static double ScaledSquaredDistance(double[] a, double[] b, double[] lengthScales)
    {
        var s = 0.0;
        for (var d = 0; d < a.Length; d++)
        {
            var t = (a[d] - b[d]) / lengthScales[d];
            s += t * t;
        }

        return s;
    }

    /// <summary>∂k/∂(log ℓ_d) divided by (Δ_d/ℓ_d)²: σ²·(5/3)·(1 + √5·r)·exp(−√5·r).</summary>
    public static double LengthScaleFactor(double r, double signalVariance) =>
        signalVariance * (5.0 / 3) * (1 + (Sqrt5 * r)) * Math.Exp(-Sqrt5 * r);
}
