using McpFlow.Core.Errors;
using Npgsql;
using NpgsqlTypes;

namespace McpFlow.Core.Team;

/// <summary>
/// Applies numbered schema migrations to a PostgreSQL database, recording each in <c>mcpflow_schema_migrations</c>
/// (version, name, checksum, applied_at). Everything happens in one transaction that first takes a transaction-level
/// advisory lock (<see cref="LockKey"/>), so processes starting together apply each script once: the second waits, then
/// finds the scripts applied. Refuses, changing nothing, when an applied script's name or checksum differs from this
/// McpFlow's (a script was edited after it ran) or when the database holds a version this McpFlow does not know (a newer
/// McpFlow migrated it).
/// </summary>
public static class SchemaMigrator
{
    /// <summary>Name of the table recording applied migrations.</summary>
    public const string Table = "mcpflow_schema_migrations";

    /// <summary>Key of the advisory lock serialising migrations: the bytes of "mcpflow" read as a number.</summary>
    public const long LockKey = 0x006D6370666C6F77;

    private const string LockSql = "SELECT pg_advisory_xact_lock(@key)";
    private const string CreateSql =
        "CREATE TABLE IF NOT EXISTS mcpflow_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, " +
        "checksum text NOT NULL, applied_at timestamptz NOT NULL)";
    private const string AppliedSql = "SELECT version, name, checksum FROM mcpflow_schema_migrations ORDER BY version";
    private const string RecordSql = "INSERT INTO mcpflow_schema_migrations (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @at)";

    /// <summary>Applies the migrations <paramref name="db"/> lacks, in order, in one transaction.</summary>
    /// <param name="db">The database.</param>
    /// <param name="migrations">All migrations this McpFlow knows, numbered 1..n (<see cref="SchemaMigrations"/>).</param>
    /// <param name="time">Clock for <c>applied_at</c>.</param>
    /// <param name="cancellationToken">Cancels the wait for the lock and the scripts (the transaction rolls back).</param>
    public static MigrationResult Apply(NpgsqlDataSource db, IReadOnlyList<SchemaMigration> migrations, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(time);
        using var connection = db.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var command = new NpgsqlCommand { Connection = connection, Transaction = transaction })
        {
            command.CommandText = LockSql;
            command.Parameters.AddWithValue("key", LockKey);
            using var cancel = cancellationToken.Register(command.Cancel); // another process may hold the lock for a while
            command.ExecuteNonQuery();
            cancellationToken.ThrowIfCancellationRequested();
        }

        Execute(connection, transaction, CreateSql, cancellationToken);
        var applied = Applied(connection, transaction, cancellationToken);
        Check(applied, migrations);
        var done = new List<int>();
        foreach (var migration in migrations.Where(m => !applied.ContainsKey(m.Version)).OrderBy(m => m.Version))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Execute(connection, transaction, migration.Sql, cancellationToken);
            using var record = new NpgsqlCommand { Connection = connection, Transaction = transaction };
            record.CommandText = RecordSql;
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            record.Parameters.AddWithValue("checksum", migration.Checksum);
            record.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = time.GetUtcNow().UtcDateTime });
            record.ExecuteNonQuery();
            done.Add(migration.Version);
        }

        transaction.Commit();
        return new MigrationResult(applied.Keys.Concat(done).DefaultIfEmpty(0).Max(), done);
    }

    // Refuses a database migrated by a newer McpFlow, or one whose applied scripts differ from ours.
    private static void Check(IReadOnlyDictionary<int, (string Name, string Checksum)> applied, IReadOnlyList<SchemaMigration> migrations)
    {
        var known = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version);
        if (applied.Count > 0 && applied.Keys.Max() is var newest && newest > known)
            throw new McpFlowException(ErrorKind.Conflict,
                $"The team database's schema is at version {newest} ({applied[newest].Name}), newer than this McpFlow knows (version {known}): a newer McpFlow migrated it. McpFlow did not start, so it changes nothing it does not understand.",
                "Run the McpFlow version that every process sharing this database uses (the newest), or point MCPFLOW_TEAM_DATABASE at another database.");
        foreach (var migration in migrations)
        {
            if (!applied.TryGetValue(migration.Version, out var row))
                continue;
            if (row.Name != migration.Name || row.Checksum != migration.Checksum)
                throw new McpFlowException(ErrorKind.Conflict,
                    $"The team database's migration {migration.Version} was applied as '{row.Name}' with checksum {Short(row.Checksum)}, but this McpFlow's migration {migration.Version} is '{migration.Name}' with checksum {Short(migration.Checksum)}: the script changed after it was applied. McpFlow did not start.",
                    $"Run the McpFlow version that applied it, or restore the script; never edit an applied migration (add a new one). The applied scripts are listed in {Table}.");
        }
    }

    private static Dictionary<int, (string Name, string Checksum)> Applied(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        command.CommandText = AppliedSql;
        using var reader = command.ExecuteReader();
        var applied = new Dictionary<int, (string, string)>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return applied;
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Short(string checksum) => checksum.Length > 12 ? checksum[..12] + "…" : checksum;
}
