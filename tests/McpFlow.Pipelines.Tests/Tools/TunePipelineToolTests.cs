using McpFlow.Core.Configuration;
using McpFlow.Core.Jobs;
using McpFlow.Core.Tuning;
using McpFlow.Experiments.Optimization;
using McpFlow.Pipelines.Tests.TestDoubles;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace McpFlow.Pipelines.Tests.Tools;

public sealed class TunePipelineToolTests : PipelineServerTestBase
{
    // pipeline_tune has no wait_seconds: with the job wait at 0 its call answers with the job id at once, and the tests
    // follow the job with job_status (CallUntilFinishedAsync) instead of waiting on the clock.
    protected override void ConfigureOptions(McpFlowOptions options)
    {
        base.ConfigureOptions(options);
        options.Jobs.WaitSeconds = 0;
    }

    // The host under test has the pipelines group only; the optimiser comes from the experiments group, as in the server.
    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<IHyperparameterOptimizer, BayesianTuningOptimizer>();
    }

    [Fact]
    public async Task Tune_EndsWithALeaderboard_ItsChart_AndOneLoggedRunPerRound()
    {
        Execute(TestData.Regression);
        var spec = (await CallOkAsync("generate_pipeline", new { table = "houses", target = "price", folds = 3 })).Structured().GetProperty("spec_id").GetString();
        var result = await CallUntilFinishedAsync("pipeline_tune", new { spec, trainer = "sdca", rounds = 6 });
        var board = result.Structured().GetProperty("result");
        var rounds = board.GetProperty("rounds").EnumerateArray().ToList();
        rounds.Should().HaveCount(6);
        board.GetProperty("stoppedBy").GetString().Should().Be("rounds");
        // The best is the smallest rmse of the six rounds (read back from the rounds themselves).
        var scores = rounds.Select(r => r.GetProperty("score").GetDouble()).ToList();
        board.GetProperty("best").GetProperty("score").GetDouble().Should().Be(scores.Min());
        rounds[0].GetProperty("improved").GetBoolean().Should().BeTrue("the first scored round is the first best");
        result.Text().Should().Contain("| rank | round | improved | rmse |").And.Contain("✓");
        result.Content.OfType<ImageContentBlock>().Should().ContainSingle();
        result.ShouldCarryItsNextSteps("pipeline_train");
        Tracking.Runs.Values.Should().HaveCount(6).And.OnlyContain(r => r.Params["trainer"] == "sdca" && r.Params.ContainsKey("l2_regularization") && r.Metrics.ContainsKey("rmse"));
        var tuneId = board.GetProperty("tuneId").GetString()!;
        File.Exists(Path.Combine(WorkspaceRoot, "tunes", tuneId, "best_so_far.png")).Should().BeTrue();
    }

    [Fact]
    public async Task Tune_RunsAsACancellableJob()
    {
        Execute(TestData.Regression);
        var spec = (await CallOkAsync("generate_pipeline", new { table = "houses", target = "price", folds = 3 })).Structured().GetProperty("spec_id").GetString();
        // Hold every job slot so the tuning is still queued when job_cancel arrives.
        var jobs = Services.GetRequiredService<JobManager>();
        var release = new TaskCompletionSource();
        var blockers = Enumerable.Range(0, Options.Jobs.MaxConcurrent)
            .Select(_ => jobs.Start("test", "holds a slot", async ctx => { await release.Task.WaitAsync(ctx.CancellationToken); return new JobResult("released"); }))
            .ToList();
        var started = await CallOkAsync("pipeline_tune", new { spec });
        var jobId = started.Structured().GetProperty("job").GetProperty("id").GetString();
        await CallOkAsync("job_cancel", new { job_id = jobId });
        release.SetResult();
        var status = await CallOkAsync("job_status", new { job_id = jobId, wait_seconds = 10 });
        status.Structured().GetProperty("job").GetProperty("state").GetString().Should().Be("cancelled");
        foreach (var blocker in blockers)
            await blocker.Completion;
    }

    [Theory]
    [InlineData("""{"trainer": "kmeans"}""", "trainer: trainer 'kmeans' is not available for regression")]
    [InlineData("""{"trainer": "mean_baseline"}""", "trainer 'mean_baseline' has no hyperparameters to tune")]
    [InlineData("""{"trainer": "sdca", "space": {"l2_regularization": [5, 1]}}""", "space.l2_regularization: the range [5, 1] is invalid")]
    [InlineData("""{"rounds": 100000}""", "rounds")]
    [InlineData("""{"max_seconds": 1e12}""", "max_seconds")]
    public async Task Tune_RefusesHostileArguments_WithAClearMessage(string extra, string expected)
    {
        Execute(TestData.Regression);
        var spec = (await CallOkAsync("generate_pipeline", new { table = "houses", target = "price", folds = 3 })).Structured().GetProperty("spec_id").GetString();
        var args = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(extra)!;
        args["spec"] = spec;
        var result = await CallAsync("pipeline_tune", args);
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain(expected);
    }

    [Fact]
    public async Task Tune_RefusesATuneIdThatClimbsOutOfTheWorkspace_AndAnUnknownOne()
    {
        var result = await CallAsync("pipeline_tune", new { spec = "tune-20261203-101500-ab12cd/../../etc" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("spec 'tune-20261203-101500-ab12cd/../../etc' is not a tuning id; they look like tune-20261123-101500-ab12cd.");
        (await CallAsync("pipeline_tune", new { spec = "tune-20261203-101500-ab12cd" })).Text().Should().Contain("No tuning with id 'tune-20261203-101500-ab12cd'.");
    }

    [Fact]
    public async Task Tune_ResumesAfterARestart_FromTheLastFinishedRound()
    {
        var workspace = Path.Combine(TempRoot, "shared-workspace");
        string spec, tuneId;
        List<string> before;
        var first = new Host(workspace);
        try
        {
            await first.InitializeAsync();
            first.Sql(TestData.Regression);
            spec = (await first.OkAsync("generate_pipeline", new { table = "houses", target = "price", folds = 3 })).Structured().GetProperty("spec_id").GetString()!;
            var done = (await first.FinishedAsync("pipeline_tune", new { spec, trainer = "sdca", rounds = 3 })).Structured().GetProperty("result");
            tuneId = done.GetProperty("tuneId").GetString()!;
            before = done.GetProperty("rounds").EnumerateArray().Select(r => r.GetProperty("params").GetRawText()).ToList();
        }
        finally
        {
            await first.DisposeAsync();
        }

        // The host is disposed (jobs stopped, database closed); a new host on the same workspace continues the tuning.
        var second = new Host(workspace);
        try
        {
            await second.InitializeAsync();
            await ResumeAsync(second, spec, tuneId, before);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    private static async Task ResumeAsync(Host second, string spec, string tuneId, List<string> before)
    {
        var resumed = (await second.FinishedAsync("pipeline_tune", new { spec = tuneId, rounds = 5 })).Structured().GetProperty("result");
        resumed.GetProperty("resumedAfter").GetInt32().Should().Be(3);
        var after = resumed.GetProperty("rounds").EnumerateArray().ToList();
        after.Should().HaveCount(5);
        after.Take(3).Select(r => r.GetProperty("params").GetRawText()).Should().Equal(before);
        second.Writer.Runs.Should().HaveCount(2, "only rounds 4 and 5 ran on the new host");

        // The same tuning without the restart proposes the same five settings (same seed, same folds).
        var whole = (await second.FinishedAsync("pipeline_tune", new { spec, trainer = "sdca", rounds = 5 })).Structured().GetProperty("result");
        whole.GetProperty("rounds").EnumerateArray().Select(r => r.GetProperty("params").GetRawText())
            .Should().Equal(after.Select(r => r.GetProperty("params").GetRawText()));
    }

    /// <summary>A server host on a given workspace folder, to stop one and start another on the same workspace.</summary>
    private sealed class Host(string workspace) : PipelineServerTestBase
    {
        public InMemoryTrackingWriter Writer => Tracking;

        public void Sql(string sql) => Execute(sql);

        public Task<CallToolResult> OkAsync(string tool, object args) => CallOkAsync(tool, args);

        public Task<CallToolResult> FinishedAsync(string tool, object args) => CallUntilFinishedAsync(tool, args);

        protected override void ConfigureOptions(McpFlowOptions options)
        {
            base.ConfigureOptions(options);
            options.WorkspacePath = workspace;
            options.Jobs.WaitSeconds = 0;
        }

        protected override void ConfigureServices(IServiceCollection services)
        {
            base.ConfigureServices(services);
            services.AddSingleton<IHyperparameterOptimizer, BayesianTuningOptimizer>();
        }
    }
}
