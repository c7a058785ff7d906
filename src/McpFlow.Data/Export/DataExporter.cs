using McpFlow.Core.Storage;
using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Data.Query;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Export;

/// <summary>Exports a table or a read-only query result to CSV, JSON (one object per line) or Parquet with DuckDB's
/// <c>COPY ... TO</c>, to a path inside the allowed roots.</summary>
public sealed class DataExporter(DataDatabase database, FileAccessGuard guard, SqlGuard sqlGuard)
{
    /// <summary>Writes the export.</summary>
    public ExportResult Export(string? table, string? sql, string path, string? format, bool overwrite)
    {
        if (string.IsNullOrWhiteSpace(table) == string.IsNullOrWhiteSpace(sql))
            throw McpFlowException.Invalid("Give exactly one of table or sql.", "E.g. table=\"customers\", or sql=\"SELECT ... FROM customers\".");
        var target = guard.ResolveForWrite(path);
        if (File.Exists(target) && !overwrite)
            throw McpFlowException.Conflict($"'{path}' already exists.", "Pass overwrite=true to replace it, or choose another path.");
        var fmt = (format ?? Path.GetExtension(target).TrimStart('.')).ToLowerInvariant() switch
        {
            "csv" => "csv",
            "json" or "ndjson" or "jsonl" => "json",
            "parquet" or "pq" => "parquet",
            var other => throw McpFlowException.Invalid($"Unknown export format '{other}'.", "Use csv, json or parquet (or a path ending in .csv, .json, .parquet)."),
        };
        using var connection = database.Open();
        string source;
        if (table is not null)
            source = $"SELECT * FROM {SqlQuote.Id(TableCatalog.Resolve(connection, table))}";
        else
        {
            source = sqlGuard.CheckQuery(connection, sql!);
        }

        var options = fmt switch { "csv" => "FORMAT csv, HEADER true", "json" => "FORMAT json", _ => "FORMAT parquet" };
        long rows;
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY ({source}) TO {SqlQuote.Literal(target)} ({options})";
            rows = command.ExecuteNonQuery();
        }
        catch (DuckDBException ex)
        {
            throw McpFlowException.Invalid($"The export failed: {SqlGuard.EngineMessage(ex.Message)}", "Check the query and that the folder is writable.");
        }

        return new ExportResult(target, fmt, rows, new FileInfo(target).Length);
    }
}
