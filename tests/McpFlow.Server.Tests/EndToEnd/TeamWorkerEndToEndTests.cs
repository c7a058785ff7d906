using System.Diagnostics;
using System.Text.Json;
using McpFlow.Server.Tests.Fixtures;
using McpFlow.Server.Tests.Support;
using McpFlow.Testing;
using McpFlow.Testing.Postgres;
using Xunit.Abstractions;

namespace McpFlow.Server.Tests.EndToEnd;

/// <summary>
/// The server binary as a team worker (<c>--worker</c>), as real processes on a real PostgreSQL: a worker killed in the
/// middle of a training leaves the job to another worker, which runs it again to the end (Hangfire's invisibility
/// timeout, here <c>--job-retry-after 3</c>). A server in-process enqueues and follows the job. Every loop is bounded and
/// ends on the job's own record.
/// </summary>
[Collection(TeamPostgresCollection.Name)]
public sealed class TeamWorkerEndToEndTests(PostgresServer postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Poisson = """
        {"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"2*pi^2*sin(pi*x)*sin(pi*y)",
         "boundary_conditions":[{"where":"all","type":"dirichlet","value":"0"}]}
        """;

    private const int Steps = 8000;
    private readonly string _workspace = TempFolder.Create("mcpflow-team-workers");
    private readonly List<Process> _workers = [];
    private TeamJobNode? _server;

    private string Database => postgres.AdminConnectionString.Replace("Pooling=false", "Pooling=true", StringComparison.Ordinal);

    public async Task InitializeAsync() => _server = await TeamJobNode.ServerAsync(_workspace, Database, output);

    public async Task DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            if (!worker.HasExited)
                worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
            worker.Dispose();
        }

        if (_server is not null)
            await _server.DisposeAsync();
        TempFolder.TryDelete(_workspace);
    }

    [Fact]
    public async Task AWorkerKilledMidJob_IsReplacedByAnother_ThatFinishesTheJob()
    {
        var first = StartWorker();
        var start = await _server!.CallAsync("pinn_train", new { spec = JsonDocument.Parse(Poisson).RootElement, settings = new { depth = 1, width = 4, interior_points = 32, adam_steps = Steps, lbfgs_steps = 0 }, wait_seconds = 0 });
        var id = start.Structured().GetProperty("job").GetProperty("id").GetString()!;

        // Wait (bounded) until the first worker reports progress, then kill it without warning.
        var job = await PollAsync(id, j => j.TryGetProperty("progress", out _) || IsFinal(j), waitSeconds: 0.5, polls: 400);
        job.GetProperty("state").GetString().Should().Be("running", "the first worker must be mid-job when it is killed");
        job.GetProperty("runsOn").GetString().Should().Contain($"pid {first.Id})");
        first.Kill(entireProcessTree: true);
        await first.WaitForExitAsync();

        var second = StartWorker();
        var final = await PollAsync(id, IsFinal, waitSeconds: 10, polls: 60);

        final.GetProperty("state").GetString().Should().Be("succeeded", final.ToString());
        final.GetProperty("attempt").GetInt32().Should().Be(2, "the second worker ran the job again after the first died");
        final.GetProperty("runsOn").GetString().Should().Contain($"pid {second.Id})");
        // The second worker ended the training at Steps Adam steps, no L-BFGS (the settings above), from step 0 or from a
        // checkpoint of the first (a checkpoint every 1000 steps or every minute; CheckpointResumeTests covers resuming).
        final.GetProperty("progress").GetProperty("message").GetString().Should().Contain($"step {Steps}/{Steps}");
    }

    private Process StartWorker()
    {
        var worker = ServerProcess.Start(["--worker", "--workspace", _workspace, "--job-retry-after", "3", "--torch-threads", "1", "--max-jobs", "1", "--log-level", "Warning"],
            new Dictionary<string, string> { ["MCPFLOW_TEAM_DATABASE"] = Database });
        worker.ErrorDataReceived += (_, e) => Log(e.Data);
        worker.OutputDataReceived += (_, e) => Log(e.Data);
        worker.BeginErrorReadLine();
        worker.BeginOutputReadLine();
        _workers.Add(worker);
        return worker;
    }

    private void Log(string? line)
    {
        if (line is null)
            return;
        try
        {
            output.WriteLine("[worker] " + line);
        }
        catch (InvalidOperationException)
        {
            // The test already ended.
        }
    }

    private async Task<JsonElement> PollAsync(string id, Func<JsonElement, bool> done, double waitSeconds, int polls)
    {
        JsonElement job = default;
        for (var i = 0; i < polls; i++)
        {
            job = (await _server!.CallAsync("job_status", new { job_id = id, wait_seconds = waitSeconds })).Structured().GetProperty("job");
            if (done(job))
                return job;
        }

        return job;
    }

    private static bool IsFinal(JsonElement job) => job.GetProperty("state").GetString() is "succeeded" or "failed" or "cancelled" or "interrupted";
}
