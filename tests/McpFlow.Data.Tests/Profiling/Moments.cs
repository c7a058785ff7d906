namespace McpFlow.Data.Tests.Profiling;

/// <summary>Reference statistics computed from their textbook definitions (independently of DuckDB), used as
/// expected values: G1 = g1·√(n(n−1))/(n−2) and G2 = ((n+1)·g2 + 6)·(n−1)/((n−2)(n−3)) with g1 = m3/m2^1.5,
/// g2 = m4/m2² − 3 (Joanes and Gill 1998; the estimators of pandas skew() and kurt()).</summary>
internal static class Moments
{
    public static double Skewness(IReadOnlyList<double> x)
    {
        double n = x.Count, mean = x.Average();
        var m2 = x.Sum(v => Math.Pow(v - mean, 2)) / n;
        var m3 = x.Sum(v => Math.Pow(v - mean, 3)) / n;
        return m3 / Math.Pow(m2, 1.5) * Math.Sqrt(n * (n - 1)) / (n - 2);
    }

    public static double ExcessKurtosis(IReadOnlyList<double> x)
    {
        double n = x.Count, mean = x.Average();
        var m2 = x.Sum(v => Math.Pow(v - mean, 2)) / n;
        var m4 = x.Sum(v => Math.Pow(v - mean, 4)) / n;
        var g2 = (m4 / (m2 * m2)) - 3;
        return ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3));
    }
}
