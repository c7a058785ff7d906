using McpFlow.Core.Storage;
using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Loading;

/// <summary>DuckDB database files: attached read-only, one table copied, detached again.</summary>
internal sealed class DuckDbFileLoader : IFormatLoader
{
    public IReadOnlyDictionary<string, string> Load(DuckDBConnection connection, string table, SourceFiles source, LoadOptions options, CancellationToken cancellationToken)
    {
        if (source.Files.Count != 1)
            throw McpFlowException.Invalid("DuckDB loads take one database file, not a glob.");
        var alias = "mcpflow_src_" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            DataDatabase.Execute(connection, $"ATTACH {SqlQuote.Literal(source.Files[0])} AS {alias} (READ_ONLY)");
        }
        catch (DuckDBException ex)
        {
            throw McpFlowException.Invalid($"'{Path.GetFileName(source.Files[0])}' could not be attached as a DuckDB database: {ex.Message.Split('\n')[0]}",
                "Check that it is a DuckDB file of a compatible version and not open in another process.");
        }

        try
        {
            var tables = DataDatabase.Rows(connection,
                "SELECT CASE WHEN schema_name = 'main' THEN table_name ELSE schema_name || '.' || table_name END FROM duckdb_tables() WHERE database_name = ? ORDER BY 1",
                r => r.GetString(0), alias);
            var chosen = SourceTableChooser.Choose(tables, options.SourceTable, source.Files[0]);
            var parts = chosen.Split('.', 2);
            var qualified = parts.Length == 2 ? $"{alias}.{SqlQuote.Id(parts[0])}.{SqlQuote.Id(parts[1])}" : $"{alias}.main.{SqlQuote.Id(chosen)}";
            DataDatabase.Execute(connection, $"CREATE TABLE {SqlQuote.Id(table)} AS SELECT * FROM {qualified}");
            return new Dictionary<string, string> { ["source_table"] = chosen, ["reader"] = "DuckDB ATTACH (READ_ONLY)" };
        }
        finally
        {
            DataDatabase.Execute(connection, $"DETACH {alias}");
        }
    }
}
