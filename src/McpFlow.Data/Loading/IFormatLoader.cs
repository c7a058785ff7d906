using DuckDB.NET.Data;

namespace McpFlow.Data.Loading;

/// <summary>Reads one format into a new table of the workspace database.</summary>
internal interface IFormatLoader
{
    /// <summary>Creates <paramref name="table"/> (which does not exist yet) from <paramref name="source"/>;
    /// returns what was detected (delimiter, header, sheet, ...).</summary>
    IReadOnlyDictionary<string, string> Load(DuckDBConnection connection, string table, SourceFiles source, LoadOptions options, CancellationToken cancellationToken);
}
