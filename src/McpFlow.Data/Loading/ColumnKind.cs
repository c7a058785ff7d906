namespace McpFlow.Data.Loading;

/// <summary>Column types inferred for values read by .NET readers (Excel, SQLite).</summary>
internal enum ColumnKind
{
    Boolean,
    Integer,
    Double,
    Timestamp,
    Text,
}
