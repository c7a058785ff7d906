using Hangfire.Common;
using Hangfire.Server;

namespace McpFlow.Server.Team;

/// <summary>Skips every job that is not McpFlow's runner, static methods included (which need no activator), and adds
/// this check to Hangfire's global filters (automatic retry, state handling) for the worker.</summary>
internal sealed class RunnerOnlyFilter : IServerFilter, IJobFilterProvider
{
    /// <inheritdoc />
    public IEnumerable<JobFilter> GetFilters(Job job) =>
        JobFilterProviders.Providers.GetFilters(job).Append(new JobFilter(this, JobFilterScope.Global, null));

    /// <inheritdoc />
    public void OnPerforming(PerformingContext context)
    {
        if (context.BackgroundJob.Job.Type != typeof(HangfireJobRunner))
            context.Canceled = true;
    }

    /// <inheritdoc />
    public void OnPerformed(PerformedContext context)
    {
    }
}
