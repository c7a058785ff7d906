namespace McpFlow.Experiments.Optimization;

/// <summary>
/// Local penalisation for batches (González, Dai, Hennig and Lawrence, 2016), in the "hard" form of Alvi et al. (2019)
/// that also holds when a chosen point's predicted mean exceeds the best value: a point already chosen at x_j with
/// posterior N(μ_j, σ_j²) rules out a ball of radius r_j = (|M − μ_j| + σ_j) / L around it, where M is the best value
/// and L a Lipschitz constant of the mean, and the next point maximises log EI(x) + Σ_j log φ_j(x) with
/// φ_j(x) = 1 / (1 + (‖x − x_j‖ / r_j)^−p), p = <see cref="Power"/>: about 0 inside the ball, about 1 beyond it. With
/// the original soft penaliser Φ((L‖x − x_j‖ − M + μ_j) / σ_j) a point predicted above M penalised nothing, and a batch
/// of five came out as five near-copies.
/// </summary>
public sealed class LocalPenalization(double lipschitz, double best)
{
    /// <summary>Sharpness p of the penaliser (Alvi et al. use a steep power; 5 takes φ from 0.03 at r/2 to 0.97 at 2r).</summary>
    public const double Power = 5;

    /// <summary>Smallest σ_j used (keeps the radius positive at an observed point).</summary>
    public const double MinStd = 1e-3;

    /// <summary>log φ at the chosen point itself (φ = 0 there; a large finite penalty keeps the sums finite).</summary>
    private const double AtPoint = -700;

    private readonly List<(double[] X, double Radius)> _chosen = [];

    /// <summary>Adds a chosen point with its posterior mean and standard deviation.</summary>
    public void Add(double[] x, double mean, double std) =>
        _chosen.Add((x, (Math.Abs(best - mean) + Math.Max(std, MinStd)) / lipschitz));

    /// <summary>Σ_j log φ_j(x) (0 for the first point of a batch).</summary>
    public double LogPenalty(double[] x)
    {
        var total = 0.0;
        foreach (var (xj, radius) in _chosen)
        {
            var distance = Math.Sqrt(x.Select((v, d) => (v - xj[d]) * (v - xj[d])).Sum());
            total += distance <= 0 ? AtPoint : Math.Max(AtPoint, -Math.Log(1 + Math.Pow(radius / distance, Power)));
        }

        return total;
    }

    /// <summary>An estimate of L: the largest gradient norm of the posterior mean over <paramref name="points"/>
    /// (central differences), at least 1e-3 so a flat mean still penalises exact repeats.</summary>
    public static double EstimateLipschitz(GaussianProcess gp, IEnumerable<double[]> points)
    {
        const double h = 1e-3;
        var largest = 1e-3;
        foreach (var p in points)
        {
            var squared = 0.0;
            for (var d = 0; d < p.Length; d++)
            {
                var up = (double[])p.Clone();
                var down = (double[])p.Clone();
                up[d] += h;
                down[d] -= h;
                var g = (gp.Predict(up).Mean - gp.Predict(down).Mean) / (2 * h);
                squared += g * g;
            }

            largest = Math.Max(largest, Math.Sqrt(squared));
        }

        return largest;
    }
}
