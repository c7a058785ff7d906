using McpFlow.Core.Errors;
using McpFlow.Pipelines.Specs;

namespace McpFlow.Pipelines.Generation;

/// <summary>Parses and prints task names (snake_case).</summary>
public static class TaskNames
{
    /// <summary>The names accepted for the task parameter.</summary>
    public const string Accepted = "binary, multiclass, regression, forecasting, clustering, anomaly_detection or infer";

    /// <summary>Parses a task name; null means infer.</summary>
    public static PipelineTask? Parse(string? name) => (name ?? "infer").Trim().ToLowerInvariant() switch
    {
        "infer" or "" => null,
        "binary" or "binary_classification" => PipelineTask.Binary,
        "multiclass" or "multiclass_classification" or "classification" => PipelineTask.Multiclass,
        "regression" => PipelineTask.Regression,
        "forecasting" or "time_series" or "forecast" => PipelineTask.Forecasting,
        "clustering" => PipelineTask.Clustering,
        "anomaly_detection" or "anomaly" => PipelineTask.AnomalyDetection,
        _ => throw McpFlowException.Invalid($"Unknown task '{name}'.", $"Use one of: {Accepted}."),
    };

    /// <summary>The snake_case name of a task.</summary>
    public static string Name(PipelineTask task) => task switch
    {
        PipelineTask.AnomalyDetection => "anomaly_detection",
        _ => task.ToString().ToLowerInvariant(),
    };
}
