namespace McpFlow.Core.Storage;

/// <summary>A file loaded into a workspace table by <see cref="ITableFileLoader"/>.</summary>
/// <param name="Table">The table's stored name.</param>
/// <param name="Status"><c>created</c>, <c>refreshed</c> or <c>unchanged</c> (same file, same options).</param>
/// <param name="Format">Format read, e.g. <c>csv</c>.</param>
/// <param name="Rows">Row count.</param>
/// <param name="Columns">Column count.</param>
public sealed record TableFileLoad(string Table, string Status, string Format, long Rows, int Columns);
