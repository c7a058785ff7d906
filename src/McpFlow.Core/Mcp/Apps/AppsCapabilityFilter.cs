using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp.Apps;

/// <summary>
/// Declares the MCP Apps extension in the server's capabilities (<c>capabilities.extensions["io.modelcontextprotocol/ui"] = {}</c>)
/// when, and only when, the client declared it (<see cref="McpApps.ClientSupports"/> of the capabilities the SDK read
/// from the request): a client without it gets the same answer as before. The server's capabilities travel in the
/// answer to <c>initialize</c> (up to 2025-11-25) or to <c>server/discover</c> (2026-07-28, which the C# SDK 2.4.0
/// client tries first). An outgoing-message filter, because the SDK builds one capability set for every session.
/// </summary>
public static class AppsCapabilityFilter
{
    /// <summary>Wraps the outgoing-message handler.</summary>
    public static McpMessageHandler Wrap(McpMessageHandler next) =>
        (context, cancellationToken) =>
        {
            if (context.JsonRpcMessage is JsonRpcResponse { Result: JsonObject result } && IsHandshakeResult(result)
                && McpApps.ClientSupports(context.Server.ClientCapabilities))
                Declare(result);
            return next(context, cancellationToken);
        };

    /// <summary>True for the answer to <c>initialize</c> (capabilities, serverInfo, protocolVersion) or to
    /// <c>server/discover</c> (capabilities, supportedVersions): the only results that carry the server's capabilities.</summary>
    public static bool IsHandshakeResult(JsonObject result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result["capabilities"] is JsonObject
            && (result["serverInfo"] is JsonObject && result["protocolVersion"] is JsonValue || result["supportedVersions"] is JsonArray);
    }

    /// <summary>Adds the extension to the result's <c>capabilities.extensions</c>, keeping any other extension.</summary>
    public static void Declare(JsonObject handshakeResult)
    {
        ArgumentNullException.ThrowIfNull(handshakeResult);
        var capabilities = (JsonObject)handshakeResult["capabilities"]!;
        var extensions = capabilities["extensions"] as JsonObject ?? [];
        extensions[McpApps.ExtensionId] = McpApps.ServerSettings();
        capabilities["extensions"] = extensions;
    }
}
