namespace McpFlow.Workbench.Audit;

/// <summary>The result of verifying the audit chain.</summary>
/// <param name="Valid">True when every entry's hash and link are intact.</param>
/// <param name="Entries">Entries read.</param>
/// <param name="FirstBadSeq">Line number (1-based) of the first entry that fails, if one does (null when every line
/// verifies but the trail is still broken, e.g. entries were removed from its end).</param>
/// <param name="Problem">What is wrong with it.</param>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstBadSeq, string? Problem);
