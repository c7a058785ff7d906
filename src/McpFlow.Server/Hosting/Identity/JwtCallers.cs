using System.Security.Claims;
using McpFlow.Core.Configuration;
using McpFlow.Core.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace McpFlow.Server.Hosting.Identity;

/// <summary>
/// JWT bearer authentication against the configured OpenID Connect issuer (<see cref="HttpJwtOptions"/>): issuer,
/// audience, lifetime and signature are checked by ASP.NET Core's handler; the user name and the highest McpFlow role
/// are read from the configured claims.
/// </summary>
internal static class JwtCallers
{
    /// <summary>Configures the handler's validation from <paramref name="jwt"/>; lifetimes are checked against <paramref name="time"/>.</summary>
    public static void Configure(JwtBearerOptions options, HttpJwtOptions jwt, TimeProvider time)
    {
        options.TimeProvider = time;
        options.MapInboundClaims = false;
        options.IncludeErrorDetails = false;
        options.SaveToken = false;
        if (jwt.Authority is { } authority)
            options.Authority = authority;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(jwt.ClockSkewSeconds),
            NameClaimType = jwt.NameClaim,
            RoleClaimType = jwt.RoleClaim,
            // IdentityModel's own lifetime check reads the wall clock; this one reads the host's TimeProvider.
            LifetimeValidator = (notBefore, expires, _, parameters) => CheckLifetime(notBefore, expires, time.GetUtcNow().UtcDateTime, parameters.ClockSkew),
            IssuerSigningKeys = jwt.SigningKeysFile is { } file ? new JsonWebKeySet(File.ReadAllText(file)).GetSigningKeys() : null,
        };
    }

    /// <summary>True when a token valid from <paramref name="notBefore"/> to <paramref name="expires"/> is valid at
    /// <paramref name="now"/> give or take <paramref name="skew"/>; throws the exception IdentityModel would otherwise.</summary>
    public static bool CheckLifetime(DateTime? notBefore, DateTime? expires, DateTime now, TimeSpan skew)
    {
        if (expires is null)
            throw new SecurityTokenNoExpirationException("The token has no expiry.");
        if (notBefore is { } from && from > now + skew)
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = from };
        if (expires.Value < now - skew)
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        return true;
    }

    /// <summary>The caller a validated token names, or null when it carries no McpFlow role.</summary>
    public static Caller? From(ClaimsPrincipal principal, HttpJwtOptions jwt, bool allowSelfApproval)
    {
        var name = Name(principal, jwt);
        var roles = principal.FindAll(jwt.RoleClaim).Select(c => UserRoles.TryParse(c.Value)).OfType<UserRole>().ToList();
        if (name is null || roles.Count == 0)
            return null;
        return new Caller(name, roles.Max(), allowSelfApproval);
    }

    /// <summary>The user name a token's claims give (<see cref="HttpJwtOptions.NameClaim"/>, else <c>sub</c>), or null
    /// when it is not a valid McpFlow user name (1-64 letters, digits or <c>._@-</c>: nothing that could end a header or a
    /// log line) or is the local user's.</summary>
    public static string? Name(ClaimsPrincipal principal, HttpJwtOptions jwt)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(jwt);
        var name = principal.FindFirst(jwt.NameClaim)?.Value ?? principal.FindFirst("sub")?.Value;
        return HttpIdentityValidator.IsValidUserName(name) && !string.Equals(name, Caller.LocalName, StringComparison.OrdinalIgnoreCase) ? name : null;
    }

    /// <summary>For a token refused only for its lifetime or audience: the user it names when its signature and issuer do
    /// verify (so the name is the issuer's word, not the sender's), for the audit trail; otherwise null.</summary>
    public static async Task<string?> SignedNameAsync(JwtBearerOptions options, string token, Exception? failure, HttpJwtOptions jwt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (failure is not (SecurityTokenExpiredException or SecurityTokenNotYetValidException or SecurityTokenInvalidAudienceException))
            return null;
        var parameters = options.TokenValidationParameters.Clone();
        parameters.ValidateLifetime = false;
        parameters.LifetimeValidator = null;
        parameters.ValidateAudience = false;
        parameters.AudienceValidator = null;
        if (options.ConfigurationManager is { } manager)
            parameters.IssuerSigningKeys = (await manager.GetConfigurationAsync(cancellationToken)).SigningKeys;
        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, parameters);
        return result.IsValid ? Name(new ClaimsPrincipal(result.ClaimsIdentity), jwt) : null;
    }

    /// <summary>Why a token was refused, in words safe to return (no token text).</summary>
    public static string Reason(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "it has expired",
        SecurityTokenNotYetValidException => "it is not valid yet",
        SecurityTokenInvalidAudienceException => "its audience (aud) is not this server's",
        SecurityTokenInvalidIssuerException => "its issuer (iss) is not the configured one",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "its signature does not verify with the issuer's keys",
        SecurityTokenNoExpirationException => "it has no expiry (exp)",
        _ => "it is not a valid token for this server",
    };
}
