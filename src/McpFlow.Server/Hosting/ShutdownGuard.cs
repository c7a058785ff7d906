using McpFlow.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace McpFlow.Server.Hosting;

#pragma warning disable RS0030 // Composition code: a registration factory resolves its dependencies. (BannedSymbols.txt)

/// <summary>
/// Starts a quick, clean exit when the client goes (stdin closed) or the process is asked to stop (SIGTERM, SIGINT):
/// running background jobs are cancelled, the host is stopped (which cancels the calls in flight and disposes the
/// services: the workspace database is closed and its lock released), and <see cref="ShutdownWatchdog"/> ends the
/// process if that has not happened within its deadline.
/// </summary>
internal sealed class ShutdownGuard(IHostApplicationLifetime lifetime, JobManager jobs, ShutdownWatchdog watchdog, ILogger<ShutdownGuard> logger,
    StdinWatch? stdin = null) : IHostedService
{
    private CancellationTokenRegistration _stopping;
    private CancellationTokenRegistration _stdinClosed;

    /// <summary>Registers the guard, its watchdog and (for stdio) the watched standard input. The host calls
    /// <see cref="ShutdownWatchdog.Finished"/> on the watchdog once it has stopped and been disposed.</summary>
    public static void Add(IServiceCollection services, StdinWatch? stdin)
    {
        services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownWatchdog.HostStopTimeout);
        services.AddSingleton(sp =>
        {
            var providers = sp.GetServices<ILoggerProvider>().ToList();
            return new ShutdownWatchdog(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ShutdownWatchdog>>(),
                code => HardExit.Run(code, providers));
        });
        if (stdin is not null)
            services.AddSingleton(stdin);
        services.AddHostedService<ShutdownGuard>();
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = lifetime.ApplicationStopping.Register(() => Begin("the host is stopping (SIGTERM, SIGINT or the session ended)", stopHost: false));
        if (stdin is not null)
            _stdinClosed = stdin.Closed.Register(() => Begin("standard input closed (the client is gone)", stopHost: true));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stdinClosed.DisposeAsync();
        await _stopping.DisposeAsync();
    }

    private void Begin(string reason, bool stopHost)
    {
        if (!watchdog.Begin(reason))
            return;
        var cancelled = jobs.CancelAll();
        if (cancelled > 0)
            logger.LogInformation("Cancelled {Count} running background job(s).", cancelled);
        if (stopHost)
            lifetime.StopApplication();
    }
}
