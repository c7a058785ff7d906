using System.IO.Pipelines;
using System.Text.Json;
using McpFlow.Core;
using McpFlow.Core.Configuration;
using McpFlow.Core.Groups;
using McpFlow.Core.Identity;
using McpFlow.Data;
using McpFlow.Experiments;
using McpFlow.Pipelines;
using McpFlow.Server.Team;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Xunit.Abstractions;

namespace McpFlow.Server.Tests.Support;

/// <summary>
/// One McpFlow process of a team with the data, experiments and pipelines groups, in-process: a server (an MCP client over
/// in-memory pipes whose every request comes from <see cref="Caller"/>, as an authenticated HTTP session's would) or a
/// worker (a Hangfire server serving the given queues), both in team mode on the given database, sharing one workspace
/// folder, each with its own local DuckDB file (the team's table catalogue). Its start-up services run as the host runs
/// them: the team database's migrations first.
/// </summary>
internal sealed class TeamPipelineNode : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly Pipe _clientToServer = new();
    private readonly Pipe _serverToClient = new();
    private ServiceProvider _services = null!;
    private List<IHostedService> _started = [];
    private McpClient? _client;

    /// <summary>The node's services.</summary>
    public IServiceProvider Services => _services;

    /// <summary>Starts a server node whose requests come from <paramref name="caller"/>.</summary>
    public static Task<TeamPipelineNode> ServerAsync(string workspace, string dataRoot, string database, Caller caller, ITestOutputHelper output) =>
        StartAsync(workspace, dataRoot, database, caller, null, output);

    /// <summary>Starts a worker node serving <paramref name="queues"/>.</summary>
    public static Task<TeamPipelineNode> WorkerAsync(string workspace, string dataRoot, string database, IReadOnlyList<string> queues, ITestOutputHelper output) =>
        StartAsync(workspace, dataRoot, database, null, queues, output);

    /// <summary>Calls a tool on a server node.</summary>
    public async Task<CallToolResult> CallAsync(string tool, object arguments) =>
        await _client!.CallToolAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!, cancellationToken: _cts.Token);

    /// <summary>Calls a tool and fails the test with its text when it fails.</summary>
    public async Task<CallToolResult> CallOkAsync(string tool, object arguments)
    {
        var result = await CallAsync(tool, arguments);
        if (result.IsError == true)
            throw new Xunit.Sdk.XunitException($"{tool} failed: {result.Text()}");
        return result;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
            await _client.DisposeAsync();
        _clientToServer.Writer.Complete();
        _serverToClient.Writer.Complete();
        for (var i = _started.Count - 1; i >= 0; i--)
            await _started[i].StopAsync(CancellationToken.None);
        await _cts.CancelAsync();
        await _services.DisposeAsync();
        _cts.Dispose();
    }

    private static async Task<TeamPipelineNode> StartAsync(string workspace, string dataRoot, string database, Caller? caller, IReadOnlyList<string>? queues, ITestOutputHelper output)
    {
        var node = new TeamPipelineNode();
        var options = new McpFlowOptions { WorkspacePath = workspace, AllowedRoots = [workspace, dataRoot] };
        options.Team.Database = database;
        options.Jobs.WorkerQueues = queues?.ToList() ?? [];
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(new TestOutputLoggerProvider(output)));
        IToolGroup[] groups = [new DataToolGroup(), new ExperimentsToolGroup(), new PipelinesToolGroup()];
        var mcp = services.AddMcpFlow(options, groups);
        if (caller is not null)
        {
            var principal = CallerClaims.ToPrincipal(caller);
            mcp.WithStreamServerTransport(node._clientToServer.Reader.AsStream(), node._serverToClient.Writer.AsStream())
                .WithMessageFilters(filters => filters.AddIncomingFilter(next => (context, cancellationToken) =>
                {
                    context.JsonRpcMessage.Context ??= new JsonRpcMessageContext();
                    context.JsonRpcMessage.Context.User = principal;
                    return next(context, cancellationToken);
                }));
            services.AddTeamJobs(options, TeamJobNode.Fast);
        }
        else
        {
            services.AddJobWorker(options, TeamJobNode.Fast);
        }

        node._services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        // In registration order, as the host starts them: the team database's migrations, then (servers) the SDK's session
        // service running the MCP server over the pipes, or (workers) the Hangfire server.
        node._started = node._services.GetServices<IHostedService>().ToList();
        foreach (var started in node._started)
            await started.StartAsync(node._cts.Token);
        if (caller is not null)
            node._client = await McpClient.CreateAsync(new StreamClientTransport(node._clientToServer.Writer.AsStream(), node._serverToClient.Reader.AsStream()), cancellationToken: node._cts.Token);
        return node;
    }
}
