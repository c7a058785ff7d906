using System.Diagnostics;
using System.Text.Json;
using McpFlow.Core.Mcp;
using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Storage;
using McpFlow.Pipelines.Tracking;

namespace McpFlow.Pipelines.Evaluation;

/// <summary>
/// Runs a spec step by step (rows, features, nulls and time per step), cross-validates one trainer (metrics per fold
/// with mean and spread) and ablates each optional step (the metric without it, judged against the fold spread by
/// <see cref="AblationVerdict"/>), then logs one run. Without a trainer it evaluates the chosen model: the best
/// non-baseline trainer recorded in the experiment by pipeline_compare_models or pipeline_train.
/// </summary>
public sealed class StepEvaluator(FeatureLoader loader, RunLogger logger, PipelineStore store)
{
    /// <summary>Tool name written on the run.</summary>
    public const string Tool = "evaluate_pipeline_steps";

    /// <summary>The trainer used when none is given and the experiment has no recorded model for the task.</summary>
    public static string DefaultTrainer(PipelineSpec spec) => spec.Task switch
    {
        PipelineTask.Multiclass => "lightgbm",
        PipelineTask.Clustering => "kmeans",
        PipelineTask.AnomalyDetection => "randomized_pca",
        _ => "fast_tree",
    };

    /// <summary>Evaluates the spec; progress receives (fraction, message).</summary>
    public async Task<StepEvaluation> EvaluateAsync(PipelineSpec spec, string? trainer, string experiment, string folder,
        Action<double, string> progress, CancellationToken cancellationToken)
    {
        var (chosen, trainerSource) = trainer is null ? Choose(spec, experiment) : (trainer, "given");
        trainer = chosen;
        if (spec.Task is not PipelineTask.Clustering and not PipelineTask.AnomalyDetection)
            ModelFactory.EnsureKnown(spec, trainer);
        var optional = spec.Steps.Where(s => s.Optional && s.Enabled).Select(s => s.Name).ToList();
        progress(0, "Running the steps");
        var frame = loader.Load(spec);
        var steps = frame.Stats.Concat(PreprocessingStats(spec, frame)).ToList();
        var full = Score(spec, frame, trainer, cancellationToken);
        var ablation = new List<AblationRow>();
        for (var i = 0; i < optional.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress((i + 1.0) / (optional.Count + 1), $"Ablation: without {optional[i]} ({i + 1}/{optional.Count})");
            var reduced = spec.Without(optional[i]);
            var without = Score(reduced, loader.Load(reduced), trainer, cancellationToken);
            var judged = AblationVerdict.Judge(PerFold(full, spec.PrimaryMetric), PerFold(without, spec.PrimaryMetric), spec.Maximize);
            ablation.Add(new AblationRow(optional[i], without.Mean.GetValueOrDefault(spec.PrimaryMetric, double.NaN), judged.Gain,
                judged.StandardError, judged.Margin, judged.Verdict));
        }

        var metrics = full.Mean.Concat(full.Std.Where(s => s.Key != "training_seconds").Select(s => KeyValuePair.Create(s.Key + "_std", s.Value)))
            .Concat(ablation.Select(a => KeyValuePair.Create($"without_{a.Step}_{spec.PrimaryMetric}", a.Value)))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        Directory.CreateDirectory(folder);
        var specFile = Path.Combine(folder, "pipeline_spec.json");
        await File.WriteAllTextAsync(specFile, spec.ToJson(), cancellationToken);
        var reportFile = Path.Combine(folder, "step_report.json");
        await File.WriteAllTextAsync(reportFile, JsonSerializer.Serialize(new { steps, perFold = full.PerFold, ablation }, McpFlowJson.Indented), cancellationToken);
        var parameters = ModelComparer.Params(spec, trainer, full.PerFold.Count);
        var runId = await logger.LogAsync(experiment, $"{spec.Table}-steps-{trainer}", Tool, parameters, metrics, null, [specFile, reportFile], cancellationToken);
        progress(1, "Step evaluation finished");
        return new StepEvaluation(trainer, trainerSource, spec.PrimaryMetric, spec.Maximize, steps, full.PerFold, full.Mean, full.Std, ablation, runId, experiment);
    }

    /// <summary>
    /// The chosen model: the best non-baseline trainer the experiment recorded for the spec's primary metric (from
    /// pipeline_compare_models or pipeline_train) that fits the task, else <see cref="DefaultTrainer"/>; with the reason.
    /// </summary>
    public (string Trainer, string Source) Choose(PipelineSpec spec, string experiment)
    {
        if (spec.Task is PipelineTask.Clustering or PipelineTask.AnomalyDetection)
            return (DefaultTrainer(spec), "default");
        var known = TrainerNames.For(spec.Task, seasonal: spec.Features.FourierPeriod is not null, series: spec.TimeColumn is not null);
        var recorded = store.Scores(experiment)
            .Where(e => e.Metric == spec.PrimaryMetric && double.IsFinite(e.Value) && known.Contains(e.Trainer) && !TrainerNames.Baselines.Contains(e.Trainer))
            .ToList();
        var best = spec.Maximize ? recorded.MaxBy(e => e.Value) : recorded.MinBy(e => e.Value);
        return best is null
            ? (DefaultTrainer(spec), $"default (no model recorded in experiment '{experiment}')")
            : (best.Trainer, $"chosen model: best {spec.PrimaryMetric} {LeaderboardText.Format(best.Value)} in experiment '{experiment}'");
    }

    private static List<double> PerFold(FoldScores scores, string metric) =>
        scores.PerFold.Select(f => f.GetValueOrDefault(metric, double.NaN)).ToList();

    private static FoldScores Score(PipelineSpec spec, FeatureFrame frame, string trainer, CancellationToken cancellationToken) => spec.Task switch
    {
        PipelineTask.Clustering => ModelComparer.Rank(UnsupervisedEvaluator.Clustering(spec, frame, Hyperparameters.Defaults, cancellationToken), spec.PrimaryMetric, true)[0],
        PipelineTask.AnomalyDetection => UnsupervisedEvaluator.Anomalies(spec, frame, Hyperparameters.Defaults).Scores,
        _ => CrossValidator.Evaluate(spec, frame, CrossValidator.Folds(spec, frame), trainer, Hyperparameters.Defaults, cancellationToken),
    };

    private static IEnumerable<StepStats> PreprocessingStats(PipelineSpec spec, FeatureFrame frame)
    {
        var rows = Enumerable.Range(0, frame.Rows).ToArray();
        var inputs = frame.Numeric.Count + frame.Categorical.Count;
        var watch = Stopwatch.StartNew();
        var encoded = Preprocessor.Fit(frame, rows, spec.IsEnabled("impute"), scale: false);
        var matrix = encoded.Transform(frame, rows);
        var width = encoded.State.FeatureNames.Count;
        // Missing numbers become the median (or 0 without imputation) and missing categories a level of their own.
        yield return new StepStats(spec.IsEnabled("impute") ? "impute+encode" : "encode", frame.Rows, frame.Rows, width - inputs,
            matrix.Sum(x => (long)x.Count(float.IsNaN)), watch.Elapsed.TotalSeconds);
        if (!spec.IsEnabled("scale"))
            yield break;
        watch.Restart();
        for (var j = 0; j < width; j++)
        {
            var mean = matrix.Average(x => (double)x[j]);
            var std = Math.Sqrt(matrix.Sum(x => (x[j] - mean) * (x[j] - mean)) / Math.Max(1, matrix.Length - 1));
            foreach (var x in matrix)
                x[j] = (float)((x[j] - mean) / (std > 0 ? std : 1));
        }

        yield return new StepStats("scale", frame.Rows, frame.Rows, 0, matrix.Sum(x => (long)x.Count(float.IsNaN)), watch.Elapsed.TotalSeconds);
    }
}
