namespace McpFlow.Pipelines.Explanations;

/// <summary>One source column's contribution to one row's score.</summary>
/// <param name="Column">Source column (one-hot slots and frequency codes summed into the column they encode).</param>
/// <param name="Value">Contribution in the model's score units (positive: raises the score).</param>
public sealed record ColumnContribution(string Column, double Value);
