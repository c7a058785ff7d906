namespace McpFlow.Workbench.Audit;

/// <summary>The hashes of the files a tool call names, and the files it named but that were not hashed.</summary>
/// <param name="Hashes">SHA-256 by <c>argument:path</c>; null when none.</param>
/// <param name="NotHashed">Why, by <c>argument:path</c>; null when none.</param>
public sealed record AuditInputHashes(IReadOnlyDictionary<string, string>? Hashes, IReadOnlyDictionary<string, string>? NotHashed);
