namespace McpFlow.Data.Storage;

/// <summary>One recorded transformation: what was derived from what.</summary>
/// <param name="Table">The table holding the result.</param>
/// <param name="Column">The derived column, or null when a whole table was derived.</param>
/// <param name="ParentTable">The table it was derived from.</param>
/// <param name="Operation">Transformation name, e.g. <c>log1p</c>.</param>
/// <param name="Spec">The transformation spec as JSON (enough to repeat it).</param>
/// <param name="CreatedAt">When (UTC).</param>
public sealed record LineageEntry(string Table, string? Column, string ParentTable, string Operation, string Spec, DateTime CreatedAt);
