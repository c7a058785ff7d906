using System.Text.Json.Nodes;
using McpFlow.Core.Mcp.Apps;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFlow.Data.Tests.Views;

/// <summary>A client that declares the MCP Apps extension sees analyze_dataframe and generate_eda_report linked to the
/// table profile view.</summary>
public sealed class TableProfileWithAppsTests : DataServerTestBase
{
    private const string ViewUri = "ui://mcpflow/table-profile";

    protected override McpClientOptions? ClientOptions => new()
    {
        Capabilities = new ClientCapabilities
        {
            Extensions = new Dictionary<string, object> { [McpApps.ExtensionId] = new JsonObject { ["mimeTypes"] = new JsonArray(McpApps.MimeType) } },
        },
    };

    [Fact]
    public async Task ToolsList_LinksAnalyzeDataframeAndEdaReport_AndNoOtherDataTool()
    {
        var tools = await Client.ListToolsAsync();
        var linked = tools.Where(t => t.ProtocolTool.Meta is not null).ToDictionary(t => t.Name, t => t.ProtocolTool.Meta!);
        linked.Keys.Should().BeEquivalentTo(["analyze_dataframe", "generate_eda_report"]);
        foreach (var name in linked.Keys)
        {
            linked[name]["ui"]!["resourceUri"]!.GetValue<string>().Should().Be(ViewUri);
            linked[name]["ui/resourceUri"]!.GetValue<string>().Should().Be(ViewUri);
        }
    }

    [Fact]
    public async Task ThePage_FetchesOnlyThroughReadOnlyTools_BesidesItsTransformButtons()
    {
        // The view fetches histograms, top values, the missing-value matrix and thinned parts with these two tools; a
        // render must change nothing, so both must be read-only (annotations as listed).
        var page = ((TextResourceContents)(await Client.ReadResourceAsync(ViewUri)).Contents[0]).Text;
        var tools = (await Client.ListToolsAsync()).ToDictionary(t => t.Name);
        foreach (var name in new[] { "data_query", "data_describe_table" })
        {
            page.Should().Contain($"\"{name}\"");
            tools[name].ProtocolTool.Annotations!.ReadOnlyHint.Should().BeTrue(name);
        }

        // It never draws the histograms or top values of the result itself (the text lacks them).
        page.Should().NotContain(".histogram").And.NotContain(".topValues");
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
        // Self-contained: nothing loaded from elsewhere (no URL, no external script or stylesheet).
        contents.Text.Should().NotContainAny("http://", "https://", "<script src", "<link");
        contents.Text.Should().Contain("ui/initialize").And.Contain("suggest_transformations").And.Contain("data_apply_transformation");
    }
}
