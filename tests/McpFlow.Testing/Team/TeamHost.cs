using System.IO.Pipelines;
using System.Text.Json;
using McpFlow.Core;
using McpFlow.Core.Configuration;
using McpFlow.Core.Groups;
using McpFlow.Core.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFlow.Testing.Team;

/// <summary>
/// One McpFlow process of a team, in memory: the given tool groups over a shared workspace folder and a team database
/// (with the data group, its own local DuckDB file), its start-up services run as the host runs them (migrations
/// first), and one MCP client whose every request comes
/// from <see cref="User"/> (as an authenticated HTTP session's would: the principal rides on each message).
/// </summary>
public sealed class TeamHost : IAsyncDisposable
{
    private readonly Pipe _clientToServer = new();
    private readonly Pipe _serverToClient = new();
    private readonly CancellationTokenSource _cts = new();
    private ServiceProvider _services = null!;
    private List<IHostedService> _started = [];
    private McpClient _client = null!;

    private TeamHost(Caller user) => User = user;

    /// <summary>Whose requests this host's client makes.</summary>
    public Caller User { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _services;

    /// <summary>Starts a host of <paramref name="groups"/> over <paramref name="workspace"/> (shared folder) and
    /// <paramref name="database"/>; <paramref name="configure"/> sets further options.</summary>
    public static async Task<TeamHost> StartAsync(string workspace, string dataRoot, string database, Caller user, TimeProvider time,
        IReadOnlyList<IToolGroup> groups, Action<McpFlowOptions>? configure = null)
    {
        var host = new TeamHost(user);
        var options = new McpFlowOptions { WorkspacePath = workspace, AllowedRoots = [dataRoot] };
        options.Team.Database = database;
        configure?.Invoke(options);
        var principal = CallerClaims.ToPrincipal(user);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMcpFlow(options, groups)
            .WithStreamServerTransport(host._clientToServer.Reader.AsStream(), host._serverToClient.Writer.AsStream())
            .WithMessageFilters(filters => filters.AddIncomingFilter(next => (context, cancellationToken) =>
            {
                context.JsonRpcMessage.Context ??= new JsonRpcMessageContext();
                context.JsonRpcMessage.Context.User = principal;
                return next(context, cancellationToken);
            }));
        services.AddSingleton(time);
        host._services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        // As the host starts them, in registration order: the team database's migrations, the audit chain, then the
        // SDK's session service, which runs the MCP server over the pipes.
        host._started = host._services.GetServices<IHostedService>().ToList();
        foreach (var started in host._started)
            await started.StartAsync(host._cts.Token);
        host._client = await McpClient.CreateAsync(
            new StreamClientTransport(host._clientToServer.Writer.AsStream(), host._serverToClient.Reader.AsStream()), cancellationToken: host._cts.Token);
        return host;
    }

    /// <summary>Calls a tool.</summary>
    public async Task<CallToolResult> CallAsync(string tool, object? arguments = null) =>
        await _client.CallToolAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments ?? new { }))!,
            cancellationToken: _cts.Token);

    /// <summary>Calls a tool and asserts it succeeded.</summary>
    public async Task<CallToolResult> CallOkAsync(string tool, object? arguments = null)
    {
        var result = await CallAsync(tool, arguments);
        if (result.IsError == true)
            throw new Xunit.Sdk.XunitException($"{User.Name}: tool {tool} failed: {result.Text()}");
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

        if (_services is not null)
            await _services.DisposeAsync();
        _cts.Dispose();
    }
}
