using System.Text.Json.Nodes;
using McpFlow.Core.Mcp.Apps;
using McpFlow.Experiments.Tests.Tools;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFlow.Experiments.Tests.Views;

/// <summary>A client that declares the MCP Apps extension sees analyze_mlflow_runs and mlflow_leaderboard linked to the
/// experiment explorer view.</summary>
public sealed class ExperimentExplorerWithAppsTests : ExperimentsToolTestBase
{
    private const string ViewUri = "ui://mcpflow/experiment-explorer";

    protected override McpClientOptions? ClientOptions => new()
    {
        Capabilities = new ClientCapabilities
        {
            Extensions = new Dictionary<string, object> { [McpApps.ExtensionId] = new JsonObject { ["mimeTypes"] = new JsonArray(McpApps.MimeType) } },
        },
    };

    [Fact]
    public async Task ToolsList_LinksTheAnalysisAndTheLeaderboard_AndNoOtherExperimentsTool()
    {
        var tools = await Client.ListToolsAsync();
        var linked = tools.Where(t => t.ProtocolTool.Meta is not null).ToDictionary(t => t.Name, t => t.ProtocolTool.Meta!);
        linked.Keys.Should().BeEquivalentTo(["analyze_mlflow_runs", "mlflow_leaderboard"]);
        foreach (var meta in linked.Values)
        {
            meta["ui"]!["resourceUri"]!.GetValue<string>().Should().Be(ViewUri);
            meta["ui/resourceUri"]!.GetValue<string>().Should().Be(ViewUri);
        }
    }

    [Fact]
    public async Task ResourcesList_HasTheView_WithItsMimeTypeAndCsp()
    {
        var view = (await Client.ListResourcesAsync()).Single(r => r.Uri == ViewUri).ProtocolResource;
        view.MimeType.Should().Be("text/html;profile=mcp-app");
        view.Meta!["ui"]!["csp"]!["connectDomains"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task ReadResource_ServesTheSelfContainedPage_WithItsCsp()
    {
        var contents = (await Client.ReadResourceAsync(ViewUri)).Contents.Should().ContainSingle().Subject.Should().BeOfType<TextResourceContents>().Subject;
        contents.MimeType.Should().Be("text/html;profile=mcp-app");
        contents.Meta!["ui"]!["csp"]!["resourceDomains"]!.AsArray().Should().BeEmpty();
        contents.Text.Should().Contain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-");
        // Self-contained: the one URL is the SVG namespace its charts are created in (an identifier, never loaded).
        contents.Text.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal).Should().NotContainAny("http://", "https://", "<script src", "<link");
        contents.Text.Should().Contain("ui/initialize").And.Contain("suggest_hyperparams").And.Contain("mlflow_get_run").And.Contain("mlflow_search_runs");
    }
}
