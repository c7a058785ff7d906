using System.Globalization;
using McpFlow.Core.Team;
using McpFlow.Workbench.Audit;
using McpFlow.Workbench.Runs;
using Npgsql;

namespace McpFlow.Workbench.Team;

/// <summary>
/// Run records in the team database (<c>mcpflow_run_records</c>: run id, record name, bytes), so every McpFlow process
/// sharing the database sees one review queue. The bytes are exactly what the file store would write; the
/// <see cref="RunStore"/> audits each write and checks each read against the audit chain, so a row edited in the
/// database is reported, not trusted. Outputs stay in the run's folder of the shared workspace.
/// </summary>
public sealed class PostgresRunRecords(TeamDatabase database) : IRunRecordStore
{
    /// <summary>First key of the run locks (<c>pg_advisory_lock(int, int)</c>; the second is the run id's hashtext):
    /// the bytes of "mcfr" (McpFlow run) read as a number, apart from other users of advisory locks.</summary>
    public const int RunLockSpace = 0x6D636672;

    /// <summary>Longest wait for a run another process holds (seconds): a decision or a record write takes milliseconds,
    /// so 30 s means a stuck process, reported instead of waited for.</summary>
    private const int RunLockWaitSeconds = 30;

    private const string LockSql = "SELECT pg_advisory_lock(@space, hashtext(@run))";
    private const string UnlockSql = "SELECT pg_advisory_unlock(@space, hashtext(@run))";
    private const string IdsSql = "SELECT run_id FROM mcpflow_run_records WHERE record = @record ORDER BY run_id DESC";
    private const string ContainsSql = "SELECT EXISTS (SELECT 1 FROM mcpflow_run_records WHERE run_id = @run)";
    private const string HasSql = "SELECT EXISTS (SELECT 1 FROM mcpflow_run_records WHERE run_id = @run AND record = @record)";
    private const string ReadSql = "SELECT body FROM mcpflow_run_records WHERE run_id = @run AND record = @record";
    private const string WriteSql =
        "INSERT INTO mcpflow_run_records (run_id, record, body) VALUES (@run, @record, @body) " +
        "ON CONFLICT (run_id, record) DO UPDATE SET body = EXCLUDED.body";
    private const string CopySql =
        "INSERT INTO mcpflow_run_records (run_id, record, body) SELECT run_id, @target, body FROM mcpflow_run_records " +
        "WHERE run_id = @run AND record = @record ON CONFLICT (run_id, record) DO UPDATE SET body = EXCLUDED.body";
    private const string ReadManySql = "SELECT run_id, record, body FROM mcpflow_run_records WHERE run_id = ANY(@runs) AND record = ANY(@records)";
    private const string DeleteSql = "DELETE FROM mcpflow_run_records WHERE run_id = @run AND record = @record";

    /// <inheritdoc />
    public IReadOnlyList<string> Ids()
    {
        using var connection = database.Open();
        using var command = Command(connection, IdsSql);
        command.Parameters.AddWithValue("record", RunStore.ManifestFile);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            if (RunIds.IsValid(reader.GetString(0)))
                ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <inheritdoc />
    public bool Contains(string runId)
    {
        RunIds.Require(runId);
        using var connection = database.Open();
        using var command = Command(connection, ContainsSql);
        command.Parameters.AddWithValue("run", runId);
        return command.ExecuteScalar() is true;
    }

    /// <inheritdoc />
    public bool Has(string runId, string record)
    {
        RunIds.Require(runId);
        using var connection = database.Open();
        using var command = Command(connection, HasSql);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("record", record);
        return command.ExecuteScalar() is true;
    }

    /// <inheritdoc />
    public byte[]? Read(string runId, string record)
    {
        RunIds.Require(runId);
        using var connection = database.Open();
        using var command = Command(connection, ReadSql);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("record", record);
        return command.ExecuteScalar() as byte[];
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<(string RunId, string Record), byte[]> ReadMany(IReadOnlyCollection<string> runIds, IReadOnlyCollection<string> records)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        ArgumentNullException.ThrowIfNull(records);
        foreach (var runId in runIds)
            RunIds.Require(runId);
        var found = new Dictionary<(string, string), byte[]>();
        if (runIds.Count == 0 || records.Count == 0)
            return found;
        using var connection = database.Open();
        using var command = Command(connection, ReadManySql);
        command.Parameters.AddWithValue("runs", runIds.ToArray());
        command.Parameters.AddWithValue("records", records.ToArray());
        using var reader = command.ExecuteReader();
        while (reader.Read())
            found[(reader.GetString(0), reader.GetString(1))] = (byte[])reader.GetValue(2);
        return found;
    }

    /// <inheritdoc />
    public void Write(string runId, string record, byte[] bytes)
    {
        RunIds.Require(runId);
        using var connection = database.Open();
        Write(connection, null, runId, record, bytes);
    }

    /// <inheritdoc />
    public AuditEntry WriteAudited(string runId, string record, byte[] bytes, AuditEntry entry, IAuditChain audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        RunIds.Require(runId);
        if (audit is not PostgresAuditChain chain || !ReferenceEquals(chain.Database, database))
        {
            Write(runId, record, bytes);
            return audit.Append(entry);
        }

        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        Write(connection, transaction, runId, record, bytes);
        var written = chain.Append(entry, connection, transaction);
        transaction.Commit();
        return written;
    }

    /// <inheritdoc />
    public bool Complete(string runId, string record, Func<string?> auditedHash) => false; // writes are transactions: nothing is left pending

    private static void Write(NpgsqlConnection connection, NpgsqlTransaction? transaction, string runId, string record, byte[] bytes)
    {
        using var command = Command(connection, WriteSql, transaction);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("record", record);
        command.Parameters.AddWithValue("body", bytes);
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public IDisposable Exclusive(string runId)
    {
        RunIds.Require(runId);
        var connection = database.Open();
        try
        {
            using var command = Command(connection, LockSql);
            command.CommandTimeout = RunLockWaitSeconds;
            command.Parameters.AddWithValue("space", RunLockSpace);
            command.Parameters.AddWithValue("run", runId);
            command.ExecuteNonQuery();
            return new RunLock(connection, runId);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Archive(string runId, int attempt)
    {
        RunIds.Require(runId);
        var prefix = $"{RunRecorder.AttemptsFolder}/{attempt.ToString(CultureInfo.InvariantCulture)}/";
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var (record, move) in new[] { (RunStore.ManifestFile, false), (RunStore.ReviewFile, true) })
        {
            using var copy = Command(connection, CopySql, transaction);
            copy.Parameters.AddWithValue("run", runId);
            copy.Parameters.AddWithValue("record", record);
            copy.Parameters.AddWithValue("target", prefix + record);
            copy.ExecuteNonQuery();
            if (!move)
                continue;
            using var delete = Command(connection, DeleteSql, transaction);
            delete.Parameters.AddWithValue("run", runId);
            delete.Parameters.AddWithValue("record", record);
            delete.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    // A session-level advisory lock on its own connection, released (and the connection returned) on dispose.
    private sealed class RunLock(NpgsqlConnection connection, string runId) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                using var command = Command(connection, UnlockSql);
                command.Parameters.AddWithValue("space", RunLockSpace);
                command.Parameters.AddWithValue("run", runId);
                command.ExecuteNonQuery();
            }
            finally
            {
                connection.Dispose(); // a broken connection ends its session, which releases the lock too
            }
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        command.CommandText = sql;
        return command;
    }
}
