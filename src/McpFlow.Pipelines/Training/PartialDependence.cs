using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Specs;

namespace McpFlow.Pipelines.Training;

/// <summary>
/// Partial dependence (Friedman 2001; scikit-learn's <c>partial_dependence</c>, method "brute") of the final model on
/// its most important numeric features: over a sample of at most <see cref="MaxRows"/> rows, the feature is set to
/// each of up to <see cref="GridPoints"/> of its quantiles (taken from the sampled rows, so the grid stays inside the
/// data) and the model's output is averaged: the predicted value for regression, the positive class's probability
/// for binary classification. Multiclass, forecasting and one-hot (categorical) features get none: one curve would not
/// say what they do.
/// </summary>
public static class PartialDependence
{
    /// <summary>Most features given a curve.</summary>
    public const int MaxFeatures = 3;

    /// <summary>Most grid values per feature.</summary>
    public const int GridPoints = 15;

    /// <summary>Most rows averaged over.</summary>
    public const int MaxRows = 500;

    /// <summary>The curves of the top features of <paramref name="importance"/> that have one (see the class remarks).</summary>
    /// <param name="spec">The pipeline spec.</param>
    /// <param name="frame">The training frame.</param>
    /// <param name="model">The final model.</param>
    /// <param name="x">The preprocessed features of every row of <paramref name="frame"/>, as the final model was fitted on.</param>
    /// <param name="featureNames">Names of the columns of <paramref name="x"/>.</param>
    /// <param name="importance">Permutation importance, largest first.</param>
    /// <param name="cancellationToken">Cancels between predictions.</param>
    public static IReadOnlyList<DependenceCurve> Compute(PipelineSpec spec, FeatureFrame frame, ITrainedModel model, float[][] x,
        IReadOnlyList<string> featureNames, IReadOnlyList<FeatureWeight> importance, CancellationToken cancellationToken)
    {
        if (spec.Task is not (PipelineTask.Regression or PipelineTask.Binary) || frame.Rows == 0)
            return [];
        var output = spec.Task == PipelineTask.Binary
            ? $"probability of class '{(spec.Classes.Count > 1 ? spec.Classes[1] : "1")}'"
            : $"predicted {spec.Target}";
        var stride = Math.Max(1, (frame.Rows + MaxRows - 1) / MaxRows);
        var sample = Enumerable.Range(0, frame.Rows).Where(r => r % stride == 0).ToArray();
        var curves = new List<DependenceCurve>();
        foreach (var weight in importance.Where(w => w.Importance > 0))
        {
            if (curves.Count == MaxFeatures)
                break;
            var column = frame.Numeric.FirstOrDefault(c => c.Name == weight.Feature);
            var j = IndexOf(featureNames, weight.Feature);
            if (column is null || j < 0)
                continue;
            // Grid: quantiles of the sampled rows whose raw value is known; the model sees the preprocessed value of
            // the same row, the chart and text show the raw one.
            var known = sample.Where(r => double.IsFinite(column.Values[r])).OrderBy(r => x[r][j]).ToArray();
            if (known.Length < 2)
                continue;
            var grid = Enumerable.Range(0, GridPoints).Select(g => known[(int)Math.Round(g * (known.Length - 1.0) / (GridPoints - 1))])
                .DistinctBy(r => x[r][j]).ToArray();
            var rows = sample.Select(r => x[r]).ToArray();
            var average = new double[grid.Length];
            for (var g = 0; g < grid.Length; g++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var value = x[grid[g]][j];
                var changed = rows.Select(row =>
                {
                    var copy = (float[])row.Clone();
                    copy[j] = value;
                    return copy;
                }).ToArray();
                var p = model.Predict(new ModelInput(changed, frame, sample));
                average[g] = spec.Task == PipelineTask.Binary
                    ? p.Scores is { Count: > 0 } s && s[0].Length > 1 ? s.Average(v => v[1]) : p.Classes.Average(c => c == 1 ? 1.0 : 0.0)
                    : p.Values.Average();
            }

            curves.Add(new DependenceCurve(weight.Feature, output, grid.Select(r => column.Values[r]).ToArray(), average));
        }

        return curves;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
                return i;
        }

        return -1;
    }
}
