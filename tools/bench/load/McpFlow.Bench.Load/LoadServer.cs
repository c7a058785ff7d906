using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using McpFlow.Walkthrough;
using ModelContextProtocol.Client;

namespace McpFlow.Bench.Load;

/// <summary>
/// The installed server (as mcp.json launches it) in HTTP team mode on a free loopback port, with the users given in
/// <c>MCPFLOW_USERS</c>; its resident memory sampled once a second.
/// </summary>
internal sealed class LoadServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<HttpClientTransport> _transports = [];
    private readonly Task _sampler;
    private long _peakRss;
    private long _lastRss;

    private LoadServer(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && _log.Count < 2000)
                _log.Enqueue(e.Data);
        };
        process.BeginErrorReadLine();
        _sampler = SampleAsync(_stop.Token);
    }

    /// <summary>The MCP endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The server's stderr so far.</summary>
    public string Log => string.Join('\n', _log);

    /// <summary>Highest resident set size sampled, bytes.</summary>
    public long PeakRss => Interlocked.Read(ref _peakRss);

    /// <summary>Last resident set size sampled, bytes.</summary>
    public long LastRss => Interlocked.Read(ref _lastRss);

    /// <summary>The kernel's high-water mark of the resident set (VmHWM), bytes; 0 when unreadable.</summary>
    public long HighWaterMark => ReadStatus("VmHWM:");

    /// <summary>Resets the sampled peak (between phases).</summary>
    public void ResetPeak() => Interlocked.Exchange(ref _peakRss, LastRss);

    /// <summary>Installs and starts the server and waits until it answers (a minute at most on a loaded machine).</summary>
    public static async Task<LoadServer> StartAsync(string repository, string workspace, string dataFolder, string users)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var build = Path.Combine(repository, "src", "McpFlow.Server", "bin", configuration, "net10.0");
        var dll = ServerInstall.Ensure(repository, configuration, build, Console.Out);
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = repository };
        foreach (var arg in new[] { dll, "--http", "--urls", $"http://127.0.0.1:{port}", "--workspace", workspace, "--allow-root", dataFolder })
            info.ArgumentList.Add(arg);
        info.Environment["MCPFLOW_USERS"] = users;
        info.Environment["MCPFLOW_LOG_LEVEL"] = "Warning";
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
        var server = new LoadServer(process, new Uri($"http://127.0.0.1:{port}/mcp"));
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await http.GetAsync(server.Endpoint);
                return server;
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromMinutes(1) && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>A client for one user (Streamable HTTP, the user's bearer token); its transport is disposed with the server.</summary>
    public async Task<McpClient> ConnectAsync(string token, CancellationToken cancellationToken)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = Endpoint,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        });
        _transports.Add(transport);
        return await McpClient.CreateAsync(transport, WalkthroughClientOptions.Create(), cancellationToken: cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        foreach (var transport in _transports)
            await transport.DisposeAsync();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _stop.Dispose();
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                var rss = ReadStatus("VmRSS:");
                Interlocked.Exchange(ref _lastRss, rss);
                if (rss > Interlocked.Read(ref _peakRss))
                    Interlocked.Exchange(ref _peakRss, rss);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private long ReadStatus(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
