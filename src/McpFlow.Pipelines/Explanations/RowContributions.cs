namespace McpFlow.Pipelines.Explanations;

/// <summary>The largest contributions to one scored row.</summary>
/// <param name="Row">Position of the row in the output table (0-based).</param>
/// <param name="Top">Largest contributions by absolute value, largest first.</param>
public sealed record RowContributions(int Row, IReadOnlyList<ColumnContribution> Top);
