using McpFlow.Core;
using McpFlow.Core.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpFlow.Server.Hosting;

#pragma warning disable RS0030 // Composition root: the host resolves its own hosting services after building. (BannedSymbols.txt)

/// <summary>Runs McpFlow over Streamable HTTP at <c>/mcp</c>, guarded by <see cref="HttpGuard"/>; SIGTERM/SIGINT end the process
/// within <see cref="ShutdownWatchdog.Deadline"/> (see <see cref="ShutdownGuard"/>).</summary>
internal static class HttpHost
{
    public const string Endpoint = "/mcp";

    public static async Task<int> RunAsync(McpFlowOptions options, HttpGuard guard, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Host.UseDefaultServiceProvider(ServiceValidation.Apply);
        Logging.Configure(builder.Logging, options.LogLevel);
        builder.WebHost.UseUrls(options.Http.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries));
        builder.Services.AddMcpFlow(options, ToolGroups.All()).WithHttpTransport(Sessions.Configure);
        ShutdownGuard.Add(builder.Services, stdin: null);
        ShutdownWatchdog watchdog;
        await using (var app = builder.Build())
        {
            watchdog = app.Services.GetRequiredService<ShutdownWatchdog>();
            app.Use(guard.InvokeAsync);
            app.MapMcp(Endpoint);
            await app.RunAsync(cancellationToken);
        }

        watchdog.Finished();
        return 0;
    }
}
