using DuckDB.NET.Data;
using McpFlow.Core.Configuration;
using McpFlow.Data.Parsing;

namespace McpFlow.Data.Loading;

/// <summary>Everything a format loader needs for one load.</summary>
/// <param name="Connection">Workspace connection the table is created on.</param>
/// <param name="Table">Staging table to create (it does not exist yet).</param>
/// <param name="Source">The checked files.</param>
/// <param name="Options">How the client asked to read them.</param>
/// <param name="Limits">The operator's shape limits.</param>
/// <param name="Deadline">Time limit and cancellation; DuckDB statements that read the files run through it.</param>
internal sealed record LoadRequest(DuckDBConnection Connection, string Table, SourceFiles Source, LoadOptions Options, LoadLimits Limits, LoadDeadline Deadline)
{
    /// <summary>Text values read as missing (default: <see cref="MissingMarkers.Default"/>).</summary>
    public MissingMarkers Markers { get; init; } = MissingMarkers.Default;

    /// <summary>The first file's name, for messages.</summary>
    public string FileName => Path.GetFileName(Source.Files[0]);
}
