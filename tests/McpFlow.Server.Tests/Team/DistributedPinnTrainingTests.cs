using System.Text.Json;
using McpFlow.Server.Tests.Fixtures;
using McpFlow.Server.Tests.Support;
using McpFlow.Testing;
using McpFlow.Testing.Postgres;
using ModelContextProtocol.Protocol;
using Xunit.Abstractions;

namespace McpFlow.Server.Tests.Team;

/// <summary>
/// Team mode's jobs on Hangfire over a real PostgreSQL: a pinn_train started through server A runs on a worker, and
/// server B (another process's view: its own job manager, no memory of the job) follows it, reads its result and
/// cancels it. The three nodes share one workspace folder, as a team's machines share one. No wall-clock waits:
/// every loop is bounded and ends on the job's own state.
/// </summary>
[Collection(TeamPostgresCollection.Name)]
public sealed class DistributedPinnTrainingTests(PostgresServer postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Poisson = """
        {"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"2*pi^2*sin(pi*x)*sin(pi*y)",
         "boundary_conditions":[{"where":"all","type":"dirichlet","value":"0"}],"exact_solution":"sin(pi*x)*sin(pi*y)"}
        """;

    // Bounded polls: each job_status call waits up to 10 s for the job (it returns at once when the job finishes).
    private const int MaxPolls = 30;
    private readonly string _workspace = TempFolder.Create("mcpflow-team-jobs");
    private TeamJobNode? _a;
    private TeamJobNode? _b;
    private TeamJobNode? _worker;

    private string Database => postgres.AdminConnectionString.Replace("Pooling=false", "Pooling=true", StringComparison.Ordinal);

    public async Task InitializeAsync()
    {
        _a = await TeamJobNode.ServerAsync(_workspace, Database, output);
        _b = await TeamJobNode.ServerAsync(_workspace, Database, output);
        _worker = await TeamJobNode.WorkerAsync(_workspace, Database, output);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { _worker, _b, _a })
            if (node is not null)
                await node.DisposeAsync();
        TempFolder.TryDelete(_workspace);
    }

    [Fact]
    public async Task ATrainingStartedThroughA_RunsOnTheWorker_AndBReadsItsProgressAndResult()
    {
        // 40 Adam steps and no L-BFGS: the run's planned steps are 40 + 0 (TrainingOptions.AdamSteps + LbfgsSteps).
        var start = await _a!.CallAsync("pinn_train", new { spec = Spec(), settings = new { depth = 1, width = 4, interior_points = 32, adam_steps = 40, lbfgs_steps = 0 }, wait_seconds = 0 });
        start.IsError.Should().NotBe(true, start.Text());
        var job = start.Structured().GetProperty("job");
        var id = job.GetProperty("id").GetString()!;
        job.GetProperty("runsOn").GetString().Should().Contain("queue 'physics'", "a distributable kind is enqueued, not run by server A");

        var final = await FollowThroughBAsync(id, state => state is "succeeded" or "failed" or "cancelled");

        var record = final.Structured().GetProperty("job");
        record.GetProperty("state").GetString().Should().Be("succeeded", final.Text());
        record.GetProperty("runsOn").GetString().Should().StartWith("worker ", "the worker recorded itself when it took the job");
        record.GetProperty("attempt").GetInt32().Should().Be(1);
        // The worker's last progress report reached B through the database: step 40 of 40 is the whole training.
        record.GetProperty("progress").GetProperty("fraction").GetDouble().Should().Be(1.0);
        record.GetProperty("progress").GetProperty("message").GetString().Should().Contain("step 40/40");
        var result = final.Structured().GetProperty("result");
        result.GetProperty("final").GetProperty("steps").GetDouble().Should().Be(40);
        final.Text().Should().Contain($"Job {id}").And.Contain("finished");

        // A (which enqueued it) lists it as B sees it, and B reads the run's files through pinn_status by job id.
        var list = await _a.CallAsync("job_list", new { limit = 5 });
        list.Structured().GetProperty("jobs").EnumerateArray().Should().Contain(j => j.GetProperty("id").GetString() == id && j.GetProperty("state").GetString() == "succeeded");
        var status = await _b!.CallAsync("pinn_status", new { run_id = id });
        status.IsError.Should().NotBe(true, status.Text());
        status.Text().Should().Contain(result.GetProperty("run_id").GetString()!);
    }

    [Fact]
    public async Task CancellingThroughB_StopsTheTrainingOnTheWorker()
    {
        // A million Adam steps: far longer than the test, so only the cancellation ends it.
        var start = await _a!.CallAsync("pinn_train", new { spec = Spec(), settings = new { depth = 1, width = 4, interior_points = 32, adam_steps = 1_000_000, lbfgs_steps = 0 }, wait_seconds = 0 });
        var id = start.Structured().GetProperty("job").GetProperty("id").GetString()!;
        var running = await FollowThroughBAsync(id, state => state != "queued", requireProgress: true);
        running.Structured().GetProperty("job").GetProperty("state").GetString().Should().Be("running", running.Text());

        var cancel = await _b!.CallAsync("job_cancel", new { job_id = id });
        cancel.IsError.Should().NotBe(true, cancel.Text());

        // The worker acknowledges: its own record of the job says it stopped it (not only the engine's deleted state).
        JsonElement record = default;
        for (var i = 0; i < MaxPolls * 20; i++)
        {
            record = (await _b.CallAsync("job_status", new { job_id = id })).Structured().GetProperty("job");
            if (record.TryGetProperty("error", out var e) && e.GetString()!.Contains("the worker stopped it", StringComparison.Ordinal))
                break;
            await Task.Delay(TimeSpan.FromMilliseconds(250)); // Bounded poll on the job's own record.
        }

        record.GetProperty("state").GetString().Should().Be("cancelled");
        record.GetProperty("error").GetString().Should().Contain("the worker stopped it");
        var steps = record.GetProperty("progress").GetProperty("fraction").GetDouble();
        steps.Should().BeLessThan(1.0, "the training stopped long before its million steps");
    }

    private async Task<CallToolResult> FollowThroughBAsync(string id, Func<string, bool> done, bool requireProgress = false)
    {
        CallToolResult last = null!;
        for (var i = 0; i < MaxPolls; i++)
        {
            last = await _b!.CallAsync("job_status", new { job_id = id, wait_seconds = requireProgress ? 1 : 10 });
            var job = last.Structured().GetProperty("job");
            if (done(job.GetProperty("state").GetString()!) && (!requireProgress || job.TryGetProperty("progress", out _)))
                return last;
        }

        return last;
    }

    private static JsonElement Spec() => JsonDocument.Parse(Poisson).RootElement;
}
