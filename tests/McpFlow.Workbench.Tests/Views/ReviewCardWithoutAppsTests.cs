using McpFlow.Testing;
using McpFlow.Workbench.Tests.Tools;

namespace McpFlow.Workbench.Tests.Views;

/// <summary>A client without the MCP Apps extension gets exactly the answers it got before the views existed.</summary>
public sealed class ReviewCardWithoutAppsTests : WorkbenchServerTestBase
{
    [Fact]
    public void Server_DoesNotDeclareTheExtension()
    {
        (Client.ServerCapabilities.Extensions ?? new Dictionary<string, object>()).Should().NotContainKey("io.modelcontextprotocol/ui");
    }

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
    public async Task RunCard_AnswersAsBefore_WithoutAnyUiMetadata()
    {
        var runId = await RecordAsync();
        var card = await CallOkAsync("workbench_run_card", new { run_id = runId });
        (card.Meta ?? []).Should().NotContain(p => p.Key.StartsWith("ui", StringComparison.Ordinal));
        card.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().First().Text.Should().StartWith("## Ridge alpha=1");
    }
}
