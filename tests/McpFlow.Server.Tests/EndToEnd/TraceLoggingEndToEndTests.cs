using System.Collections.Concurrent;
using McpFlow.Server.Tests.Support;
using McpFlow.Testing;
using ModelContextProtocol.Client;

namespace McpFlow.Server.Tests.EndToEnd;

/// <summary>The real server at MCPFLOW_LOG_LEVEL=Trace, driven over stdio: its stderr never shows a secret sent as an
/// argument, neither in the SDK's message logs nor in McpFlow's own.</summary>
public sealed class TraceLoggingEndToEndTests : IAsyncLifetime
{
    private readonly string _temp = TempFolder.Create("e2e-trace");
    private readonly ConcurrentQueue<string> _stderr = new();
    private McpClient? _client;

    public async Task InitializeAsync()
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "McpFlow",
            Command = "dotnet",
            Arguments = [ServerProcess.Dll, "--workspace", Path.Combine(_temp, "ws"), "--allow-root", _temp],
            EnvironmentVariables = new Dictionary<string, string?> { ["MCPFLOW_LOG_LEVEL"] = "Trace" },
            StandardErrorLines = _stderr.Enqueue,
        });
        _client = await McpClient.CreateAsync(transport, McpFlow.Walkthrough.WalkthroughClientOptions.Create());
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
            await _client.DisposeAsync(); // waits for the server process to exit, so stderr is complete
        TempFolder.TryDelete(_temp);
    }

    [Fact]
    public async Task AtTrace_SecretArgumentsNeverReachTheLog()
    {
        // A nested secret only the JSON redaction would find (the SDK's Trace payloads must not be logged at all),
        // and secrets in a text that McpFlow's own log line repeats (the redacting logger must mask them).
        await _client!.CallToolAsync("server_info", new Dictionary<string, object?>
        {
            ["probe_engines"] = false,
            ["session"] = new Dictionary<string, object?> { ["id"] = "e2e-leak-1" },
        });
        var refused = await _client.CallToolAsync("job_status", new Dictionary<string, object?> { ["job_id"] = "password=e2e-leak-2", ["wait_seconds"] = 0 });
        refused.IsError.Should().BeTrue();
        await _client.DisposeAsync();
        _client = null;

        var log = string.Join("\n", _stderr);
        log.Should().Contain("ModelContextProtocol", "the SDK's Debug lines are logged at Trace");
        log.Should().Contain("password=***", "McpFlow's refusal line is logged, redacted");
        log.Should().NotContain("e2e-leak-1").And.NotContain("e2e-leak-2");
    }
}
