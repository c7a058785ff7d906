using McpFlow.Core.Errors;
using McpFlow.Core.Storage;

namespace McpFlow.Pipelines.Tables;

/// <summary>
/// Loads a CSV, TSV or Parquet file into a workspace table when the table does not exist yet (a convenience for
/// generate_pipeline). The load goes through the data group's checked loaders (<see cref="ITableFileLoader"/>: the file
/// guard, the load limits and time limit), never through DuckDB directly; without the data group, Core's
/// <see cref="AbsentTableFileLoader"/> refuses the load.
/// </summary>
public sealed class TableImporter(DuckDbGateway database, ITableFileLoader loader)
{
    /// <summary>Imports <paramref name="file"/> as <paramref name="table"/>; returns false when the table already existed.</summary>
    public bool ImportIfMissing(string table, string file, CancellationToken cancellationToken = default)
    {
        if (table.Length == 0 || table.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_'))
            throw McpFlowException.Invalid($"Table name '{(table.Length <= 100 ? table : table[..100] + "…")}' may only contain letters, digits and underscores when loading a file.");
        using (var connection = database.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND lower(table_name) = lower($1)";
            command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(table));
            if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                return false;
        }

        if (file.AsSpan().IndexOfAny('*', '?', '[') >= 0)
            throw McpFlowException.Invalid("file must name one file, not a pattern.", "Load several files with data_load (it takes globs), then pass the table name.");
        var format = FormatOf(file);
        loader.Load(file, table, format, "file", cancellationToken);
        return true;
    }

    private static string FormatOf(string file)
    {
        var name = file.ToLowerInvariant();
        foreach (var suffix in new[] { ".gz", ".zst" })
            if (name.EndsWith(suffix, StringComparison.Ordinal))
                name = name[..^suffix.Length];
        return Path.GetExtension(name) switch
        {
            ".csv" or ".txt" => "csv",
            ".tsv" => "tsv",
            ".parquet" => "parquet",
            _ => throw McpFlowException.Invalid($"file '{(file.Length <= 200 ? file : file[..200] + "…")}' is not a CSV, TSV or Parquet file.",
                "Load other formats with data_load first, then pass the table name."),
        };
    }
}
