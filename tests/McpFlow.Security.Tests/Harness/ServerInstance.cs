using System.Diagnostics;
using System.Text;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFlow.Security.Tests.Harness;

/// <summary>
/// One real server process with the SDK's <see cref="McpClient"/> on its stdio (a <see cref="StreamClientTransport"/>
/// over the process's own pipes, so the suite knows the process id for liveness checks and kill -9). stderr is drained
/// into a bounded tail for diagnostics.
/// </summary>
internal sealed class ServerInstance : IAsyncDisposable
{
    /// <summary>Characters of stderr kept: the end of the log explains a crash, and the secrets tests search a few calls'
    /// worth of Trace logging for values that must not be there.</summary>
    private const int StdErrTailCharacters = 2_000_000;

    private readonly StringBuilder _stderr = new();
    private bool _disposed;

    private ServerInstance(Process process) => Process = process;

    /// <summary>The server process.</summary>
    public Process Process { get; }

    /// <summary>The connected client.</summary>
    public McpClient Client { get; private set; } = null!;

    /// <summary>True while the process runs.</summary>
    public bool IsAlive => !_disposed && !Process.HasExited;

    /// <summary>The end of what the server wrote to stderr.</summary>
    public string StdErrTail
    {
        get
        {
            lock (_stderr)
                return _stderr.ToString();
        }
    }

    /// <summary>Starts the server and completes the MCP handshake within <see cref="Deadlines.Start"/>.</summary>
    public static async Task<ServerInstance> StartAsync(ServerLaunch launch)
    {
        var process = Process.Start(launch.StartInfo()) ?? throw new InvalidOperationException("dotnet did not start.");
        var instance = new ServerInstance(process);
        process.ErrorDataReceived += (_, e) => instance.AppendStdErr(e.Data);
        process.BeginErrorReadLine();
        try
        {
            var transport = new StreamClientTransport(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
            using var deadline = new CancellationTokenSource(Deadlines.Start);
            instance.Client = await McpClient.CreateAsync(transport, ClientOptions(), cancellationToken: deadline.Token);
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary>Client options: the discover probe waits (as the walkthrough's client does: a loaded machine answers late).</summary>
    public static McpClientOptions ClientOptions() => new()
    {
        ClientInfo = new Implementation { Name = "mcpflow-redteam", Version = "1.0" },
        DiscoverProbeTimeout = Timeout.InfiniteTimeSpan,
        InitializationTimeout = Deadlines.Start,
    };

    /// <summary>kill -9: SIGKILL, no chance to clean up.</summary>
    public async Task KillHardAsync()
    {
        if (!Process.HasExited)
            Process.Kill(entireProcessTree: false);
        await Process.WaitForExitAsync();
    }

    /// <summary>Disposes the client and closes the process's stdin (end of file, as a client that quits leaves it), then
    /// waits up to <paramref name="grace"/> for the process to end on its own; returns whether it did. A process still
    /// running after that is killed.</summary>
    public async Task<bool> CloseAsync(TimeSpan grace)
    {
        try
        {
            if (Client is not null)
                await Client.DisposeAsync();
            // The stream transport does not own the pipe: close it here, or the server never sees end of file.
            Process.StandardInput.Close();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The pipe is already gone (the process died); nothing to close.
        }

        using var wait = new CancellationTokenSource(grace);
        try
        {
            await Process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            await KillHardAsync();
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        await CloseAsync(Deadlines.ExitOnEof);
        _disposed = true;
        Process.Dispose();
    }

    private void AppendStdErr(string? line)
    {
        if (line is null)
            return;
        lock (_stderr)
        {
            _stderr.AppendLine(line);
            if (_stderr.Length > StdErrTailCharacters)
                _stderr.Remove(0, _stderr.Length - StdErrTailCharacters);
        }
    }
}
