using System.Collections.Concurrent;
using System.Diagnostics;
using ModelContextProtocol.Client;

namespace McpFlow.Server.Tests.Support;

/// <summary>The real server with <c>--http</c> on a free loopback port, guarded by a bearer token, and SDK clients for it.</summary>
internal sealed class HttpServer : IAsyncDisposable
{
    public const string Token = "e2e-token-7f3a";

    // Start-up of the real server on a loaded 2-core machine; the loop ends as soon as it answers.
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<string> _log = new();

    private HttpServer(Process process, Uri endpoint)
    {
        Process = process;
        Endpoint = endpoint;
        // Read the log as it comes (a full stderr pipe would block the server) and keep it for failure messages.
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                _log.Enqueue(e.Data);
        };
        process.BeginErrorReadLine();
    }

    /// <summary>The server's log lines so far (stderr).</summary>
    public string Log => string.Join("\n", _log);

    public Process Process { get; }

    public Uri Endpoint { get; }

    /// <summary>Starts the server with <paramref name="args"/> besides the HTTP ones (and <paramref name="environment"/>
    /// besides the token and log level, e.g. <c>MCPFLOW_USERS</c>) and waits until it answers.</summary>
    public static async Task<HttpServer> StartAsync(IEnumerable<string> args, string logLevel = "Warning", IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = ServerProcess.FreePort();
        var variables = new Dictionary<string, string> { ["MCPFLOW_HTTP_TOKEN"] = Token, ["MCPFLOW_LOG_LEVEL"] = logLevel };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            variables[key] = value;
        var process = ServerProcess.Start(["--http", "--urls", $"http://127.0.0.1:{port}", .. args], variables);
        var server = new HttpServer(process, new Uri($"http://127.0.0.1:{port}/mcp"));
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await http.GetAsync(server.Endpoint);
                return server;
            }
            catch (HttpRequestException) when (clock.Elapsed < StartLimit && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (HttpRequestException ex)
            {
                // Gave up: the failure carries the server's log (why it exited or never listened).
                await server.DisposeAsync();
                throw new InvalidOperationException($"The server on port {port} did not answer ({(process.HasExited ? "it exited" : $"{StartLimit.TotalSeconds:0} s")}). Its log:\n{server.Log}", ex);
            }
        }
    }

    /// <summary>A connected SDK client (Streamable HTTP, with the token) using <paramref name="handlers"/>; disposing
    /// the connection closes the session (HTTP DELETE) and then the transport.</summary>
    public Task<Connection> ConnectAsync(McpClientHandlers? handlers = null) => ConnectAsync(Token, handlers);

    /// <summary>A connected SDK client sending <paramref name="token"/> (a team-mode user's) as its bearer token.</summary>
    public async Task<Connection> ConnectAsync(string token, McpClientHandlers? handlers = null)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = Endpoint,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        });
        try
        {
            var options = McpFlow.Walkthrough.WalkthroughClientOptions.Create();
            if (handlers is not null)
                options.Handlers = handlers;
            return new Connection(await McpClient.CreateAsync(transport, options), transport);
        }
        catch
        {
            await transport.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }

        Process.Dispose();
    }

    /// <summary>A client and the transport it runs on.</summary>
    public sealed class Connection(McpClient client, HttpClientTransport transport) : IAsyncDisposable
    {
        public McpClient Client => client;

        public async ValueTask DisposeAsync()
        {
            await client.DisposeAsync();
            await transport.DisposeAsync();
        }
    }
}
