using McpFlow.Server.Tests.Support;
using McpFlow.Testing;
using ModelContextProtocol.Client;

namespace McpFlow.Server.Tests.EndToEnd;

/// <summary>Launches the built server as a real process and talks MCP to it over stdio with the SDK's client.</summary>
public sealed class StdioEndToEndTests : IAsyncLifetime
{
    private readonly string _temp = TempFolder.Create("e2e");
    private McpClient? _client;

    public async Task InitializeAsync()
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "McpFlow",
            Command = "dotnet",
            Arguments = [ServerProcess.Dll, "--workspace", Path.Combine(_temp, "ws"), "--allow-root", _temp],
            // OMP_WAIT_POLICY removed: the server must set it itself (ServerAppliesPassiveOpenMpWaiting_AtStart).
            EnvironmentVariables = new Dictionary<string, string?> { ["MCPFLOW_LOG_LEVEL"] = "Warning", ["OMP_WAIT_POLICY"] = null },
        });
        _client = await McpClient.CreateAsync(transport, McpFlow.Walkthrough.WalkthroughClientOptions.Create());
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
            await _client.DisposeAsync();
        TempFolder.TryDelete(_temp);
    }

    [Fact]
    public async Task Server_AnswersInitializeListToolsAndServerInfo()
    {
        _client!.ServerInfo!.Name.Should().Be("McpFlow");
        _client.ServerInstructions.Should().Contain("job_status");

        var tools = await _client.ListToolsAsync();
        tools.Select(t => t.Name).Should().Contain(["server_info", "job_status", "job_list", "job_cancel"]);

        var info = await _client.CallToolAsync("server_info", new Dictionary<string, object?> { ["probe_engines"] = false });
        info.IsError.Should().NotBe(true);
        info.Text().Should().Contain("Workspace: " + Path.Combine(_temp, "ws"));
        info.Structured().GetProperty("allowedRoots")[0].GetString().Should().Be(_temp);
    }

    [Fact]
    public async Task Server_AppliesPassiveOpenMpWaiting_AtStart_BeforeAnyEngineLoads()
    {
        // probe_engines=false loads no native engine and server_info only reads the variable, so PASSIVE here was set
        // by Program.cs at start, where LightGBM's and libtorch's OpenMP runtime will read it when they load.
        var info = await _client!.CallToolAsync("server_info", new Dictionary<string, object?> { ["probe_engines"] = false });

        info.Structured().GetProperty("openMpWaitPolicy").GetString().Should().Be("PASSIVE");
        info.Text().Should().Contain("OMP_WAIT_POLICY=PASSIVE");
    }

    [Fact]
    public async Task Server_SurvivesBadCalls()
    {
        var bad = await _client!.CallToolAsync("job_status", new Dictionary<string, object?> { ["job_id"] = "nope", ["wait_seconds"] = 0 });
        bad.IsError.Should().BeTrue();
        bad.Text().Should().Contain("No job with id 'nope'");

        (await _client.ListToolsAsync()).Should().NotBeEmpty();
        (await _client.CallToolAsync("job_list")).IsError.Should().NotBe(true);
    }
}
