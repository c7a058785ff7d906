namespace McpFlow.Workbench.Audit;

/// <summary>The result of verifying the audit chain.</summary>
/// <param name="Valid">True when every entry's hash and link are intact.</param>
/// <param name="Entries">Entries read.</param>
/// <param name="FirstBadSeq">Line number (1-based) of the first entry that fails, if any.</param>
/// <param name="Problem">What is wrong with it.</param>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstBadSeq, string? Problem);
