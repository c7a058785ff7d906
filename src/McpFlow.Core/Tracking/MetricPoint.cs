namespace McpFlow.Core.Tracking;

/// <summary>One metric value, as MLflow stores it.</summary>
/// <param name="Key">Metric name, e.g. <c>loss</c>.</param>
/// <param name="Value">Value (NaN and infinities are allowed, as in MLflow).</param>
/// <param name="Step">Step (epoch, iteration).</param>
/// <param name="TimestampMs">Unix time in milliseconds.</param>
public sealed record MetricPoint(string Key, double Value, long Step, long TimestampMs);
