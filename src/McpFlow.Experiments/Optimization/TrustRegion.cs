namespace McpFlow.Experiments.Optimization;

/// <summary>
/// A box around the incumbent (the best observed point) inside which candidates are drawn, as in TuRBO (Eriksson et
/// al., 2019): its side in dimension d is <see cref="BaseSide"/>·ℓ_d / (Πℓ)^(1/D) over the varied dimensions, clamped to
/// [<see cref="MinSide"/>, 1], so it is narrow along the parameters the surrogate finds relevant and wide along the
/// rest. Searching there keeps expected improvement off the corners and edges of the space, where the posterior
/// variance alone makes points look promising, while a box centred on an incumbent at the edge of what was tried
/// reaches beyond it when the space does (an inferred range extends past what was tried when the best run sits at
/// its end, <see cref="SearchSpaceInference"/>).
/// </summary>
public sealed class TrustRegion
{
    /// <summary>Side of the box in a dimension of average relevance: 0.8, TuRBO's initial length.</summary>
    public const double BaseSide = 0.8;

    /// <summary>Smallest side (5% of the unit range, so a very relevant parameter still moves).</summary>
    public const double MinSide = 0.05;

    private TrustRegion(double[] center, double[] lower, double[] upper)
    {
        Center = center;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The incumbent.</summary>
    public double[] Center { get; }

    /// <summary>Lower corner (in the unit cube).</summary>
    public double[] Lower { get; }

    /// <summary>Upper corner (in the unit cube).</summary>
    public double[] Upper { get; }

    /// <summary>The box around <paramref name="center"/> for <paramref name="lengthScales"/>; dimensions never varied
    /// (<paramref name="varied"/> false) get the base side.</summary>
    public static TrustRegion Around(double[] center, double[] lengthScales, bool[] varied)
    {
        var logs = lengthScales.Where((_, d) => varied[d]).Select(l => Math.Log(l)).ToList();
        var geometricMean = logs.Count == 0 ? 1 : Math.Exp(logs.Average());
        var lower = new double[center.Length];
        var upper = new double[center.Length];
        for (var d = 0; d < center.Length; d++)
        {
            var side = varied[d] ? Math.Clamp(BaseSide * lengthScales[d] / geometricMean, MinSide, 1) : BaseSide;
            lower[d] = Math.Max(0, center[d] - (side / 2));
            upper[d] = Math.Min(1, center[d] + (side / 2));
        }

        return new TrustRegion(center, lower, upper);
    }

    /// <summary>A uniformly random point of the box (not yet projected onto valid values).</summary>
    public double[] Sample(Random rng)
    {
        var x = new double[Center.Length];
        for (var d = 0; d < x.Length; d++)
            x[d] = Lower[d] + (rng.NextDouble() * (Upper[d] - Lower[d]));
        return x;
    }
}
