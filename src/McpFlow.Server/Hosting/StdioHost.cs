using McpFlow.Core;
using McpFlow.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpFlow.Server.Hosting;

/// <summary>Runs McpFlow over stdio: the default transport for Claude Desktop, IDEs and scripts.</summary>
internal static class StdioHost
{
    public static async Task<int> RunAsync(McpFlowOptions options, CancellationToken cancellationToken)
    {
        // The empty builder skips appsettings and other start-up work McpFlow does not use (start-up time matters).
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        Logging.Configure(builder.Logging);
        builder.Services.AddMcpFlow(options, ToolGroups.All()).WithStdioServerTransport();
        using var host = builder.Build();
        await host.RunAsync(cancellationToken);
        return 0;
    }
}
