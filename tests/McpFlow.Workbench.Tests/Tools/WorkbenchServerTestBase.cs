using System.Text.Json;
using McpFlow.Core.Groups;
using McpFlow.Testing;
using ModelContextProtocol.Protocol;

namespace McpFlow.Workbench.Tests.Tools;

/// <summary>An in-memory McpFlow server with the workbench group, plus helpers to record runs through the tools.</summary>
public abstract class WorkbenchServerTestBase : McpServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => [new WorkbenchToolGroup()];

    /// <summary>Records a run through workbench_record_run with one CSV output and one PNG; returns its id.</summary>
    protected async Task<string> RecordAsync(string title = "Ridge alpha=1", double rmse = 1.5, string? experiment = "sweep",
        string? summary = null, object? parameters = null, string? input = null)
    {
        var folder = Path.Combine(DataRoot, Guid.NewGuid().ToString("N")[..8]);
        var csv = Artifacts.Write(folder, "predictions.csv", "x,y_hat\n1,2.1\n2,3.9\n");
        var png = Artifacts.LinePng(folder, "fit.png");
        var result = await CallOkAsync("workbench_record_run", new
        {
            title,
            output_files = new[] { csv, png },
            summary = summary ?? $"RMSE {rmse} on the holdout.",
            metrics = new Dictionary<string, double> { ["rmse"] = rmse, ["mae"] = rmse * 0.8 },
            experiment,
            parameters,
            input_files = input is null ? null : new[] { input },
        });
        return RunId(result);
    }

    protected static string RunId(CallToolResult result) => result.Structured().GetProperty("runId").GetString()!;

    protected static string State(CallToolResult result) => result.Structured().GetProperty("state").GetString()!;

    protected Task<CallToolResult> DecideAsync(string runId, string decision, string? interpretation = null, string? feedback = null) =>
        CallOkAsync("workbench_decide", new { run_id = runId, decision, interpretation, feedback, reviewer = "ana" });

    protected static JsonElement Prop(JsonElement e, string name) => e.GetProperty(name);
}
