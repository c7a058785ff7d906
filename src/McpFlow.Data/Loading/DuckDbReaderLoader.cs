using McpFlow.Core.Storage;
using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Loading;

/// <summary>Parquet and JSON/NDJSON through DuckDB's own readers (<c>read_parquet</c>, <c>read_json</c>).</summary>
internal sealed class DuckDbReaderLoader(FileFormat format) : IFormatLoader
{
    public IReadOnlyDictionary<string, string> Load(DuckDBConnection connection, string table, SourceFiles source, LoadOptions options, CancellationToken cancellationToken)
    {
        if (source.Files.All(f => new FileInfo(f).Length == 0))
            throw McpFlowException.Invalid($"'{Path.GetFileName(source.Files[0])}' is empty.", "Load a non-empty file.");
        var call = format == FileFormat.Parquet
            ? $"read_parquet({source.SqlArgument}, union_by_name = true)"
            : $"read_json({source.SqlArgument}, format = 'auto', union_by_name = true" + (options.IgnoreErrors ? ", ignore_errors = true)" : ")");
        try
        {
            DataDatabase.Execute(connection, $"CREATE TABLE {SqlQuote.Id(table)} AS SELECT * FROM {call}");
        }
        catch (DuckDBException ex)
        {
            throw McpFlowException.Invalid(
                $"DuckDB could not read '{Path.GetFileName(source.Files[0])}' as {format.ToString().ToLowerInvariant()}: {ex.Message.Split('\n')[0]}",
                format == FileFormat.Json ? "JSON must be an array of objects or one object per line (NDJSON); ignore_errors=true skips bad lines." : "Check that the file is a valid Parquet file.");
        }

        return new Dictionary<string, string> { ["reader"] = format == FileFormat.Parquet ? "read_parquet" : "read_json (array or newline-delimited, auto-detected)" };
    }
}
