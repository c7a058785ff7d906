namespace McpFlow.Core.Storage;

/// <summary>
/// Loads a data file into a workspace table through the data group's checked loaders: the file guard, the shape limits
/// of <see cref="Configuration.LoadLimits"/> and the load timeout. Groups that accept a file (e.g. <c>generate_pipeline</c>)
/// load it through this interface and never read files into DuckDB themselves. Implemented by the data group, whose
/// services are registered even when its tools are disabled; without it, Core's <see cref="AbsentTableFileLoader"/> refuses
/// every load with an actionable message.
/// </summary>
public interface ITableFileLoader
{
    /// <summary>
    /// Loads <paramref name="path"/> into <paramref name="table"/>, replacing a table of that name. Errors name
    /// <paramref name="parameterName"/> (the tool parameter that gave the path). Throws <see cref="OperationCanceledException"/>
    /// when <paramref name="cancellationToken"/> is cancelled and an <see cref="Errors.McpFlowException"/> for anything the
    /// checks refuse or that runs past the load timeout; either way no partial table is left.
    /// </summary>
    /// <param name="path">File path under an allowed root, as the client gave it.</param>
    /// <param name="table">Workspace table to create.</param>
    /// <param name="format">Format name (csv, tsv, parquet, json, excel, sqlite, duckdb), or null to detect it from the extension.</param>
    /// <param name="parameterName">Name of the client parameter, for error messages.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    TableFileLoad Load(string path, string table, string? format, string parameterName, CancellationToken cancellationToken);
}
