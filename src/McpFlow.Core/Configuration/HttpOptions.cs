namespace McpFlow.Core.Configuration;

/// <summary>Streamable HTTP transport. Off by default: stdio is the default transport.</summary>
public sealed class HttpOptions
{
    /// <summary>Environment variable that holds the bearer token.</summary>
    public const string TokenVariable = "MCPFLOW_HTTP_TOKEN";

    /// <summary>Serve MCP over Streamable HTTP instead of stdio. Default: false.</summary>
    public bool Enabled { get; set; }

    /// <summary>URLs to listen on. Default: <c>http://127.0.0.1:3001</c> (loopback only).</summary>
    public string Urls { get; set; } = "http://127.0.0.1:3001";

    /// <summary>Bearer token clients must send (from <see cref="TokenVariable"/> only, a secret: never serialized, logged or
    /// shown). Default: none, which is allowed only on loopback binds.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Token { get; set; }

    /// <summary>Extra <c>Origin</c> values allowed besides loopback origins.</summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
