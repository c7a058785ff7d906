namespace McpFlow.Pipelines.Metrics;

/// <summary>Mean silhouette coefficient (Rousseeuw 1987) with Euclidean distance; singleton clusters score 0.</summary>
public static class Silhouette
{
    /// <summary>Mean of <c>(b - a) / max(a, b)</c> over the rows.</summary>
    public static double Mean(IReadOnlyList<float[]> points, IReadOnlyList<int> cluster)
    {
        var clusters = cluster.Distinct().Count();
        if (clusters < 2)
            return double.NaN;
        double total = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var sums = new Dictionary<int, (double Sum, int Count)>();
            for (var j = 0; j < points.Count; j++)
            {
                if (i == j)
                    continue;
                var d = Distance(points[i], points[j]);
                sums[cluster[j]] = sums.TryGetValue(cluster[j], out var s) ? (s.Sum + d, s.Count + 1) : (d, 1);
            }

            if (!sums.TryGetValue(cluster[i], out var own))
                continue; // singleton: s(i) = 0
            var a = own.Sum / own.Count;
            var b = sums.Where(kv => kv.Key != cluster[i]).Min(kv => kv.Value.Sum / kv.Value.Count);
            var max = Math.Max(a, b);
            total += max == 0 ? 0 : (b - a) / max;
        }

        return total / points.Count;
    }

    private static double Distance(float[] x, float[] y)
    {
        double sum = 0;
        for (var k = 0; k < x.Length; k++)
        {
            var d = x[k] - y[k];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }
}
