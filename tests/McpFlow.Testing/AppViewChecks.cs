using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using McpFlow.Core.Mcp.Apps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Testing;

/// <summary>
/// The MCP Apps contract every view keeps (docs/views.md), asserted the same way for each: with the extension, the
/// view's tools and only they are linked under both keys, the view is listed with its MIME type and CSP, and its page is
/// self-contained; without it, tools/list is the server's own tools unchanged and no <c>ui://</c> resource is listed.
/// Each group's <c>Views/*AppsTests</c> call these and add what is particular to their view.
/// </summary>
public static class AppViewChecks
{
    /// <summary>Client options that declare the MCP Apps extension.</summary>
    public static McpClientOptions ExtensionClient => new()
    {
        Capabilities = new ClientCapabilities
        {
            Extensions = new Dictionary<string, object> { [McpApps.ExtensionId] = new JsonObject { ["mimeTypes"] = new JsonArray(McpApps.MimeType) } },
        },
    };

    /// <summary>tools/list links exactly <paramref name="tools"/> to <paramref name="viewUri"/>, under <c>ui.resourceUri</c> and the legacy flat key.</summary>
    public static async Task ToolsShouldLinkOnly(McpClient client, string viewUri, params string[] tools)
    {
        var linked = (await client.ListToolsAsync()).Where(t => t.ProtocolTool.Meta is not null).ToDictionary(t => t.Name, t => t.ProtocolTool.Meta!);
        linked.Keys.Should().BeEquivalentTo(tools);
        foreach (var (name, meta) in linked)
        {
            meta["ui"]!["resourceUri"]!.GetValue<string>().Should().Be(viewUri, name);
            meta["ui/resourceUri"]!.GetValue<string>().Should().Be(viewUri, name);
        }
    }

    /// <summary>resources/list has the view with the MCP App MIME type and a CSP that allows no connection.</summary>
    public static async Task ViewShouldBeListed(McpClient client, string viewUri)
    {
        var view = (await client.ListResourcesAsync()).Single(r => r.Uri == viewUri).ProtocolResource;
        view.MimeType.Should().Be("text/html;profile=mcp-app");
        view.Meta!["ui"]!["csp"]!["connectDomains"]!.AsArray().Should().BeEmpty();
    }

    /// <summary>resources/read serves one self-contained page with its hash CSP (nothing loaded from elsewhere; the SVG
    /// namespace is an identifier, never loaded) that speaks the view-host protocol; returns the page.</summary>
    public static async Task<string> PageShouldBeSelfContained(McpClient client, string viewUri)
    {
        var contents = (await client.ReadResourceAsync(viewUri)).Contents.Should().ContainSingle().Subject.Should().BeOfType<TextResourceContents>().Subject;
        contents.MimeType.Should().Be("text/html;profile=mcp-app");
        contents.Meta!["ui"]!["csp"]!["resourceDomains"]!.AsArray().Should().BeEmpty();
        contents.Text.Should().Contain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-");
        contents.Text.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal).Should().NotContainAny("http://", "https://", "<script src", "<link");
        contents.Text.Should().Contain("ui/initialize");
        return contents.Text;
    }

    /// <summary>Without the extension, tools/list is the server's own tool objects serialized unchanged, with no metadata.</summary>
    public static async Task ToolsListShouldBeUnchanged(McpClient client, IServiceProvider services)
    {
        var server = services.GetRequiredService<IOptions<McpServerOptions>>().Value.ToolCollection!
            .ToDictionary(t => t.ProtocolTool.Name, t => JsonSerializer.Serialize(t.ProtocolTool, McpJsonUtilities.DefaultOptions));
        var listed = (await client.ListToolsAsync()).ToList();
        listed.Should().HaveCount(server.Count);
        foreach (var tool in listed)
            JsonSerializer.Serialize(tool.ProtocolTool, McpJsonUtilities.DefaultOptions).Should().Be(server[tool.Name]);
        listed.Should().OnlyContain(t => t.ProtocolTool.Meta == null);
    }

    /// <summary>Without the extension, no <c>ui://</c> resource is listed.</summary>
    public static async Task ViewsShouldBeHidden(McpClient client) =>
        (await client.ListResourcesAsync()).Should().NotContain(r => r.Uri.StartsWith("ui://", StringComparison.Ordinal));
}
