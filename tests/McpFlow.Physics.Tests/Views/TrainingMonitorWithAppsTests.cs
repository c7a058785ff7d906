using System.Text.Json.Nodes;
using McpFlow.Core.Mcp.Apps;
using McpFlow.Physics.Tests.Tools;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFlow.Physics.Tests.Views;

/// <summary>A client that declares the MCP Apps extension sees pinn_train and pinn_status linked to the training monitor.</summary>
public sealed class TrainingMonitorWithAppsTests : PhysicsServerTestBase
{
    private const string ViewUri = "ui://mcpflow/training-monitor";

    protected override McpClientOptions? ClientOptions => new()
    {
        Capabilities = new ClientCapabilities
        {
            Extensions = new Dictionary<string, object> { [McpApps.ExtensionId] = new JsonObject { ["mimeTypes"] = new JsonArray(McpApps.MimeType) } },
        },
    };

    [Fact]
    public async Task ToolsList_LinksPinnTrainAndPinnStatus_AndNoOtherPhysicsTool()
    {
        var tools = await Client.ListToolsAsync();
        var linked = tools.Where(t => t.ProtocolTool.Meta is not null).ToDictionary(t => t.Name, t => t.ProtocolTool.Meta!);
        linked.Keys.Should().BeEquivalentTo(["pinn_train", "pinn_status"]);
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
        // Self-contained: nothing loaded from elsewhere (no URL, no external script or stylesheet).
        contents.Text.Should().NotContainAny("http://", "https://", "<script src", "<link");
        // The tools the view calls through the host: every one exists on this server.
        var names = (await Client.ListToolsAsync()).Select(t => t.Name).ToHashSet();
        foreach (var tool in new[] { "pinn_status", "job_cancel", "pinn_list_runs", "validate_solution" })
        {
            contents.Text.Should().Contain($"name: \"{tool}\"");
            names.Should().Contain(tool);
        }
    }
}
