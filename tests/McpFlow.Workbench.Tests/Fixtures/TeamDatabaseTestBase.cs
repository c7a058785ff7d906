using McpFlow.Core.Configuration;
using McpFlow.Core.Team;
using McpFlow.Testing.Postgres;
using Npgsql;

namespace McpFlow.Workbench.Tests.Fixtures;

/// <summary>A fresh team database per test (on the collection's PostgreSQL) and a way to open it as another McpFlow
/// process would (its own <see cref="TeamDatabase"/> and connection pool).</summary>
public abstract class TeamDatabaseTestBase(PostgresServer postgres) : IAsyncLifetime
{
    private readonly List<TeamDatabase> _opened = [];

    /// <summary>The server.</summary>
    protected PostgresServer Postgres { get; } = postgres;

    /// <summary>This test's database name.</summary>
    protected string Name { get; } = "team_" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The team role's connection string to it.</summary>
    protected string ConnectionString { get; private set; } = "";

    /// <summary>The clock every process of the test shares.</summary>
    protected FakeTime Time { get; } = new();

    /// <inheritdoc />
    public virtual async Task InitializeAsync() => ConnectionString = await Postgres.CreateTeamDatabaseAsync(Name);

    /// <inheritdoc />
    public virtual Task DisposeAsync()
    {
        foreach (var database in _opened)
            database.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The database as one McpFlow process sees it (migrated at first use).</summary>
    protected TeamDatabase Process()
    {
        var options = new McpFlowOptions();
        options.Team.Database = ConnectionString;
        var database = new TeamDatabase(options, Time);
        _opened.Add(database);
        return database;
    }

    /// <summary>Runs SQL as the superuser in this test's database (tampering, as someone with database access could).</summary>
    protected Task TamperAsync(string sql) => Postgres.AdminExecuteAsync(Name, sql);

    /// <summary>Polls pg_locks (each poll is a query, no sleep) until <paramref name="count"/> sessions of this database
    /// wait for an advisory lock.</summary>
    protected async Task WaitForLockWaitersAsync(int count)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (Convert.ToInt64(await ScalarAsync(
                   "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database " +
                   $"WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = '{Name}'"), System.Globalization.CultureInfo.InvariantCulture) < count)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(60)) // safety net only: the waiters queue within milliseconds
                throw new TimeoutException($"Fewer than {count} sessions waited for the lock.");
        }
    }

    /// <summary>A scalar as the team role.</summary>
    protected async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
