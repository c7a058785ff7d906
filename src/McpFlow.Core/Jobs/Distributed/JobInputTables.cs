using McpFlow.Core.Storage;

namespace McpFlow.Core.Jobs.Distributed;

/// <summary>
/// The workspace table a distributable job reads (a model comparison, a tuning, a report). In team mode tables live in
/// the team's catalogue (PostgreSQL plus a Parquet snapshot per version, <see cref="Storage.Catalogue.SharedTableCatalogue"/>):
/// the server notes the table's version in the job's parameters when it enqueues the job, and the worker makes the table
/// local in its own DuckDB file before the job reads it, noting in the job's record when the table changed in between.
/// In single-user mode nothing happens: the job runs in the process that holds the table.
/// </summary>
public static class JobInputTables
{
    /// <summary>The parameter holding the table's catalogue version at enqueue time.</summary>
    public const string VersionParameter = "table_version";

    /// <summary>The catalogue version of <paramref name="table"/> now, or null in single-user mode (or for a table the
    /// catalogue does not list).</summary>
    public static long? Version(DuckDbGateway gateway, string table) =>
        gateway.Catalogue?.List().FirstOrDefault(e => string.Equals(e.Name, table, StringComparison.OrdinalIgnoreCase))?.Version;

    /// <summary>Makes <paramref name="table"/> local in this process at its current catalogue version (an actionable
    /// error when the catalogue has no such table or its snapshot fails its hash); notes in the job's record when the
    /// version is not the one <paramref name="parameters"/> recorded at enqueue time.</summary>
    public static void EnsureLocal(DuckDbGateway gateway, string table, System.Text.Json.Nodes.JsonNode parameters, JobContext context)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(context);
        using var connection = gateway.Open();
        var entry = gateway.Catalogue?.EnsureLocal(connection, table, context.CancellationToken);
        var started = parameters[VersionParameter] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<long>(out var version) ? version : (long?)null;
        if (entry is not null && started is { } s && entry.Version != s)
            context.Note($"Table '{entry.Name}' changed after the job was started (version {s}); the job read version {entry.Version}.");
    }
}
