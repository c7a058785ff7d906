using System.Text.Json.Nodes;

namespace McpFlow.Workbench.Audit;

/// <summary>
/// One line of the audit trail (<c>audit/audit.jsonl</c>). <see cref="Hash"/> is the SHA-256 of the line's JSON
/// without the <c>hash</c> property, and that JSON includes <see cref="PrevHash"/>, so the entries form a chain:
/// changing, removing or reordering any line breaks every hash after it.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>Version of the entry schema: 3 since every entry names its <see cref="User"/>; 2 stored arguments as
    /// bounded summaries with <see cref="ArgumentsSha256"/>, 1 stored them whole. All verify the same way (the hash
    /// covers the line as written), so older entries stay readable and verifiable.</summary>
    public const int CurrentSchemaVersion = 3;

    /// <summary>The <see cref="PrevHash"/> of the first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    /// <summary>1-based position in the trail.</summary>
    public long Seq { get; init; }
    public DateTimeOffset Time { get; init; }
    /// <summary><c>tool_call</c> (a state-changing tool call), <c>record</c> (a run record written), <c>quarantine</c>
    /// (a torn final line moved aside at start-up), <c>refused</c> (a request refused for its user's role, rate limit or
    /// token; <see cref="RefusalAudit"/>) and <c>refused_summary</c> (the refusals of one user counted instead of written).</summary>
    public required string Kind { get; init; }
    /// <summary>Who made the call or wrote the record (the HTTP user, or <c>local</c> for the single local user);
    /// absent in entries written before schema 3.</summary>
    public string? User { get; init; }
    public string? Tool { get; init; }
    /// <summary>Arguments with secrets redacted, as a bounded summary (see <see cref="ArgumentSummary"/>).</summary>
    public JsonNode? Arguments { get; init; }
    /// <summary>SHA-256 of the complete arguments (secrets redacted first) in canonical JSON (see <see cref="CanonicalJson"/>).</summary>
    public string? ArgumentsSha256 { get; init; }
    /// <summary>SHA-256 of the files named in the arguments, by <c>argument:path</c>.</summary>
    public IReadOnlyDictionary<string, string>? InputHashes { get; init; }
    /// <summary>Files named in the arguments that were not hashed, by <c>argument:path</c>, with the reason (too large, budget spent).</summary>
    public IReadOnlyDictionary<string, string>? InputsNotHashed { get; init; }
    public string? RunId { get; init; }
    /// <summary>The record file written (manifest.json, review.json, approval.json), or the quarantine file.</summary>
    public string? Record { get; init; }
    /// <summary>SHA-256 of the record (or quarantined) file as written; reads compare against it to detect hand edits.</summary>
    public string? RecordHash { get; init; }
    public string? State { get; init; }
    /// <summary><c>ok</c>, <c>error: …</c>, or a short description of the change.</summary>
    public required string Outcome { get; init; }
    public string? Decision { get; init; }
    public string PrevHash { get; init; } = GenesisHash;
    public string? Hash { get; init; }
}
