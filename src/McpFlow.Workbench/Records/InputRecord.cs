namespace McpFlow.Workbench.Records;

/// <summary>An input of a run as recorded in the manifest.</summary>
/// <param name="Name">Display name (file or table name).</param>
/// <param name="Path">Full path when the input is a file (re-hashed on every read to detect staleness).</param>
/// <param name="Sha256">SHA-256 of the content (hex), computed by McpFlow for files or given by the caller.</param>
/// <param name="SizeBytes">Size of the file in bytes, when a file.</param>
public sealed record InputRecord(string Name, string? Path, string? Sha256, long? SizeBytes);
