using McpFlow.Core.Errors;

namespace McpFlow.Experiments.Optimization;

/// <summary>
/// Bayesian optimisation: a GP (Matérn 5/2 ARD, hyperparameters by marginal likelihood) on the standardised
/// metric, log expected improvement maximised by random candidates plus local search from the best of them,
/// batches by the kriging believer (each chosen point is added with its predicted mean before the next is chosen).
/// Heavy-tailed histories are warped first (<see cref="OutputWarping"/>).
/// With fewer than <see cref="MinObservationsForModel"/> observations it returns a Latin hypercube design.
/// Deterministic for a given seed.
/// </summary>
public static class BayesianOptimizer
{
    /// <summary>Observations needed before the GP is used (below this, a space-filling design).</summary>
    public const int MinObservationsForModel = 3;

    /// <summary>Random candidates scored per suggestion (fewer beyond 150 observations to bound the time).</summary>
    public const int Candidates = 2000;

    /// <summary>Candidates refined by local search.</summary>
    public const int LocalStarts = 5;

    /// <summary>Local-search steps per start (Gaussian moves, step halved after failures).</summary>
    public const int LocalSteps = 40;

    /// <summary>Largest number of observations the hyperparameters are fitted on (see <see cref="FitHyperparameters"/>).</summary>
    public const int MaxFitObservations = 150;

    /// <summary>Length scale given to features never varied in the observations (a quarter of the unit range).</summary>
    public const double UnexploredLengthScale = 0.25;

    /// <summary>Suggests <paramref name="count"/> points.</summary>
    public static IReadOnlyList<EngineSuggestion> Suggest(SearchSpace space, IReadOnlyList<(double[] X, double Y)> observations, bool maximize, int count, int seed)
    {
        if (count < 1)
            throw McpFlowException.Invalid("count must be at least 1.");
        var rng = new Random(seed);
        var valid = observations.Where(o => double.IsFinite(o.Y)).ToList();
        if (valid.Count < MinObservationsForModel)
        {
            return LatinHypercube.Sample(count, space.Dimension, rng)
                .Select(p => space.Project(p))
                .Select(p => new EngineSuggestion(p, space.Decode(p), "space-filling", null, null, null, new Dictionary<string, double>()))
                .ToList();
        }

        var sign = maximize ? 1.0 : -1.0;
        var z = valid.Select(o => sign * o.Y).ToArray();
        var warping = OutputWarping.For(z);
        var raw = warping is null ? z : z.Select(warping.Forward).ToArray();
        var mean = raw.Average();
        var std = Math.Sqrt(raw.Sum(v => (v - mean) * (v - mean)) / raw.Length);
        if (std < 1e-12)
            std = 1;
        var xs = valid.Select(o => o.X).ToList();
        var ys = raw.Select(v => (v - mean) / std).ToList();
        var gp = FitHyperparameters(xs, ys, rng);
        var hyper = WithUnexploredLengthScales(gp.Hyper, xs);
        gp = new GaussianProcess([.. xs], [.. ys], hyper);
        var best = ys.Max();
        var relevance = Relevance(space, hyper);
        var result = new List<EngineSuggestion>();
        for (var s = 0; s < count; s++)
        {
            var x = Maximize(space, gp, best, xs, rng);
            var (mu, variance) = gp.Predict(x);
            var sigma = Math.Sqrt(variance);
            double predicted, predictedStd, improvement;
            if (warping is null)
                (predicted, predictedStd, improvement) = ((mu * std) + mean, sigma * std, ExpectedImprovement.Value(mu, sigma, best) * std);
            else
            {
                (predicted, predictedStd) = warping.Moments((mu * std) + mean, sigma * std);
                improvement = warping.ExpectedImprovement((mu * std) + mean, sigma * std);
            }

            result.Add(new EngineSuggestion(x, space.Decode(x), "bayesian", sign * predicted, predictedStd, improvement, relevance));
            xs.Add(x);
            ys.Add(mu);
            gp = new GaussianProcess([.. xs], [.. ys], hyper);
        }

        return result;
    }

    private static double[] Maximize(SearchSpace space, GaussianProcess gp, double best, List<double[]> observed, Random rng)
    {
        var n = gp.X.Count > 150 ? Candidates / 4 : Candidates;
        var scored = new List<(double[] X, double Score)>(n + 50);
        for (var i = 0; i < n; i++)
            scored.Add(Score(space.Random(rng)));
        // Perturbations around the best observed points exploit what is already known to be good.
        var top = Enumerable.Range(0, gp.Y.Length).OrderByDescending(i => gp.Y[i]).Take(5).ToList();
        foreach (var i in top)
        {
            for (var j = 0; j < 10; j++)
                scored.Add(Score(space.Project(observed[i].Select(v => v + (0.05 * Gaussian(rng))).ToArray())));
        }

        var starts = scored.OrderByDescending(c => c.Score).Take(LocalStarts).ToList();
        var winner = starts[0];
        foreach (var start in starts)
        {
            var current = start;
            var step = 0.1;
            for (var k = 0; k < LocalSteps && step > 1e-3; k++)
            {
                var move = current.X.Select(v => rng.NextDouble() < 0.5 ? v + (step * Gaussian(rng)) : v).ToArray();
                var candidate = Score(space.Project(move));
                if (candidate.Score > current.Score)
                    current = candidate;
                else if (k % 5 == 4)
                    step /= 2;
            }

            if (current.Score > winner.Score)
                winner = current;
        }

        return winner.X;

        (double[] X, double Score) Score(double[] x)
        {
            var (mu, variance) = gp.Predict(x);
            return (x, ExpectedImprovement.Log(mu, Math.Sqrt(variance), best));
        }
    }

    /// <summary>
    /// Fits the hyperparameters on at most <see cref="MaxFitObservations"/> observations (the best quarter of them
    /// always included, the rest drawn at random): the marginal likelihood costs O(n³) per evaluation, and a few
    /// hundred points pin the length scales down as well as thousands. The returned GP is refitted on all points
    /// by the caller.
    /// </summary>
    private static GaussianProcess FitHyperparameters(List<double[]> xs, List<double> ys, Random rng)
    {
        if (xs.Count <= MaxFitObservations)
            return GpFitter.Fit([.. xs], [.. ys], rng, xs.Count > 150 ? 2 : GpFitter.DefaultRestarts);
        var order = Enumerable.Range(0, xs.Count).OrderByDescending(i => ys[i]).ToList();
        var keep = order.Take(MaxFitObservations / 4).ToList();
        var rest = order.Skip(MaxFitObservations / 4).ToArray();
        rng.Shuffle(rest);
        keep.AddRange(rest.Take(MaxFitObservations - keep.Count));
        return GpFitter.Fit(keep.Select(i => xs[i]).ToArray(), keep.Select(i => ys[i]).ToArray(), rng, 1);
    }

    /// <summary>
    /// A feature that has the same value in every observation leaves the marginal likelihood exactly flat in its
    /// length scale, so the fit says nothing about it. Such features get <see cref="UnexploredLengthScale"/>: a
    /// prior belief that they matter moderately, which makes the posterior uncertain away from the tried value
    /// and lets expected improvement explore them (a long length scale would freeze them at the tried value).
    /// </summary>
    private static GpHyperparameters WithUnexploredLengthScales(GpHyperparameters hyper, List<double[]> xs)
    {
        var scales = (double[])hyper.LengthScales.Clone();
        for (var d = 0; d < scales.Length; d++)
        {
            if (xs.All(x => x[d] == xs[0][d]))
                scales[d] = UnexploredLengthScale;
        }

        return hyper with { LengthScales = scales };
    }

    private static Dictionary<string, double> Relevance(SearchSpace space, GpHyperparameters hyper)
    {
        var raw = space.Parameters.Select((p, i) =>
        {
            var offset = space.Offset(i);
            return (p.Name, Value: Enumerable.Range(offset, p.Width).Max(d => 1 / hyper.LengthScales[d]));
        }).ToList();
        var total = raw.Sum(r => r.Value);
        return raw.ToDictionary(r => r.Name, r => r.Value / total);
    }

    private static double Gaussian(Random rng)
    {
        var u1 = 1 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
