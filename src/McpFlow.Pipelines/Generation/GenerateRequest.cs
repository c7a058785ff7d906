namespace McpFlow.Pipelines.Generation;

/// <summary>What generate_pipeline is asked for.</summary>
/// <param name="Table">Workspace table.</param>
/// <param name="Target">Target column, or null (clustering, unlabelled anomaly detection).</param>
/// <param name="Task">binary, multiclass, regression, forecasting, clustering, anomaly_detection or infer.</param>
/// <param name="TimeColumn">Time column, required for forecasting.</param>
/// <param name="Horizon">Rows ahead to forecast (default 1).</param>
/// <param name="Folds">Cross-validation folds (default 5).</param>
public sealed record GenerateRequest(string Table, string? Target, string Task, string? TimeColumn, int Horizon = 1, int Folds = 5);
