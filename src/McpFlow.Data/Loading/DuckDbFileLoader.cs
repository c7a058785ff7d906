using DuckDB.NET.Data;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Storage;
using McpFlow.Data.Query;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Loading;

/// <summary>DuckDB database files: attached read-only, one table (or a view whose stored SQL passes
/// <see cref="StoredSqlCheck"/>) copied, detached again.</summary>
internal sealed class DuckDbFileLoader(SqlGuard guard) : IFormatLoader
{
    public IReadOnlyDictionary<string, string> Load(LoadRequest request)
    {
        var (connection, table, source, options, limits, deadline) = request;
        if (source.Files.Count != 1)
            throw McpFlowException.Invalid("DuckDB loads take one database file, not a glob.");
        var alias = "mcpflow_src_" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            deadline.Execute(connection, $"ATTACH {SqlQuote.Literal(source.Files[0])} AS {alias} (READ_ONLY)");
        }
        catch (DuckDBException ex) when (!deadline.IsStopped)
        {
            throw McpFlowException.Invalid($"'{request.FileName}' could not be attached as a DuckDB database: {SqlGuard.EngineMessage(ex.Message)}",
                "Check that it is a DuckDB file of a compatible version and not open in another process.");
        }

        try
        {
            var objects = Objects(request, alias);
            var chosenName = SourceTableChooser.Choose(objects.Select(o => o.Display).ToList(), options.SourceTable, source.Files[0]);
            var chosen = objects.First(o => o.Display == chosenName);
            StoredSqlCheck.Vet(request, guard, alias, chosen, objects);
            var columns = deadline.Rows(connection,
                "SELECT count(*) FROM duckdb_columns() WHERE database_name = ? AND schema_name = ? AND table_name = ?",
                r => r.GetInt64(0), alias, chosen.Schema, chosen.Name)[0];
            if (columns > limits.MaxColumns)
                throw McpFlowException.Invalid($"'{chosenName}' in '{request.FileName}' has {columns:N0} columns; a load accepts at most {limits.MaxColumns:N0}.",
                    $"Create a view of the columns you need, or ask the operator to raise the limit with {LoadLimits.ColumnsSwitch}.");
            var qualified = $"{alias}.{SqlQuote.Id(chosen.Schema)}.{SqlQuote.Id(chosen.Name)}";
            CheckCellSizes(request, alias, chosen, qualified);
            deadline.Execute(connection, $"CREATE TABLE {SqlQuote.Id(table)} AS SELECT * FROM {qualified}");
            return new Dictionary<string, string>
            {
                ["source_table"] = chosenName + (chosen.IsView ? " (view)" : ""),
                ["reader"] = "DuckDB ATTACH (READ_ONLY)",
            };
        }
        finally
        {
            try
            {
                DataDatabase.Execute(connection, $"DETACH {alias}");
            }
            catch (DuckDBException)
            {
                // The attach did not happen; nothing to detach.
            }
        }
    }

    // Other formats bound a cell while reading; a DuckDB file's table or view is copied by the engine, which does not
    // stop for an interrupt while it copies one chunk of huge values (a view of 100 rows of repeat('x', 10^8) ran 183 s
    // past its interrupt and peaked at 9.9 GB). So the source's text and blob columns are measured first, under the
    // load's deadline (a scan stops for it), and a value over the load's cell limit is refused before anything is copied.
    private static void CheckCellSizes(LoadRequest request, string alias, StoredObject chosen, string qualified)
    {
        var (connection, _, _, _, limits, deadline) = request;
        var sized = deadline.Rows(connection,
            "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = ? AND schema_name = ? AND table_name = ? AND data_type IN ('VARCHAR', 'BLOB')",
            r => (Name: r.GetString(0), Blob: r.GetString(1) == "BLOB"), alias, chosen.Schema, chosen.Name);
        if (sized.Count == 0)
            return;
        var lengths = string.Join(", ", sized.Select(c => $"coalesce(max({(c.Blob ? "octet_length" : "strlen")}({SqlQuote.Id(c.Name)})), 0)"));
        var longest = deadline.Rows(connection, $"SELECT greatest({lengths}, 0) FROM {qualified}",
            r => r.IsDBNull(0) ? 0L : Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture))[0];
        if (longest > limits.MaxCellBytes)
            throw McpFlowException.Invalid(
                $"'{request.FileName}' holds a text or blob value of {longest:N0} bytes in '{ArgumentEcho.Show(chosen.Display)}'; a load accepts at most {limits.MaxCellBytes:N0} per value.",
                $"Load a view that leaves the long column out or shortens it, or ask the operator to raise the limit with {LoadLimits.CellBytesSwitch}.");
    }

    private static void CheckCellSizes(LoadRequest request)
    {
        var (connection, table, _, _, limits, deadline) = request;
        var sized = TableCatalog.Columns(connection, table).Where(c => c.Type is "VARCHAR" or "BLOB").ToList();
        if (sized.Count == 0)
            return;
        var longest = deadline.Rows(connection,
            $"SELECT greatest({string.Join(", ", sized.Select(c => $"coalesce(max({(c.Type == "BLOB" ? "octet_length" : "strlen")}({SqlQuote.Id(c.Name)})), 0)"))}) FROM {SqlQuote.Id(table)}",
            r => r.IsDBNull(0) ? 0L : Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture))[0];
        if (longest > limits.MaxCellBytes)
            throw McpFlowException.Invalid(
                $"'{request.FileName}' holds a text or blob value of {longest:N0} bytes; a load accepts at most {limits.MaxCellBytes:N0} per value.",
                $"Load a view that leaves the long column out or shortens it, or ask the operator to raise the limit with {LoadLimits.CellBytesSwitch}.");
    }

    private static List<StoredObject> Objects(LoadRequest request, string alias)
    {
        var tables = request.Deadline.Rows(request.Connection,
            "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = ? ORDER BY 1, 2",
            r => new StoredObject(r.GetString(0), r.GetString(1), false, null), alias);
        var views = request.Deadline.Rows(request.Connection,
            "SELECT schema_name, view_name, sql FROM duckdb_views() WHERE database_name = ? AND NOT internal ORDER BY 1, 2",
            r => new StoredObject(r.GetString(0), r.GetString(1), true, r.IsDBNull(2) ? null : r.GetString(2)), alias);
        return [.. tables, .. views];
    }
}
