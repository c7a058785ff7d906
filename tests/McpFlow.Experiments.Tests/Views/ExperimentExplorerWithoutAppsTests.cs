using McpFlow.Experiments.Tests.Tools;
using McpFlow.Testing;

namespace McpFlow.Experiments.Tests.Views;

/// <summary>A client without the MCP Apps extension gets the experiments group's answers as before the explorer view.</summary>
public sealed class ExperimentExplorerWithoutAppsTests : ExperimentsToolTestBase
{
    [Fact]
    public async Task ToolsList_IsTheServersToolsUnchanged()
    {
        await AppViewChecks.ToolsListShouldBeUnchanged(Client, Services);
    }

    [Fact]
    public async Task ResourcesList_LeavesTheViewOut()
    {
        await AppViewChecks.ViewsShouldBeHidden(Client);
    }

    [Fact]
    public async Task LinkedTools_AnswerWithoutAnyUiMetadata()
    {
        await CallOkAsync("mlflow_log_run", new { experiment = "plain", run_name = "a", metrics = new Dictionary<string, object> { ["acc"] = new[] { 0.5, 0.7 } } });
        await CallOkAsync("mlflow_log_run", new { experiment = "plain", run_name = "b", metrics = new Dictionary<string, object> { ["acc"] = new[] { 0.6, 0.8 } } });
        foreach (var tool in new[] { "analyze_mlflow_runs", "mlflow_leaderboard" })
        {
            var result = await CallOkAsync(tool, new { experiment = "plain", metric = "acc" });
            (result.Meta ?? []).Should().NotContain(p => p.Key.StartsWith("ui", StringComparison.Ordinal), tool);
        }

        // The leaderboard's text as before: b (0.8) above a (0.7), accuracy inferred as higher-is-better.
        (await CallOkAsync("mlflow_leaderboard", new { experiment = "plain", metric = "acc" })).Text()
            .Should().StartWith("Leaderboard of 'plain' by acc (higher is better), 2 ranked runs:").And.Contain("| ★ 1 | **b** | 0.8 | FINISHED |  |");
    }
}
