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
        var best = (await FinishedResult(context, compared, cancellationToken)).GetProperty("best").GetString();

        context.User($"Train the best one ({best}) and forecast.");
        var trained = await context.CallAsync("pipeline_train", new { spec, trainer = best, experiment = "wind-forecast", wait_seconds = 45 }, cancellationToken);
        var modelId = (await FinishedResult(context, trained, cancellationToken)).GetProperty("modelId").GetString();
        await context.CallAsync("pipeline_predict", new { model_id = modelId, table = "wind_power", output_table = "wind_power_forecast" }, cancellationToken);
    }

    /// <summary>The job's result, following it with job_status while it still runs (a busy machine cross-validates slower).</summary>
    private static async Task<JsonElement> FinishedResult(WalkthroughContext context, CallToolResult started, CancellationToken cancellationToken)
    {
        var structured = Result(started);
        for (var attempt = 0; attempt < 10 && structured.GetProperty("result").ValueKind != JsonValueKind.Object; attempt++)
        {
            var jobId = structured.GetProperty("job").GetProperty("id").GetString();
            context.User("Is it done?");
            structured = Result(await context.CallAsync("job_status", new { job_id = jobId, wait_seconds = 45 }, cancellationToken));
        }

        return structured.GetProperty("result");
    }

    private static JsonElement Result(CallToolResult result) =>
        result.StructuredContent ?? throw new InvalidOperationException("The tool returned no structured content.");
}
