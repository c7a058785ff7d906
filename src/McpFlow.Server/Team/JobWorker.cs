using Hangfire;
using McpFlow.Core.Configuration;
using McpFlow.Core.Jobs;
using McpFlow.Core.Jobs.Distributed;
using McpFlow.Server.Cli;
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

    /// <summary>The queues served: <see cref="JobOptions.WorkerQueues"/> (each one some kind's queue), or every kind's.</summary>
    public IReadOnlyList<string> Queues => Served(kinds, options.Jobs.WorkerQueues);

    /// <summary>The queues a worker serves; refuses a queue no distributable kind uses, naming the ones that exist.</summary>
    public static IReadOnlyList<string> Served(DistributedJobKinds kinds, IReadOnlyList<string> wanted)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        if (wanted is not { Count: > 0 })
            return kinds.Queues;
        var unknown = wanted.Where(q => !kinds.Queues.Contains(q, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
            throw new OptionsException([$"--queues: no job kind uses the queue(s) {string.Join(", ", unknown)}; the queues are {string.Join(", ", kinds.Queues)}."]);
        return wanted.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var filters = new RunnerOnlyFilter();
        _server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            Queues = [.. Queues],
            WorkerCount = options.Jobs.MaxConcurrent,
            ServerName = $"mcpflow-{Environment.MachineName}-{Environment.ProcessId}",
            Activator = new RunnerOnlyActivator(runner),
            FilterProvider = filters,
            CancellationCheckInterval = settings.CancellationCheckInterval,
            SchedulePollingInterval = settings.SchedulePollingInterval,
            ShutdownTimeout = JobManager.StopGrace,
        }, storage);
        logger.LogInformation("McpFlow worker serving queues {Queues} with {Workers} job(s) at once", string.Join(", ", Queues), options.Jobs.MaxConcurrent);
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
