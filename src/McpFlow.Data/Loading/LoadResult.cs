using McpFlow.Data.Storage;

namespace McpFlow.Data.Loading;

/// <summary>The outcome of a load.</summary>
/// <param name="Table">Workspace table name.</param>
/// <param name="Status"><c>created</c>, <c>refreshed</c> (source changed or forced) or <c>unchanged</c> (skipped: same file, same options).</param>
/// <param name="Format">Format read.</param>
/// <param name="Source">Resolved file or glob.</param>
/// <param name="Files">Number of files read.</param>
/// <param name="Rows">Row count.</param>
/// <param name="Columns">Schema.</param>
/// <param name="Detected">What was detected (delimiter, header, encoding, sheet, ...).</param>
/// <param name="Sample">First rows.</param>
/// <param name="Warnings">Things worth knowing (no rows, all-null columns, ...).</param>
public sealed record LoadResult(string Table, string Status, string Format, string Source, int Files, long Rows,
    IReadOnlyList<TableColumn> Columns, IReadOnlyDictionary<string, string> Detected, IReadOnlyList<Dictionary<string, object?>> Sample,
    IReadOnlyList<string> Warnings);
