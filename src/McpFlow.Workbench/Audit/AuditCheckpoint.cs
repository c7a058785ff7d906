using System.Text.Json;
using McpFlow.Core.Mcp;

namespace McpFlow.Workbench.Audit;

/// <summary>
/// The trail's checkpoint (<c>audit/audit.checkpoint.json</c>), rewritten in place after every append: where the
/// trail ends (seq, hash and byte length of its last entry) and how much of the record index belongs to it. At start
/// McpFlow checks only the last entry against it instead of re-reading the whole trail; a trail shorter than its
/// checkpoint or ending in another entry is broken (entries were removed or rewritten).
/// </summary>
public sealed record AuditCheckpoint
{
    /// <summary>Version of the checkpoint schema.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>File name in the audit folder.</summary>
    public const string FileName = "audit.checkpoint.json";

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Seq of the last entry (0 for an empty trail).</summary>
    public long Seq { get; init; }

    /// <summary>Hash of the last entry (<see cref="AuditEntry.GenesisHash"/> for an empty trail).</summary>
    public string LastHash { get; init; } = AuditEntry.GenesisHash;

    /// <summary>Bytes of the trail up to and including the last entry's newline.</summary>
    public long Length { get; init; }

    /// <summary>Bytes of the record index that belong to the trail.</summary>
    public long IndexLength { get; init; }

    /// <summary>Why the trail is broken, once McpFlow found it so (it stays so until the audit folder is replaced).</summary>
    public string? Broken { get; init; }

    /// <summary>Reads the checkpoint, or null when it is missing or unreadable (the trail is then scanned once).</summary>
    public static AuditCheckpoint? TryRead(string path)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            var checkpoint = JsonSerializer.Deserialize<AuditCheckpoint>(File.ReadAllBytes(path), McpFlowJson.Options);
            return checkpoint is { SchemaVersion: CurrentSchemaVersion, Seq: >= 0, Length: >= 0, IndexLength: >= 0 } ? checkpoint : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the checkpoint in place (one open, write and close: a rename per append would cost more than the
    /// append). A crash mid-write leaves unreadable JSON, which <see cref="TryRead"/> treats as no checkpoint, so the
    /// trail is then read once in full.</summary>
    public void Write(string path)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(this, McpFlowJson.Options);
        using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(bytes);
        stream.SetLength(bytes.Length);
    }
}
