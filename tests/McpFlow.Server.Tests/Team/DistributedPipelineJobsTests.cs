using McpFlow.Core.Identity;
using McpFlow.Core.Jobs;
using McpFlow.Core.Jobs.Distributed;
using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Ensembles;
using McpFlow.Pipelines.Storage;
using McpFlow.Server.Tests.Fixtures;
using McpFlow.Server.Tests.Support;
using McpFlow.Testing;
using McpFlow.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using Xunit.Abstractions;

namespace McpFlow.Server.Tests.Team;

/// <summary>
/// Model comparisons on team mode's workers over a real PostgreSQL: ana loads a table and starts pipeline_compare_models
/// through server A; a worker serving only the 'pipelines' queue rebuilds the job from its parameters, makes the table
/// local from the team's catalogue (its snapshot) and runs it as ana; server B reads the leaderboard. Bounded polls on
/// the job's own state, no wall-clock waits.
/// </summary>
[Collection(TeamPostgresCollection.Name)]
public sealed class DistributedPipelineJobsTests(PostgresServer postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const int MaxPolls = 60;
    private static readonly Caller Ana = new("ana", UserRole.Analyst, MaySelfApprove: false);
    private readonly string _workspace = TempFolder.Create("mcpflow-team-pipelines");
    private TeamPipelineNode? _a;
    private TeamPipelineNode? _b;
    private TeamPipelineNode? _worker;

    public async Task InitializeAsync()
    {
        var database = await postgres.CreateTeamDatabaseAsync("mcpflow_team_pipelines_" + Guid.NewGuid().ToString("N")[..8]);
        // A first, alone: it applies the team database's migrations; B and the worker find them applied.
        _a = await TeamPipelineNode.ServerAsync(_workspace, RepositoryPaths.ExampleData, database, Ana, output);
        _b = await TeamPipelineNode.ServerAsync(_workspace, RepositoryPaths.ExampleData, database, Ana, output);
        _worker = await TeamPipelineNode.WorkerAsync(_workspace, RepositoryPaths.ExampleData, database, ["pipelines"], output);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { _worker, _b, _a })
            if (node is not null)
                await node.DisposeAsync();
        TempFolder.TryDelete(_workspace);
    }

    [Fact]
    public async Task AComparisonStartedThroughA_RunsOnAPipelinesWorkerAsItsUser_AndBReadsTheLeaderboard()
    {
        await _a!.CallOkAsync("data_load", new { path = Path.Combine(RepositoryPaths.ExampleData, "diabetes.csv"), table = "diabetes" });
        var spec = (await _a.CallOkAsync("generate_pipeline", new { table = "diabetes", target = "progression", task = "regression", folds = 5 }))
            .Structured().GetProperty("spec_id").GetString();

        var start = await _a.CallOkAsync("pipeline_compare_models", new { spec, trainers = new[] { "ols" }, experiment = "diabetes", wait_seconds = 0 });
        var job = start.Structured().GetProperty("job");
        var id = job.GetProperty("id").GetString()!;
        job.GetProperty("runsOn").GetString().Should().Contain("queue 'pipelines'", "a distributable kind is enqueued, not run by server A");
        // The table's catalogue version when it was enqueued: the first load published version 1.
        job.GetProperty("parameters").GetProperty("table_version").GetInt64().Should().Be(1);

        var final = await FollowThroughBAsync(id);
        var record = final.Structured().GetProperty("job");
        record.GetProperty("state").GetString().Should().Be("succeeded", final.Text());
        record.GetProperty("runsOn").GetString().Should().StartWith("worker ").And.EndWith("queue 'pipelines'");
        record.GetProperty("startedBy").GetString().Should().Be("ana", "the worker ran the job as the user who started it");
        record.TryGetProperty("note", out _).Should().BeFalse("the table did not change after the job was started");
        var board = final.Structured().GetProperty("result").GetProperty("leaderboard").EnumerateArray().ToList();
        board.Select(r => r.GetProperty("trainer").GetString()).Should().Equal("ols", "mean_baseline");
        // scikit-learn 1.2 LinearRegression on these same 5 folds: RMSE 55.2680 ± 4.0444 (docs/pipelines.md, benchmark
        // table, tools/bench/pipelines/bench.py), as CompareModelsToolTests checks in one process.
        board[0].GetProperty("metrics").GetProperty("rmse").GetDouble().Should().BeApproximately(55.2680, 0.01);
        board[0].GetProperty("std").GetProperty("rmse").GetDouble().Should().BeApproximately(4.0444, 0.01);
        final.Text().Should().Contain("**ols**");
    }

    [Fact]
    public async Task AComparisonJob_WhoseParametersWereTamperedWith_FailsOnTheWorker_WithTheToolsOwnCheck()
    {
        await _a!.CallOkAsync("data_load", new { path = Path.Combine(RepositoryPaths.ExampleData, "diabetes.csv"), table = "diabetes" });
        var spec = (await _a.CallOkAsync("generate_pipeline", new { table = "diabetes", target = "progression", task = "regression", folds = 5 }))
            .Structured().GetProperty("spec_id").GetString()!;
        var parsed = _a.Services.GetRequiredService<PipelineStore>().Resolve(spec);
        // Written into the shared job engine by someone other than a server: a trainer the tool would refuse.
        var parameters = ComparisonSource.Parameters(parsed, ["not_a_trainer"], "diabetes");
        const string id = "job-20261203-150000-0bad00";
        _a.Services.GetRequiredService<IJobEngine>().Enqueue(
            new JobRecord { Id = id, Kind = ModelComparisonJob.Kind, Title = "tampered", State = JobState.Queued, CreatedAt = new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero), StartedBy = "ana", StartedByRole = UserRole.Analyst },
            _a.Services.GetRequiredService<DistributedJobKinds>().Find(ModelComparisonJob.Kind)!, parameters);

        var final = await FollowThroughBAsync(id);

        var record = final.Structured().GetProperty("job");
        record.GetProperty("state").GetString().Should().Be("failed", final.Text());
        record.GetProperty("error").GetString().Should().Contain("not_a_trainer").And.Contain("trainers");
    }

    [Fact]
    public async Task PredictionsWrittenThroughA_AreATeamTable_ThatBQueries()
    {
        await _a!.CallOkAsync("data_load", new { path = Path.Combine(RepositoryPaths.ExampleData, "diabetes.csv"), table = "diabetes" });
        var spec = (await _a.CallOkAsync("generate_pipeline", new { table = "diabetes", target = "progression", task = "regression", folds = 3 }))
            .Structured().GetProperty("spec_id").GetString();
        var trained = (await _a.CallOkAsync("pipeline_train", new { spec, trainer = "ols", wait_seconds = 45 })).Structured();
        if (trained.TryGetProperty("job", out var job) && job.GetProperty("state").GetString() != "succeeded")
            trained = (await FollowAsync(_a, job.GetProperty("id").GetString()!)).Structured(); // a slow machine: the job outlived the wait
        var model = (trained.TryGetProperty("result", out var result) ? result : trained).GetProperty("modelId").GetString();

        await _a.CallOkAsync("pipeline_predict", new { model_id = model, table = "diabetes", output_table = "diabetes_scored" });
        var counted = await _b!.CallOkAsync("data_query", new { sql = "SELECT count(*) AS n, count(prediction) AS scored FROM diabetes_scored" });

        // diabetes.csv has 442 rows, every one scorable; B never ran the prediction, so it reads the catalogue's snapshot.
        var row = counted.Structured().GetProperty("rows")[0];
        row[0].GetInt64().Should().Be(442);
        row[1].GetInt64().Should().Be(442);
    }

    private Task<CallToolResult> FollowThroughBAsync(string id) => FollowAsync(_b!, id);

    private static async Task<CallToolResult> FollowAsync(TeamPipelineNode node, string id)
    {
        CallToolResult last = null!;
        for (var i = 0; i < MaxPolls; i++)
        {
            last = await node.CallAsync("job_status", new { job_id = id, wait_seconds = 10 });
            if (last.Structured().GetProperty("job").GetProperty("state").GetString() is "succeeded" or "failed" or "cancelled")
                return last;
        }

        return last;
    }
}
