using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation.Checks;

/// <summary>Second-order finite differences of a <see cref="SolutionFunction"/>: central where the stencil fits in the
/// domain, one-sided (-3u₀ + 4u₁ - u₂)/2h at the ends.</summary>
internal static class FiniteDifference
{
    /// <summary>Step as a fraction of the axis length: ≈ ε_float32^(1/3) ≈ 5e-3 balances the truncation error O(h²)
    /// against the rounding error O(ε/h) of a float32 network.</summary>
    public const double RelativeStep = 5e-3;

    /// <summary>∂u/∂(input <paramref name="column"/>) at each point.</summary>
    public static double[] Derivative(SolutionFunction u, IReadOnlyList<double[]> points, int column, Axis axis)
    {
        var h = RelativeStep * axis.Length;
        var stencil = new List<double[]>(points.Count * 3);
        var kinds = new int[points.Count]; // 0 central, 1 forward, -1 backward
        foreach (var (p, i) in points.Select((p, i) => (p, i)))
        {
            kinds[i] = p[column] - h < axis.Min ? 1 : p[column] + h > axis.Max ? -1 : 0;
            var offsets = kinds[i] switch { 0 => new[] { -h, h, 0 }, 1 => [0, h, 2 * h], _ => [0, -h, -2 * h] };
            foreach (var o in offsets)
            {
                var q = (double[])p.Clone();
                q[column] += o;
                stencil.Add(q);
            }
        }

        var v = u(stencil);
        var result = new double[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            double a = v[3 * i], b = v[3 * i + 1], c = v[3 * i + 2];
            result[i] = kinds[i] == 0 ? (b - a) / (2 * h) : kinds[i] * (-3 * a + 4 * b - c) / (2 * h);
        }

        return result;
    }
}
