using McpFlow.Core.Errors;

namespace McpFlow.Core.Storage;

/// <summary>
/// The <see cref="ITableFileLoader"/> Core registers when no group loads files (a host built without the data group):
/// every load is refused with an actionable Unavailable error, since only the data group's checked loaders may read a
/// file into the database.
/// </summary>
public sealed class AbsentTableFileLoader : ITableFileLoader
{
    /// <inheritdoc />
    public TableFileLoad Load(string path, string table, string? format, string parameterName, CancellationToken cancellationToken) =>
        throw McpFlowException.Unavailable("Loading a file needs the data group's loaders, which this server was built without.",
            "Load the file with data_load on a server that has the data group, then pass the table name.");
}
