using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using McpFlow.Security.Tests.Harness;
using McpFlow.Security.Tests.Sandbox;

namespace McpFlow.Security.Tests.Http;

/// <summary>The server with --http on a free loopback port, protected by a bearer token.</summary>
internal sealed class HttpServer : IAsyncDisposable
{
    /// <summary>The bearer token the server requires.</summary>
    public const string Token = "redteam-token-5d1e9c0b7a";

    /// <summary>Characters of the process's output kept (the log at Warning level stays far below).</summary>
    private const int OutputKept = 1 << 20;

    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private HttpServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>The MCP endpoint.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port}/mcp");

    /// <summary>What the process wrote to stdout and stderr so far (its log).</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>True while the process runs.</summary>
    public bool IsAlive => !_process.HasExited;

    /// <summary>Starts the server and returns once it accepts connections (bounded by <see cref="Deadlines.Start"/>).</summary>
    public static Task<HttpServer> StartAsync(SandboxFolders sandbox, params string[] extra) =>
        StartAsync(sandbox, new Dictionary<string, string> { ["MCPFLOW_HTTP_TOKEN"] = Token }, extra);

    /// <summary>Starts the server with <paramref name="environment"/> (no shared token unless it holds one) and
    /// <paramref name="extra"/> options, e.g. team-mode users.</summary>
    public static async Task<HttpServer> StartAsync(SandboxFolders sandbox, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> extra)
    {
        var port = FreePort();
        var launch = new ServerLaunch(sandbox.Workspace, [sandbox.Root], sandbox.Cwd)
        {
            ExtraArguments = ["--http", "--urls", $"http://127.0.0.1:{port}", .. extra],
            Environment = environment,
        };
        var process = Process.Start(launch.StartInfo())!;
        var server = new HttpServer(process, port);
        process.OutputDataReceived += (_, e) => server.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => server.Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + Deadlines.Start;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                // Not listening yet: the connection attempt itself is the wait (refused at once), plus a short pause.
                await Task.Delay(50);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            if (_output.Length < OutputKept)
                _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
