using System.Diagnostics;
using System.Globalization;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Storage;
using McpFlow.Pipelines.Tracking;

namespace McpFlow.Pipelines.Comparison;

/// <summary>Cross-validates the candidate trainers of a spec, baselines included, logs each as a run and ranks them.</summary>
public sealed class ModelComparer(FeatureLoader loader, RunLogger logger, PipelineStore store, TimeProvider time)
{
    /// <summary>Tool name written on the runs.</summary>
    public const string Tool = "pipeline_compare_models";

    /// <summary>Runs the comparison; <paramref name="progress"/> receives (fraction, message).</summary>
    public async Task<ComparisonResult> CompareAsync(PipelineSpec spec, IReadOnlyList<string>? trainers, string experiment,
        Action<double, string> progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var names = (trainers is { Count: > 0 } ? trainers : spec.Candidates).Distinct().ToList();
        names.ForEach(t => ModelFactory.EnsureKnown(spec, t));
        // A dummy baseline is always part of a supervised comparison.
        var baselines = TrainerNames.For(spec.Task, spec.Features.FourierPeriod is not null).Where(TrainerNames.Baselines.Contains);
        names = baselines.Concat(names).Distinct().ToList();
        progress(0, "Loading features");
        var frame = loader.Load(spec);
        var results = new List<FoldScores>();
        var folds = 1;
        if (spec.Task == PipelineTask.Clustering)
            results.AddRange(UnsupervisedEvaluator.Clustering(spec, frame, Hyperparameters.Defaults, cancellationToken));
        else if (spec.Task == PipelineTask.AnomalyDetection)
        {
            foreach (var name in names)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress((double)results.Count / names.Count, $"Scoring anomalies with {name}");
                results.Add(name is TrainerNames.SpikeDetector or TrainerNames.ChangePointDetector
                    ? SeriesAnomalyEvaluator.Evaluate(frame, name)
                    : UnsupervisedEvaluator.Anomalies(spec, frame, Hyperparameters.Defaults).Scores);
            }
        }
        else
        {
            var split = CrossValidator.Folds(spec, frame);
            folds = split.Count;
            for (var i = 0; i < names.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress((double)i / names.Count, $"Cross-validating {names[i]} ({i + 1}/{names.Count}, {folds} folds)");
                results.Add(CrossValidator.Evaluate(spec, frame, split, names[i], Hyperparameters.Defaults, cancellationToken));
            }
        }

        var ranked = Rank(results, spec.PrimaryMetric, spec.Maximize);
        var rows = new List<LeaderboardRow>();
        foreach (var (score, rank) in ranked.Select((s, i) => (s, i + 1)))
        {
            var metrics = score.Mean.Concat(score.Std.Where(s => s.Key != "training_seconds").Select(s => KeyValuePair.Create(s.Key + "_std", s.Value)))
                .ToDictionary(kv => kv.Key, kv => kv.Value);
            var runId = await logger.LogAsync(experiment, $"{spec.Table}-{score.Trainer}", Tool, Params(spec, score.Trainer, folds), metrics,
                new Dictionary<string, string> { ["mcpflow.pipeline_rank"] = rank.ToString(CultureInfo.InvariantCulture) }, [], cancellationToken);
            store.Record(experiment, new ScoreEntry(runId, score.Trainer, spec.PrimaryMetric, score.Mean.GetValueOrDefault(spec.PrimaryMetric, double.NaN), null, time.GetUtcNow()));
            rows.Add(new LeaderboardRow(rank, score.Trainer, TrainerNames.Baselines.Contains(score.Trainer), score.Mean, score.Std, runId));
        }

        progress(1, $"Compared {rows.Count} models");
        return new ComparisonResult(experiment, TaskNames.Name(spec.Task), spec.PrimaryMetric, spec.Maximize, folds, frame.Rows, rows,
            rows[0].Trainer, BeatsBaseline(rows, spec.PrimaryMetric, spec.Maximize), watch.Elapsed.TotalSeconds);
    }

    /// <summary>Parameters logged for a pipeline run.</summary>
    public static Dictionary<string, string> Params(PipelineSpec spec, string trainer, int folds) => new()
    {
        ["trainer"] = trainer, ["task"] = TaskNames.Name(spec.Task), ["table"] = spec.Table, ["target"] = spec.Target ?? "",
        ["split"] = spec.Split.Kind, ["folds"] = folds.ToString(CultureInfo.InvariantCulture), ["spec_version"] = spec.SpecVersion,
        ["steps"] = string.Join(",", spec.Steps.Where(s => s.Enabled).Select(s => s.Name)),
    };

    /// <summary>Orders scores best first by the primary metric; NaN last.</summary>
    public static List<FoldScores> Rank(IEnumerable<FoldScores> scores, string metric, bool maximize) =>
        scores.OrderBy(s => double.IsNaN(s.Mean.GetValueOrDefault(metric, double.NaN)) ? 1 : 0)
            .ThenBy(s => (maximize ? -1 : 1) * s.Mean.GetValueOrDefault(metric, double.NaN))
            .ToList();

    private static bool? BeatsBaseline(List<LeaderboardRow> rows, string metric, bool maximize)
    {
        var best = rows.FirstOrDefault(r => !r.IsBaseline);
        var baselines = rows.Where(r => r.IsBaseline).ToList();
        if (best is null || baselines.Count == 0)
            return null;
        var value = best.Metrics.GetValueOrDefault(metric, double.NaN);
        return baselines.All(b => maximize ? value > b.Metrics[metric] : value < b.Metrics[metric]);
    }
}
