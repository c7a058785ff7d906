using McpFlow.Core;
using McpFlow.Core.Configuration;
using McpFlow.Server.Hosting.Identity;
using McpFlow.Server.Team;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpFlow.Server.Hosting;

#pragma warning disable RS0030 // Composition root: the host resolves its own hosting services after building. (BannedSymbols.txt)

/// <summary>Runs McpFlow over Streamable HTTP at <c>/mcp</c>, guarded by <see cref="HttpGuard"/> (with users or JWTs:
/// authenticated per user, then rate limited per user, <see cref="UserRateLimits"/>); SIGTERM/SIGINT end the process
/// within <see cref="ShutdownWatchdog.Deadline"/> (see <see cref="ShutdownGuard"/>).</summary>
internal static class HttpHost
{
    public const string Endpoint = "/mcp";

    public static async Task<int> RunAsync(McpFlowOptions options, HttpGuard guard, CancellationToken cancellationToken)
    {
        ShutdownWatchdog watchdog;
        await using (var app = Build(options, guard, services => ShutdownGuard.Add(services, stdin: null)))
        {
            watchdog = app.Services.GetRequiredService<ShutdownWatchdog>();
            await app.RunAsync(cancellationToken);
        }

        watchdog.Finished();
        return 0;
    }

    /// <summary>The web application serving McpFlow at <see cref="Endpoint"/>; <paramref name="configure"/> adds or replaces
    /// services (the process's shutdown guard; a test's clock).</summary>
    public static WebApplication Build(McpFlowOptions options, HttpGuard guard, Action<IServiceCollection> configure)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Host.UseDefaultServiceProvider(ServiceValidation.Apply);
        Logging.Configure(builder.Logging, options.LogLevel);
        builder.WebHost.UseUrls(options.Http.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries));
        builder.Services.AddMcpFlow(options, ToolGroups.All()).WithHttpTransport(Sessions.Configure);
        builder.Services.AddTeamJobs(options);
        if (options.Http.Jwt.IsConfigured)
        {
            builder.Services.AddAuthentication().AddJwtBearer();
            builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
                .Configure<TimeProvider>((jwt, time) => JwtCallers.Configure(jwt, options.Http.Jwt, time));
        }

        var limited = UserRateLimits.Applies(options.Http);
        if (limited)
            UserRateLimits.Add(builder.Services, options.Http.RateLimit);
        configure(builder.Services);
        var app = builder.Build();
        app.Use(guard.InvokeAsync);
        if (limited)
            app.UseRateLimiter();
        app.MapMcp(Endpoint);
        return app;
    }
}
