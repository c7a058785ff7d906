using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Core.Identity;
using McpFlow.Core.Team;
using McpFlow.Core.Workspace;
using Npgsql;
using NpgsqlTypes;

namespace McpFlow.Core.Storage.Catalogue;

/// <summary>
/// Team mode's table catalogue (issue 16): every McpFlow process (server or worker) has its own DuckDB file
/// (<see cref="LocalDatabaseFolder"/>), and the tables themselves are shared through PostgreSQL
/// (<c>mcpflow_tables</c>: per name its current version, columns, row count, metadata, who published it and when) and an
/// immutable Parquet snapshot per version on the shared workspace folder (<see cref="TableSnapshots"/>). A writer takes
/// the table's advisory lock (<see cref="BeginWrite"/>), brings its copy to the latest version, writes, and publishes
/// the next version (<see cref="TableWrite.Publish"/>), so two processes writing one name queue up and neither loses the
/// other's change. Every connection <see cref="DuckDbGateway"/> hands out is first brought up to date
/// (<see cref="Refresh"/>): versions published elsewhere are materialised from their snapshot after the hash is checked.
/// In single-user mode (<see cref="Enabled"/> false) nothing here runs.
/// </summary>
public sealed class SharedTableCatalogue : IDisposable
{
    /// <summary>First key of the table locks (<c>pg_advisory_lock(int, int)</c>, the second being the hashtext of the
    /// lower-cased name): the bytes of "mcft" (McpFlow table).</summary>
    public const int TableLockSpace = 0x6D636674;

    /// <summary>Longest wait for a table another process writes (seconds): loads stop at the load time limit (300 s by
    /// default, <c>--load-timeout</c>), so a longer wait means a stuck writer, reported instead of waited for.</summary>
    public const int TableLockWaitSeconds = 330;

    private const string LockSql = "SELECT pg_advisory_lock(@space, hashtext(@key))";
    private const string UnlockSql = "SELECT pg_advisory_unlock(@space, hashtext(@key))";
    private const string VersionsSql = "SELECT name_key, version FROM mcpflow_tables";
    private const string EntrySql = "SELECT name, version, columns, row_count, sha256, metadata, operation, changed_by, changed_at, dropped FROM mcpflow_tables";
    private const string UpsertSql =
        "INSERT INTO mcpflow_tables (name_key, name, version, columns, row_count, sha256, metadata, operation, changed_by, changed_at, dropped) " +
        "VALUES (@key, @name, @version, @columns, @rows, @sha, @metadata, @operation, @by, @at, @dropped) " +
        "ON CONFLICT (name_key) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version, columns = EXCLUDED.columns, " +
        "row_count = EXCLUDED.row_count, sha256 = EXCLUDED.sha256, metadata = EXCLUDED.metadata, operation = EXCLUDED.operation, " +
        "changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at, dropped = EXCLUDED.dropped WHERE mcpflow_tables.version = @previous";
    private const string ForgetSuggestionsSql = "DELETE FROM mcpflow_transform_suggestions WHERE name_key = @key";
    private const string EmptySha = "0000000000000000000000000000000000000000000000000000000000000000";

    private readonly TeamDatabase _database;
    private readonly McpFlowWorkspace _workspace;
    private readonly ITableMetadata _metadata;
    private readonly TimeProvider _time;
    private readonly Lock _sync = new();
    private readonly Dictionary<string, long> _local = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Version, McpFlowException Problem)> _problems = new(StringComparer.Ordinal);

    /// <summary>Creates the catalogue; in team mode it also names this process's local DuckDB folder.</summary>
    public SharedTableCatalogue(TeamDatabase database, McpFlowWorkspace workspace, ITableMetadata metadata, TimeProvider time)
    {
        _database = database;
        _workspace = workspace;
        _metadata = metadata;
        _time = time;
        LocalFolder = database.Enabled ? new LocalDatabaseFolder() : null;
    }

    /// <summary>True in team mode (a team database is configured).</summary>
    public bool Enabled => _database.Enabled;

    /// <summary>This process's local DuckDB folder in team mode; null otherwise.</summary>
    public LocalDatabaseFolder? LocalFolder { get; }

    private string SnapshotFolder => _workspace.Folder(TableSnapshots.Folder);

    /// <summary>Brings <paramref name="connection"/>'s database to the catalogue: versions published by other processes
    /// are materialised from their snapshots, dropped tables dropped. A snapshot that is missing or fails its hash is not
    /// loaded: the table's stale copy is dropped and the problem kept for <see cref="ThrowIfUnreadable"/>, so the other
    /// tables stay usable. One query when nothing changed.</summary>
    public void Refresh(DuckDBConnection connection, CancellationToken cancellationToken = default)
    {
        if (!Enabled)
            return;
        using var pg = _database.Open();
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var command = Command(pg, VersionsSql))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                versions[reader.GetString(0)] = reader.GetInt64(1);
        }

        lock (_sync)
        {
            foreach (var (key, version) in versions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_local.GetValueOrDefault(key) == version || (_problems.TryGetValue(key, out var p) && p.Version == version))
                    continue;
                // Read again under the lock: this process may have published a newer version meanwhile.
                if (Read(pg, key) is { } entry && _local.GetValueOrDefault(key) != entry.Version)
                    TryBringLocal(connection, key, entry);
            }
        }
    }

    /// <summary>Makes <paramref name="table"/> local in <paramref name="connection"/>'s database at its current catalogue
    /// version (the API a worker process calls before it reads a table); throws an actionable error when the catalogue
    /// has no such table or its snapshot is missing or tampered with. Returns null in single-user mode (the table is in
    /// the workspace database).</summary>
    public CatalogueEntry? EnsureLocal(DuckDBConnection connection, string table, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        if (!Enabled)
            return null;
        var key = Key(table);
        using var pg = _database.Open();
        var entry = Read(pg, key);
        if (entry is null || entry.Dropped)
            throw McpFlowException.NotFound($"No table named '{table}' in the team catalogue.", "Call data_list_tables to see the tables, or data_load to load a file.");
        cancellationToken.ThrowIfCancellationRequested();
        lock (_sync)
        {
            if (_local.GetValueOrDefault(key) != entry.Version)
            {
                _problems.Remove(key); // asked for explicitly: try the snapshot again (it may have been restored)
                BringLocal(connection, key, entry);
            }
        }

        return entry;
    }

    /// <summary>Throws the kept problem when <paramref name="table"/>'s current version could not be materialised (its
    /// snapshot is missing or tampered with); does nothing otherwise.</summary>
    public void ThrowIfUnreadable(string table)
    {
        if (!Enabled || string.IsNullOrWhiteSpace(table))
            return;
        lock (_sync)
        {
            if (_problems.TryGetValue(Key(table), out var problem))
                throw new McpFlowException(problem.Problem.Kind, problem.Problem.Message, problem.Problem.Hint);
        }
    }

    /// <summary>The catalogue's tables (dropped ones left out), by name; empty in single-user mode.</summary>
    public IReadOnlyList<CatalogueEntry> List()
    {
        if (!Enabled)
            return [];
        using var pg = _database.Open();
        using var command = Command(pg, EntrySql + " WHERE NOT dropped ORDER BY name_key");
        using var reader = command.ExecuteReader();
        var list = new List<CatalogueEntry>();
        while (reader.Read())
            list.Add(Map(reader));
        return list;
    }

    /// <summary>Starts writing <paramref name="tables"/>: in team mode takes their advisory locks (in name order, so two
    /// writers of overlapping sets cannot deadlock; waits at most <see cref="TableLockWaitSeconds"/>) and brings them to
    /// the latest version, so the write starts from every change published before. Publish through the returned
    /// <see cref="TableWrite"/>; disposing it releases the locks. In single-user mode a no-op.</summary>
    public TableWrite BeginWrite(DuckDBConnection connection, IEnumerable<string> tables, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var keys = tables.Select(Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (!Enabled)
            return new TableWrite(null, null, keys);
        var pg = _database.Open();
        try
        {
            foreach (var key in keys)
                Lock(pg, key, cancellationToken);
            lock (_sync)
            {
                foreach (var key in keys)
                {
                    if (Read(pg, key) is { } entry && _local.GetValueOrDefault(key) != entry.Version)
                    {
                        _problems.Remove(key);
                        if (entry.Dropped)
                            BringLocal(connection, key, entry);
                        else
                            TryBringLocal(connection, key, entry); // a broken snapshot does not stop a load that replaces it
                    }
                }
            }

            return new TableWrite(this, pg, keys);
        }
        catch
        {
            pg.Dispose(); // ends the session, releasing any lock taken
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => LocalFolder?.Dispose();

    internal static string Key(string table) => table.ToLowerInvariant();

    // Publishes the table's rows as the next version; the caller holds the table's lock on pg.
    internal CatalogueEntry Publish(NpgsqlConnection pg, DuckDBConnection connection, string table, string operation, bool replacesContent, CancellationToken cancellationToken)
    {
        var key = Key(table);
        try
        {
            var sha = TableSnapshots.Write(connection, table, SnapshotFolder, cancellationToken);
            var columns = Columns(connection, table);
            var rows = Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM {SqlQuote.Id(table)}"), CultureInfo.InvariantCulture);
            return Upsert(pg, key, new CatalogueEntry(table, 0, columns, rows, sha, _metadata.Capture(connection, table), operation,
                CallerScope.Current.Name, _time.GetUtcNow().UtcDateTime, Dropped: false), replacesContent);
        }
        catch
        {
            // The local copy now differs from every published version: the next refresh replaces it with the catalogue's.
            lock (_sync)
                _local.Remove(key);
            throw;
        }
    }

    // Publishes that the table was dropped; the caller holds the table's lock on pg.
    internal CatalogueEntry? PublishDrop(NpgsqlConnection pg, string table, string operation)
    {
        var key = Key(table);
        if (Read(pg, key) is not { Dropped: false } current)
            return null;
        return Upsert(pg, key, current with
        {
            Columns = [],
            Rows = 0,
            Sha256 = EmptySha,
            Metadata = null,
            Operation = operation,
            ChangedBy = CallerScope.Current.Name,
            ChangedAt = _time.GetUtcNow().UtcDateTime,
            Dropped = true,
        }, replacesContent: true);
    }

    internal static void Unlock(NpgsqlConnection pg, string key)
    {
        using var command = Command(pg, UnlockSql);
        command.Parameters.AddWithValue("space", TableLockSpace);
        command.Parameters.AddWithValue("key", key);
        command.ExecuteNonQuery();
    }

    private CatalogueEntry Upsert(NpgsqlConnection pg, string key, CatalogueEntry entry, bool replacesContent)
    {
        lock (_sync)
        {
            var previous = Read(pg, key)?.Version ?? 0;
            var published = entry with { Version = previous + 1 };
            using var transaction = pg.BeginTransaction();
            using (var command = Command(pg, UpsertSql, transaction))
            {
                command.Parameters.AddWithValue("key", key);
                command.Parameters.AddWithValue("name", published.Name);
                command.Parameters.AddWithValue("version", published.Version);
                command.Parameters.AddWithValue("columns", JsonSerializer.Serialize(published.Columns));
                command.Parameters.AddWithValue("rows", published.Rows);
                command.Parameters.AddWithValue("sha", published.Sha256);
                command.Parameters.AddWithValue("metadata", (object?)published.Metadata ?? DBNull.Value);
                command.Parameters.AddWithValue("operation", published.Operation);
                command.Parameters.AddWithValue("by", published.ChangedBy);
                command.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = published.ChangedAt });
                command.Parameters.AddWithValue("dropped", published.Dropped);
                command.Parameters.AddWithValue("previous", previous);
                if (command.ExecuteNonQuery() != 1)
                    throw McpFlowException.Conflict($"Table '{published.Name}' was changed by another process while this one wrote it; nothing was published.",
                        "Try the call again: it starts from the latest version.");
            }

            if (replacesContent)
            {
                using var forget = Command(pg, ForgetSuggestionsSql, transaction);
                forget.Parameters.AddWithValue("key", key);
                forget.ExecuteNonQuery();
            }

            transaction.Commit();
            _local[key] = published.Version;
            _problems.Remove(key);
            return published;
        }
    }

    // Materialises or drops; a snapshot problem is kept (and the stale copy dropped) instead of thrown. Holds _sync.
    private void TryBringLocal(DuckDBConnection connection, string key, CatalogueEntry entry)
    {
        try
        {
            BringLocal(connection, key, entry);
        }
        catch (McpFlowException ex)
        {
            _problems[key] = (entry.Version, ex);
            Execute(connection, $"DROP TABLE IF EXISTS {SqlQuote.Id(entry.Name)}");
            _local.Remove(key);
        }
    }

    // Holds _sync.
    private void BringLocal(DuckDBConnection connection, string key, CatalogueEntry entry)
    {
        if (entry.Dropped)
        {
            Execute(connection, $"DROP TABLE IF EXISTS {SqlQuote.Id(entry.Name)}");
            _metadata.Restore(connection, entry.Name, null);
            _local[key] = entry.Version;
            return;
        }

        LocalFolder!.Ensure();
        var copy = TableSnapshots.CopyVerified(entry, SnapshotFolder, LocalFolder.StagingFolder);
        try
        {
            Execute(connection, "BEGIN TRANSACTION");
            try
            {
                Execute(connection, $"CREATE OR REPLACE TABLE {SqlQuote.Id(entry.Name)} AS SELECT * FROM read_parquet({SqlQuote.Literal(copy)})");
                _metadata.Restore(connection, entry.Name, entry.Metadata);
                Execute(connection, "COMMIT");
            }
            catch
            {
                Execute(connection, "ROLLBACK");
                throw;
            }
        }
        finally
        {
            File.Delete(copy);
        }

        _local[key] = entry.Version;
        _problems.Remove(key);
    }

    private static void Lock(NpgsqlConnection pg, string key, CancellationToken cancellationToken)
    {
        using var command = Command(pg, LockSql);
        command.CommandTimeout = TableLockWaitSeconds;
        command.Parameters.AddWithValue("space", TableLockSpace);
        command.Parameters.AddWithValue("key", key);
        using var cancel = cancellationToken.Register(command.Cancel);
        try
        {
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (NpgsqlException ex) when (ex.InnerException is TimeoutException || (ex as PostgresException)?.SqlState == PostgresErrorCodes.QueryCanceled)
        {
            throw McpFlowException.Conflict($"Table '{key}' has been written by another McpFlow process for more than {TableLockWaitSeconds} s.",
                "Try again later; if it persists, ask the operator which process holds the table (pg_locks, advisory locks).");
        }
    }

    private static CatalogueEntry? Read(NpgsqlConnection pg, string key)
    {
        using var command = Command(pg, EntrySql + " WHERE name_key = @key");
        command.Parameters.AddWithValue("key", key);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Map(reader) : null;
    }

    private static CatalogueEntry Map(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetInt64(1), JsonSerializer.Deserialize<List<CatalogueColumn>>(r.GetString(2)) ?? [], r.GetInt64(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.GetString(7), DateTime.SpecifyKind(r.GetDateTime(8), DateTimeKind.Utc), r.GetBoolean(9));

    private static List<CatalogueColumn> Columns(DuckDBConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ? ORDER BY column_index";
        command.Parameters.Add(new DuckDBParameter(table));
        using var reader = command.ExecuteReader();
        var columns = new List<CatalogueColumn>();
        while (reader.Read())
            columns.Add(new CatalogueColumn(reader.GetString(0), reader.GetString(1)));
        return columns;
    }

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        command.CommandText = sql;
        return command;
    }
}
