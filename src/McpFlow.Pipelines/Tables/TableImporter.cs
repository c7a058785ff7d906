using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Core.Storage;

namespace McpFlow.Pipelines.Tables;

/// <summary>Loads a CSV or Parquet file into a workspace table with DuckDB when the table does not exist yet
/// (a convenience for generate_pipeline; the data tools offer the full loaders).</summary>
public sealed class TableImporter(DuckDbGateway database, FileAccessGuard guard)
{
    /// <summary>Imports <paramref name="file"/> as <paramref name="table"/>; returns false when the table already existed.</summary>
    public bool ImportIfMissing(string table, string file)
    {
        if (table.Length == 0 || table.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_'))
            throw McpFlowException.Invalid($"Table name '{table}' may only contain letters, digits and underscores when loading a file.");
        var path = guard.ResolveExistingFile(file, "file");
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM information_schema.tables WHERE table_name = {SqlQuote.Literal(table)}";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
            return false;
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var reader = extension switch
        {
            ".csv" or ".tsv" or ".txt" => $"read_csv_auto({SqlQuote.Literal(path)})",
            ".parquet" => $"read_parquet({SqlQuote.Literal(path)})",
            _ => throw McpFlowException.Invalid($"'{file}' is not a CSV or Parquet file.", "Load other formats with the data tools first, then pass the table name."),
        };
        command.CommandText = $"CREATE TABLE {SqlQuote.Id(table)} AS SELECT * FROM {reader}";
        command.ExecuteNonQuery();
        return true;
    }
}
