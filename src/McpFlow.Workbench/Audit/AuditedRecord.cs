namespace McpFlow.Workbench.Audit;

/// <summary>Where the trail recorded a run record's hash: the entry's seq and byte offset, and the hash.</summary>
/// <param name="Seq">Seq of the audit entry.</param>
/// <param name="Offset">Byte offset of the entry's line in the trail.</param>
/// <param name="Hash">The record's SHA-256 as audited.</param>
public sealed record AuditedRecord(long Seq, long Offset, string Hash);
