namespace McpFlow.Security.Tests.Http;

/// <summary>One request against the HTTP endpoint and the statuses that count as held.</summary>
/// <param name="Label">What it tries.</param>
/// <param name="Method">GET, POST or DELETE.</param>
/// <param name="Path">Path and query, e.g. <c>/mcp?access_token=…</c>.</param>
/// <param name="Headers">Headers to send (Host included, when given).</param>
/// <param name="Body">JSON body, or null.</param>
/// <param name="Held">True for a status that refuses the request.</param>
internal sealed record HttpProbe(string Label, HttpMethod Method, string Path, IReadOnlyDictionary<string, string> Headers, string? Body, Func<int, bool> Held)
{
    /// <summary>An initialize request body.</summary>
    public const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"redteam","version":"1"}}}""";

    /// <summary>A tools/call of server_info.</summary>
    public const string ServerInfo =
        """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"server_info","arguments":{"probe_engines":false}}}""";

    /// <summary>Refused: 401 or 403 (421 Misdirected for a foreign host is fine too).</summary>
    public static bool Refused(int status) => status is 401 or 403 or 421;

    /// <summary>Not served: any 4xx.</summary>
    public static bool ClientError(int status) => status is >= 400 and < 500;
}
