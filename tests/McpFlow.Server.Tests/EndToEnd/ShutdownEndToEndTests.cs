using System.Diagnostics;
using McpFlow.Server.Tests.Support;
using McpFlow.Testing;
using Microsoft.Data.Sqlite;

namespace McpFlow.Server.Tests.EndToEnd;

/// <summary>
/// A process must never outlive its client: with a background job running and a call blocked in native code (a SQLite
/// view whose first row never comes), closing stdin or sending SIGTERM ends the real server within seconds, and a
/// second server then opens the same workspace (DuckDB's lock was released).
/// </summary>
public sealed class ShutdownEndToEndTests : IAsyncLifetime
{
    // The server's own deadline is 3 s (ShutdownWatchdog.Deadline); the rest is margin for a loaded 2-core machine.
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(15);

    private const string Poisson = """
        {"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"2*pi^2*sin(pi*x)*sin(pi*y)",
         "boundary_conditions":[{"where":"all","type":"dirichlet","value":"0"}]}
        """;

    private readonly string _temp = TempFolder.Create("shutdown");

    private string Workspace => Path.Combine(_temp, "ws");

    private string Endless => Path.Combine(_temp, "endless.sqlite");

    public Task InitializeAsync()
    {
        // count(*) over an endless recursive CTE: SQLite's first step never returns.
        using var sqlite = new SqliteConnection($"Data Source={Endless};Pooling=False");
        sqlite.Open();
        using var command = sqlite.CreateCommand();
        command.CommandText = "CREATE VIEW endless AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) AS n FROM r";
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        TempFolder.TryDelete(_temp);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ClosingStdin_EndsTheServerWithinSeconds_DuringABlockedCallAndARunningJob_AndReleasesTheWorkspace()
    {
        await using (var server = await StartBusyServerAsync())
        {
            var clock = Stopwatch.StartNew();
            server.Process.StandardInput.Close();

            var took = await server.WaitForExitAsync(clock, ExitLimit);

            took.Should().BeLessThan(ExitLimit);
            server.Log.Should().Contain(l => l.Contains("standard input closed"));
        }

        await SecondServerOpensTheWorkspaceAsync();
    }

    [Fact]
    public async Task Sigterm_EndsTheServerWithinSeconds_DuringABlockedCallAndARunningJob_AndReleasesTheWorkspace()
    {
        if (!OperatingSystem.IsLinux())
            return; // SIGTERM is a POSIX signal; CI runs on Linux.
        await using (var server = await StartBusyServerAsync())
        {
            var clock = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", ["-TERM", server.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();

            var took = await server.WaitForExitAsync(clock, ExitLimit);

            took.Should().BeLessThan(ExitLimit);
            server.Log.Should().Contain(l => l.Contains("the host is stopping"));
        }

        await SecondServerOpensTheWorkspaceAsync();
    }

    // A server that holds the workspace database open, runs a long PINN training job, and has a data_load call stuck
    // in SQLite.
    private async Task<ServerSession> StartBusyServerAsync()
    {
        var server = await ServerSession.StartAsync(Workspace, _temp);
        (await server.Client.CallToolAsync("data_list_tables")).IsError.Should().NotBe(true);
        var training = await server.Client.CallToolAsync("pinn_train", new Dictionary<string, object?>
        {
            ["spec"] = System.Text.Json.JsonDocument.Parse(Poisson).RootElement,
            ["settings"] = new Dictionary<string, object?> { ["depth"] = 1, ["width"] = 8, ["interior_points"] = 64, ["adam_steps"] = 1_000_000, ["lbfgs_steps"] = 0 },
            ["wait_seconds"] = 0,
        });
        training.IsError.Should().NotBe(true, training.Text());
        _ = server.Client.CallToolAsync("data_load", new Dictionary<string, object?> { ["path"] = Endless, ["source_table"] = "endless" })
            .AsTask().ContinueWith(t => t.Exception, TaskScheduler.Default); // Never answered: the server goes away.
        // The SDK logs each call as it starts: the third is data_load's (bounded so a changed log line fails, not hangs).
        await server.WaitForLogAsync(l => l.Contains("'tools/call' request handler called"), count: 3).WaitAsync(TimeSpan.FromMinutes(2));
        return server;
    }

    private async Task SecondServerOpensTheWorkspaceAsync()
    {
        await using var second = await ServerSession.StartAsync(Workspace, _temp);
        var tables = await second.Client.CallToolAsync("data_list_tables");
        tables.IsError.Should().NotBe(true, tables.Text());
        var jobs = await second.Client.CallToolAsync("job_list");
        jobs.Text().Should().NotContain("[running]").And.NotContain("[queued]");
    }
}
