using System.Net;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Identity;
using McpFlow.Server.Hosting.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace McpFlow.Server.Hosting;

/// <summary>
/// Protects the HTTP endpoint. Per the MCP transport spec: rejects a request whose <c>Origin</c> is not a
/// loopback origin or an allowed one (DNS rebinding), and, on a loopback-only bind, a request whose
/// <c>Host</c> is not a loopback name. When a bearer token, users or JWTs are configured every request must carry a
/// token that names a user (the shared token is the single local user; see <see cref="TokenTable"/> and
/// <see cref="JwtCallers"/>), which becomes the request's principal (<see cref="CallerClaims"/>); a non-loopback bind
/// refuses to start without any. Tokens are never logged or echoed.
/// </summary>
internal sealed class HttpGuard
{
    private readonly TokenTable _tokens;
    private readonly HttpOptions _options;
    private readonly HashSet<string> _allowedOrigins;
    private readonly bool _loopbackOnly;

    private HttpGuard(HttpOptions options, TokenTable tokens, bool loopbackOnly)
    {
        _options = options;
        _tokens = tokens;
        _allowedOrigins = options.AllowedOrigins.Select(o => o.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _loopbackOnly = loopbackOnly;
    }

    /// <summary>True when requests must name a user (a token, users or JWTs are configured).</summary>
    public bool RequiresToken => !_tokens.IsEmpty || _options.Jwt.IsConfigured;

    /// <summary>Builds the guard, or returns the reason the configuration is unsafe.</summary>
    public static HttpGuard Create(HttpOptions options, string? token, out string? error)
    {
        var urls = options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries);
        var loopbackOnly = urls.All(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && IsLoopbackHost(uri.Host));
        var guard = new HttpGuard(options, new TokenTable(options, token), loopbackOnly);
        error = !loopbackOnly && !guard.RequiresToken
            ? $"--urls {options.Urls} binds a non-loopback address; set a bearer token in {HttpOptions.TokenVariable} (clients send 'Authorization: Bearer <token>'), configure http.users or http.jwt (docs/deployment.md), or bind 127.0.0.1."
            : null;
        return guard;
    }

    /// <summary>The middleware.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsAllowedOrigin(origin))
        {
            await Reject(context, StatusCodes.Status403Forbidden, $"Origin '{ArgumentEcho.Show(origin)}' is not allowed. Start McpFlow with --allow-origin <origin> to allow it.");
            return;
        }

        if (_loopbackOnly && !IsLoopbackHost(context.Request.Host.Host))
        {
            await Reject(context, StatusCodes.Status403Forbidden, "Host header is not a loopback name; this server only answers local requests.");
            return;
        }

        if (RequiresToken && !await AuthenticateAsync(context))
            return;

        await next(context);
    }

    // Sets the request's principal from its bearer token, or answers 401/403 and returns false.
    private async Task<bool> AuthenticateAsync(HttpContext context)
    {
        const string prefix = "Bearer ";
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? header[prefix.Length..].Trim() : "";
        if (token.Length > 0 && _tokens.Find(token) is { } caller)
        {
            context.User = CallerClaims.ToPrincipal(caller);
            return true;
        }

        var reason = "Missing or wrong bearer token (Authorization: Bearer <token>).";
        if (token.Length > 0 && _options.Jwt.IsConfigured && token.Count(c => c == '.') == 2)
        {
            var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
            if (result.Succeeded)
            {
                if (JwtCallers.From(result.Principal, _options.Jwt, _options.AllowSelfApproval) is { } user)
                {
                    context.User = CallerClaims.ToPrincipal(user);
                    return true;
                }

                if (JwtCallers.Name(result.Principal, _options.Jwt) is { } signed)
                    Audit(context, signed, "token accepted but it carries no McpFlow role");
                await Reject(context, StatusCodes.Status403Forbidden,
                    $"The token names no user with an McpFlow role: claim '{_options.Jwt.NameClaim}' (or 'sub') must name the user (1-64 letters, digits or ._@-; not 'local') and claim '{_options.Jwt.RoleClaim}' must include one of {string.Join(", ", UserRoles.Names)}.");
                return false;
            }

            reason = $"Bearer token refused: {JwtCallers.Reason(result.Failure)}.";
#pragma warning disable RS0030 // Middleware: the JWT handler's options live in the request's services. (BannedSymbols.txt)
            var jwtOptions = context.RequestServices.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
#pragma warning restore RS0030
            if (await JwtCallers.SignedNameAsync(jwtOptions, token, result.Failure, _options.Jwt, context.RequestAborted) is { } known)
                Audit(context, known, "token refused: " + JwtCallers.Reason(result.Failure));
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        await Reject(context, StatusCodes.Status401Unauthorized, reason);
        return false;
    }

    // A loopback origin must be exactly scheme://host[:port] as parsed: a value the parser reads differently from how it
    // is written (e.g. "http://[::1].evil.example", whose host parses as [::1]) is not one.
    private bool IsAllowedOrigin(string origin) =>
        _allowedOrigins.Contains(origin.TrimEnd('/'))
        || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && IsLoopbackHost(uri.Host)
            && string.Equals(uri.GetLeftPart(UriPartial.Authority), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));

    private static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    // Only refusals of a user the issuer vouches for are audited: an unauthenticated sender could name anyone, and could
    // fill the trail (the log still has every refusal's status).
    private static void Audit(HttpContext context, string user, string reason) =>
#pragma warning disable RS0030 // Middleware: the audit lives in the request's services. (BannedSymbols.txt)
        context.RequestServices.GetService<IRefusalAudit>()?.Refused(user, null, reason);
#pragma warning restore RS0030

    private static Task Reject(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message);
    }
}
