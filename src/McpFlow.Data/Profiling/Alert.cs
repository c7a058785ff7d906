namespace McpFlow.Data.Profiling;

/// <summary>A data-quality or distribution alert.</summary>
/// <param name="Kind">missing, constant, unique, high_cardinality, skewed, high_correlation, imbalance, zeros, infinite, duplicates, mixed_types, outliers, empty.</param>
/// <param name="Column">Column concerned (or "a ~ b" for correlations; null for table-level alerts).</param>
/// <param name="Message">What it means, in one line.</param>
/// <param name="Value">The measured value.</param>
/// <param name="Threshold">The threshold it crossed (see <see cref="AlertThresholds"/>).</param>
public sealed record Alert(string Kind, string? Column, string Message, double Value, double Threshold);
