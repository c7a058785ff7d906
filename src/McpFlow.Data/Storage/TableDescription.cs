namespace McpFlow.Data.Storage;

/// <summary>Everything known about one workspace table.</summary>
/// <param name="Name">Table name.</param>
/// <param name="Rows">Row count.</param>
/// <param name="Columns">Schema.</param>
/// <param name="Source">Load source, if it was loaded from a file.</param>
/// <param name="SourceChanged">True when the source file changed since the load (reload with data_load).</param>
/// <param name="Lineage">Transformations that produced this table or its derived columns, oldest first.</param>
/// <param name="Sample">First rows, as column → value.</param>
public sealed record TableDescription(string Name, long Rows, IReadOnlyList<TableColumn> Columns, TableSource? Source, bool SourceChanged,
    IReadOnlyList<LineageEntry> Lineage, IReadOnlyList<Dictionary<string, object?>> Sample);
