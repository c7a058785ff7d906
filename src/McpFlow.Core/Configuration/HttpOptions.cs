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

    /// <summary>Users with their own hashed tokens (team mode, docs/deployment.md). Default: none. Never shown.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public List<HttpUser> Users { get; set; } = [];

    /// <summary>JWTs from an OpenID Connect issuer (team mode). Default: off.</summary>
    public HttpJwtOptions Jwt { get; set; } = new();

    /// <summary>Per-user rate limit of the team mode.</summary>
    public HttpRateLimit RateLimit { get; set; } = new();

    /// <summary>Every team-mode user may approve runs they recorded. Default: false (another approver must).</summary>
    public bool AllowSelfApproval { get; set; }

    /// <summary>Team mode: users or JWTs are configured, so every request names a user with a role. Without it the
    /// HTTP server has one user (the shared <see cref="Token"/>, or none on loopback) with every role, as over stdio.</summary>
    public bool HasIdentities => Users.Count > 0 || Jwt.IsConfigured;
}
