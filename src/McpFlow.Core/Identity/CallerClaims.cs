using System.Security.Claims;

namespace McpFlow.Core.Identity;

/// <summary>
/// How an authenticated HTTP request carries its <see cref="Caller"/>: the server's authentication (hashed tokens or a
/// JWT, src/McpFlow.Server/Hosting/Identity) builds a principal with these claims, and <see cref="From"/> reads it back
/// in the MCP filters. A request without an authenticated McpFlow identity is the local user.
/// </summary>
public static class CallerClaims
{
    /// <summary>Authentication type of McpFlow's principals.</summary>
    public const string AuthenticationType = "McpFlow";

    /// <summary>Claim holding the role name (<see cref="UserRoles.Names"/>).</summary>
    public const string RoleClaim = "mcpflow_role";

    /// <summary>Claim present (value <c>true</c>) when the user may approve their own runs.</summary>
    public const string SelfApprovalClaim = "mcpflow_self_approval";

    /// <summary>Claim present (value <c>true</c>) for the single local user (the legacy shared token).</summary>
    public const string LocalClaim = "mcpflow_local";

    /// <summary>A principal for <paramref name="caller"/> (the name is also the name identifier, which binds MCP sessions
    /// to their user).</summary>
    public static ClaimsPrincipal ToPrincipal(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        List<Claim> claims =
        [
            new(ClaimTypes.Name, caller.Name), new(ClaimTypes.NameIdentifier, caller.Name), new(RoleClaim, caller.Role.Name()),
        ];
        if (caller.MaySelfApprove)
            claims.Add(new Claim(SelfApprovalClaim, "true"));
        if (caller.IsLocal)
            claims.Add(new Claim(LocalClaim, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, ClaimTypes.Name, RoleClaim));
    }

    /// <summary>The caller <paramref name="user"/> names: <see cref="Caller.Local"/> for no principal or one McpFlow did
    /// not authenticate (stdio, HTTP without identities).</summary>
    public static Caller From(ClaimsPrincipal? user)
    {
        var identity = user?.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == AuthenticationType);
        if (identity is null || identity.HasClaim(LocalClaim, "true"))
            return Caller.Local;
        var role = UserRoles.TryParse(identity.FindFirst(RoleClaim)?.Value) ?? UserRole.Viewer;
        return new Caller(identity.Name ?? "unknown", role, identity.HasClaim(SelfApprovalClaim, "true"));
    }
}
