using System.ComponentModel;
using Hangfire;
using McpFlow.Core.Jobs.Distributed;

namespace McpFlow.Server.Team;

/// <summary>The only job type McpFlow enqueues to Hangfire: runs an McpFlow job on the worker that fetched it.</summary>
public sealed class HangfireJobRunner
{
    private readonly DistributedJobExecutor _executor;

    /// <summary>Creates the runner over the worker's executor.</summary>
    public HangfireJobRunner(DistributedJobExecutor executor) => _executor = executor;

    /// <summary>Runs job <paramref name="jobId"/>; Hangfire passes its cancellation token (job deleted or worker stopping).
    /// Failures of the job itself end in its record; an exception here (storage down, worker stopping) is retried.</summary>
    [AutomaticRetry(Attempts = 3)]
    [DisplayName("McpFlow {1} {0}")]
    public Task RunAsync(string jobId, string kind, string parameters, CancellationToken cancellationToken) =>
        _executor.ExecuteAsync(jobId, kind, parameters, cancellationToken);
}
