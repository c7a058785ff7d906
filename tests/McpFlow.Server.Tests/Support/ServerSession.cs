using System.Collections.Concurrent;
using System.Diagnostics;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFlow.Server.Tests.Support;

/// <summary>A real server process with an MCP client on its stdin/stdout, and its stderr log lines as they come.</summary>
internal sealed class ServerSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _log = new();
    private readonly List<(Func<string, bool> Match, int Count, TaskCompletionSource Seen)> _waits = [];
    private readonly Lock _lock = new();

    private ServerSession(Process process, McpClient client)
    {
        Process = process;
        Client = client;
    }

    public Process Process { get; }

    public McpClient Client { get; }

    /// <summary>Log lines seen so far.</summary>
    public IReadOnlyCollection<string> Log => _log;

    /// <summary>Starts the server on <paramref name="workspace"/> (allowed root <paramref name="root"/>) and connects a client.</summary>
    public static async Task<ServerSession> StartAsync(string workspace, string root)
    {
        var process = ServerProcess.Start(["--workspace", workspace, "--allow-root", root],
            new Dictionary<string, string> { ["MCPFLOW_LOG_LEVEL"] = "Information" });
        ServerSession? session = null;
        var pending = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            if (session is null)
                pending.Enqueue(e.Data);
            else
                session.OnLine(e.Data);
        };
        process.BeginErrorReadLine();
        var transport = new StreamClientTransport(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        var client = await McpClient.CreateAsync(transport, McpFlow.Walkthrough.WalkthroughClientOptions.Create());
        session = new ServerSession(process, client);
        while (pending.TryDequeue(out var line))
            session.OnLine(line);
        return session;
    }

    /// <summary>Completes once <paramref name="count"/> log lines matching <paramref name="match"/> have been written.</summary>
    public Task WaitForLogAsync(Func<string, bool> match, int count = 1)
    {
        lock (_lock)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_log.Count(match) >= count)
                seen.SetResult();
            else
                _waits.Add((match, count, seen));
            return seen.Task;
        }
    }

    /// <summary>Waits for the process to exit and returns how long that took from <paramref name="since"/>.</summary>
    public async Task<TimeSpan> WaitForExitAsync(Stopwatch since, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await Process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"The server was still running {limit.TotalSeconds} s later. Log:\n{string.Join("\n", _log)}");
        }

        return since.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Client.DisposeAsync();
        }
        catch (IOException)
        {
            // The server is gone.
        }

        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }

        Process.Dispose();
    }

    private void OnLine(string line)
    {
        lock (_lock)
        {
            _log.Enqueue(line);
            foreach (var wait in _waits.Where(w => _log.Count(w.Match) >= w.Count).ToList())
            {
                wait.Seen.TrySetResult();
                _waits.Remove(wait);
            }
        }
    }
}
