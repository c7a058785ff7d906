namespace McpFlow.Data.Sources;

/// <summary>One column of a source read and what it becomes in the workspace.</summary>
/// <param name="Name">Workspace column name (unique).</param>
/// <param name="SourceType">Type in the source database, e.g. <c>numeric(12,2)</c>.</param>
/// <param name="WorkspaceType">DuckDB type, e.g. <c>DECIMAL(12,2)</c>.</param>
/// <param name="Note">Why the mapping loses something, when it does (e.g. read as text).</param>
public sealed record SourceColumn(string Name, string SourceType, string WorkspaceType, string? Note)
{
    /// <summary>How values are read and appended.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ValueKind Kind { get; init; } = ValueKind.Text;

    /// <summary>True when the source casts the value to text before sending it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool CastToText { get; init; }

    /// <summary>What happens to a value <see cref="ISourceReader.Append"/> replaces, e.g. "zero dates read as NULL"; the
    /// answer states how many were.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Replaced { get; init; }

    /// <summary>True when the source casts the value to double precision before sending it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool CastToDouble { get; init; }
}
