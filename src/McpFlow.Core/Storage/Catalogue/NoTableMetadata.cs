using DuckDB.NET.Data;

namespace McpFlow.Core.Storage.Catalogue;

/// <summary>The <see cref="ITableMetadata"/> Core registers when no group keeps table metadata: tables travel with their
/// rows and nothing else.</summary>
public sealed class NoTableMetadata : ITableMetadata
{
    /// <inheritdoc />
    public string? Capture(DuckDBConnection connection, string table) => null;

    /// <inheritdoc />
    public void Restore(DuckDBConnection connection, string table, string? metadata)
    {
    }
}
