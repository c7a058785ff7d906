using McpFlow.Testing;

namespace McpFlow.Pipelines.Tests.Tools;

public sealed class CompareModelsToolTests : PipelineServerTestBase
{
    [Fact]
    public async Task CompareModels_ReturnsARegressionLeaderboard_WithTheMeanBaseline()
    {
        Execute(TestData.Regression);
        var spec = (await CallOkAsync("generate_pipeline", new { table = "houses", target = "price", folds = 3 })).Structured().GetProperty("spec_id").GetString();
        var result = await CallOkAsync("pipeline_compare_models", new { spec, trainers = new[] { "sdca" }, experiment = "houses", wait_seconds = 40 });
        var board = result.Structured().GetProperty("result").GetProperty("leaderboard").EnumerateArray().ToList();
        board.Select(r => r.GetProperty("trainer").GetString()).Should().Equal("sdca", "mean_baseline");
        // price = 3 x1 - 2 x2 + small noise: a linear model explains most of the variance; the mean explains none.
        board[0].GetProperty("metrics").GetProperty("r2").GetDouble().Should().BeGreaterThan(0.8);
        board[1].GetProperty("metrics").GetProperty("r2").GetDouble().Should().BeLessThan(0.05);
        result.Text().Should().Contain("| # | model | mae | mse | rmse | r2 | rmsle | mape |");
        Tracking.Runs.Values.Select(r => r.Params["trainer"]).Should().BeEquivalentTo("sdca", "mean_baseline");
    }

    [Fact]
    public async Task CompareModels_RunsAsACancellableJob()
    {
        Execute(TestData.Hourly);
        var spec = (await CallOkAsync("generate_pipeline", new { table = "power", target = "mw", task = "forecasting", time_column = "ts", folds = 3 })).Structured().GetProperty("spec_id").GetString();
        var started = await CallOkAsync("pipeline_compare_models", new { spec, wait_seconds = 0 });
        var jobId = started.Structured().GetProperty("job").GetProperty("id").GetString();
        await CallOkAsync("job_cancel", new { job_id = jobId });
        var status = await CallOkAsync("job_status", new { job_id = jobId, wait_seconds = 10 });
        status.Structured().GetProperty("job").GetProperty("state").GetString().Should().Be("cancelled");
    }

    [Fact]
    public async Task CompareModels_RejectsATrainerThatDoesNotFitTheTask()
    {
        Execute(TestData.Regression);
        var spec = (await CallOkAsync("generate_pipeline", new { table = "houses", target = "price", folds = 3 })).Structured().GetProperty("spec_id").GetString();
        var result = await CallAsync("pipeline_compare_models", new { spec, trainers = new[] { "kmeans" } });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("Trainer 'kmeans' is not available for regression").And.Contain("lightgbm");
    }
}
