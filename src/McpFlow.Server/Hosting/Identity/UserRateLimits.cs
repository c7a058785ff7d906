using System.Globalization;
using System.Threading.RateLimiting;
using McpFlow.Core.Configuration;
using McpFlow.Core.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Server.Hosting.Identity;

/// <summary>
/// Per-user rate limit of the team mode (ASP.NET Core rate limiting): a fixed window of
/// <see cref="HttpRateLimit.PermitsPerWindow"/> requests per <see cref="HttpRateLimit.WindowSeconds"/> for each user,
/// after authentication (the partition is the user name). A request over the limit gets 429 with <c>Retry-After</c> and
/// a sentence saying whose limit it is and when to retry, and is recorded in the audit trail (<see cref="IRefusalAudit"/>,
/// which bounds the entries per user; the request's body is not read, so the entry names no tool).
/// </summary>
internal static class UserRateLimits
{
    /// <summary>True when the options ask for a limit (team mode and a non-zero limit).</summary>
    public static bool Applies(HttpOptions http) => http.HasIdentities && http.RateLimit.PermitsPerWindow > 0;

    /// <summary>Registers the limiter.</summary>
    public static void Add(IServiceCollection services, HttpRateLimit limit)
    {
        var window = TimeSpan.FromSeconds(limit.WindowSeconds);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(CallerClaims.From(context.User).Name, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.PermitsPerWindow, Window = window, QueueLimit = 0, AutoReplenishment = true,
                }));
            options.OnRejected = (rejected, cancellationToken) =>
            {
                var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                response.ContentType = "text/plain; charset=utf-8";
                var user = CallerClaims.From(rejected.HttpContext.User).Name;
#pragma warning disable RS0030 // The limiter's callback receives only the request: its services are the way in. (BannedSymbols.txt)
                rejected.HttpContext.RequestServices.GetService<IRefusalAudit>()
#pragma warning restore RS0030
                    ?.Refused(user, null, $"rate limit: more than {limit.PermitsPerWindow} requests in {limit.WindowSeconds} s");
                return new ValueTask(response.WriteAsync(
                    $"Rate limit: user '{user}' made more than {limit.PermitsPerWindow} requests in {limit.WindowSeconds} s. Retry in {seconds} s; an operator can raise http.rateLimit.permitsPerWindow.",
                    cancellationToken));
            };
        });
    }
}
