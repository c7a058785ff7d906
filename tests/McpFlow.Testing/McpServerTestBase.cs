using System.IO.Pipelines;
using System.Text.Json;
using McpFlow.Core;
using McpFlow.Core.Configuration;
using McpFlow.Core.Groups;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Xunit;
using Xunit.Abstractions;

namespace McpFlow.Testing;

/// <summary>
/// Wires an McpFlow server and an MCP client through two in-memory pipes (the C# SDK's ClientServerTestBase
/// pattern). Each test class gets a fresh temporary workspace and data folder (the allowed root). Override
/// <see cref="Groups"/> to choose the tool groups under test, <see cref="ConfigureOptions"/> to change options
/// and <see cref="ConfigureServices"/> to substitute services. A test class that takes xunit's
/// <see cref="ITestOutputHelper"/> and passes it to the constructor gets the server's log in its output (shown with a
/// failure). The service provider validates scopes and every registration when it is built, as the host does.
/// </summary>
public abstract class McpServerTestBase : IAsyncLifetime
{
    /// <summary>The level from which the server's log goes to the test output (the SDK logs each request at Information).</summary>
    public const LogLevel OutputLogLevel = LogLevel.Information;

    private readonly ITestOutputHelper? _output;
    private readonly Pipe _clientToServer = new();
    private readonly Pipe _serverToClient = new();
    private readonly CancellationTokenSource _cts = new();
    private ServiceProvider? _services;
    private Task? _serverTask;
    private McpClient? _client;

    /// <summary>Creates the temporary folders; with <paramref name="output"/>, the server logs into the test output.</summary>
    protected McpServerTestBase(ITestOutputHelper? output = null)
    {
        _output = output;
        TempRoot = TempFolder.Create("mcpflow-test");
        WorkspaceRoot = Path.Combine(TempRoot, "workspace");
        DataRoot = Path.Combine(TempRoot, "data");
        Directory.CreateDirectory(DataRoot);
        Options = new McpFlowOptions { WorkspacePath = WorkspaceRoot, AllowedRoots = [DataRoot] };
    }

    /// <summary>The temporary folder holding workspace and data.</summary>
    protected string TempRoot { get; }

    /// <summary>The workspace folder.</summary>
    protected string WorkspaceRoot { get; }

    /// <summary>An allowed root for test input files.</summary>
    protected string DataRoot { get; }

    /// <summary>The server's options (change them in <see cref="ConfigureOptions"/>).</summary>
    protected McpFlowOptions Options { get; }

    /// <summary>The server's service provider.</summary>
    protected IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>The connected client.</summary>
    protected McpClient Client => _client ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>Groups under test (the core group is always added).</summary>
    protected virtual IReadOnlyList<IToolGroup> Groups => [];

    /// <summary>Client options, e.g. to declare elicitation support.</summary>
    protected virtual McpClientOptions? ClientOptions => null;

    /// <summary>Adjust options before the server starts.</summary>
    protected virtual void ConfigureOptions(McpFlowOptions options)
    {
    }

    /// <summary>Add or replace services before the server starts.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <inheritdoc />
    public virtual async Task InitializeAsync()
    {
        ConfigureOptions(Options);
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Warning);
            if (_output is null)
                return;
            b.AddProvider(new TestOutputLoggerProvider(_output));
            b.AddFilter<TestOutputLoggerProvider>(null, OutputLogLevel);
        });
        services.AddMcpFlow(Options, Groups)
            .WithStreamServerTransport(_clientToServer.Reader.AsStream(), _serverToClient.Writer.AsStream());
        ConfigureServices(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        var server = _services.GetRequiredService<McpServer>();
        _serverTask = server.RunAsync(_cts.Token);
        _client = await McpClient.CreateAsync(
            new StreamClientTransport(_clientToServer.Writer.AsStream(), _serverToClient.Reader.AsStream()),
            ClientOptions, cancellationToken: _cts.Token);
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        if (_client is not null)
            await _client.DisposeAsync();
        await _cts.CancelAsync();
        _clientToServer.Writer.Complete();
        _serverToClient.Writer.Complete();
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

        if (_services is not null)
            await _services.DisposeAsync();
        _cts.Dispose();
        TempFolder.TryDelete(TempRoot);
    }

    /// <summary>Calls a tool with arguments given as an anonymous object or dictionary.</summary>
    protected async Task<CallToolResult> CallAsync(string tool, object? arguments = null, IProgress<ProgressNotificationValue>? progress = null)
    {
        var args = arguments switch
        {
            null => new Dictionary<string, object?>(),
            IReadOnlyDictionary<string, object?> d => d,
            _ => JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!,
        };
        return await Client.CallToolAsync(tool, args, progress, cancellationToken: _cts.Token);
    }

    /// <summary>
    /// Calls a tool that may answer with a running job (a wait is at most 45 s) and follows the job with job_status
    /// until it finishes; returns the final result, asserting success. For tests whose work can outlast one wait on a
    /// loaded machine.
    /// </summary>
    protected async Task<CallToolResult> CallUntilFinishedAsync(string tool, object? arguments = null)
    {
        var result = await CallOkAsync(tool, arguments);
        while (result.StructuredContent is { } s && s.TryGetProperty("job", out var job)
               && job.GetProperty("state").GetString() is "queued" or "running")
            result = await CallOkAsync("job_status", new { job_id = job.GetProperty("id").GetString(), wait_seconds = 45 });
        return result;
    }

    /// <summary>Calls a tool and asserts it succeeded; returns the result.</summary>
    protected async Task<CallToolResult> CallOkAsync(string tool, object? arguments = null)
    {
        var result = await CallAsync(tool, arguments);
        if (result.IsError == true)
            throw new Xunit.Sdk.XunitException($"Tool {tool} failed: {result.Text()}");
        return result;
    }
}
