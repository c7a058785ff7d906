using McpFlow.Data.Storage;

namespace McpFlow.Data.Query;

/// <summary>One page of a query result.</summary>
/// <param name="Kind"><c>select</c> or <c>write</c>.</param>
/// <param name="Columns">Result columns.</param>
/// <param name="Rows">Rows of this page (values JSON-friendly).</param>
/// <param name="Offset">Index of the first row of this page.</param>
/// <param name="Truncated">True when more rows exist after this page (found by fetching one row more than the page).</param>
/// <param name="TruncatedBy"><c>rows</c> (row cap), <c>characters</c> (character cap) or null.</param>
/// <param name="NextOffset">Offset of the next page when truncated; pass it back as <c>offset</c>.</param>
/// <param name="RowsAffected">Rows changed by a write statement.</param>
/// <param name="ElapsedMs">Execution time.</param>
/// <param name="Text">The page rendered in the requested format.</param>
public sealed record QueryResult(string Kind, IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, long Offset,
    bool Truncated, string? TruncatedBy, long? NextOffset, long? RowsAffected, double ElapsedMs, [property: System.Text.Json.Serialization.JsonIgnore] string Text);
