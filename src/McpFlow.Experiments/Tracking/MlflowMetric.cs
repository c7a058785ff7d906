namespace McpFlow.Experiments.Tracking;

/// <summary>One metric value with its step and timestamp.</summary>
/// <param name="Key">Metric name.</param>
/// <param name="Value">Value (may be NaN or infinite, as in MLflow).</param>
/// <param name="Step">Step.</param>
/// <param name="Timestamp">Unix milliseconds.</param>
public sealed record MlflowMetric(string Key, double Value, long Step, long Timestamp);
