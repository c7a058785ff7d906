namespace McpFlow.Server.Team;

/// <summary>How quickly the team's job engine reacts; the defaults suit production, tests shorten them.</summary>
/// <param name="InvisibilityTimeout">How long a job fetched by a worker stays invisible to other workers without a
/// heartbeat (sliding: a live worker renews it every fifth of it): a dead worker's job is retried after about this long.</param>
/// <param name="QueuePollInterval">How often an idle worker looks for new jobs.</param>
/// <param name="CancellationCheckInterval">How often a worker checks whether its running jobs were cancelled.</param>
/// <param name="SchedulePollingInterval">How often scheduled retries are moved back to their queue.</param>
internal sealed record TeamJobSettings(TimeSpan InvisibilityTimeout, TimeSpan QueuePollInterval, TimeSpan CancellationCheckInterval, TimeSpan SchedulePollingInterval)
{
    /// <summary>Production: a dead worker's job is retried after <c>--job-retry-after</c> (default 5 minutes); new jobs
    /// start within 2 s, cancellation reaches a worker within 5 s.</summary>
    public static TeamJobSettings From(McpFlow.Core.Configuration.McpFlowOptions options) =>
        new(TimeSpan.FromSeconds(options.Jobs.RetryAfterSeconds), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15));
}
