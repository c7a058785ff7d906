using System.Text.Json;
using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Core.Storage;
using McpFlow.Data.Parsing;

namespace McpFlow.Data.Storage;

/// <summary>Reads and records what the workspace knows about its tables: schema, row counts, sources, lineage.</summary>
public sealed class TableCatalog(DataDatabase database)
{
    /// <summary>Most sample rows returned by <see cref="Describe"/>.</summary>
    public const int MaxSampleRows = 50;

    /// <summary>User tables of the workspace (the <c>main</c> schema), by name.</summary>
    public IReadOnlyList<TableSummary> List(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.Open();
        var tables = DataDatabase.Rows(connection,
            "SELECT table_name, column_count FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary ORDER BY table_name",
            r => (Name: r.GetString(0), Columns: Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
        var sources = Sources(connection);
        var parents = DataDatabase.Rows(connection, $"SELECT DISTINCT table_name, parent_table FROM {DataDatabase.MetaSchema}.lineage WHERE column_name IS NULL",
            r => (r.GetString(0), r.GetString(1))).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        // One count per table: stop between tables when the call is cancelled.
        return tables.Select(t =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new TableSummary(t.Name, CountRows(connection, t.Name), t.Columns, sources.GetValueOrDefault(t.Name)?.Path, parents.GetValueOrDefault(t.Name));
        }).ToList();
    }

    /// <summary>Describes a table; unknown names raise an actionable not-found error.</summary>
    public TableDescription Describe(string table, int sampleRows = 5, CancellationToken cancellationToken = default)
    {
        if (sampleRows is < 0 or > MaxSampleRows)
            throw McpFlowException.Invalid($"sample_rows must be between 0 and {MaxSampleRows}; got {sampleRows}.");
        using var connection = database.Open();
        var name = database.Resolve(connection, table);
        var columns = Columns(connection, name);
        var source = Sources(connection).GetValueOrDefault(name);
        var changed = source is not null && SourceChanged(source);
        var lineage = Lineage(connection, name);
        cancellationToken.ThrowIfCancellationRequested();
        var sample = DataDatabase.Rows(connection, $"SELECT * FROM {SqlQuote.Id(name)} LIMIT {sampleRows}", r =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < r.FieldCount; i++)
                row[r.GetName(i)] = r.IsDBNull(i) ? null : CellValues.ToJson(r.GetValue(i));
            return row;
        });
        cancellationToken.ThrowIfCancellationRequested();
        return new TableDescription(name, CountRows(connection, name), columns, source, changed, lineage, sample);
    }

    /// <summary>The exact stored name of <paramref name="table"/> (case-insensitive match), or a not-found error.</summary>
    public static string Resolve(DuckDBConnection connection, string table)
    {
        if (string.IsNullOrWhiteSpace(table))
            throw McpFlowException.Invalid("table is empty.", "Call data_list_tables to see the workspace tables.");
        var names = DataDatabase.Rows(connection,
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND lower(table_name) = lower(?)",
            r => r.GetString(0), table);
        return names.Count > 0 ? names[0] : throw McpFlowException.NotFound($"No table named '{table}' in the workspace.",
            "Call data_list_tables to see the tables, or data_load to load a file.");
    }

    /// <summary>The table's columns in order.</summary>
    public static List<TableColumn> Columns(DuckDBConnection connection, string table) =>
        DataDatabase.Rows(connection,
            "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ? ORDER BY column_index",
            r => new TableColumn(r.GetString(0), r.GetString(1)), table);

    /// <summary>Row count of a table.</summary>
    public static long CountRows(DuckDBConnection connection, string table) =>
        Convert.ToInt64(DataDatabase.Scalar(connection, $"SELECT count(*) FROM {SqlQuote.Id(table)}"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Records (or replaces) where a table came from.</summary>
    public static void RecordSource(DuckDBConnection connection, string table, TableSource source)
    {
        DataDatabase.Rows(connection, $"DELETE FROM {DataDatabase.MetaSchema}.sources WHERE table_name = ? RETURNING 1", _ => 0, table);
        DataDatabase.Rows(connection, $"INSERT INTO {DataDatabase.MetaSchema}.sources VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING 1", _ => 0,
            table, source.Path, source.Format, source.Options, source.FileSize, source.FileModified, source.LoadedAt,
            JsonSerializer.Serialize(source.Detected));
    }

    /// <summary>Forgets the lineage of a table (when it is reloaded from its file).</summary>
    public static void ClearLineage(DuckDBConnection connection, string table) =>
        DataDatabase.Rows(connection, $"DELETE FROM {DataDatabase.MetaSchema}.lineage WHERE table_name = ? RETURNING 1", _ => 0, table);

    /// <summary>Appends a lineage entry.</summary>
    public static void RecordLineage(DuckDBConnection connection, LineageEntry entry) =>
        DataDatabase.Rows(connection, $"INSERT INTO {DataDatabase.MetaSchema}.lineage VALUES (?, ?, ?, ?, ?, ?) RETURNING 1", _ => 0,
            entry.Table, entry.Column, entry.ParentTable, entry.Operation, entry.Spec, entry.CreatedAt);

    /// <summary>The lineage of a table: its own entries, preceded by its parents' (oldest first).</summary>
    public static List<LineageEntry> Lineage(DuckDBConnection connection, string table)
    {
        var all = new List<LineageEntry>();
        var current = table;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (current is not null && seen.Add(current))
        {
            var entries = DataDatabase.Rows(connection,
                $"SELECT table_name, column_name, parent_table, operation, spec, created_at FROM {DataDatabase.MetaSchema}.lineage WHERE table_name = ? ORDER BY created_at",
                r => new LineageEntry(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetDateTime(5)), current);
            all.InsertRange(0, entries);
            current = entries.FirstOrDefault(e => e.Column is null)?.ParentTable;
        }

        return all;
    }

    /// <summary>Recorded sources by table name.</summary>
    public static Dictionary<string, TableSource> Sources(DuckDBConnection connection) =>
        DataDatabase.Rows(connection,
            $"SELECT table_name, source_path, format, options, file_size, file_modified, loaded_at, detected FROM {DataDatabase.MetaSchema}.sources",
            r => (Name: r.GetString(0), Source: new TableSource(r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetDateTime(5), r.GetDateTime(6),
                JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(7)) ?? [])))
            .ToDictionary(s => s.Name, s => s.Source, StringComparer.Ordinal);

    /// <summary>The missing markers of <paramref name="table"/>: those its file was loaded with (for a derived table, its
    /// root table's file), else the defaults.</summary>
    public static MissingMarkers Markers(DuckDBConnection connection, string table)
    {
        var sources = Sources(connection);
        var root = Lineage(connection, table).FirstOrDefault(e => e.Column is null)?.ParentTable ?? table;
        var source = sources.GetValueOrDefault(table) ?? sources.GetValueOrDefault(root);
        if (source is null)
            return MissingMarkers.Default;
        try
        {
            var options = JsonSerializer.Deserialize<Loading.LoadOptions>(source.Options);
            return MissingMarkers.From(options?.MissingMarkers, "missing_markers");
        }
        catch (Exception ex) when (ex is JsonException or McpFlowException)
        {
            return MissingMarkers.Default;
        }
    }

    private static bool SourceChanged(TableSource source)
    {
        if (source.Path.IndexOfAny(['*', '?', '[']) >= 0)
            return false; // globs are re-listed on reload
        if (source.Path.StartsWith(TableSource.DatabasePrefix, StringComparison.Ordinal))
            return false; // database sources are not watched
        var info = new FileInfo(source.Path);
        return !info.Exists || info.Length != source.FileSize || Truncate(info.LastWriteTimeUtc) != Truncate(source.FileModified);
    }

    private static DateTime Truncate(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
