using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Core.Mcp;

/// <summary>
/// Version negotiation by the 2025-11-25 rule (lifecycle, "Version Negotiation"): when a client's <c>initialize</c> asks
/// for a protocol version the server does not speak through the initialize handshake, the server answers with one it
/// does speak (the latest, <see cref="Latest"/>) and the client decides whether to go on. The C# SDK (2.4.0) instead
/// refuses such a request with -32022 (UnsupportedProtocolVersion), including a newer date such as 2026-07-28, which
/// that revision reaches through server/discover rather than initialize. This incoming-message filter rewrites the
/// requested version before the SDK's handler sees it.
/// </summary>
public static class ProtocolVersionFilter
{
    /// <summary>The newest revision served through the initialize handshake (the SDK's answer to an unknown version too).</summary>
    public const string Latest = "2025-11-25";

    /// <summary>Revisions the SDK serves through the initialize handshake (csharp-sdk 2.4.0,
    /// McpProtocolVersions.InitializeHandshakeProtocolVersions).</summary>
    public static readonly IReadOnlyList<string> HandshakeVersions = ["2024-11-05", "2025-03-26", "2025-06-18", Latest];

    /// <summary>Wraps the incoming-message handler.</summary>
    public static McpMessageHandler Wrap(McpMessageHandler next) =>
        (context, cancellationToken) =>
        {
            if (context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.Initialize, Params: JsonObject parameters })
                Negotiate(parameters);
            return next(context, cancellationToken);
        };

    /// <summary>Replaces a requested version outside <see cref="HandshakeVersions"/> by <see cref="Latest"/>; a missing
    /// or non-string version is left for the SDK to refuse as invalid params.</summary>
    public static void Negotiate(JsonObject initializeParams)
    {
        if (initializeParams["protocolVersion"] is JsonValue value && value.TryGetValue(out string? requested)
            && !HandshakeVersions.Contains(requested, StringComparer.Ordinal))
            initializeParams["protocolVersion"] = Latest;
    }
}
