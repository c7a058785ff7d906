namespace McpFlow.Data.Export;

/// <summary>A written export.</summary>
/// <param name="Path">Full path written.</param>
/// <param name="Format">csv, json or parquet.</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Bytes">File size.</param>
public sealed record ExportResult(string Path, string Format, long Rows, long Bytes);
