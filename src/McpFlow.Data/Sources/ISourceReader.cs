using System.Data.Common;
using DuckDB.NET.Data;

namespace McpFlow.Data.Sources;

/// <summary>
/// One read of a database source, in the dialect's read-only transaction with its statement time limit (never committed:
/// disposing rolls it back). <see cref="SourceReaders.OpenAsync"/> picks the reader of the source's kind.
/// </summary>
public interface ISourceReader : IAsyncDisposable
{
    /// <summary>The select of <paramref name="read"/>'s table: looked up in information_schema (an actionable error when the
    /// source's user cannot see it) and quoted.</summary>
    Task<string> TableSqlAsync(SourceRead read, CancellationToken cancellationToken);

    /// <summary>The result columns of <paramref name="innerSql"/> with their workspace types (source names, not yet made unique).</summary>
    Task<IReadOnlyList<SourceColumn>> DescribeAsync(string innerSql, CancellationToken cancellationToken);

    /// <summary>Runs the read (sample and limit applied) and returns the open data reader; the caller streams it.</summary>
    Task<DbDataReader> ReadAsync(SourceRead read, string innerSql, IReadOnlyList<SourceColumn> columns, CancellationToken cancellationToken);

    /// <summary>Appends the non-null value <paramref name="i"/>; true when it was replaced (see <see cref="SourceColumn.Replaced"/>).</summary>
    bool Append(IDuckDBAppenderRow row, DbDataReader data, int i, SourceColumn column, int maxCellBytes);

    /// <summary>How rows are sampled, for the answer; null without a sample.</summary>
    string? DescribeSample(SourceRead read);

    /// <summary>The condition on <c>information_schema.tables</c> that leaves the system schemas out (a constant).</summary>
    string CatalogFilter { get; }

    /// <summary>The column type shown for a row <c>c</c> of <c>information_schema.columns</c> (a constant expression).</summary>
    string CatalogColumnType { get; }

    /// <summary>Runs a catalog query of McpFlow's own (constants, with <paramref name="parameters"/> bound in the dialect's
    /// placeholders) and maps each row.</summary>
    Task<List<T>> RowsAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params object?[] parameters);
}
