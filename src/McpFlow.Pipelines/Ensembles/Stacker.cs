using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Splits;

namespace McpFlow.Pipelines.Ensembles;

/// <summary>
/// Stacking without leakage: for each outer test fold, the meta-learner is fitted on the base models' out-of-fold
/// predictions of that fold's TRAINING rows only (inner cross-validation over them), then applied to the predictions of
/// the base models fitted on all training rows for the test rows. No row's own fold ever informs the meta-learner that
/// scores it. Meta-learners: least squares on the base predictions (regression), logistic regression on their log-odds
/// (binary).
/// </summary>
public static class Stacker
{
    /// <summary>Inner folds over an outer fold's training rows (as the threshold tuner uses).</summary>
    public const int InnerFolds = 3;

    /// <summary>True when the task has a meta-learner here (regression and binary classification).</summary>
    public static bool Supports(PipelineTask task) => task is PipelineTask.Regression or PipelineTask.Binary;

    /// <summary>The stacked prediction of <paramref name="outer"/>'s test rows, given each base model's prediction of them.</summary>
    public static (Prediction Prediction, IReadOnlyList<double> Coefficients) Predict(PipelineSpec spec, FeatureFrame frame, Fold outer,
        IReadOnlyList<string> trainers, IReadOnlyList<Prediction> outerPredictions, CancellationToken cancellationToken)
    {
        var train = outer.Train;
        var inner = InnerFoldsOf(spec, frame, train, outer.Index);
        // Meta-training rows in the order the inner folds' test rows come; each base model's out-of-fold prediction of them.
        var rows = inner.SelectMany(f => f.Test).ToList();
        var features = rows.Select(_ => new double[trainers.Count]).ToArray();
        for (var m = 0; m < trainers.Count; m++)
        {
            var offset = 0;
            var model = m;
            CrossValidator.Evaluate(spec, frame, inner, trainers[m], Hyperparameters.Defaults, cancellationToken, (fold, p) =>
            {
                var values = Column(spec.Task, trainers[model], p);
                for (var i = 0; i < values.Length; i++)
                    features[offset + i][model] = values[i];
                offset += values.Length;
            });
        }

        var test = outerPredictions.Select((p, m) => Column(spec.Task, trainers[m], p)).ToList();
        var testRows = Enumerable.Range(0, outer.Test.Count).Select(i => test.Select(c => c[i]).ToArray()).ToList();
        if (spec.Task == PipelineTask.Binary)
        {
            var meta = LogisticMeta.Fit(features, rows.Select(r => frame.Labels[r] == 1).ToList());
            return (Blender.FromProbabilities(testRows.Select(x => meta.Predict(x)).Select(q => new[] { 1 - q, q }).ToList()), meta.Coefficients);
        }

        var fit = LeastSquares.Fit(features.Select(f => (IReadOnlyList<float>)f.Select(v => (float)v).ToArray()).ToList(), rows.Select(r => frame.Target[r]).ToList());
        return (new Prediction(testRows.Select(x => fit.Predict(x.Select(v => (float)v).ToArray())).ToArray(), [], null), [fit.Intercept, .. fit.Coefficients]);
    }

    /// <summary>Inner folds over <paramref name="train"/> with absolute row positions (stratified for classification).</summary>
    public static IReadOnlyList<Fold> InnerFoldsOf(PipelineSpec spec, FeatureFrame frame, IReadOnlyList<int> train, int outerIndex)
    {
        var seed = spec.Split.Seed + 1000 + outerIndex;
        var local = spec.Task == PipelineTask.Binary
            ? FoldSplitter.Stratified(train.Select(r => frame.Labels[r]).ToList(), InnerFolds, seed)
            : FoldSplitter.KFold(train.Count, InnerFolds, seed);
        return local.Select(f => new Fold(f.Index, f.Train.Select(i => train[i]).ToList(), f.Test.Select(i => train[i]).ToList())).ToList();
    }

    // One number per row: the regression value, or the binary probability of class 1.
    private static double[] Column(PipelineTask task, string trainer, Prediction p) =>
        task == PipelineTask.Binary ? Blender.Probabilities(task, trainer, p).Select(q => q[1]).ToArray() : p.Values;
}
