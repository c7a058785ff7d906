using McpFlow.Core;
using McpFlow.Core.Configuration;
using McpFlow.Server.Team;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Server.Hosting;

#pragma warning disable RS0030 // Composition root: the host resolves its own hosting services after building. (BannedSymbols.txt)

/// <summary>Runs McpFlow over stdio: the default transport for Claude Desktop, IDEs and scripts. The process ends within
/// <see cref="ShutdownWatchdog.Deadline"/> once standard input closes or SIGTERM/SIGINT arrives (see <see cref="ShutdownGuard"/>).</summary>
internal static class StdioHost
{
    public static async Task<int> RunAsync(McpFlowOptions options, CancellationToken cancellationToken)
    {
        // The empty builder skips appsettings and other start-up work McpFlow does not use (start-up time matters).
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.ConfigureContainer(new DefaultServiceProviderFactory(ServiceValidation.Options));
        Logging.Configure(builder.Logging, options.LogLevel);
        // Disposed when this method returns, after the host (the transport over them may never have been created).
#pragma warning disable CA2000 // StdinWatch owns the console stream it watches and disposes it (StdinWatch.Dispose).
        using var stdin = new StdinWatch(Console.OpenStandardInput());
#pragma warning restore CA2000
        await using var stdout = new BufferedStream(Console.OpenStandardOutput());
        // The SDK's stdio registration (single session, stopped with the host), with its transport replaced by the same
        // stream transport over the watched standard input. (WithStreamServerTransport would create its transport at
        // once, and a transport starts reading when created.)
        builder.Services.AddMcpFlow(options, ToolGroups.All()).WithStdioServerTransport();
        builder.Services.AddTeamJobs(options);
        builder.Services.Replace(ServiceDescriptor.Singleton<ITransport>(sp =>
            new StreamServerTransport(stdin, stdout, "McpFlow", sp.GetService<ILoggerFactory>())));
        ShutdownGuard.Add(builder.Services, stdin);

        ShutdownWatchdog watchdog;
        using (var host = builder.Build())
        {
            watchdog = host.Services.GetRequiredService<ShutdownWatchdog>();
            await host.RunAsync(cancellationToken);
        }

        watchdog.Finished();
        return 0;
    }
}
