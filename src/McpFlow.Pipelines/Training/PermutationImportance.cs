using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Specs;

namespace McpFlow.Pipelines.Training;

/// <summary>
/// Permutation feature importance (Breiman 2001) on every held-out fold, as scikit-learn's
/// <c>permutation_importance</c> computes it: for each fold's fitted model, each feature column of the fold's test rows
/// is shuffled <see cref="Repeats"/> times (seeded) and the worsening of the spec's primary metric is one sample
/// (positive: the model relies on the feature). A feature's importance is the mean over folds × repeats, its spread
/// their standard deviation (population, as scikit-learn's <c>importances_std</c>). The fold models are the ones
/// cross-validation already fitted, so it costs predictions only. ML.NET's own PFI is not used: it needs an ML.NET
/// transformer and scores with ML.NET's metrics, while these models include OLS, baselines and thresholded
/// classifiers and are ranked by the spec's metric (average precision, MASE, …).
/// </summary>
public sealed class PermutationImportance(PipelineSpec spec, FeatureFrame frame, int seed = 42)
{
    /// <summary>Shuffles per feature and fold (scikit-learn's default <c>n_repeats</c>).</summary>
    public const int Repeats = 5;

    private readonly Dictionary<string, List<double>> _drops = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Random _random = new(seed);

    /// <summary>Adds the samples of one fold.</summary>
    public void Add(FoldFit fit, CancellationToken cancellationToken)
    {
        var test = fit.Test.X;
        double Metric(float[][] x) => CrossValidator.Score(spec, frame, fit.Fold, fit.Model.Predict(fit.Test with { X = x }))
            .GetValueOrDefault(spec.PrimaryMetric, double.NaN);
        var baseline = Metric(test);
        var sign = spec.Maximize ? 1 : -1;
        for (var j = 0; j < fit.FeatureNames.Count; j++)
        {
            if (!_drops.TryGetValue(fit.FeatureNames[j], out var drops))
            {
                _drops[fit.FeatureNames[j]] = drops = [];
                _order.Add(fit.FeatureNames[j]);
            }

            for (var r = 0; r < Repeats; r++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var order = Enumerable.Range(0, test.Length).ToArray();
                _random.Shuffle(order);
                var permuted = test.Select(x => (float[])x.Clone()).ToArray();
                for (var i = 0; i < permuted.Length; i++)
                    permuted[i][j] = test[order[i]][j];
                var drop = sign * (baseline - Metric(permuted));
                if (double.IsFinite(drop))
                    drops.Add(drop);
            }
        }
    }

    /// <summary>Mean and spread per feature, largest mean first (features without a finite sample left out).</summary>
    public IReadOnlyList<FeatureWeight> Result() => _order
        .Where(f => _drops[f].Count > 0)
        .Select(f =>
        {
            var d = _drops[f];
            var mean = d.Average();
            return new FeatureWeight(f, mean, Math.Sqrt(d.Sum(v => (v - mean) * (v - mean)) / d.Count), d.Count);
        })
        .OrderByDescending(w => w.Importance)
        .ToList();
}
