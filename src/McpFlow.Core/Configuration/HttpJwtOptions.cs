namespace McpFlow.Core.Configuration;

/// <summary>
/// JWT bearer tokens from an OpenID Connect issuer (ASP.NET Core's JWT bearer authentication). Off unless
/// <see cref="Issuer"/> is set. Keys come from <see cref="SigningKeysFile"/> (a JWKS file, no network) or from the
/// issuer's discovery document at <see cref="Authority"/>.
/// </summary>
public sealed class HttpJwtOptions
{
    /// <summary>Expected <c>iss</c>, e.g. <c>https://login.example.com/realms/team</c>. Default: none (JWTs off).</summary>
    public string? Issuer { get; set; }

    /// <summary>Expected <c>aud</c>, e.g. <c>mcpflow</c>. Required with <see cref="Issuer"/>.</summary>
    public string? Audience { get; set; }

    /// <summary>OpenID Connect authority whose discovery document and keys are fetched (https only). Default: none.</summary>
    public string? Authority { get; set; }

    /// <summary>JWKS file (<c>{"keys": [...]}</c>) with the issuer's public signing keys. Default: none.</summary>
    public string? SigningKeysFile { get; set; }

    /// <summary>Claim holding the user name. Default: <c>preferred_username</c> (then <c>sub</c>).</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>Claim holding the roles (a string or an array); the highest McpFlow role named wins. Default: <c>roles</c>.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Seconds of clock skew tolerated on <c>exp</c>/<c>nbf</c>, 0-300. Default: 60.</summary>
    public int ClockSkewSeconds { get; set; } = 60;

    /// <summary>True when JWTs are accepted.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Issuer);
}
