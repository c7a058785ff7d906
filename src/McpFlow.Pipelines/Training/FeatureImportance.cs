using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Splits;

namespace McpFlow.Pipelines.Training;

/// <summary>
/// Permutation feature importance (Breiman 2001): on a held-out fold, each feature column is shuffled (seeded) and
/// the drop of the primary metric is the feature's importance (positive means the model relies on it).
/// </summary>
public static class FeatureImportance
{
    /// <summary>Importance per feature name, largest first.</summary>
    public static IReadOnlyList<(string Feature, double Importance)> Permutation(PipelineSpec spec, FeatureFrame frame, Fold fold,
        string trainer, Hyperparameters h, CancellationToken cancellationToken)
    {
        var pre = Preprocessor.Fit(frame, fold.Train, spec.IsEnabled("impute"), spec.IsEnabled("scale"));
        var model = ModelFactory.Fit(spec, trainer, h, new ModelInput(pre.Transform(frame, fold.Train), frame, fold.Train));
        var test = pre.Transform(frame, fold.Test);
        double Metric(float[][] x) => CrossValidator.Score(spec, frame, fold, model.Predict(new ModelInput(x, frame, fold.Test)))
            .GetValueOrDefault(spec.PrimaryMetric, double.NaN);
        var baseline = Metric(test);
        var random = new Random(42);
        var result = new List<(string, double)>();
        for (var j = 0; j < pre.State.FeatureNames.Count; j++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var order = Enumerable.Range(0, test.Length).ToArray();
            random.Shuffle(order);
            var permuted = test.Select(x => (float[])x.Clone()).ToArray();
            for (var i = 0; i < permuted.Length; i++)
                permuted[i][j] = test[order[i]][j];
            var drop = (spec.Maximize ? 1 : -1) * (baseline - Metric(permuted));
            result.Add((pre.State.FeatureNames[j], drop));
        }

        return result.OrderByDescending(r => r.Item2).ToList();
    }
}
