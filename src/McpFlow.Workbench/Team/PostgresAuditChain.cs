using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Errors;
using McpFlow.Core.Identity;
using McpFlow.Core.Mcp;
using McpFlow.Core.Team;
using McpFlow.Workbench.Audit;
using McpFlow.Workbench.Hashing;
using Npgsql;

namespace McpFlow.Workbench.Team;

/// <summary>
/// The audit chain in the team database (<c>mcpflow_audit</c>, one row per entry holding the entry's JSON exactly as
/// hashed, as the file trail's line would be), shared by every McpFlow process. Appends lock the chain's head row
/// (<c>mcpflow_audit_head</c>, <c>SELECT … FOR UPDATE</c>) and insert the entry and move the head in the same
/// transaction, so appends from several processes queue up and never fork the chain. <see cref="Verify"/> re-checks every
/// row (its hash, its link, its columns against its JSON) and that the chain ends at the head: an edited, deleted or
/// inserted row is reported, and the chain stays reported broken (<c>broken</c> in the head row).
/// </summary>
public sealed class PostgresAuditChain(TeamDatabase database, TimeProvider time) : IAuditChain
{
    /// <summary>The team database this chain lives in (a record store on the same database writes in one transaction with it).</summary>
    internal TeamDatabase Database => database;

    private const string HeadSql = "SELECT seq, hash, broken FROM mcpflow_audit_head WHERE id = 1";
    private const string LockHeadSql = "SELECT seq, hash FROM mcpflow_audit_head WHERE id = 1 FOR UPDATE";
    private const string InsertSql =
        "INSERT INTO mcpflow_audit (seq, entry, hash, user_name, run_id, record, record_hash) " +
        "VALUES (@seq, @entry, @hash, @user, @run, @record, @recordHash)";
    private const string MoveHeadSql = "UPDATE mcpflow_audit_head SET seq = @seq, hash = @hash WHERE id = 1";
    private const string BrokenSql = "UPDATE mcpflow_audit_head SET broken = COALESCE(broken, @problem) WHERE id = 1";
    private const string RecordSql =
        "SELECT seq, entry, record_hash FROM mcpflow_audit WHERE run_id = @run AND record = @record AND record_hash IS NOT NULL " +
        "ORDER BY seq DESC LIMIT 1";
    private const string RecordsSql =
        "SELECT DISTINCT ON (run_id, record) seq, entry, record_hash, run_id, record FROM mcpflow_audit " +
        "WHERE run_id = ANY(@runs) AND record = ANY(@records) AND record_hash IS NOT NULL ORDER BY run_id, record, seq DESC";
    private const string AllSql = "SELECT seq, entry, hash, user_name, run_id, record, record_hash FROM mcpflow_audit ORDER BY seq";

    /// <inheritdoc />
    public string Location => "the team database's mcpflow_audit table";

    /// <inheritdoc />
    public void Open() => database.EnsureMigrated();

    /// <inheritdoc />
    public AuditEntry Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var written = Append(entry, connection, transaction);
        transaction.Commit();
        return written;
    }

    /// <summary>Appends an entry inside the caller's transaction (which must be on this chain's database), so a run
    /// record and the entry that audits it commit together or not at all; the caller commits.</summary>
    internal AuditEntry Append(AuditEntry entry, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(entry);
        long seq;
        string previous;
        using (var head = Command(connection, LockHeadSql, transaction))
        using (var reader = head.ExecuteReader())
        {
            if (!reader.Read())
                throw new InvalidOperationException("The audit chain's head row is missing (mcpflow_audit_head).");
            (seq, previous) = (reader.GetInt64(0), reader.GetString(1));
        }

        var sealedEntry = entry with
        {
            SchemaVersion = AuditEntry.CurrentSchemaVersion,
            User = entry.User ?? CallerScope.Current.Name,
            Seq = seq + 1,
            Time = time.GetUtcNow(),
            PrevHash = previous,
            Hash = null,
        };
        var node = JsonSerializer.SerializeToNode(sealedEntry, McpFlowJson.Options)!.AsObject();
        var hash = ContentHasher.HashText(node.ToJsonString());
        node["hash"] = hash;
        using (var insert = Command(connection, InsertSql, transaction))
        {
            insert.Parameters.AddWithValue("seq", sealedEntry.Seq);
            insert.Parameters.AddWithValue("entry", node.ToJsonString());
            insert.Parameters.AddWithValue("hash", hash);
            insert.Parameters.AddWithValue("user", (object?)sealedEntry.User ?? DBNull.Value);
            insert.Parameters.AddWithValue("run", (object?)sealedEntry.RunId ?? DBNull.Value);
            insert.Parameters.AddWithValue("record", (object?)sealedEntry.Record ?? DBNull.Value);
            insert.Parameters.AddWithValue("recordHash", (object?)sealedEntry.RecordHash ?? DBNull.Value);
            insert.ExecuteNonQuery();
        }

        using (var move = Command(connection, MoveHeadSql, transaction))
        {
            move.Parameters.AddWithValue("seq", sealedEntry.Seq);
            move.Parameters.AddWithValue("hash", hash);
            move.ExecuteNonQuery();
        }

        return sealedEntry with { Hash = hash };
    }

    /// <inheritdoc />
    public string? RecordHash(string runId, string record)
    {
        using var connection = database.Open();
        if (Head(connection).Broken is { } broken)
            throw Broken(broken);
        long seq;
        string entry, audited;
        using (var command = Command(connection, RecordSql))
        {
            command.Parameters.AddWithValue("run", runId);
            command.Parameters.AddWithValue("record", record);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
                return null;
            (seq, entry, audited) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
        }

        if (RecordProblem(seq, entry, audited, runId, record) is not { } problem)
            return audited;
        MarkBroken(connection, problem);
        throw Broken(problem);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<(string RunId, string Record), string> RecordHashes(IReadOnlyCollection<string> runIds, IReadOnlyCollection<string> records)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        ArgumentNullException.ThrowIfNull(records);
        var found = new Dictionary<(string, string), string>();
        if (runIds.Count == 0 || records.Count == 0)
            return found;
        using var connection = database.Open();
        if (Head(connection).Broken is { } broken)
            throw Broken(broken);
        string? problem = null;
        using (var command = Command(connection, RecordsSql))
        {
            command.Parameters.AddWithValue("runs", runIds.ToArray());
            command.Parameters.AddWithValue("records", records.ToArray());
            using var reader = command.ExecuteReader();
            while (problem is null && reader.Read())
            {
                var (seq, entry, audited, runId, record) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
                problem = RecordProblem(seq, entry, audited, runId, record);
                found[(runId, record)] = audited;
            }
        }

        if (problem is null)
            return found;
        MarkBroken(connection, problem);
        throw Broken(problem);
    }

    // Why the entry that audited a record cannot be trusted (its own hash, or its row's columns against its JSON), or null.
    private static string? RecordProblem(long seq, string entry, string audited, string runId, string record) =>
        AuditChain.CheckSelf(entry, seq, out var node, out _)
        ?? (Text(node, "seq") != seq.ToString(System.Globalization.CultureInfo.InvariantCulture) || Text(node, "runId") != runId
            || Text(node, "record") != record || Text(node, "recordHash") != audited
                ? $"entry {seq}, which recorded {record} of run {runId}, no longer matches its row's columns (the mcpflow_audit row was edited)"
                : null);

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> ReadAll(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var command = Command(connection, AllSql);
        using var reader = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (JsonSerializer.Deserialize<AuditEntry>(reader.GetString(1), McpFlowJson.Options) is { } e)
                    entries.Add(e);
            }
            catch (JsonException)
            {
            }
        }

        return entries;
    }

    /// <inheritdoc />
    public AuditVerification Verify(CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        var head = Head(connection);
        var previous = AuditEntry.GenesisHash;
        long count = 0;
        string? problem = null;
        using (var command = Command(connection, AllSql))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested(); // stopping early marks nothing broken
                count++;
                problem = AuditChain.Check(reader.GetString(1), count, previous, out var node, out var hash) ?? Columns(reader, count, node!, hash!);
                if (problem is not null)
                    break;
                previous = hash!;
            }
        }

        if (problem is not null)
        {
            MarkBroken(connection, problem);
            return new AuditVerification(false, count, count, problem);
        }

        var broken = head.Broken ?? (count != head.Seq || previous != head.Hash
            ? $"the chain ends at entry {count}, but the last entry McpFlow wrote is entry {head.Seq}; entries were removed from its end"
            : null);
        if (broken is null)
            return new AuditVerification(true, count, null, null);
        MarkBroken(connection, broken);
        return new AuditVerification(false, count, null, broken);
    }

    // The columns repeat fields of the entry's JSON; a row whose columns differ was edited in the database.
    private static string? Columns(NpgsqlDataReader row, long line, JsonObject node, string hash)
    {
        static string? Column(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return row.GetInt64(0) != line || Column(row, 2) != hash || Column(row, 3) != Text(node, "user") || Column(row, 4) != Text(node, "runId")
               || Column(row, 5) != Text(node, "record") || Column(row, 6) != Text(node, "recordHash")
            ? $"entry {line}'s row in mcpflow_audit differs from the entry it holds (seq, hash, user, run, record or record hash column edited)"
            : null;
    }

    private static (long Seq, string Hash, string? Broken) Head(NpgsqlConnection connection)
    {
        using var command = Command(connection, HeadSql);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return (-1, "", "the chain's head row (mcpflow_audit_head) was deleted");
        return (reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    private static void MarkBroken(NpgsqlConnection connection, string problem)
    {
        using var command = Command(connection, BrokenSql);
        command.Parameters.AddWithValue("problem", problem);
        command.ExecuteNonQuery();
    }

    private static McpFlowException Broken(string problem) =>
        new(ErrorKind.Conflict, $"The team audit chain is broken ({problem}), so run records cannot be verified.",
            "Call workbench_audit with action=\"verify\" to see the first bad entry. McpFlow cannot repair a chain; an operator can " +
            "archive the mcpflow_audit table and start a new chain (docs/deployment.md); runs recorded before then are reported as unverifiable.");

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        command.CommandText = sql;
        return command;
    }

    private static string? Text(JsonObject? node, string name) =>
        node?[name] is JsonValue value ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        } : null;
}
