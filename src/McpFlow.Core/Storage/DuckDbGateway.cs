using DuckDB.NET.Data;
using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Core.Storage.Catalogue;
using McpFlow.Core.Workspace;

namespace McpFlow.Core.Storage;

/// <summary>
/// The one way into DuckDB for every tool group. It opens the workspace database (<c>data.duckdb</c>) once,
/// locks it down (<see cref="DuckDbLockdown"/>) and keeps that first connection open for the life of the process,
/// so the database instance, and with it the lock-down, is never dropped and re-created with DuckDB's defaults
/// (DuckDB.NET closes a database when its last connection closes). Every connection handed out is checked to be
/// locked before it is returned. A second process on the same workspace cannot open it (DuckDB locks the file);
/// that is reported with the fix. In team mode (<see cref="SharedTableCatalogue.Enabled"/>) the database is the
/// process's own file on the local disk (<see cref="LocalDatabaseFolder"/>), so every server and worker can open one, and
/// each connection is first brought up to date with the team's table catalogue (<see cref="SharedTableCatalogue.Refresh"/>).
/// </summary>
public sealed class DuckDbGateway : IDisposable
{
    private readonly McpFlowWorkspace _workspace;
    private readonly SharedTableCatalogue? _catalogue;
    private readonly IReadOnlyList<string> _allowedDirectories;
    private readonly Lock _lock = new();
    private DuckDBConnection? _anchor;
    private bool _disposed;

    /// <summary>Creates a single-user gateway over the workspace's <c>data.duckdb</c>; nothing is opened until the first
    /// <see cref="Open"/>.</summary>
    public DuckDbGateway(McpFlowWorkspace workspace, FileAccessGuard guard)
    {
        _workspace = workspace;
        _allowedDirectories = Directories(workspace, guard, null);
    }

    /// <summary>Creates the gateway of a server: over the workspace's <c>data.duckdb</c>, or in team mode over the
    /// process's local file kept up to date with <paramref name="catalogue"/>; nothing is opened until the first
    /// <see cref="Open"/>.</summary>
    public DuckDbGateway(McpFlowWorkspace workspace, FileAccessGuard guard, SharedTableCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _workspace = workspace;
        _catalogue = catalogue.Enabled ? catalogue : null;
        _allowedDirectories = Directories(workspace, guard, _catalogue);
    }

    /// <summary>The database file: the workspace's <c>data.duckdb</c>, or in team mode this process's local file.</summary>
    public string DatabasePath => _catalogue?.LocalFolder?.DatabasePath ?? _workspace.DatabasePath;

    /// <summary>The team's table catalogue in team mode; null in single-user mode.</summary>
    public SharedTableCatalogue? Catalogue => _catalogue;

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

            _catalogue?.Refresh(connection);
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

    // The roots are canonical (symbolic links resolved), as DuckDB compares resolved paths; the workspace is one of the
    // roots (see McpFlowOptions.EffectiveAllowedRoots), added here too for gateways built by hand. In team mode the
    // process's local folder too: snapshots are read from their verified copies there.
    private static List<string> Directories(McpFlowWorkspace workspace, FileAccessGuard guard, SharedTableCatalogue? catalogue)
    {
        ArgumentNullException.ThrowIfNull(guard);
        var directories = guard.Roots.Append(PathResolution.Canonicalize(workspace.Root));
        if (catalogue?.LocalFolder is { } local)
            directories = directories.Append(local.Folder);
        return directories.Distinct(StringComparer.Ordinal).ToList();
    }

    private void EnsureAnchor()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_anchor is not null)
                return;
            _catalogue?.LocalFolder?.Ensure();
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
        var connection = new DuckDBConnection($"Data Source={DatabasePath};{DuckDbLockdown.StartupOptions}");
        try
        {
            connection.Open();
        }
        catch (DuckDBException ex) when (ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            connection.Dispose();
            throw McpFlowException.Unavailable(
                $"The workspace database '{DatabasePath}' is locked by another process.",
                "Another McpFlow (or DuckDB) process uses this workspace; stop it or start McpFlow with --workspace <another folder>.");
        }

        return connection;
    }
}
