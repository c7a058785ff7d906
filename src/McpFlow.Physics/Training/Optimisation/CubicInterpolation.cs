namespace McpFlow.Physics.Training.Optimisation;

/// <summary>The minimiser of the cubic through two points with their values and slopes (Nocedal and Wright, Numerical
/// Optimization, 2nd ed., eq. 3.59), clamped to bounds; the midpoint of the bounds when the cubic has no minimiser or an
/// input is not finite.</summary>
internal static class CubicInterpolation
{
    /// <summary>Trial step between (or beyond, within the bounds) x1 and x2.</summary>
    public static double Minimiser(double x1, double f1, double g1, double x2, double f2, double g2, double low, double high)
    {
        var d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        var d2Square = d1 * d1 - g1 * g2;
        if (!(d2Square >= 0) || !double.IsFinite(d2Square))
            return (low + high) / 2;
        var d2 = Math.Sqrt(d2Square);
        var at = x1 <= x2
            ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
            : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
        return double.IsFinite(at) ? Math.Min(Math.Max(at, low), high) : (low + high) / 2;
    }
}
