using McpFlow.Experiments.Tests.Tools;
using McpFlow.Testing;
using ModelContextProtocol.Client;

namespace McpFlow.Experiments.Tests.Views;

/// <summary>A client that declares the MCP Apps extension sees analyze_mlflow_runs and mlflow_leaderboard linked to the
/// experiment explorer view.</summary>
public sealed class ExperimentExplorerWithAppsTests : ExperimentsToolTestBase
{
    private const string ViewUri = "ui://mcpflow/experiment-explorer";

    protected override McpClientOptions? ClientOptions => AppViewChecks.ExtensionClient;

    [Fact]
    public async Task ToolsList_LinksTheAnalysisAndTheLeaderboard_AndNoOtherExperimentsTool()
    {
        await AppViewChecks.ToolsShouldLinkOnly(Client, ViewUri, "analyze_mlflow_runs", "mlflow_leaderboard");
    }

    [Fact]
    public async Task ResourcesList_HasTheView_WithItsMimeTypeAndCsp()
    {
        await AppViewChecks.ViewShouldBeListed(Client, ViewUri);
    }

    [Fact]
    public async Task ReadResource_ServesTheSelfContainedPage_WithItsCsp()
    {
        var page = await AppViewChecks.PageShouldBeSelfContained(Client, ViewUri);
        page.Should().Contain("suggest_hyperparams").And.Contain("mlflow_get_run").And.Contain("mlflow_search_runs");
    }
}
