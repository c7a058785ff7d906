using McpFlow.Core.Configuration;
using McpFlow.Core.Groups;
using McpFlow.Core.Mcp;
using McpFlow.Testing;

namespace McpFlow.Server.Tests.Catalogue;

/// <summary>Annotations that depend on the configuration: a remote MLflow server makes the tracking tools open-world,
/// and SQL writes make data_query a writing, destructive tool.</summary>
public sealed class ConfiguredAnnotationsTests : McpServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => ToolGroups.All();

    protected override void ConfigureOptions(McpFlowOptions options)
    {
        options.MlflowTrackingUri = "http://127.0.0.1:5999";
        options.Sql.AllowWrites = true;
    }

    [Fact]
    public async Task RemoteTrackingServer_MakesTheToolsThatTalkToIt_OpenWorld_AndOnlyThose()
    {
        var tools = (await Client.ListToolsAsync()).ToDictionary(t => t.Name, t => ToolHints.Effective(t.ProtocolTool.Annotations));

        var open = tools.Where(t => t.Value.OpenWorld).Select(t => t.Key);
        open.Should().BeEquivalentTo(
            "mlflow_list_experiments", "mlflow_search_runs", "mlflow_get_run", "mlflow_log_run", "mlflow_leaderboard",
            "analyze_mlflow_runs", "explain_run_difference", "suggest_hyperparams",
            "mlflow_register_model", "mlflow_models", "mlflow_set_model_alias",
            "pinn_train", "pipeline_train", "pipeline_compare_models", "evaluate_pipeline_steps", "pipeline_predict", "pipeline_tune",
            // Database sources are external servers whatever the configuration.
            "data_load_source", "data_list_sources");
    }

    [Fact]
    public async Task SqlWrites_MakeDataQuery_NeitherReadOnlyNorIdempotent()
    {
        var query = ToolHints.Effective((await Client.ListToolsAsync()).Single(t => t.Name == "data_query").ProtocolTool.Annotations);

        query.Should().Be(new ToolBehaviour(ReadOnly: false, Destructive: true, Idempotent: false, OpenWorld: false));
    }
}
