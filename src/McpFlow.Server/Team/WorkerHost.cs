using McpFlow.Core;
using McpFlow.Core.Configuration;
using McpFlow.Server.Cli;
using McpFlow.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpFlow.Server.Team;

/// <summary>Runs McpFlow as a team-mode job worker (<c>--worker</c>): every group's services, no MCP transport, and a
/// Hangfire server executing distributable jobs until SIGTERM/SIGINT. Workers share the servers' workspace folder.</summary>
internal static class WorkerHost
{
    public static async Task<int> RunAsync(McpFlowOptions options, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.ConfigureContainer(new DefaultServiceProviderFactory(ServiceValidation.Options));
        Logging.Configure(builder.Logging, options.LogLevel);
        builder.Services.AddMcpFlow(options, ToolGroups.All());
        builder.Services.AddJobWorker(options);
        using var host = builder.Build();
        try
        {
            await host.RunAsync(cancellationToken);
        }
        catch (OptionsException ex)
        {
            // A setting only the worker can check (--queues against the registered job kinds).
            await Console.Error.WriteLineAsync("mcpflow: invalid configuration:\n  - " + string.Join("\n  - ", ex.Errors));
            return 2;
        }

        return 0;
    }
}
