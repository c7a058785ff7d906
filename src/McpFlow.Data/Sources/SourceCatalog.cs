using McpFlow.Core.Configuration;

namespace McpFlow.Data.Sources;

/// <summary>Lists the configured sources, and the tables and columns one of them lets its role read
/// (information_schema, system schemas left out), capped so the answer fits the result budget.</summary>
public sealed class SourceCatalog(SourceRegistry sources, McpFlowOptions options)
{
    /// <summary>Tables listed at most (names plus up to <see cref="MaxColumnsPerTable"/> columns each stay under the 60,000-character result budget).</summary>
    public const int MaxTables = 200;

    /// <summary>Columns listed per table at most.</summary>
    public const int MaxColumnsPerTable = 40;

    /// <summary>The sources, and the tables of <paramref name="sourceName"/> when given.</summary>
    public async Task<SourceListing> ListAsync(string? sourceName, CancellationToken cancellationToken)
    {
        var all = sources.All.Select(s => s.Info()).ToList();
        if (sourceName is null)
            return new SourceListing(all, null, [], 0);
        var source = sources.Get(sourceName);
        try
        {
            await using var reader = await PostgresReader.OpenAsync(source, Math.Min(options.Sql.TimeoutSeconds, options.Load.TimeoutSeconds), cancellationToken).ConfigureAwait(false);
            var tables = await reader.RowsAsync(
                "SELECT table_schema, table_name, CASE WHEN table_type = 'VIEW' THEN 'view' ELSE 'table' END FROM information_schema.tables " +
                "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_toast%' ORDER BY 1, 2 LIMIT $1",
                r => (Schema: r.GetString(0), Name: r.GetString(1), Type: r.GetString(2)), cancellationToken, MaxTables + 1).ConfigureAwait(false);
            var total = tables.Count > MaxTables
                ? (int)(await reader.RowsAsync("SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_toast%'",
                    r => r.GetInt64(0), cancellationToken).ConfigureAwait(false))[0]
                : tables.Count;
            tables = tables.Take(MaxTables).ToList();
            var columns = await reader.RowsAsync(
                "SELECT table_schema, table_name, column_name, CASE WHEN data_type = 'USER-DEFINED' THEN udt_name WHEN data_type = 'ARRAY' THEN udt_name ELSE data_type END " +
                "FROM information_schema.columns WHERE (table_schema, table_name) IN (SELECT table_schema, table_name FROM information_schema.tables " +
                "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_toast%' ORDER BY 1, 2 LIMIT $1) " +
                "ORDER BY table_schema, table_name, ordinal_position",
                r => (Schema: r.GetString(0), Table: r.GetString(1), Text: r.GetString(2) + " " + r.GetString(3)), cancellationToken, MaxTables).ConfigureAwait(false);
            var byTable = columns.GroupBy(c => (c.Schema, c.Table)).ToDictionary(g => g.Key, g => g.Select(c => c.Text).ToList());
            var listed = tables.Select(t =>
            {
                var cols = byTable.GetValueOrDefault((t.Schema, t.Name)) ?? [];
                return new SourceTable(t.Schema, t.Name, t.Type, cols.Take(MaxColumnsPerTable).ToList(), Math.Max(0, cols.Count - MaxColumnsPerTable));
            }).ToList();
            return new SourceListing(all, source.Name, listed, total - listed.Count);
        }
        catch (Exception ex) when (SourceErrors.Translate(ex, source, options.Sql.TimeoutSeconds) is { } translated)
        {
            throw translated;
        }
    }
}
