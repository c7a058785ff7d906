using System.Diagnostics;
using McpFlow.Core.Errors;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Metrics;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Splits;

namespace McpFlow.Pipelines.Comparison;

/// <summary>Cross-validates supervised trainers on a frame: preprocessing fitted per training fold, metrics per test fold.</summary>
public static class CrossValidator
{
    /// <summary>The folds of the spec's split over the frame's rows.</summary>
    public static IReadOnlyList<Fold> Folds(PipelineSpec spec, FeatureFrame frame)
    {
        var split = spec.Split;
        return split.Kind switch
        {
            // Gap of horizon - 1 rows: the last training target is known when the test block's first row is forecast.
            SplitPlan.ExpandingWindow => FoldSplitter.ExpandingWindow(frame.Rows, split.Folds, split.TestSize ?? spec.Horizon, Math.Min(frame.Rows / 2, 30), spec.Horizon - 1),
            SplitPlan.Stratified => FoldSplitter.Stratified(frame.Labels, split.Folds, split.Seed),
            SplitPlan.KFold => FoldSplitter.KFold(frame.Rows, split.Folds, split.Seed),
            _ => throw McpFlowException.Invalid($"Unknown split kind '{split.Kind}'.", "Use stratified_kfold, kfold or expanding_window."),
        };
    }

    /// <summary>Evaluates <paramref name="trainer"/> on every fold.</summary>
    public static FoldScores Evaluate(PipelineSpec spec, FeatureFrame frame, IReadOnlyList<Fold> folds, string trainer, Hyperparameters h, CancellationToken cancellationToken,
        Action<Fold, Prediction>? onFold = null, Action<FoldFit>? onFit = null)
    {
        var results = new List<IReadOnlyDictionary<string, double>>();
        var seconds = 0.0;
        foreach (var fold in folds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pre = Preprocessor.Fit(frame, fold.Train, spec.IsEnabled("impute"), spec.IsEnabled("scale"));
            var train = new ModelInput(pre.Transform(frame, fold.Train), frame, fold.Train);
            var watch = Stopwatch.StartNew();
            var model = ModelFactory.Fit(spec, trainer, h, train, seed: 42 + fold.Index);
            double? threshold = null;
            if (ThresholdTuner.Applies(spec, trainer))
            {
                // Tuned on this fold's training rows only; the model above is the one the threshold is applied to.
                threshold = ThresholdTuner.Tune(spec, frame, fold.Train, trainer, h, 42 + fold.Index, cancellationToken);
                if (threshold is { } t)
                    model = new ThresholdModel(model, t);
            }

            seconds += watch.Elapsed.TotalSeconds;
            var test = new ModelInput(pre.Transform(frame, fold.Test), frame, fold.Test);
            var prediction = model.Predict(test);
            onFold?.Invoke(fold, prediction);
            onFit?.Invoke(new FoldFit(fold, model, test, pre.State.FeatureNames));
            var scores = new Dictionary<string, double>(Score(spec, frame, fold, prediction));
            if (threshold is { } tuned)
                scores[ThresholdTuner.Step] = tuned;
            results.Add(scores);
        }

        return FoldScores.From(trainer, results, seconds);
    }

    /// <summary>Metrics of one fold's predictions.</summary>
    public static IReadOnlyDictionary<string, double> Score(PipelineSpec spec, FeatureFrame frame, Fold fold, Prediction p)
    {
        switch (spec.Task)
        {
            case PipelineTask.Binary:
            case PipelineTask.Multiclass:
                return ClassificationMetrics.Compute(fold.Test.Select(r => frame.Labels[r]).ToList(), p.Classes, p.Scores, spec.Classes.Count);
            case PipelineTask.Forecasting:
                // MASE scale: seasonal-naive error on the series before the test block (the training history).
                var start = frame.HistoryIndex[fold.Test[0]];
                var history = frame.History.Take(start).Where(v => !double.IsNaN(v)).ToList();
                return ForecastMetrics.Compute(fold.Test.Select(r => frame.Target[r]).ToList(), p.Values, history, spec.Features.FourierPeriod ?? 1);
            default:
                return RegressionMetrics.Compute(fold.Test.Select(r => frame.Target[r]).ToList(), p.Values);
        }
    }
}
