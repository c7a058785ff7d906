namespace McpFlow.Data.Storage;

/// <summary>A column of a workspace table.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">DuckDB type, e.g. <c>BIGINT</c>, <c>DOUBLE</c>, <c>VARCHAR</c>.</param>
public sealed record TableColumn(string Name, string Type);
