using McpFlow.Physics.Tests.Tools;
using McpFlow.Testing;
using ModelContextProtocol.Client;

namespace McpFlow.Physics.Tests.Views;

/// <summary>A client that declares the MCP Apps extension sees pinn_train and pinn_status linked to the training monitor.</summary>
public sealed class TrainingMonitorWithAppsTests : PhysicsServerTestBase
{
    private const string ViewUri = "ui://mcpflow/training-monitor";

    protected override McpClientOptions? ClientOptions => AppViewChecks.ExtensionClient;

    [Fact]
    public async Task ToolsList_LinksPinnTrainAndPinnStatus_AndNoOtherPhysicsTool()
    {
        await AppViewChecks.ToolsShouldLinkOnly(Client, ViewUri, "pinn_train", "pinn_status");
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
        // The tools the view calls through the host: every one exists on this server.
        var names = (await Client.ListToolsAsync()).Select(t => t.Name).ToHashSet();
        foreach (var tool in new[] { "pinn_status", "job_cancel", "pinn_list_runs", "validate_solution" })
        {
            page.Should().Contain($"name: \"{tool}\"");
            names.Should().Contain(tool);
        }
    }
}
