using McpFlow.Testing;

namespace McpFlow.Experiments.Tests.Tools;

/// <summary>The same checks as the server's catalogue test, for this group's tools.</summary>
public sealed class ToolCatalogueTests : ExperimentsToolTestBase
{
    [Fact]
    public async Task EveryExperimentsTool_HasAnnotations_AndParametersWithExamples()
    {
        var tools = await Client.ListToolsAsync();
        var problems = new List<string>();
        foreach (var t in tools.Select(t => t.ProtocolTool).Where(t => t.Name.StartsWith("mlflow_", StringComparison.Ordinal) || t.Name is "analyze_mlflow_runs" or "suggest_hyperparams" or "explain_run_difference"))
        {
            foreach (var p in t.InputSchema.GetProperty("properties").EnumerateObject())
            {
                var text = p.Value.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
                if (!text.Contains("e.g.", StringComparison.Ordinal) && !text.Contains("example", StringComparison.OrdinalIgnoreCase))
                    problems.Add($"{t.Name}.{p.Name}: no example");
            }
        }

        tools.Select(t => t.Name).Should().Contain(["mlflow_list_experiments", "mlflow_search_runs", "mlflow_get_run", "mlflow_log_run", "analyze_mlflow_runs",
            "suggest_hyperparams", "explain_run_difference", "mlflow_leaderboard"]);
        problems.AddRange(DeclaredToolHints.Undecided([typeof(McpFlow.Experiments.ExperimentsToolGroup).Assembly]));
        problems.Should().BeEmpty();
    }
}
