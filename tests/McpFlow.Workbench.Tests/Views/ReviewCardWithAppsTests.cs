using McpFlow.Testing;
using McpFlow.Workbench.Tests.Tools;
using ModelContextProtocol.Client;

namespace McpFlow.Workbench.Tests.Views;

/// <summary>A client that declares the MCP Apps extension sees the server's declaration, the tool links and the view.</summary>
public sealed class ReviewCardWithAppsTests : WorkbenchServerTestBase
{
    private const string ViewUri = "ui://mcpflow/review-card";

    protected override McpClientOptions? ClientOptions => AppViewChecks.ExtensionClient;

    [Fact]
    public void Server_DeclaresTheExtension()
    {
        Client.ServerCapabilities.Extensions.Should().ContainKey("io.modelcontextprotocol/ui");
    }

    [Fact]
    public async Task ToolsList_LinksTheCardAndApprovalTools_AndNoOther()
    {
        await AppViewChecks.ToolsShouldLinkOnly(Client, ViewUri, "workbench_run_card", "workbench_request_approval");
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
        page.Should().Contain("workbench_decide");
    }
}
