using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using McpFlow.Security.Tests.Harness;

namespace McpFlow.Security.Tests.Sandbox;

/// <summary>
/// Fills a fresh workspace through the real tools, as a user would: a table, an MLflow experiment with three runs, a
/// workbench run, a pipeline spec and a trained model, a hyperparameter suggestion, a transformation suggestion, an EDA
/// report and a PINN run (20 Adam steps). Any failure here is a broken precondition, not a finding, and throws.
/// </summary>
internal static partial class WorkspaceSeed
{
    /// <summary>The table loaded from the sandbox's sales.csv.</summary>
    public const string Table = "sales";

    /// <summary>The MLflow experiment.</summary>
    public const string Experiment = "redteam-exp";

    /// <summary>The workbench experiment of the seeded run.</summary>
    public const string WorkbenchExperiment = "seed-exp";

    /// <summary>A well-posed Poisson problem with an exact solution (examples/data/poisson_unit_square.json).</summary>
    public static JsonObject PoissonSpec() => JsonNode.Parse("""
        {"preset": "poisson", "domain": {"x": [0, 1], "y": [0, 1]}, "source": "2*pi^2*sin(pi*x)*sin(pi*y)",
         "boundary_conditions": [{"where": "all", "type": "dirichlet", "value": "0"}], "exact_solution": "sin(pi*x)*sin(pi*y)"}
        """)!.AsObject();

    /// <summary>The registered model the seed creates from the pipeline_train run.</summary>
    public const string RegisteredModel = "fuzz-model";

    /// <summary>Seeds the workspace of <paramref name="server"/>.</summary>
    public static async Task<SeedIds> SeedAsync(GuardedServer server)
    {
        await Call(server, "data_load", new JsonObject { ["path"] = LinkLayout.Sales, ["table"] = Table });
        var runs = new List<string>();
        string experimentId = "";
        foreach (var (name, lr, accuracy) in new[] { ("r1", "0.1", 0.7), ("r2", "0.01", 0.8), ("r3", "0.05", 0.75) })
        {
            var logged = await Call(server, "mlflow_log_run", new JsonObject
            {
                ["experiment"] = Experiment, ["run_name"] = name,
                ["params"] = new JsonObject { ["lr"] = lr, ["depth"] = "4" },
                ["metrics"] = new JsonObject { ["accuracy"] = new JsonArray(accuracy - 0.2, accuracy - 0.1, accuracy) },
            });
            runs.Add(Structured(logged)["runId"]!.GetValue<string>());
            experimentId = Structured(logged)["experimentId"]!.GetValue<string>();
        }

        var recorded = await Call(server, "workbench_record_run", new JsonObject
        {
            ["title"] = "seed", ["output_files"] = new JsonArray(LinkLayout.Metrics), ["summary"] = "RMSE 1.23 on the holdout.",
            ["metrics"] = new JsonObject { ["rmse"] = 1.23 }, ["experiment"] = WorkbenchExperiment,
        });
        var pipeline = Structured(await Call(server, "generate_pipeline", new JsonObject
        {
            ["table"] = Table, ["target"] = "label", ["time_column"] = "ts", ["task"] = "binary", ["folds"] = 3,
        }));
        var specId = pipeline["spec_id"]!.GetValue<string>();
        var trained = await Finished(server, await Call(server, "pipeline_train", new JsonObject { ["spec"] = specId, ["trainer"] = "fast_tree", ["wait_seconds"] = 45 }));
        var training = Structured(trained) is { } t && t["result"] is JsonObject r ? r : Structured(trained);
        var modelRun = training["runId"]!.GetValue<string>();
        var approvedRun = training["workbenchRun"]!["runId"]!.GetValue<string>();
        await Call(server, "workbench_decide", new JsonObject { ["run_id"] = approvedRun, ["decision"] = "approve" });
        await Call(server, "mlflow_register_model", new JsonObject { ["run_id"] = modelRun, ["name"] = RegisteredModel, ["approved_run_id"] = approvedRun });
        var compared = await Finished(server, await Call(server, "pipeline_compare_models", new JsonObject
        {
            ["spec"] = specId, ["trainers"] = new JsonArray("fast_tree", "logistic_regression"), ["wait_seconds"] = 45,
        }));
        var suggested = await Call(server, "suggest_hyperparams", new JsonObject { ["experiment"] = Experiment, ["metric"] = "accuracy", ["count"] = 1 });
        var transforms = Structured(await Call(server, "suggest_transformations", new JsonObject { ["table"] = Table, ["limit"] = 3 }));
        var report = Structured(await Call(server, "generate_eda_report", new JsonObject { ["table"] = Table, ["formats"] = new JsonArray("markdown") }));
        var pinn = await Finished(server, await Call(server, "pinn_train", new JsonObject
        {
            ["spec"] = PoissonSpec(), ["settings"] = new JsonObject { ["adam_steps"] = 20, ["lbfgs_steps"] = 0, ["interior_points"] = 50 }, ["wait_seconds"] = 45,
        }));
        return new SeedIds
        {
            Table = Table, Experiment = Experiment, ExperimentId = experimentId, MlflowRunA = runs[0], MlflowRunB = runs[1],
            WorkbenchRun = Structured(recorded)["runId"]!.GetValue<string>(),
            PipelineSpec = specId, PipelineSpecJson = pipeline["spec"]!.AsObject(),
            Model = Match(ModelId(), trained.Text, "model id"),
            Suggestion = Match(SuggestionId(), suggested.Text, "suggestion id"),
            TransformSuggestion = transforms["suggestions"]![0]!["id"]!.GetValue<string>(),
            Report = report["name"]!.GetValue<string>(),
            PinnRun = Match(PinnId(), pinn.Text, "PINN run id"), PinnJob = Match(JobId(), pinn.Text, "job id"),
            CompareJob = Match(JobId(), compared.Text, "comparison job id"),
            PdeSpec = PoissonSpec(),
            ModelRun = modelRun, ApprovedRun = approvedRun, RegisteredModel = RegisteredModel,
        };
    }

    /// <summary>Calls a tool and throws unless it succeeded.</summary>
    public static async Task<CallOutcome> Call(GuardedServer server, string tool, JsonObject arguments)
    {
        var outcome = await server.CallToolAsync(tool, arguments, Deadlines.Seed);
        if (outcome.Refused || !outcome.Survived)
            throw new InvalidOperationException($"Seeding call {tool} failed: {outcome.Excerpt(800)}");
        return outcome;
    }

    /// <summary>The structured content of an outcome.</summary>
    public static JsonObject Structured(CallOutcome outcome) => JsonNode.Parse(outcome.Structured)!.AsObject();

    /// <summary>Waits (job_status with its own wait, bounded) until the job an outcome started has finished.</summary>
    private static async Task<CallOutcome> Finished(GuardedServer server, CallOutcome started)
    {
        var outcome = started;
        var deadline = DateTime.UtcNow + Deadlines.Seed;
        while (!Succeeded(outcome) && DateTime.UtcNow < deadline)
            outcome = await Call(server, "job_status", new JsonObject { ["job_id"] = Match(JobId(), started.Text, "job id"), ["wait_seconds"] = 45 });
        return Succeeded(outcome) ? outcome : throw new InvalidOperationException("Seeding job did not succeed: " + outcome.Excerpt(800));
    }

    private static bool Succeeded(CallOutcome outcome) => outcome.Structured.Contains("\"succeeded\"", StringComparison.Ordinal);

    private static string Match(Regex pattern, string text, string what) =>
        pattern.Match(text) is { Success: true } m ? m.Groups[m.Groups.Count > 1 ? 1 : 0].Value
            : throw new InvalidOperationException($"No {what} in: {text[..Math.Min(text.Length, 800)]}");

    [GeneratedRegex("model_id=\"([^\"]+)\"")]
    private static partial Regex ModelId();

    [GeneratedRegex(@"sug-\d{8}-\d{6}-[0-9a-f]{6}-\d+")]
    private static partial Regex SuggestionId();

    [GeneratedRegex(@"pinn-\d{8}-\d{6}-[0-9a-f]{4}")]
    private static partial Regex PinnId();

    [GeneratedRegex(@"job-\d{8}-\d{6}-[0-9a-f]{6}")]
    private static partial Regex JobId();
}
