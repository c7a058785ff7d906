namespace McpFlow.Data.Transformations;

/// <summary>Summary statistics of a column, before or after a transformation.</summary>
/// <param name="Table">Table read.</param>
/// <param name="Column">Column read (null for a row count only).</param>
/// <param name="Rows">Rows of the table.</param>
/// <param name="Count">Non-null values.</param>
/// <param name="Mean">Mean (numeric).</param>
/// <param name="Std">Sample std.</param>
/// <param name="Min">Minimum.</param>
/// <param name="Max">Maximum.</param>
/// <param name="Skewness">Adjusted sample skewness G1.</param>
/// <param name="Kurtosis">Bias-corrected excess kurtosis G2.</param>
public sealed record ColumnSnapshot(string Table, string? Column, long Rows, long Count, double? Mean, double? Std, double? Min, double? Max, double? Skewness, double? Kurtosis);
