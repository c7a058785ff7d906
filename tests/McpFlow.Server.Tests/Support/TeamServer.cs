using McpFlow.Core.Configuration;
using McpFlow.Server.Hosting;
using McpFlow.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol.Client;

namespace McpFlow.Server.Tests.Support;

/// <summary>
/// McpFlow's HTTP host in the test process (Kestrel on a free loopback port, the real guard, authentication, rate
/// limiter and every tool group) with a fake clock, for team-mode tests; clients connect with a user's bearer token.
/// </summary>
internal sealed class TeamServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TeamServer(WebApplication app, string temp, FakeTimeProvider time)
    {
        _app = app;
        Temp = temp;
        Time = time;
    }

    /// <summary>The test's folder: the workspace is <c>ws</c> in it, and it is the allowed root.</summary>
    public string Temp { get; }

    public string Workspace => Path.Combine(Temp, "ws");

    public FakeTimeProvider Time { get; }

    public Uri Endpoint => new(_app.Urls.Single() + HttpHost.Endpoint);

    /// <summary>Starts the host with <paramref name="configure"/> applied to its HTTP options (users, JWT, limits) and
    /// <paramref name="sharedToken"/> as <c>MCPFLOW_HTTP_TOKEN</c>.</summary>
    public static async Task<TeamServer> StartAsync(Action<HttpOptions, string> configure, string? sharedToken = null, DateTimeOffset? now = null)
    {
        var temp = TempFolder.Create("team");
        var options = new McpFlowOptions
        {
            WorkspacePath = Path.Combine(temp, "ws"), AllowedRoots = [temp], LogLevel = "Warning",
            Http = { Enabled = true, Urls = "http://127.0.0.1:0", Token = sharedToken },
        };
        configure(options.Http, temp);
        var errors = OptionsValidator.Validate(options, ToolGroups.Names(), ToolGroups.ToolNamesToCheck(options));
        errors.Should().BeEmpty();
        var guard = HttpGuard.Create(options.Http, options.Http.Token, out var unsafeReason);
        unsafeReason.Should().BeNull();
        // A fixed instant (not the wall clock): token lifetimes in the tests are stated relative to it.
        var time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        var app = HttpHost.Build(options, guard, services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
        await app.StartAsync();
        return new TeamServer(app, temp, time);
    }

    /// <summary>A connected SDK client sending <paramref name="token"/> as its bearer token.</summary>
    public async Task<HttpServer.Connection> ConnectAsync(string token)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = Endpoint,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        });
        try
        {
            return new HttpServer.Connection(await McpClient.CreateAsync(transport, McpFlow.Walkthrough.WalkthroughClientOptions.Create()), transport);
        }
        catch
        {
            await transport.DisposeAsync();
            throw;
        }
    }

    /// <summary>Posts an MCP initialize request with <paramref name="token"/> (none: no Authorization header).</summary>
    public async Task<HttpResponseMessage> PostInitializeAsync(string? token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""",
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (token is not null)
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        TempFolder.TryDelete(Temp);
    }
}
