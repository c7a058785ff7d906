using McpFlow.Pipelines.Storage;

namespace McpFlow.Pipelines.Training;

/// <summary>The outcome of pipeline_train.</summary>
/// <param name="ModelId">Saved model id (folder name) for pipeline_predict.</param>
/// <param name="ModelFolder">Folder holding model, preprocessing state, spec and charts.</param>
/// <param name="RunId">Tracking run id.</param>
/// <param name="Experiment">Tracking experiment.</param>
/// <param name="Trainer">Trainer used.</param>
/// <param name="Hyperparameters">Hyperparameters used.</param>
/// <param name="SuggestionId">Suggestion the run came from, if any.</param>
/// <param name="PrimaryMetric">Ranking metric.</param>
/// <param name="Mean">Cross-validated metrics (mean over folds).</param>
/// <param name="Std">Their standard deviations.</param>
/// <param name="PreviousBest">Best earlier run of the experiment by the primary metric, if any.</param>
/// <param name="BeatPreviousBest">True when this run is better than that; null when there was none.</param>
/// <param name="FeatureImportance">Permutation importance per feature, largest first (supervised tasks).</param>
/// <param name="Charts">PNG files written.</param>
/// <param name="DecisionThreshold">Threshold on the class-1 score the saved model predicts with (tuned on the cross-validated scores of an
/// imbalanced binary task); null when the trainer's own rule applies.</param>
/// <param name="PartialDependence">Partial dependence of the final model on its top numeric features (regression and binary).</param>
public sealed record TrainResult(string ModelId, string ModelFolder, string? RunId, string Experiment, string Trainer,
    IReadOnlyDictionary<string, string> Hyperparameters, string? SuggestionId, string PrimaryMetric,
    IReadOnlyDictionary<string, double> Mean, IReadOnlyDictionary<string, double> Std, ScoreEntry? PreviousBest, bool? BeatPreviousBest,
    IReadOnlyList<FeatureWeight> FeatureImportance, IReadOnlyList<string> Charts, double? DecisionThreshold = null,
    IReadOnlyList<DependenceCurve>? PartialDependence = null);
