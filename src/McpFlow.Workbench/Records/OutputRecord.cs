namespace McpFlow.Workbench.Records;

/// <summary>An output of a run as recorded in the manifest.</summary>
/// <param name="Name">File name.</param>
/// <param name="Path">Path relative to the run folder when inside it (e.g. <c>outputs/metrics.csv</c>), otherwise full.</param>
/// <param name="SizeBytes">Size in bytes (0 when missing).</param>
/// <param name="Sha256">SHA-256 of the content (hex), null when the file was missing.</param>
public sealed record OutputRecord(string Name, string Path, long SizeBytes, string? Sha256);
