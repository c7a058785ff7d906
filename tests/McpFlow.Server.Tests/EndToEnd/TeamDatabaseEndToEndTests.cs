using McpFlow.Core.Team;
using McpFlow.Server.Tests.Fixtures;
using McpFlow.Server.Tests.Support;
using McpFlow.Testing;
using McpFlow.Testing.Postgres;
using Npgsql;

namespace McpFlow.Server.Tests.EndToEnd;

/// <summary>The real server process with <c>MCPFLOW_TEAM_DATABASE</c>: it migrates the team database at start, and
/// refuses to start, saying why, on a database a newer McpFlow migrated.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TeamDatabaseEndToEndTests(PostgresServer postgres) : IDisposable
{
    private readonly string _root = TempFolder.Create("mcpflow-team-e2e");
    private readonly string _name = "e2e_" + Guid.NewGuid().ToString("N")[..10];

    private Dictionary<string, string> Environment(string database) => new() { ["MCPFLOW_TEAM_DATABASE"] = database };

    [Fact]
    public async Task Start_AppliesTheMigrations_BeforeServing()
    {
        var database = await postgres.CreateTeamDatabaseAsync(_name);
        using var process = ServerProcess.Start(["--workspace", Path.Combine(_root, "ws")], Environment(database));
        var stderr = process.StandardError.ReadToEndAsync();
        // The server answers initialize only after its start-up services ran; closing stdin then stops it.
        await process.StandardInput.WriteLineAsync(
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""");
        await process.StandardInput.FlushAsync();
        var answer = await process.StandardOutput.ReadLineAsync();
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // safety net only
        await process.WaitForExitAsync(timeout.Token);

        answer.Should().Contain("\"protocolVersion\"");
        process.ExitCode.Should().Be(0, await stderr);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM mcpflow_schema_migrations", connection);
        (await count.ExecuteScalarAsync()).Should().Be((long)SchemaMigrations.Core.Count);
    }

    [Fact]
    public async Task Start_Refuses_ADatabaseANewerMcpFlowMigrated_SayingWhy()
    {
        var database = await postgres.CreateTeamDatabaseAsync(_name);
        using (var db = NpgsqlDataSource.Create(database))
            SchemaMigrator.Apply(db, [.. SchemaMigrations.Core, new SchemaMigration(SchemaMigrations.Core.Count + 1, "from_the_future", "SELECT 1")], TimeProvider.System);

        var (code, _, stderr) = await ServerProcess.RunToExitAsync(["--workspace", Path.Combine(_root, "ws")], Environment(database), timeoutSeconds: 60);

        code.Should().NotBe(0);
        stderr.Should().Contain($"McpFlow cannot start: The team database's schema is at version {SchemaMigrations.Core.Count + 1} (from_the_future), newer than this McpFlow knows");
        stderr.Should().NotContain(postgres.TeamPassword);
    }

    public void Dispose() => TempFolder.TryDelete(_root);
}
