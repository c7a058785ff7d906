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

    private readonly Process _process;

    private HttpServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>The MCP endpoint.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port}/mcp");

    /// <summary>True while the process runs.</summary>
    public bool IsAlive => !_process.HasExited;

    /// <summary>Starts the server and returns once it accepts connections (bounded by <see cref="Deadlines.Start"/>).</summary>
    public static async Task<HttpServer> StartAsync(SandboxFolders sandbox, params string[] extra)
    {
        var port = FreePort();
        var launch = new ServerLaunch(sandbox.Workspace, [sandbox.Root], sandbox.Cwd)
        {
            ExtraArguments = ["--http", "--urls", $"http://127.0.0.1:{port}", .. extra],
            Environment = new Dictionary<string, string> { ["MCPFLOW_HTTP_TOKEN"] = Token },
        };
        var process = Process.Start(launch.StartInfo())!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new HttpServer(process, port);
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
