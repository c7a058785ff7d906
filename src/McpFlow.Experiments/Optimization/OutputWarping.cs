using MathNet.Numerics.Distributions;

namespace McpFlow.Experiments.Optimization;

/// <summary>
/// A monotone warping of the (maximised) metric for heavy-tailed histories: t = −log(z_max − z + δ), with
/// δ = 5% of the gap between the best and the median value. It spreads the region near the best and compresses
/// the long tail of bad values (Rosenbrock-like ranges), so a stationary GP fits better. Applied only when the
/// sample skewness is below −1 (a long tail of bad values). Predictions are mapped back in closed form: with
/// t ~ N(μ, σ²), z = z_max + δ − e^(−t) is shifted log-normal, E[z] = z_max + δ − e^(−μ+σ²/2), and the expected
/// improvement over z_max is E[(δ − e^(−t))⁺] = δ·Φ((μ − a)/σ) − e^(−μ+σ²/2)·Φ((μ − a)/σ − σ), a = −log δ.
/// </summary>
public sealed class OutputWarping
{
    /// <summary>Warping is used below this sample skewness.</summary>
    public const double SkewnessThreshold = -1;

    /// <summary>δ as a share of (best − median).</summary>
    public const double DeltaShare = 0.05;

    private OutputWarping(double max, double delta)
    {
        Max = max;
        Delta = delta;
    }

    /// <summary>Best (largest) value.</summary>
    public double Max { get; }

    /// <summary>δ.</summary>
    public double Delta { get; }

    /// <summary>A warping for <paramref name="z"/>, or null when the values are not skewed enough.</summary>
    public static OutputWarping? For(IReadOnlyList<double> z)
    {
        if (z.Count < 3)
            return null;
        var mean = z.Average();
        var sd = Math.Sqrt(z.Sum(v => (v - mean) * (v - mean)) / z.Count);
        if (sd <= 0)
            return null;
        var skew = z.Sum(v => Math.Pow((v - mean) / sd, 3)) / z.Count;
        var max = z.Max();
        var median = z.Order().ElementAt(z.Count / 2);
        var delta = DeltaShare * (max - median);
        return skew < SkewnessThreshold && delta > 0 ? new OutputWarping(max, delta) : null;
    }

    /// <summary>t(z).</summary>
    public double Forward(double z) => -Math.Log(Max - z + Delta);

    /// <summary>Mean and standard deviation of z when t ~ N(μ, σ²).</summary>
    public (double Mean, double Std) Moments(double mu, double sigma)
    {
        var scale = Math.Exp(-mu + (sigma * sigma / 2));
        return (Max + Delta - scale, scale * Math.Sqrt(Math.Max(Math.Exp(sigma * sigma) - 1, 0)));
    }

    /// <summary>Expected improvement of z over <see cref="Max"/> when t ~ N(μ, σ²).</summary>
    public double ExpectedImprovement(double mu, double sigma)
    {
        var a = -Math.Log(Delta);
        if (sigma <= 0)
            return Math.Max(Delta - Math.Exp(-mu), 0);
        var u = (mu - a) / sigma;
        return Math.Max((Delta * Normal.CDF(0, 1, u)) - (Math.Exp(-mu + (sigma * sigma / 2)) * Normal.CDF(0, 1, u - sigma)), 0);
    }
}
