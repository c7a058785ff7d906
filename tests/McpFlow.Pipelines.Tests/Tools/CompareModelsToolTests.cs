using McpFlow.Core.Jobs;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Pipelines.Tests.Tools;

public sealed class CompareModelsToolTests : PipelineServerTestBase
{
    [Fact]
    public async Task CompareModels_ReturnsARegressionLeaderboard_WithTheMeanBaseline()
    {
        Execute(TestData.Regression);
        var spec = (await CallOkAsync("generate_pipeline", new { table = "houses", target = "price", folds = 3 })).Structured().GetProperty("spec_id").GetString();
        var result = await CallUntilFinishedAsync("pipeline_compare_models", new { spec, trainers = new[] { "sdca" }, experiment = "houses", wait_seconds = 40 });
        var board = result.Structured().GetProperty("result").GetProperty("leaderboard").EnumerateArray().ToList();
        board.Select(r => r.GetProperty("trainer").GetString()).Should().Equal("sdca", "mean_baseline");
        // price = 3 x1 - 2 x2 + small noise: a linear model explains most of the variance; the mean explains none.
        board[0].GetProperty("metrics").GetProperty("r2").GetDouble().Should().BeGreaterThan(0.8);
        board[1].GetProperty("metrics").GetProperty("r2").GetDouble().Should().BeLessThan(0.05);
        result.Text().Should().Contain("| # | model | mae | mse | rmse | r2 | rmsle | mape |");
        result.ShouldCarryItsNextSteps("pipeline_train");
        result.NextSteps().Should().ContainSingle().Which.Should().Contain("trainer=\"sdca\"");
        Tracking.Runs.Values.Select(r => r.Params["trainer"]).Should().BeEquivalentTo("sdca", "mean_baseline");
    }

    [Fact]
    public async Task CompareModels_RanksOls_AsScikitLearnsLinearRegression_OnDiabetes()
    {
        Execute($"CREATE TABLE diabetes AS SELECT * FROM read_csv_auto('{Path.Combine(RepositoryPaths.ExampleData, "diabetes.csv")}')");
        var spec = (await CallOkAsync("generate_pipeline", new { table = "diabetes", target = "progression", task = "regression", folds = 5 })).Structured().GetProperty("spec_id").GetString();
        var result = await CallUntilFinishedAsync("pipeline_compare_models", new { spec, trainers = new[] { "ols" }, experiment = "diabetes", wait_seconds = 40 });
        var board = result.Structured().GetProperty("result").GetProperty("leaderboard").EnumerateArray().ToList();
        board.Select(r => r.GetProperty("trainer").GetString()).Should().Equal("ols", "mean_baseline");
        // scikit-learn 1.2 LinearRegression on these same 5 folds: RMSE 55.2680 ± 4.0444 (docs/pipelines.md, benchmark
        // table, tools/bench/pipelines/bench.py). OLS is invariant to the z-score scaling, so only float rounding differs.
        board[0].GetProperty("metrics").GetProperty("rmse").GetDouble().Should().BeApproximately(55.2680, 0.01);
        board[0].GetProperty("std").GetProperty("rmse").GetDouble().Should().BeApproximately(4.0444, 0.01);
        result.Text().Should().Contain("**ols**");
    }

    [Fact]
    public async Task CompareModels_RunsAsACancellableJob()
    {
        Execute(TestData.Hourly);
        var spec = (await CallOkAsync("generate_pipeline", new { table = "power", target = "mw", task = "forecasting", time_column = "ts", folds = 3 })).Structured().GetProperty("spec_id").GetString();
        // A small comparison can finish before job_cancel arrives; hold the only job slot so it is still pending when cancelled.
        var jobs = Services.GetRequiredService<JobManager>();
        var release = new TaskCompletionSource();
        var blockers = Enumerable.Range(0, Options.Jobs.MaxConcurrent)
            .Select(_ => jobs.Start("test", "holds a slot", async ctx => { await release.Task.WaitAsync(ctx.CancellationToken); return new JobResult("released"); }))
            .ToList();
        var started = await CallOkAsync("pipeline_compare_models", new { spec, wait_seconds = 0 });
        var jobId = started.Structured().GetProperty("job").GetProperty("id").GetString();
        await CallOkAsync("job_cancel", new { job_id = jobId });
        release.SetResult();
        var status = await CallOkAsync("job_status", new { job_id = jobId, wait_seconds = 10 });
        status.Structured().GetProperty("job").GetProperty("state").GetString().Should().Be("cancelled");
        foreach (var blocker in blockers)
            await blocker.Completion;
    }

    [Fact]
    public async Task CompareModels_RejectsATrainerThatDoesNotFitTheTask()
    {
        Execute(TestData.Regression);
        var spec = (await CallOkAsync("generate_pipeline", new { table = "houses", target = "price", folds = 3 })).Structured().GetProperty("spec_id").GetString();
        var result = await CallAsync("pipeline_compare_models", new { spec, trainers = new[] { "kmeans" } });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("trainers: trainer 'kmeans' is not available for regression").And.Contain("lightgbm");
    }
}
