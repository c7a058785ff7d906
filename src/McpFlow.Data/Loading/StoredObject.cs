namespace McpFlow.Data.Loading;

/// <summary>A table or view of an attached DuckDB file.</summary>
/// <param name="Schema">Its schema.</param>
/// <param name="Name">Its name.</param>
/// <param name="IsView">True for a view.</param>
/// <param name="Sql">For a view, its definition as DuckDB renders it; null for a table.</param>
internal sealed record StoredObject(string Schema, string Name, bool IsView, string? Sql)
{
    /// <summary>The name the client sees and gives as source_table: the bare name in <c>main</c>, else schema.name.</summary>
    public string Display => Schema == "main" ? Name : Schema + "." + Name;
}
