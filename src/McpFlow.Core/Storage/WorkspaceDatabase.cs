using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Core.Workspace;

namespace McpFlow.Core.Storage;

/// <summary>
/// The workspace's DuckDB database (<c>data.duckdb</c>). Connections opened here share one database instance
/// in this process. A second process on the same workspace cannot open it (DuckDB locks the file); that is
/// reported with the fix.
/// </summary>
public sealed class WorkspaceDatabase(McpFlowWorkspace workspace)
{
    /// <summary>Opens a new connection to the workspace database.</summary>
    public DuckDBConnection Open()
    {
        var connection = new DuckDBConnection($"Data Source={workspace.DatabasePath}");
        try
        {
            connection.Open();
        }
        catch (DuckDBException ex) when (ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            connection.Dispose();
            throw McpFlowException.Unavailable(
                $"The workspace database '{workspace.DatabasePath}' is locked by another process.",
                "Another McpFlow (or DuckDB) process uses this workspace; stop it or start McpFlow with --workspace <another folder>.");
        }

        return connection;
    }

    /// <summary>DuckDB's version string, e.g. <c>v1.3.2</c>.</summary>
    public static string EngineVersion()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version()";
        return command.ExecuteScalar()?.ToString() ?? "unknown";
    }
}
