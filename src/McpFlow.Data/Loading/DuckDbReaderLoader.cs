using DuckDB.NET.Data;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Storage;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Loading;

/// <summary>Parquet and JSON/NDJSON through DuckDB's own readers (<c>read_parquet</c>, <c>read_json</c>). JSON files are
/// scanned for their nesting depth (<see cref="JsonNesting"/>) and Parquet schemas checked (<see cref="ParquetSchemaCheck"/>)
/// before DuckDB reads the data.</summary>
internal sealed class DuckDbReaderLoader(FileFormat format) : IFormatLoader
{
    public IReadOnlyDictionary<string, string> Load(LoadRequest request)
    {
        var (connection, table, source, options, limits, deadline) = request;
        if (source.Files.All(f => new FileInfo(f).Length == 0))
            throw McpFlowException.Invalid($"'{request.FileName}' is empty.", "Load a non-empty file.");
        if (format == FileFormat.Json)
        {
            foreach (var file in source.Files)
                JsonNesting.Check(file, limits.MaxNestingDepth, deadline.Token);
        }
        else
        {
            try
            {
                ParquetSchemaCheck.Check(request);
            }
            catch (DuckDBException ex) when (!deadline.IsStopped)
            {
                throw NotReadable(request, ex);
            }
        }

        var call = format == FileFormat.Parquet
            ? $"read_parquet({source.SqlArgument}, union_by_name = true)"
            : $"read_json({source.SqlArgument}, format = 'auto', union_by_name = true" + (options.IgnoreErrors ? ", ignore_errors = true)" : ")");
        try
        {
            deadline.Execute(connection, $"CREATE TABLE {SqlQuote.Id(table)} AS SELECT * FROM {call}");
            // DuckDB turns objects of more than 200 keys into one MAP column, but a glob's union of records can still be wide.
            var columns = TableCatalog.Columns(connection, table).Count;
            if (columns > limits.MaxColumns)
                throw McpFlowException.Invalid($"'{request.FileName}' makes a table of {columns:N0} columns; a load accepts at most {limits.MaxColumns:N0}.",
                    $"Load fewer files at once or narrower records, or ask the operator to raise the limit with {LoadLimits.ColumnsSwitch}.");
        }
        catch (DuckDBException ex) when (!deadline.IsStopped)
        {
            throw NotReadable(request, ex);
        }

        return new Dictionary<string, string> { ["reader"] = format == FileFormat.Parquet ? "read_parquet" : "read_json (array or newline-delimited, auto-detected)" };
    }

    private McpFlowException NotReadable(LoadRequest request, DuckDBException ex) =>
        McpFlowException.Invalid(
            $"DuckDB could not read '{request.FileName}' as {format.ToString().ToLowerInvariant()}: {ex.Message.Split('\n')[0]}",
            format == FileFormat.Json ? "JSON must be an array of objects or one object per line (NDJSON); ignore_errors=true skips bad lines." : "Check that the file is a valid Parquet file.");
}
