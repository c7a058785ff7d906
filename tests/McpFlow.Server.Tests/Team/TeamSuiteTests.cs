using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using McpFlow.Server.Tests.Fixtures;
using McpFlow.Server.Tests.Support;
using McpFlow.Testing;
using McpFlow.Testing.Postgres;
using ModelContextProtocol.Protocol;
using Npgsql;
using Xunit.Abstractions;

namespace McpFlow.Server.Tests.Team;

/// <summary>
/// Issue 16's "Done when": team mode as a team runs it, every part a real process. A real PostgreSQL (the team database,
/// reached as the fixture's read-write team role), two McpFlow HTTP servers A and B and job workers, each the built
/// server binary, all with <c>MCPFLOW_TEAM_DATABASE</c> and one shared workspace folder, on loopback. Users come from
/// <c>MCPFLOW_USERS</c> (token hashes): analysts ana and ben, approver cleo. The suite plays: ana records a run through A
/// and ben through B; cleo approves ana's run through B and A shows the decision; a training ana enqueues through A runs
/// on worker 1 while B follows its progress; ana loads a CSV through A and ben queries it through B; a second training's worker is killed mid-job and a second worker finishes
/// it; the audit chain verifies through both servers and names each user. No fixed waits: every loop polls the state it
/// waits for, bounded by a generous limit; failures show every process's log.
/// </summary>
[Collection(TeamPostgresCollection.Name)]
public sealed class TeamSuiteTests(PostgresServer postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const string AnaToken = "suite-ana-5c0e81";
    private const string BenToken = "suite-ben-d42a17";
    private const string CleoToken = "suite-cleo-9b36f2";
    private const string DatabaseName = "mcpflow_team_suite";

    // How soon a killed worker's job goes to another worker (MCPFLOW_JOB_RETRY_AFTER; its lower bound).
    private const int RetryAfterSeconds = 10;

    private const string Poisson = """
        {"preset":"poisson","domain":{"x":[0,1],"y":[0,1]},"source":"2*pi^2*sin(pi*x)*sin(pi*y)",
         "boundary_conditions":[{"where":"all","type":"dirichlet","value":"0"}],"exact_solution":"sin(pi*x)*sin(pi*y)"}
        """;

    // Generous bound on each wait for a job's state (a loaded 2-core machine; the loops end as soon as the state is seen).
    private static readonly TimeSpan JobLimit = TimeSpan.FromMinutes(5);

    private readonly string _temp = TempFolder.Create("team-suite");
    private readonly List<TeamWorkerProcess> _workers = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Dictionary<string, string> _environment = null!;
    private HttpServer? _a;
    private HttpServer? _b;

    private string Workspace => Path.Combine(_temp, "ws");

    private string[] Arguments => ["--workspace", Workspace, "--allow-root", _temp];

    // The hash `mcpflow --new-token` prints: SHA-256 of the token's UTF-8 bytes, lower-case hex.
    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task InitializeAsync()
    {
        var database = await postgres.CreateTeamDatabaseAsync(DatabaseName);
        _environment = new Dictionary<string, string>
        {
            ["MCPFLOW_TEAM_DATABASE"] = database,
            ["MCPFLOW_USERS"] = $"ana:analyst:{Hash(AnaToken)};ben:analyst:{Hash(BenToken)};cleo:approver:{Hash(CleoToken)}",
            ["MCPFLOW_JOB_RETRY_AFTER"] = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture),
            ["MCPFLOW_TORCH_THREADS"] = "1",
        };
        // A first, alone: it applies the team database's migrations; B and the workers find them applied.
        _a = await HttpServer.StartAsync(Arguments, environment: _environment);
        _b = await HttpServer.StartAsync(Arguments, environment: _environment);
        try
        {
            _workers.Add(await TeamWorkerProcess.StartAsync(Arguments, _environment));
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{ex.Message}\n{Logs()}", ex);
        }

        Note("started PostgreSQL's database, servers A and B and worker 1");
    }

    public async Task DisposeAsync()
    {
        foreach (var worker in _workers)
            await worker.DisposeAsync();
        if (_b is not null)
            await _b.DisposeAsync();
        if (_a is not null)
            await _a.DisposeAsync();
        TempFolder.TryDelete(_temp);
    }

    [Fact]
    public async Task TwoServersAndWorkers_ShareOneReviewQueue_JobsSurviveAKilledWorker_AndTheAuditNamesEachUser()
    {
        try
        {
            await PlayAsync();
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\n{Logs()}", ex);
        }
    }

    private async Task PlayAsync()
    {
        await using var anaA = await _a!.ConnectAsync(AnaToken);
        await using var anaB = await _b!.ConnectAsync(AnaToken);
        await using var benB = await _b.ConnectAsync(BenToken);
        await using var cleoA = await _a.ConnectAsync(CleoToken);
        await using var cleoB = await _b.ConnectAsync(CleoToken);

        // 1. Two analysts record runs, one through each server.
        var anaRun = await RecordAsync(anaA, "ana", 1.25);
        var benRun = await RecordAsync(benB, "ben", 2.5);
        anaRun.Should().NotBe(benRun);
        // Both servers list both runs: one review queue in the team database.
        foreach (var (server, client) in new[] { ("A", anaA), ("B", cleoB) })
        {
            var list = await CallAsync(client, "workbench_list_runs", new { });
            list.Text().Should().Contain(anaRun, $"server {server} lists ana's run").And.Contain(benRun, $"server {server} lists ben's run");
        }

        Note("1. ana recorded through A, ben through B; both servers list both runs");

        // 2. The approver decides ana's run (recorded through A) through B; A then shows the decision.
        var decided = await CallAsync(cleoB, "workbench_decide", new { run_id = anaRun, decision = "approve" });
        decided.Text().Should().Contain(anaRun);
        var card = await CallAsync(cleoA, "workbench_run_card", new { run_id = anaRun });
        var full = card.Structured();
        full.GetProperty("state").GetString().Should().Be("APPROVED", card.Text());
        full.GetProperty("approval").GetProperty("reviewer").GetString().Should().Be("cleo", "the authenticated approver decided, through the other server");
        // An analyst may not decide (roles hold on either server).
        var refused = await anaB.Client.CallToolAsync("workbench_decide", new Dictionary<string, object?> { ["run_id"] = benRun, ["decision"] = "approve" });
        refused.Text().Should().Contain("User 'ana' has the role analyst; workbench_decide needs the role approver.");
        Note("2. cleo approved ana's run through B; A shows APPROVED by cleo");

        // 2b. The data tools through either server (the table catalogue in PostgreSQL, one DuckDB file per process): ana
        // loads a CSV through A and ben queries it through B. Expected: 3 rows, amounts 2 + 3 + 5 = 10.
        var csv = Path.Combine(_temp, "orders.csv");
        await File.WriteAllTextAsync(csv, "id,amount\n1,2\n2,3\n3,5\n");
        await CallAsync(anaA, "data_load", new { path = csv, table = "orders" });
        var sum = (await CallAsync(benB, "data_query", new { sql = "SELECT count(*), sum(amount) FROM orders" })).Structured().GetProperty("rows")[0];
        (sum[0].GetInt64(), sum[1].GetDouble()).Should().Be((3L, 10.0), "B reads the table A loaded");
        Note("2b. ana loaded orders.csv through A; ben queried it through B");

        // 3. A training enqueued through A runs on worker 1; B follows its progress and reads its result.
        // 300 Adam steps and no L-BFGS: the run's planned steps are 300 + 0 (TrainingOptions.AdamSteps + LbfgsSteps).
        var first = await StartTrainingAsync(anaA, adamSteps: 300);
        var firstRunning = await FollowAsync(anaB, first, j => j.Progress is { } p && p > 0, "worker 1 reports progress of the first training");
        firstRunning.RunsOn.Should().Contain($"(pid {_workers[0].Process.Id})", "worker 1 took the job, not a server");
        var firstDone = await FollowAsync(anaB, first, j => j.IsFinal, "the first training finishes");
        firstDone.State.Should().Be("succeeded", firstDone.Text);
        firstDone.Attempt.Should().Be(1);
        firstDone.StartedBy.Should().Be("ana", "the worker ran the job as the user who started it");
        firstDone.RunsOn.Should().Contain($"(pid {_workers[0].Process.Id})");
        firstDone.Progress.Should().Be(1.0);
        firstDone.Message.Should().Contain("step 300/300");
        firstDone.PinnRun.Should().NotBeNull(firstDone.Text);
        var status = await CallAsync(anaB, "pinn_status", new { run_id = first });
        status.Text().Should().Contain(firstDone.PinnRun).And.Contain("[finished]").And.Contain("steps 300");
        Note("3. training through A ran on worker 1, followed from B");

        // 4. A second, long training: worker 1 is killed mid-job and worker 2 (started after) resumes it from its newest
        // checkpoint and runs it to the end. 5000 Adam steps with a checkpoint every 100: worker 1 is killed as soon as
        // the run folder holds a checkpoint's manifest (the first is after step 100), far from the end.
        var second = await StartTrainingAsync(anaA, adamSteps: 5000, checkpointEvery: 100);
        var midway = await FollowAsync(anaB, second, j => j.Progress is { } p && p > 0, "worker 1 reports progress of the second training");
        midway.State.Should().Be("running");
        var killed = _workers[0].Process.Id;
        midway.RunsOn.Should().Contain($"(pid {killed})");
        var manifests = await FirstCheckpointsAsync(second);
        await _workers[0].KillAsync();
        var afterKill = JobView.From(await CallAsync(anaB, "job_status", new { job_id = second }));
        afterKill.IsFinal.Should().BeFalse($"worker 1 was killed mid-way: {afterKill.Text}");
        Note($"4. killed worker 1 (pid {killed}) at {afterKill.Message}; checkpoints: {string.Join(", ", manifests)}");
        _workers.Add(await TeamWorkerProcess.StartAsync(Arguments, _environment));
        var replacement = _workers[1].Process.Id;
        // Progress continues from the checkpoint: worker 2's first report is past step 101 (its record's progress starts empty).
        var taken = await FollowAsync(anaB, second, j => (j.Attempt == 2 && j.Progress is not null) || j.IsFinal, "worker 2 reports progress of the taken-over training");
        if (!taken.IsFinal)
            taken.Progress.Should().BeGreaterThanOrEqualTo(101.0 / 5000, $"worker 2 continued after the checkpoint: {taken.Message}");
        var retried = await FollowAsync(anaB, second, j => j.IsFinal, "worker 2 finishes the training of the killed worker 1");
        retried.State.Should().Be("succeeded", retried.Text);
        retried.Attempt.Should().Be(2, "the first attempt died with worker 1");
        retried.RunsOn.Should().Contain($"(pid {replacement})", "worker 2 ran it again");
        retried.Progress.Should().Be(1.0);
        retried.Message.Should().Contain("step 5000/5000");
        // Worker 2 resumed from a checkpoint (a later one than those seen before the kill may have been written since,
        // so the step is at least the first one's next step, 101) instead of starting at step 0.
        var resumedAt = ResumedStep(retried.Note);
        resumedAt.Should().BeGreaterThanOrEqualTo(101, $"worker 2 resumed instead of restarting: {retried.Note}");
        Note($"4. worker 2 finished the killed job; {retried.Note}");

        // 5. The audit chain verifies through either server, and its entries name each user.
        foreach (var (server, client) in new[] { ("A", cleoA), ("B", benB) })
        {
            var verify = await CallAsync(client, "workbench_audit", new { action = "verify" });
            verify.Text().Should().StartWith("Audit trail intact", $"verified through server {server}");
            verify.Structured().GetProperty("valid").GetBoolean().Should().BeTrue();
        }

        var query = await CallAsync(cleoA, "workbench_audit", new { action = "query", limit = 1000 });
        var entries = query.Structured().GetProperty("entries").EnumerateArray()
            .Select(e => (User: Field(e, "user"), Kind: Field(e, "kind"), Tool: Field(e, "tool"), Run: Field(e, "runId"), Record: Field(e, "record"))).ToList();
        entries.Should().Contain(e => e.User == "ana" && e.Tool == "workbench_record_run" && e.Kind == "tool_call");
        entries.Should().Contain(e => e.User == "ben" && e.Tool == "workbench_record_run" && e.Kind == "tool_call");
        entries.Should().Contain(e => e.User == "cleo" && e.Tool == "workbench_decide" && e.Kind == "tool_call");
        entries.Should().Contain(e => e.User == "ana" && e.Tool == "workbench_decide" && e.Kind == "refused");
        entries.Count(e => e.User == "ana" && e.Tool == "pinn_train").Should().Be(2, "ana started both trainings");
        entries.Select(e => e.User).Distinct().Should().BeEquivalentTo(["ana", "ben", "cleo"], "every entry names one of the three users, none the local user: " + string.Join("; ", entries.Where(e => e.User is not ("ana" or "ben" or "cleo")).Select(e => $"{e.User} {e.Kind} {e.Tool} {e.Run} {e.Record}")));
        // Independently of the tool: the chain's rows in PostgreSQL name the same users.
        await using (var db = new NpgsqlConnection(_environment["MCPFLOW_TEAM_DATABASE"]))
        {
            await db.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT string_agg(DISTINCT user_name, ',' ORDER BY user_name) FROM mcpflow_audit", db);
            (await command.ExecuteScalarAsync()).Should().Be("ana,ben,cleo");
        }

        Note("5. audit chain verified through A and B; entries name ana, ben and cleo");

        foreach (var log in new[] { _a.Log, _b.Log }.Concat(_workers.Select(w => w.Log)))
            log.Should().NotContain(AnaToken).And.NotContain(BenToken).And.NotContain(CleoToken).And.NotContain(postgres.TeamPassword);
    }

    private static string? Field(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private async Task<string> RecordAsync(HttpServer.Connection client, string user, double rmse)
    {
        // Outputs live under the allowed root (the test's folder), outside the workspace, as a notebook's would.
        var folder = Path.Combine(_temp, "results-" + user);
        Directory.CreateDirectory(folder);
        var csv = Path.Combine(folder, "predictions.csv");
        await File.WriteAllTextAsync(csv, "x,y\n" + string.Join("\n", Enumerable.Range(1, 10).Select(i => $"{i},{2 * i + 0.5}")) + "\n");
        var rmseText = rmse.ToString("0.00", CultureInfo.InvariantCulture);
        var recorded = await CallAsync(client, "workbench_record_run", new
        {
            title = $"Ridge by {user}",
            output_files = new[] { csv },
            summary = $"RMSE {rmseText} on the holdout.",
            metrics = new Dictionary<string, double> { ["rmse"] = rmse },
            kind = "training",
        });
        var run = recorded.Structured();
        run.GetProperty("state").GetString().Should().Be("REVIEWED", recorded.Text());
        return run.GetProperty("runId").GetString()!;
    }

    // Polls the run folder of job `id` (a file listing, every 20 ms) until it holds a checkpoint's manifest, bounded.
    private async Task<List<string>> FirstCheckpointsAsync(string id)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < JobLimit)
        {
            if (Checkpoints(id) is { Count: > 0 } found)
                return found;
            await Task.Delay(20);
        }

        throw new TimeoutException($"Timed out after {JobLimit.TotalSeconds:0} s waiting for the first checkpoint of job {id}.");
    }

    // The manifests of the checkpoints of the run trained by job `id` (run.json names its job).
    private List<string> Checkpoints(string id) =>
        Directory.EnumerateDirectories(Path.Combine(Workspace, "physics", "runs"))
            .Where(d => File.Exists(Path.Combine(d, "run.json")) && File.ReadAllText(Path.Combine(d, "run.json")).Contains(id, StringComparison.Ordinal))
            .SelectMany(d => Directory.EnumerateFiles(d, "checkpoint-*.json"))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    // "… resumed from checkpoint-0000200 at step 201 of 5000 …" (the job's note) → 201; 0 when it did not resume.
    private static long ResumedStep(string? note) =>
        note is not null && System.Text.RegularExpressions.Regex.Match(note, @"resumed from checkpoint-[0-9]{7} at step (?<step>[0-9]+) of") is { Success: true } m
            ? long.Parse(m.Groups["step"].Value, CultureInfo.InvariantCulture)
            : 0;

    private static async Task<string> StartTrainingAsync(HttpServer.Connection client, int adamSteps, int checkpointEvery = 1000)
    {
        var start = await CallAsync(client, "pinn_train", new
        {
            spec = JsonDocument.Parse(Poisson).RootElement,
            settings = new { depth = 2, width = 16, interior_points = 256, adam_steps = adamSteps, lbfgs_steps = 0, checkpoint_every = checkpointEvery },
            wait_seconds = 0,
        });
        var job = start.Structured().GetProperty("job");
        job.GetProperty("runsOn").GetString().Should().Contain("queue 'physics'", "a distributable kind is enqueued, not run by server A");
        return job.GetProperty("id").GetString()!;
    }

    // Polls job_status through the client (each call waits up to 1 s for the job to change), until `done` holds or the
    // limit passes; the failure message carries the last record and every process's log.
    private async Task<JobView> FollowAsync(HttpServer.Connection client, string id, Func<JobView, bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        JobView last;
        do
        {
            var result = await CallAsync(client, "job_status", new { job_id = id, wait_seconds = 1 });
            last = JobView.From(result);
            if (done(last))
                return last;
        }
        while (clock.Elapsed < JobLimit);

        throw new TimeoutException($"Timed out after {JobLimit.TotalSeconds:0} s waiting until {what}. Last job_status:\n{last.Text}");
    }

    private static async Task<CallToolResult> CallAsync(HttpServer.Connection client, string tool, object arguments)
    {
        var result = await client.Client.CallToolAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!);
        result.IsError.Should().NotBe(true, $"{tool} failed: {result.Text()}");
        return result;
    }

    private string Logs()
    {
        var logs = new StringBuilder();
        logs.Append("--- server A log ---\n").Append(_a?.Log).Append("\n--- server B log ---\n").Append(_b?.Log);
        for (var i = 0; i < _workers.Count; i++)
            logs.Append($"\n--- worker {i + 1} (pid {_workers[i].Process.Id}) log ---\n").Append(_workers[i].Log);
        return logs.ToString();
    }

    private void Note(string step) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  {step}");

    /// <summary>What job_status says of a job.</summary>
    private sealed record JobView(string State, string RunsOn, int? Attempt, double? Progress, string? Message, string? PinnRun, string? StartedBy, string? Note, string Text)
    {
        public bool IsFinal => State is "succeeded" or "failed" or "cancelled";

        public static JobView From(CallToolResult result)
        {
            var job = result.Structured().GetProperty("job");
            var progress = job.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Object ? p : (JsonElement?)null;
            return new JobView(
                job.GetProperty("state").GetString()!,
                job.TryGetProperty("runsOn", out var r) ? r.GetString() ?? "" : "",
                job.TryGetProperty("attempt", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetInt32() : null,
                progress?.GetProperty("fraction").GetDouble(),
                progress is { } q && q.TryGetProperty("message", out var m) ? m.GetString() : null,
                result.Structured().TryGetProperty("result", out var done) && done.ValueKind == JsonValueKind.Object && done.TryGetProperty("run_id", out var run) ? run.GetString() : null,
                job.TryGetProperty("startedBy", out var by) ? by.GetString() : null,
                job.TryGetProperty("note", out var note) ? note.GetString() : null,
                result.Text());
        }
    }
}
