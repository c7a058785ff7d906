using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Specs;

namespace McpFlow.Pipelines.Ensembles;

/// <summary>
/// Combines the predictions of several models of the same rows with weights: regression values are averaged;
/// classifiers' class probabilities are averaged and the class is the most probable one (binary: probability of
/// class 1 at least 0.5).
/// </summary>
public static class Blender
{
    /// <summary>Binary trainers whose class-1 score is a margin, not a probability (ML.NET's FastForest has no
    /// calibrator): the score goes through the logistic function, which keeps its own decision (margin 0 = 0.5).</summary>
    public static readonly IReadOnlySet<string> Uncalibrated = new HashSet<string> { "fast_forest" };

    /// <summary>The weighted combination of <paramref name="predictions"/> (one per model in <paramref name="trainers"/>' order).</summary>
    public static Prediction Combine(PipelineTask task, IReadOnlyList<string> trainers, IReadOnlyList<Prediction> predictions, IReadOnlyList<double> weights)
    {
        var rows = predictions[0].Values.Length > 0 ? predictions[0].Values.Length : predictions[0].Classes.Length;
        if (task is PipelineTask.Regression or PipelineTask.Forecasting)
            return new Prediction(Enumerable.Range(0, rows).Select(i => predictions.Select((p, m) => weights[m] * p.Values[i]).Sum()).ToArray(), [], null);
        var probabilities = predictions.Select((p, m) => Probabilities(task, trainers[m], p)).ToList();
        var width = probabilities[0][0].Length;
        var scores = new List<double[]>(rows);
        for (var i = 0; i < rows; i++)
        {
            var row = new double[width];
            for (var m = 0; m < probabilities.Count; m++)
            {
                for (var c = 0; c < width; c++)
                    row[c] += weights[m] * probabilities[m][i][c];
            }

            scores.Add(row);
        }

        return FromProbabilities(scores);
    }

    /// <summary>A classification prediction from per-row class probabilities (class = most probable; ties to the lower class,
    /// so binary class 1 needs probability ≥ 0.5 only when strictly above class 0's).</summary>
    public static Prediction FromProbabilities(IReadOnlyList<double[]> scores) =>
        new([], scores.Select(s => s.Length == 2 ? (s[1] >= 0.5 ? 1 : 0) : Array.IndexOf(s, s.Max())).ToArray(), scores);

    /// <summary>Each row's class probabilities from a model's scores: binary (1 - p, p), multiclass normalised to sum 1.</summary>
    public static double[][] Probabilities(PipelineTask task, string trainer, Prediction p)
    {
        if (p.Scores is null)
            return p.Classes.Select(k => OneHot(k, task == PipelineTask.Binary ? 2 : p.Classes.Max() + 1)).ToArray();
        if (task == PipelineTask.Binary)
        {
            return p.Scores.Select(s =>
            {
                var p1 = Uncalibrated.Contains(trainer) ? 1 / (1 + Math.Exp(-s[1])) : Math.Clamp(s[1], 0, 1);
                return new[] { 1 - p1, p1 };
            }).ToArray();
        }

        return p.Scores.Select(s =>
        {
            var sum = s.Where(v => v > 0).Sum();
            return sum > 0 ? s.Select(v => Math.Max(0, v) / sum).ToArray() : s.Select(_ => 1.0 / s.Length).ToArray();
        }).ToArray();
    }

    private static double[] OneHot(int k, int width)
    {
        var row = new double[Math.Max(width, k + 1)];
        row[k] = 1;
        return row;
    }
}
