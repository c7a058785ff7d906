using Hangfire;
using McpFlow.Core.Configuration;
using McpFlow.Core.Jobs;
using McpFlow.Core.Jobs.Distributed;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace McpFlow.Server.Team;

/// <summary>
/// The worker (<c>mcpflow --worker</c>): a Hangfire server on the team database serving the queues of every
/// distributable kind with <see cref="JobOptions.MaxConcurrent"/> jobs at once, activating only McpFlow's runner.
/// Stopping it cancels its running jobs, which Hangfire then gives to another worker.
/// </summary>
internal sealed class JobWorker(
    JobStorage storage, HangfireJobRunner runner, DistributedJobKinds kinds, McpFlowOptions options, TeamJobSettings settings, ILogger<JobWorker> logger)
    : IHostedService, IDisposable
{
    private BackgroundJobServer? _server;

    /// <summary>The queues served.</summary>
    public IReadOnlyList<string> Queues => kinds.Queues;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var filters = new RunnerOnlyFilter();
        _server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            Queues = [.. kinds.Queues],
            WorkerCount = options.Jobs.MaxConcurrent,
            ServerName = $"mcpflow-{Environment.MachineName}-{Environment.ProcessId}",
            Activator = new RunnerOnlyActivator(runner),
            FilterProvider = filters,
            CancellationCheckInterval = settings.CancellationCheckInterval,
            SchedulePollingInterval = settings.SchedulePollingInterval,
            ShutdownTimeout = JobManager.StopGrace,
        }, storage);
        logger.LogInformation("McpFlow worker serving queues {Queues} with {Workers} job(s) at once", string.Join(", ", kinds.Queues), options.Jobs.MaxConcurrent);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null)
            return;
        _server.SendStop();
        await _server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _server?.Dispose();
}
