using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace McpFlow.Core.Mcp.Apps;

/// <summary>
/// The MCP Apps extension (SEP-1865, <c>io.modelcontextprotocol/ui</c>, protocol 2026-01-26): its identifier, MIME type,
/// metadata keys and the client-capability check. The C# SDK (2.4.0) has no helper for it; the names come from the
/// specification (ext-apps <c>specification/2026-01-26/apps.mdx</c>) and the official <c>@modelcontextprotocol/ext-apps</c>
/// 2.0.4 package (<c>EXTENSION_ID</c>, <c>RESOURCE_MIME_TYPE</c>, <c>RESOURCE_URI_META_KEY</c>).
/// </summary>
public static class McpApps
{
    /// <summary>The extension's key in <c>capabilities.extensions</c> (note <c>/ui</c>, not <c>/apps</c>).</summary>
    public const string ExtensionId = "io.modelcontextprotocol/ui";

    /// <summary>The MIME type of a view resource: HTML rendered as an MCP App.</summary>
    public const string MimeType = "text/html;profile=mcp-app";

    /// <summary>The <c>_meta</c> key holding a tool's or a resource's UI metadata (<c>_meta.ui.resourceUri</c>, <c>_meta.ui.csp</c>).</summary>
    public const string MetaKey = "ui";

    /// <summary>The flat legacy key for a tool's view (<c>_meta["ui/resourceUri"]</c>), which some hosts (VS Code) still read.</summary>
    public const string LegacyResourceUriKey = "ui/resourceUri";

    /// <summary>The URI prefix of McpFlow's views: <c>ui://mcpflow/&lt;view&gt;</c>.</summary>
    public const string UriPrefix = "ui://mcpflow/";

    /// <summary>True when the client declared the extension in <c>capabilities.extensions</c> and, if it lists the MIME
    /// types it renders (<c>mimeTypes</c>), <see cref="MimeType"/> is among them.</summary>
    public static bool ClientSupports(ClientCapabilities? capabilities)
    {
        if (capabilities?.Extensions is not { } extensions || !extensions.TryGetValue(ExtensionId, out var settings))
            return false;
        var node = settings switch
        {
            null => null,
            JsonNode n => n,
            JsonElement e => JsonNode.Parse(e.GetRawText()),
            _ => JsonSerializer.SerializeToNode(settings, McpFlowJson.Options),
        };
        if (node is not JsonObject obj || !obj.TryGetPropertyValue("mimeTypes", out var types) || types is null)
            return node is null or JsonObject;
        return types is JsonArray list && list.Any(t => t is JsonValue v && v.TryGetValue(out string? s) && s == MimeType);
    }

    /// <summary>The server's declaration of the extension (an empty settings object: "supported").</summary>
    public static JsonObject ServerSettings() => [];
}
