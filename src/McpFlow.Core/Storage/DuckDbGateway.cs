using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Core.Workspace;

namespace McpFlow.Core.Storage;

/// <summary>
/// The one way into DuckDB for every tool group. It opens the workspace database (<c>data.duckdb</c>) once,
/// locks it down (<see cref="DuckDbLockdown"/>) and keeps that first connection open for the life of the process,
/// so the database instance, and with it the lock-down, is never dropped and re-created with DuckDB's defaults
/// (DuckDB.NET closes a database when its last connection closes). Every connection handed out is checked to be
/// locked before it is returned. A second process on the same workspace cannot open it (DuckDB locks the file);
/// that is reported with the fix.
/// </summary>
public sealed class DuckDbGateway : IDisposable
{
    private readonly McpFlowWorkspace _workspace;
    private readonly IReadOnlyList<string> _allowedDirectories;
    private readonly Lock _lock = new();
    private DuckDBConnection? _anchor;
    private bool _disposed;

    /// <summary>Creates the gateway; nothing is opened until the first <see cref="Open"/>.</summary>
    public DuckDbGateway(McpFlowWorkspace workspace, FileAccessGuard guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        _workspace = workspace;
        // The roots are canonical (symbolic links resolved), as DuckDB compares resolved paths; the workspace is
        // one of the roots (see McpFlowOptions.EffectiveAllowedRoots), added here too for gateways built by hand.
        _allowedDirectories = guard.Roots.Append(PathResolution.Canonicalize(workspace.Root)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The folders DuckDB may touch.</summary>
    public IReadOnlyList<string> AllowedDirectories => _allowedDirectories;

    /// <summary>Opens a new connection to the locked-down workspace database. Dispose it when done.</summary>
    public DuckDBConnection Open()
    {
        EnsureAnchor();
        var connection = Connect();
        try
        {
            if (!DuckDbLockdown.Read(connection).IsLocked)
            {
                // Cannot happen while the anchor is open; if it ever does, lock this instance before any use.
                DuckDbLockdown.Apply(connection, _allowedDirectories);
                if (!DuckDbLockdown.Read(connection).IsLocked)
                    throw McpFlowException.Unavailable("The workspace database could not be locked down, so it is not used.");
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>DuckDB's version string, e.g. <c>v1.5.6</c>, from a locked in-memory database.</summary>
    public static string EngineVersion()
    {
        using var connection = new DuckDBConnection($"Data Source=:memory:;enable_external_access=false;lock_configuration=true;{DuckDbLockdown.StartupOptions}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version()";
        return command.ExecuteScalar()?.ToString() ?? "unknown";
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _anchor?.Dispose();
            _anchor = null;
        }
    }

    private void EnsureAnchor()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_anchor is not null)
                return;
            var anchor = Connect();
            try
            {
                DuckDbLockdown.Apply(anchor, _allowedDirectories);
            }
            catch (DuckDBException ex)
            {
                anchor.Dispose();
                throw McpFlowException.Unavailable($"The workspace database could not be locked down ({ex.GetType().Name}).",
                    "Start McpFlow with --workspace <a fresh folder> if the database file is damaged.");
            }

            _anchor = anchor;
        }
    }

    private DuckDBConnection Connect()
    {
        var connection = new DuckDBConnection($"Data Source={_workspace.DatabasePath};{DuckDbLockdown.StartupOptions}");
        try
        {
            connection.Open();
        }
        catch (DuckDBException ex) when (ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            connection.Dispose();
            throw McpFlowException.Unavailable(
                $"The workspace database '{_workspace.DatabasePath}' is locked by another process.",
                "Another McpFlow (or DuckDB) process uses this workspace; stop it or start McpFlow with --workspace <another folder>.");
        }

        return connection;
    }
}
