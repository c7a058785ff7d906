using McpFlow.Physics.Specs;

namespace McpFlow.Physics.Validation.Checks;

/// <summary>A tensor grid over the space axes with composite Simpson weights, so Σ w·g ≈ ∫g dx (error O(h⁴)).</summary>
internal sealed class SpaceGrid
{
    private SpaceGrid(List<double[]> points, double[] weights)
    {
        Points = points;
        Weights = weights;
    }

    /// <summary>Space coordinates of the nodes.</summary>
    public IReadOnlyList<double[]> Points { get; }

    /// <summary>Quadrature weights.</summary>
    public double[] Weights { get; }

    /// <summary>
    /// The grid for the given axes. Nodes per axis (odd, as Simpson needs): 257 in 1D, 65 in 2D, 17 in 3D, so a time
    /// slice costs at most ~5000 network evaluations; Simpson's h⁴ error is then ≲1e-6 of the integral for the smooth
    /// fields a trained network represents (and ≲1e-3 in 3D), below <see cref="CheckTolerances.Relative"/>.
    /// </summary>
    public static SpaceGrid For(IReadOnlyList<Axis> space)
    {
        var n = space.Count switch { 1 => 257, 2 => 65, _ => 17 };
        var points = new List<double[]> { Array.Empty<double>() };
        var weights = new List<double> { 1.0 };
        foreach (var axis in space)
        {
            var h = axis.Length / (n - 1);
            var nextPoints = new List<double[]>(points.Count * n);
            var nextWeights = new List<double>(points.Count * n);
            for (var k = 0; k < points.Count; k++)
            {
                for (var i = 0; i < n; i++)
                {
                    nextPoints.Add([.. points[k], axis.Min + i * h]);
                    var simpson = i == 0 || i == n - 1 ? 1 : i % 2 == 1 ? 4 : 2;
                    nextWeights.Add(weights[k] * simpson * h / 3);
                }
            }

            points = nextPoints;
            weights = nextWeights;
        }

        return new SpaceGrid(points, [.. weights]);
    }

    /// <summary>Σ w·values.</summary>
    public double Integrate(ReadOnlySpan<double> values)
    {
        double sum = 0;
        for (var i = 0; i < Weights.Length; i++)
            sum += Weights[i] * values[i];
        return sum;
    }

    /// <summary>The grid's points at time <paramref name="t"/> (appended as the last input).</summary>
    public List<double[]> At(double t) => Points.Select(p => (double[])[.. p, t]).ToList();
}
