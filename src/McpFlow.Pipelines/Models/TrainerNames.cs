using McpFlow.Pipelines.Specs;

namespace McpFlow.Pipelines.Models;

/// <summary>Names of the trainers and baselines available per task.</summary>
public static class TrainerNames
{
    /// <summary>Predicts the most frequent training class (classification baseline).</summary>
    public const string Majority = "majority_baseline";

    /// <summary>
    /// Draws each prediction at random from the training class shares and scores every row with those shares
    /// (scikit-learn's DummyClassifier strategies "stratified" and "prior"): the chance level of recall, precision, F1
    /// and MCC, where the majority baseline scores 0 on the minority class (classification baseline).
    /// </summary>
    public const string Stratified = "stratified_baseline";

    /// <summary>Predicts the training mean (regression baseline).</summary>
    public const string Mean = "mean_baseline";

    /// <summary>Forecasts the value <c>horizon</c> rows earlier (forecasting baseline).</summary>
    public const string Naive = "naive";

    /// <summary>Forecasts the value one season earlier (forecasting baseline).</summary>
    public const string SeasonalNaive = "seasonal_naive";

    /// <summary>Ordinary least squares with an intercept (<see cref="OlsModel"/>), regression and forecasting.</summary>
    public const string Ols = "ols";

    /// <summary>Robust rolling z-score spikes of each numeric input over time (anomaly detection with a time column).</summary>
    public const string SpikeDetector = "spike_detector";

    /// <summary>PELT changes in mean of each numeric input over time (anomaly detection with a time column).</summary>
    public const string ChangePointDetector = "change_point_detector";

    /// <summary>Additive Holt-Winters exponential smoothing (Holt's linear trend without a season), a forecasting candidate.</summary>
    public const string HoltWinters = "holt_winters";

    /// <summary>Mean of the holt_winters and sdca forecasts, a forecasting candidate.</summary>
    public const string Combination = "holt_winters_sdca_mean";

    /// <summary>Baselines of every task.</summary>
    public static readonly IReadOnlySet<string> Baselines = new HashSet<string> { Majority, Stratified, Mean, Naive, SeasonalNaive };

    /// <summary>The candidates for a task, baselines first; <paramref name="series"/> (a time column) adds the series
    /// detectors to anomaly detection.</summary>
    public static IReadOnlyList<string> For(PipelineTask task, bool seasonal, bool series = false) => task switch
    {
        PipelineTask.Binary => [Majority, Stratified, "logistic_regression", "sdca_logistic", "fast_tree", "fast_forest", "lightgbm"],
        PipelineTask.Multiclass => [Majority, Stratified, "maximum_entropy", "sdca_maximum_entropy", "fast_tree_ova", "fast_forest_ova", "lightgbm"],
        PipelineTask.Regression => [Mean, Ols, "sdca", "online_gradient_descent", "fast_tree", "fast_forest", "lightgbm"],
        PipelineTask.Forecasting => seasonal
            ? [Naive, SeasonalNaive, HoltWinters, Ols, "sdca", Combination, "fast_tree", "fast_forest", "lightgbm"]
            : [Naive, HoltWinters, Ols, "sdca", Combination, "fast_tree", "fast_forest", "lightgbm"],
        PipelineTask.Clustering => ["kmeans"],
        _ => series ? ["randomized_pca", SpikeDetector, ChangePointDetector] : ["randomized_pca"],
    };

    /// <summary>
    /// Metrics reported per task, primary first. Imbalanced classification (see <c>ClassImbalance</c>) is ranked by
    /// average precision (binary: PR-AUC, which a constant scorer cannot raise above the positive share) or MCC
    /// (multiclass), never accuracy, which the majority class alone makes high; binary tasks then also report the
    /// decision threshold tuned on the training folds.
    /// </summary>
    public static (IReadOnlyList<string> Metrics, string Primary, bool Maximize) MetricsFor(PipelineTask task, bool labelled, bool imbalanced = false) => task switch
    {
        PipelineTask.Binary when imbalanced =>
            (["average_precision", "mcc", "threshold", "recall", "precision", "f1", "balanced_accuracy", "auc", "kappa", "accuracy", "training_seconds"], "average_precision", true),
        PipelineTask.Multiclass when imbalanced =>
            (["mcc", "average_precision", "balanced_accuracy", "recall", "precision", "f1", "auc", "kappa", "accuracy", "training_seconds"], "mcc", true),
        PipelineTask.Binary or PipelineTask.Multiclass =>
            (["accuracy", "balanced_accuracy", "auc", "average_precision", "recall", "precision", "f1", "kappa", "mcc", "training_seconds"], "accuracy", true),
        PipelineTask.Regression => (["mae", "mse", "rmse", "r2", "rmsle", "mape", "training_seconds"], "rmse", false),
        PipelineTask.Forecasting => (["mase", "rmsse", "mae", "rmse", "mape", "smape", "training_seconds"], "mase", false),
        PipelineTask.Clustering => (["silhouette", "clusters", "training_seconds"], "silhouette", true),
        _ => labelled
            ? (["auc", "precision_at_k", "anomaly_share", "training_seconds"], "auc", true)
            : (["anomaly_share", "training_seconds"], "anomaly_share", false),
    };
}
