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
            await using var reader = await SourceReaders.OpenAsync(source, Math.Min(options.Sql.TimeoutSeconds, options.Load.TimeoutSeconds), cancellationToken).ConfigureAwait(false);
            var rows = await reader.CatalogAsync(MaxTables, cancellationToken).ConfigureAwait(false);
            var byTable = rows.Columns.GroupBy(c => (c.Schema, c.Table)).ToDictionary(g => g.Key, g => g.Select(c => c.Text).ToList());
            var listed = rows.Tables.Select(t =>
            {
                var cols = byTable.GetValueOrDefault((t.Schema, t.Name)) ?? [];
                return new SourceTable(t.Schema, t.Name, t.Type, cols.Take(MaxColumnsPerTable).ToList(), Math.Max(0, cols.Count - MaxColumnsPerTable));
            }).ToList();
            return new SourceListing(all, source.Name, listed, (int)(rows.Total - listed.Count));
        }
        catch (Exception ex) when (SourceErrors.Translate(ex, source, options.Sql.TimeoutSeconds) is { } translated)
        {
            throw translated;
        }
    }
}
