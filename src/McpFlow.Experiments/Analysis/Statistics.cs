namespace McpFlow.Experiments.Analysis;

/// <summary>Small statistics used by the analyses (rank correlation, correlation ratio, linear trend).</summary>
public static class Statistics
{
    /// <summary>Average ranks (1-based; ties share their mean rank).</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]])
                j++;
            var rank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
                ranks[order[k]] = rank;
            i = j + 1;
        }

        return ranks;
    }

    /// <summary>Pearson correlation (NaN when either side is constant).</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Spearman's rank correlation: Pearson on average ranks.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y) => Pearson(Ranks(x), Ranks(y));

    /// <summary>Correlation ratio η (0-1) of a categorical grouping on the ranks of <paramref name="y"/>.</summary>
    public static double CorrelationRatio(IReadOnlyList<string> groups, IReadOnlyList<double> y)
    {
        var ranks = Ranks(y);
        var mean = ranks.Average();
        var total = ranks.Sum(r => (r - mean) * (r - mean));
        if (total == 0)
            return double.NaN;
        var between = groups.Select((g, i) => (g, r: ranks[i])).GroupBy(t => t.g)
            .Sum(g => g.Count() * Math.Pow(g.Average(t => t.r) - mean, 2));
        return Math.Sqrt(between / total);
    }

    /// <summary>Least-squares slope of <paramref name="y"/> against 0, 1, 2, …</summary>
    public static double Slope(IReadOnlyList<double> y)
    {
        if (y.Count < 2)
            return 0;
        var x = Enumerable.Range(0, y.Count).Select(i => (double)i).ToArray();
        var mx = x.Average();
        var my = y.Average();
        var sxx = x.Sum(v => (v - mx) * (v - mx));
        return x.Select((v, i) => (v - mx) * (y[i] - my)).Sum() / sxx;
    }
}
