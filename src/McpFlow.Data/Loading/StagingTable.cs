using DuckDB.NET.Data;
using McpFlow.Core.Storage;
using McpFlow.Data.Storage;
using McpFlow.Data.Transformations;

namespace McpFlow.Data.Loading;

/// <summary>
/// A load's staging table and its swap into place: rows go into a fresh staging table first, which replaces the target
/// (matched case-insensitively, as DuckDB names are) in one transaction with the table's recorded source, its lineage
/// cleared and its old suggestions forgotten; a failed load discards the staging table and leaves the target as it was.
/// Used by file loads (<see cref="TableLoader"/>) and database-source loads (<c>SourceLoader</c>).
/// </summary>
internal static class StagingTable
{
    /// <summary>A new staging table name.</summary>
    public static string NewName() => "mcpflow_staging_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The workspace table named <paramref name="name"/> in any case, or null.</summary>
    public static string? ExistingName(DuckDBConnection connection, string name) =>
        DataDatabase.Rows(connection,
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND lower(table_name) = lower(?)",
            r => r.GetString(0), name).FirstOrDefault();

    /// <summary>Replaces <paramref name="name"/> with <paramref name="staging"/> in one transaction and records its source;
    /// returns the name of the table replaced, or null when there was none. In team mode under the table's lock, and
    /// published to the team catalogue as its next version (<paramref name="operation"/> names the tool).</summary>
    public static string? Publish(DataDatabase database, DuckDBConnection connection, string staging, string name, TableSource source, string operation)
    {
        using var write = database.BeginWrite(connection, [name]);
        var old = Swap(connection, staging, name, source);
        // Not cancellable from here: the local table is replaced, so the catalogue must hear of it.
        write.Publish(connection, name, operation, replacesContent: true, CancellationToken.None);
        return old;
    }

    private static string? Swap(DuckDBConnection connection, string staging, string name, TableSource source)
    {
        DataDatabase.Execute(connection, "BEGIN TRANSACTION");
        var old = ExistingName(connection, name);
        if (old is not null)
            DataDatabase.Execute(connection, $"DROP TABLE {SqlQuote.Id(old)}");
        DataDatabase.Execute(connection, $"ALTER TABLE {SqlQuote.Id(staging)} RENAME TO {SqlQuote.Id(name)}");
        TableCatalog.RecordSource(connection, name, source);
        TableCatalog.ClearLineage(connection, name);
        SuggestionStore.Forget(connection, name);
        DataDatabase.Execute(connection, "COMMIT");
        return old;
    }

    /// <summary>Rolls back an open swap and drops the staging table, whichever of them exists. Runs after any interrupt has
    /// been withdrawn (statements here are not watched), so the clean-up itself is never cut short.</summary>
    public static void Discard(DuckDBConnection connection, string staging)
    {
        TryExecute(connection, "ROLLBACK");
        TryExecute(connection, $"DROP TABLE IF EXISTS {SqlQuote.Id(staging)}");
    }

    private static void TryExecute(DuckDBConnection connection, string sql)
    {
        try
        {
            DataDatabase.Execute(connection, sql);
        }
        catch (DuckDBException)
        {
            // Nothing to roll back or drop.
        }
    }
}
