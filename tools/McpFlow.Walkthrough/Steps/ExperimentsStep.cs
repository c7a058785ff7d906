using System.Globalization;
using System.Text.Json;

namespace McpFlow.Walkthrough.Steps;

/// <summary>
/// Chapter 200: "the last 5 runs plateau at 0.92 accuracy". Training is simulated by a documented toy response
/// surface (no model is trained in this chapter; the pipelines group trains real models): the accuracy ceiling is
/// 0.975 − 0.06·log10(lr/0.002)² − 0.012·log2(batch/48)² − 0.2·(dropout − 0.3)², approached as
/// ceiling − 0.42·exp(−epoch/13) over 100 epochs, plus seeded noise of ±0.001. At lr 0.01, batch 128, dropout 0.2
/// the ceiling is ≈ 0.92, reached around epoch 60.
/// </summary>
public sealed class ExperimentsStep : IWalkthroughStep
{
    private const string Experiment = "cifar-resnet";
    private const int Epochs = 100;

    /// <inheritdoc />
    public int Order => 200;

    /// <inheritdoc />
    public string Title => "Experiment optimizer: runs that plateau at 0.92";

    /// <inheritdoc />
    public async Task RunAsync(WalkthroughContext context, CancellationToken cancellationToken)
    {
        context.Output.WriteLine("\n  (Logging 8 simulated training runs into the workspace's MLflow file store: 3 dropout trials, then 5 runs at lr 0.01, batch 128.)");
        var history = new (double Lr, int Batch, double Dropout)[]
        {
            (0.01, 128, 0.1), (0.01, 128, 0.3), (0.01, 128, 0.5), (0.01, 128, 0.2), (0.01, 128, 0.2), (0.01, 128, 0.2), (0.01, 128, 0.2), (0.01, 128, 0.2),
        };
        for (var i = 0; i < history.Length; i++)
            await LogAsync(context, $"run-{i + 1}", history[i].Lr, history[i].Batch, history[i].Dropout, i, null, cancellationToken, quiet: true);

        context.User("My last 5 runs of cifar-resnet plateau at 0.92 validation accuracy. What is going on?");
        await context.CallAsync("analyze_mlflow_runs", new { experiment = Experiment, metric = "val_accuracy" }, cancellationToken);

        var index = history.Length;
        for (var round = 1; round <= 2; round++)
        {
            context.User(round == 1 ? "What should I try next?" : "Suggest the next batch, using those results too.");
            var result = await context.CallAsync("suggest_hyperparams", new { experiment = Experiment, metric = "val_accuracy", count = 3, seed = round }, cancellationToken);
            context.User("Run the suggestions.");
            context.Output.WriteLine("\n  (The toy response surface above stands in for training; each run is logged through mlflow_log_run with its suggestion id.)");
            foreach (var s in result.StructuredContent!.Value.GetProperty("suggestions").EnumerateArray())
            {
                var suggestion = s.GetProperty("suggestion");
                var p = suggestion.GetProperty("parameters");
                var (lr, batch, dropout) = (Number(p, "learning_rate"), (int)Number(p, "batch_size"), Number(p, "dropout"));
                var final = await LogAsync(context, $"suggested-{index - history.Length + 1}", lr, batch, dropout, index++, suggestion.GetProperty("id").GetString(), cancellationToken, quiet: true);
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    → mlflow_log_run(suggested-{index - history.Length}: learning_rate={lr:G4}, batch_size={batch}, dropout={dropout:G3}, suggestion_id={suggestion.GetProperty("id").GetString()}): final val_accuracy {final:F4}"));
            }
        }

        context.User("Show me the leaderboard.");
        await context.CallAsync("mlflow_leaderboard", new { experiment = Experiment, metric = "val_accuracy", limit = 8 }, cancellationToken);

        context.User("Why is the best suggested run different from run-8?");
        var board = await context.CallAsync("mlflow_search_runs", new { experiment = Experiment, filter = "tags.`mcpflow.suggestion_id` LIKE 'sug-%'", order_by = new[] { "metrics.val_accuracy DESC" }, max_results = 1 }, cancellationToken);
        var bestId = board.StructuredContent!.Value.GetProperty("runs")[0].GetProperty("runId").GetString();
        var runs = await context.CallAsync("mlflow_search_runs", new { experiment = Experiment, filter = "attributes.run_name = 'run-8'" }, cancellationToken);
        var run8 = runs.StructuredContent!.Value.GetProperty("runs")[0].GetProperty("runId").GetString();
        await context.CallAsync("explain_run_difference", new { run_a = run8, run_b = bestId, metric = "val_accuracy" }, cancellationToken);
    }

    /// <summary>The toy accuracy ceiling (see the class summary).</summary>
    public static double Ceiling(double lr, int batch, double dropout) =>
        0.975 - (0.06 * Math.Pow(Math.Log10(lr / 0.002), 2)) - (0.012 * Math.Pow(Math.Log2(batch / 48.0), 2)) - (0.2 * Math.Pow(dropout - 0.3, 2));

    private static async Task<double> LogAsync(WalkthroughContext context, string name, double lr, int batch, double dropout, int seed, string? suggestionId,
        CancellationToken cancellationToken, bool quiet)
    {
        var rng = new Random(seed);
        var ceiling = Ceiling(lr, batch, dropout);
        var val = Enumerable.Range(0, Epochs).Select(e => Math.Round(ceiling - (0.42 * Math.Exp(-e / 13.0)) + (0.002 * (rng.NextDouble() - 0.5)), 5)).ToArray();
        var train = val.Select((v, e) => Math.Round(v + (0.03 * (1 - Math.Exp(-e / 30.0))), 5)).ToArray();
        var args = new Dictionary<string, object?>
        {
            ["experiment"] = Experiment,
            ["run_name"] = name,
            ["params"] = new Dictionary<string, string>
            {
                ["learning_rate"] = lr.ToString("G4", CultureInfo.InvariantCulture),
                ["batch_size"] = batch.ToString(CultureInfo.InvariantCulture),
                ["dropout"] = dropout.ToString("G4", CultureInfo.InvariantCulture),
            },
            ["metrics"] = new Dictionary<string, double[]> { ["val_accuracy"] = val, ["train_accuracy"] = train },
            ["suggestion_id"] = suggestionId,
        };
        if (quiet)
        {
            var result = await context.Client.CallToolAsync("mlflow_log_run", args, cancellationToken: cancellationToken);
            if (result.IsError == true)
                throw new InvalidOperationException("mlflow_log_run failed: " + JsonSerializer.Serialize(result.Content));
        }
        else
        {
            await context.CallAsync("mlflow_log_run", args, cancellationToken);
        }

        return val[^1];
    }

    private static double Number(JsonElement parameters, string name) =>
        double.Parse(parameters.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
}
