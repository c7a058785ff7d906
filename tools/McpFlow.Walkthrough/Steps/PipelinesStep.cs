using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace McpFlow.Walkthrough.Steps;

/// <summary>Chapter 400: a forecasting pipeline on wind power data, from generation to a trained model.</summary>
public sealed class PipelinesStep : IWalkthroughStep
{
    /// <inheritdoc />
    public int Order => 400;

    /// <inheritdoc />
    public string Title => "Pipelines: forecasting wind power with ML.NET";

    /// <inheritdoc />
    public async Task RunAsync(WalkthroughContext context, CancellationToken cancellationToken)
    {
        context.User("Build a pipeline for time-series forecasting on wind power data (examples/data/wind_power.csv), a day ahead.");
        var generated = await context.CallAsync("generate_pipeline", new
        {
            table = "wind_power", file = "examples/data/wind_power.csv", target = "power_mw", task = "forecasting",
            time_column = "timestamp", horizon = 24, folds = 3,
        }, cancellationToken);
        var spec = Result(generated).GetProperty("spec_id").GetString();

        context.User("What does each step add?");
        await context.CallAsync("evaluate_pipeline_steps", new { spec, trainer = "sdca", experiment = "wind-forecast", wait_seconds = 45 }, cancellationToken);

        context.User("Compare the models.");
        var compared = await context.CallAsync("pipeline_compare_models", new { spec, experiment = "wind-forecast", wait_seconds = 45 }, cancellationToken);
        var best = Result(compared).GetProperty("result").GetProperty("best").GetString();

        context.User($"Train the best one ({best}) and forecast.");
        var trained = await context.CallAsync("pipeline_train", new { spec, trainer = best, experiment = "wind-forecast", wait_seconds = 45 }, cancellationToken);
        var modelId = Result(trained).GetProperty("result").GetProperty("modelId").GetString();
        await context.CallAsync("pipeline_predict", new { model_id = modelId, table = "wind_power", output_table = "wind_power_forecast" }, cancellationToken);
    }

    private static JsonElement Result(CallToolResult result) =>
        result.StructuredContent ?? throw new InvalidOperationException("The tool returned no structured content.");
}
