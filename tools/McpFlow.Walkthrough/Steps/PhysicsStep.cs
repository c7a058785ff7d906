using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace McpFlow.Walkthrough.Steps;

/// <summary>Chapter 300: the physics co-pilot on 2D Poisson (examples/data/poisson_unit_square.json, written by hand:
/// -∇²u = 2π² sin(πx) sin(πy) on the unit square, u = 0 on the boundary, exact solution sin(πx) sin(πy)).</summary>
public sealed class PhysicsStep : IWalkthroughStep
{
    /// <inheritdoc />
    public int Order => 300;

    /// <inheritdoc />
    public string Title => "Physics co-pilot: Poisson on the unit square";

    /// <inheritdoc />
    public async Task RunAsync(WalkthroughContext context, CancellationToken cancellationToken)
    {
        var spec = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(context.ExampleData, "poisson_unit_square.json"), cancellationToken)).RootElement;

        context.User("Train Poisson on a 2D domain: -∇²u = 2π² sin(πx) sin(πy) on the unit square, u = 0 on the boundary.");
        await context.CallAsync("analyze_pde_problem", new { spec }, cancellationToken);

        context.User("Start training with a live loss; 500 epochs for a first look.");
        var train = await context.CallAsync("pinn_train", new { spec, settings = new { interior_points = 1000, adam_steps = 500, lbfgs_steps = 0 }, wait_seconds = 40 }, cancellationToken);
        var result = await FinishedResult(context, train, cancellationToken);
        var runId = result.GetProperty("run_id").GetString()!;
        var loss = result.GetProperty("final").GetProperty("loss").GetDouble();

        var target = Math.Round(loss / 3, 6, MidpointRounding.AwayFromZero);
        context.User($"The loss is {loss:G3} after 500 epochs. How many epochs until the loss is below {target:G3}?");
        await context.CallAsync("predict_convergence", new { run_id = runId, target_loss = target }, cancellationToken);
        await context.CallAsync("pinn_status", new { run_id = runId, target_loss = target }, cancellationToken);

        context.User("Train it properly with the recommended plan (Adam then L-BFGS), then validate the solution.");
        var full = await context.CallAsync("pinn_train", new { spec, settings = new { max_seconds = 25 }, wait_seconds = 40 }, cancellationToken);
        var fullId = (await FinishedResult(context, full, cancellationToken)).GetProperty("run_id").GetString()!;
        await context.CallAsync("validate_solution", new { run_id = fullId }, cancellationToken);
        await context.CallAsync("pinn_list_runs", new { problem = "poisson" }, cancellationToken);
    }

    /// <summary>The job's result, following it with job_status while it still runs (a busy machine trains slower).</summary>
    private static async Task<JsonElement> FinishedResult(WalkthroughContext context, CallToolResult started, CancellationToken cancellationToken)
    {
        var structured = Structured(started);
        for (var attempt = 0; attempt < 10 && structured.GetProperty("result").ValueKind != JsonValueKind.Object; attempt++)
        {
            var jobId = structured.GetProperty("job").GetProperty("id").GetString();
            context.User("How is the training going?");
            structured = Structured(await context.CallAsync("job_status", new { job_id = jobId, wait_seconds = 45 }, cancellationToken));
        }

        return structured.GetProperty("result");
    }

    private static JsonElement Structured(CallToolResult result) =>
        result.StructuredContent ?? throw new InvalidOperationException("The tool returned no structured content.");
}
