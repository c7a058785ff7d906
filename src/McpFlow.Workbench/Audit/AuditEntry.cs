using System.Text.Json.Nodes;

namespace McpFlow.Workbench.Audit;

/// <summary>
/// One line of the audit trail (<c>audit/audit.jsonl</c>). <see cref="Hash"/> is the SHA-256 of the line's JSON
/// without the <c>hash</c> property, and that JSON includes <see cref="PrevHash"/>, so the entries form a chain:
/// changing, removing or reordering any line breaks every hash after it.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>Version of the entry schema.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The <see cref="PrevHash"/> of the first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    /// <summary>1-based position in the trail.</summary>
    public long Seq { get; init; }
    public DateTimeOffset Time { get; init; }
    /// <summary><c>tool_call</c> (a state-changing tool call), <c>record</c> (a run record written), <c>transition</c> (a state change without a tool, e.g. stale).</summary>
    public required string Kind { get; init; }
    public string? Tool { get; init; }
    /// <summary>Arguments with secrets redacted.</summary>
    public JsonNode? Arguments { get; init; }
    /// <summary>SHA-256 of the files named in the arguments, by argument path.</summary>
    public IReadOnlyDictionary<string, string>? InputHashes { get; init; }
    public string? RunId { get; init; }
    /// <summary>The record file written (manifest.json, review.json, approval.json).</summary>
    public string? Record { get; init; }
    /// <summary>SHA-256 of the record file as written; reads compare against it to detect hand edits.</summary>
    public string? RecordHash { get; init; }
    public string? State { get; init; }
    /// <summary><c>ok</c>, <c>error: …</c>, or a short description of the change.</summary>
    public required string Outcome { get; init; }
    public string? Decision { get; init; }
    public string PrevHash { get; init; } = GenesisHash;
    public string? Hash { get; init; }
}
