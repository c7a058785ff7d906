using McpFlow.Core.Storage;
using System.Text.Json;
using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Loading;

/// <summary>
/// Loads files into workspace tables. Each load goes into a staging table first and replaces the target in one
/// transaction, so a failed load never damages an existing table. Loading the same file again with the same
/// options is skipped when the file has not changed (size and modification time), and refreshes it otherwise.
/// </summary>
public sealed class TableLoader(DataDatabase database, FileAccessGuard guard, TimeProvider time)
{
    /// <summary>Rows shown as a sample after a load.</summary>
    public const int SampleRows = 5;

    /// <summary>Loads <paramref name="path"/> (file or glob) into <paramref name="table"/> (default: from the file name).</summary>
    public LoadResult Load(string path, string? table, LoadOptions options, bool force, CancellationToken cancellationToken)
    {
        var source = SourceFiles.Find(guard, path);
        var format = FileFormats.Resolve(options.Format, source.Files[0]);
        var name = SqlText.ValidateTableName(table ?? SqlText.TableNameFromFile(source.Files[0]));
        var optionsJson = JsonSerializer.Serialize(options with { Format = format.ToString().ToLowerInvariant() });
        using var connection = database.Open();
        var existing = TableCatalog.Sources(connection).FirstOrDefault(s => string.Equals(s.Key, name, StringComparison.OrdinalIgnoreCase));
        var exists = ExistingName(connection, name) is not null;
        if (!force && exists && existing.Value is { } previous && previous.Path == source.Pattern && previous.Options == optionsJson
            && previous.FileSize == source.TotalSize && Math.Abs((previous.FileModified - source.LastModified).TotalMilliseconds) < 1)
            return Result(connection, existing.Key, "unchanged", format, source, previous.Detected);

        var staging = "mcpflow_staging_" + Guid.NewGuid().ToString("N")[..12];
        IReadOnlyDictionary<string, string> detected;
        try
        {
            detected = LoaderFor(format).Load(connection, staging, source, options, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            DataDatabase.Execute(connection, "BEGIN TRANSACTION");
            var old = ExistingName(connection, name);
            if (old is not null)
                DataDatabase.Execute(connection, $"DROP TABLE {SqlQuote.Id(old)}");
            DataDatabase.Execute(connection, $"ALTER TABLE {SqlQuote.Id(staging)} RENAME TO {SqlQuote.Id(name)}");
            TableCatalog.RecordSource(connection, name, new TableSource(source.Pattern, format.ToString().ToLowerInvariant(), optionsJson,
                source.TotalSize, source.LastModified, time.GetUtcNow().UtcDateTime, detected));
            TableCatalog.ClearLineage(connection, name);
            DataDatabase.Execute(connection, "COMMIT");
            return Result(connection, name, exists ? "refreshed" : "created", format, source, detected);
        }
        catch
        {
            TryExecute(connection, "ROLLBACK");
            TryExecute(connection, $"DROP TABLE IF EXISTS {SqlQuote.Id(staging)}");
            throw;
        }
    }

    private static LoadResult Result(DuckDBConnection connection, string name, string status, FileFormat format, SourceFiles source, IReadOnlyDictionary<string, string> detected)
    {
        var columns = TableCatalog.Columns(connection, name);
        var rows = TableCatalog.CountRows(connection, name);
        var sample = DataDatabase.Rows(connection, $"SELECT * FROM {SqlQuote.Id(name)} LIMIT {SampleRows}", r =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < r.FieldCount; i++)
                row[r.GetName(i)] = r.IsDBNull(i) ? null : CellValues.ToJson(r.GetValue(i));
            return row;
        });
        var warnings = new List<string>();
        if (rows == 0)
            warnings.Add("The table has no rows (the file holds a header only).");
        if (rows > 0 && columns.Count > 0)
        {
            var nullCounts = string.Join(", ", columns.Select(c => $"count({SqlQuote.Id(c.Name)})"));
            var counts = DataDatabase.Rows(connection, $"SELECT {nullCounts} FROM {SqlQuote.Id(name)}", r => Enumerable.Range(0, r.FieldCount).Select(i => r.GetInt64(i)).ToList())[0];
            warnings.AddRange(columns.Where((c, i) => counts[i] == 0).Select(c => $"Column '{c.Name}' is entirely empty (all NULL)."));
        }

        return new LoadResult(name, status, format.ToString().ToLowerInvariant(), source.Pattern, source.Files.Count, rows, columns, detected, sample, warnings);
    }

    private static string? ExistingName(DuckDBConnection connection, string name) =>
        DataDatabase.Rows(connection,
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND lower(table_name) = lower(?)",
            r => r.GetString(0), name).FirstOrDefault();

    private static IFormatLoader LoaderFor(FileFormat format) => format switch
    {
        FileFormat.Csv => new DelimitedLoader(tab: false),
        FileFormat.Tsv => new DelimitedLoader(tab: true),
        FileFormat.Parquet or FileFormat.Json => new DuckDbReaderLoader(format),
        FileFormat.Excel => new ExcelLoader(),
        FileFormat.Sqlite => new SqliteLoader(),
        FileFormat.Duckdb => new DuckDbFileLoader(),
        _ => throw McpFlowException.Invalid($"Format {format} is not supported."),
    };

    private static void TryExecute(DuckDBConnection connection, string sql)
    {
        try
        {
            DataDatabase.Execute(connection, sql);
        }
        catch (DuckDBException)
        {
            // Nothing to roll back or drop.
        }
    }
}
