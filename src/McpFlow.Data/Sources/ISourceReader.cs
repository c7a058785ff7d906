using System.Data.Common;
using DuckDB.NET.Data;

namespace McpFlow.Data.Sources;

/// <summary>
/// One read of a database source, in the dialect's read-only transaction with its statement time limit (never committed:
/// disposing rolls it back). <see cref="SourceReaders.OpenAsync"/> picks the reader of the source's kind.
/// </summary>
public interface ISourceReader : IAsyncDisposable
{
    /// <summary>The inner select of <paramref name="read"/>: the looked-up, quoted table, or the checked query.</summary>
    Task<string> InnerSqlAsync(SourceRead read, CancellationToken cancellationToken);

    /// <summary>The result columns of <paramref name="innerSql"/> with their workspace types (source names, not yet made unique).</summary>
    Task<IReadOnlyList<SourceColumn>> DescribeAsync(string innerSql, CancellationToken cancellationToken);

    /// <summary>Runs the read (sample and limit applied) and returns the open data reader; the caller streams it.</summary>
    Task<DbDataReader> ReadAsync(SourceRead read, string innerSql, IReadOnlyList<SourceColumn> columns, CancellationToken cancellationToken);

    /// <summary>Appends the non-null value <paramref name="i"/>; true when it was replaced (see <see cref="SourceColumn.Replaced"/>).</summary>
    bool Append(IDuckDBAppenderRow row, DbDataReader data, int i, SourceColumn column, int maxCellBytes);

    /// <summary>How rows are sampled, for the answer; null without a sample.</summary>
    string? DescribeSample(SourceRead read);

    /// <summary>Tables and views the role can see (system schemas left out), at most <paramref name="maxTables"/>, with their columns.</summary>
    Task<SourceCatalogRows> CatalogAsync(int maxTables, CancellationToken cancellationToken);
}
