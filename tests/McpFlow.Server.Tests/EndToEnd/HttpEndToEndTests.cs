using System.Diagnostics;
using System.Net;
using McpFlow.Server.Tests.Support;
using McpFlow.Testing;
using ModelContextProtocol.Client;

namespace McpFlow.Server.Tests.EndToEnd;

/// <summary>Runs the server with --http on a loopback port, protected by a bearer token.</summary>
public sealed class HttpEndToEndTests : IAsyncLifetime
{
    private const string Token = "e2e-token-7f3a";
    private readonly string _temp = TempFolder.Create("http");
    private readonly int _port = ServerProcess.FreePort();
    private Process? _server;

    private Uri Endpoint => new($"http://127.0.0.1:{_port}/mcp");

    public async Task InitializeAsync()
    {
        _server = ServerProcess.Start(
            ["--http", "--urls", $"http://127.0.0.1:{_port}", "--workspace", Path.Combine(_temp, "ws"), "--allow-root", _temp],
            new Dictionary<string, string> { ["MCPFLOW_HTTP_TOKEN"] = Token, ["MCPFLOW_LOG_LEVEL"] = "Warning" });
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await http.GetAsync(Endpoint);
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_server.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        TempFolder.TryDelete(_temp);
    }

    [Fact]
    public async Task McpClient_WithToken_CanCallTools()
    {
        await using var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = Endpoint,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Token },
        });
        await using var client = await McpClient.CreateAsync(transport, McpFlow.Walkthrough.WalkthroughClientOptions.Create());

        var result = await client.CallToolAsync("server_info", new Dictionary<string, object?> { ["probe_engines"] = false });

        result.IsError.Should().NotBe(true);
        result.Text().Should().Contain("McpFlow");
    }

    [Fact]
    public async Task Request_WithoutToken_Gets401()
    {
        using var http = new HttpClient();
        using var content = Initialize();
        var response = await http.PostAsync(Endpoint, content);
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Request_FromForeignOrigin_Gets403()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = Initialize() };
        request.Headers.Add("Authorization", "Bearer " + Token);
        request.Headers.Add("Origin", "https://evil.example");
        var response = await http.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("--allow-origin");
    }

    private static StringContent Initialize() => new(
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""",
        System.Text.Encoding.UTF8, "application/json");
}
