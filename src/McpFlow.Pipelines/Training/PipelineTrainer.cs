using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;
using McpFlow.Core.Tracking;
using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Metrics;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Storage;
using McpFlow.Pipelines.Tracking;

namespace McpFlow.Pipelines.Training;

/// <summary>
/// Trains one pipeline with given or suggested hyperparameters: cross-validates it, fits the final model on all rows,
/// saves model, preprocessing state and spec in a model folder, draws charts, logs the run (tagged with the
/// suggestion) and tells whether it beat the experiment's previous best.
/// </summary>
public sealed class PipelineTrainer(FeatureLoader loader, RunLogger logger, PipelineStore store, ISuggestionStore suggestions, TimeProvider time)
{
    /// <summary>Tool name written on the run.</summary>
    public const string Tool = "pipeline_train";

    /// <summary>Param keys of pipeline runs that are not hyperparameters (ignored when they come in a suggestion).</summary>
    public static readonly IReadOnlySet<string> PipelineKeys = new HashSet<string> { "task", "table", "target", "split", "folds", "spec_version", "steps" };

    /// <summary>Trains, evaluates, saves and logs.</summary>
    public async Task<TrainResult> TrainAsync(PipelineSpec spec, TrainRequest request, Action<double, string> progress, CancellationToken cancellationToken)
    {
        // Without the experiments group the store is Core's AbsentSuggestionStore, which refuses with an actionable message.
        var suggestion = request.SuggestionId is null ? null : suggestions.Get(request.SuggestionId);
        var raw = new Dictionary<string, string>(suggestion?.Parameters ?? request.Hyperparameters ?? new Dictionary<string, string>());
        if (suggestion is not null && request.Hyperparameters is not null)
        {
            foreach (var (k, v) in request.Hyperparameters)
                raw[k] = v;
        }

        var trainer = raw.Remove("trainer", out var t) ? t : raw.Remove("model", out var m) ? m : request.Trainer;
        trainer = request.Trainer ?? trainer ?? throw McpFlowException.Invalid("No trainer given.",
            $"Pass trainer (e.g. the best of pipeline_compare_models); for this task: {string.Join(", ", spec.Candidates)}.");
        foreach (var key in PipelineKeys)
            raw.Remove(key);
        if (spec.Task is PipelineTask.Clustering or PipelineTask.AnomalyDetection)
            throw McpFlowException.Invalid($"pipeline_train trains supervised pipelines; {Generation.TaskNames.Name(spec.Task)} is evaluated by pipeline_compare_models.",
                "Use pipeline_compare_models for clustering (k by silhouette) and anomaly detection.");
        ModelFactory.EnsureKnown(spec, trainer);
        var h = Hyperparameters.Parse(trainer, raw);
        var experiment = request.Experiment ?? suggestion?.Experiment ?? $"pipelines-{spec.Table}";

        progress(0.05, "Loading features");
        var frame = loader.Load(spec);
        var folds = CrossValidator.Folds(spec, frame);
        var actual = new List<double>();
        var predicted = new List<double>();
        var actualClass = new List<int>();
        var predictedClass = new List<int>();
        var outOfFoldScores = new List<double>();
        progress(0.1, $"Cross-validating {trainer} on {folds.Count} folds");
        var importance = TrainerNames.Baselines.Contains(trainer) || trainer == TrainerNames.HoltWinters ? null : new PermutationImportance(spec, frame);
        var scores = CrossValidator.Evaluate(spec, frame, folds, trainer, h, cancellationToken, (fold, p) =>
        {
            if (p.Classes.Length > 0)
            {
                actualClass.AddRange(fold.Test.Select(r => frame.Labels[r]));
                predictedClass.AddRange(p.Classes);
                if (p.Scores is not null && spec.Task == PipelineTask.Binary)
                    outOfFoldScores.AddRange(p.Scores.Select(s => s[1]));
            }
            else
            {
                actual.AddRange(fold.Test.Select(r => frame.Target[r]));
                predicted.AddRange(p.Values);
            }
        }, importance is null ? null : fit => importance.Add(fit, cancellationToken));

        var folder = store.NewModelFolder(Core.Charts.ChartRenderer.SafeName($"{spec.Table}-{trainer}"));
        var weights = importance?.Result() ?? [];
        var charts = new List<string>();
        if (actualClass.Count > 0)
            charts.Add(TrainingCharts.Confusion(ClassificationMetrics.Confusion(actualClass, predictedClass, spec.Classes.Count), spec.Classes, folder).Path!);
        else
            charts.Add(TrainingCharts.ActualVsPredicted(actual, predicted, folder).Path!);
        if (weights.Count > 0)
            charts.Add(TrainingCharts.Importance(weights, spec.PrimaryMetric, folder).Path!);

        progress(0.8, "Fitting the final model on all rows");
        var all = Enumerable.Range(0, frame.Rows).ToArray();
        var pre = Preprocessor.Fit(frame, all, spec.IsEnabled("impute"), spec.IsEnabled("scale"));
        var model = ModelFactory.Fit(spec, trainer, h, new ModelInput(pre.Transform(frame, all), frame, all));
        // The final model's threshold comes from the cross-validated scores: each row scored by a model that never saw it.
        var threshold = ThresholdTuner.Applies(spec, trainer) && outOfFoldScores.Count == actualClass.Count
            ? DecisionThreshold.Best(actualClass.Select(c => c == 1).ToList(), outOfFoldScores)?.Threshold
            : null;
        var modelFile = model.Save(Path.Combine(folder, "model"));
        await File.WriteAllTextAsync(Path.Combine(folder, "preprocessor.json"), JsonSerializer.Serialize(pre.State, McpFlowJson.Indented), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "pipeline_spec.json"), spec.ToJson(), cancellationToken);

        var previous = store.Best(experiment, spec.PrimaryMetric, spec.Maximize);
        var value = scores.Mean.GetValueOrDefault(spec.PrimaryMetric, double.NaN);
        bool? beat = previous is null ? null : spec.Maximize ? value > previous.Value : value < previous.Value;
        var tags = new Dictionary<string, string>
        {
            [Tools.PredictPipelineTool.ModelIdTag] = Path.GetFileName(folder),
            [TrackingTags.DataHash] = FrameHash.Sha256(frame),
        };
        if (suggestion is not null)
        {
            tags[TrackingTags.SuggestionId] = suggestion.Id;
            tags[TrackingTags.SuggestionExplanation] = suggestion.Explanation;
        }

        var parameters = ModelComparer.Params(spec, trainer, folds.Count);
        foreach (var (k, v) in h.ToParams())
            parameters[k] = v;
        var metrics = scores.Mean.Concat(scores.Std.Where(s => s.Key != "training_seconds").Select(s => KeyValuePair.Create(s.Key + "_std", s.Value)))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        progress(0.9, "Logging the run");
        var runId = await logger.LogAsync(experiment, $"{spec.Table}-{trainer}-train", Tool, parameters, metrics, tags,
            charts.Append(modelFile).Append(Path.Combine(folder, "pipeline_spec.json")), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "model.json"),
            JsonSerializer.Serialize(new SavedModelInfo(trainer, Path.GetFileName(modelFile), h.ToParams(), runId, scores.Mean, threshold), McpFlowJson.Indented), cancellationToken);
        store.Record(experiment, new ScoreEntry(runId, trainer, spec.PrimaryMetric, value, suggestion?.Id, time.GetUtcNow()));
        return new TrainResult(Path.GetFileName(folder), folder, runId, experiment, trainer, h.ToParams(), suggestion?.Id, spec.PrimaryMetric,
            scores.Mean, scores.Std, previous, beat, weights, charts, threshold);
    }
}
