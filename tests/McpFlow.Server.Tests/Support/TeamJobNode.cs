using System.IO.Pipelines;
using System.Text.Json;
using McpFlow.Core;
using McpFlow.Core.Configuration;
using McpFlow.Physics;
using McpFlow.Server.Team;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Xunit.Abstractions;

namespace McpFlow.Server.Tests.Support;

/// <summary>
/// One McpFlow process of a team, in-process: a server (physics group, an MCP client over in-memory pipes) or a worker
/// (a Hangfire server), both in team mode on the given database and sharing one workspace folder, as a team's machines do.
/// </summary>
internal sealed class TeamJobNode : IAsyncDisposable
{
    /// <summary>Fast engine settings for tests: a dead worker's job is retried after 6 s, new jobs are seen within 0.2 s.</summary>
    public static readonly TeamJobSettings Fast = new(TimeSpan.FromSeconds(6), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));

    private readonly ServiceProvider _services;
    private readonly CancellationTokenSource _cts = new();
    private readonly List<IHostedService> _hosted = [];
    private Task? _serverTask;

    private TeamJobNode(ServiceProvider services) => _services = services;

    /// <summary>The MCP client of a server node.</summary>
    public McpClient? Client { get; private set; }

    /// <summary>Starts a server node.</summary>
    public static async Task<TeamJobNode> ServerAsync(string workspace, string database, ITestOutputHelper output)
    {
        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        var node = new TeamJobNode(Build(output, services =>
        {
            services.AddMcpFlow(Options(workspace, database), [new PhysicsToolGroup()])
                .WithStreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream());
            services.AddTeamJobs(Options(workspace, database), Fast);
        }));
        node._serverTask = node._services.GetRequiredService<McpServer>().RunAsync(node._cts.Token);
        node.Client = await McpClient.CreateAsync(new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream()), cancellationToken: node._cts.Token);
        return node;
    }

    /// <summary>Starts a worker node.</summary>
    public static async Task<TeamJobNode> WorkerAsync(string workspace, string database, ITestOutputHelper output)
    {
        var node = new TeamJobNode(Build(output, services =>
        {
            services.AddMcpFlow(Options(workspace, database), [new PhysicsToolGroup()]);
            services.AddJobWorker(Options(workspace, database), Fast);
        }));
        foreach (var hosted in node._services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
            node._hosted.Add(hosted);
        }

        return node;
    }

    /// <summary>Calls a tool on a server node.</summary>
    public Task<CallToolResult> CallAsync(string tool, object arguments) =>
        Client!.CallToolAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!).AsTask();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _hosted)
            await hosted.StopAsync(CancellationToken.None);
        if (Client is not null)
            await Client.DisposeAsync();
        await _cts.CancelAsync();
        if (_serverTask is not null)
        {
            try
            {
                await _serverTask;
            }
            catch (OperationCanceledException)
            {
            }
        }

        await _services.DisposeAsync();
        _cts.Dispose();
    }

    private static McpFlowOptions Options(string workspace, string database)
    {
        var options = new McpFlowOptions { WorkspacePath = workspace, AllowedRoots = [workspace] };
        options.Team.Database = database;
        options.Physics.Threads = 1;
        return options;
    }

    private static ServiceProvider Build(ITestOutputHelper output, Action<IServiceCollection> add)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(new TestOutputLoggerProvider(output)));
        add(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
