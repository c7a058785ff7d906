using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp.Apps;

/// <summary>
/// Declares the MCP Apps extension in the server's <c>initialize</c> answer
/// (<c>capabilities.extensions["io.modelcontextprotocol/ui"] = {}</c>) when, and only when, the client declared it
/// (<see cref="McpApps.ClientSupports"/>): a client without it gets the same answer as before. An outgoing-message
/// filter, because the SDK (2.4.0) builds one capability set for every session.
/// </summary>
public static class AppsCapabilityFilter
{
    /// <summary>Wraps the outgoing-message handler.</summary>
    public static McpMessageHandler Wrap(McpMessageHandler next) =>
        (context, cancellationToken) =>
        {
            if (context.JsonRpcMessage is JsonRpcResponse { Result: JsonObject result } && IsInitializeResult(result)
                && McpApps.ClientSupports(context.Server.ClientCapabilities))
                Declare(result);
            return next(context, cancellationToken);
        };

    /// <summary>True for the result of <c>initialize</c>: it alone carries protocolVersion, capabilities and serverInfo.</summary>
    public static bool IsInitializeResult(JsonObject result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result["protocolVersion"] is JsonValue && result["capabilities"] is JsonObject && result["serverInfo"] is JsonObject;
    }

    /// <summary>Adds the extension to the result's <c>capabilities.extensions</c>, keeping any other extension.</summary>
    public static void Declare(JsonObject initializeResult)
    {
        ArgumentNullException.ThrowIfNull(initializeResult);
        var capabilities = (JsonObject)initializeResult["capabilities"]!;
        var extensions = capabilities["extensions"] as JsonObject ?? [];
        extensions[McpApps.ExtensionId] = McpApps.ServerSettings();
        capabilities["extensions"] = extensions;
    }
}
