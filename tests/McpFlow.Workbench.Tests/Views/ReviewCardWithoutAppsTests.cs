using System.Text.Json;
using McpFlow.Workbench.Tests.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Server;

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
        // Expected: the server's own tool objects (no filter involved) serialized the same way.
        var server = Services.GetRequiredService<IOptions<McpServerOptions>>().Value.ToolCollection!
            .ToDictionary(t => t.ProtocolTool.Name, t => JsonSerializer.Serialize(t.ProtocolTool, McpJsonUtilities.DefaultOptions));
        var listed = (await Client.ListToolsAsync()).ToList();
        listed.Should().HaveCount(server.Count);
        foreach (var tool in listed)
            JsonSerializer.Serialize(tool.ProtocolTool, McpJsonUtilities.DefaultOptions).Should().Be(server[tool.Name]);
        listed.Should().OnlyContain(t => t.ProtocolTool.Meta == null);
    }

    [Fact]
    public async Task ResourcesList_LeavesTheViewOut()
    {
        (await Client.ListResourcesAsync()).Should().NotContain(r => r.Uri.StartsWith("ui://", StringComparison.Ordinal));
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
