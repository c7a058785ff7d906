using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using Npgsql;

namespace McpFlow.Core.Team;

/// <summary>
/// Team mode's shared PostgreSQL database (<see cref="TeamOptions.Database"/>): one connection pool per process, and
/// the schema brought to this McpFlow's version (<see cref="SchemaMigrations.Core"/>) once, before the first connection
/// is handed out (at start by <see cref="TeamDatabaseStartup"/>). Registered always, used only when
/// <see cref="Enabled"/>: nothing connects in single-user mode.
/// </summary>
public sealed class TeamDatabase(McpFlowOptions options, TimeProvider time) : IDisposable
{
    private readonly Lock _lock = new();
    private NpgsqlDataSource? _source;
    private MigrationResult? _migrated;

    /// <summary>True when a team database is configured.</summary>
    public bool Enabled => options.Team.Enabled;

    /// <summary>The connection pool (created at first use).</summary>
    public NpgsqlDataSource Source
    {
        get
        {
            lock (_lock)
                return _source ??= Enabled
                    ? NpgsqlDataSource.Create(options.Team.Database!)
                    : throw new InvalidOperationException("No team database is configured (MCPFLOW_TEAM_DATABASE).");
        }
    }

    /// <summary>Applies the missing migrations, once per process; later calls return the first result.</summary>
    public MigrationResult EnsureMigrated(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_migrated is not null)
                return _migrated;
        }

        var result = Reachable(() => SchemaMigrator.Apply(Source, SchemaMigrations.Core, time, cancellationToken));
        lock (_lock)
            return _migrated ??= result;
    }

    /// <summary>An open connection to the migrated database (dispose it).</summary>
    public NpgsqlConnection Open()
    {
        EnsureMigrated();
        return Reachable(Source.OpenConnection);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
            _source?.Dispose();
    }

    // A connection failure becomes an Unavailable error without the driver's text (it can name hosts and users).
    private static T Reachable<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (NpgsqlException ex) when (ex is not PostgresException)
        {
            throw new McpFlowException(ErrorKind.Unavailable,
                $"The team database cannot be reached ({ex.GetType().Name}), so shared runs and the audit chain are unavailable.",
                "Ask the operator to check that PostgreSQL is running and MCPFLOW_TEAM_DATABASE names it (docs/deployment.md).", ex);
        }
    }
}
