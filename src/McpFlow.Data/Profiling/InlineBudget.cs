using McpFlow.Data.Storage;

namespace McpFlow.Data.Profiling;

/// <summary>
/// Whether profiling a table (for <c>analyze_dataframe</c> or <c>generate_eda_report</c>) fits within one tool call or
/// runs as a background job with progress. Clients cut a call at about 60 s; the budget keeps inline work well under it.
/// </summary>
public static class InlineBudget
{
    /// <summary>Tables up to this many rows are profiled within the call (about 2-4 s on 2 cores); larger ones as a job.</summary>
    public const long Rows = 2_000_000;

    /// <summary>Tables with this many profiled columns or more (wide tables) are profiled as a job with progress: each column
    /// costs a few queries, and a 2,000-column table took over 50 s within a call on the loaded 2-core machine (red-team
    /// suite, issue 11).</summary>
    public const int Columns = 100;

    /// <summary>True when the table (or the named subset of its columns) can be profiled within the call.</summary>
    public static bool Fits(DataDatabase database, string table, IReadOnlyCollection<string>? columns)
    {
        using var connection = database.Open();
        var resolved = database.Resolve(connection, table);
        var profiled = columns is { Count: > 0 } ? columns.Count : TableCatalog.Columns(connection, resolved).Count;
        return profiled < Columns && TableCatalog.CountRows(connection, resolved) <= Rows;
    }
}
