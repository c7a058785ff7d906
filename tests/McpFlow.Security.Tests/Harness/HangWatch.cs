using System.Diagnostics;

namespace McpFlow.Security.Tests.Harness;

/// <summary>
/// Decides when a call has hung, in the server's own CPU time rather than the wall clock: a call is cut when the server
/// process has spent more CPU time than the deadline allows since the call began (work it does not stop), or when
/// <see cref="WallFactor"/> times the deadline has passed (a server blocked without working). On a machine whose cores
/// are shared with other builds and suites a slow answer is not a hang, while a spinning server still is; the same
/// deadlines hold on a quiet machine, where CPU time and wall time advance together.
/// </summary>
internal sealed class HangWatch : IDisposable
{
    /// <summary>How often the server's CPU time is read (from /proc through <see cref="Process.TotalProcessorTime"/>).</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The wall-clock cut, as a multiple of the deadline: a blocked server uses no CPU, so only this catches it.</summary>
    public const int WallFactor = 8;

    private readonly CancellationTokenSource _cut;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _poll;

    private HangWatch(Process process, TimeSpan deadline)
    {
        _cut = new CancellationTokenSource(deadline * WallFactor);
        var start = CpuTime(process);
        _poll = PollAsync(process, start, deadline);
    }

    /// <summary>Cancelled when the call is judged hung.</summary>
    public CancellationToken Token => _cut.Token;

    /// <summary>The server's CPU time spent since the call began, as last read.</summary>
    public TimeSpan CpuUsed { get; private set; }

    /// <summary>Starts watching <paramref name="process"/> for one call.</summary>
    public static HangWatch Start(Process process, TimeSpan deadline) => new(process, deadline);

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _poll.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _cut.Dispose();
    }

    private async Task PollAsync(Process process, TimeSpan start, TimeSpan deadline)
    {
        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(_stop.Token))
        {
            var now = CpuTime(process);
            CpuUsed = now - start;
            if (CpuUsed > deadline)
            {
                await _cut.CancelAsync();
                return;
            }
        }
    }

    private static TimeSpan CpuTime(Process process)
    {
        try
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            // The process has exited: the caller sees the exit.
            return TimeSpan.Zero;
        }
    }
}
