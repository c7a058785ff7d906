using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using McpFlow.Core.Errors;
using McpFlow.Core.Team;
using McpFlow.Core.Tests.Fixtures;
using McpFlow.Testing;
using McpFlow.Testing.Postgres;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace McpFlow.Core.Tests.Team;

/// <summary>The team database's migrations on a real PostgreSQL: applied once, in one transaction, safe when two
/// processes start together, and refused when an applied script changed or the database is newer than the code.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SchemaMigratorTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly string _name = "mig_" + Guid.NewGuid().ToString("N")[..10];
    private NpgsqlDataSource _db = null!;

    private static IReadOnlyList<SchemaMigration> Core => SchemaMigrations.Core;

    public async Task InitializeAsync() => _db = NpgsqlDataSource.Create(await postgres.CreateTeamDatabaseAsync(_name));

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public void CoreScripts_AreNumberedFromOne_AndChecksummedOverTheirText()
    {
        var first = Core[0];
        first.Version.Should().Be(1);
        first.Name.Should().Be("workbench_records_and_audit");
        // Expected: SHA-256 of the script file in the repository, hashed here directly (LF line endings).
        var file = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "McpFlow.Core", "Team", "Migrations", "0001_workbench_records_and_audit.sql"));
        first.Checksum.Should().Be(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file.ReplaceLineEndings("\n")))));
        Core.Select(m => m.Version).Should().Equal(Enumerable.Range(1, Core.Count));
    }

    [Fact]
    public async Task Apply_AppliesEachScriptOnce_AndRecordsVersionNameChecksumAndTime()
    {
        var first = SchemaMigrator.Apply(_db, Core, _time);
        _time.Advance(TimeSpan.FromMinutes(5));
        var second = SchemaMigrator.Apply(_db, Core, _time);

        first.Applied.Should().Equal(Enumerable.Range(1, Core.Count));
        first.Version.Should().Be(Core.Count);
        second.Applied.Should().BeEmpty("the database is already current");
        second.Version.Should().Be(Core.Count);
        var rows = await RowsAsync();
        rows.Should().Equal(Core.Select(m => (m.Version, m.Name, m.Checksum, Start)).ToList(), "applied_at is the fake clock's time at the first start");
        (await ScalarAsync("SELECT seq FROM mcpflow_audit_head WHERE id = 1")).Should().Be(0L, "migration 1 starts an empty chain");
    }

    [Fact]
    public async Task TwoProcessesStartingTogether_ApplyEachScriptExactlyOnce()
    {
        // A third session holds the migration lock until both starts are waiting for it, so they really contend.
        await using var holder = await _db.OpenConnectionAsync();
        await ExecuteAsync(holder, $"SELECT pg_advisory_lock({SchemaMigrator.LockKey})");
        await using var a = NpgsqlDataSource.Create(postgres.TeamConnectionString(_name));
        await using var b = NpgsqlDataSource.Create(postgres.TeamConnectionString(_name));
        var startA = Task.Run(() => SchemaMigrator.Apply(a, Core, _time));
        var startB = Task.Run(() => SchemaMigrator.Apply(b, Core, _time));
        await WaitForWaitingLocksAsync(2);
        await ExecuteAsync(holder, $"SELECT pg_advisory_unlock({SchemaMigrator.LockKey})");
        var results = await Task.WhenAll(startA, startB);

        results.SelectMany(r => r.Applied).Should().Equal(Enumerable.Range(1, Core.Count), "one start applies every script, the other finds them applied");
        results.Should().ContainSingle(r => r.Applied.Count == 0);
        results.Select(r => r.Version).Should().AllBeEquivalentTo(Core.Count);
        (await RowsAsync()).Should().HaveCount(Core.Count);
    }

    [Fact]
    public async Task AnAppliedScriptThatChanged_StopsTheStart_NamingVersionAndChecksums()
    {
        SchemaMigrator.Apply(_db, Core, _time);
        var edited = Core.Select(m => m.Version == 1 ? m with { Sql = m.Sql + "\nCREATE TABLE sneaky (id int);" } : m).ToList();

        var act = () => SchemaMigrator.Apply(_db, edited, _time);

        var error = act.Should().Throw<McpFlowException>().Which;
        error.Kind.Should().Be(ErrorKind.Conflict);
        error.Message.Should().Be(
            $"The team database's migration 1 was applied as 'workbench_records_and_audit' with checksum {Core[0].Checksum[..12]}…, but this McpFlow's " +
            $"migration 1 is 'workbench_records_and_audit' with checksum {edited[0].Checksum[..12]}…: the script changed after it was applied. McpFlow did not start.");
        (await ScalarAsync("SELECT to_regclass('sneaky') IS NULL")).Should().Be(true, "nothing of the edited script ran");
    }

    [Fact]
    public async Task ADatabaseNewerThanTheCode_RefusesToStart()
    {
        SchemaMigrator.Apply(_db, [.. Core, new SchemaMigration(Core.Count + 1, "future_table", "CREATE TABLE mcpflow_future (id int)")], _time);

        var act = () => SchemaMigrator.Apply(_db, Core, _time);

        act.Should().Throw<McpFlowException>().Which.Message.Should().Be(
            $"The team database's schema is at version {Core.Count + 1} (future_table), newer than this McpFlow knows (version {Core.Count}): " +
            "a newer McpFlow migrated it. McpFlow did not start, so it changes nothing it does not understand.");
        (await RowsAsync()).Should().HaveCount(Core.Count + 1);
    }

    [Fact]
    public async Task AFailingScript_RollsBackEveryScriptOfThatStart()
    {
        SchemaMigrator.Apply(_db, Core, _time);
        IReadOnlyList<SchemaMigration> next =
        [
            .. Core, new SchemaMigration(Core.Count + 1, "good", "CREATE TABLE mcpflow_good (id int)"),
            new SchemaMigration(Core.Count + 2, "bad", "CREATE TABLE mcpflow_bad (id no_such_type)"),
        ];

        var act = () => SchemaMigrator.Apply(_db, next, _time);

        act.Should().Throw<PostgresException>().Which.SqlState.Should().Be(PostgresErrorCodes.UndefinedObject);
        (await ScalarAsync("SELECT to_regclass('mcpflow_good') IS NULL")).Should().Be(true, "script N+1 ran in the same transaction as the failing N+2");
        (await RowsAsync()).Should().HaveCount(Core.Count);
    }

    private async Task<List<(int, string, string, DateTimeOffset)>> RowsAsync()
    {
        await using var connection = await _db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT version, name, checksum, applied_at FROM mcpflow_schema_migrations ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, string, string, DateTimeOffset)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero)));
        return rows;
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await _db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // Polls pg_locks (each poll is a query, no sleep) until `count` sessions wait for an advisory lock in this database.
    private async Task WaitForWaitingLocksAsync(int count)
    {
        var watch = Stopwatch.StartNew();
        while (Convert.ToInt64(await ScalarAsync(
                   $"SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = '{_name}'")) < count)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(60)) // safety net only: two sessions queue within milliseconds
                throw new TimeoutException($"Fewer than {count} migrations waited for the lock.");
        }
    }
}
