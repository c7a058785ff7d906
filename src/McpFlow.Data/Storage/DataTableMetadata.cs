using System.Text.Json;
using DuckDB.NET.Data;
using McpFlow.Core.Storage.Catalogue;

namespace McpFlow.Data.Storage;

/// <summary>
/// The data group's metadata of a table, carried with each version in the team catalogue: its recorded source (file or
/// database read, options, detected formats; <c>data_load</c>'s "unchanged" check and the missing markers rely on it)
/// and its own lineage entries (a derived table's parents carry theirs).
/// </summary>
public sealed class DataTableMetadata : ITableMetadata
{
    /// <inheritdoc />
    public string? Capture(DuckDBConnection connection, string table)
    {
        DataDatabase.EnsureMetaSchema(connection);
        var source = TableCatalog.Sources(connection).GetValueOrDefault(table);
        var lineage = DataDatabase.Rows(connection,
            $"SELECT table_name, column_name, parent_table, operation, spec, created_at FROM {DataDatabase.MetaSchema}.lineage WHERE table_name = ? ORDER BY created_at",
            r => new LineageEntry(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetDateTime(5)), table);
        return source is null && lineage.Count == 0 ? null : JsonSerializer.Serialize(new Carried(source, lineage));
    }

    /// <inheritdoc />
    public void Restore(DuckDBConnection connection, string table, string? metadata)
    {
        DataDatabase.EnsureMetaSchema(connection);
        DataDatabase.Rows(connection, $"DELETE FROM {DataDatabase.MetaSchema}.sources WHERE lower(table_name) = lower(?) RETURNING 1", _ => 0, table);
        DataDatabase.Rows(connection, $"DELETE FROM {DataDatabase.MetaSchema}.lineage WHERE lower(table_name) = lower(?) RETURNING 1", _ => 0, table);
        var carried = metadata is null ? null : JsonSerializer.Deserialize<Carried>(metadata);
        if (carried?.Source is { } source)
            TableCatalog.RecordSource(connection, table, source);
        foreach (var entry in carried?.Lineage ?? [])
            TableCatalog.RecordLineage(connection, entry with { Table = table });
    }

    private sealed record Carried(TableSource? Source, List<LineageEntry> Lineage);
}
