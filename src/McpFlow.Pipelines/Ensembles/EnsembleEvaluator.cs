using System.Diagnostics;
using System.Globalization;
using McpFlow.Core.Errors;
using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Specs;

namespace McpFlow.Pipelines.Ensembles;

/// <summary>
/// Blends (mean, score-weighted) and stacks the top models of a comparison, cross-validated on the comparison's own
/// folds (same spec, split and seeds, so each member's fold predictions are the comparison's), against the best member.
/// </summary>
public sealed class EnsembleEvaluator(FeatureLoader loader)
{
    /// <summary>Most models blended (each adds a cross-validation, and its stacking an inner one per fold).</summary>
    public const int MaxTop = 5;

    /// <summary>Names of the ensembles.</summary>
    public const string BlendMean = "blend_mean", BlendWeighted = "blend_weighted", Stack = "stack";

    /// <summary>Evaluates the ensembles of the <paramref name="k"/> best models of <paramref name="source"/>.</summary>
    public EnsembleResult Evaluate(ComparisonSource source, int k, Action<double, string> progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var spec = source.Spec;
        if (spec.Task is not (PipelineTask.Regression or PipelineTask.Binary or PipelineTask.Multiclass))
            throw McpFlowException.Invalid($"pipeline_ensemble blends regression and classification models, not {TaskNames.Name(spec.Task)}.",
                "Use the comparison's best model (pipeline_train) for this task.");
        var members = source.Top(k, "top_k");
        progress(0, "Loading features");
        var frame = loader.Load(spec);
        var folds = CrossValidator.Folds(spec, frame);
        var stacked = Stacker.Supports(spec.Task);
        var steps = members.Count * (stacked ? 1 + folds.Count : 1);
        var predictions = members.Select(_ => new Prediction[folds.Count]).ToArray();
        var singles = new List<FoldScores>();
        for (var m = 0; m < members.Count; m++)
        {
            progress((double)m / steps, $"Cross-validating {members[m]} ({m + 1}/{members.Count})");
            var model = m;
            singles.Add(CrossValidator.Evaluate(spec, frame, folds, members[m], Hyperparameters.Defaults, cancellationToken, (fold, p) => predictions[model][fold.Index] = p));
        }

        var metric = spec.PrimaryMetric;
        var perFold = singles.Select(s => (IReadOnlyList<double>)s.PerFold.Select(f => f.GetValueOrDefault(metric, double.NaN)).ToList()).ToList();
        var equal = members.Select(_ => 1.0 / members.Count).ToArray();
        var weights = folds.Select(f => (IReadOnlyList<double>)FoldWeights.For(perFold, f.Index, spec.Maximize)).ToList();
        var mean = new List<IReadOnlyDictionary<string, double>>();
        var weighted = new List<IReadOnlyDictionary<string, double>>();
        var stack = new List<IReadOnlyDictionary<string, double>>();
        var coefficients = new List<IReadOnlyList<double>>();
        foreach (var fold in folds)
        {
            var fp = predictions.Select(p => p[fold.Index]).ToList();
            mean.Add(CrossValidator.Score(spec, frame, fold, Blender.Combine(spec.Task, members, fp, equal)));
            weighted.Add(CrossValidator.Score(spec, frame, fold, Blender.Combine(spec.Task, members, fp, weights[fold.Index])));
            if (!stacked)
                continue;
            progress((double)(members.Count * (1 + fold.Index)) / steps, $"Stacking: inner cross-validation of fold {fold.Index + 1}/{folds.Count}");
            var (prediction, beta) = Stacker.Predict(spec, frame, fold, members, fp, cancellationToken);
            stack.Add(CrossValidator.Score(spec, frame, fold, prediction));
            coefficients.Add(beta);
        }

        var best = singles.Select((s, m) => (s, m)).OrderBy(t => Order(t.s.Mean.GetValueOrDefault(metric, double.NaN), spec.Maximize)).First();
        var rows = singles.Select(s => Row(s.Trainer, false, s.PerFold, metric, null, spec.Maximize)).ToList();
        var bestFolds = perFold[best.m];
        rows.Add(Row(BlendMean, true, mean, metric, bestFolds, spec.Maximize));
        rows.Add(Row(BlendWeighted, true, weighted, metric, bestFolds, spec.Maximize));
        if (stacked)
            rows.Add(Row(Stack, true, stack, metric, bestFolds, spec.Maximize));
        var winner = rows.Where(r => r.IsEnsemble && r.BeatsBest == true).OrderBy(r => Order(r.Mean, spec.Maximize)).FirstOrDefault()?.Name;
        progress(1, "Ensembles evaluated");
        return new EnsembleResult(source.JobId, TaskNames.Name(spec.Task), metric, spec.Maximize, folds.Count, frame.Rows, members, best.s.Trainer,
            rows, winner, weights, coefficients, Notes(source, singles, metric, stacked, spec.Task), watch.Elapsed.TotalSeconds);
    }

    private static double Order(double value, bool maximize) => double.IsNaN(value) ? double.PositiveInfinity : maximize ? -value : value;

    private static EnsembleRow Row(string name, bool ensemble, IReadOnlyList<IReadOnlyDictionary<string, double>> folds, string metric,
        IReadOnlyList<double>? best, bool maximize)
    {
        var scores = FoldScores.From(name, folds, 0);
        var values = folds.Select(f => f.GetValueOrDefault(metric, double.NaN)).ToList();
        var mean = scores.Mean.GetValueOrDefault(metric, double.NaN);
        bool Better(double a, double b) => maximize ? a > b : a < b;
        var metrics = scores.Mean.Where(m => m.Key != "training_seconds").ToDictionary(m => m.Key, m => m.Value);
        return new EnsembleRow(name, ensemble, values, mean, scores.Std.GetValueOrDefault(metric, double.NaN), metrics,
            best is null ? null : Better(mean, best.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average()),
            best is null ? null : values.Where((v, i) => Better(v, best[i])).Count());
    }

    private static List<string> Notes(ComparisonSource source, List<FoldScores> singles, string metric, bool stacked, PipelineTask task)
    {
        var notes = new List<string>();
        foreach (var s in singles)
        {
            var then = source.Result.Leaderboard.First(r => r.Trainer == s.Trainer).Metrics.GetValueOrDefault(metric, double.NaN);
            var now = s.Mean.GetValueOrDefault(metric, double.NaN);
            if (Math.Abs(then - now) > 1e-9 * Math.Max(1, Math.Abs(then)))
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{s.Trainer} scores {now:G6} now against {then:G6} in the comparison: the table changed since; every figure here is on the current data."));
        }

        if (!stacked)
            notes.Add($"No stacking for {TaskNames.Name(task)} (meta-learners exist for regression and binary classification); the blends are reported.");
        if (task == PipelineTask.Binary)
            notes.Add("Blends and the stack decide class 1 at probability 0.5 (no tuned threshold); threshold-free metrics (auc, average_precision) compare them fairly.");
        return notes;
    }
}
