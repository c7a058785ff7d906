using System.Text.Json;
using System.Text.Json.Nodes;
using McpFlow.Core.Mcp.Apps;
using ModelContextProtocol.Protocol;

namespace McpFlow.Core.Tests.Mcp.Apps;

public sealed class McpAppsTests
{
    private static ClientCapabilities With(string key, object settings) => new() { Extensions = new Dictionary<string, object> { [key] = settings } };

    [Fact]
    public void Constants_AreTheSpecificationsNames()
    {
        // As spelled by SEP-1865 and @modelcontextprotocol/ext-apps 2.0.4 (EXTENSION_ID, RESOURCE_MIME_TYPE, RESOURCE_URI_META_KEY).
        McpApps.ExtensionId.Should().Be("io.modelcontextprotocol/ui");
        McpApps.MimeType.Should().Be("text/html;profile=mcp-app");
        McpApps.LegacyResourceUriKey.Should().Be("ui/resourceUri");
    }

    [Fact]
    public void ClientSupports_IsFalse_WithoutTheExtension()
    {
        McpApps.ClientSupports(null).Should().BeFalse();
        McpApps.ClientSupports(new ClientCapabilities()).Should().BeFalse();
        McpApps.ClientSupports(With("io.modelcontextprotocol/apps", new JsonObject())).Should().BeFalse();
    }

    [Fact]
    public void ClientSupports_IsTrue_WhenTheClientListsTheMimeType()
    {
        var settings = new JsonObject { ["mimeTypes"] = new JsonArray("text/html;profile=mcp-app") };
        McpApps.ClientSupports(With(McpApps.ExtensionId, settings)).Should().BeTrue();
        // The same settings as they arrive from the wire (a JsonElement).
        McpApps.ClientSupports(With(McpApps.ExtensionId, JsonSerializer.SerializeToElement(settings))).Should().BeTrue();
    }

    [Fact]
    public void ClientSupports_IsTrue_ForAnEmptySettingsObject()
    {
        // An empty object means "supported, no settings" (ClientCapabilities.Extensions, SEP-2133).
        McpApps.ClientSupports(With(McpApps.ExtensionId, new JsonObject())).Should().BeTrue();
    }

    [Fact]
    public void ClientSupports_IsFalse_WhenTheListedMimeTypesLackOurs()
    {
        var settings = new JsonObject { ["mimeTypes"] = new JsonArray("text/html+skybridge") };
        McpApps.ClientSupports(With(McpApps.ExtensionId, settings)).Should().BeFalse();
        McpApps.ClientSupports(With(McpApps.ExtensionId, new JsonObject { ["mimeTypes"] = "text/html;profile=mcp-app" })).Should().BeFalse();
    }
}
