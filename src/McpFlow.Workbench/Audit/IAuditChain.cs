namespace McpFlow.Workbench.Audit;

/// <summary>
/// The hash-chained audit trail, wherever it lives: the workspace's file (<see cref="AuditTrail"/>, single-user) or the
/// team database (<see cref="Team.PostgresAuditChain"/>, shared by several processes). Every entry's hash covers its
/// JSON including the previous entry's hash, so an edited, removed or reordered entry is found by <see cref="Verify"/>.
/// </summary>
public interface IAuditChain
{
    /// <summary>Where the chain is, for messages (a path, or the database table; never a connection string).</summary>
    string Location { get; }

    /// <summary>Opens the chain now instead of at its first use (recovery, schema).</summary>
    void Open();

    /// <summary>Appends an entry (seq, time, user when absent, and hashes are filled in) and returns it as written.</summary>
    AuditEntry Append(AuditEntry entry);

    /// <summary>The latest audited hash of a run record, or null when the chain never saw it; the entry that recorded it
    /// is re-checked, and a damaged one marks the chain broken (then this throws).</summary>
    string? RecordHash(string runId, string record);

    /// <summary><see cref="RecordHash"/> of <paramref name="records"/> of each run in <paramref name="runIds"/> (ones the
    /// chain never saw are left out), each entry re-checked as there: one round trip in the team database.</summary>
    IReadOnlyDictionary<(string RunId, string Record), string> RecordHashes(IReadOnlyCollection<string> runIds, IReadOnlyCollection<string> records);

    /// <summary>Reads all entries.</summary>
    IReadOnlyList<AuditEntry> ReadAll(CancellationToken cancellationToken = default);

    /// <summary>Checks every entry's hash and link and that the chain ends where McpFlow last wrote.</summary>
    AuditVerification Verify(CancellationToken cancellationToken = default);
}
