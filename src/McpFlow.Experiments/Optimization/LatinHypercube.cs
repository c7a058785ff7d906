namespace McpFlow.Experiments.Optimization;

/// <summary>Latin hypercube samples in the unit cube: each dimension split into n strata, one point per stratum,
/// strata permuted independently per dimension (McKay, Beckman and Conover, 1979).</summary>
public static class LatinHypercube
{
    /// <summary>n points of dimension d.</summary>
    public static double[][] Sample(int n, int d, Random rng)
    {
        var points = Enumerable.Range(0, n).Select(_ => new double[d]).ToArray();
        for (var j = 0; j < d; j++)
        {
            var strata = Enumerable.Range(0, n).ToArray();
            rng.Shuffle(strata);
            for (var i = 0; i < n; i++)
                points[i][j] = (strata[i] + rng.NextDouble()) / n;
        }

        return points;
    }
}
