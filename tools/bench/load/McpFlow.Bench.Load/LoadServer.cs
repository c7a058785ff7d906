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

    /// <summary>The line a worker logs (at Information) once its Hangfire server is started (JobWorker.StartAsync).</summary>
    private const string WorkerReadyLine = "McpFlow worker serving queues";

    private readonly TaskCompletionSource _workerReady = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LoadServer(Process process, Uri? endpoint, string name)
    {
        _process = process;
        Endpoint = endpoint;
        Name = name;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            if (e.Data.Contains(WorkerReadyLine, StringComparison.Ordinal))
                _workerReady.TrySetResult();
            if (_log.Count < 2000)
                _log.Enqueue(e.Data);
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _sampler = SampleAsync(_stop.Token);
    }

    /// <summary>The MCP endpoint (null for a worker, which serves no clients).</summary>
    public Uri? Endpoint { get; }

    /// <summary>What the process is, for the report ("server A", "worker").</summary>
    public string Name { get; }

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

    /// <summary>Installs and starts the server and waits until it answers (a minute at most on a loaded machine).
    /// <paramref name="environment"/> adds variables (team mode: <c>MCPFLOW_TEAM_DATABASE</c>).</summary>
    public static async Task<LoadServer> StartAsync(string repository, string workspace, string dataFolder, string users,
        IReadOnlyDictionary<string, string>? environment = null, string name = "server")
    {
        var port = FreePort();
        var process = Launch(repository, ["--http", "--urls", $"http://127.0.0.1:{port}", "--workspace", workspace, "--allow-root", dataFolder],
            new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["MCPFLOW_USERS"] = users, ["MCPFLOW_LOG_LEVEL"] = "Warning" });
        var server = new LoadServer(process, new Uri($"http://127.0.0.1:{port}/mcp"), name);
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

    /// <summary>Starts a team-mode job worker (<c>--worker</c>) over the same workspace and waits until it serves its
    /// queues (90 s at most).</summary>
    public static async Task<LoadServer> StartWorkerAsync(string repository, string workspace, string dataFolder, IReadOnlyDictionary<string, string> environment)
    {
        var process = Launch(repository, ["--worker", "--workspace", workspace, "--allow-root", dataFolder],
            new Dictionary<string, string>(environment) { ["MCPFLOW_LOG_LEVEL"] = "Information" });
        var worker = new LoadServer(process, null, "worker");
        var first = await Task.WhenAny(worker._workerReady.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        if (first != worker._workerReady.Task)
        {
            var log = worker.Log;
            await worker.DisposeAsync();
            throw new InvalidOperationException($"The worker did not start. Its log:\n{log}");
        }

        return worker;
    }

    private static Process Launch(string repository, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var build = Path.Combine(repository, "src", "McpFlow.Server", "bin", configuration, "net10.0");
        var dll = ServerInstall.Ensure(repository, configuration, build, Console.Out);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = repository };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
    }

    /// <summary>A client for one user (Streamable HTTP, the user's bearer token); its transport is disposed with the server.</summary>
    public async Task<McpClient> ConnectAsync(string token, CancellationToken cancellationToken)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = Endpoint ?? throw new InvalidOperationException($"{Name} serves no clients."),
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
