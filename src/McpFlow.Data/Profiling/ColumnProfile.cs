namespace McpFlow.Data.Profiling;

/// <summary>The profile of one column.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">DuckDB type.</param>
/// <param name="SemanticType">Inferred meaning: numeric, categorical, boolean, datetime, identifier, text, numeric_as_text, constant, empty, other.</param>
/// <param name="Count">Non-null values.</param>
/// <param name="Missing">NULL values.</param>
/// <param name="MissingShare">Missing fraction of the rows.</param>
/// <param name="Distinct">Distinct non-null values (approximate when <see cref="DistinctApproximate"/>).</param>
/// <param name="DistinctApproximate">True when counted with HyperLogLog (<c>approx_count_distinct</c>).</param>
/// <param name="Numeric">Numeric statistics, for numeric columns.</param>
/// <param name="Text">Text facts, for text columns.</param>
/// <param name="Min">Smallest value as text (temporal and text columns).</param>
/// <param name="Max">Largest value as text (temporal and text columns).</param>
/// <param name="TopValues">Most frequent values.</param>
public sealed record ColumnProfile(string Name, string Type, string SemanticType, long Count, long Missing, double MissingShare, long Distinct,
    bool DistinctApproximate, NumericStats? Numeric, TextStats? Text, string? Min, string? Max, IReadOnlyList<ValueCount> TopValues);
