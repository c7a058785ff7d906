using McpFlow.Core.Errors;
using McpFlow.Data.Query;

namespace McpFlow.Data.Loading;

/// <summary>
/// Decides whether reading a table or view of an attached DuckDB file would run SQL stored in that file, and whether that
/// SQL may run. A plain table runs nothing. A view runs its query and, through it, any other view of the file, and a
/// table's generated columns run their expressions: each of those must pass the same guard as client SQL
/// (<see cref="SqlGuard.CheckQuery"/>: no file access, no SQL from strings, no functions that crash or stall the engine).
/// SQL macros stored in the file are never run: their parameter defaults are not visible to check.
/// </summary>
internal static class StoredSqlCheck
{
    /// <summary>Most stored expressions checked for one load (each check parses once; a file with more is refused).</summary>
    public const int MaxChecked = 1_000;

    /// <summary>Refuses <paramref name="chosen"/> when reading it would run stored SQL the guard refuses.</summary>
    public static void Vet(LoadRequest request, SqlGuard guard, string alias, StoredObject chosen, IReadOnlyList<StoredObject> objects)
    {
        var (connection, _, _, _, _, deadline) = request;
        var columns = deadline.Rows(connection,
            "SELECT schema_name, table_name, column_name, column_default FROM duckdb_columns() WHERE database_name = ? AND column_default IS NOT NULL",
            r => (Schema: r.GetString(0), Table: r.GetString(1), Column: r.GetString(2), Expression: r.GetString(3)), alias);
        if (!chosen.IsView)
            columns = columns.Where(c => c.Schema == chosen.Schema && c.Table == chosen.Name).ToList();
        var views = chosen.IsView ? objects.Where(o => o.IsView).ToList() : [];
        if (columns.Count == 0 && views.Count == 0)
            return;
        var macros = deadline.Rows(connection,
            "SELECT count(*) FROM duckdb_functions() WHERE database_name = ? AND function_type IN ('macro', 'table_macro')",
            r => r.GetInt64(0), alias)[0];
        if (macros > 0)
            throw Refused(request, $"'{Show(chosen.Display)}' would run SQL stored in the file, and the file defines {macros:N0} SQL macro(s), which McpFlow never runs from a data file");
        if (columns.Count + views.Count > MaxChecked)
            throw Refused(request, $"reading '{Show(chosen.Display)}' would run {columns.Count + views.Count:N0} stored views and column expressions, more than the {MaxChecked:N0} McpFlow checks");
        foreach (var view in views)
        {
            var query = ViewText.QueryOf(view.Sql)
                ?? throw Refused(request, $"the definition of view '{Show(view.Display)}' could not be read to check it");
            Check(request, guard, query, $"view '{Show(view.Display)}'");
        }

        foreach (var column in columns)
            Check(request, guard, "SELECT " + column.Expression, $"computed column '{Show(column.Table)}.{Show(column.Column)}'");
    }

    private static void Check(LoadRequest request, SqlGuard guard, string sql, string what)
    {
        try
        {
            guard.CheckQuery(request.Connection, sql, "stored SQL");
        }
        catch (McpFlowException ex)
        {
            throw Refused(request, $"its {what} runs SQL that McpFlow refuses in client queries ({ex.Message})");
        }
    }

    private static McpFlowException Refused(LoadRequest request, string reason) =>
        McpFlowException.Forbidden($"'{request.FileName}' cannot be loaded: {reason}.",
            "Load a plain table of the file (source_table), or export the data from DuckDB as Parquet and load that.");

    private static string Show(string name) => name.Length <= 100 ? name : name[..100] + "…";
}
