using McpFlow.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFlow.Data.Tests.Views;

/// <summary>A client that declares the MCP Apps extension sees analyze_dataframe and generate_eda_report linked to the
/// table profile view.</summary>
public sealed class TableProfileWithAppsTests : DataServerTestBase
{
    private const string ViewUri = "ui://mcpflow/table-profile";

    protected override McpClientOptions? ClientOptions => AppViewChecks.ExtensionClient;

    [Fact]
    public async Task ToolsList_LinksAnalyzeDataframeAndEdaReport_AndNoOtherDataTool()
    {
        await AppViewChecks.ToolsShouldLinkOnly(Client, ViewUri, "analyze_dataframe", "generate_eda_report");
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
        await AppViewChecks.ViewShouldBeListed(Client, ViewUri);
    }

    [Fact]
    public async Task ReadResource_ServesTheSelfContainedPage_WithItsCsp()
    {
        var page = await AppViewChecks.PageShouldBeSelfContained(Client, ViewUri);
        page.Should().Contain("suggest_transformations").And.Contain("data_apply_transformation");
    }
}
