using McpFlow.Workbench.Audit;

namespace McpFlow.Workbench.Runs;

/// <summary>
/// Where a run's records (<c>manifest.json</c>, <c>review.json</c>, <c>approval.json</c>) are kept as bytes: the run's
/// folder in the workspace (<see cref="FileRunRecords"/>, single-user) or the team database
/// (<see cref="Team.PostgresRunRecords"/>). <see cref="RunStore"/> serialises them, audits every write's SHA-256 and
/// checks every read against it, so a store holds bytes only and trusts nothing it returns. A run's outputs stay in
/// its folder either way.
/// </summary>
public interface IRunRecordStore
{
    /// <summary>Ids of the runs that have a manifest, newest first (ids sort by time).</summary>
    IReadOnlyList<string> Ids();

    /// <summary>True when the run has any record (or, for files, its folder exists).</summary>
    bool Contains(string runId);

    /// <summary>True when the record was written (its bytes are not read).</summary>
    bool Has(string runId, string record);

    /// <summary>A record's bytes, or null when it was never written.</summary>
    byte[]? Read(string runId, string record);

    /// <summary>The current bytes of <paramref name="records"/> of each run in <paramref name="runIds"/> (absent ones are left
    /// out): one round trip in the team database, for listing many runs.</summary>
    IReadOnlyDictionary<(string RunId, string Record), byte[]> ReadMany(IReadOnlyCollection<string> runIds, IReadOnlyCollection<string> records);

    /// <summary>Writes a record atomically (replacing the previous bytes).</summary>
    void Write(string runId, string record, byte[] bytes);

    /// <summary>Writes a record and appends the entry that audits it, returning the entry as written. The team store
    /// does both in one transaction when the chain is on its database (a failed append leaves the previous bytes, so a
    /// record is never left unaudited, which reads would report as edited outside McpFlow); the file store writes a
    /// pending copy, appends, then renames it (see <see cref="Complete"/>).</summary>
    AuditEntry WriteAudited(string runId, string record, byte[] bytes, AuditEntry entry, IAuditChain audit);

    /// <summary>Finishes a write interrupted after its audit entry: when the store holds a pending copy of the record
    /// whose SHA-256 is the audited one (<paramref name="auditedHash"/>, asked only when a copy exists), it becomes the
    /// record and this returns true. Only such a copy is adopted, so an older version put back is still reported. The
    /// team store's writes are transactions: false.</summary>
    bool Complete(string runId, string record, Func<string?> auditedHash);

    /// <summary>Holds the run for one read-decide-write until disposed, against every process sharing the store (two
    /// approvers deciding at once through two servers: the second reads the first one's decision). The file store has
    /// one process per workspace, whose <see cref="RunStore.Sync"/> already serialises, so it holds nothing.</summary>
    IDisposable Exclusive(string runId);

    /// <summary>Keeps the current manifest and review of a run as attempt <paramref name="attempt"/>
    /// (<c>attempts/N/</c>): the manifest is copied, the review moved.</summary>
    void Archive(string runId, int attempt);
}
