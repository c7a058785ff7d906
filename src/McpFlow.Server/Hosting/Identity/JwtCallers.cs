using System.Security.Claims;
using McpFlow.Core.Configuration;
using McpFlow.Core.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
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
        var name = principal.FindFirst(jwt.NameClaim)?.Value ?? principal.FindFirst("sub")?.Value;
        var roles = principal.FindAll(jwt.RoleClaim).Select(c => UserRoles.TryParse(c.Value)).OfType<UserRole>().ToList();
        if (string.IsNullOrWhiteSpace(name) || name == Caller.LocalName || roles.Count == 0)
            return null;
        return new Caller(name, roles.Max(), allowSelfApproval);
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
