namespace McpFlow.Data.Profiling;

/// <summary>A value and how often it occurs.</summary>
/// <param name="Value">The value as text.</param>
/// <param name="Count">Occurrences.</param>
/// <param name="Share">Fraction of the non-null values.</param>
public sealed record ValueCount(string Value, long Count, double Share);
