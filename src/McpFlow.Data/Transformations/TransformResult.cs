namespace McpFlow.Data.Transformations;

/// <summary>The outcome of applying a transformation.</summary>
/// <param name="Table">Table holding the result (the same table for a new column, a new versioned table otherwise).</param>
/// <param name="Column">New column (column operations).</param>
/// <param name="ParentTable">Source table.</param>
/// <param name="Spec">What was applied.</param>
/// <param name="Before">Source column statistics.</param>
/// <param name="After">Result column statistics.</param>
/// <param name="Preview">First rows of source and result columns.</param>
/// <param name="Charts">Saved before/after histogram PNGs.</param>
public sealed record TransformResult(string Table, string? Column, string ParentTable, TransformSpec Spec, ColumnSnapshot Before, ColumnSnapshot After,
    IReadOnlyList<Dictionary<string, object?>> Preview, IReadOnlyList<string> Charts)
{
    /// <summary>What was decided or computed on the server (parameters, number and date conventions) and what was lost.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Rows where the new column is NULL although the source had a value (values that could not be converted).</summary>
    public long NewNulls { get; init; }
}
