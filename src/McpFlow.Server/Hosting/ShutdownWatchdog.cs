using Microsoft.Extensions.Logging;

namespace McpFlow.Server.Hosting;

/// <summary>
/// Makes sure a shutdown finishes: once <see cref="Begin"/> is called (stdin closed, SIGTERM, SIGINT), the process
/// has <see cref="Deadline"/> to stop by itself; otherwise (a call blocked in native code, e.g. a DuckDB query or
/// a SQLite step that never ends) it logs why and ends the process with <see cref="HardExitCode"/>. A process must
/// never outlive its client: it would keep the workspace's DuckDB lock and make the next session fail.
/// </summary>
internal sealed class ShutdownWatchdog(TimeProvider time, ILogger logger, Action<int> exit)
{
    /// <summary>Time a shutdown may take: the host gets <see cref="HostStopTimeout"/> to stop its services, the rest is
    /// for disposing them (the workspace database among them). Clients wait a few seconds for a server to go.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    /// <summary>How long the host waits for its services to stop (HostOptions.ShutdownTimeout; .NET's default is 30 s).</summary>
    public static readonly TimeSpan HostStopTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Exit code of a forced exit: a failure, since the server did not stop by itself.</summary>
    public const int HardExitCode = 1;

    private readonly Lock _lock = new();
    private ITimer? _timer;
    private string? _reason;
    private bool _finished;

    /// <summary>Starts the deadline; returns false when a shutdown had already begun (or finished).</summary>
    public bool Begin(string reason)
    {
        lock (_lock)
        {
            if (_reason is not null || _finished)
                return false;
            _reason = reason;
            _timer = time.CreateTimer(_ => Expire(), null, Deadline, Timeout.InfiniteTimeSpan);
        }

        logger.LogInformation("McpFlow is shutting down: {Reason}. It exits within {Seconds} s.", reason, Deadline.TotalSeconds);
        return true;
    }

    /// <summary>The host stopped and was disposed in time: no forced exit.</summary>
    public void Finished()
    {
        lock (_lock)
        {
            _finished = true;
            _timer?.Dispose();
        }
    }

    private void Expire()
    {
        string? reason;
        lock (_lock)
        {
            if (_finished)
                return;
            _finished = true;
            reason = _reason;
        }

        logger.LogCritical("McpFlow did not stop within {Seconds} s after {Reason}: a call or job is still running (e.g. blocked in native code). " +
                           "Exiting the process now (exit code {Code}); the workspace lock is released with it.", Deadline.TotalSeconds, reason, HardExitCode);
        exit(HardExitCode);
    }
}
