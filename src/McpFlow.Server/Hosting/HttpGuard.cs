using System.Net;
using System.Security.Cryptography;
using System.Text;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace McpFlow.Server.Hosting;

/// <summary>
/// Protects the HTTP endpoint. Per the MCP transport spec: rejects a request whose <c>Origin</c> is not a
/// loopback origin or an allowed one (DNS rebinding), and, on a loopback-only bind, a request whose
/// <c>Host</c> is not a loopback name. When a bearer token is configured every request must carry it;
/// a non-loopback bind refuses to start without one.
/// </summary>
internal sealed class HttpGuard
{
    private readonly byte[]? _tokenHash;
    private readonly HashSet<string> _allowedOrigins;
    private readonly bool _loopbackOnly;

    private HttpGuard(string? token, IEnumerable<string> allowedOrigins, bool loopbackOnly)
    {
        _tokenHash = token is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
        _allowedOrigins = allowedOrigins.Select(o => o.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _loopbackOnly = loopbackOnly;
    }

    /// <summary>Builds the guard, or returns the reason the configuration is unsafe.</summary>
    public static HttpGuard Create(HttpOptions options, string? token, out string? error)
    {
        var urls = options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries);
        var loopbackOnly = urls.All(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && IsLoopbackHost(uri.Host));
        error = !loopbackOnly && string.IsNullOrEmpty(token)
            ? $"--urls {options.Urls} binds a non-loopback address; set a bearer token in {HttpOptions.TokenVariable} (clients send 'Authorization: Bearer <token>') or bind 127.0.0.1."
            : null;
        return new HttpGuard(string.IsNullOrEmpty(token) ? null : token, options.AllowedOrigins, loopbackOnly);
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

        if (_tokenHash is not null && !HasValidToken(context.Request.Headers.Authorization.ToString()))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Reject(context, StatusCodes.Status401Unauthorized, "Missing or wrong bearer token (Authorization: Bearer <token>).");
            return;
        }

        await next(context);
    }

    private bool HasValidToken(string header)
    {
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            return false;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[prefix.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _tokenHash);
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

    private static Task Reject(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message);
    }
}
