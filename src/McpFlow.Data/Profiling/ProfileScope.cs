using McpFlow.Core.Storage;
using McpFlow.Data.Parsing;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Profiling;

/// <summary>What every per-column step of one profile shares.</summary>
/// <param name="Table">The table's stored name.</param>
/// <param name="Rows">Its rows.</param>
/// <param name="Exact">False above <see cref="ProfileSettings.ExactRowLimit"/> rows (estimates allowed).</param>
/// <param name="DuplicateRows">Rows repeating an earlier row exactly.</param>
/// <param name="Markers">The table's missing markers.</param>
internal sealed record ProfileScope(string Table, long Rows, bool Exact, long DuplicateRows, MissingMarkers Markers)
{
    /// <summary>SQL for a column's values with missing markers (text columns) as NULL.</summary>
    public string Value(TableColumn column) =>
        ColumnClasses.Of(column.Type) == ColumnClass.Text ? Markers.Nulled(SqlQuote.Id(column.Name)) : SqlQuote.Id(column.Name);
}
