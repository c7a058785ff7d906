using System.Diagnostics;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Metrics;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Specs;

namespace McpFlow.Pipelines.Comparison;

/// <summary>Clustering (k-means, k chosen by silhouette) and anomaly detection (randomized PCA) on all rows.</summary>
public static class UnsupervisedEvaluator
{
    /// <summary>Largest k tried for k-means.</summary>
    public const int MaxClusters = 8;

    /// <summary>Rows used for the silhouette (O(n²) distances); a seeded sample above this.</summary>
    public const int SilhouetteSample = 600;

    /// <summary>Scores above mean + this many standard deviations count as anomalies (the three-sigma rule).</summary>
    public const double AnomalySigmas = 3;

    /// <summary>k-means for k = 2..<see cref="MaxClusters"/> (or the given k); one result per k.</summary>
    public static IReadOnlyList<FoldScores> Clustering(PipelineSpec spec, FeatureFrame frame, Hyperparameters h, CancellationToken cancellationToken)
    {
        var rows = Enumerable.Range(0, frame.Rows).ToArray();
        var pre = Preprocessor.Fit(frame, rows, spec.IsEnabled("impute"), spec.IsEnabled("scale"));
        var input = new ModelInput(pre.Transform(frame, rows), frame, rows);
        var sample = rows.Length <= SilhouetteSample ? rows : Shuffled(rows, 42).Take(SilhouetteSample).Order().ToArray();
        var ks = h.Int("k") is { } fixedK ? [fixedK] : Enumerable.Range(2, Math.Min(MaxClusters, frame.Rows - 1) - 1).ToArray();
        var results = new List<FoldScores>();
        foreach (var k in ks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            var model = MlNetModel.Fit(PipelineTask.Clustering, "kmeans", Hyperparameters.Parse("kmeans", new Dictionary<string, string> { ["k"] = k.ToString(System.Globalization.CultureInfo.InvariantCulture) }), input, 0, 42);
            var seconds = watch.Elapsed.TotalSeconds;
            var clusters = model.Predict(input).Classes;
            var silhouette = Silhouette.Mean(sample.Select(r => input.X[r]).ToList(), sample.Select(r => clusters[r]).ToList());
            results.Add(FoldScores.From($"kmeans_k{k}", [new Dictionary<string, double> { ["silhouette"] = silhouette, ["clusters"] = k }], seconds));
        }

        return results;
    }

    /// <summary>Randomized PCA anomaly scores; with a 0/1 target also AUC and precision at k (k = number of anomalies).</summary>
    public static (FoldScores Scores, double[] RowScores) Anomalies(PipelineSpec spec, FeatureFrame frame, Hyperparameters h)
    {
        var rows = Enumerable.Range(0, frame.Rows).ToArray();
        var pre = Preprocessor.Fit(frame, rows, spec.IsEnabled("impute"), spec.IsEnabled("scale"));
        var input = new ModelInput(pre.Transform(frame, rows), frame, rows);
        var rank = Math.Max(1, Math.Min(h.Int("rank") ?? 2, pre.State.FeatureNames.Count - 1));
        var parameters = Hyperparameters.Parse("randomized_pca", new Dictionary<string, string>
        {
            ["rank"] = rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["oversampling"] = (h.Int("oversampling") ?? 20).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var watch = Stopwatch.StartNew();
        var model = MlNetModel.Fit(PipelineTask.AnomalyDetection, "randomized_pca", parameters, input, 0, 42);
        var seconds = watch.Elapsed.TotalSeconds;
        var scores = model.Predict(input).Values;
        var mean = scores.Average();
        var std = Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / Math.Max(1, scores.Length - 1));
        var metrics = new Dictionary<string, double> { ["anomaly_share"] = scores.Count(s => s > mean + (AnomalySigmas * std)) / (double)scores.Length };
        AddLabelMetrics(frame, scores, metrics);
        return (FoldScores.From("randomized_pca", [metrics], seconds), scores);
    }

    /// <summary>With a 0/1 label: AUC of the scores and precision at k (k = number of labelled anomalies).</summary>
    public static void AddLabelMetrics(FeatureFrame frame, double[] scores, Dictionary<string, double> metrics)
    {
        if (frame.Labels.Length != frame.Rows || !frame.Labels.All(l => l >= 0))
            return;
        var positive = frame.Labels.Select(l => l == 1).ToList();
        metrics["auc"] = ClassificationMetrics.Auc(positive, scores);
        var k = positive.Count(p => p);
        metrics["precision_at_k"] = k == 0 ? double.NaN : Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).Take(k).Count(i => positive[i]) / (double)k;
    }

    private static int[] Shuffled(int[] rows, int seed)
    {
        var copy = rows.ToArray();
        new Random(seed).Shuffle(copy);
        return copy;
    }
}
