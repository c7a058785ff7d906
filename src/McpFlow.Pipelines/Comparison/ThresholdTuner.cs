using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Metrics;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Splits;

namespace McpFlow.Pipelines.Comparison;

/// <summary>
/// Tunes a binary classifier's decision threshold on training rows only: stratified inner cross-validation over the
/// rows of one training fold gives every training row an out-of-fold score, and the threshold that maximises MCC on
/// those scores (<see cref="DecisionThreshold"/>) is applied to the model fitted on the whole training fold. The
/// test fold never informs the threshold (scikit-learn's TunedThresholdClassifierCV follows the same scheme).
/// </summary>
public static class ThresholdTuner
{
    /// <summary>Name of the spec step that turns tuning on (imbalanced binary tasks).</summary>
    public const string Step = "threshold";

    /// <summary>Inner folds (3: each inner model still sees two thirds of the training fold's minority rows; 5 would cost 5/3 as much).</summary>
    public const int InnerFolds = 3;

    /// <summary>True when the spec tunes the threshold of <paramref name="trainer"/> (binary, step enabled, not a baseline).</summary>
    public static bool Applies(PipelineSpec spec, string trainer) =>
        spec.Task == PipelineTask.Binary && spec.IsEnabled(Step) && !TrainerNames.Baselines.Contains(trainer);

    /// <summary>The tuned threshold for <paramref name="train"/> rows, or null when the rows are too few or carry no signal.</summary>
    public static double? Tune(PipelineSpec spec, FeatureFrame frame, IReadOnlyList<int> train, string trainer, Hyperparameters h, int seed,
        CancellationToken cancellationToken)
    {
        var labels = train.Select(r => frame.Labels[r]).ToList();
        var positives = labels.Count(l => l == 1);
        var folds = Math.Min(InnerFolds, Math.Min(positives, labels.Count - positives));
        if (folds < 2)
            return null;
        var positive = new List<bool>();
        var scores = new List<double>();
        foreach (var inner in FoldSplitter.Stratified(labels, folds, seed))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fit = inner.Train.Select(i => train[i]).ToArray();
            var held = inner.Test.Select(i => train[i]).ToArray();
            var pre = Preprocessor.Fit(frame, fit, spec.IsEnabled("impute"), spec.IsEnabled("scale"));
            var model = ModelFactory.Fit(spec, trainer, h, new ModelInput(pre.Transform(frame, fit), frame, fit), seed);
            var p = model.Predict(new ModelInput(pre.Transform(frame, held), frame, held));
            if (p.Scores is null)
                return null;
            positive.AddRange(held.Select(r => frame.Labels[r] == 1));
            scores.AddRange(p.Scores.Select(s => s[1]));
        }

        return DecisionThreshold.Best(positive, scores)?.Threshold;
    }
}
