namespace McpFlow.Core.Configuration;

/// <summary>
/// Requests each user may make per window in the HTTP team mode (ASP.NET Core rate limiting, a fixed window per
/// user); an MCP tool call is one request. Over the limit a request gets 429 with <c>Retry-After</c>.
/// </summary>
public sealed class HttpRateLimit
{
    /// <summary>Requests per window and user, 0 = no limit. Default: 600 (ten a second on average: far above an agent's
    /// pace, low enough to stop a runaway client).</summary>
    public int PermitsPerWindow { get; set; } = 600;

    /// <summary>Window length in seconds, 1-3600. Default: 60.</summary>
    public int WindowSeconds { get; set; } = 60;
}
