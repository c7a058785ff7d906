using McpFlow.Server.Hosting;
using McpFlow.Server.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace McpFlow.Server.Tests.Hosting;

public sealed class ShutdownWatchdogTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly List<int> _exits = [];

    private ShutdownWatchdog NewWatchdog() => new(_time, NullLogger.Instance, _exits.Add);

    [Fact]
    public void Watchdog_ExitsHard_WhenTheShutdownIsNotFinishedByTheDeadline()
    {
        var watchdog = NewWatchdog();
        watchdog.Begin("stdin closed").Should().BeTrue();

        _time.Advance(ShutdownWatchdog.Deadline - TimeSpan.FromMilliseconds(1));
        _exits.Should().BeEmpty();
        _time.Advance(TimeSpan.FromMilliseconds(1));

        _exits.Should().Equal(ShutdownWatchdog.HardExitCode);
    }

    [Fact]
    public void Watchdog_DoesNothing_WhenTheHostFinishesInTime()
    {
        var watchdog = NewWatchdog();
        watchdog.Begin("SIGTERM");

        watchdog.Finished();
        _time.Advance(ShutdownWatchdog.Deadline * 10);

        _exits.Should().BeEmpty();
    }

    [Fact]
    public void Watchdog_StartsOneDeadline_ForSeveralReasons()
    {
        var watchdog = NewWatchdog();
        watchdog.Begin("stdin closed").Should().BeTrue();
        _time.Advance(TimeSpan.FromSeconds(2));

        watchdog.Begin("the host is stopping").Should().BeFalse();
        _time.Advance(ShutdownWatchdog.Deadline - TimeSpan.FromSeconds(2));

        _exits.Should().Equal(ShutdownWatchdog.HardExitCode);
    }

    [Fact]
    public void HostStopTimeout_LeavesTimeWithinTheDeadline_ToDisposeTheServices() =>
        ShutdownWatchdog.HostStopTimeout.Should().BeLessThan(ShutdownWatchdog.Deadline);
}
