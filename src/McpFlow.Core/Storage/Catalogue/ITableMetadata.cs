using DuckDB.NET.Data;

namespace McpFlow.Core.Storage.Catalogue;

/// <summary>
/// What a tool group keeps about a table besides its rows (the data group: recorded source and lineage), carried with
/// each catalogue version as opaque JSON: captured from the writing process's database when a version is published, and
/// restored into a reading process's database when it materialises the version. Core's fallback carries nothing.
/// </summary>
public interface ITableMetadata
{
    /// <summary>The JSON to publish with <paramref name="table"/>'s new version, or null for none.</summary>
    string? Capture(DuckDBConnection connection, string table);

    /// <summary>Replaces what <paramref name="connection"/>'s database keeps about <paramref name="table"/> with
    /// <paramref name="metadata"/> (null: nothing is kept; the table was dropped or carries none).</summary>
    void Restore(DuckDBConnection connection, string table, string? metadata);
}
